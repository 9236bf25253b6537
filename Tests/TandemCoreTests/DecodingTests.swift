import Foundation
import Testing

@testable import TandemCore

@Suite("Decoding bytes to text")
struct DecodingTests {
    let decoder = CharsetDecoder()
    /// "Tiếng Việt là ngôn ngữ" in windows-1258: precomposed ê/ô/ư plus combining tone bytes.
    static let windows1258: [UInt8] = [
        0x54, 0x69, 0xEA, 0xEC, 0x6E, 0x67, 0x20, 0x56, 0x69, 0xEA, 0xF2, 0x74, 0x20, 0x6C, 0x61, 0xCC, 0x20, 0x6E,
        0x67, 0xF4, 0x6E, 0x20, 0x6E, 0x67, 0xFD, 0xDE,
    ]

    @Test func plainUTF8() throws {
        let decoded = try decoder.decode(Array("Hà Nội".utf8))
        #expect(decoded.text == "Hà Nội")
        #expect(decoded.encoding == "UTF-8")
    }

    /// The shim's UTF-8 check agrees with Swift's String on every edge of Table 3-7 (overlong
    /// forms, surrogates, past U+10FFFF, cut sequences) and on random bytes, at every offset
    /// from an 8-byte ASCII run (the check skips ASCII a word at a time).
    @Test func utf8CheckAgreesWithSwift() {
        let edges: [[UInt8]] = [
            [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80],
            [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0x80, 0x80],
            [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0xE1, 0xBB], [0xE1], [0x80], [0xFF], Array("Việt Nam".utf8), [0xF0, 0x9F, 0x98, 0x80],
        ]
        var state: UInt64 = 42
        var random: [[UInt8]] = []
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<(Int(state >> 60) + 1) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                // Mostly pieces of Vietnamese text, sometimes a random byte.
                let piece = Array("ệ ư Đ a 5".utf8)
                bytes.append(
                    (state >> 40) % 7 == 0
                        ? UInt8(truncatingIfNeeded: state >> 48) : piece[Int(state >> 33) % piece.count])
            }
            random.append(bytes)
        }
        for sequence in edges + random {
            for prefix in 0..<10 {
                let bytes = Array(repeating: UInt8(ascii: "a"), count: prefix) + sequence + Array("xyz".utf8)
                #expect(
                    CharsetDecoder.isValidUTF8(bytes) == (String(validating: bytes, as: UTF8.self) != nil),
                    "\(bytes)")
                #expect(
                    CharsetDecoder.isValidUTF8(Array(bytes.dropLast(3)))
                        == (String(validating: bytes.dropLast(3), as: UTF8.self) != nil))
            }
        }
    }

    @Test func utf8WithBOM() throws {
        let decoded = try decoder.decode([0xEF, 0xBB, 0xBF] + Array("abc".utf8))
        #expect(decoded.text == "abc")
        #expect(decoded.encoding == "UTF-8 (BOM)")
    }

    @Test func utf16WithBOM() throws {
        let little: [UInt8] = [0xFF, 0xFE] + Array("Đức".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + Array("Đức".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try decoder.decode(little).text == "Đức")
        #expect(try decoder.decode(little).encoding == "UTF-16LE")
        #expect(try decoder.decode(big).text == "Đức")
    }

    @Test func windows1258IsDetectedAndDecoded() throws {
        let decoded = try decoder.decode(Self.windows1258)
        #expect(decoded.encoding == "windows-1258")
        #expect(decoded.text.precomposedStringWithCanonicalMapping == "Tiếng Việt là ngôn ngữ")
    }

    @Test func binaryIsRejected() {
        #expect(throws: StageFailure.self) { try decoder.decode([0x41, 0x00, 0x42, 0x00]) }
        // The message names the first NUL's offset, however far in it is.
        let late = Array(String(repeating: "Hà Nội ", count: 40).utf8) + [0x00, 0x41]
        do {
            _ = try decoder.decode(late)
            Issue.record("a NUL byte was accepted")
        } catch {
            #expect(error.message.contains("NUL byte at offset \(late.count - 2)"))
        }
    }

    @Test func mostlyUTF8IsRepairedWithAWarning() throws {
        let decoded = try decoder.decode(Array("Việt Nam ".utf8) + [0xFF] + Array(" Hà Nội".utf8))
        #expect(decoded.text.contains("\u{FFFD}"))
        #expect(decoded.warnings.count == 1)
    }

    @Test func garbageWithoutLegacyEncodingIsAnError() {
        let garbage: [UInt8] = (0..<64).map { UInt8(0x80 + ($0 * 7) % 0x40) }
        #expect(throws: StageFailure.self) { try decoder.decode(garbage) }
    }
}

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

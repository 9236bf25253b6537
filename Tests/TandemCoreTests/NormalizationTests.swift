import Foundation
import Testing

@testable import TandemCore

@Suite("Normalization keeps an exact map to the original text")
struct NormalizationTests {
    func normalize(_ text: String) throws -> NormalizedDocument {
        let document = TextDocument(
            doc: "t", inputBytes: text.utf8.count, text: text, encoding: "UTF-8", format: .text, dct: nil,
            declaredLanguage: nil,
            forcedLanguage: nil, warnings: [])
        return try TextNormalizer().normalize(document)
    }

    func normalizedString(_ text: String) throws -> String {
        String(decoding: try normalize(text).normalized, as: UTF8.self)
    }

    @Test func composesNFD() throws {
        let nfd = "Tie\u{302}\u{301}ng Vie\u{302}\u{323}t"
        #expect(try normalizedString(nfd) == "Tiếng Việt")
        // A precomposed letter with a combining mark after it still composes (the copy of
        // precomposed letters stops short of it); × and ÷ are no letters.
        #expect(try normalizedString("Ti\u{EA}\u{301}ng \u{1B0}\u{300}a ệ\u{301}") == "Tiếng ừa ệ\u{301}")
        #expect(try normalizedString("5×3÷ắ") == "5×3÷ắ")
    }

    @Test func foldsTypography() throws {
        #expect(try normalizedString("“Hi”\u{A0}—\u{200B}it’s…") == "\"Hi\" -it's...")
    }

    @Test(arguments: [
        ("hoà bình", "hòa bình"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("quý", "quý"), ("hoàng", "hoàng"),
        ("HOÀ", "HÒA"), ("hoà.", "hòa."), ("Thuỷ, hoà", "Thủy, hòa"), ("hoa\u{300} bình", "hòa bình"),
        ("quỳ hoè", "quỳ hòe"), ("hoàn", "hoàn"), ("Hoà…", "Hòa..."),
    ])
    func placesTonesOnFirstVowel(input: String, expected: String) throws {
        #expect(try normalizedString(input) == expected)
    }

    /// Moving a tone rewrites two points in place: each keeps its own original scalar.
    @Test func movedTonesKeepTheirOrigins() throws {
        let original = "Xuân hoà bình"
        let document = try normalize(original)
        let text = Array("Xuân hòa bình".utf8)
        #expect(document.normalized == text)
        let o = text.firstIndex(of: UInt8(ascii: "h"))! + 1
        #expect(document.originalRange(ByteSpan(Int32(o), Int32(o + 2))) == (6, 7))
        #expect(document.originalRange(ByteSpan(Int32(o + 2), Int32(o + 3))) == (7, 8))
        #expect(document.originalRange(ByteSpan(Int32(o - 1), Int32(o + 3))) == (5, 8))
    }

    @Test func spansOfNFDInputSliceTheOriginal() throws {
        let original = "O\u{302}ng Vuc\u{30C}ic\u{301} o\u{31B}\u{309} Đu\u{31B}\u{301}c"
        let document = try normalize(original)
        let text = String(decoding: document.normalized, as: UTF8.self)
        let bytes = Array(text.utf8)
        let needle = Array("Vučić".utf8)
        let start = (0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle }!
        let (a, b) = document.originalRange(ByteSpan(Int32(start), Int32(start + needle.count)))
        #expect(Support.slice(original, a, b) == "Vuc\u{30C}ic\u{301}")
    }

    @Test func asciiTextMapsOneToOne() throws {
        let document = try normalize("NATO, 4,500 troops.")
        #expect(document.normalized == Array("NATO, 4,500 troops.".utf8))
        #expect(document.originalRange(ByteSpan(6, 11)) == (6, 11))
    }

    /// Long ASCII stretches (copied in bulk) between Vietnamese letters, combining marks,
    /// folded typography and dropped characters: every normalized byte maps to a scalar
    /// range in order, and an ASCII letter or digit maps to that same character.
    @Test func originsHoldOnLongMixedText() throws {
        let pieces = [
            "the quick brown fox jumps over", "Hà Nội", "hoà", "NATO", "Tie\u{302}\u{301}ng", "12,500", "“quoted”",
            "a\u{200B}b", "x", "ổn định", "\n", "international organizations",
        ]
        var state: UInt64 = 7
        for _ in 0..<50 {
            var text = ""
            for _ in 0..<40 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count] + ((state >> 20) & 1 == 0 ? " " : "")
            }
            let document = try normalize(text)
            let scalars = Array(text.unicodeScalars)
            let utf8 = Array(text.utf8)
            #expect(document.origins.scalarCount == scalars.count)
            var previous = 0
            for (byte, value) in document.normalized.enumerated() {
                let start = document.origins.start(ofByte: byte)
                let end = document.origins.end(ofByte: byte)
                #expect(start >= previous && start < end && end <= scalars.count, "byte \(byte) of \(text)")
                // The original bytes are those of the same scalars.
                let bytes = document.origins.originalBytes(ByteSpan(Int32(byte), Int32(byte + 1)))
                #expect(
                    String(decoding: utf8[bytes], as: UTF8.self) == Support.slice(text, start, end),
                    "byte \(byte) of \(text)")
                previous = start
                let isWordCharacter =
                    (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A || (value >= 0x30 && value <= 0x39)
                if isWordCharacter && scalars[start].isASCII {
                    #expect(scalars[start].value == UInt32(value), "byte \(byte) of \(text)")
                }
            }
        }
    }

    /// Text with nothing to normalize keeps no table: its bytes are the original's, and a
    /// scalar offset is the count of lead bytes before it (here past several 8-byte words).
    @Test func unchangedTextMapsByteForByte() throws {
        let original = "Thủ tướng Phạm Minh Chính tiếp Đại sứ Hàn Quốc tại Hà Nội ngày 6/2."
        let document = try normalize(original)
        #expect(document.normalized == Array(original.utf8))
        let bytes = Array(original.utf8)
        let needle = Array("Hà Nội".utf8)
        let start = (0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle }!
        let span = ByteSpan(Int32(start), Int32(start + needle.count))
        let (a, b) = document.originalRange(span)
        #expect(Support.slice(original, a, b) == "Hà Nội")
        #expect(document.origins.originalBytes(span) == start..<start + needle.count)
        #expect(document.origins.scalarCount == original.unicodeScalars.count)
        #expect(document.origins.start(ofByte: bytes.count) == original.unicodeScalars.count)
    }

    @Test func droppedCharactersStayInsideNeighbouringSpans() throws {
        let original = "a\u{200B}b"
        let document = try normalize(original)
        #expect(document.normalized == Array("ab".utf8))
        let (a, b) = document.originalRange(ByteSpan(0, 2))
        #expect((a, b) == (0, 3))
    }
}

@Suite("Match keys")
struct MatchKeyTests {
    @Test(arguments: [
        ("sỹ", "sĩ"), ("Mỹ", "mĩ"), ("tỷ", "tỉ"), ("Lý", "lí"), ("quý", "quý"), ("hay", "hay"), ("Kỳ", "kì"),
    ])
    func foldsIYVariants(word: String, key: String) {
        #expect(MatchKey.match(word) == key)
    }

    @Test func nameKeysIgnoreAccentsAndCase() {
        #expect(MatchKey.name("Vučić") == MatchKey.name("Vucic"))
        #expect(MatchKey.name("Đức") == "duc")
        #expect(MatchKey.name("Leposavić") == "leposavic")
        // Short-form linking hashes name keys in place: both spellings, any case, one hash.
        func hash(_ word: String) -> UInt64 {
            let bytes = Array(word.utf8)
            return bytes.withUnsafeBufferPointer { MatchKey.nameHash(utf8: $0, from: 0, to: $0.count) }
        }
        let plain = Array("vucic".utf8) + Array(repeating: 0, count: 8)
        let lowered = plain.withUnsafeBufferPointer { Vocabulary.hash($0.baseAddress!, length: 5, lowercase: false) }
        #expect(hash("Vučić") == lowered && hash("VUCIC") == lowered && hash("Vucić") == lowered)
        #expect(hash("Vucica") != lowered)
    }

    @Test func tableWordsMatchEitherSpelling() throws {
        let extractor = try NumberExtractor(rulesFolder: TandemHome.locate()!.appendingPathComponent("rules"))
        for text in ["4 tỷ", "4 tỉ"] {
            let sink = Support.run([Support.document(text, lang: "vi")], extractors: [extractor], workers: 1)
            #expect(sink.documents[0].mentions.first?.value == .integer(4_000_000_000), "\(text)")
        }
    }
}

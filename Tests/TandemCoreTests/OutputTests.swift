import Foundation
import Testing

@testable import TandemCore

@Suite("JSON Lines output")
struct OutputTests {
    @Test(arguments: [
        "plain", "quote \" and \\ backslash", "tab\tnew\nline\r", "ctrl \u{01}\u{1F}\u{7F}", "Việt Nam “ok”", "",
        // Escapes found eight bytes at a time: in each lane, past a word, in the tail.
        "abcdefg\"", "abcdefgh\\ijklmnop", "0123456789abcde\u{7F}", "Hà Nội ngày 6/2 \u{1F}x", "ổỗộ “ơ” ờở\"",
        "12345678abcdefgh", "!#$%&'()*+,-./:;<=>?@[]^_`{|}~ \u{80}ÿ",
        // Shorter than a word, and a partial last word.
        "x\"", "\\", "ab\u{01}", "\u{7F}xyz", "ok", "abcdefghi\"", "abcdefgh\u{1F}", "đ\"",
    ])
    func stringsRoundTrip(_ text: String) throws {
        var json = JSONWriter()
        json.beginObject()
        json.field("text", text)
        json.endObject()
        #expect(!json.bytes.contains(0x0A))
        let object = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any]
        #expect(object?["text"] as? String == text)
    }

    /// Every length up to twenty, with an escape at every position: short strings are read
    /// as overlapping loads and copied as overlapping stores, so each byte must still count.
    @Test func everyShortLengthAndPositionRoundTrips() throws {
        for length in 0...20 {
            for position in -1..<length {
                for special: Character in ["\"", "\\", "\u{01}", "\u{7F}"] {
                    var characters = Array(repeating: Character("a"), count: length)
                    if position >= 0 { characters[position] = special }
                    let text = String(characters)
                    var json = JSONWriter()
                    json.beginObject()
                    json.field("t", text)
                    json.endObject()
                    let object = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any]
                    #expect(object?["t"] as? String == text, "length \(length), position \(position)")
                }
            }
        }
    }

    @Test(arguments: [0, 7, 9, 10, 99, 100, -42, 4500, 1_000_000_000_000_000_000, Int.max, Int.min + 1, Int.min])
    func integersRoundTrip(_ value: Int) throws {
        var json = JSONWriter()
        json.beginArray()
        json.int(value)
        json.endArray()
        #expect(String(decoding: json.bytes, as: UTF8.self) == "[\(value)]")
    }

    /// Every power of ten and its neighbours, both signs: digits are counted by comparisons
    /// and written two at a time from a table, so each length and pair must come out right.
    @Test func everyDigitCountRoundTrips() {
        var values: [Int] = [0, Int.max, Int.min]
        var power = 1
        for exponent in 0...18 {
            values += [power - 1, power, power + 1, power * 5]
            if exponent < 18 { power *= 10 }
        }
        var json = JSONWriter()
        json.beginArray()
        for value in values {
            json.int(value)
            json.int(0 &- value)
        }
        json.endArray()
        let expected = "[" + values.map { "\($0),\(0 &- $0)" }.joined(separator: ",") + "]"
        #expect(String(decoding: json.bytes, as: UTF8.self) == expected)
    }

    /// Strings written through the cache come out exactly as without it: the same strings
    /// again and again, strings that need escaping, strings too long to keep, equal
    /// strings with storage of their own, and more strings than the cache has slots.
    @Test func cachedStringsMatchUncachedOnes() throws {
        let fixed = [
            "entity", "LOC", "vi/entities:gazetteer", "en/numbers:cardinal-with-a-long-rule-name-past-sixty-four-bytes",
            "quote \" and \\", "tab\tnew\nline", "Việt Nam", "",
        ]
        var texts: [String] = []
        for round in 0..<3 {
            texts += fixed
            // Built at run time: equal contents in separate storage, and 400 distinct ones.
            texts += fixed.map { String(decoding: Array($0.utf8), as: UTF8.self) }
            texts += (0..<400).map { "id_\($0)_\(round % 2)_Đức_and_a_longer_tail" }
        }
        let cache = QuotedStringCache()
        var cached = JSONWriter()
        var plain = JSONWriter()
        cached.beginArray()
        plain.beginArray()
        for text in texts {
            cached.string(text, cache: cache)
            plain.string(text)
        }
        cached.endArray()
        plain.endArray()
        #expect(cached.bytes == plain.bytes)
        let array = try JSONSerialization.jsonObject(with: Data(cached.bytes)) as? [String]
        #expect(array == texts)
    }

    /// The writer's buffer grows past its first capacity without losing what it holds.
    @Test func growsPastItsFirstCapacity() throws {
        var json = JSONWriter(reserving: 8)
        let long = String(repeating: "Đức \"x\"\n", count: 2_000)
        json.beginObject()
        json.field("a", long)
        json.key("list")
        json.beginArray()
        for value in 0..<500 { json.int(value) }
        json.endArray()
        json.endObject()
        let object = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any]
        #expect(object?["a"] as? String == long)
        #expect((object?["list"] as? [Int])?.count == 500)
    }

    @Test func originalTextSlicesInAnyOrder() {
        var text = OriginalText("Ông Vuc\u{30C}ic\u{301} ở Đức")
        #expect(text.slice(4, 11) == "Vuc\u{30C}ic\u{301}")
        #expect(text.slice(0, 3) == "Ông")
        #expect(text.slice(14, 17) == "Đức")
        #expect(text.slice(10, 99) == "")
        #expect(text.count == 17)
    }

    /// The cursor skips eight bytes at a time over long stretches: every slice of a text
    /// mixing one- to four-byte scalars must equal slicing its scalars directly.
    @Test func originalTextSkipsLongStretchesExactly() {
        let source = String(repeating: "Hà Nội ngày 6-2 có 4.500 người 🇻🇳 và “Đức” ", count: 6)
        let scalars = Array(source.unicodeScalars)
        var text = OriginalText(source)
        for start in stride(from: 0, to: scalars.count, by: 7) {
            let end = min(scalars.count, start + 3 + start % 11)
            var expected = String.UnicodeScalarView()
            expected.append(contentsOf: scalars[start..<end])
            #expect(text.slice(start, end) == String(expected))
        }
        #expect(text.slice(scalars.count - 2, scalars.count) == "” ")
    }
}

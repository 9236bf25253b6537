import Foundation
import Testing

@testable import TandemCore

/// The JSON reader behind stream lines, pipeline.json and gold files: RFC 8259 as
/// Foundation's `JSONDecoder` reads it, each case checked against that decoder's answer.
@Suite("JSON text is read as JSONDecoder reads it")
struct JSONParserTests {
    func parse(_ text: String) -> JSONValue? { JSONValue.parse(Array(text.utf8)) }

    @Test func readsEveryKindOfValue() {
        let value = parse(
            #" {"s": "a\"b\\c\/d\n\u00e9\ud83d\ude00", "i": -12, "d": 2.5, "t": true, "f": false, "n": null, "a": [1, {}], "o": {"k": []}} "#
        )
        #expect(
            value
                == .object([
                    "s": .string("a\"b\\c/d\né😀"), "i": .integer(-12), "d": .number(2.5), "t": .bool(true),
                    "f": .bool(false), "n": .null, "a": .array([.integer(1), .object([:])]),
                    "o": .object(["k": .array([])]),
                ]))
    }

    @Test func wholeNumbersAreIntegersHoweverWritten() {
        #expect(parse("1.0") == .integer(1))
        #expect(parse("1e2") == .integer(100))
        #expect(parse("-0") == .integer(0))
        #expect(parse("9223372036854775807") == .integer(Int64.max))
        #expect(parse("-9223372036854775808") == .integer(Int64.min))
        #expect(parse("9223372036854775808") == .number(0x1p63))
        #expect(parse("1e-2") == .number(0.01))
        #expect(parse("1e400") == nil)
    }

    @Test func trailingCommasAndRepeatedKeysAsJSONDecoderReadsThem() {
        #expect(parse(#"[1,]"#) == .array([.integer(1)]))
        #expect(parse(#"{"a":1,}"#) == .object(["a": .integer(1)]))
        #expect(parse(#"{"a":1,"a":2}"#) == .object(["a": .integer(1)]))
        #expect(parse("\u{FEFF}{}") == .object([:]))
    }

    @Test(arguments: [
        "", "[,1]", #"{,"a":1}"#, "[1,,2]", "01", "-", "1.", ".5", "+1", "0x10", "NaN", "tru", "nulls", "[1 2]",
        "{} {}", "{'a':1}", "\"tab\there\"", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"",
        "\u{0C}{}", "{}\u{0}", "\"open",
    ])
    func rejectsWhatIsNotJSON(_ text: String) {
        #expect(parse(text) == nil, "\(text)")
    }

    @Test func rejectsInvalidUTF8InStrings() {
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22]] {
            #expect(JSONValue.parse(bytes) == nil)
        }
        #expect(JSONValue.parse([0x22, 0xC3, 0xA9, 0x22]) == .string("é"))
    }

    /// The same answers as decoding a `JSONValue` with `JSONDecoder`, the reader it replaced.
    @Test func agreesWithJSONDecoder() {
        let texts = [
            #"{"id": 1.0, "text": "a"}"#, #"{"id": 1e2}"#, #"{"a": [1, ], "b": {"c": 2, }}"#, #"{"a": 1, "a": 2}"#,
            #"{"x": -0.5e-3, "y": 12345678901234567890}"#, #"["\u00e9", "\ud83d\ude00", "\/"]"#, "[1,,2]", "{,}",
            "01", "1.", "[1 2]", #""\ud800""#, "\"a\tb\"", "nul", " [ ] ", "\u{FEFF}[]",
        ]
        for text in texts {
            let decoded = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            #expect(parse(text) == decoded, "\(text)")
        }
    }

    @Test func nestsAtMost512Deep() {
        let deep = { (depth: Int) in String(repeating: "[", count: depth) + String(repeating: "]", count: depth) }
        #expect(parse(deep(512)) != nil)
        #expect(parse(deep(513)) == nil)
    }
}

import Foundation
import Testing

@testable import TandemCore

@Suite("Inverted next-token filters")
struct FilterMaskTests {
    /// Eighty filters (two words of bits) mixing every condition, two of them absent, at
    /// every position of a sentence with words, numbers of several lengths, number words,
    /// punctuation and the end of the text.
    @Test func bitsetsAgreeWithFilterByFilter() throws {
        let text = "Tháng 6 năm 2024, hai mươi người ở 12 tỉnh và 345 xã; 7 . Hà Nội 1999 triệu"
        let document = Support.run([Support.document(text, lang: "vi")], extractors: []).documents[0].segmented
        let vocabulary = Vocabulary()
        let folder = try #require(TandemHome.locate()).appendingPathComponent("rules/vi")
        let numerals = try NumeralParser.load(folder: folder, vocabulary: vocabulary)
        let listed = ["tháng", "năm", "tỉnh", ",", "người", "xã"].map { vocabulary.intern($0) }
        let ids = document.normalized.normalized.withUnsafeBufferPointer {
            vocabulary.ids(of: document.tokens, in: $0)
        }
        var words: [Int32] = []
        let filters: [RuleSet.Filter?] = (0..<80).map { k in
            if k == 13 || k == 70 { return nil }
            let start = Int32(words.count)
            words += listed.enumerated().filter { k >> $0.offset & 1 == 1 }.map(\.element)
            return RuleSet.Filter(
                wordStart: start, wordEnd: Int32(words.count),
                digitLengths: k % 2 == 0 ? RulePattern.NextFilter.digitBit(k % 4 + 1) : 0, any: k % 7 == 0,
                anyWord: k % 5 == 1, numeral: k % 3 == 2)
        }
        let masks = FilterMasks(filters, words: words, vocabularyCount: vocabulary.count)
        #expect(masks.width == 2)
        let tokens = document.tokens
        for position in 0...tokens.count {
            var bits = [UInt64](repeating: 0, count: masks.width)
            tokens.withUnsafeBufferPointer { tokenBuffer in
                ids.withUnsafeBufferPointer { idBuffer in
                    bits.withUnsafeMutableBufferPointer {
                        masks.addPassing(
                            at: position, tokens: tokenBuffer, ids: idBuffer, numerals: numerals,
                            into: $0.baseAddress!)
                    }
                }
            }
            // The rule matcher's own test, one filter at a time.
            let expectations = tokens.withUnsafeBufferPointer { tokenBuffer in
                ids.withUnsafeBufferPointer { idBuffer in
                    words.withUnsafeBufferPointer { wordBuffer in
                        let check = RuleSet.NextCheck(
                            tokens: tokenBuffer, ids: idBuffer, words: wordBuffer, numerals: numerals)
                        return filters.map { $0.map { check.passes($0, at: position) } ?? false }
                    }
                }
            }
            for (rule, expected) in expectations.enumerated() {
                #expect(bits[rule / 64] >> UInt64(rule % 64) & 1 == (expected ? 1 : 0), "rule \(rule) at \(position)")
            }
        }
    }
}

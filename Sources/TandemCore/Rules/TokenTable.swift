import Foundation

/// A value captured by a pattern element: a number (numerals, digits, numeric table values)
/// or a text (table values such as `MO` for a part of the day).
public enum Capture: Sendable, Equatable {
    case number(Double)
    case text(String)

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The capture as template text: whole numbers without a decimal point.
    public var text: String {
        switch self {
        case .text(let value): return value
        case .number(let value):
            return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        }
    }
}

/// A lexicon compiled for matching: phrases of one or more words (as vocabulary ids), each
/// with a value; the longest phrase at a token wins. Referenced from patterns as `%name`,
/// loaded from `rules/<lang>/<name>.tsv`.
public final class TokenTable: Sendable {
    /// Phrases flat, grouped by the id of their first word and longest first within a
    /// group: the phrases of first id `i` are `phraseStarts[i]..<phraseStarts[i + 1]`;
    /// phrase `p`'s word ids are `words[wordStarts[p]..<wordStarts[p + 1]]`. Plain arrays
    /// of integers, so a lookup retains nothing and rejects most tokens at once.
    private let phraseStarts: [Int32]
    private let wordStarts: [Int32]
    private let words: [Int32]
    private let values: [Capture]
    /// Every vocabulary id a phrase can start with (the table's triggers).
    let firstIDs: [Int32]
    /// Bit `n` (`RulePattern.NextFilter.digitBit`): some phrase starts with a digit token of
    /// `n` digits (weekdays in digits), which the next-token filters must let through.
    let firstDigitLengths: UInt32

    public init(lexicon: Lexicon, vocabulary: Vocabulary) {
        var byFirst: [Int32: [(ids: [Int32], value: Capture)]] = [:]
        for entry in lexicon.entries {
            let ids = entry.words.map { vocabulary.intern($0) }
            let value: Capture = Double(entry.value).map { .number($0) } ?? .text(entry.value)
            byFirst[ids[0], default: []].append((ids, value))
        }
        var phraseStarts: [Int32] = [0]
        var wordStarts: [Int32] = [0]
        var words: [Int32] = []
        var values: [Capture] = []
        for id in 0..<Int32(vocabulary.count) {
            // Stable: among phrases of equal length, the first listed wins.
            for phrase in (byFirst[id] ?? []).enumerated().sorted(by: {
                ($0.element.ids.count, -$0.offset) > ($1.element.ids.count, -$1.offset)
            }) {
                words += phrase.element.ids
                wordStarts.append(Int32(words.count))
                values.append(phrase.element.value)
            }
            phraseStarts.append(Int32(values.count))
        }
        self.phraseStarts = phraseStarts
        self.wordStarts = wordStarts
        self.words = words
        self.values = values
        self.firstIDs = byFirst.keys.sorted()
        firstDigitLengths = lexicon.entries.reduce(0) { bits, entry in
            let first = entry.words[0].utf8
            return Vocabulary.isDigitKey(first) ? bits | RulePattern.NextFilter.digitBit(first.count) : bits
        }
    }

    /// A table of phrases without values (word lists such as titles), each worth `.number(1)`.
    public convenience init(phrases: [String], vocabulary: Vocabulary) {
        self.init(
            lexicon: Lexicon(
                entries: phrases.map {
                    Lexicon.Entry(
                        words: Tokenizer.words(of: $0).map(MatchKey.match), value: "1", category: "")
                }), vocabulary: vocabulary)
    }

    /// Every vocabulary id a phrase ends with, sorted (computed on each call).
    func lastIDs() -> [Int32] {
        Set(wordStarts.dropFirst().map { words[Int($0) - 1] }).sorted()
    }

    /// For the phrases that start with word `first`: whether one is that word alone, and the
    /// ids their second words can be (how rule sets learn what may follow a trigger).
    func continuations(of first: Int32) -> (single: Bool, seconds: [Int32]) {
        let id = Int(first)
        guard id >= 0 && id + 1 < phraseStarts.count else { return (false, []) }
        var single = false
        var seconds: [Int32] = []
        for phrase in Int(phraseStarts[id])..<Int(phraseStarts[id + 1]) {
            let start = Int(wordStarts[phrase])
            if Int(wordStarts[phrase + 1]) - start == 1 { single = true } else { seconds.append(words[start + 1]) }
        }
        return (single, seconds)
    }

    /// The longest phrase starting at token `index`: its token count and value.
    @inline(__always)
    func match(_ context: ExtractionContext, ids: [Int32], at index: Int) -> (count: Int, value: Capture)? {
        guard let (count, phrase) = matchedPhrase(context, ids: ids, at: index) else { return nil }
        return (count, values[phrase])
    }

    /// The token count of the longest phrase starting at token `index` (no value copied).
    @inline(__always)
    func matchLength(_ context: ExtractionContext, ids: [Int32], at index: Int) -> Int? {
        matchedPhrase(context, ids: ids, at: index)?.count
    }

    @inline(__always)
    private func matchedPhrase(_ context: ExtractionContext, ids: [Int32], at index: Int) -> (count: Int, phrase: Int)?
    {
        // Past the last token (a name run that reaches the end of the text) nothing starts.
        guard index < ids.count else { return nil }
        let id = Int(ids[index])
        guard id >= 0 && id + 1 < phraseStarts.count else { return nil }
        let first = Int(phraseStarts[id])
        let end = Int(phraseStarts[id + 1])
        guard first < end else { return nil }
        return longestPhrase(context, ids: ids, at: index, phrases: first..<end)
    }

    private func longestPhrase(_ context: ExtractionContext, ids: [Int32], at index: Int, phrases: Range<Int>) -> (
        count: Int, phrase: Int
    )? {
        let tokens = context.tokens
        for phrase in phrases {
            let wordStart = Int(wordStarts[phrase])
            let count = Int(wordStarts[phrase + 1]) - wordStart
            guard index + count <= ids.count else { continue }
            var matches = true
            for offset in 1..<max(1, count) {
                let position = index + offset
                if ids[position] != words[wordStart + offset] || tokens[position].newlineBefore {
                    matches = false
                    break
                }
            }
            if matches { return (count, phrase) }
        }
        return nil
    }
}

/// Loads the `%name` tables of one language folder once each.
final class TableLoader {
    private let folder: URL
    private let vocabulary: Vocabulary
    private var loaded: [String: TokenTable] = [:]

    init(folder: URL, vocabulary: Vocabulary) {
        self.folder = folder
        self.vocabulary = vocabulary
    }

    func table(_ name: String) throws(ConfigError) -> TokenTable {
        if let table = loaded[name] { return table }
        let table = TokenTable(
            lexicon: try Lexicon.load(folder.appendingPathComponent("\(name).tsv")), vocabulary: vocabulary)
        loaded[name] = table
        return table
    }
}

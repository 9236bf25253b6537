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
public struct TokenTable: Sendable {
    struct Phrase: Sendable {
        var ids: [Int32]
        var value: Capture
    }

    /// Phrases by the id of their first word (an index into the array), longest first.
    private let byFirst: [[Phrase]]
    /// Every vocabulary id a phrase can start with (the table's triggers).
    let firstIDs: [Int32]

    public init(lexicon: Lexicon, vocabulary: Vocabulary) {
        var byFirst: [Int32: [Phrase]] = [:]
        for entry in lexicon.entries {
            let ids = entry.words.map { vocabulary.intern($0) }
            let value: Capture = Double(entry.value).map { .number($0) } ?? .text(entry.value)
            byFirst[ids[0], default: []].append(Phrase(ids: ids, value: value))
        }
        var table = [[Phrase]](repeating: [], count: vocabulary.count)
        for (id, phrases) in byFirst { table[Int(id)] = phrases.sorted { $0.ids.count > $1.ids.count } }
        self.byFirst = table
        self.firstIDs = byFirst.keys.sorted()
    }

    /// A table of phrases without values (word lists such as titles), each worth `.number(1)`.
    public init(phrases: [String], vocabulary: Vocabulary) {
        self.init(
            lexicon: Lexicon(
                entries: phrases.map {
                    Lexicon.Entry(
                        words: $0.split(separator: " ").map { MatchKey.match(String($0)) }, value: "1", category: "")
                }), vocabulary: vocabulary)
    }

    /// The longest phrase starting at token `index`: its token count and value.
    func match(_ context: ExtractionContext, ids: [Int32], at index: Int) -> (count: Int, value: Capture)? {
        let id = Int(ids[index])
        guard id >= 0 && id < byFirst.count else { return nil }
        for phrase in byFirst[id] where index + phrase.ids.count <= ids.count {
            var matches = true
            for offset in 1..<max(1, phrase.ids.count) {
                let position = index + offset
                if ids[position] != phrase.ids[offset] || context.tokens[position].newlineBefore {
                    matches = false
                    break
                }
            }
            if matches { return (phrase.ids.count, phrase.value) }
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

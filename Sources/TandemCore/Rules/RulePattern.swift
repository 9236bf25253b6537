/// A compiled token pattern (see `RuleFile` for the syntax) and its matcher.
public struct RulePattern: Sendable {
    enum Matcher: Sendable {
        /// A numeral; its value is captured.
        case numeral
        /// One token whose vocabulary id is among these (few: a linear scan beats hashing).
        case literal([Int32])
        /// One digit token with a length in the range (`D4` years, `D12` days and months, `D2`).
        case digits(ClosedRange<Int>)
        /// A phrase of a `%name` table; its value is captured.
        case table(TokenTable)
    }

    struct Element: Sendable {
        var matcher: Matcher
        /// Must touch the previous token (no whitespace).
        var glued: Bool
        /// Outside the reported span.
        var context: Bool
        /// May be absent (`?` suffix); an absent capturing element captures nil.
        var optional: Bool
        /// The token must start with an uppercase letter (`!` prefix).
        var capitalized: Bool

        var captures: Bool {
            if case .literal = matcher { return false }
            return true
        }
    }

    let elements: [Element]

    /// How a match can start: on certain words, on a numeral, or on a digit token. A
    /// pattern whose first element is optional can start where either of its first two can.
    struct Start: Sendable {
        var words: [Int32] = []
        var numeral = false
        var digits = false
    }

    var start: Start {
        var start = Start()
        for element in elements {
            switch element.matcher {
            case .literal(let words): start.words += words
            case .table(let table): start.words += table.firstIDs
            case .numeral: start.numeral = true
            case .digits: start.digits = true
            }
            if !element.optional { break }
        }
        return start
    }

    /// Compiles a pattern, interning its literal words in `vocabulary`; `%name` tables come
    /// from `tables`.
    init(
        _ text: String, vocabulary: Vocabulary, tables: TableLoader? = nil, file: String, line: Int
    ) throws(ConfigError) {
        var elements: [Element] = []
        for raw in text.split(separator: " ") where !raw.isEmpty {
            var item = Substring(raw)
            var glued = false
            var context = false
            var capitalized = false
            while let first = item.first, first == "~" || first == "^" || first == "!", item.count > 1 {
                switch first {
                case "~": glued = true
                case "^": context = true
                default: capitalized = true
                }
                item = item.dropFirst()
            }
            var optional = false
            if item.count > 1 && item.last == "?" {
                optional = true
                item = item.dropLast()
            }
            let matcher: Matcher
            switch item {
            case "NUM": matcher = .numeral
            case "D4": matcher = .digits(4...4)
            case "D12": matcher = .digits(1...2)
            case "D2": matcher = .digits(2...2)
            case _ where item.hasPrefix("%") && item.count > 1:
                guard let tables else {
                    throw ConfigError(file: file, line: line, path: String(item), "tables are not available here")
                }
                matcher = .table(try tables.table(String(item.dropFirst())))
            default:
                let ids = item.split(separator: "|").map { vocabulary.intern(String($0)) }
                matcher = .literal(Array(Set(ids)).sorted())
            }
            elements.append(
                Element(matcher: matcher, glued: glued, context: context, optional: optional, capitalized: capitalized))
        }
        guard !elements.isEmpty else { throw ConfigError(file: file, line: line, "empty pattern") }
        // Context elements only at the edges.
        let inner = elements.drop { $0.context }.reversed().drop { $0.context }
        guard !inner.isEmpty, !inner.contains(where: { $0.context }) else {
            throw ConfigError(
                file: file, line: line, "'^' context elements must sit at the start or end, around a span")
        }
        self.elements = elements
    }

    /// A successful match: token range, span token range, captured numerals.
    struct Match {
        var firstToken: Int
        var endToken: Int
        var spanFirst: Int
        var spanEnd: Int
        /// One entry per capturing element, nil where an optional one was absent.
        var values: [Capture?]
    }

    /// Matches at token `start`; `ids` are the document's token ids in the pattern's vocabulary.
    func match(_ context: ExtractionContext, ids: [Int32], at start: Int, numerals: NumeralParser) -> Match? {
        let tokens = context.tokens
        var position = start
        var values: [Capture?] = []
        var spanFirst: Int?
        var spanEnd = start
        for element in elements {
            let begin = position
            var value: Capture?
            var matched = position < tokens.count
            if matched && position > start && element.glued && !tokens[position].glued { matched = false }
            if matched && position > start && tokens[position].newlineBefore { matched = false }
            if matched && element.capitalized && !tokens[position].capitalized { matched = false }
            if matched {
                switch element.matcher {
                case .literal(let words):
                    if words.contains(ids[position]) { position += 1 } else { matched = false }
                case .digits(let lengths):
                    let token = tokens[position]
                    if token.kind == .digits, lengths.contains(Int(token.end - token.start)) {
                        value = .number(NumeralParser.digitsValue(context, token))
                        position += 1
                    } else {
                        matched = false
                    }
                case .numeral:
                    if let numeral = numerals.parse(context, ids: ids, at: position) {
                        value = .number(numeral.value)
                        position += numeral.tokenCount
                    } else {
                        matched = false
                    }
                case .table(let table):
                    if let (count, tableValue) = table.match(context, ids: ids, at: position) {
                        value = tableValue
                        position += count
                    } else {
                        matched = false
                    }
                }
            }
            if !matched {
                guard element.optional else { return nil }
                if element.captures { values.append(nil) }
                continue
            }
            if element.captures { values.append(value) }
            if !element.context {
                if spanFirst == nil { spanFirst = begin }
                spanEnd = position
            }
        }
        guard let spanFirst else { return nil }
        return Match(firstToken: start, endToken: position, spanFirst: spanFirst, spanEnd: spanEnd, values: values)
    }
}

/// Word boundaries of a match: the span may not continue a word or number it touches
/// (`G7`, `Vietnam+` are names; `82nd` is not a cardinal).
enum Boundaries {
    static func isAlphanumeric(_ token: Token) -> Bool { token.kind != .punctuation }

    /// Whether a token is a `.` or `,` glued to the token before it.
    private static func isGluedSeparator(_ context: ExtractionContext, _ index: Int) -> Bool {
        context.tokens[index].glued
            && (context.isCharacter(index, UInt8(ascii: ".")) || context.isCharacter(index, UInt8(ascii: ",")))
    }

    static func clean(_ context: ExtractionContext, first: Int, end: Int) -> Bool {
        let tokens = context.tokens
        if first > 0 && tokens[first].glued && isAlphanumeric(tokens[first - 1]) { return false }
        if end < tokens.count && tokens[end].glued && isAlphanumeric(tokens[end]) { return false }
        if end < tokens.count && tokens[end].glued && context.isCharacter(end, UInt8(ascii: "+")) { return false }
        // Not a piece of a longer dotted number or code: "1.2.3", "2.3" in "v1.2.3".
        if first >= 2 && tokens[first].glued && isGluedSeparator(context, first - 1)
            && tokens[first - 2].kind == .digits
        {
            return false
        }
        if end + 1 < tokens.count && isGluedSeparator(context, end) && tokens[end + 1].glued
            && tokens[end + 1].kind == .digits
        {
            return false
        }
        return true
    }
}

/// A compiled token pattern (see `RuleFile` for the syntax) and its matcher.
public struct RulePattern: Sendable {
    enum Matcher: Sendable {
        /// A numeral; its value is captured.
        case numeral
        /// One token whose vocabulary id is among these (few: a linear scan beats hashing).
        case literal([Int32])
        /// One digit token with a length in the range (`D4` years, `D12` days and months, `D2`).
        case digits(ClosedRange<Int>)
    }

    struct Element: Sendable {
        var matcher: Matcher
        /// Must touch the previous token (no whitespace).
        var glued: Bool
        /// Outside the reported span.
        var context: Bool
    }

    let elements: [Element]

    /// Vocabulary ids of the words that can start a match (nil: starts with a numeral or digits).
    var triggers: [Int32]? {
        if case .literal(let words) = elements[0].matcher { return words }
        return nil
    }

    /// Whether the first element is a digit token.
    var startsWithDigits: Bool {
        if case .digits = elements[0].matcher { return true }
        return false
    }

    /// Compiles a pattern, interning its literal words in `vocabulary`.
    init(_ text: String, vocabulary: Vocabulary, file: String, line: Int) throws(ConfigError) {
        var elements: [Element] = []
        for raw in text.split(separator: " ") where !raw.isEmpty {
            var item = Substring(raw)
            var glued = false
            var context = false
            while let first = item.first, first == "~" || first == "^", item.count > 1 {
                if first == "~" { glued = true } else { context = true }
                item = item.dropFirst()
            }
            let matcher: Matcher
            switch item {
            case "NUM": matcher = .numeral
            case "D4": matcher = .digits(4...4)
            case "D12": matcher = .digits(1...2)
            case "D2": matcher = .digits(2...2)
            default:
                let ids = item.split(separator: "|").map { vocabulary.intern(String($0)) }
                matcher = .literal(Array(Set(ids)).sorted())
            }
            elements.append(Element(matcher: matcher, glued: glued, context: context))
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
        var values: [Double]
    }

    /// Matches at token `start`; `ids` are the document's token ids in the pattern's vocabulary.
    func match(_ context: ExtractionContext, ids: [Int32], at start: Int, numerals: NumeralParser) -> Match? {
        let tokens = context.tokens
        var position = start
        var values: [Double] = []
        var spanFirst: Int?
        var spanEnd = start
        for (index, element) in elements.enumerated() {
            guard position < tokens.count else { return nil }
            if index > 0 && element.glued && !tokens[position].glued { return nil }
            if index > 0 && tokens[position].newlineBefore { return nil }
            let begin = position
            switch element.matcher {
            case .literal(let words):
                guard words.contains(ids[position]) else { return nil }
                position += 1
            case .digits(let lengths):
                let token = tokens[position]
                guard token.kind == .digits, lengths.contains(Int(token.end - token.start)) else { return nil }
                values.append(NumeralParser.digitsValue(context, token))
                position += 1
            case .numeral:
                guard let numeral = numerals.parse(context, ids: ids, at: position) else { return nil }
                values.append(numeral.value)
                position += numeral.tokenCount
            }
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

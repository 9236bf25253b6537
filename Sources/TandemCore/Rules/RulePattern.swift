/// A compiled token pattern (see `RuleFile` for the syntax) and its matcher.
public struct RulePattern: Sendable {
    /// What an element matches. Payloads live in flat fields of `Element` and in the
    /// pattern's `tables`, so the matching loop reads them without reference counting.
    enum Matcher: UInt8, Sendable {
        /// A numeral; its value is captured.
        case numeral
        /// One token whose vocabulary id is in `literals` (few: a linear scan beats hashing).
        case literal
        /// One digit token of `digitLengths` digits (`D4` years, `D12` days and months, `D2`).
        case digits
        /// A phrase of the table `tables[table]`; its value is captured.
        case table
    }

    struct Element: Sendable {
        var matcher: Matcher
        var literals: [Int32] = []
        var digitLengths: ClosedRange<Int> = 0...0
        var table = 0
        /// Must touch the previous token (no whitespace).
        var glued: Bool
        /// Outside the reported span.
        var context: Bool
        /// May be absent (`?` suffix); an absent capturing element captures nil.
        var optional: Bool
        /// The token must start with an uppercase letter (`!` prefix).
        var capitalized: Bool

        var captures: Bool { matcher != .literal }
    }

    let elements: [Element]
    let tables: [TokenTable]

    /// How a match can start: on certain words, on a numeral, or on a digit token. A
    /// pattern whose first element is optional can start where either of its first two can.
    struct Start: Sendable {
        var words: [Int32] = []
        var numeral = false
        var digits = false
    }

    /// The digit-token lengths a match must start with, when its first element is a
    /// required digit token (lets the rule set skip it without trying).
    var firstDigitLengths: ClosedRange<Int>? {
        guard let first = elements.first, first.matcher == .digits, !first.optional else { return nil }
        return first.digitLengths
    }

    /// For a pattern that starts with a required numeral or digit token followed by a required
    /// word or table element: the vocabulary ids that element can start with (sorted).
    var secondWords: [Int32]? {
        guard elements.count >= 2, !elements[0].optional,
            elements[0].matcher == .numeral || elements[0].matcher == .digits,
            !elements[1].optional
        else { return nil }
        switch elements[1].matcher {
        case .literal: return elements[1].literals.sorted()
        case .table: return tables[elements[1].table].firstIDs.sorted()
        default: return nil
        }
    }

    /// Whether the first element is a required numeral.
    var startsWithNumeral: Bool {
        guard let first = elements.first else { return false }
        return first.matcher == .numeral && !first.optional
    }

    var start: Start {
        var start = Start()
        for element in elements {
            switch element.matcher {
            case .literal: start.words += element.literals
            case .table: start.words += tables[element.table].firstIDs
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
        var patternTables: [TokenTable] = []
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
            var element = Element(
                matcher: .literal, glued: glued, context: context, optional: optional, capitalized: capitalized)
            switch item {
            case "NUM": element.matcher = .numeral
            case "D4", "D12", "D2":
                element.matcher = .digits
                element.digitLengths = item == "D4" ? 4...4 : item == "D2" ? 2...2 : 1...2
            case _ where item.hasPrefix("%") && item.count > 1:
                guard let tables else {
                    throw ConfigError(file: file, line: line, path: String(item), "tables are not available here")
                }
                element.matcher = .table
                element.table = patternTables.count
                patternTables.append(try tables.table(String(item.dropFirst())))
            default:
                let ids = item.split(separator: "|").map { vocabulary.intern(String($0)) }
                element.literals = Array(Set(ids)).sorted()
            }
            elements.append(element)
        }
        guard !elements.isEmpty else { throw ConfigError(file: file, line: line, "empty pattern") }
        // Context elements only at the edges.
        let inner = elements.drop { $0.context }.reversed().drop { $0.context }
        guard !inner.isEmpty, !inner.contains(where: { $0.context }) else {
            throw ConfigError(
                file: file, line: line, "'^' context elements must sit at the start or end, around a span")
        }
        self.elements = elements
        self.tables = patternTables
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
        elements.withUnsafeBufferPointer { elements in
            context.tokens.withUnsafeBufferPointer { tokens in
                match(elements, tokens, context, ids, start, numerals)
            }
        }
    }

    private func match(
        _ elements: UnsafeBufferPointer<Element>, _ tokens: UnsafeBufferPointer<Token>, _ context: ExtractionContext,
        _ ids: [Int32], _ start: Int, _ numerals: NumeralParser
    ) -> Match? {
        var position = start
        var values: [Capture?] = []
        var spanFirst: Int?
        var spanEnd = start
        for index in elements.indices {
            // Read fields through the pointer: copying an Element would retain its arrays.
            let element = elements.baseAddress! + index
            let begin = position
            var value: Capture?
            var matched = position < tokens.count
            if matched && position > start && element.pointee.glued && !tokens[position].glued { matched = false }
            if matched && position > start && tokens[position].newlineBefore { matched = false }
            if matched && element.pointee.capitalized && !tokens[position].capitalized { matched = false }
            if matched {
                switch element.pointee.matcher {
                case .literal:
                    if element.pointee.literals.contains(ids[position]) { position += 1 } else { matched = false }
                case .digits:
                    let token = tokens[position]
                    if token.kind == .digits, element.pointee.digitLengths.contains(Int(token.end - token.start)) {
                        value = .number(NumeralParser.digitsValue(context, token))
                        position += 1
                    } else {
                        matched = false
                    }
                case .numeral:
                    if let numeral = context.numeral(at: position, ids: ids, numerals) {
                        value = .number(numeral.value)
                        position += numeral.tokenCount
                    } else {
                        matched = false
                    }
                case .table:
                    if let (count, tableValue) = tables[element.pointee.table].match(context, ids: ids, at: position) {
                        value = tableValue
                        position += count
                    } else {
                        matched = false
                    }
                }
            }
            if !matched {
                guard element.pointee.optional else { return nil }
                if element.pointee.captures { values.append(nil) }
                continue
            }
            if element.pointee.captures { values.append(value) }
            if !element.pointee.context {
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

/// A compiled token pattern (see `RuleFile` for the syntax) and its matcher.
/// Unchecked Sendable: its pointers are into frozen buffers it owns and never writes.
public struct RulePattern: @unchecked Sendable {
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
        /// Any one word (`*`; `!*` any capitalized word, such as a team's name).
        case anyWord
    }

    /// Plain data (no references), so reading one in the matching loop costs no
    /// reference counting: literal ids live in the pattern's `literalPool`.
    struct Element: Sendable {
        var matcher: Matcher
        /// `literalPool[literalStart..<literalEnd]`: the ids a `.literal` element accepts.
        var literalStart: Int32 = 0
        var literalEnd: Int32 = 0
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

        var captures: Bool { matcher != .literal && matcher != .anyWord }
    }

    /// The elements, the literal ids of every `.literal` element back to back (sorted within
    /// each), and the tables, all in frozen memory read through these pointers (plain data):
    /// a pattern in a rule table is matched in place, without retaining anything.
    let elements: UnsafeBufferPointer<Element>
    let literalPool: UnsafeBufferPointer<Int32>
    private let tablePointers: UnsafeBufferPointer<Unmanaged<TokenTable>>
    let tables: [TokenTable]
    /// The memory behind the pointers.
    private let frozen: (FrozenBuffer<Element>, FrozenBuffer<Int32>, FrozenBuffer<Unmanaged<TokenTable>>)

    /// The ids a `.literal` element accepts.
    func literals(_ element: Element) -> Slice<UnsafeBufferPointer<Int32>> {
        literalPool[Int(element.literalStart)..<Int(element.literalEnd)]
    }

    /// The digit-token lengths a match must start with, when its first element is a
    /// required digit token (lets the rule set skip it without trying).
    var firstDigitLengths: ClosedRange<Int>? {
        guard let first = elements.first, first.matcher == .digits, !first.optional else { return nil }
        return first.digitLengths
    }

    /// What the token right after a match's first token(s) may be: a necessary condition the
    /// rule set checks before trying the whole pattern. The matcher does not backtrack, so
    /// once an element has taken the first token, the next element (or, past optional ones,
    /// any later one) must start right after it.
    struct NextFilter: Sendable, Equatable {
        /// No condition: the pattern may end there.
        var any = false
        /// Word ids (literals, the first words of table phrases, second words of phrases).
        var words: Set<Int32> = []
        /// Any word token (`*`).
        var anyWord = false
        /// A numeral: a digit token or a number word.
        var numeral = false
        /// Bit `n`: a digit token of `n` digits (bit 31: 31 or more).
        var digitLengths: UInt32 = 0

        mutating func formUnion(_ other: NextFilter) {
            any = any || other.any
            words.formUnion(other.words)
            anyWord = anyWord || other.anyWord
            numeral = numeral || other.numeral
            digitLengths |= other.digitLengths
        }

        static func digitBit(_ length: Int) -> UInt32 { 1 << UInt32(min(length, 31)) }
    }

    /// What can start `elements[index...]`: the union over its leading optional elements and
    /// the first required one; `any` when every remaining element is optional.
    func first(from index: Int) -> NextFilter {
        var filter = NextFilter()
        for element in elements[index...] {
            switch element.matcher {
            case .literal: filter.words.formUnion(literals(element))
            case .table:
                filter.words.formUnion(tables[element.table].firstIDs)
                filter.digitLengths |= tables[element.table].firstDigitLengths
            case .numeral: filter.numeral = true
            case .digits: for length in element.digitLengths { filter.digitLengths |= NextFilter.digitBit(length) }
            case .anyWord: filter.anyWord = true
            }
            if !element.optional { return filter }
        }
        filter.any = true
        return filter
    }

    /// The next-token filters for each way a match can take its first token: per trigger word
    /// id (a literal or a table phrase's first word), a digit token (`D4`…), or a numeral
    /// (the filter then applies after the whole numeral). Nil: the pattern cannot start so.
    func startFilters() -> (words: [Int32: NextFilter], digits: NextFilter?, numeral: NextFilter?) {
        var words: [Int32: NextFilter] = [:]
        var digits: NextFilter?
        var numeral: NextFilter?
        for (index, element) in elements.enumerated() {
            let after = first(from: index + 1)
            switch element.matcher {
            case .literal:
                for id in literals(element) { words[id, default: NextFilter()].formUnion(after) }
            case .table:
                let table = tables[element.table]
                for id in table.firstIDs {
                    let (single, seconds) = table.continuations(of: id)
                    if single { words[id, default: NextFilter()].formUnion(after) }
                    words[id, default: NextFilter()].words.formUnion(seconds)
                }
            case .digits:
                digits = digits ?? NextFilter()
                digits?.formUnion(after)
            case .numeral:
                numeral = numeral ?? NextFilter()
                numeral?.formUnion(after)
            case .anyWord:
                break
            }
            if !element.optional { break }
        }
        return (words, digits, numeral)
    }

    /// Whether a wildcard can take a match's first token (past leading optional elements):
    /// such a pattern would need no trigger, which is not allowed.
    var startsWithWildcard: Bool {
        for element in elements {
            if element.matcher == .anyWord { return true }
            if !element.optional { return false }
        }
        return false
    }

    /// Compiles a pattern, interning its literal words in `vocabulary`; `%name` tables come
    /// from `tables`.
    init(
        _ text: String, vocabulary: Vocabulary, tables: TableLoader? = nil, file: String, line: Int
    ) throws(ConfigError) {
        var elements: [Element] = []
        var patternTables: [TokenTable] = []
        var literalPool: [Int32] = []
        for raw in text.split(byte: UInt8(ascii: " "), omittingEmpty: true) {
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
            case "*": element.matcher = .anyWord
            case "D4", "D12", "D2":
                element.matcher = .digits
                element.digitLengths = item == "D4" ? 4...4 : item == "D2" ? 2...2 : 1...2
            case _ where item.count > 1 && item.first == "D" && item.dropFirst().allSatisfy(\.isNumber):
                // D1, D3…: a digit element the matcher does not know (it would match the word "d1").
                throw ConfigError(file: file, line: line, path: String(item), "digit elements are D2, D4 and D12")
            case _ where item.hasPrefix("%") && item.count > 1:
                guard !item.contains("|") else {
                    throw ConfigError(
                        file: file, line: line, path: String(item),
                        "a table is not alternated with other words or tables: write one rule per alternative")
                }
                guard let tables else {
                    throw ConfigError(file: file, line: line, path: String(item), "tables are not available here")
                }
                element.matcher = .table
                element.table = patternTables.count
                patternTables.append(try tables.table(String(item.dropFirst())))
            default:
                // Each alternative must be what the tokenizer makes one token of: `a.m.` or `no.`
                // would never match, and a trailing `|?` makes the element optional instead.
                let alternatives = item.split(byte: UInt8(ascii: "|"))
                for alternative in alternatives where !Self.isOneToken(alternative) {
                    throw ConfigError(
                        file: file, line: line, path: String(item),
                        "'\(alternative)' is not one token: a literal is one word, one run of digits or one "
                            + "punctuation mark (a.m. is `a ~. ~m ~.`; put a literal ? first in a list)")
                }
                let ids = alternatives.map { vocabulary.intern(String($0)) }
                element.literalStart = Int32(literalPool.count)
                literalPool += Array(Set(ids)).sorted()
                element.literalEnd = Int32(literalPool.count)
            }
            elements.append(element)
        }
        guard !elements.isEmpty else { throw ConfigError(file: file, line: line, "empty pattern") }
        self.tables = patternTables
        frozen = (
            FrozenBuffer(elements), FrozenBuffer(literalPool),
            FrozenBuffer(patternTables.map { Unmanaged.passUnretained($0) })
        )
        self.elements = frozen.0.elements
        self.literalPool = frozen.1.elements
        tablePointers = frozen.2.elements
        guard !startsWithWildcard else {
            throw ConfigError(file: file, line: line, "a pattern cannot start with '*': rules fire from trigger words")
        }
        // Context elements only at the edges.
        let inner = elements.drop { $0.context }.reversed().drop { $0.context }
        guard !inner.isEmpty, !inner.contains(where: { $0.context }) else {
            throw ConfigError(
                file: file, line: line, "'^' context elements must sit at the start or end, around a span")
        }
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

    /// Whether the tokenizer makes exactly one token of `text`.
    static func isOneToken(_ text: Substring) -> Bool {
        Tokenizer.words(of: String(text)).count == 1
    }

    /// Token ranges of a successful match (its captures go to the caller's buffer).
    struct Bounds {
        var firstToken: Int
        var endToken: Int
        var spanFirst: Int
        var spanEnd: Int
    }

    /// Matches `pattern` at token `start`; `ids` are the document's token ids in the pattern's
    /// vocabulary (`idBuffer` the same, read in place). `captures` is emptied, then holds one
    /// entry per capturing element (nil where an optional one was absent). Allocation-free
    /// when `captures` has capacity. The pattern is read in place (in a rule table): nothing
    /// of it is copied, so nothing is retained.
    static func match(
        _ pattern: UnsafePointer<RulePattern>, _ context: ExtractionContext, _ tokens: UnsafeBufferPointer<Token>,
        _ idBuffer: UnsafeBufferPointer<Int32>, _ ids: [Int32], at start: Int, numerals: NumeralParser,
        captures: inout [Capture?]
    ) -> Bounds? {
        // Emptied by hand: `removeAll(keepingCapacity:)` takes the generic replaceSubrange
        // path (a String payload makes the elements nontrivial), hundreds of instructions a call.
        while let last = captures.popLast() { _ = last }
        var position = start
        var spanFirst = -1
        var spanEnd = start
        let elements = pattern.pointee.elements
        let literalPool = pattern.pointee.literalPool
        let tables = pattern.pointee.tablePointers
        for element in elements {
            let begin = position
            var value: Capture?
            var matched = position < tokens.count
            if matched && position > start {
                let token = tokens[position]
                if (element.glued && !token.glued) || token.newlineBefore { matched = false }
            }
            if matched && element.capitalized && !tokens[position].capitalized { matched = false }
            if matched {
                switch element.matcher {
                case .literal:
                    let id = idBuffer[position]
                    var found = false
                    for literal in Int(element.literalStart)..<Int(element.literalEnd)
                    where literalPool[literal] == id {
                        found = true
                        break
                    }
                    if found { position += 1 } else { matched = false }
                case .digits:
                    let token = tokens[position]
                    if token.kind == .digits, element.digitLengths.contains(Int(token.end - token.start)) {
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
                    if let (count, tableValue) = tables[element.table]._withUnsafeGuaranteedRef({
                        $0.match(context, ids: ids, at: position)
                    }) {
                        value = tableValue
                        position += count
                    } else {
                        matched = false
                    }
                case .anyWord:
                    if tokens[position].kind == .word { position += 1 } else { matched = false }
                }
            }
            if !matched {
                guard element.optional else { return nil }
                if element.captures { captures.append(nil) }
                continue
            }
            if element.captures { captures.append(value) }
            if !element.context {
                if spanFirst < 0 { spanFirst = begin }
                spanEnd = position
            }
        }
        guard spanFirst >= 0 else { return nil }
        return Bounds(firstToken: start, endToken: position, spanFirst: spanFirst, spanEnd: spanEnd)
    }
}

/// Word boundaries of a match: the span may not continue a word or number it touches
/// (`G7`, `Vietnam+` are names; `82nd` is not a cardinal). A match that ends in an opening
/// bracket may touch the word after it.
enum Boundaries {
    static func isAlphanumeric(_ token: Token) -> Bool { token.kind != .punctuation }

    /// Whether a token is a `.` or `,` glued to the token before it.
    private static func isGluedSeparator(_ context: ExtractionContext, _ index: Int) -> Bool {
        context.tokens[index].glued
            && (context.isCharacter(index, UInt8(ascii: ".")) || context.isCharacter(index, UInt8(ascii: ",")))
    }

    /// `gluedPrefix`: the word before is one a number may be written onto (VND35);
    /// `gluedUnit`: the word after is a unit it may be written against (22km).
    static func clean(
        _ context: ExtractionContext, first: Int, end: Int, gluedPrefix: Bool = false, gluedUnit: Bool = false
    ) -> Bool {
        let tokens = context.tokens
        if first > 0 && tokens[first].glued && isAlphanumeric(tokens[first - 1]) && !gluedPrefix { return false }
        // Nor one written by a hyphen onto a word in capitals or a capitalized word of up to
        // three letters: a model's or a code's (S-400, PAC-3, Su-35; not Gaza-20, a dash).
        if first >= 2 && tokens[first].kind == .digits && tokens[first].glued && tokens[first - 1].glued
            && tokens[first - 2].kind == .word && tokens[first - 2].capitalized
            && (tokens[first - 2].allCaps || tokens[first - 2].end - tokens[first - 2].start <= 3)
            && context.isCharacter(first - 1, UInt8(ascii: "-"))
        {
            return false
        }
        // A match ending in an opening bracket (in its trailing context) may touch the word
        // the bracket opens: "cấp 8 (mạnh)"; so may one ending in a percent sign (+109%YoY).
        if end < tokens.count && tokens[end].glued && isAlphanumeric(tokens[end]) && !gluedUnit
            && !context.isCharacter(end - 1, UInt8(ascii: "(")) && !context.isCharacter(end - 1, UInt8(ascii: "%"))
        {
            return false
        }
        if end < tokens.count && tokens[end].glued && context.isCharacter(end, UInt8(ascii: "+")) { return false }
        // Not a piece of a longer dotted number or code: "1.2.3", "2.3" in "v1.2.3", "1.5" in
        // "XBB.1.5".
        if first >= 2 && tokens[first].glued && isGluedSeparator(context, first - 1)
            && (tokens[first - 2].kind == .digits
                || (tokens[first - 2].kind == .word && context.isCharacter(first - 1, UInt8(ascii: "."))))
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

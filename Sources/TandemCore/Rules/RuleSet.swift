import Foundation

/// One language's compiled `.rules` file: its patterns indexed by how they can start, so a
/// rule is tried only at tokens that can begin it (no rule rescans the text). Extractors
/// share this and differ only in what they make of a match.
struct RuleSet: Sendable {
    /// A compiled rule or blocker.
    struct Rule: Sendable {
        var name: String
        var pattern: RulePattern
        /// `pattern.firstDigitLengths`, kept at hand for the matching loop.
        var firstDigitLengths: ClosedRange<Int>?
        /// `pattern.startsWithNumeral`: skipped at once where no numeral starts.
        var startsWithNumeral: Bool
        /// `pattern.secondWords`: skipped at once when the token after the number is none of
        /// them (`hasSecondWords` false: no such filter).
        var secondWords: [Int32]
        var hasSecondWords: Bool
        var blocks: Bool
        var outputs: [String: String]
        var line: Int
        /// `lang/kind:name` as records report it (`vi/dates:day-month`), made once.
        var qualifiedName: String
        /// `pattern.firstLiterals` and `pattern.afterLiteralFirst`, flat for the matching loop
        /// (`nextKind` nil: no check).
        var firstLiterals: [Int32] = []
        var nextKind: RulePattern.NextToken.Kind?
        var nextDigitLengths: ClosedRange<Int> = 0...0
        var nextWords: [Int32] = []
    }

    let language: String
    let numerals: NumeralParser
    let rules: [Rule]
    /// The file's `set` lines (`set future will|shall`).
    let settings: [String: String]
    /// Words a number may be written onto (`set glued-prefixes vnd|usd`: VND35 trillion).
    let gluedPrefixes: Set<Int32>
    /// Rules by the vocabulary id of a word that can start them, flat: the rules of id `i`
    /// are `triggerRules[triggerStarts[i]..<triggerStarts[i + 1]]` (ids interned later by
    /// other tables are past the end). Numeral- and digit-initial rules separately.
    private let triggerStarts: [Int32]
    private let triggerRules: [Int32]
    private let numeralInitial: [Int32]
    private let digitInitial: [Int32]
    /// By vocabulary id, one byte: `startsRules` (the word triggers rules) and
    /// `startsNumeral` (it is a number word). Small enough to stay in cache, so most words
    /// are passed over with one load.
    private let startFlags: [UInt8]
    private static let startsRules: UInt8 = 1
    private static let startsNumeral: UInt8 = 2

    /// Loads and compiles `rules/<language>/<name>` with the language's numerals.
    static func load(
        _ name: String, language: String, rulesFolder: URL, vocabulary: Vocabulary, allowedOutputs: Set<String>
    ) throws(ConfigError) -> RuleSet {
        let folder = rulesFolder.appendingPathComponent(language)
        return try RuleSet(
            file: try RuleFile.load(folder.appendingPathComponent(name)), language: language, folder: folder,
            vocabulary: vocabulary, numerals: try NumeralParser.load(folder: folder, vocabulary: vocabulary),
            allowedOutputs: allowedOutputs)
    }

    /// Compiles `file`, checking every rule's outputs against `allowedOutputs`.
    init(
        file: RuleFile, language: String, folder: URL, vocabulary: Vocabulary, numerals: NumeralParser,
        allowedOutputs: Set<String>
    ) throws(ConfigError) {
        let tables = TableLoader(folder: folder, vocabulary: vocabulary)
        var rules: [Rule] = []
        var triggers: [Int32: [Int]] = [:]
        var numeralInitial: [Int32] = []
        var digitInitial: [Int32] = []
        for line in file.rules {
            let pattern = try RulePattern(
                line.pattern, vocabulary: vocabulary, tables: tables, file: file.path, line: line.line)
            for key in line.outputs.keys.sorted() where !allowedOutputs.contains(key) {
                throw ConfigError(
                    file: file.path, line: line.line, path: key,
                    "unknown output (allowed: \(allowedOutputs.sorted().joined(separator: ", ")))")
            }
            let index = rules.count
            rules.append(
                Rule(
                    name: line.name, pattern: pattern, firstDigitLengths: pattern.firstDigitLengths,
                    startsWithNumeral: pattern.startsWithNumeral, secondWords: pattern.secondWords ?? [],
                    hasSecondWords: pattern.secondWords != nil, blocks: line.blocks,
                    outputs: line.outputs, line: line.line,
                    qualifiedName: "\(language)/\(file.kind):\(line.name)", firstLiterals: pattern.firstLiterals,
                    nextKind: pattern.afterLiteralFirst?.kind,
                    nextDigitLengths: pattern.afterLiteralFirst?.digitLengths ?? 0...0,
                    nextWords: pattern.afterLiteralFirst?.words ?? []))
            let start = pattern.start
            for word in Set(start.words) { triggers[word, default: []].append(index) }
            if start.digits || start.numeral { digitInitial.append(Int32(index)) }
            if start.numeral { numeralInitial.append(Int32(index)) }
        }
        var triggerStarts: [Int32] = [0]
        var triggerRules: [Int32] = []
        // Interned before the trigger index is sized, like every word the file names.
        gluedPrefixes = Set(
            (file.settings["glued-prefixes"] ?? "").split(separator: "|").map { vocabulary.intern(String($0)) })
        for id in 0..<Int32(vocabulary.count) {
            triggerRules += (triggers[id] ?? []).map { Int32($0) }
            triggerStarts.append(Int32(triggerRules.count))
        }
        self.language = language
        self.numerals = numerals
        self.rules = rules
        self.settings = file.settings
        self.triggerStarts = triggerStarts
        self.triggerRules = triggerRules
        startFlags = (0..<Int32(triggerStarts.count - 1)).map { id in
            (triggerStarts[Int(id)] < triggerStarts[Int(id) + 1] ? Self.startsRules : 0)
                | (numerals.word(id) != nil ? Self.startsNumeral : 0)
        }
        self.numeralInitial = numeralInitial
        self.digitInitial = digitInitial
    }

    /// Every clean match in the document: rules tried at the tokens that can start them,
    /// matches that cut into a word or number or sit inside a link dropped.
    func matches(in context: ExtractionContext, ids: [Int32]) -> [(rule: Int, match: RulePattern.Match)] {
        var found: [(rule: Int, match: RulePattern.Match)] = []
        // One capture buffer for every attempt: a failed attempt allocates nothing.
        var captures: [Capture?] = []
        captures.reserveCapacity(16)
        // Rules are read through a pointer: copying one would retain its arrays.
        rules.withUnsafeBufferPointer { ruleBuffer in
            context.tokens.withUnsafeBufferPointer { tokens in
                ids.withUnsafeBufferPointer { idBuffer in
                    let rules = ruleBuffer.baseAddress!
                    for index in 0..<tokens.count {
                        let id = Int(idBuffer[index])
                        let flags = id >= 0 && id < startFlags.count ? startFlags[id] : 0
                        let isDigits = tokens[index].kind == .digits
                        guard flags != 0 || isDigits else { continue }
                        let words =
                            flags & Self.startsRules != 0
                            ? Int(triggerStarts[id])..<Int(triggerStarts[id + 1]) : 0..<0
                        let numberRules: NumberStart =
                            isDigits ? .digits : flags & Self.startsNumeral != 0 ? .numeral : .none
                        let numberCount =
                            numberRules == .digits
                            ? digitInitial.count : numberRules == .numeral ? numeralInitial.count : 0
                        guard !words.isEmpty || numberCount > 0 else { continue }
                        var attempt = Attempt(index: index)
                        for slot in 0..<(words.count + numberCount) {
                            let ruleIndex =
                                slot < words.count
                                ? Int(triggerRules[words.lowerBound + slot])
                                : Int(
                                    numberRules == .digits
                                        ? digitInitial[slot - words.count] : numeralInitial[slot - words.count])
                            guard
                                let bounds = attempt.match(
                                    rules + ruleIndex, byWord: slot < words.count, context, tokens, idBuffer, ids,
                                    numerals, gluedPrefixes, &captures)
                            else { continue }
                            if attempt.insideLink == nil { attempt.insideLink = context.insideLink(index) }
                            if attempt.insideLink == true { break }
                            found.append(
                                (
                                    ruleIndex,
                                    RulePattern.Match(
                                        firstToken: bounds.firstToken, endToken: bounds.endToken,
                                        spanFirst: bounds.spanFirst, spanEnd: bounds.spanEnd, values: captures)
                                ))
                        }
                    }
                }
            }
        }
        return found
    }

    /// Which number-initial rules a token can start.
    private enum NumberStart {
        case none, digits, numeral
    }

    /// The rules tried at one token, sharing what they learn about it (the numeral there,
    /// whether it sits in a link).
    private struct Attempt {
        let index: Int
        var numeralHere: Bool?
        var numeralEnd: Int
        var insideLink: Bool?

        init(index: Int) {
            self.index = index
            numeralEnd = index + 1
        }

        /// The rule's match at this token after its cheap prefilters, if any.
        mutating func match(
            _ rule: UnsafePointer<Rule>, byWord: Bool, _ context: ExtractionContext,
            _ tokens: UnsafeBufferPointer<Token>, _ idBuffer: UnsafeBufferPointer<Int32>, _ ids: [Int32],
            _ numerals: NumeralParser, _ gluedPrefixes: Set<Int32>, _ captures: inout [Capture?]
        ) -> RulePattern.Bounds? {
            if byWord, let kind = rule.pointee.nextKind, rule.pointee.firstLiterals.contains(idBuffer[index]) {
                let next = index + 1
                guard next < tokens.count else { return nil }
                switch kind {
                case .digits:
                    guard tokens[next].kind == .digits,
                        rule.pointee.nextDigitLengths.contains(Int(tokens[next].end - tokens[next].start))
                    else { return nil }
                case .words:
                    guard rule.pointee.nextWords.contains(idBuffer[next]) else { return nil }
                case .numeral:
                    guard tokens[next].kind == .digits || numerals.word(idBuffer[next]) != nil else { return nil }
                case .anyWord:
                    guard tokens[next].kind == .word else { return nil }
                }
            }
            if let lengths = rule.pointee.firstDigitLengths,
                !lengths.contains(Int(tokens[index].end - tokens[index].start))
            {
                return nil
            }
            if rule.pointee.startsWithNumeral {
                if numeralHere == nil {
                    let numeral = context.numeral(at: index, ids: ids, numerals)
                    numeralHere = numeral != nil
                    numeralEnd = index + (numeral?.tokenCount ?? 1)
                }
                if numeralHere == false { return nil }
            }
            if rule.pointee.hasSecondWords {
                let next = rule.pointee.startsWithNumeral ? numeralEnd : index + 1
                if next >= idBuffer.count || !rule.pointee.secondWords.contains(idBuffer[next]) { return nil }
            }
            guard
                let bounds = rule.pointee.pattern.match(
                    context, tokens, idBuffer, ids, at: index, numerals: numerals, captures: &captures),
                Boundaries.clean(
                    context, first: bounds.firstToken, end: bounds.endToken,
                    gluedPrefix: bounds.firstToken > 0 && gluedPrefixes.contains(idBuffer[bounds.firstToken - 1]))
            else { return nil }
            return bounds
        }
    }

    /// The mention span and the whole match's length in bytes.
    static func spans(_ match: RulePattern.Match, _ context: ExtractionContext) -> (span: ByteSpan, length: Int32) {
        let tokens = context.tokens
        return (
            ByteSpan(tokens[match.spanFirst].start, tokens[match.spanEnd - 1].end),
            tokens[match.endToken - 1].end - tokens[match.firstToken].start
        )
    }
}

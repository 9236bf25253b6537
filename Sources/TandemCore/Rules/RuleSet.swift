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
        /// `pattern.secondWords`: skipped at once when the token after the number is none of them.
        var secondWords: [Int32]?
        var blocks: Bool
        var outputs: [String: String]
        var line: Int
    }

    let language: String
    let numerals: NumeralParser
    let rules: [Rule]
    /// Rules by the vocabulary id of a word that can start them (ids interned later by
    /// other tables are past the end); numeral- and digit-initial rules separately.
    private let byTrigger: [[Int]]
    private let numeralInitial: [Int]
    private let digitInitial: [Int]

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
        var numeralInitial: [Int] = []
        var digitInitial: [Int] = []
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
                    startsWithNumeral: pattern.startsWithNumeral, secondWords: pattern.secondWords, blocks: line.blocks,
                    outputs: line.outputs, line: line.line))
            let start = pattern.start
            for word in Set(start.words) { triggers[word, default: []].append(index) }
            if start.digits || start.numeral { digitInitial.append(index) }
            if start.numeral { numeralInitial.append(index) }
        }
        var byTrigger = [[Int]](repeating: [], count: vocabulary.count)
        for (id, indices) in triggers { byTrigger[Int(id)] = indices }
        self.language = language
        self.numerals = numerals
        self.rules = rules
        self.byTrigger = byTrigger
        self.numeralInitial = numeralInitial
        self.digitInitial = digitInitial
    }

    /// Every clean match in the document: rules tried at the tokens that can start them,
    /// matches that cut into a word or number or sit inside a link dropped.
    func matches(in context: ExtractionContext, ids: [Int32]) -> [(rule: Int, match: RulePattern.Match)] {
        let tokens = context.tokens
        var found: [(rule: Int, match: RulePattern.Match)] = []
        rules.withUnsafeBufferPointer { rules in
            for index in tokens.indices {
                let id = Int(ids[index])
                let byWord = id >= 0 && id < byTrigger.count ? byTrigger[id] : []
                let byNumber =
                    tokens[index].kind == .digits
                    ? digitInitial : numerals.canStart(context, ids: ids, index) ? numeralInitial : []
                guard !byWord.isEmpty || !byNumber.isEmpty else { continue }
                var insideLink: Bool?
                var numeralHere: Bool?
                var numeralEnd = index + 1
                for list in [byWord, byNumber] {
                    for ruleIndex in list {
                        let rule = rules.baseAddress! + ruleIndex
                        if let lengths = rule.pointee.firstDigitLengths,
                            !lengths.contains(Int(tokens[index].end - tokens[index].start))
                        {
                            continue
                        }
                        if rule.pointee.startsWithNumeral {
                            if numeralHere == nil {
                                let numeral = context.numeral(at: index, ids: ids, numerals)
                                numeralHere = numeral != nil
                                numeralEnd = index + (numeral?.tokenCount ?? 1)
                            }
                            if numeralHere == false { continue }
                        }
                        if let second = rule.pointee.secondWords {
                            let next = rule.pointee.startsWithNumeral ? numeralEnd : index + 1
                            if next >= ids.count || !second.contains(ids[next]) { continue }
                        }
                        guard let match = rule.pointee.pattern.match(context, ids: ids, at: index, numerals: numerals),
                            Boundaries.clean(context, first: match.firstToken, end: match.endToken)
                        else { continue }
                        if insideLink == nil { insideLink = context.insideLink(index) }
                        if insideLink == true { break }
                        found.append((ruleIndex, match))
                    }
                }
            }
        }
        return found
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

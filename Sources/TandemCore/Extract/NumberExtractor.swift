import Foundation

/// Cardinal numbers, amounts, percentages and ranges, with hedges as `mod`, from the rule
/// tables `rules/<lang>/numbers.rules`, `numerals.tsv` and `hedges.tsv`.
public struct NumberExtractor: Extractor {
    public var name: String { "numbers" }

    /// One language's compiled tables.
    struct LanguageRules: Sendable {
        var language: String
        var numerals: NumeralParser
        var rules: [CompiledRule]
        /// Rules by the vocabulary id of the word that starts them (ids interned later by
        /// other tables are past the end); numeral- and digit-initial rules separately.
        var byTrigger: [[Int]]
        var numeralInitial: [Int]
        var digitInitial: [Int]
        var hedges: [(words: [Int32], mod: String)]
    }

    struct CompiledRule: Sendable {
        var name: String
        var pattern: RulePattern
        var blocks: Bool
        /// `range`: the second numeral is `value_end`.
        var isRange: Bool
        /// `unit=…` (percent).
        var unit: String?
        /// `type=…` (ORDINAL).
        var type: String?
    }

    let languages: [String: LanguageRules]
    /// The ids the tables' words were interned under (shared with other extractors).
    let vocabulary: Vocabulary

    /// Loads `rules/vi` and `rules/en`, interning their words in `vocabulary`.
    public init(rulesFolder: URL, vocabulary: Vocabulary = Vocabulary()) throws(ConfigError) {
        var languages: [String: LanguageRules] = [:]
        for language in LanguageResources.languages {
            let folder = rulesFolder.appendingPathComponent(language)
            languages[language] = try Self.load(language: language, folder: folder, vocabulary: vocabulary)
        }
        self.languages = languages
        self.vocabulary = vocabulary
    }

    static func load(language: String, folder: URL, vocabulary: Vocabulary) throws(ConfigError) -> LanguageRules {
        let file = try RuleFile.load(folder.appendingPathComponent("numbers.rules"))
        let numeralsURL = folder.appendingPathComponent("numerals.tsv")
        let numerals = try NumeralParser(
            lexicon: try Lexicon.load(numeralsURL), vocabulary: vocabulary,
            decimalSeparator: file.settings["decimal"] ?? ".", groupSeparator: file.settings["group"] ?? ",",
            file: numeralsURL.path)
        var rules: [CompiledRule] = []
        var triggers: [Int32: [Int]] = [:]
        var numeralInitial: [Int] = []
        var digitInitial: [Int] = []
        for line in file.rules {
            let pattern = try RulePattern(line.pattern, vocabulary: vocabulary, file: file.path, line: line.line)
            for key in line.outputs.keys where !["range", "unit", "type"].contains(key) {
                throw ConfigError(file: file.path, line: line.line, path: key, "unknown output (range, unit, type)")
            }
            rules.append(
                CompiledRule(
                    name: line.name, pattern: pattern, blocks: line.blocks, isRange: line.outputs["range"] != nil,
                    unit: line.outputs["unit"], type: line.outputs["type"]))
            let start = pattern.start
            for word in start.words { triggers[word, default: []].append(rules.count - 1) }
            if start.digits { digitInitial.append(rules.count - 1) }
            if start.numeral { numeralInitial.append(rules.count - 1) }
        }
        let hedges = try Lexicon.load(folder.appendingPathComponent("hedges.tsv")).entries
            .map { (words: $0.words.map { vocabulary.intern($0) }, mod: $0.value) }
            .sorted { $0.words.count > $1.words.count }
        var byTrigger = [[Int]](repeating: [], count: vocabulary.count)
        for (id, indices) in triggers { byTrigger[Int(id)] = indices }
        return LanguageRules(
            language: language, numerals: numerals, rules: rules, byTrigger: byTrigger, numeralInitial: numeralInitial,
            digitInitial: digitInitial, hedges: hedges)
    }

    public func candidates(in context: ExtractionContext) -> [Candidate] {
        guard let rules = languages[context.language] else { return [] }
        let tokens = context.tokens
        let ids = context.ids(in: vocabulary)
        var found: [Candidate] = []
        for index in tokens.indices {
            let id = Int(ids[index])
            var ruleIndices = id >= 0 && id < rules.byTrigger.count ? rules.byTrigger[id] : []
            if rules.numerals.canStart(context, ids: ids, index) { ruleIndices += rules.numeralInitial }
            if tokens[index].kind == .digits { ruleIndices += rules.digitInitial }
            var insideLink: Bool?
            for ruleIndex in ruleIndices {
                let rule = rules.rules[ruleIndex]
                guard let match = rule.pattern.match(context, ids: ids, at: index, numerals: rules.numerals),
                    Boundaries.clean(context, first: match.firstToken, end: match.endToken),
                    let candidate = makeCandidate(rule, match, rules, context, ids)
                else { continue }
                if insideLink == nil { insideLink = context.insideLink(index) }
                if insideLink == true { break }
                found.append(candidate)
            }
        }
        return found
    }

    private func makeCandidate(
        _ rule: CompiledRule, _ match: RulePattern.Match, _ rules: LanguageRules, _ context: ExtractionContext,
        _ ids: [Int32]
    )
        -> Candidate?
    {
        let tokens = context.tokens
        let span = ByteSpan(tokens[match.spanFirst].start, tokens[match.spanEnd - 1].end)
        let matchLength = tokens[match.endToken - 1].end - tokens[match.firstToken].start
        var mention = Mention(kind: "number", span: span, rule: "\(rules.language)/numbers:\(rule.name)")
        if rule.blocks {
            return Candidate(mention: mention, matchLength: matchLength, priority: 10, suppresses: true)
        }
        let numbers = match.values.compactMap { $0?.number }
        guard let first = numbers.first else { return nil }
        mention.value = Self.value(first)
        if rule.isRange {
            guard numbers.count >= 2, numbers[1] > first else { return nil }
            mention.valueEnd = Self.value(numbers[1])
        }
        mention.unit = rule.unit
        mention.type = rule.type
        mention.mod = hedge(before: match.spanFirst, rules, ids)
        return Candidate(mention: mention, matchLength: matchLength, priority: 0)
    }

    /// The hedge right before a span (`khoảng`, `more than`), as a FORMAT.md `mod`.
    private func hedge(before index: Int, _ rules: LanguageRules, _ ids: [Int32]) -> String? {
        for (words, mod) in rules.hedges where words.count <= index {
            if ids[(index - words.count)..<index].elementsEqual(words) { return mod }
        }
        return nil
    }

    static func value(_ number: Double) -> MentionValue {
        if number == number.rounded() && abs(number) < 9e15 { return .integer(Int64(number)) }
        return .decimal((number * 1e6).rounded() / 1e6)
    }
}

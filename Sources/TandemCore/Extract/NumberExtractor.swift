import Foundation

/// Cardinal numbers, amounts, percentages and ranges, with hedges as `mod`, from the rule
/// tables `rules/<lang>/numbers.rules`, `numerals.tsv` and `hedges.tsv`.
public struct NumberExtractor: Extractor {
    public var name: String { "numbers" }

    /// One language's compiled tables.
    struct LanguageRules: Sendable {
        var rules: RuleSet
        var hedges: [(words: [Int32], mod: String)]
        /// Per rule, its outputs looked up once: a range, the unit, the type.
        var outputs: [(range: Bool, unit: String?, type: String?)]
    }

    let languages: [String: LanguageRules]
    /// The ids the tables' words were interned under (shared with other extractors).
    let vocabulary: Vocabulary

    /// Loads `rules/vi` and `rules/en`, interning their words in `vocabulary`.
    public init(rulesFolder: URL, vocabulary: Vocabulary = Vocabulary()) throws(ConfigError) {
        var languages: [String: LanguageRules] = [:]
        for language in LanguageResources.languages {
            let rules = try RuleSet.load(
                "numbers.rules", language: language, rulesFolder: rulesFolder, vocabulary: vocabulary,
                allowedOutputs: ["range", "unit", "type"])
            let hedgesURL = rulesFolder.appendingPathComponent(language).appendingPathComponent("hedges.tsv")
            let hedges = try Lexicon.load(hedgesURL).entries
                .map { (words: $0.words.map { vocabulary.intern($0) }, mod: $0.value) }
                .sorted { $0.words.count > $1.words.count }
            languages[language] = LanguageRules(
                rules: rules, hedges: hedges,
                outputs: rules.rules.map { ($0.outputs["range"] != nil, $0.outputs["unit"], $0.outputs["type"]) })
        }
        self.languages = languages
        self.vocabulary = vocabulary
    }

    public func candidates(in context: ExtractionContext) -> [Candidate] {
        guard let language = languages[context.language] else { return [] }
        let ids = context.ids(in: vocabulary)
        return language.rules.matches(in: context, ids: ids).compactMap { index, match in
            makeCandidate(index, match, language, context, ids)
        }
    }

    private func makeCandidate(
        _ rule: Int, _ match: RulePattern.Match, _ language: LanguageRules, _ context: ExtractionContext,
        _ ids: [Int32]
    ) -> Candidate? {
        let (span, matchLength) = RuleSet.spans(match, context)
        var mention = Mention(kind: "number", span: span, rule: language.rules.rules[rule].qualifiedName)
        if language.rules.rules[rule].blocks {
            return Candidate(mention: mention, matchLength: matchLength, priority: 10, suppresses: true)
        }
        let numbers = match.values.compactMap { $0?.number }
        guard let first = numbers.first else { return nil }
        mention.value = Self.value(first)
        let outputs = language.outputs[rule]
        if outputs.range {
            guard numbers.count >= 2, numbers[1] > first else { return nil }
            mention.valueEnd = Self.value(numbers[1])
        }
        mention.unit = outputs.unit
        mention.type = outputs.type
        // A hedge stands before a currency code the number is written onto: around VND300 billion.
        var hedgeEnd = match.spanFirst
        if hedgeEnd > 0 && context.tokens[hedgeEnd].glued && language.rules.gluedPrefixes.contains(ids[hedgeEnd - 1]) {
            hedgeEnd -= 1
        }
        mention.mod = hedge(before: hedgeEnd, language, ids)
        return Candidate(mention: mention, matchLength: matchLength, priority: 0)
    }

    /// The hedge right before a span (`khoảng`, `more than`), as a FORMAT.md `mod`.
    private func hedge(before index: Int, _ language: LanguageRules, _ ids: [Int32]) -> String? {
        for (words, mod) in language.hedges where words.count <= index {
            if ids[(index - words.count)..<index].elementsEqual(words) { return mod }
        }
        return nil
    }

    static func value(_ number: Double) -> MentionValue {
        if number == number.rounded() && abs(number) < 9e15 { return .integer(Int64(number)) }
        return .decimal((number * 1e6).rounded() / 1e6)
    }
}

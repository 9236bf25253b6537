import Foundation

/// Cardinal numbers, amounts, percentages and ranges, with hedges as `mod`, from the rule
/// tables `rules/<lang>/numbers.rules`, `numerals.tsv`, `hedges.tsv` and `hedges_after.tsv`.
public struct NumberExtractor: Extractor {
    public var name: String { "numbers" }

    /// One language's compiled tables.
    /// (A class: fetched per document, a struct would be retained field by field.)
    final class LanguageRules: Sendable {
        let rules: RuleSet
        /// Longest first; a nil mod is a phrase that only looks like a hedge (`trong khoảng`).
        let hedges: [(words: [Int32], mod: String?)]
        /// The hedges' last words: a number after any other word has no hedge, which a short
        /// scan tells (nil if some hedge is empty, which then stands before any number).
        let hedgeEnds: [Int32]?
        /// Hedges after a number or its counted noun (`8% trở lên`, `10 people or more`),
        /// longest first (a nil mod only looks like one: `or more accurately`), and their first
        /// words (a short scan tells a number with none).
        let hedgesAfter: [(words: [Int32], mod: String?)]
        let hedgeAfterStarts: WordIDs
        /// Per rule, its outputs looked up once: a range or a fraction (the first number over
        /// the second), the unit, the type, and a factor
        /// the captured numbers are multiplied by (`scale=1000000` for `$3m`, `scale=-1` below zero).
        let outputs: [(range: Bool, fraction: Bool, unit: String?, type: String?, scale: Double)]
        /// Per rule, `range=descending-score`: a falling pair is a score (6-3), not two counts,
        /// and the match blocks. (Apart from `outputs`: one more field there made every match
        /// copy the tuple field by field, 3% more instructions with numbers alone.)
        let descendingScores: [Bool]

        init(
            rules: RuleSet, hedges: [(words: [Int32], mod: String?)], hedgesAfter: [(words: [Int32], mod: String?)],
            outputs: [(range: Bool, fraction: Bool, unit: String?, type: String?, scale: Double)]
        ) {
            self.rules = rules
            self.hedges = hedges
            self.hedgesAfter = hedgesAfter.filter { !$0.words.isEmpty }
            self.hedgeAfterStarts = WordIDs(Array(Set(self.hedgesAfter.map { $0.words[0] })).sorted())
            self.hedgeEnds =
                hedges.contains { $0.words.isEmpty } ? nil : Array(Set(hedges.compactMap(\.words.last))).sorted()
            self.outputs = outputs
            descendingScores = rules.rules.map { $0.outputs["range"] == "descending-score" }
        }
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
                allowedOutputs: ["range", "fraction", "unit", "type", "scale"],
                allowedSettings: ["decimal", "group", "fraction-link", "mixed-fractions", "foreign-thousands"])
            let folder = rulesFolder.appendingPathComponent(language)
            let hedges = try Self.hedges(folder.appendingPathComponent("hedges.tsv"), vocabulary: vocabulary)
            let hedgesAfter = try Self.hedges(
                folder.appendingPathComponent("hedges_after.tsv"), vocabulary: vocabulary, optional: true)
            let path = rulesFolder.appendingPathComponent("\(language)/numbers.rules").path
            languages[language] = LanguageRules(
                rules: rules, hedges: hedges, hedgesAfter: hedgesAfter,
                outputs: try rules.rules.map { rule throws(ConfigError) in
                    var scale = 1.0
                    if let text = rule.outputs["scale"] {
                        guard let value = Double(text), value != 0, value.isFinite else {
                            throw ConfigError(
                                file: path, line: rule.line, path: "scale",
                                "scale must be a non-zero number, not '\(text)'")
                        }
                        scale = value
                    }
                    if let range = rule.outputs["range"], !range.isEmpty, range != "descending-score" {
                        throw ConfigError(
                            file: path, line: rule.line, path: "range",
                            "range takes no value but descending-score, not '\(range)'")
                    }
                    return (
                        rule.outputs["range"] != nil, rule.outputs["fraction"] != nil, rule.outputs["unit"],
                        rule.outputs["type"], scale
                    )
                })
        }
        self.languages = languages
        self.vocabulary = vocabulary
    }

    public func candidates(in context: ExtractionContext) -> [Candidate] {
        guard let language = languages[context.language] else { return [] }
        let ids = context.ids(in: vocabulary)
        var candidates: [Candidate] = []
        candidates.reserveCapacity(context.tokens.count / 16 + 8)
        language.rules.forEachMatch(in: context, ids: ids) { index, match in
            if let candidate = makeCandidate(index, match, language, context, ids) { candidates.append(candidate) }
        }
        return candidates
    }

    private func makeCandidate(
        _ rule: Int, _ match: RulePattern.Match, _ language: LanguageRules, _ context: ExtractionContext,
        _ ids: [Int32]
    ) -> Candidate? {
        let (span, matchLength) = RuleSet.spans(match, context)
        let name = language.rules.rules[rule].qualifiedName
        if language.rules.rules[rule].blocks {
            return Candidate(
                mention: Mention(kind: "number", span: span, rule: name), matchLength: matchLength, priority: 10,
                suppresses: true)
        }
        // The first two numbers captured (no array of them: this runs per match).
        var first: Double?
        var second: Double?
        for value in match.values {
            guard let number = value?.number else { continue }
            if first == nil {
                first = number
            } else {
                second = number
                break
            }
        }
        guard var first else { return nil }
        let outputs = language.outputs[rule]
        if outputs.fraction {
            // 2/3: the numerator over the denominator, a proper fraction only.
            guard let second, second > first, first > 0 else { return nil }
            first /= second
        }
        var valueEnd: MentionValue?
        if outputs.range {
            guard let second, second > first else {
                // A falling pair of whole numbers is a score (6-3, 7-5): neither is a count.
                guard language.descendingScores[rule], let second, second < first, first == first.rounded(),
                    second == second.rounded()
                else { return nil }
                return Candidate(
                    mention: Mention(kind: "number", span: span, rule: name), matchLength: matchLength, priority: 10,
                    suppresses: true)
            }
            // A scale word written after the second number only is the first's too: 5 đến 7
            // triệu, 5-7 million (not 500 nghìn đến 1 triệu).
            if let scale = lastScale(match, language, ids), first < scale, first * scale <= second { first *= scale }
            valueEnd = Self.value(second * outputs.scale)
        }
        // A hedge stands before a currency code the number is written onto: around VND300 billion.
        var hedgeEnd = match.spanFirst
        if hedgeEnd > 0 && context.tokens[hedgeEnd].glued && language.rules.gluedPrefixes.contains(ids[hedgeEnd - 1]) {
            hedgeEnd -= 1
        }
        // The mention is made in place, in one go (a `var` filled field by field is copied).
        return Candidate(
            mention: Mention(
                kind: "number", span: span, type: outputs.type, value: Self.value(first * outputs.scale),
                valueEnd: valueEnd,
                mod: hedge(before: hedgeEnd, language, ids, context)
                    ?? hedge(after: match.spanEnd, language, ids, context),
                unit: outputs.unit, rule: name),
            matchLength: matchLength, priority: 0)
    }

    /// The value of the last scale word (million, triệu) in a match's span, if any.
    private func lastScale(_ match: RulePattern.Match, _ language: LanguageRules, _ ids: [Int32]) -> Double? {
        for index in stride(from: match.spanEnd - 1, through: match.spanFirst, by: -1) {
            if let word = language.rules.numerals.word(ids[index]),
                word.wordClass == .scale || word.wordClass == .gluedScale
            {
                return word.value
            }
        }
        return nil
    }

    /// A hedge table (`phrase<TAB>mod`, `none` for a phrase that only looks like a hedge),
    /// longest phrase first; an optional table may be missing.
    static func hedges(_ url: URL, vocabulary: Vocabulary, optional: Bool = false) throws(ConfigError)
        -> [(words: [Int32], mod: String?)]
    {
        if optional && !FileManager.default.fileExists(atPath: url.path) { return [] }
        return try Lexicon.load(url).entries
            .map { (words: $0.words.map { vocabulary.intern($0) }, mod: $0.value == "none" ? nil : $0.value) }
            .sorted { $0.words.count > $1.words.count }
    }

    /// Whether `words` stand in `ids` from `start` on.
    @inline(__always)
    static func phrase(_ words: [Int32], isIn ids: [Int32], at start: Int) -> Bool {
        guard start >= 0 && start + words.count <= ids.count else { return false }
        for offset in 0..<words.count where ids[start + offset] != words[offset] { return false }
        return true
    }

    /// The hedge right before a span (`khoảng`, `more than`), as a FORMAT.md `mod`. A hedge
    /// word right after a number joins two numbers instead (6 trên 63: six out of 63).
    private func hedge(
        before index: Int, _ language: LanguageRules, _ ids: [Int32], _ context: ExtractionContext
    ) -> String? {
        if let ends = language.hedgeEnds, index == 0 || !ends.contains(ids[index - 1]) { return nil }
        // By index: iterating the pairs would copy (retain) each one.
        for hedge in language.hedges.indices where language.hedges[hedge].words.count <= index {
            let count = language.hedges[hedge].words.count
            if Self.phrase(language.hedges[hedge].words, isIn: ids, at: index - count) {
                let before = index - count - 1
                if before >= 0 && context.tokens[before].kind == .digits && !context.tokens[before + 1].newlineBefore {
                    return nil
                }
                return language.hedges[hedge].mod
            }
        }
        return nil
    }

    /// The hedge after a span, right after it or after up to two lowercase words (the
    /// counted noun: `100 người trở lên`, `10 people or more`), on the same line.
    private func hedge(
        after end: Int, _ language: LanguageRules, _ ids: [Int32], _ context: ExtractionContext
    ) -> String? {
        // The first hedge word within reach, found from the ids alone: most numbers have none.
        let starts = language.hedgeAfterStarts
        let limit = min(end + Self.wordsBeforeHedgeAfter + 1, ids.count)
        var start = end
        while start < limit && !starts.contains(ids[start]) { start += 1 }
        guard start < limit else { return nil }
        let tokens = context.tokens
        for index in end...start where tokens[index].newlineBefore || tokens[index].kind != .word { return nil }
        for index in end..<start where !tokens[index].lowercase || language.rules.numerals.word(ids[index]) != nil {
            return nil
        }
        for hedge in language.hedgesAfter.indices
        where Self.phrase(language.hedgesAfter[hedge].words, isIn: ids, at: start) {
            // `or more than 20` hedges the next number, not this one.
            let next = start + language.hedgesAfter[hedge].words.count
            if next < ids.count
                && (tokens[next].kind == .digits || (language.hedgeEnds?.contains(ids[next]) ?? false))
            {
                return nil
            }
            return language.hedgesAfter[hedge].mod
        }
        return nil
    }

    /// How many words may stand between a number and a hedge after it.
    static let wordsBeforeHedgeAfter = 2

    static func value(_ number: Double) -> MentionValue {
        // A decimal times a scale carries binary noise (6.94 × 10⁹ is 6,939,999,999.999999 in
        // doubles): within 10⁻¹² of a whole amount, it is that amount.
        let whole = number.rounded()
        if abs(number - whole) <= abs(number) * 1e-12 && abs(whole) < 9e15 { return .integer(Int64(whole)) }
        return .decimal((number * 1e6).rounded() / 1e6)
    }
}

import Foundation

/// Temporal expressions as TimeML TIMEX3 (`type`, `value`, `value_end`, `mod`) from
/// `rules/<lang>/dates.rules` and the tables it names (`%months`, `%weekdays`, …),
/// resolved against the document's reference date by `TimexResolver`.
///
/// Dates win overlaps with numbers (priority), so digits inside a date belong to the date.
public struct DateExtractor: Extractor {
    public var name: String { "dates" }

    /// Priority of date candidates over number candidates and number blockers.
    static let priority = 20

    /// (A class: fetched per document, a struct of this many arrays would be retained field
    /// by field.)
    final class LanguageRules: Sendable {
        let rules: RuleSet
        /// Per rule, its resolver (parallel to `rules.rules`).
        let resolvers: [TimexResolver]
        /// Per rule, its `type` and `mod` outputs, looked up once.
        let types: [String?]
        let mods: [TimexResolver.Template?]
        /// Words and phrases that put what follows in the future (`set future will|dự kiến` in
        /// dates.rules), and those that put it in the past (`set past was|agreed|đã`).
        let futureCues: Cues
        let pastCues: Cues

        init(
            rules: RuleSet, resolvers: [TimexResolver], types: [String?], mods: [TimexResolver.Template?],
            futureCues: Cues, pastCues: Cues
        ) {
            self.rules = rules
            self.resolvers = resolvers
            self.types = types
            self.mods = mods
            self.futureCues = futureCues
            self.pastCues = pastCues
        }
    }

    /// The tense cues of one language (see `LanguageRules.futureCues`): one-word cues as a
    /// short sorted array (a scan of a few ids beats hashing one), longer ones as word ids in
    /// order.
    struct Cues: Sendable {
        var words: [Int32] = []
        var phrases: [[Int32]] = []

        /// Parses `sẽ|sắp|dự kiến`, interning each word.
        init(_ setting: String, vocabulary: Vocabulary) {
            var words = Set<Int32>()
            for cue in setting.split(separator: "|") {
                let ids = cue.split(separator: " ").map { vocabulary.intern(String($0)) }
                if ids.count == 1 { words.insert(ids[0]) } else if ids.count > 1 { phrases.append(ids) }
            }
            self.words = words.sorted()
        }

        var isEmpty: Bool { words.isEmpty && phrases.isEmpty }

        /// Whether a cue ends at token `index`.
        func end(at index: Int, _ ids: UnsafeBufferPointer<Int32>) -> Bool {
            let id = ids[index]
            guard id >= 0 else { return false }
            if words.contains(id) { return true }
            for phrase in phrases where phrase.last == id && index + 1 >= phrase.count {
                if phrase.indices.allSatisfy({ ids[index + 1 - phrase.count + $0] == phrase[$0] }) { return true }
            }
            return false
        }
    }

    /// How far back (in tokens, within the clause) a future cue reaches: `will meet on Thursday`.
    static let futureCueReach = 16

    let languages: [String: LanguageRules]
    let vocabulary: Vocabulary

    /// Loads `rules/vi` and `rules/en`, interning their words in `vocabulary`.
    public init(rulesFolder: URL, vocabulary: Vocabulary = Vocabulary()) throws(ConfigError) {
        var languages: [String: LanguageRules] = [:]
        for language in LanguageResources.languages {
            let rules = try RuleSet.load(
                "dates.rules", language: language, rulesFolder: rulesFolder, vocabulary: vocabulary,
                allowedOutputs: TimexResolver.outputNames)
            let path = rulesFolder.appendingPathComponent("\(language)/dates.rules").path
            for rule in rules.rules where !rule.blocks {
                guard let type = rule.outputs["type"], ["DATE", "TIME", "DURATION", "SET"].contains(type) else {
                    throw ConfigError(
                        file: path, line: rule.line, path: "type", "a date rule needs type=DATE|TIME|DURATION|SET")
                }
            }
            languages[language] = LanguageRules(
                rules: rules, resolvers: rules.rules.map { TimexResolver(outputs: $0.outputs) },
                types: rules.rules.map { $0.outputs["type"] },
                mods: rules.rules.map { $0.outputs["mod"].map(TimexResolver.Template.init) },
                futureCues: Cues(rules.settings["future"] ?? "", vocabulary: vocabulary),
                pastCues: Cues(rules.settings["past"] ?? "", vocabulary: vocabulary))
        }
        self.languages = languages
        self.vocabulary = vocabulary
    }

    public func candidates(in context: ExtractionContext) -> [Candidate] {
        guard let language = languages[context.language] else { return [] }
        let ids = context.ids(in: vocabulary)
        let dct = context.dct.flatMap(CivilDate.init(iso:))
        func candidate(_ index: Int, _ match: RulePattern.Match) -> Candidate? {
            let (span, matchLength) = RuleSet.spans(match, context)
            let name = language.rules.rules[index].qualifiedName
            if language.rules.rules[index].blocks {
                return Candidate(
                    mention: Mention(kind: "date", span: span, rule: name), matchLength: matchLength,
                    priority: Self.priority, suppresses: true)
            }
            let tense: TimexResolver.Tense =
                Self.cue(before: match.firstToken, language.futureCues, context, ids)
                ? .future : Self.cue(before: match.firstToken, language.pastCues, context, ids) ? .past : .unknown
            guard let resolved = language.resolvers[index].resolve(match.values, dct: dct, tense: tense)
            else { return nil }
            let mod = language.mods[index].map { $0.fill(match.values) }.flatMap {
                $0.hasUnknown || $0.isEmpty ? nil : $0
            }
            // The mention is made in place, in one go (a `var` filled field by field is copied).
            return Candidate(
                mention: Mention(
                    kind: "date", span: span, type: language.types[index], value: resolved.value,
                    valueEnd: resolved.valueEnd, mod: mod, rule: name),
                matchLength: matchLength, priority: Self.priority)
        }
        var candidates: [Candidate] = []
        candidates.reserveCapacity(context.tokens.count / 16 + 8)
        language.rules.forEachMatch(in: context, ids: ids) { index, match in
            if let candidate = candidate(index, match) { candidates.append(candidate) }
        }
        return candidates
    }

    /// Whether a cue stands a few words before token `first` in the same clause (no clause
    /// punctuation or line break between them; the slash or dash of a date between, as in
    /// `sẽ … từ ngày 15/6 đến hết tháng 7`, is no clause boundary).
    static func cue(before first: Int, _ cues: Cues, _ context: ExtractionContext, _ ids: [Int32]) -> Bool {
        guard !cues.isEmpty else { return false }
        return context.tokens.withUnsafeBufferPointer { tokens in
            ids.withUnsafeBufferPointer { ids in
                var index = first - 1
                while index >= 0 && first - index <= futureCueReach {
                    if tokens[index + 1].newlineBefore { return false }
                    if tokens[index].kind == .punctuation && !withinClause(index, context) { return false }
                    if cues.end(at: index, ids) { return true }
                    index -= 1
                }
                return false
            }
        }
    }

    /// Punctuation that does not end a clause: an apostrophe, and a slash or dash glued
    /// between two tokens (15/6, 2025-2027).
    static func withinClause(_ index: Int, _ context: ExtractionContext) -> Bool {
        if context.isCharacter(index, UInt8(ascii: "'")) { return true }
        let glued = index + 1 < context.tokens.count && context.tokens[index].glued && context.tokens[index + 1].glued
        return glued && (context.isCharacter(index, UInt8(ascii: "/")) || context.isCharacter(index, UInt8(ascii: "-")))
    }
}

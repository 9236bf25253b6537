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
        /// dates.rules) or in the past (`set past was|agreed|đã`).
        let tenseCues: TenseCues
        /// Words right before a date that make it a comparison's base (`set comparison-base
        /// cùng kỳ|compared with`): `so với cùng kỳ năm 2024` names no date the text goes on
        /// from, so a later `cùng kỳ năm trước` still reads from the one before it.
        let comparisonBases: Phrases

        init(
            rules: RuleSet, resolvers: [TimexResolver], types: [String?], mods: [TimexResolver.Template?],
            tenseCues: TenseCues, comparisonBases: Phrases
        ) {
            self.rules = rules
            self.resolvers = resolvers
            self.types = types
            self.mods = mods
            self.tenseCues = tenseCues
            self.comparisonBases = comparisonBases
        }
    }

    /// The tense cues of one language: a flag byte per word id (a cue word, or the last word
    /// of a cue phrase), read for each token before a date, and the phrases in word ids.
    struct TenseCues: Sendable {
        private var flags: [UInt8] = []
        private var futurePhrases = Phrases()
        private var pastPhrases = Phrases()
        private static let futureWord: UInt8 = 1
        private static let pastWord: UInt8 = 2
        private static let futurePhraseEnd: UInt8 = 4
        private static let pastPhraseEnd: UInt8 = 8
        private static let clauseStartWord: UInt8 = 16
        private static let reportedClauseWord: UInt8 = 32
        /// Words right before a future cue that put the plan in the past (was scheduled to).
        private var planPastPhrases = Phrases()
        /// Words right before a past cue that take its tense away: a passive voice that may be
        /// a plan (kết quả được công bố ngày 16/7), a determiner before a past form that is a
        /// noun (another cut in December).
        private var noTenseAfterPhrases = Phrases()
        /// How far after a date (in tokens, within its clause) a past cue counts, when no cue
        /// stands before it (`tense-reach-after`: a syllable language's clause runs longer).
        let reachAfter: Int
        /// Endings that make a lowercase word no cue names a past form (`past-suffix ed`:
        /// imposed, granted), and the endings of such words that are none (`past-suffix-not
        /// eed|hundred`: need, exceed, a hundred). As bytes.
        private var pastSuffixes: [[UInt8]] = []
        private var notPastSuffixes: [[UInt8]] = []
        /// By byte, whether it ends some of `pastSuffixes`: most words end in none (one read).
        private var endsPastSuffix = [Bool](repeating: false, count: 256)
        /// A word shorter than this is no past form by its ending (bed, used, aged).
        private static let pastFormMinimumLength = 5

        /// Parses `sẽ|sắp|dự kiến` settings, interning each word. `clauseStart` words (single
        /// words: a phrase there is passed over) begin a clause of their own (as, after, khi): a
        /// past cue between one and the date is that clause's tense, whatever comes before (his
        /// plan to grow … as its shares tumbled Friday). `reportedClause` words (that) open a
        /// reported clause, which with no cue of its own takes none from the verb before it.
        /// `pastSuffix` endings make a word no cue names a past one, unless it ends in a
        /// `pastSuffixNot` one.
        init(
            future: String, past: String, planPast: String = "", clauseStart: String = "", reportedClause: String = "",
            noTenseAfter: String = "", pastSuffix: String = "", pastSuffixNot: String = "",
            reachAfter: Int = DateExtractor.tenseCueReachAfter,
            vocabulary: Vocabulary
        ) {
            self.reachAfter = reachAfter
            func endings(_ setting: String) -> [[UInt8]] {
                setting.split(separator: "|").map { Array(CanonicalText.nfc(String($0)).utf8) }.filter { !$0.isEmpty }
            }
            pastSuffixes = endings(pastSuffix)
            notPastSuffixes = endings(pastSuffixNot)
            for suffix in pastSuffixes { endsPastSuffix[Int(suffix[suffix.count - 1])] = true }
            noTenseAfterPhrases = Phrases(noTenseAfter, vocabulary: vocabulary)
            var entries: [(id: Int32, flag: UInt8)] = []
            func add(_ setting: String, word: UInt8, phraseEnd: UInt8, into phrases: inout Phrases) {
                let cues = Phrases.cues(setting, vocabulary: vocabulary)
                for ids in cues { entries.append((ids[ids.count - 1], ids.count == 1 ? word : phraseEnd)) }
                phrases = Phrases(cues.filter { $0.count > 1 })
            }
            add(future, word: Self.futureWord, phraseEnd: Self.futurePhraseEnd, into: &futurePhrases)
            add(past, word: Self.pastWord, phraseEnd: Self.pastPhraseEnd, into: &pastPhrases)
            planPastPhrases = Phrases(planPast, vocabulary: vocabulary)
            for ids in Phrases.cues(clauseStart, vocabulary: vocabulary) where ids.count == 1 {
                entries.append((ids[0], Self.clauseStartWord))
            }
            for ids in Phrases.cues(reportedClause, vocabulary: vocabulary) where ids.count == 1 {
                entries.append((ids[0], Self.reportedClauseWord))
            }
            flags = Array(repeating: 0, count: Int(entries.map(\.id).max() ?? -1) + 1)
            for entry in entries { flags[Int(entry.id)] |= entry.flag }
        }

        /// The tense the words before token `first` give, within `tenseCueReach` tokens of its clause
        /// (no clause punctuation or line break between; the slash or dash of a date between,
        /// as in `sẽ … từ ngày 15/6 đến hết tháng 7`, is no boundary). A future cue anywhere
        /// there wins over a past one, unless a clause-start word comes between them, and is a
        /// reported future with a past cue before it (`said … would`, `cho biết … sẽ`); with
        /// neither, a one-word past cue after the date.
        func tense(before first: Int, end: Int, _ context: ExtractionContext, _ ids: [Int32]) -> TimexResolver.Tense {
            guard !flags.isEmpty else { return .unknown }
            var past = false
            // Whether a future cue was found: from there on, only a past cue before it counts.
            var future = false
            return context.tokens.withUnsafeBufferPointer { tokens in
                ids.withUnsafeBufferPointer { ids in
                    flags.withUnsafeBufferPointer { flags in
                        // The cue flags of the word at token `index` (0 for none); a word
                        // no cue names that ends as a past form is a past word.
                        func flag(at index: Int) -> UInt8 {
                            let id = Int(ids[index])
                            let cue = id >= 0 && id < flags.count ? flags[id] : 0
                            return cue == 0 && isPastForm(tokens[index], context) ? Self.pastWord : cue
                        }
                        var index = first - 1
                        while index >= 0 && first - index <= DateExtractor.tenseCueReach {
                            if tokens[index + 1].newlineBefore { break }
                            if tokens[index].kind == .punctuation && !DateExtractor.withinClause(index, context) {
                                break
                            }
                            let cue = flag(at: index)
                            if future {
                                if cue != 0 && isPastCue(cue, at: index, ids) { return .reportedFuture }
                                index -= 1
                                continue
                            }
                            if cue != 0 {
                                // (A clause-start word that is a past cue itself opens a past
                                // clause: his first trip since taking office in June.)
                                if cue & Self.clauseStartWord != 0 && (past || cue & Self.pastWord != 0) {
                                    return .past
                                }
                                // A reported clause with no cue of its own takes no tense from
                                // the verb that reports it (said that he wants a vote before
                                // Jan. 15); a determiner right before the date is none.
                                if cue & Self.reportedClauseWord != 0 && index + 1 < first {
                                    if past { return .past }
                                    break
                                }
                                let word = cue & Self.futureWord != 0
                                if word || (cue & Self.futurePhraseEnd != 0 && futurePhrases.ends(at: index, ids)) {
                                    // A future word that opens a past phrase is the phrase's:
                                    // would have lasted into Thursday night.
                                    if word && index + 1 < first,
                                        let length = pastPhrases.length(endingAt: index + 1, ids), length >= 2
                                    {
                                        past = true
                                        index -= 1
                                        continue
                                    }
                                    // A plan made in the past (was scheduled to, had been
                                    // expected to) may fall either side of the reference date.
                                    // (A phrase's cue is taken as two words: expected to.)
                                    let cueFirst = word ? index : index - 1
                                    if cueFirst > 0 && planPastPhrases.ends(at: cueFirst - 1, ids) {
                                        return .unknown
                                    }
                                    future = true
                                    index = cueFirst - 1
                                    continue
                                }
                                if isPastCue(cue, at: index, ids) { past = true }
                            }
                            index -= 1
                        }
                        if future { return .future }
                        if past { return .past }
                        // None before: a past cue after the date in its clause, a few words
                        // on (On May 26, Kosovo Serbs gathered…; ngày 15/3, xe khách va chạm…).
                        // Not a future one: after a date it is mostly reported speech (hôm
                        // 21/11 cho biết sẽ đầu tư…).
                        index = end
                        while index < tokens.count && index - end < reachAfter {
                            if tokens[index].newlineBefore { break }
                            if tokens[index].kind == .punctuation && !DateExtractor.withinClause(index, context) {
                                if index == end && context.isCharacter(index, UInt8(ascii: ",")) {
                                    // The comma after a fronted date (On May 26, …) ends nothing.
                                    index += 1
                                    continue
                                }
                                break
                            }
                            let flag = flag(at: index)
                            if isPastCue(flag, at: index, ids) { return .past }
                            // A future cue first puts the verb after it in the future (ngày
                            // 23/7, bão sẽ đổ bộ): no past one from there.
                            if flag & Self.futureWord != 0 { return .unknown }
                            index += 1
                        }
                        return .unknown
                    }
                }
            }
        }

        /// Whether a lowercase word ends in a `past-suffix` and in no `past-suffix-not`.
        @inline(__always)
        private func isPastForm(_ token: Token, _ context: ExtractionContext) -> Bool {
            let end = Int(token.end)
            guard token.kind == .word, end - Int(token.start) >= Self.pastFormMinimumLength,
                endsPastSuffix[Int(context.bytes[end - 1])], token.lowercase
            else { return false }
            return endsInPastSuffix(token, context)
        }

        /// The full test of `isPastForm`, for a word whose last byte ends a past suffix.
        @inline(never)
        private func endsInPastSuffix(_ token: Token, _ context: ExtractionContext) -> Bool {
            context.bytes.withUnsafeBufferPointer { bytes in
                let word = UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)])
                func ends(with suffix: [UInt8]) -> Bool {
                    suffix.count <= word.count && word.suffix(suffix.count).elementsEqual(suffix)
                }
                return pastSuffixes.contains(where: ends) && !notPastSuffixes.contains(where: ends)
            }
        }

        /// Whether the word at `index`, with cue flags `cue`, ends a past cue that no word of
        /// `no-tense-after` stands right before (`được công bố` and `another cut` give no tense,
        /// `đã công bố` and `they cut` do).
        @inline(__always)
        private func isPastCue(_ cue: UInt8, at index: Int, _ ids: UnsafeBufferPointer<Int32>) -> Bool {
            let length: Int
            if cue & Self.pastWord != 0 {
                length = 1
            } else if cue & Self.pastPhraseEnd != 0, let phrase = pastPhrases.length(endingAt: index, ids) {
                length = phrase
            } else {
                return false
            }
            let before = index - length
            return before < 0 || !noTenseAfterPhrases.ends(at: before, ids)
        }
    }

    /// Cue phrases, back to back in one array (a nested array would be retained and released
    /// per phrase on every check).
    struct Phrases: Sendable {
        private var words: [Int32] = []
        /// Phrase `p` is `words[starts[p]..<starts[p + 1]]`.
        private var starts: [Int] = [0]
        /// By word id, 1 + the slot of the phrases that end with it, 0 for none (most tokens
        /// end none: one read).
        private var endSlots: [UInt16] = []
        /// By slot, its phrases in the order they were added: `order[slotStarts[s]..<slotStarts[s + 1]]`.
        private var slotStarts: [Int] = [0]
        private var order: [Int] = []
        /// By slot, one bit per word (its id's low six bits) that stands before the last word
        /// in one of its phrases, every bit where one is that word alone: most tokens before a
        /// common end word (to, on) start none of its phrases (one test).
        private var previousWords: [UInt64] = []

        init() {}

        /// The phrases of a `a b|c` setting, each word interned.
        init(_ setting: String, vocabulary: Vocabulary) {
            self.init(Self.cues(setting, vocabulary: vocabulary))
        }

        /// These phrases, as word ids.
        init(_ phrases: [[Int32]]) {
            for phrase in phrases {
                words += phrase
                starts.append(words.count)
            }
            // One slot per last word, in the order the phrases first name it.
            var lastWords: [Int32] = []
            for phrase in 0..<starts.count - 1 where !lastWords.contains(words[starts[phrase + 1] - 1]) {
                lastWords.append(words[starts[phrase + 1] - 1])
            }
            endSlots = [UInt16](repeating: 0, count: Int(lastWords.max() ?? -1) + 1)
            for (slot, last) in lastWords.enumerated() {
                endSlots[Int(last)] = UInt16(slot + 1)
                var mask: UInt64 = 0
                for phrase in 0..<starts.count - 1 where words[starts[phrase + 1] - 1] == last {
                    order.append(phrase)
                    let (start, end) = (starts[phrase], starts[phrase + 1])
                    mask |= end - start == 1 ? .max : Self.bit(words[end - 2])
                }
                slotStarts.append(order.count)
                previousWords.append(mask)
            }
        }

        /// The cues of a `a b|c` setting as word ids, empty ones left out.
        static func cues(_ setting: String, vocabulary: Vocabulary) -> [[Int32]] {
            setting.split(separator: "|").map { Tokenizer.words(of: String($0)).map { vocabulary.intern($0) } }
                .filter { !$0.isEmpty }
        }

        /// A word id's bit in `previousWords`.
        @inline(__always)
        private static func bit(_ id: Int32) -> UInt64 { 1 &<< UInt64(UInt32(bitPattern: id) & 63) }

        /// Whether a phrase ends at token `index` (most words end none: one read, inlined).
        @inline(__always)
        func ends(at index: Int, _ ids: UnsafeBufferPointer<Int32>) -> Bool {
            length(endingAt: index, ids) != nil
        }

        /// The length in tokens of a phrase that ends at token `index`, nil if none does (the
        /// first one added, of several).
        @inline(__always)
        func length(endingAt index: Int, _ ids: UnsafeBufferPointer<Int32>) -> Int? {
            let id = Int(ids[index])
            guard id >= 0 && id < endSlots.count && endSlots[id] != 0 else { return nil }
            return phraseLength(endingAt: index, slot: Int(endSlots[id]) - 1, ids)
        }

        private func phraseLength(endingAt index: Int, slot: Int, _ ids: UnsafeBufferPointer<Int32>) -> Int? {
            // (At the text's start no word stands before: the scan finds a phrase of one word there.)
            if previousWords[slot] & (index > 0 ? Self.bit(ids[index - 1]) : .max) == 0 { return nil }
            return words.withUnsafeBufferPointer { words in
                starts.withUnsafeBufferPointer { starts in
                    for phrase in order[slotStarts[slot]..<slotStarts[slot + 1]] {
                        let (start, end) = (starts[phrase], starts[phrase + 1])
                        guard index + 1 >= end - start else { continue }
                        let first = index + 1 - (end - start)
                        if (start..<end).allSatisfy({ words[$0] == ids[first + $0 - start] }) { return end - start }
                    }
                    return nil
                }
            }
        }
    }

    /// How far back (in tokens, within the clause) a tense cue reaches: `will meet on Thursday`.
    static let tenseCueReach = 24
    /// How far after a date (in tokens, within its clause) a past cue counts, when no cue
    /// stands before it, unless the rules set `tense-reach-after`.
    static let tenseCueReachAfter = 8

    let languages: [String: LanguageRules]
    let vocabulary: Vocabulary

    /// Loads `rules/vi` and `rules/en`, interning their words in `vocabulary`.
    public init(rulesFolder: URL, vocabulary: Vocabulary = Vocabulary()) throws(ConfigError) {
        var languages: [String: LanguageRules] = [:]
        for language in LanguageResources.languages {
            let rules = try RuleSet.load(
                "dates.rules", language: language, rulesFolder: rulesFolder, vocabulary: vocabulary,
                allowedOutputs: TimexResolver.outputNames,
                allowedSettings: [
                    "future", "past", "past-suffix", "past-suffix-not", "plan-past", "clause-start", "reported-clause",
                    "no-tense-after", "tense-reach-after", "comparison-base",
                ])
            let path = rulesFolder.appendingPathComponent("\(language)/dates.rules").path
            var reachAfter = DateExtractor.tenseCueReachAfter
            if let setting = rules.settings["tense-reach-after"] {
                guard let reach = Int(setting), (1...64).contains(reach) else {
                    throw ConfigError(
                        file: path, path: "tense-reach-after", "tense-reach-after is a count of tokens from 1 to 64")
                }
                reachAfter = reach
            }
            for rule in rules.rules where !rule.blocks {
                guard let type = rule.outputs["type"], ["DATE", "TIME", "DURATION", "SET"].contains(type) else {
                    throw ConfigError(
                        file: path, line: rule.line, path: "type", "a date rule needs type=DATE|TIME|DURATION|SET")
                }
                if let anchor = rule.outputs["anchor"], !["previous", "required", "base"].contains(anchor) {
                    throw ConfigError(
                        file: path, line: rule.line, path: "anchor",
                        "anchor is previous, required or base, not '\(anchor)'")
                }
            }
            languages[language] = LanguageRules(
                rules: rules, resolvers: rules.rules.map { TimexResolver(outputs: $0.outputs) },
                types: rules.rules.map { $0.outputs["type"] },
                mods: rules.rules.map { $0.outputs["mod"].map(TimexResolver.Template.init) },
                tenseCues: TenseCues(
                    future: rules.settings["future"] ?? "", past: rules.settings["past"] ?? "",
                    planPast: rules.settings["plan-past"] ?? "", clauseStart: rules.settings["clause-start"] ?? "",
                    reportedClause: rules.settings["reported-clause"] ?? "",
                    noTenseAfter: rules.settings["no-tense-after"] ?? "",
                    pastSuffix: rules.settings["past-suffix"] ?? "",
                    pastSuffixNot: rules.settings["past-suffix-not"] ?? "", reachAfter: reachAfter,
                    vocabulary: vocabulary
                ),
                comparisonBases: Phrases(rules.settings["comparison-base"] ?? "", vocabulary: vocabulary))
        }
        self.languages = languages
        self.vocabulary = vocabulary
    }

    public func candidates(in context: ExtractionContext) -> [Candidate] {
        guard let language = languages[context.language] else { return [] }
        let ids = context.ids(in: vocabulary)
        let dct = context.dct.flatMap(CivilDate.init(iso:))
        // The date the text last named, which `anchor=previous` rules read from (matches come
        // in text order). Kept as written and parsed once, when an anchored rule first reads it.
        // (Passed inout: captured by the nested function, it would be boxed on the heap.)
        var named = NamedDates()
        @inline(__always)
        func candidate(_ index: Int, _ match: RulePattern.Match, _ named: inout NamedDates) -> Candidate? {
            let (span, matchLength) = RuleSet.spans(match, context)
            let name = language.rules.rules[index].qualifiedName
            func blocker() -> Candidate {
                Candidate(
                    mention: Mention(kind: "date", span: span, rule: name), matchLength: matchLength,
                    priority: Self.priority, suppresses: true)
            }
            if language.rules.rules[index].blocks {
                named.cover(match)
                named.forgetIfOutreached(by: match)
                return blocker()
            }
            var tense = language.tenseCues.tense(before: match.spanFirst, end: match.endToken, context, ids)
            let resolver = language.resolvers[index]
            var reference = dct
            // A future reported in the past is ahead of the past date its sentence named first,
            // not of the dct (Tháng 4 vừa qua, ông Borrell cho biết … sẽ nối lại vào ngày 11/5).
            if tense == .reportedFuture {
                tense = .future
                if let dct, let last = named.last, Self.sameSentence(last.end, match.spanFirst, context),
                    let anchor = named.last?.anchor(), anchor.date < dct
                {
                    reference = anchor.date
                }
            }
            if resolver.anchored {
                let grain = resolver.anchorGrain(match.values)
                if let anchor = named.last?.anchor(), anchor.grain >= grain {
                    reference = anchor.date
                } else if var day = named.lastDay, let anchor = day.anchor(), anchor.grain >= grain {
                    // A coarser date since does not hide the last day (Ngày 9/8, … vào cuối
                    // tháng này. Cùng ngày, … is 9 August).
                    reference = anchor.date
                } else if resolver.anchorRequired {
                    // Nothing to read it from: no date, and none of its words a shorter one.
                    return blocker()
                }
            }
            guard let resolved = resolver.resolve(match.values, dct: reference, tense: tense) else { return nil }
            // A match inside a longer one seen before loses to it, so names no date (năm qua,
            // last year, in 10 năm qua, the past ten years, a duration).
            let insideLonger =
                match.spanFirst >= named.coverStart && match.spanEnd <= named.coverEnd
                && match.spanEnd - match.spanFirst < named.coverEnd - named.coverStart
            named.cover(match)
            // A date inside the last one named (2023 in March 4, 2023) does not replace it; nor
            // does a comparison's base (so với cùng kỳ năm 2024), nor a date right after one
            // (so với cùng kỳ 6 tháng năm 2023: the year is the base's too), nor a shorter
            // match inside a base (3/2024 in so với quý 3/2024).
            let isBase =
                match.spanFirst > 0
                && (match.spanFirst == named.baseEnd
                    || (match.spanFirst >= named.baseStart && match.spanEnd <= named.baseEnd)
                    || ids.withUnsafeBufferPointer { language.comparisonBases.ends(at: match.spanFirst - 1, $0) })
            if isBase {
                if match.spanFirst >= named.baseEnd { named.baseStart = match.spanFirst }
                named.baseEnd = max(named.baseEnd, match.spanEnd)
            }
            // (Of two matches over one span, the one that read further wins it, and names its
            // date: 7 a.m. (0000 GMT) on Sunday, not 7 a.m. alone. A match that starts inside
            // the last date and runs past it names its date only if it would win the overlap:
            // 24 Feb. 11:30 names 24 February, not February 11.)
            if resolver.namesAnchor, !insideLonger,
                named.last.map({
                    if match.spanFirst > $0.start && match.spanFirst < $0.end {
                        return match.spanEnd > $0.end
                            && OverlapResolver.wins(matchLength: matchLength, span: span, over: $0.matchLength, $0.span)
                    }
                    return match.spanEnd > $0.end
                        || (match.spanEnd == $0.end && match.spanFirst == $0.start && match.endToken > $0.matchEnd)
                }) ?? true,
                case .string(let value) = resolved.value, !isBase
            {
                named.name(
                    Named(
                        value: value, start: match.spanFirst, end: match.spanEnd, matchEnd: match.endToken,
                        matchLength: matchLength, span: span))
            } else {
                named.forgetIfOutreached(by: match)
            }
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
            if let candidate = candidate(index, match, &named) { candidates.append(candidate) }
        }
        return candidates
    }

    /// A date the text named, as a reference for the anchored expressions after it: its
    /// first day, and how fine it was written.
    struct Anchor {
        var date: CivilDate
        var grain: TimexResolver.Grain
    }

    /// The dates an anchored expression may read from: the last named, and the last named
    /// to the day (a value `YYYY-MM-DD…`).
    struct NamedDates {
        var last: Named?
        /// The first token of the last comparison base's date, and the token after it (`-1`:
        /// none yet).
        var baseStart = -1
        var baseEnd = -1
        /// The span of the match that reached furthest so far (first token, token after).
        var coverStart = -1
        var coverEnd = -1
        /// The last day named before a coarser date replaced it (while the last names a day,
        /// it is the last: kept only when hidden, so most dates are stored once).
        private var hiddenDay: Named?
        private var lastNamesDay = false
        /// The state before the last date was named, while a longer match from its first token
        /// may still take its span (rules match in file order at one token).
        private var beforeLast: (last: Named?, hiddenDay: Named?, lastNamesDay: Bool)?

        /// The last date named to the day.
        var lastDay: Named? { lastNamesDay ? last : hiddenDay }

        /// Notes a match that makes a mention (or blocks one) as the furthest-reaching so far
        /// when it reaches further.
        mutating func cover(_ match: RulePattern.Match) {
            if match.spanEnd > coverEnd {
                coverStart = match.spanFirst
                coverEnd = match.spanEnd
            }
        }

        mutating func name(_ date: Named) {
            // (A native string's bytes are contiguous: read in place.)
            let namesDay =
                date.value.utf8.withContiguousStorageIfAvailable { $0.count >= 10 && $0[7] == UInt8(ascii: "-") }
                ?? false
            // (The last moves into the saved state, not copied.)
            let previous = last.take()
            beforeLast = (previous, hiddenDay, lastNamesDay)
            if !namesDay && lastNamesDay { hiddenDay = previous }
            last = date
            lastNamesDay = namesDay
        }

        /// Takes the last date named back when a longer match from its first token names none
        /// (a duration or a block): that match wins the span, so the text named no date there
        /// (Hai năm trước đó is two years, not hai năm trước, two years ago).
        mutating func forgetIfOutreached(by match: RulePattern.Match) {
            guard let named = last, match.spanFirst == named.start, match.spanEnd > named.end,
                let before = beforeLast
            else { return }
            (last, hiddenDay, lastNamesDay) = before
            beforeLast = nil
        }
    }

    /// The last date named: its value as resolved, the token after its span, and its anchor
    /// once parsed (`nil` while not asked for, `.some(nil)` for a value that names no year).
    struct Named {
        let value: String
        /// The date's span (first token, token after), and the token after its whole match
        /// (context included).
        let start: Int
        let end: Int
        let matchEnd: Int
        /// Its match's length and its span in bytes, which overlap resolution ranks it by.
        let matchLength: Int32
        let span: ByteSpan
        private var parsed: Anchor??

        init(value: String, start: Int, end: Int, matchEnd: Int, matchLength: Int32, span: ByteSpan) {
            self.value = value
            self.start = start
            self.end = end
            self.matchEnd = matchEnd
            self.matchLength = matchLength
            self.span = span
        }

        /// The anchor the value gives, parsed on the first call.
        mutating func anchor() -> Anchor? {
            if let parsed { return parsed }
            let anchor = Anchor(value: value)
            parsed = .some(anchor)
            return anchor
        }
    }
}

extension DateExtractor.Anchor {
    /// The date at the start of a TIMEX3 value (`2024`, `2024-03`, `2024-03-05T19:00`, an ISO
    /// week `2024-W10` as its Monday); nil for a value that names no calendar year
    /// (`XXXX-03-05`, `PRESENT_REF`; `2024-Q3` reads as its first month).
    init?(value: String) {
        let bytes = Array(value.utf8.prefix(10))
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var result = 0
            for byte in bytes[range] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                result = result * 10 + Int(byte - 0x30)
            }
            return result
        }
        guard let year = number(0..<4) else { return nil }
        // An ISO week: its Monday (week 1 holds 4 January), as fine as a day for a week's shift.
        if bytes.count >= 8, bytes[4] == 0x2D, bytes[5] == UInt8(ascii: "W"), let week = number(6..<8),
            (1...53).contains(week)
        {
            let january4 = CivilDate(year: year, month: 1, day: 4)
            self.init(date: january4.adding(days: 1 - january4.weekday + (week - 1) * 7), grain: .day)
            return
        }
        // A quarter or half: its first month, as fine as a month for a shift by quarters
        // (the previous quarter after the third quarter of 2025 is its second, not 2024's last).
        if bytes.count >= 7, bytes[4] == 0x2D, bytes[5] == UInt8(ascii: "Q") || bytes[5] == UInt8(ascii: "H"),
            let part = number(6..<7)
        {
            let months = bytes[5] == UInt8(ascii: "Q") ? 3 : 6
            guard (1...12 / months).contains(part) else { return nil }
            self.init(date: CivilDate(year: year, month: (part - 1) * months + 1, day: 1), grain: .month)
            return
        }
        guard bytes.count >= 7, bytes[4] == 0x2D, let month = number(5..<7), (1...12).contains(month) else {
            self.init(date: CivilDate(year: year, month: 1, day: 1), grain: .year)
            return
        }
        guard bytes.count >= 10, bytes[7] == 0x2D, let day = number(8..<10),
            (1...CivilDate.daysIn(year: year, month: month)).contains(day)
        else {
            self.init(date: CivilDate(year: year, month: month, day: 1), grain: .month)
            return
        }
        self.init(date: CivilDate(year: year, month: month, day: day), grain: .day)
    }
}

extension DateExtractor {
    /// Punctuation that does not end a clause: an apostrophe, a currency or percent sign
    /// (expects $76 billion in revenue by the end of December), a bracket, as an aside goes
    /// on with its clause (sẽ diễn ra tại La Haye (Hà Lan) vào tháng 6), and a slash or dash
    /// glued between two tokens (15/6, 2025-2027).
    static func withinClause(_ index: Int, _ context: ExtractionContext) -> Bool {
        if context.isCharacter(index, UInt8(ascii: "'")) || isSign(index, context)
            || context.isCharacter(index, UInt8(ascii: "(")) || context.isCharacter(index, UInt8(ascii: ")"))
        {
            return true
        }
        let glued = index + 1 < context.tokens.count && context.tokens[index].glued && context.tokens[index + 1].glued
        return glued && (context.isCharacter(index, UInt8(ascii: "/")) || context.isCharacter(index, UInt8(ascii: "-")))
    }

    /// Whether tokens `from..<to` hold no line break and no sentence's end (a full stop, a
    /// question or an exclamation mark not glued to a word after it, as in `VOV.VN`).
    static func sameSentence(_ from: Int, _ to: Int, _ context: ExtractionContext) -> Bool {
        guard from <= to else { return false }
        for index in from..<to {
            let token = context.tokens[index]
            if index > from && token.newlineBefore { return false }
            guard token.kind == .punctuation,
                context.isCharacter(index, UInt8(ascii: ".")) || context.isCharacter(index, UInt8(ascii: "?"))
                    || context.isCharacter(index, UInt8(ascii: "!"))
            else { continue }
            if index + 1 < to && context.tokens[index + 1].glued && context.tokens[index + 1].kind == .word { continue }
            return false
        }
        return !(to < context.tokens.count && context.tokens[to].newlineBefore && to > from)
    }

    /// Whether the token is a currency sign ($, £, ¥, €) or a percent sign.
    static func isSign(_ index: Int, _ context: ExtractionContext) -> Bool {
        if context.isCharacter(index, UInt8(ascii: "$")) || context.isCharacter(index, UInt8(ascii: "%")) {
            return true
        }
        let token = context.tokens[index]
        let start = Int(token.start)
        switch token.end - token.start {
        case 2:  // £ (C2 A3), ¥ (C2 A5)
            let second = context.bytes[start + 1]
            return context.bytes[start] == 0xC2 && (second == 0xA3 || second == 0xA5)
        case 3:  // € (E2 82 AC)
            return context.bytes[start] == 0xE2 && context.bytes[start + 1] == 0x82 && context.bytes[start + 2] == 0xAC
        default:
            return false
        }
    }
}

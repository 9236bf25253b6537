import Foundation

/// One language's compiled `.rules` file: its patterns indexed by how they can start, so a
/// rule is tried only at tokens that can begin it (no rule rescans the text). Extractors
/// share this and differ only in what they make of a match. A class: as a struct it was
/// copied, a retain per table, for every document and extractor.
final class RuleSet: Sendable {
    /// A compiled rule or blocker.
    struct Rule: Sendable {
        var name: String
        var pattern: RulePattern
        /// `pattern.firstDigitLengths`, kept at hand for the matching loop.
        var firstDigitLengths: ClosedRange<Int>?
        var blocks: Bool
        var outputs: [String: String]
        var line: Int
        /// `lang/kind:name` as records report it (`vi/dates:day-month`), made once.
        var qualifiedName: String
    }

    /// `RulePattern.NextFilter` as plain data: its words are `filterWords[wordStart..<wordEnd]`.
    struct Filter: Sendable {
        var wordStart: Int32
        var wordEnd: Int32
        var digitLengths: UInt32
        var any: Bool
        var anyWord: Bool
        var numeral: Bool
    }

    let language: String
    let numerals: NumeralParser
    let rules: [Rule]
    /// The file's `set` lines (`set future will|shall`).
    let settings: [String: String]
    /// Words a number may be written onto (`set glued-prefixes vnd|usd`: VND35 trillion).
    let gluedPrefixes: Set<Int32>
    /// Units a number may be written against (`set glued-units km|kg`: 22km is 22).
    let gluedUnits: Set<Int32>
    /// Rules by the vocabulary id of a word that can start them, flat: the rules of id `i`
    /// are `triggers[triggerStarts[i]..<triggerStarts[i + 1]]` (ids interned later by other
    /// tables are past the end). Numeral- and digit-initial rules separately. Plain data in
    /// frozen buffers, so the matching loop reads them through pointers taken once.
    private let triggerStarts: FrozenBuffer<Int32>
    private let triggers: FrozenBuffer<WordStartRule>
    /// The distinct next-token filters of each word's triggers (indices into `filters`):
    /// those of id `i` are `wordFilters[wordFilterStarts[i]..<wordFilterStarts[i + 1]]`. A
    /// word such as `năm` starts twenty rules with four filters between them, so each
    /// filter is tested once per token.
    private let wordFilterStarts: FrozenBuffer<Int32>
    private let wordFilters: FrozenBuffer<Int32>
    /// Per distinct filter of a word with at most 64 triggers: which of the word's triggers
    /// (bit `i`: its `i`th) use it. The triggers to try are then the bits of the filters
    /// that pass, in rule order.
    private let wordFilterTriggers: FrozenBuffer<UInt64>
    /// Per word with two distinct filters or more: the index in `filters` of their union,
    /// tested first (a frequent word such as `the` starts rules that its next word mostly
    /// fails all at once); -1 for the others.
    private let wordUnionFilters: FrozenBuffer<Int32>
    /// Every rule's next-token filters, and their word ids back to back.
    private let filters: FrozenBuffer<Filter>
    private let filterWords: FrozenBuffer<Int32>
    /// The rules a digit token or a number word can start (rule indices, in rule order).
    private let digitInitial: FrozenBuffer<Int32>
    private let numeralInitial: FrozenBuffer<Int32>
    /// Their next-token filters inverted, over the lists above: after a digit token
    /// (`digitMasks`), after the numeral a digit token starts (`digitNumeralMasks`), after the
    /// numeral a number word starts (`numeralMasks`).
    private let digitMasks: FilterMasks
    private let digitNumeralMasks: FilterMasks
    private let numeralMasks: FilterMasks
    /// The most rules one token can start (a word's triggers and the number-initial rules).
    private let maximumTries: Int

    /// A rule that a word can start, with the index in `filters` of its next-token filter.
    struct WordStartRule: Sendable {
        var rule: Int32
        var filter: Int32
    }

    /// A filter's content, so that filters testing the same thing are stored once.
    private struct FilterKey: Hashable {
        var words: [Int32]
        var digitLengths: UInt32
        var any: Bool
        var anyWord: Bool
        var numeral: Bool
    }

    /// By vocabulary id + 1, one byte: `startsRules` (the word triggers rules) and
    /// `startsNumeral` (it is a number word); 0 first (for `Vocabulary.unknown`) and last
    /// (for every id interned after this table), so a lookup clamps instead of branching.
    /// Small enough to stay in cache, so most words are passed over with one load.
    private let startFlags: FrozenBuffer<UInt8>
    private static let startsRules: UInt8 = 1
    private static let startsNumeral: UInt8 = 2

    /// The settings every rule file may make: the words a number may be written onto or
    /// against (`set glued-units km|kg`).
    static let commonSettings: Set<String> = ["glued-prefixes", "glued-units"]

    /// Loads and compiles `rules/<language>/<name>` with the language's numerals. A setting
    /// neither common nor in `allowedSettings` is an error: a misspelt one would do nothing.
    static func load(
        _ name: String, language: String, rulesFolder: URL, vocabulary: Vocabulary, allowedOutputs: Set<String>,
        allowedSettings: Set<String>
    ) throws(ConfigError) -> RuleSet {
        let folder = rulesFolder.appendingPathComponent(language)
        let file = try RuleFile.load(folder.appendingPathComponent(name))
        let allowed = allowedSettings.union(commonSettings)
        for (setting, line) in file.settingLines.sorted(by: { $0.value < $1.value }) where !allowed.contains(setting) {
            throw ConfigError(
                file: file.path, line: line, path: setting,
                "unknown setting (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
        // (The numbers' own file sets the numerals' separators: not parsed a second time.)
        let numerals = try NumeralParser.load(
            folder: folder, vocabulary: vocabulary, numbersRules: name == "numbers.rules" ? file : nil)
        return try RuleSet(
            file: file, language: language, folder: folder, vocabulary: vocabulary, numerals: numerals,
            allowedOutputs: allowedOutputs)
    }

    /// Compiles `file`, checking every rule's outputs against `allowedOutputs`.
    init(
        file: RuleFile, language: String, folder: URL, vocabulary: Vocabulary, numerals: NumeralParser,
        allowedOutputs: Set<String>
    ) throws(ConfigError) {
        let tables = TableLoader(folder: folder, vocabulary: vocabulary)
        var rules: [Rule] = []
        var triggersByWord: [Int32: [WordStartRule]] = [:]
        // Number-initial rules with their filters when a digit token (`D4`) or a numeral
        // takes the first token (the numeral's filter applies after the whole numeral); nil:
        // the rule cannot start so.
        var digitInitial: [(rule: Int32, digits: Filter?, numeral: Filter?)] = []
        var numeralInitial: [(rule: Int32, numeral: Filter?)] = []
        var filters: [Filter] = []
        var filterWords: [Int32] = []
        func compile(_ filter: RulePattern.NextFilter) -> Filter {
            let start = Int32(filterWords.count)
            filterWords += filter.words.sorted()
            return Filter(
                wordStart: start, wordEnd: Int32(filterWords.count), digitLengths: filter.digitLengths,
                any: filter.any, anyWord: filter.anyWord, numeral: filter.numeral)
        }
        // A word's triggers often share a filter; stored once, each is tested once per token.
        var filterIndex: [FilterKey: Int32] = [:]
        // The filters as compiled from, to make a word's union filter from.
        var sourceFilters: [RulePattern.NextFilter] = []
        func add(_ filter: RulePattern.NextFilter) -> Int32 {
            let key = FilterKey(
                words: filter.words.sorted(), digitLengths: filter.digitLengths, any: filter.any,
                anyWord: filter.anyWord, numeral: filter.numeral)
            if let known = filterIndex[key] { return known }
            filters.append(compile(filter))
            sourceFilters.append(filter)
            filterIndex[key] = Int32(filters.count - 1)
            return Int32(filters.count - 1)
        }
        for line in file.rules {
            let pattern = try RulePattern(
                line.pattern, vocabulary: vocabulary, tables: tables, file: file.path, line: line.line)
            for key in line.outputs.keys.sorted() where !allowedOutputs.contains(key) {
                throw ConfigError(
                    file: file.path, line: line.line, path: key,
                    "unknown output (allowed: \(allowedOutputs.sorted().joined(separator: ", ")))")
            }
            let index = Int32(rules.count)
            let starts = pattern.startFilters()
            let rule = Rule(
                name: line.name, pattern: pattern, firstDigitLengths: pattern.firstDigitLengths,
                blocks: line.blocks, outputs: line.outputs, line: line.line,
                qualifiedName: "\(language)/\(file.kind):\(line.name)")
            for (word, filter) in starts.words.sorted(by: { $0.key < $1.key }) {
                triggersByWord[word, default: []].append(
                    WordStartRule(rule: index, filter: add(filter)))
            }
            let digits = starts.digits.map(compile)
            let numeral = starts.numeral.map(compile)
            if digits != nil || numeral != nil { digitInitial.append((index, digits, numeral)) }
            if numeral != nil { numeralInitial.append((index, numeral)) }
            rules.append(rule)
        }
        var triggerStarts: [Int32] = [0]
        var triggers: [WordStartRule] = []
        var wordFilterStarts: [Int32] = [0]
        var wordFilters: [Int32] = []
        var wordFilterTriggers: [UInt64] = []
        var wordUnionFilters: [Int32] = []
        // Interned before the trigger index is sized, like every word the file names.
        gluedPrefixes = Set(
            (file.settings["glued-prefixes"] ?? "").split(separator: "|").map { vocabulary.intern(String($0)) })
        gluedUnits = Set(
            (file.settings["glued-units"] ?? "").split(separator: "|").map { vocabulary.intern(String($0)) })
        for id in 0..<Int32(vocabulary.count) {
            // The word's distinct filters, each with the set of the word's triggers using it.
            var distinct: [Int32: Int] = [:]
            let firstFilter = wordFilters.count
            for (position, trigger) in (triggersByWord[id] ?? []).enumerated() {
                let distinctFilter = distinct[trigger.filter] ?? distinct.count
                if distinctFilter == distinct.count {
                    distinct[trigger.filter] = distinctFilter
                    wordFilters.append(trigger.filter)
                    wordFilterTriggers.append(0)
                }
                if position < 64 {
                    wordFilterTriggers[firstFilter + distinctFilter] |= 1 << UInt64(position)
                }
                triggers.append(trigger)
            }
            triggerStarts.append(Int32(triggers.count))
            wordFilterStarts.append(Int32(wordFilters.count))
            if distinct.count > 1 {
                var union = RulePattern.NextFilter()
                for filter in wordFilters[firstFilter...] { union.formUnion(sourceFilters[Int(filter)]) }
                wordUnionFilters.append(union.any ? -1 : add(union))
            } else {
                wordUnionFilters.append(-1)
            }
        }
        self.language = language
        self.numerals = numerals
        self.rules = rules
        self.settings = file.settings
        self.triggerStarts = FrozenBuffer(triggerStarts)
        self.triggers = FrozenBuffer(triggers)
        self.wordFilterStarts = FrozenBuffer(wordFilterStarts)
        self.wordFilters = FrozenBuffer(wordFilters)
        self.wordFilterTriggers = FrozenBuffer(wordFilterTriggers)
        self.wordUnionFilters = FrozenBuffer(wordUnionFilters)
        self.filters = FrozenBuffer(filters)
        self.filterWords = FrozenBuffer(filterWords)
        startFlags = FrozenBuffer(
            [0]
                + (0..<Int32(triggerStarts.count - 1)).map { id in
                    (triggerStarts[Int(id)] < triggerStarts[Int(id) + 1] ? Self.startsRules : 0)
                        | (numerals.word(id) != nil ? Self.startsNumeral : 0)
                } + [0])
        self.digitInitial = FrozenBuffer(digitInitial.map(\.rule))
        self.numeralInitial = FrozenBuffer(numeralInitial.map(\.rule))
        digitMasks = FilterMasks(digitInitial.map(\.digits), words: filterWords, vocabularyCount: vocabulary.count)
        digitNumeralMasks = FilterMasks(
            digitInitial.map(\.numeral), words: filterWords, vocabularyCount: vocabulary.count)
        numeralMasks = FilterMasks(numeralInitial.map(\.numeral), words: filterWords, vocabularyCount: vocabulary.count)
        let mostTriggers = zip(triggerStarts, triggerStarts.dropFirst()).map { Int($1 - $0) }.max() ?? 0
        maximumTries = mostTriggers + max(digitInitial.count, numeralInitial.count) + 1
    }

    /// Calls `body` with every clean match in the document, in order (the rule's index and
    /// the match): rules tried at the tokens that can start them, matches that cut into a
    /// word or number or sit inside a link dropped. The match's captures are a buffer shared
    /// by every attempt, so a body that does not keep them makes no allocation per match.
    func forEachMatch(
        in context: ExtractionContext, ids: [Int32], _ body: (_ rule: Int, _ match: RulePattern.Match) -> Void
    ) {
        // One capture buffer for every attempt: a failed attempt allocates nothing.
        var captures: [Capture?] = []
        captures.reserveCapacity(16)
        // Rules and tables are read through pointers: copying a rule would retain its arrays,
        // and a property read per token would reload and bounds-check the array.
        let startFlags = self.startFlags.elements
        let triggerStarts = self.triggerStarts.elements
        let triggers = self.triggers.elements
        let wordFilterStarts = self.wordFilterStarts.elements
        let wordFilters = self.wordFilters.elements
        let wordFilterTriggers = self.wordFilterTriggers.elements
        let wordUnionFilters = self.wordUnionFilters.elements
        let digitInitial = self.digitInitial.elements
        let numeralInitial = self.numeralInitial.elements
        let filters = self.filters.elements
        rules.withUnsafeBufferPointer { ruleBuffer in
            context.tokens.withUnsafeBufferPointer { tokens in
                ids.withUnsafeBufferPointer { idBuffer in
                    let rules = ruleBuffer.baseAddress!
                    let next = NextCheck(
                        tokens: tokens, ids: idBuffer, words: filterWords.elements, numerals: numerals)
                    // The tokens that can start a rule, gathered without a branch per token
                    // (whether a word starts one is unpredictable, and a mispredicted branch
                    // costs more than the test), then visited.
                    // Per start: the rules to try, and the number-initial rules passing. All
                    // three in one temporary block (on the stack for a short document).
                    let passingWords = max(digitMasks.width, digitNumeralMasks.width, numeralMasks.width)
                    let scratchBytes = passingWords * 8 + (maximumTries + tokens.count) * 4
                    withUnsafeTemporaryAllocation(byteCount: scratchBytes, alignment: 8) { scratch in
                        let passing = scratch.baseAddress!.bindMemory(to: UInt64.self, capacity: passingWords)
                        let tries = (scratch.baseAddress! + passingWords * 8).bindMemory(
                            to: Int32.self, capacity: maximumTries)
                        let starts = (scratch.baseAddress! + passingWords * 8 + maximumTries * 4).bindMemory(
                            to: Int32.self, capacity: tokens.count)
                        let startCount = Self.gatherStarts(tokens, idBuffer, startFlags, into: starts)
                        let lastFlag = UInt(startFlags.count - 1)
                        for position in 0..<startCount {
                            let index = Int(starts[position])
                            let id = Int(idBuffer[index])
                            let flags = startFlags[Int(min(UInt(bitPattern: id &+ 1), lastFlag))]
                            let isDigits = tokens[index].kind == .digits
                            let words =
                                flags & Self.startsRules != 0
                                ? Int(triggerStarts[id])..<Int(triggerStarts[id + 1]) : 0..<0
                            let numberRules: NumberStart =
                                isDigits ? .digits : flags & Self.startsNumeral != 0 ? .numeral : .none
                            let numberCount =
                                numberRules == .digits
                                ? digitInitial.count
                                : numberRules == .numeral ? numeralInitial.count : 0
                            guard !words.isEmpty || numberCount > 0 else { continue }
                            var attempt = Attempt(index: index)
                            // The rules whose next-token filter passes, in order: the word's
                            // triggers (each of its distinct filters tested once, then the triggers
                            // of those that pass), then the number-initial rules through their
                            // inverted filters (a number can start dozens).
                            var tryCount = 0
                            if !words.isEmpty {
                                let distinct = Int(wordFilterStarts[id])..<Int(wordFilterStarts[id + 1])
                                let union = wordUnionFilters[id]
                                if union >= 0 && !next.passes(filters[Int(union)], at: index + 1) {
                                    // No filter of the word passes: none of its rules.
                                } else if words.count <= 64 {
                                    var passingTriggers: UInt64 = 0
                                    for slot in distinct
                                    where next.passes(filters[Int(wordFilters[slot])], at: index + 1) {
                                        passingTriggers |= wordFilterTriggers[slot]
                                    }
                                    while passingTriggers != 0 {
                                        tries[tryCount] =
                                            triggers[words.lowerBound + passingTriggers.trailingZeroBitCount].rule
                                        tryCount += 1
                                        passingTriggers &= passingTriggers &- 1
                                    }
                                } else {
                                    for slot in words {
                                        let trigger = triggers[slot]
                                        tries[tryCount] = trigger.rule
                                        tryCount &+= next.passes(filters[Int(trigger.filter)], at: index + 1) ? 1 : 0
                                    }
                                }
                            }
                            if numberRules != .none {
                                let numberStarts = numberRules == .digits ? digitInitial : numeralInitial
                                // (The masks are used in place: a copy would retain their storage.)
                                let width = numberRules == .digits ? digitNumeralMasks.width : numeralMasks.width
                                passing.update(repeating: 0, count: width)
                                if numberRules == .digits {
                                    digitMasks.addPassing(
                                        at: index + 1, tokens: tokens, ids: idBuffer, numerals: numerals, into: passing)
                                }
                                if let end = attempt.numeralEnd(context, ids, numerals) {
                                    if numberRules == .digits {
                                        digitNumeralMasks.addPassing(
                                            at: end, tokens: tokens, ids: idBuffer, numerals: numerals, into: passing)
                                    } else {
                                        numeralMasks.addPassing(
                                            at: end, tokens: tokens, ids: idBuffer, numerals: numerals, into: passing)
                                    }
                                }
                                for word in 0..<width {
                                    var bits = passing[word]
                                    while bits != 0 {
                                        tries[tryCount] = numberStarts[word * 64 + bits.trailingZeroBitCount]
                                        tryCount += 1
                                        bits &= bits &- 1
                                    }
                                }
                            }
                            for attemptIndex in 0..<tryCount {
                                let ruleIndex = Int(tries[attemptIndex])
                                guard
                                    let bounds = attempt.match(
                                        rules + ruleIndex, context, tokens, idBuffer, ids, numerals,
                                        gluedPrefixes, gluedUnits, &captures)
                                else { continue }
                                if attempt.insideLink == nil { attempt.insideLink = context.insideLink(index) }
                                if attempt.insideLink == true { break }
                                body(
                                    ruleIndex,
                                    RulePattern.Match(
                                        firstToken: bounds.firstToken, endToken: bounds.endToken,
                                        spanFirst: bounds.spanFirst, spanEnd: bounds.spanEnd, values: captures))
                            }
                        }
                    }
                }
            }
        }
    }

    /// Writes to `starts` the indices of the tokens that can start a rule (a digit token, or
    /// a word whose start flags are set) and returns their count. Without a branch per token
    /// (whether a word starts a rule is unpredictable), and kept out of the matching loop so
    /// that its counters stay in registers.
    @inline(never)
    private static func gatherStarts(
        _ tokens: UnsafeBufferPointer<Token>, _ ids: UnsafeBufferPointer<Int32>,
        _ startFlags: UnsafeBufferPointer<UInt8>, into starts: UnsafeMutablePointer<Int32>
    ) -> Int {
        var startCount = 0
        let lastFlag = UInt(startFlags.count - 1)
        let flags = startFlags.baseAddress!
        for index in 0..<tokens.count {
            let slot = min(UInt(bitPattern: Int(ids[index]) &+ 1), lastFlag)
            let digits: UInt8 = tokens[index].kind == .digits ? 1 : 0
            starts[startCount] = Int32(truncatingIfNeeded: index)
            // 1 when any flag is set: (v + 255) >> 8 for a byte v (a compare would become a branch).
            startCount &+= Int(truncatingIfNeeded: (UInt32(flags[Int(slot)] | digits) &+ 0xFF) &>> 8)
        }
        return startCount
    }

    /// Where a rule's pattern lies in it (so the matcher reads it in place).
    fileprivate static let patternOffset = MemoryLayout<Rule>.offset(of: \Rule.pattern)!

    /// Which number-initial rules a token can start.
    private enum NumberStart {
        case none, digits, numeral
    }

    /// Checks a rule's next-token filter against the document's tokens.
    struct NextCheck {
        let tokens: UnsafeBufferPointer<Token>
        let ids: UnsafeBufferPointer<Int32>
        let words: UnsafeBufferPointer<Int32>
        let numerals: NumeralParser

        /// Whether the token at `position` can be what the filter expects there.
        @inline(__always)
        func passes(_ filter: Filter, at position: Int) -> Bool {
            if filter.any { return true }
            guard position < tokens.count else { return false }
            let token = tokens[position]
            if token.kind == .digits {
                return filter.numeral
                    || filter.digitLengths & RulePattern.NextFilter.digitBit(Int(token.end - token.start)) != 0
            }
            if filter.anyWord && token.kind == .word { return true }
            let id = ids[position]
            if id < 0 { return false }
            if filter.numeral && numerals.word(id) != nil { return true }
            // The words are sorted: a short list is scanned, a long one (months, units) halved.
            var low = Int(filter.wordStart)
            var high = Int(filter.wordEnd)
            while high - low > 8 {
                let middle = (low + high) >> 1
                if words[middle] <= id { low = middle } else { high = middle }
            }
            for word in low..<high where words[word] == id { return true }
            return false
        }
    }

    /// The rules tried at one token, sharing what they learn about it (the numeral there,
    /// whether it sits in a link).
    private struct Attempt {
        let index: Int
        /// Where the numeral at `index` ends: nil until asked, -1 when there is none.
        private var numeralEndHere: Int?
        var insideLink: Bool?

        init(index: Int) { self.index = index }

        /// The token after the numeral at this token, or nil when no numeral starts here.
        mutating func numeralEnd(_ context: ExtractionContext, _ ids: [Int32], _ numerals: NumeralParser) -> Int? {
            if numeralEndHere == nil {
                numeralEndHere = context.numeral(at: index, ids: ids, numerals).map { index + $0.tokenCount } ?? -1
            }
            return numeralEndHere! >= 0 ? numeralEndHere : nil
        }

        /// The rule's match at this token, if any (its next-token filter has passed).
        func match(
            _ rule: UnsafePointer<Rule>, _ context: ExtractionContext, _ tokens: UnsafeBufferPointer<Token>,
            _ idBuffer: UnsafeBufferPointer<Int32>, _ ids: [Int32], _ numerals: NumeralParser,
            _ gluedPrefixes: Set<Int32>, _ gluedUnits: Set<Int32>, _ captures: inout [Capture?]
        ) -> RulePattern.Bounds? {
            if let lengths = rule.pointee.firstDigitLengths,
                !lengths.contains(Int(tokens[index].end - tokens[index].start))
            {
                return nil
            }
            guard
                let bounds = RulePattern.match(
                    (UnsafeRawPointer(rule) + RuleSet.patternOffset).assumingMemoryBound(to: RulePattern.self),
                    context, tokens, idBuffer, ids, at: index, numerals: numerals, captures: &captures),
                // (Leading context that is a mark may touch the word before it: the
                // apostrophe of Trump's 2016 campaign, the sign of A$5m.)
                Boundaries.clean(
                    context, first: bounds.firstToken, end: bounds.endToken,
                    gluedPrefix: bounds.firstToken > 0 && tokens[bounds.firstToken].glued
                        && (gluedPrefixes.contains(idBuffer[bounds.firstToken - 1])
                            || (bounds.spanFirst > bounds.firstToken
                                && tokens[bounds.firstToken].kind == .punctuation)),
                    gluedUnit: bounds.endToken < tokens.count && tokens[bounds.endToken].glued
                        && gluedUnits.contains(idBuffer[bounds.endToken]))
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

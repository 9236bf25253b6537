import Foundation

/// Reads a numeral at a token: digits with the language's separators (`4.500`, `5,66`;
/// `4,500`, `3.5`), optionally followed by a scale word (`1.2 million`, `65,09 tỉ`), or a
/// run of number words composed by place value (`hai mươi mốt`, `three hundred and forty`).
/// Words, values and classes come from the language's `numerals.tsv`.
public struct NumeralParser: Sendable {
    /// What a number word does when composing a value.
    enum WordClass: String, Sendable {
        /// Adds to the current group (one, mười, twenty).
        case unit
        /// A unit that is a number only inside a longer numeral (lăm, nhăm: mười lăm).
        case compoundUnit = "unit-compound"
        /// A compound-only unit that may not follow a bare ten (mốt, tư, năm: hai mươi mốt,
        /// but "mười năm" is ten years).
        case multiplierUnit = "unit-after-multiplier"
        /// A unit that is a number only before a multiplier or after a filler (năm: năm trăm,
        /// một trăm linh năm; "hai mươi năm" is twenty years).
        case prefixUnit = "unit-before-multiplier"
        /// Multiplies the current group's small part (mươi ×10, dozen ×12).
        case times
        /// Hundred: turns the small part into hundreds.
        case hundred
        /// Thousand, million, tỉ: closes a group.
        case scale
        /// A scale abbreviation written onto the digits (`7.1bn`): only glued to a number.
        case gluedScale = "scale-glued"
        /// Joins words without a value (linh, lẻ, and).
        case filler
        /// `a`/`an`: one, but only before hundred, scale, times or a fraction.
        case article
        /// Denominator words (third, quarter): divide; `half` is a fraction of 2.
        case fraction
        /// A denominator that is also an ordinal (third, fifth): after `a` alone it divides
        /// only before the fraction link or the end of the phrase (a third of voters, cut by
        /// a third), not before a noun (a third term). Read as `fraction` otherwise.
        case ordinalFraction = "fraction-ordinal"
        /// A plural denominator (thirds, quarters) that divides only when a hyphen joins it to
        /// its numerator (two-thirds) or the fraction link follows it (three quarters of); else
        /// the numeral ends before it (the next two quarters is a period).
        case pluralFraction = "fraction-plural"
        /// "phần" between a numerator and a denominator: `hai phần ba` = 2/3.
        case fractionOf = "fraction-of"
        /// Half the hundred, ten or scale word right before it, ending the numeral: `rưỡi`
        /// (`hai triệu rưỡi` = 2,500,000, `một trăm rưỡi` = 150).
        case halfOfLast = "half-of-last"
    }

    struct Word: Sendable {
        var value: Double
        var wordClass: WordClass
        /// Whether the word was listed as `fraction-ordinal` (its class is then `fraction`).
        var isOrdinal = false
    }

    /// Number words by vocabulary id (ids interned later by other tables are past the end).
    private let wordTable: [Word?]
    /// The one-character decimal and group separators of digit numerals.
    let decimalSeparator: UInt8
    let groupSeparator: UInt8
    /// The word after which a spaced plural denominator divides (`set fraction-link of`);
    /// -1 where the language has none.
    let fractionLink: Int32
    /// Whether a whole number takes a spaced proper fraction after it (`5 1/2` = 5.5; `set
    /// mixed-fractions yes`).
    let mixedFractions: Bool
    /// Whether thousands may be grouped with the decimal separator, the other language's way
    /// (`set foreign-thousands yes`: 1,000,000 đồng, 46,000 đ in Vietnamese).
    let foreignThousands: Bool

    /// A numeral found at a token.
    public struct Numeral: Sendable, Equatable {
        public var value: Double
        /// Tokens consumed.
        public var tokenCount: Int
    }

    /// The numerals of a language folder: `numerals.tsv`, with the separators that
    /// `numbers.rules` sets (`set decimal ,`, `set group .`). `numbersRules` is that file when
    /// the caller has it parsed already.
    static func load(
        folder: URL, vocabulary: Vocabulary, numbersRules: RuleFile? = nil
    ) throws(ConfigError) -> NumeralParser {
        let rules: RuleFile
        if let numbersRules {
            rules = numbersRules
        } else {
            rules = try RuleFile.load(folder.appendingPathComponent("numbers.rules"))
        }
        let settings = rules.settings
        // A switch is yes or no: any other value would silently mean no.
        func flag(_ name: String) throws(ConfigError) -> Bool {
            guard let value = settings[name] else { return false }
            guard value == "yes" || value == "no" else {
                throw ConfigError(
                    file: rules.path, line: rules.settingLines[name], path: name,
                    "\(name) is yes or no, not '\(value)'")
            }
            return value == "yes"
        }
        let url = folder.appendingPathComponent("numerals.tsv")
        return try NumeralParser(
            lexicon: try Lexicon.load(url), vocabulary: vocabulary, decimalSeparator: settings["decimal"] ?? ".",
            groupSeparator: settings["group"] ?? ",", fractionLink: settings["fraction-link"],
            mixedFractions: try flag("mixed-fractions"), foreignThousands: try flag("foreign-thousands"),
            file: url.path)
    }

    init(
        lexicon: Lexicon, vocabulary: Vocabulary, decimalSeparator: String, groupSeparator: String,
        fractionLink: String? = nil, mixedFractions: Bool = false, foreignThousands: Bool = false, file: String
    ) throws(ConfigError) {
        for (name, separator) in [("decimal", decimalSeparator), ("group", groupSeparator)]
        where separator.utf8.count != 1 {
            throw ConfigError(file: file, path: "set \(name)", "a separator is one ASCII character, not '\(separator)'")
        }
        var words: [Int32: Word] = [:]
        for entry in lexicon.entries {
            guard let wordClass = WordClass(rawValue: entry.category) else {
                throw ConfigError(
                    file: file, path: entry.words.joined(separator: " "), "unknown class '\(entry.category)'")
            }
            guard let value = Double(entry.value) else {
                throw ConfigError(
                    file: file, path: entry.words.joined(separator: " "), "value '\(entry.value)' is not a number")
            }
            guard entry.words.count == 1 else {
                throw ConfigError(file: file, path: entry.words.joined(separator: " "), "number words are single words")
            }
            let isOrdinal = wordClass == .ordinalFraction
            words[vocabulary.intern(entry.words[0])] = Word(
                value: value, wordClass: isOrdinal ? .fraction : wordClass, isOrdinal: isOrdinal)
        }
        var table = [Word?](repeating: nil, count: vocabulary.count)
        for (id, word) in words { table[Int(id)] = word }
        self.wordTable = table
        self.decimalSeparator = decimalSeparator.utf8.first!
        self.groupSeparator = groupSeparator.utf8.first!
        self.fractionLink = fractionLink.map { vocabulary.intern($0) } ?? -1
        self.mixedFractions = mixedFractions
        self.foreignThousands = foreignThousands
    }

    /// The number word with vocabulary id `id`, if it is one (a numeral can start there).
    @inline(__always)
    func word(_ id: Int32) -> Word? {
        id >= 0 && Int(id) < wordTable.count ? wordTable[Int(id)] : nil
    }

    /// The numeral starting at token `index`; `ids` are the document's token ids.
    public func parse(_ context: ExtractionContext, ids: [Int32], at index: Int) -> Numeral? {
        let tokens = context.tokens
        if tokens[index].kind == .digits { return parseDigits(context, ids: ids, at: index) }
        return parseWords(context, ids: ids, at: index)
    }

    /// The integer value of a digit token.
    static func digitsValue(_ context: ExtractionContext, _ token: Token) -> Double {
        var value = 0.0
        for index in Int(token.start)..<Int(token.end) { value = value * 10 + Double(context.bytes[index] - 0x30) }
        return value
    }

    private func parseDigits(_ context: ExtractionContext, ids: [Int32], at index: Int) -> Numeral? {
        let tokens = context.tokens
        let first = tokens[index]
        let firstLength = Int(first.end - first.start)
        // Codes and phone numbers: long digit runs with a leading zero.
        if firstLength >= 4 && context.bytes[Int(first.start)] == 0x30 { return nil }
        var value = Self.digitsValue(context, first)
        var next = index + 1
        var grouped = false
        func isDigits(_ at: Int) -> Bool {
            at < tokens.count && tokens[at].kind == .digits && tokens[at].glued
        }
        /// Whether a separator glued before three glued digits stands at `at`.
        func isGroup(after at: Int, separator: UInt8) -> Bool {
            at + 1 < tokens.count && tokens[at].glued && context.isCharacter(at, separator) && isDigits(at + 1)
                && tokens[at + 1].end - tokens[at + 1].start == 3
        }
        /// Whether a three-digit token ends in two zeros.
        func endsInHundreds(_ token: Token) -> Bool {
            context.bytes[Int(token.end) - 1] == 0x30 && context.bytes[Int(token.end) - 2] == 0x30
        }
        /// Reads the three-digit groups after `separator` from `next` on.
        func readGroups(after separator: UInt8) {
            while isGroup(after: next, separator: separator) {
                value = value * 1000 + Self.digitsValue(context, tokens[next + 1])
                next += 2
                grouped = true
            }
        }
        if firstLength <= 3 { readGroups(after: groupSeparator) }
        // Thousands grouped the other language's way (1,000,000 đồng, 46,000 đ in Vietnamese):
        // a chain of three-digit groups, or one group ending in 00 after a number that is no
        // zero (a fraction is seldom written 46,000 for 46).
        if foreignThousands && !grouped && firstLength <= 3 && context.bytes[Int(first.start)] != 0x30
            && isGroup(after: next, separator: decimalSeparator)
            && (isGroup(after: next + 2, separator: decimalSeparator) || endsInHundreds(tokens[next + 1]))
        {
            readGroups(after: decimalSeparator)
        }
        let decimalMark: UInt8? =
            next + 1 < tokens.count && tokens[next].glued && isDigits(next + 1)
            ? (context.isCharacter(next, decimalSeparator)
                ? decimalSeparator : (!grouped && context.isCharacter(next, groupSeparator) ? groupSeparator : nil))
            : nil
        if decimalMark != nil {
            let fraction = tokens[next + 1]
            let digits = Double(fraction.end - fraction.start)
            value += Self.digitsValue(context, fraction) / pow10(digits)
            next += 2
            // "1.2.3" is a code or a version, not a number.
            if next + 1 < tokens.count && tokens[next].glued && tokens[next].kind == .punctuation
                && (context.isCharacter(next, UInt8(ascii: ".")) || context.isCharacter(next, UInt8(ascii: ",")))
                && isDigits(next + 1)
            {
                return nil
            }
        }
        if mixedFractions && next == index + 1 && firstLength <= 2, let fraction = mixedFraction(context, at: next) {
            return Numeral(value: value + fraction, tokenCount: 4)
        }
        if next < tokens.count, let word = word(ids[next]),
            tokens[next].glued
                ? word.wordClass == .gluedScale : word.wordClass == .scale || word.wordClass == .hundred
        {
            value *= word.value
            next += 1
            var scale = word.value
            // A larger scale after it multiplies: 50 nghìn tỷ (50 thousand billion), 5 trăm tỷ.
            while next < tokens.count && !tokens[next].glued && !tokens[next].newlineBefore,
                let larger = self.word(ids[next]), larger.wordClass == .scale, larger.value > scale
            {
                value *= larger.value
                scale = larger.value
                next += 1
            }
            // A smaller amount after the scale adds to it: 1 tỷ 200 triệu, 2 triệu 500 nghìn.
            while next + 1 < tokens.count && tokens[next].kind == .digits && !tokens[next].glued
                && !tokens[next].newlineBefore && tokens[next].end - tokens[next].start <= 3
                && !tokens[next + 1].glued && !tokens[next + 1].newlineBefore,
                let smaller = self.word(ids[next + 1]), smaller.wordClass == .scale, smaller.value < scale
            {
                value += Self.digitsValue(context, tokens[next]) * smaller.value
                scale = smaller.value
                next += 2
            }
            // Half the last scale after it: 2 triệu rưỡi.
            if next < tokens.count && !tokens[next].glued && !tokens[next].newlineBefore,
                self.word(ids[next])?.wordClass == .halfOfLast
            {
                value += scale / 2
                next += 1
            }
        }
        return Numeral(value: value, tokenCount: next - index)
    }

    /// A proper fraction of one or two digits spaced after a whole number (`5 1/2`), as its
    /// value; nil when the slash is a date's or a code's (`1/2/2024`, `1/2.5`).
    private func mixedFraction(_ context: ExtractionContext, at index: Int) -> Double? {
        let tokens = context.tokens
        guard index + 3 <= tokens.count else { return nil }
        let numerator = tokens[index]
        let slash = index + 1
        let denominator = tokens[index + 2]
        guard
            numerator.kind == .digits && !numerator.glued && !numerator.newlineBefore
                && numerator.end - numerator.start == 1 && tokens[slash].glued
                && context.isCharacter(slash, UInt8(ascii: "/")) && denominator.kind == .digits && denominator.glued
                && denominator.end - denominator.start <= 2
        else { return nil }
        // Glued on after it: a word or a hyphened word (`1/2-inch`) only.
        let after = index + 3
        if after < tokens.count && tokens[after].glued && tokens[after].kind != .word
            && !(context.isCharacter(after, UInt8(ascii: "-")) && after + 1 < tokens.count
                && tokens[after + 1].glued && tokens[after + 1].kind == .word)
        {
            return nil
        }
        let top = Self.digitsValue(context, numerator)
        let bottom = Self.digitsValue(context, denominator)
        guard top > 0 && top < bottom else { return nil }
        return top / bottom
    }

    private func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent) { result *= 10 }
        return result
    }

    private func parseWords(_ context: ExtractionContext, ids: [Int32], at index: Int) -> Numeral? {
        let tokens = context.tokens
        var total = 0.0
        var hundreds = 0.0
        var small = 0.0
        var seen = false
        var count = 0
        var consumed = 0
        var article = false
        var position = index
        var valueWords = 0
        var lastClass: WordClass? = nil
        var lastValue = 0.0
        // "and a" before a fraction adds it: two and a half (million).
        var addsFraction = false
        scan: while position < tokens.count {
            // English compounds: "twenty-one", "two-thirds".
            if count > 0 && context.isCharacter(position, UInt8(ascii: "-")) && tokens[position].glued
                && position + 1 < tokens.count && tokens[position + 1].glued && word(ids[position + 1]) != nil
            {
                position += 1
                continue
            }
            guard let word = word(ids[position]) else { break scan }
            if count > 0 && tokens[position].newlineBefore { break scan }
            // Place value: a unit follows only a round ten or more (mười hai, twenty one), a
            // compound-only unit only a ten, hundred, scale or filler, or precedes a multiplier.
            let nextClass = position + 1 < tokens.count ? self.word(ids[position + 1])?.wordClass : nil
            let beforeMultiplier =
                nextClass == .hundred || nextClass == .scale || nextClass == .times || nextClass == .fractionOf
                || nextClass == .fraction || nextClass == .pluralFraction
            if word.wordClass == .prefixUnit {
                guard beforeMultiplier || lastClass == .filler else { break scan }
            } else if count > 0
                && (word.wordClass == .unit || word.wordClass == .compoundUnit || word.wordClass == .multiplierUnit)
            {
                let afterRoundTen =
                    lastClass == .unit && lastValue >= 10 && lastValue.truncatingRemainder(dividingBy: 10) == 0
                    && word.value < 10 && word.wordClass != .multiplierUnit
                let afterJoin =
                    lastClass == .times || lastClass == .hundred || lastClass == .scale || lastClass == .filler
                if !(afterRoundTen || afterJoin
                    || (beforeMultiplier && lastClass != .unit && lastClass != .compoundUnit
                        && lastClass != .multiplierUnit && lastClass != .prefixUnit))
                {
                    break scan
                }
            } else if count == 0 && (word.wordClass == .compoundUnit || word.wordClass == .multiplierUnit) {
                guard beforeMultiplier else { break scan }
            }
            let previousClass = lastClass
            let previousValue = lastValue
            lastClass = word.wordClass
            lastValue = word.value
            switch word.wordClass {
            case .halfOfLast:
                // Half the scale, hundred or ten before it, and the numeral ends there.
                switch previousClass {
                case .scale?: total += previousValue / 2
                case .hundred?: hundreds += previousValue / 2
                case .times?: small += previousValue / 2
                default: break scan
                }
                valueWords += 1
                consumed = position + 1 - index
                break scan
            case .gluedScale:
                // Part of a digit numeral only ("7.1bn").
                break scan
            case .fractionOf:
                // "hai phần ba": the number so far over the unit word that follows; it ends
                // the numeral ("phần trăm" is a percentage, left to the rules).
                let units: [WordClass] = [.unit, .compoundUnit, .multiplierUnit, .prefixUnit]
                guard seen, total == 0, hundreds == 0, position + 1 < tokens.count,
                    let denominator = self.word(ids[position + 1]), units.contains(denominator.wordClass),
                    denominator.value > 1
                else { break scan }
                small /= denominator.value
                valueWords += 2
                consumed = position + 2 - index
                break scan
            case .article:
                // "a" starts a numeral, or joins a fraction to its scale: half a million.
                if count > 0 {
                    if previousClass == .filler && nextClass == .fraction && seen {
                        addsFraction = true
                        count += 1
                        position += 1
                        continue
                    }
                    guard previousClass == .fraction || previousClass == .pluralFraction,
                        nextClass == .scale || nextClass == .hundred || nextClass == .times
                    else { break scan }
                    count += 1
                    position += 1
                    continue
                }
                article = true
            case .filler:
                // Nothing joins on after a fraction: "a quarter and two" is no 2.25.
                guard seen, previousClass != .fraction, previousClass != .pluralFraction else { break scan }
                count += 1
                position += 1
                continue
            case .unit, .compoundUnit, .multiplierUnit, .prefixUnit:
                small += word.value
                seen = true
            case .times:
                small = (small == 0 ? 1 : small) * word.value
                seen = true
            case .hundred:
                hundreds += (small == 0 ? 1 : small) * word.value
                small = 0
                seen = true
            case .scale:
                if previousClass == .scale && hundreds + small == 0 && total < word.value {
                    // A larger scale right after a smaller one multiplies all before it:
                    // ba nghìn tỷ (three thousand billion).
                    total *= word.value
                    seen = true
                    break
                }
                total += (hundreds + small == 0 ? 1 : hundreds + small) * word.value
                hundreds = 0
                small = 0
                seen = true
            case .fraction, .pluralFraction, .ordinalFraction:
                // Two denominators in a row are a period, not a number: a third-quarter profit.
                if previousClass == .fraction || previousClass == .pluralFraction { return nil }
                if word.wordClass == .pluralFraction {
                    let hyphenated = tokens[position].glued && context.isCharacter(position - 1, UInt8(ascii: "-"))
                    let linked = fractionLink >= 0 && position + 1 < tokens.count && ids[position + 1] == fractionLink
                    guard hyphenated || linked else { break scan }
                }
                if addsFraction {
                    small += 1 / word.value
                    addsFraction = false
                } else {
                    small = (small == 0 ? 1 : small) / word.value
                }
                seen = true
            }
            if word.wordClass != .article { valueWords += 1 }
            count += 1
            position += 1
            consumed = position - index
            if word.wordClass == .article { consumed = 0 }
        }
        guard seen, consumed > 0 else { return nil }
        if article && valueWords == 1 {
            // "a" + one word: only "a hundred", "a third", "a dozen".
            let word = word(ids[index + 1])
            guard let word, [.hundred, .scale, .times, .fraction, .pluralFraction].contains(word.wordClass) else {
                return nil
            }
            // (An ordinal before a word is no fraction: a third term, a fifth straight win.)
            let after = index + consumed
            if word.isOrdinal && after < tokens.count && tokens[after].kind != .punctuation
                && (fractionLink < 0 || ids[after] != fractionLink)
            {
                return nil
            }
        }
        if !article && valueWords == 1, let word = word(ids[index]), word.wordClass != .unit {
            // A lone compound-only word (năm, tư, mốt, không) or a lone scale word is not a
            // number, nor a lone denominator ("the third time", "first quarter"); "half" is.
            // (A lone zero is: zero percent.)
            if word.wordClass != .fraction || word.value != 2 { return nil }
        }
        let value = total + hundreds + small
        return Numeral(value: value, tokenCount: consumed)
    }
}

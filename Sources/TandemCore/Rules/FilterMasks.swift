/// The next-token filters of a list of rules that start alike (on a digit token, on a
/// numeral), inverted into bitsets over the list: for each kind of token that can come
/// next, which rules' filters let it through. One lookup per token replaces a filter test
/// per rule (a digit token can start dozens of rules, and most filters fail there).
/// Unchecked Sendable: the pointers are into frozen buffers it owns and never writes.
struct FilterMasks: @unchecked Sendable {
    /// 64-bit words per bitset (bit `r` of the set is rule `r` of the list).
    let width: Int
    /// Bitsets back to back: passes whatever follows (even nothing), any word, a numeral
    /// (a digit token or a number word), one per digit-length bit (`NextFilter.digitBit`),
    /// then one per word some filter lists.
    private let masks: UnsafeBufferPointer<UInt64>
    /// By vocabulary id + 1: the index of the word's bitset, 0 when no filter lists it (ids
    /// interned after this table are past the end: listed by none).
    private let wordMasks: UnsafeBufferPointer<Int32>
    /// The memory of both (the pointers above are read without touching these, so a lookup
    /// retains nothing).
    private let storage: (FrozenBuffer<UInt64>, FrozenBuffer<Int32>)
    /// Whether any rule has a numeral filter (so a number word after the start is looked up).
    private let numeralListed: Bool

    private static let anyMask = 0
    private static let anyWordMask = 1
    private static let numeralMask = 2
    private static let firstDigitMask = 3
    private static let firstWordMask = firstDigitMask + 32

    /// `filters[r]` is rule `r`'s filter, nil when it cannot start so (its bit is never set).
    init(_ filters: [RuleSet.Filter?], words filterWords: [Int32], vocabularyCount: Int) {
        let width = max(1, (filters.count + 63) / 64)
        var wordIndex: [Int32: Int] = [:]
        for filter in filters.compactMap({ $0 }) {
            for word in filterWords[Int(filter.wordStart)..<Int(filter.wordEnd)] where wordIndex[word] == nil {
                wordIndex[word] = Self.firstWordMask + wordIndex.count
            }
        }
        var bitsets = [UInt64](repeating: 0, count: (Self.firstWordMask + wordIndex.count) * width)
        func set(_ mask: Int, _ rule: Int) { bitsets[mask * width + rule / 64] |= 1 << UInt64(rule % 64) }
        for (rule, filter) in filters.enumerated() {
            guard let filter else { continue }
            if filter.any { set(Self.anyMask, rule) }
            if filter.anyWord { set(Self.anyWordMask, rule) }
            if filter.numeral { set(Self.numeralMask, rule) }
            for bit in 0..<32 where filter.digitLengths & (1 << UInt32(bit)) != 0 {
                set(Self.firstDigitMask + bit, rule)
            }
            for word in filterWords[Int(filter.wordStart)..<Int(filter.wordEnd)] { set(wordIndex[word]!, rule) }
        }
        var wordTable = [Int32](repeating: 0, count: vocabularyCount + 1)
        for (word, mask) in wordIndex where Int(word) + 1 < wordTable.count { wordTable[Int(word) + 1] = Int32(mask) }
        self.width = width
        storage = (FrozenBuffer(bitsets), FrozenBuffer(wordTable))
        masks = storage.0.elements
        wordMasks = storage.1.elements
        numeralListed = filters.contains { $0?.numeral == true }
    }

    /// ORs into `result` (`width` words) the rules whose filter lets through the token at
    /// `position` (or the end of the text), as `RuleSet.NextCheck.passes` decides one by one.
    @inline(__always)
    func addPassing(
        at position: Int, tokens: UnsafeBufferPointer<Token>, ids: UnsafeBufferPointer<Int32>,
        numerals: NumeralParser, into result: UnsafeMutablePointer<UInt64>
    ) {
        let masks = self.masks
        func add(_ mask: Int) {
            for word in 0..<width { result[word] |= masks[mask * width + word] }
        }
        add(Self.anyMask)
        guard position < tokens.count else { return }
        let token = tokens[position]
        if token.kind == .digits {
            add(Self.numeralMask)
            add(Self.firstDigitMask + min(Int(token.end - token.start), 31))
            return
        }
        if token.kind == .word { add(Self.anyWordMask) }
        let id = ids[position]
        guard id >= 0 else { return }
        if numeralListed && numerals.word(id) != nil { add(Self.numeralMask) }
        if Int(id) + 1 < wordMasks.count, wordMasks[Int(id) + 1] > 0 { add(Int(wordMasks[Int(id) + 1])) }
    }
}

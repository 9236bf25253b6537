/// One kind of extraction (numbers, dates, entities) over a segmented document.
///
/// Extractors are built once from rule tables and shared by all workers, so they are
/// immutable and Sendable; per-document state lives in the `ExtractionContext`.
public protocol Extractor: Sendable {
    /// The name used in pipeline.json (`numbers`, `dates`, `entities`).
    var name: String { get }
    /// Candidate mentions; the extract stage resolves overlaps between all candidates.
    func candidates(in context: ExtractionContext) -> [Candidate]
}

/// A possible mention with what it needs to win an overlap.
public struct Candidate: Sendable {
    public var mention: Mention
    /// The tokens the rule consumed (including context words outside the span).
    public var matchLength: Int32
    /// A blocking match (a score, a phone number): it wins its span and emits nothing.
    public var suppresses: Bool
    /// Higher wins among overlapping candidates of equal length (dates own their digits).
    public var priority: Int
}

extension Candidate {
    /// Hands over to the memberwise initializer, as `Mention`'s does (and for its reason).
    public init(mention: Mention, matchLength: Int32, priority: Int, suppresses: Bool = false) {
        self.init(mention: mention, matchLength: matchLength, suppresses: suppresses, priority: priority)
    }
}

/// What an extractor sees of one document. (Only these parts of it: holding the whole
/// document would retain each of its strings and arrays once more per document.)
public final class ExtractionContext {
    /// The normalized bytes.
    public let bytes: [UInt8]
    public let tokens: [Token]
    /// `vi`, `en` or `other`.
    public let language: String
    /// The document's reference date, if any.
    public let dct: String?
    /// The segment stage's token ids, in `tokenVocabulary`.
    private let tokenIDs: [Int32]
    private let tokenVocabulary: Vocabulary

    public init(document: SegmentedDocument) {
        self.bytes = document.normalized.normalized
        self.tokens = document.tokens
        language = document.language
        dct = document.normalized.source.dct
        tokenIDs = document.tokenIDs
        tokenVocabulary = document.vocabulary
        numeralTokens = .allocate(capacity: max(document.tokens.count, 1))
        numeralTokens.initialize(repeating: -1, count: max(document.tokens.count, 1))
        numeralValues = .allocate(capacity: max(document.tokens.count, 1))
    }

    deinit {
        numeralTokens.deallocate()
        numeralValues.deallocate()
    }

    private var idCache: [ObjectIdentifier: [Int32]] = [:]

    /// Each token's id in `vocabulary` (`Vocabulary.unknown` for words no table knows): the
    /// segment stage's ids when the extractor shares the pipeline's vocabulary, otherwise
    /// computed once per document and vocabulary.
    public func ids(in vocabulary: Vocabulary) -> [Int32] {
        if vocabulary === tokenVocabulary { return tokenIDs }
        if let cached = idCache[ObjectIdentifier(vocabulary)] { return cached }
        let ids = bytes.withUnsafeBufferPointer { vocabulary.ids(of: tokens, in: $0) }
        idCache[ObjectIdentifier(vocabulary)] = ids
        return ids
    }

    /// Per token, the numeral there: its token count (0: none, -1: not parsed yet) and value.
    /// Raw memory the context owns (`let` pointers: no exclusivity check per access, as a
    /// class's `var` array would need).
    private let numeralTokens: UnsafeMutablePointer<Int32>
    private let numeralValues: UnsafeMutablePointer<Double>

    /// The numeral at a token, parsed once per document: the numbers and dates rules of a
    /// language share `numerals.tsv`, and many rules start with a numeral.
    func numeral(at index: Int, ids: [Int32], _ parser: NumeralParser) -> NumeralParser.Numeral? {
        let known = numeralTokens[index]
        if known == 0 { return nil }
        if known > 0 { return NumeralParser.Numeral(value: numeralValues[index], tokenCount: Int(known)) }
        let numeral = parser.parse(self, ids: ids, at: index)
        numeralTokens[index] = Int32(numeral?.tokenCount ?? 0)
        numeralValues[index] = numeral?.value ?? 0
        return numeral
    }

    /// Whether a token is the single ASCII character `character` (punctuation checks).
    @inline(__always)
    public func isCharacter(_ index: Int, _ character: UInt8) -> Bool {
        // Before the first token or past the last one (the end of the text) is no character.
        guard index >= 0 && index < tokens.count else { return false }
        let token = tokens[index]
        return token.end == token.start + 1 && bytes[Int(token.start)] == character
    }

    /// Whether the token sits inside a URL, e-mail address or path-like chunk.
    public func insideLink(_ index: Int) -> Bool {
        var first = index
        while first > 0 && tokens[first].glued { first -= 1 }
        var last = index
        while last + 1 < tokens.count && tokens[last + 1].glued { last += 1 }
        let start = Int(tokens[first].start)
        let end = Int(tokens[last].end)
        return bytes.withUnsafeBufferPointer { bytes in
            let w = UInt8(ascii: "w")
            if end - start >= 4 && bytes[start] == w && bytes[start + 1] == w && bytes[start + 2] == w
                && bytes[start + 3] == UInt8(ascii: ".")
            {
                return true
            }
            for offset in start..<end {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "@") { return true }
                if byte == UInt8(ascii: ":") && offset + 2 < end && bytes[offset + 1] == UInt8(ascii: "/")
                    && bytes[offset + 2] == UInt8(ascii: "/")
                {
                    return true
                }
            }
            return false
        }
    }
}

/// What overlap resolution reads of a candidate: where it lies and how strong it is.
protocol OverlapCandidate {
    var overlapSpan: ByteSpan { get }
    var matchLength: Int32 { get }
    var priority: Int { get }
    var suppresses: Bool { get }
}

extension Candidate: OverlapCandidate {
    var overlapSpan: ByteSpan { mention.span }
}

/// Chooses non-overlapping mentions: longer matches first, then higher priority, then the
/// longer span, then the earlier start, then the earlier rule (deterministic). A suppressing
/// candidate takes its span and emits nothing.
public enum OverlapResolver {
    /// What the order depends on, packed into two words compared as unsigned integers: the
    /// longer match, the higher priority, the longer span, then the earlier start and the
    /// earlier candidate. Spans and matches are a few words long; a span length is capped at
    /// 2^24 - 1 bytes and a priority clamped to -128…127 here, far beyond any rule's.
    private struct SortKey: Comparable {
        var order: UInt64
        var tie: UInt64

        init(matchLength: Int32, priority: Int, spanLength: Int32, start: Int32, index: Int) {
            let priorityRank = UInt64(127 - min(max(priority, -128), 127))
            let spanRank = UInt64(0xFF_FFFF - min(max(Int(spanLength), 0), 0xFF_FFFF))
            order = UInt64(UInt32.max - UInt32(max(matchLength, 0))) << 32 | priorityRank << 24 | spanRank
            tie = UInt64(UInt32(max(start, 0))) << 32 | UInt64(UInt32(index))
        }

        var index: Int { Int(tie & 0xFFFF_FFFF) }

        static func < (a: SortKey, b: SortKey) -> Bool { a.order != b.order ? a.order < b.order : a.tie < b.tie }
    }

    /// Whether a candidate of one extractor (one priority) with `matchLength` over `span`
    /// would win against an earlier one over `other` with `otherMatchLength`, in the order
    /// `resolve` keeps: for a caller that must know before resolution (the dates' anchor).
    static func wins(matchLength: Int32, span: ByteSpan, over otherMatchLength: Int32, _ other: ByteSpan) -> Bool {
        SortKey(matchLength: matchLength, priority: 0, spanLength: span.end - span.start, start: span.start, index: 1)
            < SortKey(
                matchLength: otherMatchLength, priority: 0, spanLength: other.end - other.start, start: other.start,
                index: 0)
    }

    /// Where a candidate is: its group and its offset there.
    typealias Location = (group: Int32, offset: Int32)

    private static let mentionOffset = MemoryLayout<Candidate>.offset(of: \Candidate.mention)!

    public static func resolve(_ candidates: consuming [Candidate]) -> [Mention] {
        resolve(groups: [candidates])
    }

    /// The winners among the candidates of several groups taken as one array in order, in
    /// text order (empty spans at one place in the order they were chosen). Candidates are
    /// read in place: copying one could retain its strings.
    ///
    /// A candidate's fate depends only on the candidates its span overlaps, and theirs on
    /// theirs: so candidates are swept in text order and cut into clusters of overlapping
    /// spans, and the order above is settled within each cluster. Most candidates are alone
    /// in theirs and win at once; the few clusters are small. (One sort of every candidate
    /// by that order mispredicts a branch per comparison.)
    static func winners<C: OverlapCandidate>(groups: [[C]]) -> [Location] {
        let total = groups.reduce(0) { $0 + $1.count }
        guard total > 0 else { return [] }
        // What the sweep reads of each candidate, in one block of raw memory (on the stack
        // when small: a paragraph's few candidates cost no allocation); an append per
        // candidate to five arrays would cost a capacity and uniqueness check each.
        return withUnsafeTemporaryAllocation(byteCount: total * scratchBytesPerCandidate, alignment: 16) { raw in
            var offset = 0
            func carve<T>(_ type: T.Type) -> UnsafeMutableBufferPointer<T> {
                let buffer = (raw.baseAddress! + offset).bindMemory(to: type, capacity: total)
                offset += MemoryLayout<T>.stride * total
                return UnsafeMutableBufferPointer(start: buffer, count: total)
            }
            // Widest alignment first; the flags last.
            let keys = carve(SortKey.self)
            let clusterKeys = carve(SortKey.self)
            // Candidate indices by start, `start << 32 | index`, sorted per group; the merge's
            // second half.
            let byStart = carve(UInt64.self)
            let merged = carve(UInt64.self)
            let locations = carve(Location.self)
            let spans = carve(ByteSpan.self)
            let suppressing = carve(Bool.self)
            return winners(
                groups: groups, total: total,
                scratch: Scratch(
                    keys: keys, clusterKeys: clusterKeys, byStart: byStart, merged: merged, locations: locations,
                    spans: spans, suppressing: suppressing))
        }
    }

    /// Bytes of scratch memory `winners` uses per candidate.
    private static let scratchBytesPerCandidate =
        2 * MemoryLayout<SortKey>.stride + 2 * MemoryLayout<UInt64>.stride + MemoryLayout<Location>.stride
        + MemoryLayout<ByteSpan>.stride + MemoryLayout<Bool>.stride

    /// The buffers of `winners`, each with room for every candidate.
    private struct Scratch {
        let keys: UnsafeMutableBufferPointer<SortKey>
        let clusterKeys: UnsafeMutableBufferPointer<SortKey>
        let byStart: UnsafeMutableBufferPointer<UInt64>
        let merged: UnsafeMutableBufferPointer<UInt64>
        let locations: UnsafeMutableBufferPointer<Location>
        let spans: UnsafeMutableBufferPointer<ByteSpan>
        let suppressing: UnsafeMutableBufferPointer<Bool>
    }

    private static func winners<C: OverlapCandidate>(groups: [[C]], total: Int, scratch: Scratch) -> [Location] {
        let (keys, clusterKeys, byStart, merged) = (scratch.keys, scratch.clusterKeys, scratch.byStart, scratch.merged)
        let (locations, spans, suppressing) = (scratch.locations, scratch.spans, scratch.suppressing)
        var limit = 0
        var emptySpan = false
        var groupEnds: [Int] = []
        groupEnds.reserveCapacity(groups.count)
        var count = 0
        for (group, candidates) in groups.enumerated() {
            candidates.withUnsafeBufferPointer { candidates in
                for offset in candidates.indices {
                    let candidate = candidates.baseAddress! + offset
                    let span = candidate.pointee.overlapSpan
                    limit = max(limit, Int(span.end))
                    emptySpan = emptySpan || span.end <= span.start || span.start < 0
                    byStart[count] = UInt64(UInt32(truncatingIfNeeded: span.start)) << 32 | UInt64(count)
                    keys[count] = SortKey(
                        matchLength: candidate.pointee.matchLength, priority: candidate.pointee.priority,
                        spanLength: span.end - span.start, start: span.start, index: count)
                    locations[count] = (Int32(group), Int32(offset))
                    spans[count] = span
                    suppressing[count] = candidate.pointee.suppresses
                    count += 1
                }
            }
            groupEnds.append(count)
        }
        let spanTable = UnsafeBufferPointer(spans)
        let suppressingTable = UnsafeBufferPointer(suppressing)
        let locationTable = UnsafeBufferPointer(locations)
        // An empty span claims nothing and joins no cluster, and its place among winners that
        // start where it is depends on the order of all of them: such a set takes the plain
        // path (no extractor here makes one).
        var winners: [Location] = []
        winners.reserveCapacity(total)
        if emptySpan {
            settle(keys, bytes: 0..<limit, spanTable, suppressingTable, locationTable, into: &winners)
            return winners
        }
        // Each extractor goes through the tokens in order, so its candidates are nearly in
        // text order: an insertion sort per group costs little, then the groups are merged.
        var groupStart = 0
        for groupEnd in groupEnds {
            insertionSort(UnsafeMutableBufferPointer(rebasing: byStart[groupStart..<groupEnd]))
            groupStart = groupEnd
        }
        var sortedEnd = groupEnds[0]
        for groupEnd in groupEnds.dropFirst() where groupEnd > sortedEnd {
            // Merge byStart[0..<sortedEnd] and byStart[sortedEnd..<groupEnd].
            var left = 0
            var right = sortedEnd
            for slot in 0..<groupEnd {
                if right >= groupEnd || (left < sortedEnd && byStart[left] < byStart[right]) {
                    merged[slot] = byStart[left]
                    left += 1
                } else {
                    merged[slot] = byStart[right]
                    right += 1
                }
            }
            for slot in 0..<groupEnd { byStart[slot] = merged[slot] }
            sortedEnd = groupEnd
        }
        // The sweep: a cluster ends where the next span starts at or past every end so far.
        var clusterStart = 0
        var reach = Int(spans[Int(byStart[0] & 0xFFFF_FFFF)].end)
        for position in 1...total {
            if position < total {
                let span = spans[Int(byStart[position] & 0xFFFF_FFFF)]
                if Int(span.start) < reach {
                    reach = max(reach, Int(span.end))
                    continue
                }
            }
            let first = Int(byStart[clusterStart] & 0xFFFF_FFFF)
            if position - clusterStart == 1 {
                if !suppressing[first] { winners.append(locations[first]) }
            } else {
                var memberCount = 0
                for member in clusterStart..<position {
                    clusterKeys[memberCount] = keys[Int(byStart[member] & 0xFFFF_FFFF)]
                    memberCount += 1
                }
                settle(
                    UnsafeMutableBufferPointer(rebasing: clusterKeys[0..<memberCount]),
                    bytes: Int(spans[first].start)..<reach, spanTable, suppressingTable, locationTable,
                    into: &winners)
            }
            if position < total {
                clusterStart = position
                reach = Int(spans[Int(byStart[position] & 0xFFFF_FFFF)].end)
            }
        }
        return winners
    }

    /// Settles one cluster (or, on the plain path, every candidate): its candidates in the
    /// order above, each taken when its bytes (within `bytes`) are free. Appends the winners
    /// to `winners` in text order: by start, and empty spans at one place in the order taken.
    @inline(__always)
    private static func settle(
        _ keys: UnsafeMutableBufferPointer<SortKey>, bytes: Range<Int>, _ spans: UnsafeBufferPointer<ByteSpan>,
        _ suppressing: UnsafeBufferPointer<Bool>, _ locations: UnsafeBufferPointer<Location>,
        into winners: inout [Location]
    ) {
        sort(keys)
        // Winners as `start << 32 | rank chosen` (sorting them gives text order), each one's
        // candidate by rank, and the bytes claimed: one temporary allocation (on the stack
        // when small).
        withUnsafeTemporaryAllocation(byteCount: keys.count * 16 + bytes.count, alignment: 8) { memory in
            let base = memory.baseAddress!
            let chosen = base.bindMemory(to: UInt64.self, capacity: keys.count)
            let chosenIndex = (base + keys.count * 8).bindMemory(to: Int.self, capacity: keys.count)
            let claimed = UnsafeMutableBufferPointer(
                start: (base + keys.count * 16).bindMemory(to: Bool.self, capacity: bytes.count), count: bytes.count)
            claimed.initialize(repeating: false)
            var count = 0
            for key in keys {
                let span = spans[key.index]
                let start = max(Int(span.start), bytes.lowerBound) - bytes.lowerBound
                let range = start..<max(Int(span.end) - bytes.lowerBound, start)
                if claimed[range].contains(true) { continue }
                for byte in range { claimed[byte] = true }
                if !suppressing[key.index] {
                    chosen[count] = UInt64(UInt32(truncatingIfNeeded: span.start)) << 32 | UInt64(count)
                    chosenIndex[count] = key.index
                    count += 1
                }
            }
            let winnersHere = UnsafeMutableBufferPointer(start: chosen, count: count)
            sort(winnersHere)
            for winner in winnersHere { winners.append(locations[chosenIndex[Int(winner & 0xFFFF_FFFF)]]) }
        }
    }

    /// Sorts keys in place by insertion: cheap when they are nearly in order already.
    private static func insertionSort<Key: Comparable>(_ keys: UnsafeMutableBufferPointer<Key>) {
        guard keys.count > 1 else { return }
        for index in 1..<keys.count {
            let key = keys[index]
            var position = index
            while position > 0 && key < keys[position - 1] {
                keys[position] = keys[position - 1]
                position -= 1
            }
            keys[position] = key
        }
    }

    /// Sorts distinct keys in place: insertion sort for short runs, quicksort above (the
    /// standard library's sort is a stable merge sort, which distinct keys do not need, and
    /// costs twice as much on the few dozen keys of a document).
    private static func sort<Key: Comparable>(_ keys: UnsafeMutableBufferPointer<Key>) {
        var low = 0
        var high = keys.count
        while high - low > 16 {
            // Median of three as the pivot, then Hoare partition.
            let middle = low + (high - low) / 2
            if keys[middle] < keys[low] { keys.swapAt(middle, low) }
            if keys[high - 1] < keys[low] { keys.swapAt(high - 1, low) }
            if keys[high - 1] < keys[middle] { keys.swapAt(high - 1, middle) }
            let pivot = keys[middle]
            var left = low
            var right = high - 1
            while left <= right {
                while keys[left] < pivot { left += 1 }
                while pivot < keys[right] { right -= 1 }
                if left <= right {
                    keys.swapAt(left, right)
                    left += 1
                    right -= 1
                }
            }
            // Recurse into the smaller side, loop on the larger (stack depth stays log n).
            if right - low < high - left {
                sort(UnsafeMutableBufferPointer(rebasing: keys[low..<(right + 1)]))
                low = left
            } else {
                sort(UnsafeMutableBufferPointer(rebasing: keys[left..<high]))
                high = right + 1
            }
        }
        // Insertion sort of what is left.
        insertionSort(UnsafeMutableBufferPointer(rebasing: keys[low..<high]))
    }

    /// Resolves the candidates of several extractors as if they were one array, in order.
    /// The groups are consumed: winners' mentions are moved out, not copied (a copy would
    /// retain each of its strings).
    public static func resolve(groups: consuming [[Candidate]]) -> [Mention] {
        let winners = winners(groups: groups)
        // Move each winner's mention out through buffer pointers (the array accessors would
        // copy it), one group at a time, leaving an empty mention behind. The empty mention's
        // strings are literals, which are immortal, so its bytes are copied without retains
        // (initializing from a new value would build, copy and destroy one each time).
        var vacated = Mention(kind: "", span: ByteSpan(0, 0), rule: "")
        return [Mention](unsafeUninitializedCapacity: winners.count) { mentions, initialized in
            for group in groups.indices {
                groups[group].withUnsafeMutableBufferPointer { candidates in
                    for (rank, winner) in winners.enumerated() where winner.group == group {
                        // The mention's own address inside the candidate (an inout access to
                        // the property would copy it out and back).
                        let mention =
                            (UnsafeMutableRawPointer(candidates.baseAddress! + Int(winner.offset))
                            + Self.mentionOffset).assumingMemoryBound(to: Mention.self)
                        (mentions.baseAddress! + rank).moveInitialize(from: mention, count: 1)
                        withUnsafeBytes(of: &vacated) {
                            UnsafeMutableRawPointer(mention).copyMemory(from: $0.baseAddress!, byteCount: $0.count)
                        }
                    }
                }
            }
            initialized = winners.count
        }
    }
}

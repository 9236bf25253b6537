import Testing

@testable import TandemCore

@Suite("Overlap resolution")
struct OverlapTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The rule written out plainly: order by longer match, higher priority, longer span,
    /// earlier start, earlier candidate; take each candidate whose bytes are all free; report
    /// the non-suppressing winners by start (empty spans at one place in the order taken).
    static func reference(_ candidates: [Candidate]) -> [Mention] {
        let order = candidates.indices.sorted { a, b in
            let (x, y) = (candidates[a], candidates[b])
            let (xLength, yLength) = (
                x.mention.span.end - x.mention.span.start, y.mention.span.end - y.mention.span.start
            )
            if x.matchLength != y.matchLength { return x.matchLength > y.matchLength }
            if x.priority != y.priority { return x.priority > y.priority }
            if xLength != yLength { return xLength > yLength }
            if x.mention.span.start != y.mention.span.start { return x.mention.span.start < y.mention.span.start }
            return a < b
        }
        var claimed = Set<Int32>()
        var winners: [(start: Int32, rank: Int, mention: Mention)] = []
        for index in order {
            let span = candidates[index].mention.span
            if (span.start..<span.end).contains(where: claimed.contains) { continue }
            claimed.formUnion(span.start..<span.end)
            if !candidates[index].suppresses {
                winners.append((span.start, winners.count, candidates[index].mention))
            }
        }
        return winners.sorted { ($0.start, $0.rank) < ($1.start, $1.rank) }.map(\.mention)
    }

    static func randomCandidates(_ count: Int, emptySpans: Bool, _ generator: inout Generator) -> [Candidate] {
        (0..<count).map { index in
            let start = Int32.random(in: 0..<200, using: &generator)
            let length = Int32.random(in: (emptySpans ? 0 : 1)..<12, using: &generator)
            return Candidate(
                mention: Mention(kind: "number", span: ByteSpan(start, start + length), rule: "rule-\(index)"),
                matchLength: Int32.random(in: 1...4, using: &generator),
                priority: [0, 10, 20, 35, 40].randomElement(using: &generator)!,
                suppresses: Int.random(in: 0..<10, using: &generator) == 0)
        }
    }

    /// Sizes on both sides of the resolver's insertion-sort cutoff, many overlaps and ties,
    /// sparse and dense; with empty spans (the plain path) and without (clusters).
    @Test(arguments: [0, 1, 2, 5, 16, 17, 40, 300])
    func matchesThePlainRule(count: Int) {
        var generator = Generator(state: UInt64(count) &* 7919)
        for trial in 0..<40 {
            let candidates = Self.randomCandidates(count, emptySpans: trial % 2 == 0, &generator)
            #expect(OverlapResolver.resolve(candidates) == Self.reference(candidates))
        }
    }

    @Test func suppressorsTakeTheirSpanAndEmitNothing() {
        let candidates = [
            Candidate(
                mention: Mention(kind: "number", span: ByteSpan(0, 5), rule: "score"), matchLength: 3, priority: 10,
                suppresses: true),
            Candidate(
                mention: Mention(kind: "number", span: ByteSpan(0, 1), rule: "cardinal"), matchLength: 1, priority: 0),
            Candidate(
                mention: Mention(kind: "number", span: ByteSpan(6, 8), rule: "cardinal"), matchLength: 1, priority: 0),
        ]
        #expect(OverlapResolver.resolve(candidates).map(\.span) == [ByteSpan(6, 8)])
    }
}

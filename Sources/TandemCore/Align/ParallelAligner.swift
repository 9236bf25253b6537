import Foundation

/// Sentence alignment of a translation pair (`NAME.vi.txt` + `NAME.en.txt`): Gale–Church
/// dynamic programming over sentence lengths, with 1-1, 1-2, 2-1, 1-0 and 0-1 links, and a
/// bonus where the two sides share an anchor (entity, number, date).
public struct ParallelAligner {
    /// One link: sentence ranges on each side (either may be empty for 1-0 / 0-1).
    public struct Link: Sendable, Equatable {
        public var source: Range<Int>
        public var target: Range<Int>
        public var cost: Double
    }

    /// Expected target characters per source character, and its variance (Gale & Church 1993).
    var ratio = 1.0
    var variance = 6.8
    /// How much one shared anchor lowers a link's cost.
    var anchorBonus = 3.0

    public init() {}

    /// Aligns sentence lengths (in characters), given each sentence's anchor set.
    public func align(
        sourceLengths: [Int], targetLengths: [Int], sourceAnchors: [Set<String>] = [],
        targetAnchors: [Set<String>] = []
    ) -> [Link] {
        let n = sourceLengths.count
        let m = targetLengths.count
        // Prior probabilities of each link shape, as costs (-log p).
        let shapes: [(Int, Int, Double)] = [
            (1, 1, 0.89), (1, 0, 0.0099 / 2), (0, 1, 0.0099 / 2), (2, 1, 0.089 / 2), (1, 2, 0.089 / 2),
        ]
        var cost = [[Double]](repeating: [Double](repeating: .infinity, count: m + 1), count: n + 1)
        var back = [[(Int, Int)]](repeating: [(Int, Int)](repeating: (0, 0), count: m + 1), count: n + 1)
        cost[0][0] = 0
        for i in 0...n {
            for j in 0...m where cost[i][j] < .infinity {
                for (di, dj, prior) in shapes where i + di <= n && j + dj <= m {
                    let source = sourceLengths[i..<i + di].reduce(0, +)
                    let target = targetLengths[j..<j + dj].reduce(0, +)
                    var linkCost = -log(prior) + lengthCost(source, target)
                    if di > 0 && dj > 0 && !sourceAnchors.isEmpty && !targetAnchors.isEmpty {
                        let left = sourceAnchors[i..<i + di].reduce(into: Set<String>()) { $0.formUnion($1) }
                        let right = targetAnchors[j..<j + dj].reduce(into: Set<String>()) { $0.formUnion($1) }
                        linkCost -= anchorBonus * Double(left.intersection(right).count)
                    }
                    if cost[i][j] + linkCost < cost[i + di][j + dj] {
                        cost[i + di][j + dj] = cost[i][j] + linkCost
                        back[i + di][j + dj] = (di, dj)
                    }
                }
            }
        }
        var links: [Link] = []
        var i = n
        var j = m
        while i > 0 || j > 0 {
            let (di, dj) = back[i][j]
            links.append(Link(source: (i - di)..<i, target: (j - dj)..<j, cost: cost[i][j] - cost[i - di][j - dj]))
            i -= di
            j -= dj
        }
        return links.reversed()
    }

    /// -log of the probability that the lengths match (two-sided normal tail).
    func lengthCost(_ source: Int, _ target: Int) -> Double {
        // Insertions and deletions cost their prior only, as in Gale & Church.
        if source == 0 || target == 0 { return 0 }
        let mean = (Double(source) + Double(target) / ratio) / 2
        let z = abs(Double(target) - Double(source) * ratio) / sqrt(max(mean, 1) * variance)
        let probability = max(2 * (1 - normalCDF(z)), 1e-12)
        return -log(probability)
    }

    private func normalCDF(_ z: Double) -> Double { 0.5 * (1 + erf(z / sqrt(2))) }
}

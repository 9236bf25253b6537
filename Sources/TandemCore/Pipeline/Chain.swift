import Dispatch

/// Two stages run one after the other by the same worker: `Chain(a, b)` is a stage from
/// `A.Input` to `B.Output`, and only compiles when `A.Output` is `B.Input`. A fused pipeline
/// chains every stage into one, so a document never waits in a queue between stages.
public struct Chain<A: Stage, B: Stage>: Stage where A.Output == B.Input {
    public typealias Input = A.Input
    public typealias Output = B.Output
    public static var name: String { "\(A.name)+\(B.name)" }

    var first: A
    var second: B

    public init(_ first: A, _ second: B) {
        self.first = first
        self.second = second
    }

    public mutating func process(_ input: A.Input) throws(StageFailure) -> B.Output {
        let middle: A.Output
        do throws(StageFailure) {
            middle = try first.process(input)
        } catch {
            throw Self.named(error, A.name)
        }
        do throws(StageFailure) {
            return try second.process(middle)
        } catch {
            throw Self.named(error, B.name)
        }
    }

    public static func byteCount(of output: B.Output) -> Int? { B.byteCount(of: output) }

    /// A failure keeps the name of the stage that raised it.
    private static func named(_ failure: StageFailure, _ stage: String) -> StageFailure {
        var named = failure
        if named.stage.isEmpty { named.stage = stage }
        return named
    }
}

/// A stage that adds the time it spends to a shared `StageTiming` under its own name, so a
/// fused chain still reports each stage's share. It times about one document in
/// `samplingPeriod`, drawn at random (a fixed stride would alias with a corpus that repeats,
/// as the benchmark's does), and counts it that many times: two clock reads and a lock per
/// stage and document weighed on short documents, and shares need no more.
public struct Timed<S: Stage>: Stage {
    public typealias Input = S.Input
    public typealias Output = S.Output
    public static var name: String { S.name }

    var stage: S
    let timing: StageTiming
    /// This stage's slot in `timing`, found once.
    let slot: Int
    /// The state of a xorshift generator that picks the documents to time.
    private var draw: UInt64
    static var samplingPeriod: Int { 8 }

    public init(_ stage: S, _ timing: StageTiming) {
        self.stage = stage
        self.timing = timing
        slot = timing.slot(for: S.name)
        draw = 0x9E37_79B9_7F4A_7C15 &+ UInt64(slot) &* 0xBF58_476D_1CE4_E5B9
    }

    public mutating func process(_ input: S.Input) throws(StageFailure) -> S.Output {
        draw ^= draw << 13
        draw ^= draw >> 7
        draw ^= draw << 17
        guard draw % UInt64(Self.samplingPeriod) == 0 else { return try stage.process(input) }
        let started = DispatchTime.now().uptimeNanoseconds
        defer {
            let elapsed = DispatchTime.now().uptimeNanoseconds - started
            timing.add(slot: slot, nanoseconds: elapsed * UInt64(Self.samplingPeriod))
        }
        return try stage.process(input)
    }

    public static func byteCount(of output: S.Output) -> Int? { S.byteCount(of: output) }
}

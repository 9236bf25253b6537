import Dispatch
import Foundation

/// Runs one stage on `workers` Dispatch queues between two bounded queues.
///
/// Each worker owns its own stage instance (ICU handles are not thread-safe). Workers pop
/// batches, process every live slot, and push the result; when the input closes and the
/// last worker finishes, the output closes too. Batches may leave out of order when there
/// are several workers: the sink restores the order.
final class StagePool<S: Stage>: @unchecked Sendable {
    let name: String
    let workers: Int
    private let makeStage: @Sendable () throws(StageFailure) -> S
    /// Where batch times go; nil when the stage times itself (a fused chain of `Timed` stages).
    private let timing: StageTiming?

    init(workers: Int, timing: StageTiming?, makeStage: @escaping @Sendable () throws(StageFailure) -> S) {
        self.name = S.name
        self.workers = max(1, workers)
        self.makeStage = makeStage
        self.timing = timing
    }

    /// Starts the workers; returns at once.
    func start(
        input: BoundedQueue<Batch<S.Input>>,
        output: BoundedQueue<Batch<S.Output>>,
        group: DispatchGroup
    ) {
        let remaining = Counter(workers)
        for index in 0..<workers {
            let queue = DispatchQueue(label: "tandem.\(name).\(index)")
            group.enter()
            queue.async {
                self.work(input: input, output: output)
                if remaining.decrement() == 0 { output.close() }
                group.leave()
            }
        }
    }

    private func work(input: BoundedQueue<Batch<S.Input>>, output: BoundedQueue<Batch<S.Output>>) {
        var stage: S?
        var setupFailure: StageFailure?
        do throws(StageFailure) {
            stage = try makeStage()
        } catch {
            setupFailure = error
        }
        while let batch = input.pop() {
            let started = DispatchTime.now().uptimeNanoseconds
            var slots: [Slot<S.Output>] = []
            slots.reserveCapacity(batch.slots.count)
            for slot in batch.slots {
                let content: Result<S.Output, StageFailure>
                var byteCount = slot.byteCount
                switch slot.content {
                case .failure(let failure):
                    content = .failure(failure)
                case .success(let value):
                    if stage != nil {
                        // Processed in place (`if var` would copy the whole stage, a retain
                        // per table it holds, and copy it back, for every document).
                        do throws(StageFailure) {
                            let output = try stage!.process(value)
                            byteCount = S.byteCount(of: output) ?? byteCount
                            content = .success(output)
                        } catch {
                            var failure = error
                            if failure.stage.isEmpty { failure.stage = name }
                            content = .failure(failure)
                        }
                    } else {
                        var failure = setupFailure ?? StageFailure("stage could not start")
                        failure.stage = name
                        content = .failure(failure)
                    }
                }
                slots.append(
                    Slot(sequence: slot.sequence, doc: slot.doc, byteCount: byteCount, content: content))
            }
            timing?.add(stage: name, nanoseconds: DispatchTime.now().uptimeNanoseconds - started)
            output.push(Batch(sequence: batch.sequence, slots: slots))
        }
    }
}

/// A thread-safe countdown.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int

    init(_ value: Int) { self.value = value }

    func decrement() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value -= 1
        return value
    }
}

/// Busy time per stage, summed over workers; the benchmark reports each stage's share.
public final class StageTiming: @unchecked Sendable {
    private let lock = NSLock()
    private var nanoseconds: [UInt64] = []
    private var order: [String] = []

    public init() {}

    /// The slot that `add(slot:nanoseconds:)` adds a stage's time to (set-up time).
    public func slot(for stage: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let slot = order.firstIndex(of: stage) { return slot }
        order.append(stage)
        nanoseconds.append(0)
        return order.count - 1
    }

    /// Adds time to a stage's slot: a lock and an array store per document, no hashing.
    public func add(slot: Int, nanoseconds value: UInt64) {
        lock.lock()
        nanoseconds[slot] += value
        lock.unlock()
    }

    /// Adds time by stage name (once per batch in staged pools).
    public func add(stage: String, nanoseconds value: UInt64) {
        add(slot: slot(for: stage), nanoseconds: value)
    }

    /// Stage names in pipeline order with their summed busy seconds.
    public var seconds: [(stage: String, seconds: Double)] {
        lock.lock()
        defer { lock.unlock() }
        return zip(order, nanoseconds).map { ($0, Double($1) / 1e9) }
    }
}

import Dispatch
import Foundation

/// The document pipeline: staged workers on Dispatch queues with bounded queues between
/// stages, restoring input order at the end.
///
/// ```
///  source ─► read ─► decode ─► markup ─► normalize ─► segment ─► extract ─► emit ─► sink
///  (thread)   └──────── each stage: N workers, bounded queue of batches ───────┘  (caller,
///                                                                                 reorders)
/// ```
/// The source batches documents and numbers the batches; each stage pool processes whole
/// batches; the sink, on the calling thread, writes batches back in sequence. A document
/// that fails in any stage travels on as a failed slot and is written as an error record
/// in its place. Memory is bounded by `queueDepth` batches per queue.
public final class Pipeline: @unchecked Sendable {
    public let config: PipelineConfig
    let languageResources: LanguageResources
    let extractors: [any Extractor]
    /// Busy time per stage for the last run.
    public private(set) var timing = StageTiming()

    /// Builds a pipeline from a validated config and the resources it names.
    public init(config: PipelineConfig, languageResources: LanguageResources, extractors: [any Extractor]) {
        self.config = config
        self.languageResources = languageResources
        self.extractors = extractors
    }

    /// Runs every document `source` yields through the stages and hands each record, in
    /// input order, to `sink`. A batch holds at most `batchSize` documents, and only those
    /// that have arrived: a stream's lines are answered as they come, in batches when they
    /// come faster than they are processed.
    @discardableResult
    public func run(
        source: some DocumentSource & Sendable,
        sink: some RecordSink,
        batchSize: Int? = nil,
        keepDocuments: Bool = false,
        progress: ((RunSummary) -> Void)? = nil
    ) -> RunSummary {
        let timing = StageTiming()
        self.timing = timing
        let depth = config.queueDepth
        let group = DispatchGroup()
        let maxBytes = config.maxDocumentBytes
        let resources = languageResources
        let extractors = self.extractors

        let sourceQueue = BoundedQueue<Batch<SourceDocument>>(capacity: depth)
        let records = BoundedQueue<Batch<EncodedRecord>>(capacity: depth)
        if config.fused {
            // One pool: each worker runs every stage on its batch, no queues in between.
            // Each stage times itself (Timed), so the report still has every stage's share.
            StagePool(workers: config.workers("extract"), timing: nil) { () throws(StageFailure) in
                Chain(
                    Chain(
                        Chain(
                            Chain(Timed(ReadStage(maxBytes: maxBytes), timing), Timed(DecodeStage(), timing)),
                            Chain(Timed(MarkupStage(), timing), Timed(try NormalizeStage(), timing))),
                        Chain(
                            Timed(try SegmentStage(resources: resources), timing),
                            Timed(ExtractStage(extractors: extractors), timing))),
                    Timed(EmitStage(keepDocuments: keepDocuments), timing))
            }
            .start(input: sourceQueue, output: records, group: group)
        } else {
            let read = BoundedQueue<Batch<RawDocument>>(capacity: depth)
            let decoded = BoundedQueue<Batch<DecodedDocument>>(capacity: depth)
            let texts = BoundedQueue<Batch<TextDocument>>(capacity: depth)
            let normalized = BoundedQueue<Batch<NormalizedDocument>>(capacity: depth)
            let segmented = BoundedQueue<Batch<SegmentedDocument>>(capacity: depth)
            let analyzed = BoundedQueue<Batch<AnalyzedDocument>>(capacity: depth)
            StagePool(workers: config.workers("read"), timing: timing) { ReadStage(maxBytes: maxBytes) }
                .start(input: sourceQueue, output: read, group: group)
            StagePool(workers: config.workers("decode"), timing: timing) { DecodeStage() }
                .start(input: read, output: decoded, group: group)
            StagePool(workers: config.workers("markup"), timing: timing) { MarkupStage() }
                .start(input: decoded, output: texts, group: group)
            StagePool(workers: config.workers("normalize"), timing: timing) { () throws(StageFailure) in
                try NormalizeStage()
            }
            .start(input: texts, output: normalized, group: group)
            StagePool(workers: config.workers("segment"), timing: timing) { () throws(StageFailure) in
                try SegmentStage(resources: resources)
            }
            .start(input: normalized, output: segmented, group: group)
            StagePool(workers: config.workers("extract"), timing: timing) { ExtractStage(extractors: extractors) }
                .start(input: segmented, output: analyzed, group: group)
            StagePool(workers: config.workers("emit"), timing: timing) { EmitStage(keepDocuments: keepDocuments) }
                .start(input: analyzed, output: records, group: group)
        }

        let perBatch = max(1, batchSize ?? config.batchDocuments)
        let feeder = SourceFeeder(source: source, queue: sourceQueue, batchSize: perBatch)
        let feederDone = DispatchSemaphore(value: 0)
        DispatchQueue(label: "tandem.source").async {
            feeder.feed()
            feederDone.signal()
        }

        var summary = RunSummary()
        let encoder = RecordEncoder()
        let started = DispatchTime.now().uptimeNanoseconds
        var pending: [Int: Batch<EncodedRecord>] = [:]
        var nextBatch = 0
        while let batch = records.pop() {
            pending[batch.sequence] = batch
            while let ready = pending.removeValue(forKey: nextBatch) {
                for slot in ready.slots {
                    summary.documents += 1
                    summary.bytes += slot.byteCount
                    switch slot.content {
                    case .success(let record):
                        sink.write(record.bytes, document: record.document)
                    case .failure(let failure):
                        summary.errors += 1
                        sink.writeError(
                            encoder.errorRecord(doc: slot.doc, failure: failure), doc: slot.doc, failure: failure)
                    }
                }
                sink.endOfBatch()
                nextBatch += 1
                summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                progress?(summary)
            }
        }
        feederDone.wait()
        group.wait()
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        summary.total = summary.documents
        return summary
    }
}

/// Figures of a run: what the summary line and the benchmark report.
public struct RunSummary: Sendable {
    public var documents = 0
    public var errors = 0
    /// Input bytes (as read, before decoding).
    public var bytes = 0
    public var seconds = 0.0
    /// Documents expected, when the source knows (for progress); 0 when unknown.
    public var total = 0

    public init() {}

    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0 }
    public var documentsPerSecond: Double { seconds > 0 ? Double(documents) / seconds : 0 }
}

/// Reads documents from a source into numbered batches on its own thread.
final class SourceFeeder<Source: DocumentSource & Sendable>: @unchecked Sendable {
    private var source: Source
    private let queue: BoundedQueue<Batch<SourceDocument>>
    private let batchSize: Int

    init(source: Source, queue: BoundedQueue<Batch<SourceDocument>>, batchSize: Int) {
        self.source = source
        self.queue = queue
        self.batchSize = batchSize
    }

    func feed() {
        var sequence = 0
        var documentIndex = 0
        var slots: [Slot<SourceDocument>] = []
        while let document = source.next() {
            slots.append(
                Slot(
                    sequence: documentIndex, doc: document.doc, byteCount: document.knownByteCount,
                    content: .success(document)))
            documentIndex += 1
            // A batch goes when full, or when the next document has not arrived yet (a
            // stream's lone line is not held back waiting for company).
            if slots.count >= batchSize || !source.hasReadyInput {
                queue.push(Batch(sequence: sequence, slots: slots))
                sequence += 1
                slots = []
            }
        }
        if !slots.isEmpty { queue.push(Batch(sequence: sequence, slots: slots)) }
        queue.close()
    }
}

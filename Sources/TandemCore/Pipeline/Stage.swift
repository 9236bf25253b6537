/// One step of the pipeline: a small type with one job and typed input and output.
///
/// A stage instance belongs to one worker and is never shared between threads, so it may
/// hold ICU handles and scratch buffers. Stages compose only when one's `Output` is the
/// next one's `Input`, so a pipeline in the wrong order does not compile.
public protocol Stage: SendableMetatype {
    associatedtype Input: Sendable
    associatedtype Output: Sendable

    /// The name used in pipeline.json, error records and timing reports.
    static var name: String { get }

    /// Transforms one document. Throwing turns the document into an error record.
    mutating func process(_ input: Input) throws(StageFailure) -> Output

    /// The input size a stage learns (the read stage), for throughput figures.
    static func byteCount(of output: Output) -> Int?
}

extension Stage {
    public static func byteCount(of output: Output) -> Int? { nil }
}

/// Why a stage could not process a document; becomes an error record in its slot.
public struct StageFailure: Error, Sendable, Equatable {
    /// The stage that failed (`read`, `decode`, …), filled in by the pipeline.
    public var stage: String
    /// A message for a person: what is wrong with the input, in one sentence.
    public var message: String

    public init(stage: String = "", _ message: String) {
        self.stage = stage
        self.message = message
    }
}

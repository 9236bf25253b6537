/// The per-document envelope that travels between stages: the document's place in the
/// input order, its identity, and either the stage output so far or the failure that
/// stopped it. A failed slot passes through later stages untouched, so the emitter still
/// writes an error record in the document's place.
public struct Slot<Value: Sendable>: Sendable {
    /// Position in the input; the emitter restores this order.
    public var sequence: Int
    /// What the document is called in records (`doc`).
    public var doc: String
    /// Input size in bytes, for throughput figures.
    public var byteCount: Int
    public var content: Result<Value, StageFailure>

    public init(sequence: Int, doc: String, byteCount: Int, content: Result<Value, StageFailure>) {
        self.sequence = sequence
        self.doc = doc
        self.byteCount = byteCount
        self.content = content
    }
}

/// A run of consecutive slots moved between stages as one unit, so that queue hand-offs
/// cost per batch rather than per document. `sequence` orders batches; slots inside a
/// batch are already in order.
public struct Batch<Value: Sendable>: Sendable {
    public var sequence: Int
    public var slots: [Slot<Value>]

    public init(sequence: Int, slots: [Slot<Value>]) {
        self.sequence = sequence
        self.slots = slots
    }
}

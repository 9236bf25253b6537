/// Where documents come from: files, stdin, a stream of JSON lines, or memory.
public protocol DocumentSource {
    /// The next document, or nil at the end of the input.
    mutating func next() -> SourceDocument?
    /// Whether `next()` can answer without waiting for input that has not arrived (a
    /// stream's batches hold only what has arrived, so a lone line is answered alone).
    var hasReadyInput: Bool { get }
}

extension DocumentSource {
    /// Files and memory never wait for input.
    public var hasReadyInput: Bool { true }
}

/// Documents already in memory (tests, benchmarks).
public struct MemorySource: DocumentSource, Sendable {
    private var documents: [SourceDocument]
    private var index = 0

    public init(_ documents: [SourceDocument]) { self.documents = documents }

    public mutating func next() -> SourceDocument? {
        guard index < documents.count else { return nil }
        defer { index += 1 }
        return documents[index]
    }
}

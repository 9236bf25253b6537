/// extract: runs every configured extractor and keeps the non-overlapping best mentions.
public struct ExtractStage: Stage {
    public typealias Input = SegmentedDocument
    public typealias Output = AnalyzedDocument
    public static let name = "extract"

    let extractors: [any Extractor]

    public init(extractors: [any Extractor]) { self.extractors = extractors }

    public mutating func process(_ input: SegmentedDocument) throws(StageFailure) -> AnalyzedDocument {
        guard !extractors.isEmpty else { return AnalyzedDocument(segmented: input, mentions: []) }
        let context = ExtractionContext(document: input)
        // One array per extractor: the resolver reads them in order without concatenating.
        let groups = extractors.map { $0.candidates(in: context) }
        return AnalyzedDocument(segmented: input, mentions: OverlapResolver.resolve(groups: consume groups))
    }
}

/// emit: serializes the document record, in parallel; the sink writes records in order.
public struct EmitStage: Stage {
    public typealias Input = AnalyzedDocument
    public typealias Output = EncodedRecord
    public static let name = "emit"

    let encoder = RecordEncoder()
    /// This worker's quoted kinds, types, rule names and ids.
    let quotedStrings = QuotedStringCache()
    /// Keep the analyzed document next to its bytes (for callers that use it in memory).
    let keepDocuments: Bool

    public init(keepDocuments: Bool = false) { self.keepDocuments = keepDocuments }

    public static func byteCount(of output: EncodedRecord) -> Int? { output.inputBytes }

    public mutating func process(_ input: AnalyzedDocument) throws(StageFailure) -> EncodedRecord {
        EncodedRecord(
            inputBytes: input.segmented.normalized.source.inputBytes,
            bytes: encoder.documentRecord(
                doc: input.segmented.normalized.source.doc, document: input, cache: quotedStrings),
            document: keepDocuments ? input : nil)
    }
}

/// A serialized document record, and the document itself when the caller asked for it.
public struct EncodedRecord: Sendable {
    /// Input size in bytes of the document the record describes.
    public var inputBytes: Int
    public var bytes: [UInt8]
    public var document: AnalyzedDocument?
}

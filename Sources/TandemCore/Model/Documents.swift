/// The kinds of input Tandem reads.
public enum InputFormat: String, Sendable, CaseIterable {
    case text
    case html
    case xml

    /// The format implied by a file name's extension, or nil for files Tandem skips.
    public static func forPath(_ path: String) -> InputFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".txt") || lower.hasSuffix(".text") { return .text }
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") { return .html }
        if lower.hasSuffix(".xml") { return .xml }
        return nil
    }
}

/// What the user or the input record says about a document before it is read.
public struct DocumentHints: Sendable {
    /// The document's name in records (`doc`).
    public var doc: String = ""
    public var format: InputFormat
    /// `--lang` or a stream record's `lang`: overrides language identification.
    public var language: String?
    /// `--dct` or a stream record's `dct`: the reference date for relative dates.
    public var dct: String?

    public init(format: InputFormat = .text, language: String? = nil, dct: String? = nil) {
        self.format = format
        self.language = language
        self.dct = dct
    }
}

/// One document as the source hands it to the pipeline.
public struct SourceDocument: Sendable {
    /// Where the bytes are: a file to read, or bytes already in memory.
    public enum Payload: Sendable {
        case file(path: String)
        case bytes([UInt8])
        /// The input could not even be turned into a document (a stream line that is not
        /// JSON, a file that cannot be listed): becomes an error record from `stage`.
        case invalid(stage: String, message: String)
    }

    /// The document's name in records (`doc`): a path, `path:line` or a stream id.
    public var doc: String
    public var payload: Payload
    public var hints: DocumentHints

    public init(doc: String, payload: Payload, hints: DocumentHints) {
        self.doc = doc
        self.payload = payload
        self.hints = hints
        self.hints.doc = doc
    }

    /// Input size in bytes when known before reading (for throughput figures).
    public var knownByteCount: Int {
        if case .bytes(let bytes) = payload { return bytes.count }
        return 0
    }
}

/// The bytes of a document, read but not decoded.
public struct RawDocument: Sendable {
    public var bytes: [UInt8]
    public var hints: DocumentHints
}

/// A document decoded to Unicode; `text` is the text all offsets refer to.
public struct DecodedDocument: Sendable {
    /// Input size in bytes, as read.
    public var inputBytes: Int
    public var text: String
    /// The charset the bytes were decoded from (`UTF-8`, `UTF-16LE`, `windows-1258`, …).
    public var encoding: String
    public var hints: DocumentHints
    public var warnings: [String]
}

/// A document reduced to its text: plain text as is, markup to its visible text.
public struct TextDocument: Sendable {
    /// The document's name in records.
    public var doc: String
    /// Input size in bytes, as read.
    public var inputBytes: Int
    /// The text mentions refer to (for markup, the extracted text, included in the record).
    public var text: String
    public var encoding: String
    public var format: InputFormat
    /// The reference date: the user's, the record's or the page's publication date.
    public var dct: String?
    /// The language the input declares (`<html lang>`), a hint only.
    public var declaredLanguage: String?
    /// The user's language choice, which overrides identification.
    public var forcedLanguage: String?
    public var warnings: [String]
}

/// A text with its matching form: normalized UTF-8 plus, for every normalized byte, the
/// range of original scalars it came from.
public struct NormalizedDocument: Sendable {
    public var source: TextDocument
    /// NFC, folded quotes/dashes/spaces, canonical Vietnamese tone placement.
    public var normalized: [UInt8]
    /// Where each normalized byte came from in the original text.
    public var origins: OriginMap
}

/// For each normalized byte, the half-open range of original scalars it was produced from.
/// ASCII text is its own normalized form, byte `i` from scalar `i`: its map is that rule,
/// with no table (most English documents, which then skip eight bytes of map per byte).
public struct OriginMap: Sendable {
    /// Per normalized byte (and one past the end): the first and the end scalar index.
    /// Both empty for the identity.
    private let starts: [Int32]
    private let ends: [Int32]
    /// The original text's scalar count.
    public let scalarCount: Int

    /// The map of a text that normalization left as it was, byte for scalar.
    public static func identity(count: Int) -> OriginMap {
        OriginMap(starts: [], ends: [], scalarCount: count)
    }

    /// A map from per-byte tables of `byteCount + 1` entries; the last start is the
    /// original's scalar count.
    public init(starts: [Int32], ends: [Int32]) {
        self.init(starts: starts, ends: ends, scalarCount: Int(starts.last ?? 0))
    }

    private init(starts: [Int32], ends: [Int32], scalarCount: Int) {
        self.starts = starts
        self.ends = ends
        self.scalarCount = scalarCount
    }

    /// The first original scalar of normalized byte `byte` (`byte` may be one past the end).
    @inline(__always)
    public func start(ofByte byte: Int) -> Int { starts.isEmpty ? byte : Int(starts[byte]) }

    /// The end original scalar of normalized byte `byte`.
    @inline(__always)
    public func end(ofByte byte: Int) -> Int { ends.isEmpty ? byte + 1 : Int(ends[byte]) }
}

/// A byte range in the normalized text, end exclusive.
public struct ByteSpan: Sendable, Hashable {
    public var start: Int32
    public var end: Int32

    public init(_ start: Int32, _ end: Int32) {
        self.start = start
        self.end = end
    }
}

/// A normalized document cut into sentences and tokens, with its language.
public struct SegmentedDocument: Sendable {
    public var normalized: NormalizedDocument
    public var sentences: [ByteSpan]
    public var tokens: [Token]
    /// Each token's id in `vocabulary` (`Vocabulary.unknown` for digits and unknown words).
    public var tokenIDs: [Int32]
    /// The pipeline's vocabulary (`LanguageResources.vocabulary`) the ids refer to.
    public var vocabulary: Vocabulary
    /// `vi`, `en` or `other`.
    public var language: String
    /// How sure identification is, 0…1 (1 when the user chose the language).
    public var languageConfidence: Double
}

/// A document with everything the extractors found.
public struct AnalyzedDocument: Sendable {
    public var segmented: SegmentedDocument
    public var mentions: [Mention]
}

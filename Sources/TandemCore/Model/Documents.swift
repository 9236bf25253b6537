import Foundation

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

/// A document decoded to Unicode; `utf8` is the text all offsets refer to.
public struct DecodedDocument: Sendable {
    /// Input size in bytes, as read.
    public var inputBytes: Int
    /// The text as well-formed UTF-8 (checked once, never copied into a String on the way).
    public var utf8: [UInt8]
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
    /// The text mentions refer to (for markup, the extracted text, included in the record),
    /// as well-formed UTF-8.
    public var utf8: [UInt8]
    public var encoding: String
    public var format: InputFormat
    /// The reference date: the user's, the record's or the page's publication date.
    public var dct: String?
    /// The language the input declares (`<html lang>`), a hint only.
    public var declaredLanguage: String?
    /// The user's language choice, which overrides identification.
    public var forcedLanguage: String?
    public var warnings: [String]

    /// The text as a String.
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    /// A document of well-formed UTF-8 `utf8`.
    public init(
        doc: String, inputBytes: Int, utf8: [UInt8], encoding: String, format: InputFormat, dct: String? = nil,
        declaredLanguage: String? = nil, forcedLanguage: String? = nil, warnings: [String] = []
    ) {
        self.doc = doc
        self.inputBytes = inputBytes
        self.utf8 = utf8
        self.encoding = encoding
        self.format = format
        self.dct = dct
        self.declaredLanguage = declaredLanguage
        self.forcedLanguage = forcedLanguage
        self.warnings = warnings
    }

    /// A document of `text`.
    public init(
        doc: String, inputBytes: Int, text: String, encoding: String, format: InputFormat, dct: String? = nil,
        declaredLanguage: String? = nil, forcedLanguage: String? = nil, warnings: [String] = []
    ) {
        self.init(
            doc: doc, inputBytes: inputBytes, utf8: Array(text.utf8), encoding: encoding, format: format, dct: dct,
            declaredLanguage: declaredLanguage, forcedLanguage: forcedLanguage, warnings: warnings)
    }
}

/// A text with its matching form: normalized UTF-8 plus, for every normalized byte, the
/// range of the original text (bytes and scalars) it came from.
public struct NormalizedDocument: Sendable {
    public var source: TextDocument
    /// NFC, folded quotes/dashes/spaces, canonical Vietnamese tone placement.
    public var normalized: [UInt8]
    /// Where each normalized byte came from in the original text.
    public var origins: OriginMap
}

/// For each normalized byte, the half-open range of the original text it was produced from,
/// in bytes and in scalars. Most texts need little of it: ASCII is its own normalized form,
/// byte for scalar; text normalization left as it was (Vietnamese already in NFC, with no
/// typographic quote or space to fold) is byte for byte. Otherwise a table gives each
/// normalized byte's original bytes. Scalars are counted from a prefix count per 8-byte
/// word of the original. (Unchecked Sendable: immutable; its pointers read the table it
/// holds.)
public struct OriginMap: @unchecked Sendable {
    private enum Kind: Sendable {
        /// ASCII: byte `i` is original byte `i` and scalar `i`.
        case identity
        /// Byte `i` is original byte `i`.
        case unchanged
        /// Byte `i` came from original bytes `starts[i]..<ends[i]`.
        case table
    }

    private let kind: Kind
    /// Unless `.identity`: the original UTF-8, and the scalars before each of its 8-byte
    /// words (and one past the last).
    private let original: [UInt8]
    private let wordScalars: [Int32]
    /// `.table`: the tables (read through `starts` and `ends`, which it keeps alive).
    private let table: OriginTable?
    private let starts: UnsafePointer<Int32>?
    private let ends: UnsafePointer<Int32>?
    /// The original text's scalar count.
    public let scalarCount: Int

    /// The map of an ASCII text, byte for scalar.
    public static func identity(count: Int) -> OriginMap {
        OriginMap(kind: .identity, original: [], table: nil, identityCount: count)
    }

    /// The map of a text whose normalized UTF-8 is its `original` UTF-8.
    public static func unchanged(_ original: [UInt8]) -> OriginMap {
        OriginMap(kind: .unchanged, original: original, table: nil)
    }

    /// The map whose tables `table` holds, for the UTF-8 `original`.
    init(original: [UInt8], table: OriginTable) {
        self.init(kind: .table, original: original, table: table)
    }

    private init(kind: Kind, original: [UInt8], table: OriginTable?, identityCount: Int = 0) {
        self.kind = kind
        self.original = original
        self.table = table
        starts = table.map { UnsafePointer($0.base) }
        ends = table.map { UnsafePointer($0.base + $0.capacity) }
        guard kind != .identity else {
            wordScalars = []
            scalarCount = identityCount
            return
        }
        // One pass, a word at a time: the lead bytes are those not 10xxxxxx.
        let wordCount = original.count / 8 + 1
        var total = 0
        wordScalars = [Int32](count: wordCount, filler: 0) { counts in
            original.withUnsafeBytes { raw in
                let counts = counts.baseAddress!
                if let base = raw.baseAddress {
                    var word = 0
                    while word < wordCount - 1 {
                        counts[word] = Int32(truncatingIfNeeded: total)
                        let bits = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: word &* 8, as: UInt64.self))
                        total &+= Self.leadByteCount(bits)
                        word &+= 1
                    }
                }
                counts[wordCount - 1] = Int32(truncatingIfNeeded: total)
                for offset in (wordCount - 1) * 8..<raw.count where raw[offset] & 0xC0 != 0x80 { total += 1 }
            }
        }
        scalarCount = total
    }

    /// The original bytes normalized bytes `span` came from.
    @inline(__always)
    public func originalBytes(_ span: ByteSpan) -> Range<Int> {
        guard kind == .table else { return Int(span.start)..<max(Int(span.start), Int(span.end)) }
        let start = Int(starts.unsafelyUnwrapped[Int(span.start)])
        return span.end > span.start ? start..<Int(ends.unsafelyUnwrapped[Int(span.end) - 1]) : start..<start
    }

    /// The first original scalar of normalized byte `byte` (`byte` may be one past the end).
    @inline(__always)
    public func start(ofByte byte: Int) -> Int {
        switch kind {
        case .identity: byte
        case .unchanged: scalarsBefore(byte)
        case .table: scalarsBefore(Int(starts.unsafelyUnwrapped[byte]))
        }
    }

    /// The end original scalar of normalized byte `byte`.
    @inline(__always)
    public func end(ofByte byte: Int) -> Int {
        switch kind {
        case .identity: byte + 1
        case .unchanged: scalarsBefore(byte + 1)
        case .table: scalarsBefore(Int(ends.unsafelyUnwrapped[byte]))
        }
    }

    /// The original scalar that starts at original byte `byte`: the lead bytes before it.
    @inline(__always)
    public func scalar(ofOriginalByte byte: Int) -> Int {
        kind == .identity ? byte : scalarsBefore(byte)
    }

    /// The lead bytes (those not 10xxxxxx) among the first `first` bytes of `word` (little-
    /// endian: the first byte lowest): a 1 per lead byte in each byte, summed by one multiply
    /// (a `nonzeroBitCount` is a dozen instructions without the POPCNT of x86-64-v2).
    @inline(__always)
    static func leadByteCount(_ word: UInt64, first: Int = 8) -> Int {
        let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
        var ones = (~continuation & 0x8080_8080_8080_8080) >> 7
        if first < 8 { ones &= (1 << UInt64(first * 8)) &- 1 }
        return Int(truncatingIfNeeded: (ones &* 0x0101_0101_0101_0101) >> 56)
    }

    /// The lead bytes (scalars begun) in `original[0..<byte]`: the count before its word,
    /// plus the lead bytes of the word's first `byte % 8` bytes.
    @inline(__always)
    private func scalarsBefore(_ byte: Int) -> Int {
        let word = byte >> 3
        let within = byte & 7
        return original.withUnsafeBytes { raw in
            var count = Int(wordScalars.withUnsafeBufferPointer { $0[word] })
            guard within > 0 else { return count }
            if word * 8 + 8 <= raw.count {
                let bits = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self))
                count += Self.leadByteCount(bits, first: within)
            } else {
                for offset in word * 8..<byte where raw[offset] & 0xC0 != 0x80 { count += 1 }
            }
            return count
        }
    }
}

/// An origin map's two tables in one `malloc` block, taken from the normalizer without a
/// copy: the starts from index 0, the ends from index `capacity`. Immutable once made.
final class OriginTable: @unchecked Sendable {
    let base: UnsafeMutablePointer<Int32>
    let capacity: Int

    /// Adopts a block from `tandem_normalizer_take_origins`.
    init(adopting base: UnsafeMutablePointer<Int32>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    deinit { free(base) }
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

/// decode: bytes to text (UTF-8, UTF-16 with BOM, legacy charsets via ICU).
public struct DecodeStage: Stage {
    public typealias Input = RawDocument
    public typealias Output = DecodedDocument
    public static let name = "decode"

    let decoder = CharsetDecoder()

    public init() {}

    public mutating func process(_ input: RawDocument) throws(StageFailure) -> DecodedDocument {
        let decoded = try decoder.decode(input.bytes)
        return DecodedDocument(
            inputBytes: input.bytes.count, utf8: decoded.utf8, encoding: decoded.encoding, hints: input.hints,
            warnings: decoded.warnings)
    }
}

/// markup ("extract text"): HTML and XML to visible text with libxml2, plus the page's
/// language and publication date; plain text passes through.
public struct MarkupStage: Stage {
    public typealias Input = DecodedDocument
    public typealias Output = TextDocument
    public static let name = "markup"

    let extractor = MarkupExtractor()

    public init() {}

    public mutating func process(_ input: DecodedDocument) throws(StageFailure) -> TextDocument {
        var document = TextDocument(
            doc: input.hints.doc, inputBytes: input.inputBytes, utf8: input.utf8, encoding: input.encoding,
            format: input.hints.format,
            dct: input.hints.dct,
            declaredLanguage: nil, forcedLanguage: input.hints.language, warnings: input.warnings)
        guard input.hints.format != .text else { return document }
        let extracted = try extractor.extract(input.utf8, format: input.hints.format)
        document.utf8 = extracted.utf8
        document.declaredLanguage = extracted.language
        if document.dct == nil { document.dct = extracted.publishedTime }
        document.warnings += extracted.warnings
        if extracted.utf8.isEmpty { document.warnings.append("the markup holds no visible text") }
        return document
    }
}

/// normalize: ICU NFC and folding, keeping the map back to the original text.
public struct NormalizeStage: Stage {
    public typealias Input = TextDocument
    public typealias Output = NormalizedDocument
    public static let name = "normalize"

    let normalizer: TextNormalizer

    public init() throws(StageFailure) { normalizer = try TextNormalizer() }

    public mutating func process(_ input: TextDocument) throws(StageFailure) -> NormalizedDocument {
        try normalizer.normalize(input)
    }
}

/// Encodes document and error records as JSON Lines, exactly as DESIGN.md's output
/// contract specifies, mapping normalized-text offsets back to original scalars.
public struct RecordEncoder: Sendable {
    public init() {}

    /// `{"kind":"error","doc":…,"stage":…,"message":…}`
    public func errorRecord(doc: String, failure: StageFailure) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.field("kind", "error")
        json.field("doc", doc)
        json.field("stage", failure.stage)
        json.field("message", failure.message)
        json.endObject()
        json.endLine()
        return json.bytes
    }

    /// The document record: language, dct, sentences and mentions with original offsets.
    /// `cache` keeps the quoted forms of the strings mentions repeat (one per worker).
    public func documentRecord(doc: String, document: AnalyzedDocument, cache: QuotedStringCache) -> [UInt8] {
        // The original text's UTF-8 is borrowed once for the whole record (mention texts are
        // sliced from it with a cursor that only moves forward).
        document.segmented.normalized.source.utf8.withUnsafeBufferPointer { utf8 in
            documentRecord(doc: doc, document: document, original: utf8, cache: cache)
        }
    }

    /// `original`: the original text's UTF-8, which mention texts are sliced from.
    private func documentRecord(
        doc: String, document: AnalyzedDocument, original: UnsafeBufferPointer<UInt8>, cache: QuotedStringCache
    ) -> [UInt8] {
        let segmented = document.segmented
        let normalized = segmented.normalized
        let source = normalized.source
        var json = JSONWriter(reserving: 512 + document.mentions.count * 120)
        json.beginObject()
        json.field("kind", "document")
        json.field("doc", doc)
        json.field("lang", segmented.language)
        json.key("lang_confidence")
        json.double((segmented.languageConfidence * 100).rounded() / 100)
        json.field("dct", source.dct)
        json.field("encoding", source.encoding)
        json.field("format", source.format.rawValue)
        if source.format != .text {
            json.key("text")
            json.string(utf8: original)
        }
        json.key("sentences")
        json.beginArray()
        for sentence in segmented.sentences {
            let (start, end) = normalized.originalRange(sentence)
            json.beginArray()
            json.int(start)
            json.int(end)
            json.endArray()
        }
        json.endArray()
        json.key("mentions")
        json.beginArray()
        // Mentions are read in place: iterating the array would copy each one's strings.
        document.mentions.withUnsafeBufferPointer { mentions in
            for mention in mentions.indices {
                let bytes = normalized.origins.originalBytes(mentions[mention].span)
                json.beginObject()
                json.field("kind", mentions[mention].kind, cache: cache)
                json.field("start", normalized.origins.scalar(ofOriginalByte: bytes.lowerBound))
                json.field("end", normalized.origins.scalar(ofOriginalByte: bytes.upperBound))
                json.key("text")
                json.string(utf8: UnsafeBufferPointer(rebasing: original[bytes]))
                if let type = mentions[mention].type { json.field("type", type, cache: cache) }
                if let id = mentions[mention].id { json.field("id", id, cache: cache) }
                if let value = mentions[mention].value {
                    json.key("value")
                    Self.write(value, to: &json, cache: cache)
                }
                if let valueEnd = mentions[mention].valueEnd {
                    json.key("value_end")
                    Self.write(valueEnd, to: &json, cache: cache)
                }
                if let mod = mentions[mention].mod { json.field("mod", mod, cache: cache) }
                if let unit = mentions[mention].unit { json.field("unit", unit, cache: cache) }
                json.field("rule", mentions[mention].rule, cache: cache)
                json.endObject()
            }
        }
        json.endArray()
        if !source.warnings.isEmpty {
            json.key("warnings")
            json.beginArray()
            for warning in source.warnings { json.string(warning) }
            json.endArray()
        }
        json.endObject()
        json.endLine()
        return json.bytes
    }

    static func write(_ value: MentionValue, to json: inout JSONWriter, cache: QuotedStringCache) {
        switch value {
        case .integer(let number): json.int(Int(number))
        case .decimal(let number): json.double(number)
        case .string(let text): json.string(text, cache: cache)
        case .null: json.null()
        }
    }
}

extension NormalizedDocument {
    /// The original scalar range a normalized byte range came from.
    public func originalRange(_ span: ByteSpan) -> (Int, Int) {
        let start = origins.start(ofByte: Int(span.start))
        let end = span.end > span.start ? origins.end(ofByte: Int(span.end) - 1) : start
        return (start, end)
    }
}

/// Byte offsets of scalar offsets in UTF-8 that is borrowed (for `OriginalText`; records
/// take byte ranges from the origin map): a cursor walks forward, so
/// offsets asked for in increasing order (as records list them) cost one pass over the text.
struct ScalarCursor {
    let utf8: UnsafeBufferPointer<UInt8>
    /// Scalars in the text.
    let count: Int
    private var cursorScalar = 0
    private var cursorByte = 0

    init(utf8: UnsafeBufferPointer<UInt8>, scalarCount: Int) {
        self.utf8 = utf8
        count = scalarCount
    }

    /// A cursor that starts where another over the same text stopped (`position`).
    fileprivate init(utf8: UnsafeBufferPointer<UInt8>, scalarCount: Int, scalar: Int, byte: Int) {
        self.utf8 = utf8
        count = scalarCount
        cursorScalar = scalar
        cursorByte = byte
    }

    /// Where the cursor is: a scalar offset and its byte offset.
    var position: (scalar: Int, byte: Int) { (cursorScalar, cursorByte) }

    /// The UTF-8 byte range of scalars `start..<end`, or nil when out of bounds.
    mutating func byteRange(_ start: Int, _ end: Int) -> Range<Int>? {
        guard start >= 0, end <= count, start <= end else { return nil }
        let from = byteOffset(start)
        return from..<byteOffset(end)
    }

    /// The UTF-8 offset of scalar `target` (moving the cursor).
    private mutating func byteOffset(_ target: Int) -> Int {
        // ASCII text: scalars are bytes.
        if count == utf8.count { return target }
        if target < cursorScalar {
            cursorScalar = 0
            cursorByte = 0
        }
        // Eight bytes at a time while at least eight scalars remain: count the lead bytes
        // (those not 10xxxxxx), then step past the continuation bytes of the last scalar.
        let base = UnsafeRawPointer(utf8.baseAddress!)
        while target - cursorScalar >= 8 && cursorByte + 8 <= utf8.count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: cursorByte, as: UInt64.self))
            cursorScalar += OriginMap.leadByteCount(word)
            cursorByte += 8
            while cursorByte < utf8.count && utf8[cursorByte] & 0xC0 == 0x80 { cursorByte += 1 }
        }
        while cursorScalar < target {
            cursorByte += 1
            while cursorByte < utf8.count && utf8[cursorByte] & 0xC0 == 0x80 { cursorByte += 1 }
            cursorScalar += 1
        }
        return cursorByte
    }
}

/// Slices the original text by scalar offsets, with a `ScalarCursor` kept between calls, so
/// slices asked for in increasing order cost one pass over the text. The text is read in
/// place (no copy).
public struct OriginalText: Sendable {
    private var text: String
    /// Scalars in the text.
    public let count: Int
    /// Where the cursor stopped: scalar and byte.
    private var cursorScalar = 0
    private var cursorByte = 0

    public init(_ text: String) { self.init(text, scalarCount: text.unicodeScalars.count) }

    /// A text whose scalar count is known (a normalized document's map ends with it).
    public init(_ text: String, scalarCount: Int) {
        self.text = text
        count = scalarCount
    }

    /// Calls `body` with the UTF-8 byte range of scalars `start..<end` (nil when out of
    /// bounds) and the text's UTF-8.
    private mutating func withRange<Result>(
        _ start: Int, _ end: Int, _ body: (Range<Int>?, UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        var text = self.text
        return text.withUTF8 { utf8 in
            var cursor = ScalarCursor(utf8: utf8, scalarCount: count, scalar: cursorScalar, byte: cursorByte)
            let range = cursor.byteRange(start, end)
            (cursorScalar, cursorByte) = cursor.position
            return body(range, utf8)
        }
    }

    /// The UTF-8 byte range of scalars `start..<end`, or nil when out of bounds.
    public mutating func utf8Range(_ start: Int, _ end: Int) -> Range<Int>? {
        withRange(start, end) { range, _ in range }
    }

    /// The text of scalars `start..<end`, or "" when the range is out of bounds.
    public mutating func slice(_ start: Int, _ end: Int) -> String {
        withRange(start, end) { range, utf8 in
            range.map { String(decoding: UnsafeBufferPointer(rebasing: utf8[$0]), as: UTF8.self) } ?? ""
        }
    }
}

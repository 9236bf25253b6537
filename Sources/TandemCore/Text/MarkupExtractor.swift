import CTandemShim
import Foundation

/// Visible text and metadata of HTML and XML documents, through libxml2 in the shim.
public struct MarkupExtractor: Sendable {
    /// What the markup yielded.
    public struct Extracted: Sendable {
        /// The visible text as well-formed UTF-8.
        public var utf8: [UInt8]
        public var language: String?
        public var publishedTime: String?
        public var warnings: [String]

        /// The visible text as a String.
        public var text: String { String(decoding: utf8, as: UTF8.self) }
    }

    public init() {}

    /// Call once on the main thread before workers parse markup.
    public static func initialize() { tandem_markup_init() }

    /// Extracts from markup text.
    public func extract(_ text: String, format: InputFormat) throws(StageFailure) -> Extracted {
        try extract(Array(text.utf8), format: format)
    }

    /// Extracts from markup in well-formed UTF-8.
    public func extract(_ utf8: [UInt8], format: InputFormat) throws(StageFailure) -> Extracted {
        var result = tandem_markup()
        utf8.withUnsafeBufferPointer { utf8 in
            tandem_markup_extract(utf8.baseAddress, Int32(utf8.count), format == .xml ? 1 : 0, &result)
        }
        defer { tandem_markup_free(&result) }
        if let error = result.error {
            throw StageFailure(String(cString: error))
        }
        // libxml2 writes UTF-8; checked all the same, and repaired if it were not.
        let body = CharsetDecoder.wellFormed(
            result.text.map { text in
                text.withMemoryRebound(to: UInt8.self, capacity: Int(result.textLength)) {
                    [UInt8](copying: $0, count: Int(result.textLength))
                }
            } ?? [])
        var warnings = result.warnings.map { String(cString: $0).split(separator: "\n").map(String.init) } ?? []
        var published = result.publishedTime.map { String(cString: $0) }
        if let value = published, let date = Self.isoDate(value) {
            published = date
        } else if let value = published {
            warnings.append("publication date '\(value)' is not an ISO 8601 date; ignored")
            published = nil
        }
        return Extracted(
            utf8: body, language: result.language.map { String(cString: $0) }, publishedTime: published,
            warnings: warnings)
    }

    /// The `YYYY-MM-DD` at the start of an ISO 8601 date or date-time, if there is one.
    static func isoDate(_ value: String) -> String? {
        let trimmed = value.trimmingSpaces
        let bytes = Array(trimmed.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        for index in [0, 1, 2, 3, 5, 6, 8, 9] where !(bytes[index] >= 0x30 && bytes[index] <= 0x39) { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}

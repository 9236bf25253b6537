import Foundation

/// What alignment needs of a document record: its language, text, sentences and mentions.
public struct AlignDocument: Sendable {
    /// A mention as the record gives it (original scalar offsets).
    public struct Mention: Sendable {
        public var kind: String
        public var start: Int
        public var end: Int
        public var text: String
        public var id: String?
        public var value: JSONValue?
    }

    public var doc: String
    public var language: String
    /// The text offsets refer to, when known (records of HTML carry it; for files it is read).
    public var text: OriginalText?
    public var sentences: [(start: Int, end: Int)]
    public var mentions: [Mention]

    /// Reads a document record; nil for other records (errors, pairs).
    public init?(record: [String: JSONValue], readText: Bool = true) {
        guard record["kind"]?.stringValue == "document", let doc = record["doc"]?.stringValue,
            let language = record["lang"]?.stringValue
        else { return nil }
        self.doc = doc
        self.language = language
        if let text = record["text"]?.stringValue {
            self.text = OriginalText(text)
        } else if readText, let data = FileManager.default.contents(atPath: doc),
            let text = String(data: data, encoding: .utf8)
        {
            self.text = OriginalText(text)
        }
        var sentences: [(Int, Int)] = []
        if case .array(let spans)? = record["sentences"] {
            for case .array(let pair) in spans where pair.count == 2 {
                if case .integer(let start) = pair[0], case .integer(let end) = pair[1] {
                    sentences.append((Int(start), Int(end)))
                }
            }
        }
        self.sentences = sentences
        var mentions: [Mention] = []
        if case .array(let items)? = record["mentions"] {
            for case .object(let item) in items {
                guard case .integer(let start)? = item["start"], case .integer(let end)? = item["end"] else { continue }
                mentions.append(
                    Mention(
                        kind: item["kind"]?.stringValue ?? "", start: Int(start), end: Int(end),
                        text: item["text"]?.stringValue ?? "", id: item["id"]?.stringValue, value: item["value"]))
            }
        }
        self.mentions = mentions
    }

    /// A document from the pipeline's own result (no JSON round trip).
    public init(analyzed: AnalyzedDocument) {
        let segmented = analyzed.segmented
        let normalized = segmented.normalized
        doc = normalized.source.doc
        language = segmented.language
        var original = OriginalText(normalized.source.text, scalarCount: normalized.origins.scalarCount)
        sentences = segmented.sentences.map { normalized.originalRange($0) }
        mentions = analyzed.mentions.map { mention in
            let (start, end) = normalized.originalRange(mention.span)
            let value: JSONValue? =
                switch mention.value {
                case .integer(let number)?: .integer(number)
                case .decimal(let number)?: .number(number)
                case .string(let text)?: .string(text)
                case .null?, nil: nil
                }
            return Mention(
                kind: mention.kind, start: start, end: end, text: original.slice(start, end), id: mention.id,
                value: value)
        }
        text = original
    }
}

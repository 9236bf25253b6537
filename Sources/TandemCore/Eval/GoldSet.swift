import Foundation

/// A gold annotation file in the format of gold/FORMAT.md: documents, mentions and pairs.
public struct GoldSet: Sendable {
    /// A `doc` line.
    public struct Document: Sendable {
        public var name: String
        public var language: String
        public var dct: String?
    }

    /// An `entity`, `number` or `date` line (or a predicted mention, for scoring).
    public struct Mention: Sendable {
        public var doc: String
        public var kind: String
        public var start: Int
        public var end: Int
        public var text: String
        public var type: String?
        public var id: String?
        public var value: JSONValue?
        public var valueEnd: JSONValue?
        public var mod: String?
        public var optional: Bool
    }

    /// A `pair` line: two sentence spans that state the same fact.
    public struct Pair: Sendable {
        public var a: (doc: String, start: Int, end: Int)
        public var b: (doc: String, start: Int, end: Int)
        public var keys: [String]
    }

    public var documents: [Document] = []
    public var mentions: [Mention] = []
    public var pairs: [Pair] = []

    public static func load(_ url: URL) throws(ConfigError) -> GoldSet {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigError(file: url.path, "cannot read the gold file")
        }
        var gold = GoldSet()
        for (index, line) in data.split(separator: 0x0A).enumerated() {
            guard let json = JSONValue.parse(line), case .object(let object) = json else {
                throw ConfigError(file: url.path, line: index + 1, "not a JSON object")
            }
            switch object["kind"]?.stringValue {
            case "doc":
                gold.documents.append(
                    Document(
                        name: object["doc"]?.stringValue ?? "", language: object["lang"]?.stringValue ?? "",
                        dct: object["dct"]?.stringValue))
            case "pair":
                func side(_ value: JSONValue?) -> (String, Int, Int) {
                    (value?["doc"]?.stringValue ?? "", value?["start"]?.intValue ?? 0, value?["end"]?.intValue ?? 0)
                }
                gold.pairs.append(
                    Pair(
                        a: side(object["a"]), b: side(object["b"]),
                        keys: object["keys"].flatMap {
                            if case .array(let keys) = $0 { keys.compactMap(\.stringValue) } else { nil }
                        } ?? []))
            case let kind?:
                gold.mentions.append(mention(object, kind: kind))
            case nil:
                throw ConfigError(file: url.path, line: index + 1, path: "kind", "missing")
            }
        }
        return gold
    }

    /// A mention from a gold line or from a document record's mention (with its doc).
    public static func mention(_ object: [String: JSONValue], kind: String, doc: String? = nil) -> Mention {
        Mention(
            doc: doc ?? object["doc"]?.stringValue ?? "", kind: kind, start: object["start"]?.intValue ?? 0,
            end: object["end"]?.intValue ?? 0, text: object["text"]?.stringValue ?? "",
            type: object["type"]?.stringValue, id: object["id"]?.stringValue, value: object["value"],
            valueEnd: object["value_end"], mod: object["mod"]?.stringValue,
            optional: object["optional"] == .bool(true))
    }
}

extension JSONValue {
    public var intValue: Int? {
        if case .integer(let value) = self { return Int(value) }
        return nil
    }

    public var doubleValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }
}

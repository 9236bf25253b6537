import Foundation

/// The pipeline's settings, read from pipeline.json and validated strictly: an unknown
/// key or a value of the wrong type is an error naming its key path.
public struct PipelineConfig: Sendable {
    /// Per-stage settings.
    public struct StageSettings: Sendable, Equatable {
        public var workers: Int
    }

    /// The stages in data-flow order; every one must be configured.
    public static let stageNames = ["read", "decode", "markup", "normalize", "segment", "extract", "emit"]

    public var stages: [String: StageSettings]
    /// Run every stage in each worker one after the other (`"fused": true`, with the
    /// extract stage's worker count) instead of a pool per stage.
    public var fused: Bool
    /// Batches that may wait between two stages.
    public var queueDepth: Int
    /// Documents per batch in batch mode (stream mode always uses one).
    public var batchDocuments: Int
    /// Larger documents become error records.
    public var maxDocumentBytes: Int
    /// Extractors the extract stage runs, in order.
    public var extractors: [String]
    /// Rule folder, relative to the config file's folder.
    public var rulesPath: String
    /// Minimum score of a cross-language sentence pair.
    public var pairThreshold: Double
    /// Minimum score of a document pair.
    public var documentPairThreshold: Double
    /// Where the config came from, for messages.
    public var source: String
    /// The folder relative paths are resolved against.
    public var baseFolder: URL

    /// Sets every stage's worker count (`--workers N`).
    public mutating func setWorkers(_ count: Int) {
        for name in Self.stageNames { stages[name] = StageSettings(workers: max(1, count)) }
    }

    public func workers(_ stage: String) -> Int { stages[stage]?.workers ?? 1 }

    /// The rules folder as a URL: `rules` as given when absolute, else relative to the config's folder.
    public var rulesFolder: URL {
        rulesPath.hasPrefix("/") ? URL(fileURLWithPath: rulesPath) : baseFolder.appendingPathComponent(rulesPath)
    }

    /// Loads and validates a config file.
    public static func load(from url: URL) throws(ConfigError) -> PipelineConfig {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ConfigError(file: url.path, "cannot read the file (\(error.localizedDescription))")
        }
        return try parse(data, source: url.path, baseFolder: url.deletingLastPathComponent())
    }

    /// Parses and validates config JSON.
    public static func parse(_ data: Data, source: String, baseFolder: URL) throws(ConfigError) -> PipelineConfig {
        guard let json = JSONValue.parse(data) else {
            throw ConfigError(file: source, "not valid JSON")
        }
        let reader = ConfigReader(file: source)
        let root = try reader.object(json, path: "", allowed: schemaKeys)
        var stages: [String: StageSettings] = [:]
        let stageObject = try reader.object(root["stages"] ?? .object([:]), path: "stages", allowed: Set(stageNames))
        var extractors: [String] = []
        for name in stageNames {
            let path = "stages.\(name)"
            guard let value = stageObject[name] else {
                throw ConfigError(file: source, path: path, "missing stage; every stage needs an entry")
            }
            let allowed: Set<String> = name == "extract" ? ["workers", "extractors"] : ["workers"]
            let settings = try reader.object(value, path: path, allowed: allowed)
            let workers = try reader.int(settings["workers"], path: "\(path).workers", range: 1...256) ?? 1
            stages[name] = StageSettings(workers: workers)
            if name == "extract" {
                extractors = try reader.strings(settings["extractors"], path: "\(path).extractors") ?? []
            }
        }
        let limits = try reader.object(root["limits"] ?? .object([:]), path: "limits", allowed: ["max_document_bytes"])
        let batch = try reader.object(root["batch"] ?? .object([:]), path: "batch", allowed: ["documents"])
        let align = try reader.object(
            root["align"] ?? .object([:]), path: "align", allowed: ["pair_threshold", "document_threshold"])
        _ = try reader.int(root["version"], path: "version", range: 1...1)
        _ = try reader.string(root["description"], path: "description")
        return PipelineConfig(
            stages: stages,
            fused: try reader.bool(root["fused"], path: "fused") ?? false,
            queueDepth: try reader.int(root["queue_depth"], path: "queue_depth", range: 1...4096) ?? 8,
            batchDocuments: try reader.int(batch["documents"], path: "batch.documents", range: 1...10_000) ?? 16,
            maxDocumentBytes: try reader.int(
                limits["max_document_bytes"], path: "limits.max_document_bytes", range: 1...(1 << 31)) ?? 10_000_000,
            extractors: extractors,
            rulesPath: try reader.string(root["rules"], path: "rules") ?? "rules",
            pairThreshold: try reader.double(align["pair_threshold"], path: "align.pair_threshold") ?? 1.1,
            documentPairThreshold: try reader.double(align["document_threshold"], path: "align.document_threshold")
                ?? 0.3,
            source: source,
            baseFolder: baseFolder)
    }

    static let schemaKeys: Set<String> = [
        "version", "description", "stages", "fused", "queue_depth", "batch", "limits", "rules", "align",
    ]
}

/// Type-checked access to decoded JSON, with errors that carry the key path.
struct ConfigReader {
    let file: String

    func object(_ value: JSONValue, path: String, allowed: Set<String>) throws(ConfigError) -> [String: JSONValue] {
        guard case .object(let object) = value else {
            throw ConfigError(
                file: file, path: path.isEmpty ? "(top level)" : path,
                "expected an object, got \(value.typeDescription)")
        }
        for key in object.keys.sorted() where !allowed.contains(key) {
            let full = path.isEmpty ? key : "\(path).\(key)"
            throw ConfigError(
                file: file, path: full, "unknown key (allowed here: \(allowed.sorted().joined(separator: ", ")))")
        }
        return object
    }

    func int(_ value: JSONValue?, path: String, range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard let value else { return nil }
        guard case .integer(let number) = value else {
            throw ConfigError(file: file, path: path, "expected an integer, got \(value.typeDescription)")
        }
        guard range.contains(Int(number)) else {
            throw ConfigError(
                file: file, path: path, "\(number) is out of range \(range.lowerBound)…\(range.upperBound)")
        }
        return Int(number)
    }

    func double(_ value: JSONValue?, path: String) throws(ConfigError) -> Double? {
        switch value {
        case nil: return nil
        case .integer(let number): return Double(number)
        case .number(let number): return number
        case let other?: throw ConfigError(file: file, path: path, "expected a number, got \(other.typeDescription)")
        }
    }

    func bool(_ value: JSONValue?, path: String) throws(ConfigError) -> Bool? {
        guard let value else { return nil }
        guard case .bool(let bool) = value else {
            throw ConfigError(file: file, path: path, "expected true or false, got \(value.typeDescription)")
        }
        return bool
    }

    func string(_ value: JSONValue?, path: String) throws(ConfigError) -> String? {
        guard let value else { return nil }
        guard case .string(let string) = value else {
            throw ConfigError(file: file, path: path, "expected a string, got \(value.typeDescription)")
        }
        return string
    }

    func strings(_ value: JSONValue?, path: String) throws(ConfigError) -> [String]? {
        guard let value else { return nil }
        guard case .array(let array) = value else {
            throw ConfigError(file: file, path: path, "expected an array of strings, got \(value.typeDescription)")
        }
        var result: [String] = []
        for (index, element) in array.enumerated() {
            guard case .string(let string) = element else {
                throw ConfigError(
                    file: file, path: "\(path)[\(index)]", "expected a string, got \(element.typeDescription)")
            }
            result.append(string)
        }
        return result
    }
}

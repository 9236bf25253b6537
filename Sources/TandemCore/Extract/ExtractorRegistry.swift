import Foundation

/// Builds the extractors pipeline.json names from their rule tables. A name maps to a
/// factory; adding an extractor means registering its factory here once.
public enum ExtractorRegistry {
    /// A factory: rules folder and the shared vocabulary in, ready extractor out.
    public typealias Factory = @Sendable (URL, Vocabulary) throws(ConfigError) -> any Extractor

    /// The extractors this build knows, by pipeline.json name.
    public static let factories: [String: Factory] = [
        "numbers": { (folder: URL, vocabulary: Vocabulary) throws(ConfigError) -> any Extractor in
            try NumberExtractor(rulesFolder: folder, vocabulary: vocabulary)
        },
        "dates": { (folder: URL, vocabulary: Vocabulary) throws(ConfigError) -> any Extractor in
            try DateExtractor(rulesFolder: folder, vocabulary: vocabulary)
        },
        "entities": { (folder: URL, vocabulary: Vocabulary) throws(ConfigError) -> any Extractor in
            try EntityExtractor(rulesFolder: folder, vocabulary: vocabulary)
        },
    ]

    /// Builds the named extractors; they intern their words in one shared `vocabulary`, so a
    /// document's token ids are computed once for all of them.
    public static func build(
        names: [String], rulesFolder: URL, source: String, vocabulary: Vocabulary = Vocabulary()
    ) throws(ConfigError) -> [any Extractor] {
        var extractors: [any Extractor] = []
        for (index, name) in names.enumerated() {
            guard let factory = factories[name] else {
                let known = factories.keys.sorted().joined(separator: ", ")
                throw ConfigError(
                    file: source, path: "stages.extract.extractors[\(index)]",
                    "unknown extractor '\(name)' (known: \(known.isEmpty ? "none" : known))")
            }
            extractors.append(try factory(rulesFolder, vocabulary))
        }
        return extractors
    }
}

/// Everything a run needs, loaded once: the config, word lists and extractors.
public struct TandemSetup: Sendable {
    public var config: PipelineConfig
    public var languageResources: LanguageResources
    public var extractors: [any Extractor]

    /// Loads the config at `configPath` (or the installation's pipeline.json).
    public static func load(configPath: String? = nil) throws(ConfigError) -> TandemSetup {
        let url: URL
        if let configPath {
            url = URL(fileURLWithPath: configPath)
        } else {
            guard let home = TandemHome.locate() else {
                throw ConfigError(
                    file: "pipeline.json",
                    "cannot find Tandem's pipeline.json and rules/ (set TANDEM_HOME to the checkout folder)")
            }
            url = home.appendingPathComponent("pipeline.json")
        }
        let config = try PipelineConfig.load(from: url)
        let resources = try LanguageResources.load(rulesFolder: config.rulesFolder)
        let extractors = try ExtractorRegistry.build(
            names: config.extractors, rulesFolder: config.rulesFolder, source: config.source,
            vocabulary: resources.vocabulary)
        return TandemSetup(config: config, languageResources: resources, extractors: extractors)
    }

    public func makePipeline() -> Pipeline {
        Pipeline(config: config, languageResources: languageResources, extractors: extractors)
    }
}

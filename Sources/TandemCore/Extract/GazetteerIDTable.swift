import Foundation

/// A table beside the gazetteer that names its entities by id (`sports_names.tsv`,
/// `senses.tsv`): the file's lines split at tabs, and a lookup of ids that makes an unknown
/// one a config error naming its line.
struct GazetteerIDTable {
    let url: URL
    private let index: [String: Int]

    init(_ url: URL, entities: [EntityExtractor.Entity]) {
        self.url = url
        var index: [String: Int] = [:]
        for (position, entity) in entities.enumerated() { index[entity.id] = position }
        self.index = index
    }

    /// The lines that hold more than a comment, with their numbers from 1, split at tabs; none
    /// for a missing file (the table is optional).
    func lines() throws(ConfigError) -> [(number: Int, fields: [String])] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        var lines: [(number: Int, fields: [String])] = []
        for (number, line) in try RuleText.lines(of: url) {
            lines.append((number, line.split(byte: UInt8(ascii: "\t")).map(String.init)))
        }
        return lines
    }

    /// The entity whose gazetteer id is `id`; an unknown one is a config error at `line`.
    func entity(_ id: String, line: Int) throws(ConfigError) -> Int {
        guard let found = index[id.trimmingSpaces] else {
            throw ConfigError(file: url.path, line: line, "unknown gazetteer id '\(id)'")
        }
        return found
    }
}

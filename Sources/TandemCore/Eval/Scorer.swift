import Foundation

/// Scores predicted mentions against gold as gold/FORMAT.md's "Scoring" defines: per kind
/// and language, strict (exact span) and lenient (overlapping span) span matches, and value
/// matches (span plus type and id for entities, value and value_end for numbers and dates).
/// Optional gold mentions, and predictions overlapping them, count nowhere.
public struct Scorer {
    /// Precision, recall and F1 of one measure.
    public struct Counts: Sendable {
        public var truePositives = 0
        public var predicted = 0
        public var gold = 0

        public init() {}

        public var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// The measures of one (kind, language) row.
    public struct Row: Sendable {
        public var kind: String
        public var language: String
        public var strictSpan = Counts()
        public var lenientSpan = Counts()
        public var strictValue = Counts()
        public var lenientValue = Counts()
        /// Lenient value matches whose `mod` also agrees, out of those that have one either side.
        public var modAgreements = 0
        public var modCases = 0
    }

    /// A miss or a false positive, for `--errors`.
    public struct Finding: Sendable {
        public var kind: String
        public var doc: String
        public var what: String
        public var mention: GoldSet.Mention
    }

    public private(set) var rows: [String: Row] = [:]
    public private(set) var findings: [Finding] = []

    public init() {}

    /// Scores one document's predictions against its gold mentions.
    public mutating func score(doc: String, language: String, gold: [GoldSet.Mention], predicted: [GoldSet.Mention]) {
        for kind in ["number", "date", "entity"] {
            let key = "\(kind)/\(language)"
            var row = rows[key] ?? Row(kind: kind, language: language)
            let optional = gold.filter { $0.kind == kind && $0.optional }
            let required = gold.filter { $0.kind == kind && !$0.optional }
            let predictions = predicted.filter { prediction in
                prediction.kind == kind && prediction.type != "ORDINAL"
                    && !optional.contains { Self.overlaps($0, prediction) }
            }
            for (counts, strict, valued) in [
                (\Row.strictSpan, true, false), (\Row.lenientSpan, false, false), (\Row.strictValue, true, true),
                (\Row.lenientValue, false, true),
            ] {
                var used = Set<Int>()
                var hits = 0
                var modAgreements = 0
                var modCases = 0
                for prediction in predictions {
                    guard
                        let match = required.indices.first(where: { index in
                            !used.contains(index)
                                && (strict
                                    ? required[index].start == prediction.start && required[index].end == prediction.end
                                    : Self.overlaps(required[index], prediction))
                                && (!valued || Self.valueMatches(required[index], prediction))
                        })
                    else {
                        if !strict && valued {
                            findings.append(Finding(kind: kind, doc: doc, what: "false positive", mention: prediction))
                        }
                        continue
                    }
                    used.insert(match)
                    hits += 1
                    if required[match].mod != nil || prediction.mod != nil {
                        modCases += 1
                        if required[match].mod == prediction.mod { modAgreements += 1 }
                    }
                }
                if !strict && valued {
                    for index in required.indices where !used.contains(index) {
                        findings.append(Finding(kind: kind, doc: doc, what: "missed", mention: required[index]))
                    }
                    row.modAgreements += modAgreements
                    row.modCases += modCases
                }
                row[keyPath: counts].truePositives += hits
                row[keyPath: counts].predicted += predictions.count
                row[keyPath: counts].gold += required.count
            }
            rows[key] = row
        }
    }

    static func overlaps(_ a: GoldSet.Mention, _ b: GoldSet.Mention) -> Bool {
        a.start < b.end && b.start < a.end
    }

    static func valueMatches(_ gold: GoldSet.Mention, _ predicted: GoldSet.Mention) -> Bool {
        switch gold.kind {
        case "entity":
            return gold.type == predicted.type && gold.id == predicted.id
        case "date":
            if gold.type != predicted.type { return false }
            if gold.value == nil || gold.value == .null { return true }
            return same(gold.value, predicted.value) && same(gold.valueEnd, predicted.valueEnd)
        default:
            return same(gold.value, predicted.value) && same(gold.valueEnd, predicted.valueEnd)
        }
    }

    static func same(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        let left = a == .null ? nil : a
        let right = b == .null ? nil : b
        if let x = left?.doubleValue, let y = right?.doubleValue { return abs(x - y) <= 1e-6 * max(1, abs(x)) }
        return left == right
    }

    /// Rows in a stable order: kinds, then languages.
    public var orderedRows: [Row] {
        rows.values.sorted { ($0.kind, $0.language) < ($1.kind, $1.language) }
    }
}

import Foundation

/// The whole `align` step: comparable-document pairs, document pairs and facts across the
/// collection, plus sentence alignment of any translation pairs, as records or TMX.
public struct AlignmentJob {
    public enum Format: String, Sendable, CaseIterable {
        case jsonl, tmx
    }

    public let documents: [AlignDocument]
    public let lexicon: BilingualLexicon
    public let config: PipelineConfig

    public init(documents: [AlignDocument], config: PipelineConfig) throws(ConfigError) {
        self.documents = documents
        self.config = config
        lexicon = try BilingualLexicon.load(config.rulesFolder.appendingPathComponent("shared/bilingual.tsv"))
    }

    /// Sentence pairs across languages in comparable documents (translation pairs excluded).
    public func comparablePairs() -> [Aligner.Pair] {
        let parallel = Set(ParallelPairs.find(documents).flatMap { [$0.vi, $0.en] })
        return aligner().sentencePairs().filter {
            !parallel.contains($0.a.document) || !parallel.contains($0.b.document)
        }
    }

    func aligner() -> Aligner {
        Aligner(
            documents: documents, lexicon: lexicon, pairThreshold: config.pairThreshold,
            documentThreshold: config.documentPairThreshold)
    }

    /// Every output record or the TMX document.
    public func output(format: Format, creationDate: String) throws(StageFailure) -> [UInt8] {
        let writer = AlignmentWriter(documents: documents)
        let aligner = aligner()
        let parallel = ParallelPairs.find(documents).flatMap { ParallelPairs.align(documents, vi: $0.vi, en: $0.en) }
        let parallelDocuments = Set(ParallelPairs.find(documents).flatMap { [$0.vi, $0.en] })
        let comparable = aligner.sentencePairs().filter {
            !parallelDocuments.contains($0.a.document) || !parallelDocuments.contains($0.b.document)
        }
        if format == .tmx { return try writer.tmx(parallel + comparable, creationDate: creationDate) }
        var bytes: [UInt8] = []
        for pair in parallel { bytes += writer.pairRecord(pair, parallel: true) }
        for pair in comparable { bytes += writer.pairRecord(pair) }
        for (a, b, score, keys) in aligner.documentPairs() {
            bytes += writer.documentPairRecord(a: a, b: b, score: score, keys: keys)
        }
        for (key, mentions) in aligner.facts() { bytes += writer.factRecord(key: key, mentions: mentions) }
        return bytes
    }

    /// `YYYYMMDDThhmmssZ` for TMX headers.
    public static func tmxDate(_ date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}

import Benchmark
import Foundation
import TandemCore

/// Each stage and the whole pipeline over a generated 4 MB corpus, with KiB/s and docs/s,
/// plus the ICU floor (convert, NFC, word breaks) on the same text.
let benchmarks: @Sendable () -> Void = {
    let kibPerSecond = BenchmarkMetric.custom("KiB/s", polarity: .prefersLarger, useScalingFactor: false)
    let documentsPerSecond = BenchmarkMetric.custom("docs/s", polarity: .prefersLarger, useScalingFactor: false)
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident, kibPerSecond, documentsPerSecond],
        warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 5)

    func measure(_ benchmark: Benchmark, _ body: () -> Void) {
        let started = Date()
        body()
        let seconds = Date().timeIntervalSince(started)
        benchmark.measurement(kibPerSecond, Int(Double(Fixture.bytes) / 1024 / seconds))
        benchmark.measurement(documentsPerSecond, Int(Double(Fixture.documents.count) / seconds))
    }

    Benchmark("ICU floor") { benchmark in
        measure(benchmark) { blackHole(BenchRunner.floor(Fixture.documents)) }
    }
    Benchmark("decode") { benchmark in
        measure(benchmark) {
            var stage = DecodeStage()
            for raw in Fixture.raw { blackHole(try? stage.process(raw)) }
        }
    }
    Benchmark("normalize") { benchmark in
        measure(benchmark) {
            var stage = try! NormalizeStage()
            for text in Fixture.texts { blackHole(try? stage.process(text)) }
        }
    }
    Benchmark("segment") { benchmark in
        measure(benchmark) {
            var stage = try! SegmentStage(resources: Fixture.setup.languageResources)
            for document in Fixture.normalized { blackHole(try? stage.process(document)) }
        }
    }
    for extractor in Fixture.setup.extractors {
        Benchmark("extract \(extractor.name)") { benchmark in
            measure(benchmark) {
                var stage = ExtractStage(extractors: [extractor])
                for document in Fixture.segmented { blackHole(try? stage.process(document)) }
            }
        }
    }
    Benchmark("align") { benchmark in
        measure(benchmark) {
            let documents = Fixture.analyzed.map(AlignDocument.init(analyzed:))
            blackHole(try? AlignmentJob(documents: documents, config: Fixture.setup.config).comparablePairs())
        }
    }
    Benchmark("end to end (1 worker per stage)") { benchmark in
        measure(benchmark) {
            var config = Fixture.setup.config
            config.setWorkers(1)
            Pipeline(
                config: config, languageResources: Fixture.setup.languageResources, extractors: Fixture.setup.extractors
            )
            .run(source: MemorySource(Fixture.documents), sink: DiscardSink())
        }
    }
}

/// The corpus and its intermediate forms, built once.
enum Fixture {
    static let setup: TandemSetup = {
        MarkupExtractor.initialize()
        Diagnostics.shared.enabled = false
        return try! TandemSetup.load()
    }()
    static let documents: [SourceDocument] = {
        var generator = CorpusGenerator(
            samples: TandemHome.locate()!.appendingPathComponent("samples"),
            gazetteer: setup.config.rulesFolder.appendingPathComponent("shared/gazetteer.tsv"))
        return generator.documents(targetBytes: 4_000_000)
    }()
    static let bytes = documents.reduce(0) { $0 + $1.knownByteCount }
    static let raw: [RawDocument] = documents.compactMap {
        var read = ReadStage(maxBytes: Int.max)
        return try? read.process($0)
    }
    static let texts: [TextDocument] = raw.compactMap { raw in
        var decode = DecodeStage()
        var markup = MarkupStage()
        return (try? decode.process(raw)).flatMap { try? markup.process($0) }
    }
    static let normalized: [NormalizedDocument] = {
        var stage = try! NormalizeStage()
        return texts.compactMap { try? stage.process($0) }
    }()
    static let segmented: [SegmentedDocument] = {
        var stage = try! SegmentStage(resources: setup.languageResources)
        return normalized.compactMap { try? stage.process($0) }
    }()
    static let analyzed: [AnalyzedDocument] = {
        var stage = ExtractStage(extractors: setup.extractors)
        return segmented.compactMap { try? stage.process($0) }
    }()
}

import ArgumentParser
import Foundation
import TandemCore

/// `tandem bench [PATH…]`: throughput of the whole pipeline on an in-memory corpus.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure pipeline throughput (MB/s, documents/s, stage shares, peak memory).",
        discussion: """
            Default corpus: the bundled samples repeated to about 20 MB, held in memory. \
            Runs a warm-up pass, then timed passes (median of --passes) with 1 worker per \
            stage and with every stage at the machine's core count. Example:
              tandem bench --megabytes 50
            """)

    @Argument(help: "Files or folders for the corpus (default: the installation's samples/).")
    var paths: [String] = []

    @Option(help: "Corpus size in megabytes (documents are repeated to reach it).")
    var megabytes: Int = 20

    @Flag(
        help:
            "Use a generated corpus (sample sentences recombined, numbers and places varied) instead of repeated files."
    )
    var generated = false

    @Option(help: "Timed passes per configuration; the median pass is reported.")
    var passes: Int = 3

    @Option(help: "Print the report as JSON.")
    var format: BenchFormat = .text

    @OptionGroup var options: PipelineOptions

    func run() throws {
        let setup = try options.setup()
        Diagnostics.shared.enabled = false
        var corpusPaths = paths
        if corpusPaths.isEmpty {
            guard let home = TandemHome.locate() else {
                throw ValidationError("No paths given and the installation's samples/ folder was not found.")
            }
            corpusPaths = [home.appendingPathComponent("samples").path]
        }
        let corpus: [SourceDocument]
        if generated, let home = TandemHome.locate() {
            var generator = CorpusGenerator(
                samples: home.appendingPathComponent("samples"),
                gazetteer: setup.config.rulesFolder.appendingPathComponent("shared/gazetteer.tsv"))
            corpus = generator.documents(targetBytes: megabytes * 1_000_000)
        } else {
            corpus = BenchRunner.corpus(paths: corpusPaths, targetBytes: megabytes * 1_000_000)
        }
        guard !corpus.isEmpty else { throw ValidationError("The corpus paths hold no readable documents.") }
        let runner = BenchRunner(setup: setup)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        _ = runner.measure(Array(corpus.prefix(max(1, corpus.count / 10))), workers: cores)
        let single = runner.measure(corpus, workers: 1, passes: passes)
        let multi = runner.measure(corpus, workers: cores, passes: passes)
        let floor = BenchRunner.floor(corpus)
        Diagnostics.shared.enabled = true
        switch format {
        case .text:
            printText(
                [single, multi], corpusDocuments: corpus.count, extractorNames: setup.config.extractors,
                fused: setup.config.fused)
            print(
                String(
                    format:
                        "ICU floor (UTF-8→UTF-16, NFC, word breaks; 1 thread): %.2f MB/s; Tandem per CPU-second is %.0f%% of it",
                    floor, floor > 0 ? single.megabytesPerCPUSecond / floor * 100 : 0))
        case .json: printJSON([single, multi], floor: floor)
        }
    }

    private func printText(
        _ results: [BenchRunner.Result], corpusDocuments: Int, extractorNames: [String], fused: Bool
    ) {
        let bytes = results.first?.summary.bytes ?? 0
        print("corpus: \(corpusDocuments) documents, \(formatBytes(bytes)) (in memory), median of \(passes) pass(es)")
        print("extractors: \(extractorNames.isEmpty ? "none" : extractorNames.joined(separator: ", "))")
        for result in results {
            let s = result.summary
            print(
                String(
                    format:
                        "%@ %d: %.2f MB/s wall, %.2f MB/s per CPU-second, %.0f docs/s, %.2f s, %.2f CPU-s, %d error(s), peak RSS %@",
                    fused ? "fused workers" : "workers per stage", result.workers, s.megabytesPerSecond,
                    result.megabytesPerCPUSecond, s.documentsPerSecond,
                    s.seconds, result.cpuSeconds, s.errors, formatBytes(result.peakResidentBytes)))
            let busy = result.stageSeconds.reduce(0) { $0 + $1.seconds }
            let shares = result.stageSeconds.map {
                String(format: "%@ %.0f%%", $0.stage, busy > 0 ? $0.seconds / busy * 100 : 0)
            }
            print("  stage share of busy time: " + shares.joined(separator: ", "))
        }
    }

    private func printJSON(_ results: [BenchRunner.Result], floor: Double) {
        var json = JSONWriter()
        json.beginArray()
        json.beginObject()
        json.field("kind", "icu_floor")
        json.key("mb_per_s")
        json.double((floor * 100).rounded() / 100)
        json.endObject()
        for result in results {
            json.beginObject()
            json.field("workers", result.workers)
            json.field("documents", result.summary.documents)
            json.field("bytes", result.summary.bytes)
            json.key("seconds")
            json.double(result.summary.seconds)
            json.key("mb_per_s")
            json.double((result.summary.megabytesPerSecond * 100).rounded() / 100)
            json.key("mb_per_cpu_s")
            json.double((result.megabytesPerCPUSecond * 100).rounded() / 100)
            json.key("docs_per_s")
            json.double(result.summary.documentsPerSecond.rounded())
            json.field("peak_rss_bytes", result.peakResidentBytes)
            json.key("stage_seconds")
            json.beginObject()
            for (stage, seconds) in result.stageSeconds {
                json.dynamicKey(stage)
                json.double((seconds * 1000).rounded() / 1000)
            }
            json.endObject()
            json.endObject()
        }
        json.endArray()
        print(String(decoding: json.bytes, as: UTF8.self))
    }
}

/// Output format of `bench`.
enum BenchFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

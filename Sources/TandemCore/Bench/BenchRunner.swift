import CTandemShim
import Foundation

/// Measures the pipeline over an in-memory corpus: a warm-up pass, then timed passes with
/// one worker per stage and with every stage at `cores` workers. Nothing is written to
/// disk while timing.
public struct BenchRunner {
    /// One timed pass.
    public struct Result: Sendable {
        public var workers: Int
        public var summary: RunSummary
        /// User + system CPU seconds the pass used.
        public var cpuSeconds: Double
        public var stageSeconds: [(stage: String, seconds: Double)]
        public var peakResidentBytes: Int

        /// Throughput per busy core: input megabytes per CPU second.
        public var megabytesPerCPUSecond: Double {
            cpuSeconds > 0 ? Double(summary.bytes) / 1e6 / cpuSeconds : 0
        }
    }

    public let setup: TandemSetup

    public init(setup: TandemSetup) { self.setup = setup }

    /// Reads every document under `paths` into memory, then repeats them until the corpus
    /// holds at least `targetBytes`. Each copy gets its own name.
    public static func corpus(paths: [String], targetBytes: Int) -> [SourceDocument] {
        var source = FileSource(paths: paths, hints: DocumentHints(), maxBytes: Int.max)
        var originals: [SourceDocument] = []
        while let document = source.next() {
            switch document.payload {
            case .file(let path):
                guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { continue }
                originals.append(SourceDocument(doc: path, payload: .bytes(Array(data)), hints: document.hints))
            case .bytes:
                originals.append(document)
            case .invalid:
                continue
            }
        }
        guard !originals.isEmpty else { return [] }
        var corpus: [SourceDocument] = []
        var bytes = 0
        var copy = 0
        while bytes < targetBytes {
            for original in originals {
                var document = original
                document.doc = "\(original.doc)#\(copy)"
                document.hints.doc = document.doc
                corpus.append(document)
                bytes += original.knownByteCount
            }
            copy += 1
        }
        return corpus
    }

    /// Runs `passes` timed passes with `workers` per stage and returns the median one (by
    /// wall time), so one noisy pass does not decide the figure.
    public func measure(_ corpus: [SourceDocument], workers: Int, passes: Int) -> Result {
        let results = (0..<max(1, passes)).map { _ in measure(corpus, workers: workers) }
        return results.sorted { $0.summary.seconds < $1.summary.seconds }[results.count / 2]
    }

    /// Runs one timed pass with `workers` per stage.
    public func measure(_ corpus: [SourceDocument], workers: Int) -> Result {
        var config = setup.config
        config.setWorkers(workers)
        let pipeline = Pipeline(
            config: config, languageResources: setup.languageResources, extractors: setup.extractors)
        let before = Self.cpuSeconds()
        let summary = pipeline.run(source: MemorySource(corpus), sink: DiscardSink())
        let cpu = Self.cpuSeconds() - before
        return Result(
            workers: workers, summary: summary, cpuSeconds: cpu, stageSeconds: pipeline.timing.seconds,
            peakResidentBytes: Self.peakResidentBytes())
    }

    /// The ICU floor over the same corpus on one thread: convert to UTF-16, NFC, word breaks.
    /// Returns megabytes per second.
    public static func floor(_ corpus: [SourceDocument]) -> Double {
        var status: Int32 = 0
        guard let handle = tandem_floor_open(&status) else { return 0 }
        defer { tandem_floor_close(handle) }
        let started = DispatchTime.now().uptimeNanoseconds
        var bytes = 0
        for document in corpus {
            guard case .bytes(let data) = document.payload else { continue }
            _ = tandem_floor_run(handle, data, Int32(data.count))
            bytes += data.count
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return seconds > 0 ? Double(bytes) / 1e6 / seconds : 0
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// Peak resident set size of the process so far.
    public static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
    }
}

import ArgumentParser
import Foundation
import TandemCore

/// `tandem run PATH…`: the pipeline over files and folders, JSON Lines out.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the pipeline over files and folders (recursive); '-' reads stdin as one document.",
        discussion: """
            Reads .txt, .html/.htm, .xml and .jsonl (one {"id","text","lang"?,"dct"?} document per \
            line); other files are reported and skipped. Example:
              tandem run samples -o out.jsonl
            """)

    @Argument(help: "Files, folders or '-' for stdin.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Write JSON Lines here (complete or absent) instead of stdout.")
    var output: String?

    @OptionGroup var options: PipelineOptions

    @Option(help: "Progress line on stderr: auto (only on a terminal), always or never.")
    var progress: ProgressMode = .auto

    @Flag(help: "Also align the documents (as 'tandem align' does) and append the aligned records.")
    var align = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file, folder or '-'.") }
    }

    func run() throws {
        let setup = try options.setup()
        var source = FileSource(paths: paths, hints: options.hints, maxBytes: setup.config.maxDocumentBytes)
        for skipped in source.skipped {
            Diagnostics.shared.warning("skipped \(skipped.path): \(skipped.reason)")
        }
        let total = source.count
        let pipeline = setup.makePipeline()
        let reporter = ProgressReporter(mode: progress, total: total)
        let summary: RunSummary
        if let output {
            let sink: AtomicFileSink
            do {
                sink = try AtomicFileSink(path: output)
            } catch {
                Diagnostics.shared.note("tandem: error: \(error.message)")
                throw Exit.io
            }
            summary = pipeline.run(source: source, sink: sink, keepDocuments: align, progress: reporter.update)
            reporter.finish()
            if align { sink.write(try alignedRecords(sink.documents, setup), document: nil) }
            do {
                try sink.commit()
            } catch {
                Diagnostics.shared.note("tandem: error: \(error.message)")
                throw Exit.io
            }
        } else {
            let sink = FileDescriptorSink(fileDescriptor: 1, flushEachBatch: false)
            summary = pipeline.run(source: source, sink: sink, keepDocuments: align, progress: reporter.update)
            if align { sink.write(try alignedRecords(sink.documents, setup), document: nil) }
            sink.flush()
            reporter.finish()
            if let failure = sink.writeFailure {
                Diagnostics.shared.note("tandem: error: cannot write to stdout: \(failure)")
                throw Exit.io
            }
        }
        _ = source.next()
        Diagnostics.shared.note(summaryLine(summary))
        if summary.errors > 0 { throw Exit.someDocumentsFailed }
    }
}

/// The aligned records of a run's documents.
private func alignedRecords(_ documents: [AnalyzedDocument], _ setup: TandemSetup) throws -> [UInt8] {
    try alignmentOutput(documents.map(AlignDocument.init(analyzed:)), config: setup.config, format: .jsonl)
}

/// When to draw the progress line.
enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Draws `documents n/N · MB/s · ETA` on stderr at most ten times a second.
final class ProgressReporter {
    private let enabled: Bool
    private let total: Int
    private var lastDraw = 0.0
    private var drew = false

    init(mode: ProgressMode, total: Int) {
        enabled = mode == .always || (mode == .auto && isTerminal(2))
        self.total = total
    }

    func update(_ summary: RunSummary) {
        guard enabled, summary.seconds - lastDraw >= 0.1 else { return }
        lastDraw = summary.seconds
        drew = true
        var line = "documents \(summary.documents)"
        if total > 0 { line += "/\(total)" }
        line += String(format: " · %.1f MB/s", summary.megabytesPerSecond)
        if total > summary.documents, summary.documents > 0 {
            let eta = summary.seconds / Double(summary.documents) * Double(total - summary.documents)
            line += String(format: " · ETA %.0fs", eta)
        }
        if summary.errors > 0 { line += " · \(summary.errors) error(s)" }
        Diagnostics.shared.progress(line)
    }

    func finish() {
        if drew { Diagnostics.shared.progress("") }
    }
}

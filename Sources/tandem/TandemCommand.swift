import ArgumentParser
import Foundation
import TandemCore

/// The root command: subcommands for batch runs, streaming, evaluation, alignment and
/// benchmarks. All logic lives in TandemCore.
struct TandemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tandem",
        abstract: "Extract numbers, dates and entities from Vietnamese and English documents.",
        discussion: """
            Exit codes: 0 all documents processed; 1 some documents failed (output still \
            written, with error records); 64 usage; 65 bad config or rule tables; 74 I/O error.
            """,
        version: "0.1.0",
        subcommands: [Run.self, Stream.self, Align.self, Eval.self, Bench.self]
    )
}

/// Exit codes shared by the subcommands (sysexits.h).
enum Exit {
    static let someDocumentsFailed = ExitCode(1)
    static let usage = ExitCode(64)
    static let badConfig = ExitCode(65)
    static let io = ExitCode(74)
}

/// Options every pipeline-running subcommand takes.
struct PipelineOptions: ParsableArguments {
    @Option(name: .long, help: "Pipeline config file (default: pipeline.json of the installation).")
    var config: String?

    @Option(name: .long, help: "Workers for every stage, overriding pipeline.json.")
    var workers: Int?

    @Option(name: .long, help: "Language of every document (vi, en or other); skips identification.")
    var lang: String?

    @Option(
        name: .long,
        help:
            "Reference date for relative dates (YYYY-MM-DD, or 'now' for today). Never taken from the clock otherwise.")
    var dct: String?

    func validate() throws {
        if let workers, workers < 1 || workers > 256 {
            throw ValidationError("'--workers' must be between 1 and 256.")
        }
        if let lang, !["vi", "en", "other"].contains(lang) {
            throw ValidationError("'--lang' must be vi, en or other.")
        }
        if let dct, dct != "now", !Self.isISODate(dct) {
            throw ValidationError("'--dct' must be a date like 2024-02-06, or 'now'.")
        }
    }

    static func isISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return false }
        return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
    }

    /// The reference date the user asked for, with `now` resolved to today (UTC).
    var referenceDate: String? {
        guard let dct else { return nil }
        guard dct == "now" else { return dct }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }

    var hints: DocumentHints { DocumentHints(language: lang, dct: referenceDate) }

    /// Loads config, rules and extractors, or exits 65 with the problem named.
    func setup() throws -> TandemSetup {
        do {
            var setup = try TandemSetup.load(configPath: config)
            if let workers { setup.config.setWorkers(workers) }
            MarkupExtractor.initialize()
            return setup
        } catch {
            Diagnostics.shared.note("tandem: error: \(error)")
            throw Exit.badConfig
        }
    }
}

/// Whether a file descriptor is a terminal.
func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) != 0 }

/// "12.3 MB", "4.5 kB": byte counts for people.
func formatBytes(_ bytes: Int) -> String {
    let value = Double(bytes)
    if value >= 1e9 { return String(format: "%.2f GB", value / 1e9) }
    if value >= 1e6 { return String(format: "%.1f MB", value / 1e6) }
    if value >= 1e3 { return String(format: "%.1f kB", value / 1e3) }
    return "\(bytes) B"
}

/// The end-of-run line on stderr.
func summaryLine(_ summary: RunSummary) -> String {
    String(
        format: "tandem: %d document(s), %d error(s), %@, %.2f s, %.2f MB/s", summary.documents, summary.errors,
        formatBytes(summary.bytes), summary.seconds, summary.megabytesPerSecond)
}

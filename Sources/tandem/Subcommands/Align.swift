import ArgumentParser
import Foundation
import TandemCore

/// `tandem align [FILE…]`: aligned records from document records.
struct Align: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Align Vietnamese and English documents: sentence pairs, document pairs, shared facts, TMX.",
        discussion: """
            Reads document records (from 'tandem run') from files or stdin ('-' or nothing). \
            Comparable documents give sentence pairs that state the same fact (shared entity ids, \
            numbers, dates and concepts, weighted by rarity); NAME.vi.txt + NAME.en.txt give a \
            sentence alignment (Gale-Church). Example:
              tandem run samples -o out.jsonl && tandem align out.jsonl --format tmx -o pairs.tmx
            """)

    @Argument(help: "Files of document records; '-' or none reads stdin.")
    var files: [String] = []

    @Option(help: "Output format: jsonl (pair, document_pair and fact records) or tmx.")
    var format: AlignmentJob.Format = .jsonl

    @Option(name: .shortAndLong, help: "Write here (complete or absent) instead of stdout.")
    var output: String?

    @Option(name: .long, help: "Pipeline config file (for the alignment thresholds and rules).")
    var config: String?

    func run() throws {
        var records: [[String: JSONValue]] = []
        for file in files.isEmpty ? ["-"] : files {
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let contents = FileManager.default.contents(atPath: file) else {
                    Diagnostics.shared.note("tandem: error: cannot read \(file)")
                    throw Exit.io
                }
                data = contents
            }
            for line in data.split(separator: 0x0A) {
                if case .object(let object)? = JSONValue.parse(line) { records.append(object) }
            }
        }
        let documents = records.compactMap { AlignDocument(record: $0) }
        try writeAlignment(documents: documents, configPath: config, format: format, output: output)
    }
}

/// The alignment job's output, or the exit code its failure maps to (65 config, 74 output).
func alignmentOutput(_ documents: [AlignDocument], config: PipelineConfig, format: AlignmentJob.Format) throws
    -> [UInt8]
{
    do {
        return try AlignmentJob(documents: documents, config: config).output(
            format: format, creationDate: AlignmentJob.tmxDate())
    } catch let error as ConfigError {
        Diagnostics.shared.note("tandem: error: \(error)")
        throw Exit.badConfig
    } catch let error as StageFailure {
        Diagnostics.shared.note("tandem: error: \(error.message)")
        throw Exit.io
    }
}

/// Runs the alignment job and writes its output (`align`).
func writeAlignment(documents: [AlignDocument], configPath: String?, format: AlignmentJob.Format, output: String?)
    throws
{
    let setup: TandemSetup
    do {
        setup = try TandemSetup.load(configPath: configPath)
    } catch {
        Diagnostics.shared.note("tandem: error: \(error)")
        throw Exit.badConfig
    }
    let bytes = try alignmentOutput(documents, config: setup.config, format: format)
    if let output {
        do {
            let sink = try AtomicFileSink(path: output)
            sink.write(bytes, document: nil)
            try sink.commit()
        } catch {
            Diagnostics.shared.note("tandem: error: \(error.message)")
            throw Exit.io
        }
    } else {
        FileHandle.standardOutput.write(Data(bytes))
    }
}

extension AlignmentJob.Format: ExpressibleByArgument {}

import ArgumentParser
import Foundation
import TandemCore

/// `tandem stream`: stdin lines to stdout records, one for one, each written as soon as it
/// is ready.
struct Stream: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Stream stdin to stdout: one record per input line, in order, written as soon as ready.",
        discussion: """
            Each line is a JSON object {"id","text","lang"?,"dct"?}, or plain text with \
            '--input text'. A bad line gives an error record in its place. Example:
              echo '{"id":"a","text":"Ngày 6-2, Đức gửi 100 binh sĩ."}' | tandem stream
            """)

    @Option(help: "Input line format: json or text.")
    var input: StreamInput = .json

    @OptionGroup var options: PipelineOptions

    func run() throws {
        let setup = try options.setup()
        let source = StreamSource(hints: options.hints, textLines: input == .text)
        let sink = FileDescriptorSink(fileDescriptor: 1, flushEachBatch: true)
        // Batches of what has arrived (up to 64 lines): one line alone is answered at once,
        // lines piped in bulk cross the stages together instead of one hand-off each.
        let summary = setup.makePipeline().run(source: source, sink: sink, batchSize: 64)
        sink.flush()
        if let failure = sink.writeFailure {
            Diagnostics.shared.note("tandem: error: cannot write to stdout: \(failure)")
            throw Exit.io
        }
        if summary.errors > 0 { throw Exit.someDocumentsFailed }
    }
}

/// How `stream` reads its lines.
enum StreamInput: String, ExpressibleByArgument, CaseIterable {
    case json, text
}

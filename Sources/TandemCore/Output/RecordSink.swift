import Foundation

/// Where records go, in input order. Called on one thread only.
public protocol RecordSink {
    /// A document record (`document` only when the run keeps documents).
    func write(_ record: [UInt8], document: AnalyzedDocument?)
    /// An error record, with what it says for the diagnostic line on stderr.
    func writeError(_ record: [UInt8], doc: String, failure: StageFailure)
    /// Called after each batch: streaming sinks flush here.
    func endOfBatch()
}

/// Writes JSON Lines to a file descriptor through a buffer: flushed at each batch end
/// when `flushEachBatch` (streaming), else when the buffer fills.
public final class FileDescriptorSink: RecordSink {
    private let fileDescriptor: Int32
    private var buffer: [UInt8] = []
    private let flushEachBatch: Bool
    private let reportErrors: Bool
    public private(set) var writeFailure: String?
    /// Documents handed over with their records (runs that keep documents, e.g. `--align`).
    public private(set) var documents: [AnalyzedDocument] = []

    public init(fileDescriptor: Int32, flushEachBatch: Bool, reportErrors: Bool = true) {
        self.fileDescriptor = fileDescriptor
        self.flushEachBatch = flushEachBatch
        self.reportErrors = reportErrors
        buffer.reserveCapacity(1 << 16)
    }

    public func write(_ record: [UInt8], document: AnalyzedDocument?) {
        buffer.append(contentsOf: record)
        if let document { documents.append(document) }
        if buffer.count >= 1 << 16 { flush() }
    }

    public func writeError(_ record: [UInt8], doc: String, failure: StageFailure) {
        if reportErrors { Diagnostics.shared.error(doc: doc, stage: failure.stage, message: failure.message) }
        write(record, document: nil)
    }

    public func endOfBatch() {
        if flushEachBatch { flush() }
    }

    /// Writes out everything buffered; records the first write failure.
    public func flush() {
        var offset = 0
        while offset < buffer.count {
            let count = buffer.withUnsafeBytes {
                Foundation.write(fileDescriptor, $0.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                if writeFailure == nil { writeFailure = String(cString: strerror(errno)) }
                break
            }
            offset += count
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Writes to `path` all or nothing: records go to a temporary file beside it, renamed
/// over `path` only when the run completes.
public final class AtomicFileSink: RecordSink {
    public let path: String
    private let temporaryPath: String
    private let sink: FileDescriptorSink
    private let fileDescriptor: Int32

    public init(path: String) throws(StageFailure) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporaryPath =
            url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
        fileDescriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fileDescriptor >= 0 else {
            throw StageFailure(stage: "emit", "cannot create \(temporaryPath): \(String(cString: strerror(errno)))")
        }
        sink = FileDescriptorSink(fileDescriptor: fileDescriptor, flushEachBatch: false)
    }

    public func write(_ record: [UInt8], document: AnalyzedDocument?) { sink.write(record, document: document) }

    /// Documents handed over with their records.
    public var documents: [AnalyzedDocument] { sink.documents }

    public func writeError(_ record: [UInt8], doc: String, failure: StageFailure) {
        sink.writeError(record, doc: doc, failure: failure)
    }

    public func endOfBatch() {}

    /// Flushes, syncs and renames into place; on failure removes the temporary file.
    public func commit() throws(StageFailure) {
        sink.flush()
        defer { close(fileDescriptor) }
        if let failure = sink.writeFailure {
            unlink(temporaryPath)
            throw StageFailure(stage: "emit", "cannot write \(path): \(failure)")
        }
        fsync(fileDescriptor)
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw StageFailure(stage: "emit", "cannot rename the output into \(path): \(reason)")
        }
    }

    /// Removes the temporary file (the run was abandoned).
    public func discard() {
        close(fileDescriptor)
        unlink(temporaryPath)
    }
}

/// Keeps records in memory (tests, eval, align in one go).
public final class MemorySink: RecordSink {
    public private(set) var records: [[UInt8]] = []
    public private(set) var documents: [AnalyzedDocument] = []
    public private(set) var failures: [(doc: String, failure: StageFailure)] = []

    public init() {}

    public func write(_ record: [UInt8], document: AnalyzedDocument?) {
        records.append(record)
        if let document { documents.append(document) }
    }

    public func writeError(_ record: [UInt8], doc: String, failure: StageFailure) {
        records.append(record)
        failures.append((doc, failure))
    }

    public func endOfBatch() {}

    /// All records as one JSON Lines string.
    public var text: String { String(decoding: records.joined(), as: UTF8.self) }
}

/// Counts and drops records (benchmarks: no disk writes while timing).
public final class DiscardSink: RecordSink {
    public private(set) var bytes = 0
    public init() {}
    public func write(_ record: [UInt8], document: AnalyzedDocument?) { bytes += record.count }
    public func writeError(_ record: [UInt8], doc: String, failure: StageFailure) { bytes += record.count }
    public func endOfBatch() {}
}

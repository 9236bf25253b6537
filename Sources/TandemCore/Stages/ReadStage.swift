import Foundation

/// read: fetches a document's bytes from disk (or takes them from memory), enforcing the
/// size limit. Unreadable, missing, empty and oversized files fail here.
public struct ReadStage: Stage {
    public typealias Input = SourceDocument
    public typealias Output = RawDocument
    public static let name = "read"

    let maxBytes: Int

    public init(maxBytes: Int) { self.maxBytes = maxBytes }

    public static func byteCount(of output: RawDocument) -> Int? { output.bytes.count }

    public mutating func process(_ input: SourceDocument) throws(StageFailure) -> RawDocument {
        switch input.payload {
        case .invalid(let stage, let message):
            throw StageFailure(stage: stage, message)
        case .bytes(let bytes):
            try checkSize(bytes.count)
            return RawDocument(bytes: bytes, hints: input.hints)
        case .file(let path):
            return RawDocument(bytes: try read(path), hints: input.hints)
        }
    }

    private func checkSize(_ count: Int) throws(StageFailure) {
        if count > maxBytes {
            throw StageFailure(
                "document is \(count) bytes, over the limit of \(maxBytes) (limits.max_document_bytes)")
        }
    }

    private func read(_ path: String) throws(StageFailure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw StageFailure("cannot open file: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw StageFailure("cannot stat file: \(String(cString: strerror(errno)))")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw StageFailure("is a directory") }
        let size = Int(info.st_size)
        try checkSize(size)
        var bytes = [UInt8](repeating: 0, count: max(size, 0))
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + filled, size - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw StageFailure("cannot read file: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        if bytes.isEmpty { throw StageFailure("the file is empty") }
        return bytes
    }
}

import Foundation

/// The documents under the paths a user names: files, folders (recursive, in name order),
/// `.jsonl` files (one document per line) and `-` (stdin as one document).
///
/// Listing happens up front so the total is known for progress. Files of other types are
/// reported as skipped; a symlink loop or an unlistable folder becomes an error record.
public struct FileSource: DocumentSource, @unchecked Sendable {
    /// A file that was not read, and why (for stderr).
    public struct Skipped: Sendable {
        public var path: String
        public var reason: String
    }

    private enum Entry {
        case document(SourceDocument)
        case jsonLines(path: String)
        case stdin
    }

    private var entries: [Entry] = []
    private var index = 0
    private var pendingLines: [SourceDocument] = []
    private var pendingIndex = 0
    private let hints: DocumentHints
    private let maxBytes: Int
    /// Files passed over because Tandem does not read their type.
    public private(set) var skipped: [Skipped] = []
    /// Entries found (a `.jsonl` file counts once until it is read).
    public var count: Int { entries.count }

    public init(paths: [String], hints: DocumentHints, maxBytes: Int) {
        self.hints = hints
        self.maxBytes = maxBytes
        for path in paths { collect(path, explicit: true, ancestors: []) }
    }

    private mutating func collect(_ path: String, explicit: Bool, ancestors: Set<String>) {
        if path == "-" {
            entries.append(.stdin)
            return
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            if errno == ELOOP {
                entries.append(invalid(path, "symlink loop: \(reason)"))
            } else {
                entries.append(invalid(path, "cannot open: \(reason)"))
            }
            return
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            if ancestors.contains(resolved) {
                entries.append(invalid(path, "symlink loop: this folder links back to \(resolved)"))
                return
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            } catch {
                entries.append(invalid(path, "cannot list folder: \(error.localizedDescription)"))
                return
            }
            for name in names where !name.hasPrefix(".") {
                let child = path.hasSuffix("/") ? path + name : path + "/" + name
                collect(child, explicit: false, ancestors: ancestors.union([resolved]))
            }
            return
        }
        if path.lowercased().hasSuffix(".jsonl") {
            entries.append(.jsonLines(path: path))
            return
        }
        guard let format = InputFormat.forPath(path) ?? (explicit ? .text : nil) else {
            skipped.append(Skipped(path: path, reason: "not a .txt, .html, .htm, .xml or .jsonl file"))
            return
        }
        var documentHints = hints
        documentHints.format = format
        entries.append(.document(SourceDocument(doc: path, payload: .file(path: path), hints: documentHints)))
    }

    private func invalid(_ path: String, _ message: String) -> Entry {
        .document(SourceDocument(doc: path, payload: .invalid(stage: "read", message: message), hints: hints))
    }

    public mutating func next() -> SourceDocument? {
        while true {
            if pendingIndex < pendingLines.count {
                defer { pendingIndex += 1 }
                return pendingLines[pendingIndex]
            }
            guard index < entries.count else { return nil }
            let entry = entries[index]
            index += 1
            switch entry {
            case .document(let document):
                return document
            case .stdin:
                let bytes = StandardInput.readAll()
                return SourceDocument(doc: "<stdin>", payload: .bytes(bytes), hints: hints)
            case .jsonLines(let path):
                pendingLines = expandJSONLines(path)
                pendingIndex = 0
            }
        }
    }

    /// One document per line of a `.jsonl` file, named `path:line` unless it has an `id`.
    private func expandJSONLines(_ path: String) -> [SourceDocument] {
        guard let data = FileManager.default.contents(atPath: path) else {
            return [
                SourceDocument(
                    doc: path,
                    payload: .invalid(stage: "read", message: "cannot read file: \(String(cString: strerror(errno)))"),
                    hints: hints)
            ]
        }
        var documents: [SourceDocument] = []
        var lineNumber = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            documents.append(
                StreamLineParser(hints: hints, textLines: false).parse(
                    Array(line), lineNumber: lineNumber, defaultID: "\(path):\(lineNumber)"))
        }
        if documents.isEmpty {
            documents.append(
                SourceDocument(doc: path, payload: .invalid(stage: "read", message: "the file is empty"), hints: hints))
        }
        return documents
    }
}

/// Reads all of standard input (Linux has no FileHandle.bytes; read in chunks).
enum StandardInput {
    static func readAll() -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, 65_536) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}

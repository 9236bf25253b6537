import Foundation

/// Turns one input line into a document: a JSON object `{"id","text","lang"?,"dct"?}`, or
/// with `textLines`, the line itself. A bad line becomes an error record in its place.
public struct StreamLineParser: Sendable {
    let hints: DocumentHints
    let textLines: Bool

    public init(hints: DocumentHints, textLines: Bool) {
        self.hints = hints
        self.textLines = textLines
    }

    public func parse(_ line: [UInt8], lineNumber: Int, defaultID: String) -> SourceDocument {
        var line = line
        if line.last == 0x0D { line.removeLast() }
        if textLines {
            return SourceDocument(doc: defaultID, payload: .bytes(line), hints: hints)
        }
        guard let json = JSONValue.parse(line) else {
            return invalid(defaultID, "line \(lineNumber) is not valid JSON")
        }
        guard case .object(let object) = json else {
            return invalid(defaultID, "line \(lineNumber) is \(json.typeDescription), not a JSON object")
        }
        var doc = defaultID
        switch object["id"] {
        case .string(let id)?: doc = id
        case .integer(let id)?: doc = String(id)
        case nil, .null?: break
        case let other?:
            return invalid(
                defaultID, "line \(lineNumber): \"id\" must be a string or an integer, not \(other.typeDescription)")
        }
        guard let textValue = object["text"] else {
            return invalid(doc, "line \(lineNumber) has no \"text\" field")
        }
        guard case .string(let text) = textValue else {
            return invalid(doc, "line \(lineNumber): \"text\" must be a string, not \(textValue.typeDescription)")
        }
        var documentHints = hints
        for key in ["lang", "dct", "format"] {
            guard let value = object[key], value != .null else { continue }
            guard case .string(let string) = value else {
                return invalid(doc, "line \(lineNumber): \"\(key)\" must be a string, not \(value.typeDescription)")
            }
            switch key {
            case "lang": documentHints.language = string
            case "dct": documentHints.dct = string
            default:
                guard let format = InputFormat(rawValue: string) else {
                    return invalid(doc, "line \(lineNumber): \"format\" must be text, html or xml")
                }
                documentHints.format = format
            }
        }
        return SourceDocument(doc: doc, payload: .bytes(Array(text.utf8)), hints: documentHints)
    }

    private func invalid(_ doc: String, _ message: String) -> SourceDocument {
        SourceDocument(doc: doc, payload: .invalid(stage: "input", message: message), hints: hints)
    }
}

/// Standard input as a stream of lines, one document each, read as they arrive.
public struct StreamSource: DocumentSource, @unchecked Sendable {
    private let parser: StreamLineParser
    private let reader: LineReader
    private var lineNumber = 0

    public init(fileDescriptor: Int32 = 0, hints: DocumentHints, textLines: Bool) {
        parser = StreamLineParser(hints: hints, textLines: textLines)
        reader = LineReader(fileDescriptor: fileDescriptor)
    }

    public mutating func next() -> SourceDocument? {
        guard let line = reader.nextLine() else { return nil }
        lineNumber += 1
        return parser.parse(line, lineNumber: lineNumber, defaultID: String(lineNumber))
    }

    public var hasReadyInput: Bool { reader.hasBufferedLine }
}

/// Reads lines from a file descriptor in chunks, returning each as soon as it is complete.
public final class LineReader {
    private let fileDescriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    /// Where the next line ends, once a search has found it (so `hasBufferedLine` and
    /// `nextLine` look for it once).
    private var nextNewline: Int?

    public init(fileDescriptor: Int32) { self.fileDescriptor = fileDescriptor }

    private func findNewline() -> Int? {
        if nextNewline == nil {
            // (memchr reads many bytes a step: a generic `firstIndex(of:)` cost six
            // instructions a byte of input.)
            nextNewline = buffer.withUnsafeBufferPointer { bytes in
                guard start < bytes.count, let base = bytes.baseAddress,
                    let found = memchr(base + start, 0x0A, bytes.count - start)
                else { return nil }
                return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            }
        }
        return nextNewline
    }

    /// Whether a whole line (or the end of the input) has been read already, so `nextLine`
    /// would not wait.
    public var hasBufferedLine: Bool { finished || findNewline() != nil }

    /// The next line without its newline; the last line may lack one. Nil at the end.
    public func nextLine() -> [UInt8]? {
        while true {
            if let newline = findNewline() {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                nextNewline = nil
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, 65_536) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                finished = true
            } else {
                buffer.append(contentsOf: chunk[0..<count])
            }
        }
    }
}

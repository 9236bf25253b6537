import Foundation

/// The one printer of diagnostics on stderr, serialized so lines from different threads
/// never interleave: `tandem: error: DOC: [stage] message`.
public final class Diagnostics: @unchecked Sendable {
    public static let shared = Diagnostics()
    private let lock = NSLock()
    /// Set false to keep stderr quiet (tests, benchmarks).
    public var enabled = true

    public func error(doc: String, stage: String, message: String) {
        print("tandem: error: \(doc): [\(stage)] \(message)")
    }

    public func warning(_ text: String) { print("tandem: warning: \(text)") }

    public func note(_ text: String) { print(text) }

    /// Rewrites the progress line in place (only call when stderr is a terminal).
    public func progress(_ text: String) {
        guard enabled else { return }
        lock.lock()
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        lock.unlock()
    }

    private func print(_ line: String) {
        guard enabled else { return }
        lock.lock()
        FileHandle.standardError.write(Data((line + "\n").utf8))
        lock.unlock()
    }
}

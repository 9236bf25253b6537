import CTandemShim
import Foundation

/// Swift face of the shim's normalizer: NFC through ICU plus Tandem's folding, with the
/// map back to original scalars. One per worker.
public final class TextNormalizer {
    private let handle: OpaquePointer

    /// Opens ICU's NFC normalizer; fails only if ICU's data is missing.
    public init() throws(StageFailure) {
        var status: Int32 = 0
        guard let handle = tandem_normalizer_open(&status) else {
            throw StageFailure(stage: "normalize", "ICU's NFC normalizer could not be opened (status \(status))")
        }
        self.handle = handle
    }

    deinit { tandem_normalizer_close(handle) }

    /// Normalizes a document's text; see `NormalizedDocument`.
    public func normalize(_ document: TextDocument) throws(StageFailure) -> NormalizedDocument {
        let result: Result<NormalizedDocument, StageFailure> = document.utf8.withUnsafeBufferPointer { utf8 in
            // Normalized text is addressed by 32-bit offsets and may grow threefold.
            guard utf8.count <= Int(Int32.max) / 3 - 16 else {
                return .failure(
                    StageFailure(stage: "normalize", "the text is too large to normalize (\(utf8.count) bytes)"))
            }
            // ASCII text (and empty text) is already normalized, each byte one scalar.
            guard let base = utf8.baseAddress, tandem_is_ascii(base, Int32(utf8.count)) == 0 else {
                return .success(
                    NormalizedDocument(
                        source: document, normalized: document.utf8, origins: .identity(count: utf8.count)))
            }
            var output: UnsafePointer<UInt8>?
            let length = tandem_normalize(handle, base, Int32(utf8.count), &output)
            guard length >= 0, let output else {
                return .failure(StageFailure(stage: "normalize", "ICU normalization failed (error \(-length))"))
            }
            let count = Int(length)
            // Text that comes out as it went in (no typographic quote, space or tone to
            // fold) needs no per-byte table.
            if count == utf8.count, memcmp(output, base, count) == 0 {
                return .success(
                    NormalizedDocument(source: document, normalized: document.utf8, origins: .unchanged(document.utf8)))
            }
            // The origins are taken, not copied (eight bytes per byte of text).
            var capacity: Int32 = 0
            guard let origins = tandem_normalizer_take_origins(handle, &capacity) else {
                return .failure(StageFailure(stage: "normalize", "the normalizer kept no origins"))
            }
            let table = OriginTable(adopting: origins, capacity: Int(capacity))
            return .success(
                NormalizedDocument(
                    source: document, normalized: Array(copying: output, count: count),
                    origins: OriginMap(original: document.utf8, table: table)))
        }
        return try result.get()
    }
}

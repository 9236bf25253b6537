/// The keys rule tables and text are matched on.
///
/// `match` is lowercase with the Vietnamese i/y spelling variants folded: a toned syllable-final
/// `y` right after a consonant is written `i` (sỹ → sĩ, Mỹ → mĩ, tỷ → tỉ, lý → lí), so either
/// spelling matches a table written in the other. `name` also strips accents (Vučić → vucic,
/// Đức → duc) for names written with or without diacritics.
public enum MatchKey {
    /// y with each tone, and the i with the same tone.
    private static let yToI: [UInt32: UInt32] = [
        0xFD: 0xED, 0x1EF3: 0xEC, 0x1EF7: 0x1EC9, 0x1EF9: 0x129, 0x1EF5: 0x1ECB,
    ]

    private static let vowels: Set<UInt32> = Set("aăâeêioôơuưy".unicodeScalars.map(\.value))

    /// The i that replaces a word-final toned y after a consonant, or nil.
    @inline(__always)
    static func foldedFinal(_ last: UInt32, after previous: UInt32) -> UInt32? {
        guard last >= 0xFD, let folded = yToI[last] else { return nil }
        let base = Scalars.stripAccent(previous)
        return !vowels.contains(base) && base < 0x80 ? folded : nil
    }

    /// The match key of a word: lowercase, i/y variants folded.
    public static func match(_ word: String) -> String {
        var word = word
        var builder = Builder()
        return word.withUTF8 { builder.key($0, from: 0, to: $0.count) }
    }

    /// Builds match keys from UTF-8 slices, reusing its buffers (one per document).
    struct Builder {
        private var bytes: [UInt8] = []

        /// The match key of `utf8[from..<to]` as a String.
        mutating func key(_ utf8: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> String {
            fill(utf8, from: from, to: to)
            return String(decoding: bytes, as: UTF8.self)
        }

        /// The vocabulary id of the match key of `utf8[from..<to]`, without making a String.
        mutating func id(_ utf8: UnsafeBufferPointer<UInt8>, from: Int, to: Int, in vocabulary: Vocabulary) -> Int32 {
            var ascii = true
            for index in from..<to where utf8[index] >= 0x80 {
                ascii = false
                break
            }
            if ascii { return vocabulary.lookupASCII(utf8, from: from, to: to) }
            fill(utf8, from: from, to: to)
            return bytes.withUnsafeBufferPointer { vocabulary.lookup($0) }
        }

        /// Puts the match key bytes in `bytes`: lowercase per scalar, then the i/y fold of
        /// the last scalar (see `foldedFinal`).
        private mutating func fill(_ utf8: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
            bytes.removeAll(keepingCapacity: true)
            var index = from
            var previous: UInt32 = 0
            var last: UInt32 = 0
            var lastStart = 0
            while index < to {
                let (value, length) = decodeScalar(utf8, at: index)
                previous = last
                last = Scalars.lowercase(value)
                lastStart = bytes.count
                appendScalar(last, to: &bytes)
                index += length
            }
            if index - from > 1, let folded = MatchKey.foldedFinal(last, after: previous) {
                bytes.removeSubrange(lastStart...)
                appendScalar(folded, to: &bytes)
            }
        }
    }

    /// The name key of NFC UTF-8 text `utf8[from..<to]` (no normalization pass needed).
    static func name(utf8: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(to - from)
        var index = from
        while index < to {
            let (value, length) = decodeScalar(utf8, at: index)
            appendScalar(Scalars.stripAccent(Scalars.lowercase(value)), to: &bytes)
            index += length
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The name key of a word or phrase: lowercase, accents stripped.
    public static func name(_ text: String) -> String {
        string(
            text.precomposedStringWithCanonicalMapping.unicodeScalars.map {
                Scalars.stripAccent(Scalars.lowercase($0.value))
            })
    }

    private static func string(_ scalars: [UInt32]) -> String {
        var view = String.UnicodeScalarView()
        for value in scalars { if let scalar = Unicode.Scalar(value) { view.append(scalar) } }
        return String(view)
    }
}

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

    /// Folds a lowercase key in place (scalars).
    static func foldVariants(_ scalars: inout [UInt32]) {
        guard scalars.count >= 2, let last = scalars.last, let folded = yToI[last] else { return }
        let previous = Scalars.stripAccent(scalars[scalars.count - 2])
        if !vowels.contains(previous) && previous < 0x80 { scalars[scalars.count - 1] = folded }
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
        private var scalars: [UInt32] = []

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

        /// Puts the match key bytes in `bytes`. ASCII words take a byte-only fast path.
        private mutating func fill(_ utf8: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
            bytes.removeAll(keepingCapacity: true)
            var index = from
            while index < to && utf8[index] < 0x80 {
                let byte = utf8[index]
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                index += 1
            }
            if index == to { return }
            scalars.removeAll(keepingCapacity: true)
            index = from
            while index < to {
                let (value, length) = decodeScalar(utf8, at: index)
                scalars.append(Scalars.lowercase(value))
                index += length
            }
            MatchKey.foldVariants(&scalars)
            bytes.removeAll(keepingCapacity: true)
            for value in scalars { appendScalar(value, to: &bytes) }
        }
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

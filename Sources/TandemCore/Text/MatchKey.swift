/// The keys rule tables and text are matched on.
///
/// `match` is lowercase with the Vietnamese i/y spelling variants folded: a toned syllable-final
/// `y` right after a consonant is written `i` (sỹ → sĩ, Mỹ → mĩ, tỷ → tỉ, lý → lí), so either
/// spelling matches a table written in the other. `name` also strips accents (Vučić → vucic,
/// Đức → duc) for names written with or without diacritics.
public enum MatchKey {
    /// The i that replaces a word-final toned y after a consonant, or nil (ý ỳ ỷ ỹ ỵ → í ì ỉ ĩ ị).
    @inline(__always)
    static func foldedFinal(_ last: UInt32, after previous: UInt32) -> UInt32? {
        let folded: UInt32
        switch last {
        case 0xFD: folded = 0xED
        case 0x1EF3: folded = 0xEC
        case 0x1EF7: folded = 0x1EC9
        case 0x1EF9: folded = 0x129
        case 0x1EF5: folded = 0x1ECB
        default: return nil
        }
        let base = Scalars.stripAccent(previous)
        guard base < 0x80 else { return nil }
        switch UInt8(base) {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
            UInt8(ascii: "y"):
            return nil
        default:
            return folded
        }
    }

    /// The match key of a word: lowercase, i/y variants folded.
    public static func match(_ word: String) -> String {
        var word = word
        return word.withUTF8 { key($0, from: 0, to: $0.count) }
    }

    /// The match key of `utf8[from..<to]` as a String.
    static func key(_ utf8: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * (to - from) + 4) { key in
            String(decoding: key[0..<writeMatchKey(utf8, from: from, to: to, into: key.baseAddress!)], as: UTF8.self)
        }
    }

    /// Writes the match key bytes of `utf8[from..<to]` at `key` (room for 4 bytes per
    /// scalar) and returns their count: lowercase per scalar, then the i/y fold of the
    /// last scalar (see `foldedFinal`).
    @inline(__always)
    static func writeMatchKey(
        _ utf8: UnsafeBufferPointer<UInt8>, from: Int, to: Int, into key: UnsafeMutablePointer<UInt8>
    ) -> Int {
        var count = 0
        var index = from
        var previous: UInt32 = 0
        var last: UInt32 = 0
        var lastStart = 0
        while index < to {
            let (value, length) = decodeScalar(utf8, at: index)
            previous = last
            last = Scalars.lowercase(value)
            lastStart = count
            count += writeScalar(last, to: key + count)
            index += length
        }
        if index - from > 1, let folded = foldedFinal(last, after: previous) {
            count = lastStart + writeScalar(folded, to: key + lastStart)
        }
        return count
    }

    /// Writes the name key bytes of NFC UTF-8 text `utf8[from..<to]` at `key` (room for 4
    /// bytes per scalar) and returns their count: lowercase, accents stripped.
    @inline(__always)
    private static func writeNameKey(
        _ utf8: UnsafeBufferPointer<UInt8>, from: Int, to: Int, into key: UnsafeMutablePointer<UInt8>
    ) -> Int {
        var count = 0
        var index = from
        while index < to {
            let (value, length) = decodeScalar(utf8, at: index)
            count += writeScalar(Scalars.stripAccent(Scalars.lowercase(value)), to: key + count)
            index += length
        }
        return count
    }

    /// A hash of the name key of NFC UTF-8 text `utf8[from..<to]`, computed without making a
    /// String: `Vocabulary.hash` of the key's bytes (so an ASCII word's is the hash of its
    /// bytes lowercased).
    static func nameHash(utf8: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> UInt64 {
        // Eight bytes of room past the key: the hash reads a word at a time.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * (to - from) + 12) { key in
            key.initialize(repeating: 0)
            let count = writeNameKey(utf8, from: from, to: to, into: key.baseAddress!)
            return Vocabulary.hash(key.baseAddress!, length: count, lowercase: false)
        }
    }

    /// A hash of the match key of NFC UTF-8 text `utf8[from..<to]` (lowercase, i/y folded,
    /// accents kept), computed without making a String: Vietnamese names that differ only in
    /// their tones are different names (Thanh, Thành).
    static func matchHash(utf8: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> UInt64 {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * (to - from) + 12) { key in
            key.initialize(repeating: 0)
            let count = writeMatchKey(utf8, from: from, to: to, into: key.baseAddress!)
            return Vocabulary.hash(key.baseAddress!, length: count, lowercase: false)
        }
    }

    /// The text with Latin and Vietnamese diacritics removed, case kept (`Phạm_Minh_Chính` →
    /// `Pham_Minh_Chinh`); ASCII text is returned as is.
    public static func withoutDiacritics(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        return string(
            CanonicalText.nfc(text).unicodeScalars.map { scalar in
                let lower = Scalars.lowercase(scalar.value)
                let base = Scalars.stripAccent(lower)
                // A Latin letter becomes its base letter in its own case; others stay.
                guard base >= 0x61 && base <= 0x7A else { return scalar.value }
                return lower != scalar.value ? base - 0x20 : base
            })
    }

    /// The name key of a word or phrase: lowercase, accents stripped.
    public static func name(_ text: String) -> String {
        string(
            CanonicalText.nfc(text).unicodeScalars.map {
                Scalars.stripAccent(Scalars.lowercase($0.value))
            })
    }

    private static func string(_ scalars: [UInt32]) -> String {
        var view = String.UnicodeScalarView()
        for value in scalars { if let scalar = Unicode.Scalar(value) { view.append(scalar) } }
        return String(view)
    }
}

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
        var scalars = word.unicodeScalars.map { Scalars.lowercase($0.value) }
        foldVariants(&scalars)
        return string(scalars)
    }

    /// The name key of a word or phrase: lowercase, accents stripped.
    public static func name(_ text: String) -> String {
        string(
            text.precomposedStringWithCanonicalMapping.unicodeScalars.map {
                Scalars.stripAccent(Scalars.lowercase($0.value))
            })
    }

    static func string(_ scalars: [UInt32]) -> String {
        var view = String.UnicodeScalarView()
        for value in scalars { if let scalar = Unicode.Scalar(value) { view.append(scalar) } }
        return String(view)
    }
}

/// Tells Vietnamese from English (or neither) by two cues: the share of words written with
/// Vietnamese letters and tone marks, and the share of each language's function words.
public struct LanguageIdentifier: Sendable {
    let resources: LanguageResources
    /// Words looked at; the rest of a long document adds nothing.
    var sampleWords = 200

    public init(resources: LanguageResources) { self.resources = resources }

    /// The language of a tokenized text and a confidence in 0…1, given each token's id in
    /// `resources.vocabulary`. `hint` (`<html lang>`) decides when the text itself says too little.
    public func identify(
        _ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], ids: [Int32], hint: String?
    ) -> (String, Double) {
        var words = 0
        var lowercaseWords = 0
        var marked = 0
        var onlyVietnamese = 0
        var viHits = 0
        var enHits = 0
        var enHitsCapitalized = 0
        // Read through buffer pointers: a `zip` of the two arrays steps two iterators.
        resources.functionWordLanguages.withUnsafeBufferPointer { flags in
            tokens.withUnsafeBufferPointer { tokens in
                ids.withUnsafeBufferPointer { ids in
                    for position in 0..<min(tokens.count, ids.count) where tokens[position].kind == .word {
                        let token = tokens[position]
                        words += 1
                        if words > sampleWords { break }
                        if token.lowercase { lowercaseWords += 1 }
                        let id = Int(ids[position])
                        if id >= 0 && id < flags.count {
                            if flags[id] & 1 != 0 { viHits += 1 }
                            if flags[id] & 2 != 0 {
                                enHits += 1
                                if !token.lowercase { enHitsCapitalized += 1 }
                            }
                        }
                        if token.ascii { continue }
                        var index = Int(token.start)
                        while index < Int(token.end) {
                            if bytes[index] < 0x80 {
                                index += 1
                                continue
                            }
                            let (value, length) = decodeScalar(bytes, at: index)
                            if Self.isVietnamese(value) {
                                marked += 1
                                if Self.isOnlyVietnamese(value) { onlyVietnamese += 1 }
                                break
                            }
                            index += length
                        }
                    }
                }
            }
        }
        let hinted = hint.map { String($0.lowercased().prefix(2)) }
        guard words >= 3 else {
            if let hinted, LanguageResources.languages.contains(hinted) { return (hinted, 0.5) }
            return ("other", 0.0)
        }
        let total = Double(min(words, sampleWords))
        let markedShare = Double(marked) / total
        // Without a letter only Vietnamese writes, nor any of its function words, marks such
        // as é and à are French or Spanish.
        let viScore =
            onlyVietnamese == 0 && viHits == 0
            ? 0 : min(1, markedShare / 0.2) * 0.5 + min(1, Double(viHits) / total / 0.12) * 0.5
        // In a short text (a headline, a line of a stream) names weigh too much: there English
        // function words are also counted among the words that are no name (lowercase, or a
        // function word such as a capitalized The), and the better share counts.
        var enShare = Double(enHits) / total / 0.25
        let notNames = lowercaseWords + enHitsCapitalized
        if words < Self.shortText && notNames >= 3 { enShare = max(enShare, Double(enHits) / Double(notNames) / 0.4) }
        let enScore = min(1, enShare) * (markedShare < 0.03 ? 1 : 0.5)
        let best = max(viScore, enScore)
        if best < 0.5 {
            if let hinted, LanguageResources.languages.contains(hinted) { return (hinted, 0.5) }
            return ("other", ((1 - best) * 100).rounded() / 100)
        }
        if abs(viScore - enScore) < 0.15, let hinted, LanguageResources.languages.contains(hinted) {
            return (hinted, 0.5)
        }
        let language = viScore >= enScore ? "vi" : "en"
        return (language, min(1, best * (1 - min(viScore, enScore) / 2)))
    }

    /// Fewer words than this make a short text (see `identify`).
    static let shortText = 40

    /// Letters no other language written in Latin letters uses: ă đ ơ ư and the tone-marked
    /// vowels of Latin Extended Additional.
    @inline(__always)
    static func isOnlyVietnamese(_ value: UInt32) -> Bool {
        switch value {
        case 0x102, 0x103, 0x110, 0x111, 0x1A0, 0x1A1, 0x1AF, 0x1B0, 0x1EA0...0x1EF9: return true
        default: return false
        }
    }

    /// Letters only Vietnamese uses among the languages Tandem meets: ă â đ ê ô ơ ư and the
    /// tone-marked vowels of Latin Extended Additional.
    @inline(__always)
    static func isVietnamese(_ value: UInt32) -> Bool {
        switch value {
        case 0x102, 0x103, 0x110, 0x111, 0x1A0, 0x1A1, 0x1AF, 0x1B0, 0xC2, 0xE2, 0xCA, 0xEA, 0xD4, 0xF4:
            return true
        case 0x1EA0...0x1EF9:
            return true
        case 0xC0, 0xC1, 0xC3, 0xC8, 0xC9, 0xCC, 0xCD, 0xD2, 0xD3, 0xD5, 0xD9, 0xDA, 0xDD,
            0xE0, 0xE1, 0xE3, 0xE8, 0xE9, 0xEC, 0xED, 0xF2, 0xF3, 0xF5, 0xF9, 0xFA, 0xFD, 0x128, 0x129, 0x168, 0x169:
            return true
        default:
            return false
        }
    }
}

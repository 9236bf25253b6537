/// Character classes and case mapping for the scripts Tandem reads, on Unicode scalar
/// values. Small and table-free on purpose: the tokenizer calls these per scalar.
enum Scalars {
    /// Whether a non-ASCII scalar counts as a letter for tokenization. Punctuation, symbols,
    /// arrows, CJK punctuation, emoji and fullwidth punctuation do not.
    @inline(__always)
    static func isLetter(_ value: UInt32) -> Bool {
        if value < 0x80 {
            return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A
        }
        if value < 0xC0 { return value == 0xAA || value == 0xB5 || value == 0xBA }
        if value == 0xD7 || value == 0xF7 { return false }
        if value >= 0x2000 && value <= 0x2BFF { return false }
        if value >= 0x3000 && value <= 0x303F { return false }
        if value >= 0xFE30 && value <= 0xFE4F { return false }
        if value >= 0xFF00 && value <= 0xFF20 { return false }
        if value >= 0x1F000 { return false }
        return true
    }

    /// Whether a scalar is an uppercase letter (Latin, Vietnamese, Greek, Cyrillic).
    @inline(__always)
    static func isUppercase(_ value: UInt32) -> Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return isUppercaseBeyondASCII(value)
    }

    /// `isUppercase` past ASCII, out of line: the case table is too large to inline into
    /// every caller (the compiler then declined to inline `isUppercase` at all).
    @inline(never)
    static func isUppercaseBeyondASCII(_ value: UInt32) -> Bool { lowercase(value) != value }

    /// The lowercase form of a scalar in the Latin, Vietnamese, Greek and Cyrillic blocks.
    @inline(__always)
    static func lowercase(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x41...0x5A: return value + 0x20
        case 0xC0...0xDE where value != 0xD7: return value + 0x20
        case 0x100...0x137, 0x14A...0x177, 0x182...0x185, 0x1A0...0x1A5, 0x1E00...0x1E95, 0x1EA0...0x1EFF:
            return value & 1 == 0 ? value + 1 : value
        case 0x139...0x148, 0x179...0x17E:
            return value & 1 == 1 ? value + 1 : value
        case 0x178: return 0xFF
        case 0x1AF: return 0x1B0
        case 0x1B3, 0x1B5: return value + 1
        case 0x391...0x3A9 where value != 0x3A2: return value + 0x20
        case 0x400...0x40F: return value + 0x50
        case 0x410...0x42F: return value + 0x20
        default: return value
        }
    }

    /// The base letter of a Latin or Vietnamese letter without its diacritics, for
    /// accent-insensitive name keys (`Vučić` → `vucic`, `Đức` → `duc`). Lowercase in,
    /// lowercase out; scalars it does not know are returned unchanged.
    static func stripAccent(_ value: UInt32) -> UInt32 {
        if value < 0xC0 { return value }
        if value <= 0xFF {
            return latin1Base[Int(value - 0xC0)]
        }
        if value >= 0x100 && value <= 0x17F { return latinExtendedABase[Int(value - 0x100)] }
        switch value {
        case 0x1A1: return 0x6F  // ơ
        case 0x1B0: return 0x75  // ư
        case 0x1EA1...0x1EB7: return 0x61
        case 0x1EB9...0x1EC7: return 0x65
        case 0x1EC9, 0x1ECB: return 0x69
        case 0x1ECD...0x1EE3: return 0x6F
        case 0x1EE5...0x1EF1: return 0x75
        case 0x1EF3...0x1EF9: return 0x79
        default: return value
        }
    }

    private static let latin1Base: [UInt32] = Array(
        "aaaaaaaceeeeiiiidnooooo×ouuuuyþsaaaaaaaceeeeiiiidnooooo÷ouuuuyþy".unicodeScalars.map { $0.value })

    private static let latinExtendedABase: [UInt32] = Array(
        ("aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssss"
            + "ttttttuuuuuuuuuuuuwwyyyzzzzzzs").unicodeScalars.map { $0.value })
}

/// Decodes the UTF-8 scalar at `index` in `bytes`; returns the value and its length.
/// The input is valid UTF-8 (it comes from a Swift String).
@inline(__always)
func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
    let lead = UInt32(bytes[index])
    if lead < 0x80 { return (lead, 1) }
    if lead < 0xE0 {
        return (((lead & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F), 2)
    }
    if lead < 0xF0 {
        return (
            ((lead & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6) | (UInt32(bytes[index + 2]) & 0x3F), 3
        )
    }
    return (
        ((lead & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12) | ((UInt32(bytes[index + 2]) & 0x3F) << 6)
            | (UInt32(bytes[index + 3]) & 0x3F), 4
    )
}

/// Writes the UTF-8 encoding of a scalar at `pointer` (room for 4 bytes); returns its length.
@inline(__always)
func writeScalar(_ value: UInt32, to pointer: UnsafeMutablePointer<UInt8>) -> Int {
    if value < 0x80 {
        pointer[0] = UInt8(value)
        return 1
    } else if value < 0x800 {
        pointer[0] = UInt8(0xC0 | (value >> 6))
        pointer[1] = UInt8(0x80 | (value & 0x3F))
        return 2
    } else if value < 0x10000 {
        pointer[0] = UInt8(0xE0 | (value >> 12))
        pointer[1] = UInt8(0x80 | ((value >> 6) & 0x3F))
        pointer[2] = UInt8(0x80 | (value & 0x3F))
        return 3
    }
    pointer[0] = UInt8(0xF0 | (value >> 18))
    pointer[1] = UInt8(0x80 | ((value >> 12) & 0x3F))
    pointer[2] = UInt8(0x80 | ((value >> 6) & 0x3F))
    pointer[3] = UInt8(0x80 | (value & 0x3F))
    return 4
}

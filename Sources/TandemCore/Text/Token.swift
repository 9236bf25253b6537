import Foundation

/// One token of the normalized text: a run of letters, a run of ASCII digits, or one
/// punctuation or symbol scalar. Whitespace separates tokens but is not one.
public struct Token: Sendable, Equatable, BitwiseCopyable {
    /// What a token is made of.
    public enum Kind: UInt8, Sendable, BitwiseCopyable {
        case word
        case digits
        case punctuation
    }

    /// Byte range in the normalized text.
    public var start: Int32
    public var end: Int32
    public var kind: Kind
    /// Whitespace separates this token from the previous one.
    public var spaceBefore: Bool
    /// A line break separates this token from the previous one.
    public var newlineBefore: Bool
    /// Words: the first letter is uppercase.
    public var capitalized: Bool
    /// Words: every letter is uppercase (acronyms such as NATO).
    public var allCaps: Bool
    /// Every byte is ASCII.
    public var ascii: Bool = true
    /// No letter is uppercase (always so for digits and punctuation).
    public var lowercase: Bool = true

    /// Whether this token touches the previous one (no whitespace between them).
    @inline(__always) public var glued: Bool { !spaceBefore }
}

/// Splits normalized UTF-8 into tokens in one pass over the bytes.
public struct Tokenizer: Sendable {
    public init() {}

    /// The tokens of a table's phrase as words (set-up time): `secretary-general` is three,
    /// `1st` two, as they are in a text.
    public static func words(of phrase: String) -> [String] {
        let bytes = Array(CanonicalText.nfc(phrase).utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            Tokenizer().tokenize(buffer).map { token in
                String(decoding: buffer[Int(token.start)..<Int(token.end)], as: UTF8.self)
            }
        }
    }

    /// Tokenizes `bytes` (valid UTF-8). Offsets are byte offsets into `bytes`.
    public func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        // Tokens go to raw memory first (an Array append checks uniqueness and capacity
        // through a call per token), then into an Array of the exact size.
        // Offsets are 32-bit: checked once here, not per token.
        precondition(bytes.count <= Int(Int32.max), "a text of 2 GiB or more cannot be tokenized")
        return Self.twoByteClasses.withUnsafeBufferPointer { tokenize(bytes, twoByteClasses: $0) }
    }

    /// The tokenizer's classes of the scalars written in two UTF-8 bytes (U+0080 to U+07FF,
    /// indexed by value): Latin-1, Latin Extended (ă đ ĩ ũ ơ ư), combining marks, Greek,
    /// Cyrillic. Read once per scalar instead of the range tests of `Scalars`.
    private static let twoByteClasses: [UInt8] = (0..<0x800).map { value in
        var classes: UInt8 = 0
        if Scalars.isLetter(UInt32(value)) { classes |= letterClass }
        if Scalars.isUppercase(UInt32(value)) { classes |= uppercaseClass }
        if value >= 0x300 && value <= 0x36F { classes |= markClass }
        return classes
    }
    private static let letterClass: UInt8 = 1
    private static let uppercaseClass: UInt8 = 2
    /// A combining mark: part of a word (a letter for `Scalars.isLetter`), but no case.
    private static let markClass: UInt8 = 4

    private func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, twoByteClasses: UnsafeBufferPointer<UInt8>) -> [Token] {
        var capacity = bytes.count / 4 + 16
        var buffer = UnsafeMutablePointer<Token>.allocate(capacity: capacity)
        var tokenCount = 0
        defer { buffer.deallocate() }
        var index = 0
        let count = bytes.count
        var sawSpace = true
        var sawNewline = true
        while index < count {
            let byte = bytes[index]
            if byte <= 0x20 && Self.isSpace(byte) {
                sawSpace = true
                if byte == 0x0A { sawNewline = true }
                index += 1
                continue
            }
            let start = index
            var kind = Token.Kind.punctuation
            var capitalized = false
            var allCaps = false
            var ascii = true
            var lowercase = true
            if byte >= 0x30 && byte <= 0x39 {
                kind = .digits
                index += 1
                while index < count && bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
            } else {
                let (value, length) = decodeScalar(bytes, at: index)
                ascii = byte < 0x80
                let isLetter: Bool
                if value < 0x800 {
                    let classes = twoByteClasses[Int(value)]
                    isLetter = classes & Self.letterClass != 0
                    capitalized = isLetter && classes & Self.uppercaseClass != 0
                } else {
                    isLetter = Scalars.isLetter(value)
                    capitalized = isLetter && Scalars.isUppercase(value)
                }
                if isLetter {
                    kind = .word
                    allCaps = capitalized
                    lowercase = !capitalized
                    index += length
                    while index < count {
                        let next = bytes[index]
                        if next < 0x80 && index + 8 <= count {
                            // Eight bytes at a time: the run of ASCII letters and their case.
                            let word = UInt64(
                                littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(
                                    as: UInt64.self))
                            let run = Self.asciiLetterRun(word)
                            if run.anyLowercase { allCaps = false }
                            if run.anyUppercase { lowercase = false }
                            index += run.length
                            // Short of eight, the run ended at a byte that is no ASCII letter:
                            // an ASCII one ends the word, another goes to the general path.
                            if run.length < 8 && bytes[index] < 0x80 { break }
                            continue
                        }
                        if next < 0x80 {
                            guard (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A else { break }
                            if next >= 0x61 { allCaps = false } else { lowercase = false }
                            index += 1
                        } else {
                            ascii = false
                            // Vietnamese precomposed letters (U+1EA0-U+1EF9, E1 BA-BB xx):
                            // letters whose case is their parity, without the general tables.
                            if next == 0xE1 && index + 2 < count && bytes[index + 1] >= 0xBA
                                && bytes[index + 1] <= 0xBB
                            {
                                let scalar =
                                    0x1000 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | (UInt32(bytes[index + 2]) & 0x3F)
                                if scalar >= 0x1EA0 && scalar <= 0x1EF9 {
                                    if scalar & 1 == 0 { lowercase = false } else { allCaps = false }
                                    index += 3
                                    continue
                                }
                            }
                            // Two-byte scalars (Latin-1, ă đ ơ ư, combining marks) by table.
                            if next < 0xE0 && index + 1 < count {
                                let scalar = (UInt32(next) & 0x1F) << 6 | (UInt32(bytes[index + 1]) & 0x3F)
                                let classes = twoByteClasses[Int(scalar)]
                                guard classes & Self.letterClass != 0 else { break }
                                if classes & Self.markClass == 0 {
                                    if classes & Self.uppercaseClass != 0 { lowercase = false } else { allCaps = false }
                                }
                                index += 2
                                continue
                            }
                            // Three or four bytes: a letter or not (the combining marks are
                            // two-byte scalars, classed above).
                            let (scalar, scalarLength) = decodeScalar(bytes, at: index)
                            guard Scalars.isLetter(scalar) else { break }
                            if Scalars.isUppercase(scalar) { lowercase = false } else { allCaps = false }
                            index += scalarLength
                        }
                    }
                } else {
                    index += length
                }
            }
            if tokenCount == capacity {
                let grown = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
                grown.moveInitialize(from: buffer, count: tokenCount)
                buffer.deallocate()
                buffer = grown
                capacity *= 2
            }
            (buffer + tokenCount).initialize(
                to: Token(
                    start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: index), kind: kind,
                    spaceBefore: sawSpace,
                    newlineBefore: sawNewline, capitalized: capitalized, allCaps: allCaps, ascii: ascii,
                    lowercase: lowercase))
            tokenCount += 1
            sawSpace = false
            sawNewline = false
        }
        return Array(copying: buffer, count: tokenCount)
    }

    /// ASCII whitespace (space, tab, line feed, vertical tab, form feed, carriage return), by
    /// one bit test: bit `b` of the mask is set for each whitespace byte `b` below 0x21.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        (UInt64(0x1_0000_3E00) >> UInt64(byte)) & 1 != 0
    }

    /// How many of the eight bytes of `word` (little-endian: the first byte lowest) are ASCII
    /// letters before the first that is not, and whether those hold a lowercase or an
    /// uppercase letter: bytewise arithmetic without carries between bytes.
    @inline(__always)
    static func asciiLetterRun(_ word: UInt64) -> (length: Int, anyLowercase: Bool, anyUppercase: Bool) {
        let highBits: UInt64 = 0x8080_8080_8080_8080
        // Case folded to lowercase, high bits cleared so that sums cannot carry.
        let folded = (word | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = folded &+ 0x1F1F_1F1F_1F1F_1F1F  // high bit: folded >= 0x61
        let pastZ = folded &+ 0x0505_0505_0505_0505  // high bit: folded >= 0x7B
        let letters = atLeastA & ~pastZ & ~word & highBits
        let length = (~letters & highBits).trailingZeroBitCount / 8
        let run = length == 8 ? letters : letters & ((1 << UInt64(length * 8)) &- 1)
        // A lowercase ASCII letter has bit 5 set; shifted left by two it lands on bit 7.
        let lowercaseBits = word << 2
        return (length, run & lowercaseBits != 0, run & ~lowercaseBits != 0)
    }
}

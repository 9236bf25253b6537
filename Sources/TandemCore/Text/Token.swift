/// One token of the normalized text: a run of letters, a run of ASCII digits, or one
/// punctuation or symbol scalar. Whitespace separates tokens but is not one.
public struct Token: Sendable, Equatable {
    /// What a token is made of.
    public enum Kind: UInt8, Sendable {
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

    /// Tokenizes `bytes` (valid UTF-8). Offsets are byte offsets into `bytes`.
    public func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5)
        var index = 0
        let count = bytes.count
        var sawSpace = true
        var sawNewline = true
        while index < count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == 0x0B || byte == 0x0C {
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
                if Scalars.isLetter(value) {
                    kind = .word
                    capitalized = Scalars.isUppercase(value)
                    allCaps = capitalized
                    lowercase = !capitalized
                    index += length
                    while index < count {
                        let next = bytes[index]
                        if next < 0x80 {
                            guard (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A else { break }
                            if next >= 0x61 { allCaps = false } else { lowercase = false }
                            index += 1
                        } else {
                            ascii = false
                            let (scalar, scalarLength) = decodeScalar(bytes, at: index)
                            let isMark = scalar >= 0x300 && scalar <= 0x36F
                            guard isMark || Scalars.isLetter(scalar) else { break }
                            if !isMark {
                                if Scalars.isUppercase(scalar) { lowercase = false } else { allCaps = false }
                            }
                            index += scalarLength
                        }
                    }
                } else {
                    index += length
                }
            }
            tokens.append(
                Token(
                    start: Int32(start), end: Int32(index), kind: kind, spaceBefore: sawSpace,
                    newlineBefore: sawNewline, capitalized: capitalized, allCaps: allCaps, ascii: ascii,
                    lowercase: lowercase))
            sawSpace = false
            sawNewline = false
        }
        return tokens
    }
}

/// Reads JSON text (RFC 8259) into a `JSONValue` straight from its UTF-8 bytes, accepting
/// what Foundation's `JSONDecoder` accepts: strings of valid UTF-8 with their escapes (a
/// surrogate only in a pair), a number as an integer when its value is whole and fits in 64
/// bits (`1.0`, `1e2`), a trailing comma before `]` or `}`, a byte-order mark first, the first
/// of two members with one key, and containers nested at most 512 deep.
///
/// (Decoding a `JSONValue` through `JSONDecoder` tried each type in turn and threw at each
/// miss: about 150 instructions a byte of a stream line, more than the rest of the pipeline's
/// work on it together.)
struct JSONParser {
    /// The deepest nesting of arrays and objects read, as `JSONDecoder` reads.
    static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The value the bytes hold, or nil when they are not one JSON value (with whitespace
    /// around it) or break a limit above.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        var parser = JSONParser(bytes: bytes)
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { parser.position = 3 }
        guard let value = parser.value() else { return nil }
        parser.skipWhitespace()
        return parser.position == bytes.count ? value : nil
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Whether the byte at `position` is `byte` (false at the end).
    private func at(_ byte: UInt8) -> Bool {
        position < bytes.count && bytes[position] == byte
    }

    private func atDigit() -> Bool {
        position < bytes.count && bytes[position] &- 0x30 < 10
    }

    private mutating func value() -> JSONValue? {
        skipWhitespace()
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map(JSONValue.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) -> JSONValue? {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return nil }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return nil }
        position += count
        return value
    }

    /// Reads a container from its opening byte to `closing`, each item with `item` (false
    /// when the item is no JSON); a comma may trail the last. False when an item or a comma
    /// is missing, or the container nests too deep.
    private mutating func container(closing: UInt8, _ item: (inout JSONParser) -> Bool) -> Bool {
        depth += 1
        guard depth <= Self.maximumDepth else { return false }
        position += 1
        skipWhitespace()
        var closed = at(closing)
        while !closed {
            guard item(&self) else { return false }
            skipWhitespace()
            if !at(closing) {
                guard at(UInt8(ascii: ",")) else { return false }
                position += 1
                skipWhitespace()
            }
            closed = at(closing)
        }
        position += 1
        depth -= 1
        return true
    }

    private mutating func object() -> JSONValue? {
        var members: [String: JSONValue] = [:]
        let read = container(closing: UInt8(ascii: "}")) { parser in
            parser.skipWhitespace()
            guard parser.at(UInt8(ascii: "\"")), let key = parser.string() else { return false }
            parser.skipWhitespace()
            guard parser.at(UInt8(ascii: ":")) else { return false }
            parser.position += 1
            guard let member = parser.value() else { return false }
            if members[key] == nil { members[key] = member }
            return true
        }
        return read ? .object(members) : nil
    }

    private mutating func array() -> JSONValue? {
        var elements: [JSONValue] = []
        let read = container(closing: UInt8(ascii: "]")) { parser in
            guard let element = parser.value() else { return false }
            elements.append(element)
            return true
        }
        return read ? .array(elements) : nil
    }

    /// The string whose opening quote is at `position`, unescaped; nil for a control
    /// character, a bad escape, a lone surrogate, invalid UTF-8 or no closing quote. Runs of
    /// plain bytes are found eight at a time and copied whole; a string with no escape is
    /// validated in place.
    private mutating func string() -> String? {
        position += 1
        var runStart = position
        // The bytes before the last run, once an escape was met (an escape adds at least one
        // byte, so this stays empty only while none was).
        var unescaped: [UInt8] = []
        while true {
            let end = plainRunEnd(from: runStart)
            guard end < bytes.count, bytes[end] >= 0x20 else { return nil }
            let run = UnsafeBufferPointer(rebasing: bytes[runStart..<end])
            if bytes[end] == UInt8(ascii: "\"") {
                position = end + 1
                if unescaped.isEmpty { return String(validating: run, as: UTF8.self) }
                unescaped.append(contentsOf: run)
                return String(validating: unescaped, as: UTF8.self)
            }
            // A backslash: the run so far, then the escape decoded.
            unescaped.append(contentsOf: run)
            position = end
            guard unescape(into: &unescaped) else { return nil }
            runStart = position
        }
    }

    /// Where the run of bytes from `start` that needs no care ends: at a quote, a backslash,
    /// a control character or the end.
    private func plainRunEnd(from start: Int) -> Int {
        var end = start
        // Eight bytes at a time while none is a quote, a backslash or a control character.
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while end + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self)
                let quotes = word ^ (ones &* 0x22)
                let backslashes = word ^ (ones &* 0x5C)
                let stops =
                    ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
                    | ((word &- ones &* 0x20) & ~word)
                if stops & highs != 0 { break }
                end += 8
            }
        }
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            end += 1
        }
        return end
    }

    /// Decodes the escape whose backslash is at `position` onto `unescaped`, reading past it;
    /// false for a bad escape or a lone surrogate.
    private mutating func unescape(into unescaped: inout [UInt8]) -> Bool {
        guard position + 1 < bytes.count else { return false }
        let escape = bytes[position + 1]
        position += 2
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(escape)
        case UInt8(ascii: "b"): unescaped.append(0x08)
        case UInt8(ascii: "f"): unescaped.append(0x0C)
        case UInt8(ascii: "n"): unescaped.append(0x0A)
        case UInt8(ascii: "r"): unescaped.append(0x0D)
        case UInt8(ascii: "t"): unescaped.append(0x09)
        case UInt8(ascii: "u"):
            guard var value = hexQuad(), !(0xDC00...0xDFFF).contains(value) else { return false }
            if (0xD800...0xDBFF).contains(value) {
                // A high surrogate takes the low one escaped right after it.
                guard at(UInt8(ascii: "\\")), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u")
                else { return false }
                position += 2
                guard let low = hexQuad(), (0xDC00...0xDFFF).contains(low) else { return false }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(value) else { return false }
            unescaped.append(contentsOf: UTF8.encode(scalar)!)
        default: return false
        }
        return true
    }

    /// The four hex digits at `position`, read past.
    private mutating func hexQuad() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// A number: an integer when written without a fraction or an exponent and in range, or
    /// when its value is whole and in range; else a decimal; nil when not finite.
    private mutating func number() -> JSONValue? {
        let start = position
        if at(UInt8(ascii: "-")) { position += 1 }
        guard atDigit() else { return nil }
        if at(UInt8(ascii: "0")) {
            position += 1
        } else {
            while atDigit() { position += 1 }
        }
        var written = true
        if at(UInt8(ascii: ".")) {
            written = false
            position += 1
            guard atDigit() else { return nil }
            while atDigit() { position += 1 }
        }
        if at(UInt8(ascii: "e")) || at(UInt8(ascii: "E")) {
            written = false
            position += 1
            if at(UInt8(ascii: "+")) || at(UInt8(ascii: "-")) { position += 1 }
            guard atDigit() else { return nil }
            while atDigit() { position += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if written, let integer = Int64(text) { return .integer(integer) }
        guard let value = Double(text), value.isFinite else { return nil }
        if value == value.rounded() && value >= -0x1p63 && value < 0x1p63 { return .integer(Int64(value)) }
        return .number(value)
    }
}

import CTandemShim
import Foundation

/// Turns document bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, and
/// legacy charsets through ICU's converters. Windows-1258, which ICU cannot detect, is
/// recognized by its combining tone bytes after vowels.
public struct CharsetDecoder: Sendable {
    /// The result of decoding: the text, the charset used and anything worth a warning.
    public struct Decoded: Sendable {
        /// The text as well-formed UTF-8.
        public var utf8: [UInt8]
        public var encoding: String
        public var warnings: [String]

        /// The text as a String.
        public var text: String { String(decoding: utf8, as: UTF8.self) }
    }

    /// The lowest ICU detector confidence Tandem accepts for a legacy charset.
    public var minimumConfidence: Int32 = 20

    public init() {}

    public func decode(_ bytes: [UInt8]) throws(StageFailure) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try decodeUTF8(Array(bytes.dropFirst(3)), encoding: "UTF-8 (BOM)")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let name = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
            var text = try convert(Array(bytes.dropFirst(2)), from: name)
            if text.utf8.isEmpty { throw StageFailure("the document holds only a byte order mark") }
            text.encoding = name
            return text
        }
        // memchr: one vectorized pass, where `firstIndex(of:)` looks at a byte at a time.
        let nulOffset = bytes.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let found = memchr(base, 0, raw.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
        if let nul = nulOffset {
            throw StageFailure("binary data: NUL byte at offset \(nul); not a text document")
        }
        // Valid UTF-8 is kept as it is: no copy.
        if Self.isValidUTF8(bytes) {
            return Decoded(utf8: bytes, encoding: "UTF-8", warnings: [])
        }
        return try decodeInvalidUTF8(bytes)
    }

    /// Whether `bytes` is well-formed UTF-8, as Swift's String checks it.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { tandem_utf8_valid($0.baseAddress, Int64($0.count)) != 0 }
    }

    /// `bytes` when well-formed UTF-8, else with each ill-formed sequence replaced by U+FFFD.
    static func wellFormed(_ bytes: [UInt8]) -> [UInt8] {
        isValidUTF8(bytes) ? bytes : Array(String(decoding: bytes, as: UTF8.self).utf8)
    }

    private func decodeUTF8(_ bytes: [UInt8], encoding: String) throws(StageFailure) -> Decoded {
        if Self.isValidUTF8(bytes) {
            return Decoded(utf8: bytes, encoding: encoding, warnings: [])
        }
        var decoded = try decodeInvalidUTF8(bytes)
        decoded.encoding = encoding
        return decoded
    }

    /// Bytes that are not valid UTF-8: mostly-UTF-8 text with a few bad bytes is repaired
    /// with U+FFFD; otherwise a legacy charset is tried.
    private func decodeInvalidUTF8(_ bytes: [UInt8]) throws(StageFailure) -> Decoded {
        let (valid, invalid) = Self.countUTF8Sequences(bytes)
        if valid > 0 && invalid <= max(3, valid / 10) {
            return Decoded(
                utf8: Self.wellFormed(bytes), encoding: "UTF-8",
                warnings: ["\(invalid) invalid UTF-8 byte sequence(s) replaced with U+FFFD"])
        }
        if Self.looksLikeWindows1258(bytes) {
            var decoded = try convert(bytes, from: "windows-1258")
            decoded.warnings.append("not UTF-8: decoded as windows-1258 (Vietnamese tone bytes found)")
            return decoded
        }
        var name = [CChar](repeating: 0, count: 64)
        let confidence = tandem_charset_detect(bytes, Int32(bytes.count), &name, 64)
        let charset = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard confidence >= minimumConfidence, !charset.isEmpty, !charset.hasPrefix("UTF") else {
            throw StageFailure(
                "not valid UTF-8 (\(invalid) invalid sequence(s)) and no legacy encoding was recognized"
                    + (charset.isEmpty ? "" : " (best guess \(charset), confidence \(confidence))"))
        }
        let (converted, illegal) = try convertCounting(bytes, from: charset)
        var decoded = converted
        if illegal > 0 {
            throw StageFailure(
                "not valid UTF-8 (\(invalid) invalid sequence(s)) and not valid \(charset) either (ICU's best guess, "
                    + "confidence \(confidence))")
        }
        decoded.warnings.append("not UTF-8: decoded as \(charset) (ICU detector, confidence \(confidence))")
        return decoded
    }

    /// Converts bytes in an ICU charset to a String, warning about replaced sequences.
    public func convert(_ bytes: [UInt8], from charset: String) throws(StageFailure) -> Decoded {
        var (decoded, illegal) = try convertCounting(bytes, from: charset)
        if illegal > 0 { decoded.warnings.append("\(illegal) byte sequence(s) invalid in \(charset) were replaced") }
        return decoded
    }

    /// Converts bytes in an ICU charset; also returns how many sequences were replaced.
    private func convertCounting(_ bytes: [UInt8], from charset: String) throws(StageFailure) -> (Decoded, Int) {
        var output: UnsafeMutablePointer<UInt8>?
        var illegal: Int32 = 0
        let length = tandem_charset_to_utf8(charset, bytes, Int32(bytes.count), &output, &illegal)
        guard length >= 0, let output else {
            throw StageFailure("ICU could not convert from \(charset) (error \(-length))")
        }
        defer { tandem_free(output) }
        // ICU writes well-formed UTF-8; checked all the same, and repaired if it were not.
        let utf8 = Self.wellFormed(Array(copying: output, count: Int(length)))
        return (Decoded(utf8: utf8, encoding: charset, warnings: []), Int(illegal))
    }

    /// Counts well-formed multi-byte UTF-8 sequences and invalid bytes.
    static func countUTF8Sequences(_ bytes: [UInt8]) -> (valid: Int, invalid: Int) {
        var valid = 0
        var invalid = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0
            var ok = length > 0 && index + length <= bytes.count
            if ok {
                for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { ok = false }
            }
            if ok {
                valid += 1
                index += length
            } else {
                invalid += 1
                index += 1
            }
        }
        return (valid, invalid)
    }

    /// Windows-1258 stores Vietnamese tones as combining bytes (0xCC grave, 0xEC acute,
    /// 0xD2 hook, 0xDE tilde, 0xF2 dot below) right after a vowel byte. Real UTF-8 and
    /// other Latin charsets almost never put those bytes there.
    static func looksLikeWindows1258(_ bytes: [UInt8]) -> Bool {
        let tones: Set<UInt8> = [0xCC, 0xEC, 0xD2, 0xDE, 0xF2]
        let vowels: Set<UInt8> = Set(
            Array("aeiouyAEIOUY".utf8) + [0xE2, 0xEA, 0xF4, 0xE3, 0xF5, 0xFD, 0xC2, 0xCA, 0xD4, 0xC3, 0xD5, 0xDD])
        var toneAfterVowel = 0
        var high = 0
        for index in bytes.indices where bytes[index] >= 0x80 {
            high += 1
            if index > 0 && tones.contains(bytes[index]) && vowels.contains(bytes[index - 1]) {
                toneAfterVowel += 1
            }
        }
        return toneAfterVowel >= 2 && toneAfterVowel * 4 >= high
    }
}

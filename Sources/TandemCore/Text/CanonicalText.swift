import CTandemShim
import Foundation

/// NFC of set-up-time text (rule tables, lexicons, a table's phrases) through ICU: ASCII and
/// text already in NFC come back as they are, with no copy and no Foundation bridging.
enum CanonicalText {
    /// `text` in Unicode normalization form C.
    static func nfc(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
            // The shim counts in 32 bits and may need three times the text's length.
            guard bytes.count < Int(Int32.max) / 4 else {
                return String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping
            }
            if tandem_is_ascii(base, Int32(bytes.count)) != 0 { return nil }
            var output: UnsafeMutablePointer<UInt8>?
            let length = tandem_nfc_utf8(base, Int32(bytes.count), &output)
            guard length >= 0, let output else {
                // -1: already NFC. -2 (ICU failed): Foundation's NFC instead.
                return length == -1 ? nil : String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping
            }
            defer { free(output) }
            return String(decoding: UnsafeBufferPointer(start: output, count: Int(length)), as: UTF8.self)
        } ?? text
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (Unicode space separators and
    /// U+0009, as Foundation's `CharacterSet.whitespaces`), without bridging to NSString:
    /// rule tables load thousands of lines at every start.
    var trimmingSpaces: String {
        let text = self[startIndex..<endIndex]
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end && scalars[start].isSpaceOrTab { start = scalars.index(after: start) }
        while start < end {
            let before = scalars.index(before: end)
            if !scalars[before].isSpaceOrTab { break }
            end = before
        }
        return String(text[start..<end])
    }
}

extension StringProtocol where SubSequence == Substring {
    /// The parts between occurrences of an ASCII byte, found in the UTF-8 bytes: the parts
    /// `split(separator:)` finds for that character, without breaking the text into
    /// characters (rule tables split thousands of lines into fields at every start).
    func split(byte separator: UInt8, omittingEmpty: Bool = false) -> [Substring] {
        let text = self[startIndex..<endIndex]
        let utf8 = text.utf8
        var parts: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            if utf8[index] == separator {
                if !omittingEmpty || start < index { parts.append(text[start..<index]) }
                index = utf8.index(after: index)
                start = index
            } else {
                index = utf8.index(after: index)
            }
        }
        if !omittingEmpty || start < utf8.endIndex { parts.append(text[start..<utf8.endIndex]) }
        return parts
    }
}

extension Unicode.Scalar {
    /// A space separator (general category Zs) or a tab.
    var isSpaceOrTab: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return properties.generalCategory == .spaceSeparator
    }
}

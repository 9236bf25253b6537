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

extension Unicode.Scalar {
    /// A space separator (general category Zs) or a tab.
    var isSpaceOrTab: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return properties.generalCategory == .spaceSeparator
    }
}

import Foundation

/// A parsed `.rules` file: settings, rules, blockers and executable examples.
///
/// One statement per line, `#` starts a comment:
/// ```
/// set decimal ,                               a setting for the extractor
/// rule percent: NUM ~% => unit=percent         a rule: pattern => outputs
/// block score: tỉ số NUM ~- ~NUM               a blocker: the span is claimed, nothing emitted
/// example percent: "5,66%" => 5.66 unit=percent
/// negative: "tỉ số 3-2"                        must produce no mention of this kind
/// ```
/// Pattern elements: `NUM` a numeral; `word` or `a|b` literal tokens (case-insensitive);
/// `D4`, `D12`, `D2` a digit token of 4, 1-2 or 2 digits; `%name` a phrase of the table
/// `name.tsv`; `*` any one word (never first: rules fire from trigger words). Before an
/// element: `~` no space before it; `!` it starts with a capital; `^` (at either end) context
/// that must be there but stays outside the span. After one: `?` optional.
public struct RuleFile: Sendable {
    /// A rule or blocker as written.
    public struct RuleLine: Sendable {
        public var name: String
        public var pattern: String
        public var outputs: [String: String]
        public var blocks: Bool
        public var line: Int
    }

    /// A positive or negative example.
    public struct Example: Sendable {
        public var rule: String?
        public var text: String
        /// Expected value (`4500`, `1..2`), nil for negatives.
        public var expected: String?
        /// Extra expectations: `mod=approx`, `unit=percent`, `span="100"`.
        public var attributes: [String: String]
        public var line: Int
    }

    public var path: String
    /// What the file holds, from its name: `numbers` for `numbers.rules`.
    public var kind: String {
        let name = path.split(byte: UInt8(ascii: "/")).last.map(String.init) ?? path
        return name.hasSuffix(".rules") ? String(name.dropLast(6)) : name
    }
    public var settings: [String: String] = [:]
    /// The line each setting was set on (for errors about it).
    public var settingLines: [String: Int] = [:]
    public var rules: [RuleLine] = []
    public var examples: [Example] = []

    public static func load(_ url: URL) throws(ConfigError) -> RuleFile {
        try parse(try RuleText.read(url), path: url.path)
    }

    public static func parse(_ text: String, path: String) throws(ConfigError) -> RuleFile {
        var file = RuleFile(path: path)
        for (number, rawLine) in RuleText.lines(text) {
            let line = rawLine.trimmingSpaces
            var (keyword, rest) = splitFirst(line)
            if keyword.hasSuffix(":") {
                keyword.removeLast()
                rest = ": " + rest
            }
            switch keyword {
            case "set":
                let (name, value) = splitFirst(rest)
                guard !name.isEmpty, !value.isEmpty else {
                    throw ConfigError(file: path, line: number, path: "set", "expected 'set NAME VALUE'")
                }
                file.settings[name] = value
                file.settingLines[name] = number
            case "rule", "block":
                guard let colon = rest.utf8.firstIndex(of: UInt8(ascii: ":")) else {
                    throw ConfigError(file: path, line: number, path: keyword, "expected '\(keyword) NAME: PATTERN'")
                }
                let name = rest[..<colon].trimmingSpaces
                let body = rest[rest.utf8.index(after: colon)...]
                let parts = Self.splitArrow(body)
                let pattern = parts[0].trimmingSpaces
                guard !name.isEmpty, !pattern.isEmpty else {
                    throw ConfigError(file: path, line: number, path: keyword, "a rule needs a name and a pattern")
                }
                var outputs: [String: String] = [:]
                if parts.count > 1 {
                    for item in parts[1].split(byte: UInt8(ascii: " "), omittingEmpty: true) {
                        let pair = item.split(separator: "=", maxSplits: 1)
                        outputs[String(pair[0])] = pair.count > 1 ? String(pair[1]) : ""
                    }
                }
                file.rules.append(
                    RuleLine(name: name, pattern: pattern, outputs: outputs, blocks: keyword == "block", line: number))
            case "example", "negative":
                guard let colon = rest.utf8.firstIndex(of: UInt8(ascii: ":")) else {
                    throw ConfigError(file: path, line: number, path: keyword, "expected '\(keyword) NAME: \"TEXT\" …'")
                }
                let name = rest[..<colon].trimmingSpaces
                let body = rest[rest.utf8.index(after: colon)...].trimmingSpaces
                guard let (quoted, after) = takeQuoted(body) else {
                    throw ConfigError(
                        file: path, line: number, path: keyword, "the example text must be in double quotes")
                }
                var expected: String?
                var attributes: [String: String] = [:]
                if keyword == "example" {
                    let tail = after.trimmingSpaces
                    guard tail.hasPrefix("=>") else {
                        throw ConfigError(file: path, line: number, path: keyword, "expected '=> VALUE' after the text")
                    }
                    var items = tail.dropFirst(2).trimmingSpaces
                    let (value, remainder) = splitFirst(items)
                    expected = value
                    items = remainder
                    while !items.isEmpty {
                        guard let equals = items.utf8.firstIndex(of: UInt8(ascii: "=")) else { break }
                        let key = items[..<equals].trimmingSpaces
                        let valuePart = String(items[items.utf8.index(after: equals)...])
                        if let (quotedValue, next) = takeQuoted(valuePart) {
                            attributes[key] = quotedValue
                            items = next.trimmingSpaces
                        } else {
                            let (plain, next) = splitFirst(valuePart)
                            attributes[key] = plain
                            items = next
                        }
                    }
                }
                file.examples.append(
                    Example(
                        rule: name.isEmpty ? nil : name, text: quoted, expected: expected, attributes: attributes,
                        line: number))
            default:
                throw ConfigError(
                    file: path, line: number, path: keyword,
                    "unknown statement '\(keyword)' (expected set, rule, block, example or negative)")
            }
        }
        return file
    }

    /// A rule's text cut at every `=>`: the pattern, then its outputs.
    static func splitArrow(_ text: Substring) -> [Substring] {
        var parts: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            let next = utf8.index(after: index)
            if utf8[index] == UInt8(ascii: "="), next < utf8.endIndex, utf8[next] == UInt8(ascii: ">") {
                parts.append(text[start..<index])
                start = utf8.index(after: next)
                index = start
            } else {
                index = next
            }
        }
        parts.append(text[start..<utf8.endIndex])
        return parts
    }

    static func splitFirst(_ text: String) -> (String, String) {
        let trimmed = text.trimmingSpaces
        guard let space = trimmed.utf8.firstIndex(of: UInt8(ascii: " ")) else { return (trimmed, "") }
        return (String(trimmed[..<space]), trimmed[trimmed.utf8.index(after: space)...].trimmingSpaces)
    }

    static func takeQuoted(_ text: String) -> (String, String)? {
        guard text.first == "\"" else { return nil }
        let body = text.dropFirst()
        guard let end = body.utf8.firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return (String(body[..<end]), String(body[body.utf8.index(after: end)...]))
    }
}

/// A lexicon: `surface<TAB>value[<TAB>class]` per line, `#` comments.
public struct Lexicon: Sendable {
    public struct Entry: Sendable {
        public var words: [String]
        public var value: String
        public var category: String
    }

    public var entries: [Entry]

    public static func load(_ url: URL) throws(ConfigError) -> Lexicon {
        var entries: [Entry] = []
        for (number, line) in try RuleText.lines(of: url) {
            let fields = line.split(byte: UInt8(ascii: "\t")).map {
                $0.trimmingSpaces
            }
            guard fields.count >= 2, !fields[0].isEmpty else {
                throw ConfigError(file: url.path, line: number, "expected 'surface<TAB>value[<TAB>class]'")
            }
            entries.append(
                Entry(
                    words: Tokenizer.words(of: fields[0]).map(MatchKey.match), value: fields[1],
                    category: fields.count > 2 ? fields[2] : ""))
        }
        return Lexicon(entries: entries)
    }
}

/// Reads a rule-table file as NFC text (tables are matched against NFC-normalized text) and
/// splits it into numbered lines.
enum RuleText {
    static func read(_ url: URL) throws(ConfigError) -> String {
        do {
            return CanonicalText.nfc(try String(contentsOf: url, encoding: .utf8))
        } catch {
            throw ConfigError(file: url.path, "cannot read the file (\(error.localizedDescription))")
        }
    }

    /// The lines of the table file at `url`, read as `read` reads it (see `lines(_:)`).
    static func lines(of url: URL) throws(ConfigError) -> [(number: Int, text: Substring)] {
        lines(try read(url))
    }

    /// The lines of a table's text, numbered from 1, each cut at its comment (`#` outside
    /// double quotes) and at a carriage return before its newline; lines left with nothing
    /// but spaces and tabs are skipped. One pass over the bytes.
    static func lines(_ text: String) -> [(number: Int, text: Substring)] {
        var text = text
        let bounds = text.withUTF8 { bytes -> [(number: Int, start: Int, end: Int)] in
            var bounds: [(number: Int, start: Int, end: Int)] = []
            var number = 1
            var lineStart = 0
            var contentEnd = -1
            var inQuotes = false
            func finish(_ newline: Int) {
                var end = contentEnd >= 0 ? contentEnd : newline
                if contentEnd < 0 && end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
                var blank = true
                for offset in lineStart..<end where bytes[offset] != 0x20 && bytes[offset] != 0x09 {
                    blank = false
                    break
                }
                if !blank { bounds.append((number, lineStart, end)) }
            }
            for offset in 0..<bytes.count {
                switch bytes[offset] {
                case 0x0A:
                    finish(offset)
                    number += 1
                    lineStart = offset + 1
                    contentEnd = -1
                    inQuotes = false
                case 0x22 where contentEnd < 0: inQuotes.toggle()
                case 0x23 where contentEnd < 0 && !inQuotes: contentEnd = offset
                default: break
                }
            }
            finish(bytes.count)
            return bounds
        }
        let utf8 = text.utf8
        return bounds.map { line in
            let start = utf8.index(utf8.startIndex, offsetBy: line.start)
            return (line.number, text[start..<utf8.index(start, offsetBy: line.end - line.start)])
        }
    }
}

import Foundation
import Testing

@testable import TandemCore

@Suite("pipeline.json is validated strictly")
struct ConfigTests {
    static let valid = """
        {"stages":{"read":{"workers":1},"decode":{"workers":1},"markup":{"workers":1},"normalize":{"workers":2},
        "segment":{"workers":2},"extract":{"workers":2,"extractors":[]},"emit":{"workers":1}}}
        """

    func parse(_ text: String) throws(ConfigError) -> PipelineConfig {
        try PipelineConfig.parse(Data(text.utf8), source: "test.json", baseFolder: URL(fileURLWithPath: "/tmp"))
    }

    @Test func acceptsTheDefaultConfig() throws {
        let config = try PipelineConfig.load(from: TandemHome.locate()!.appendingPathComponent("pipeline.json"))
        #expect(config.workers("normalize") >= 1)
        #expect(try parse(Self.valid).queueDepth == 8)
    }

    @Test(arguments: [
        ("\"stages\":{", "\"stagez\":{", "stagez", "unknown key"),
        (
            "\"normalize\":{\"workers\":2}", "\"normalize\":{\"workers\":\"2\"}", "stages.normalize.workers",
            "expected an integer"
        ),
        (
            "\"normalize\":{\"workers\":2}", "\"normalize\":{\"workers\":2,\"threads\":1}", "stages.normalize.threads",
            "unknown key"
        ),
        ("\"extractors\":[]", "\"extractors\":[1]", "stages.extract.extractors[0]", "expected a string"),
        ("\"emit\":{\"workers\":1}", "\"emit\":{\"workers\":true}", "stages.emit.workers", "got a boolean"),
        ("{\"stages\"", "{\"fused\":1,\"stages\"", "fused", "expected true or false"),
    ])
    func rejectsWithKeyPath(find: String, replace: String, path: String, message: String) {
        do {
            _ = try parse(Self.valid.replacingOccurrences(of: find, with: replace))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains(path), "\(error)")
            #expect(error.description.contains(message), "\(error)")
        }
    }

    @Test func rulesPathIsRelativeToTheConfigUnlessAbsolute() throws {
        let relative = try parse(Self.valid)
        #expect(relative.rulesFolder.path == "/tmp/rules")
        let absolute = try parse(
            Self.valid.replacingOccurrences(of: "{\"stages\"", with: "{\"rules\":\"/opt/tandem/rules\",\"stages\""))
        #expect(absolute.rulesFolder.path == "/opt/tandem/rules")
    }

    @Test func rejectsUnknownExtractors() {
        #expect(throws: ConfigError.self) {
            try ExtractorRegistry.build(names: ["telepathy"], rulesFolder: URL(fileURLWithPath: "/tmp"), source: "x")
        }
    }

    /// Rule patterns: a wildcard cannot start one, context sits only at the edges, a digit
    /// element is D2, D4 or D12 (D1 would silently match the word "d1"), and a literal is one
    /// token (`no.` or `a.m.` would never match; `.|!|?` would be an optional `.|!|`), and a
    /// table stands alone (`%roman|D12` would name a file `roman|D12.tsv`).
    @Test(arguments: [
        "* NUM", "!*? NUM", "NUM ^của NUM", "^vào", "D1 ~st quarter", "tháng D3", "^no. NUM", "D12 a.m.",
        "one ^.|!|?", "NUM ~?D2", "1st half", "quý %roman|D12",
    ])
    func rejectsBadPatterns(pattern: String) {
        #expect(throws: ConfigError.self) {
            try RulePattern(pattern, vocabulary: Vocabulary(), file: "test.rules", line: 1)
        }
    }

    /// Rule lines are trimmed of spaces and tabs, Unicode ones too, as Foundation's
    /// `.whitespaces` did, and of nothing else.
    @Test(arguments: [
        ("  rule a: b\t", "rule a: b"), ("\u{00A0}thứ\u{3000}", "thứ"), ("   ", ""), ("", ""),
        ("x\n", "x\n"), ("\t à ", "à"),
    ])
    func trimsSpacesAndTabs(input: String, expected: String) {
        #expect(input.trimmingSpaces == expected)
        #expect(input[...].trimmingSpaces == expected)
    }

    /// A table's lines: numbered as in the file, cut at a comment outside quotes and at a
    /// carriage return before the newline; blank lines are skipped.
    @Test func tableLinesKeepTheirNumbersAndLoseTheirComments() {
        let text = "# head\nrule a: b # note\r\n\n  \t\nexample a: \"#5\" => 5 # x\r\nlast"
        let lines = RuleText.lines(text)
        #expect(lines.map(\.number) == [2, 5, 6])
        #expect(lines.map { String($0.text) } == ["rule a: b ", "example a: \"#5\" => 5 ", "last"])
        #expect(RuleText.lines("").isEmpty)
        #expect(RuleText.lines("\n\n# only\n").isEmpty)
    }

    /// Splitting at an ASCII byte gives the parts a split at that character gives.
    @Test(arguments: ["a\tb\t\tc", "\tà\tẻ\t", "", "x", "||Hà Nội|Ha Noi|", "a b  c"])
    func byteSplitAgreesWithCharacterSplit(text: String) {
        for separator in ["\t", "|", " "] as [Character] {
            let byte = separator.asciiValue!
            #expect(text.split(byte: byte) == text.split(separator: separator, omittingEmptySubsequences: false))
            #expect(text.split(byte: byte, omittingEmpty: true) == text.split(separator: separator))
        }
    }

    /// A rule's text is cut at every `=>` (the pattern, then its outputs).
    @Test func ruleTextSplitsAtArrows() {
        #expect(RuleFile.splitArrow(" NUM ~% => unit=percent"[...]) == [" NUM ~% ", " unit=percent"])
        #expect(RuleFile.splitArrow("NUM"[...]) == ["NUM"])
        #expect(RuleFile.splitArrow("a = > b =>"[...]) == ["a = > b ", ""])
    }

    /// Tables are read as NFC through ICU: decomposed Vietnamese is composed, NFC and ASCII
    /// text come back unchanged.
    @Test func tablesAreReadAsNFC() {
        let decomposed = "Ha\u{0300} No\u{0323}\u{0302}i"
        #expect(CanonicalText.nfc(decomposed) == "Hà Nội")
        #expect(Array(CanonicalText.nfc(decomposed).utf8) == Array("H\u{E0} N\u{1ED9}i".utf8))
        #expect(CanonicalText.nfc("Hà Nội") == "Hà Nội")
        #expect(CanonicalText.nfc("plain") == "plain")
        #expect(CanonicalText.nfc("") == "")
    }

    @Test func wildcardMatchesOneWord() throws {
        let pattern = try RulePattern("^thắng ^!* NUM ~- ~NUM", vocabulary: Vocabulary(), file: "test.rules", line: 1)
        #expect(pattern.elements.map(\.matcher) == [.literal, .anyWord, .numeral, .literal, .numeral])
        #expect(!pattern.elements[1].captures)
    }
}

@Suite("name_words.tsv: the entity finder's small word classes are data")
struct NameWordsTests {
    @Test(arguments: [
        ("particle von", "expected class<TAB>word"),
        ("partikel\tvon", "unknown class partikel"),
        ("possessive\tfishing crews", "one word per line"),
    ])
    func rejectsBadLines(line: String, message: String) {
        do {
            _ = try NameWords.parse("# comment\n" + line, file: "name_words.tsv", vocabulary: Vocabulary())
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("name_words.tsv:2"), "\(error)")
            #expect(error.description.contains(message), "\(error)")
        }
    }

    /// A copy of the rules folder in a temporary folder, with `line` appended to `file` (the
    /// caller removes it).
    static func rulesCopy(appending line: String, to file: String) throws -> URL {
        let home = try #require(TandemHome.locate())
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: home.appendingPathComponent("rules"), to: copy)
        let handle = try FileHandle(forWritingTo: copy.appendingPathComponent(file))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(line.utf8))
        try handle.close()
        return copy
    }

    /// A date rule's `anchor` is `previous` or `required`; anything else is a config error that
    /// names the file, the line and the output.
    @Test func rejectsAnUnknownAnchor() throws {
        let copy = try Self.rulesCopy(
            appending: "rule bad-anchor: the day after => type=DATE shift=D:+1 anchor=last\n", to: "en/dates.rules")
        defer { try? FileManager.default.removeItem(at: copy) }
        do {
            _ = try DateExtractor(rulesFolder: copy)
            Issue.record("an unknown anchor loaded")
        } catch {
            #expect(error.path == "anchor", "\(error)")
            #expect(error.file.hasSuffix("en/dates.rules"), "\(error)")
        }
    }

    /// A setting the file's extractor does not read (a misspelt one, a number setting in the
    /// dates file), or a switch set to neither yes nor no, is a config error that names the
    /// file, the line and the setting.
    @Test(arguments: [
        ("en/dates.rules", "set no-tense-afer the\n"), ("vi/numbers.rules", "set past đã\n"),
        ("vi/numbers.rules", "set foreign-thousands true\n"),
    ])
    func rejectsAnUnknownSetting(_ file: String, _ line: String) throws {
        let copy = try Self.rulesCopy(appending: line, to: file)
        defer { try? FileManager.default.removeItem(at: copy) }
        do {
            if file.hasSuffix("dates.rules") {
                _ = try DateExtractor(rulesFolder: copy)
            } else {
                _ = try NumberExtractor(rulesFolder: copy)
            }
            Issue.record("an unknown setting loaded")
        } catch {
            #expect(error.path == line.split(separator: " ")[1], "\(error)")
            #expect(error.file.hasSuffix(file), "\(error)")
            #expect(error.line != nil, "\(error)")
        }
    }

    /// A sports-names line must name gazetteer ids, a place then a club; a wrong one is a
    /// config error that names the file and the line.
    @Test(arguments: ["place\tLiverpool\tNo_Such_Club\n", "place\tLiverpool_F.C.\tLiverpool\n", "club\tLiverpool\n"])
    func rejectsABadSportsName(_ line: String) throws {
        try expectEntityTablesRefuse(line, in: "shared/sports_names.tsv")
    }

    /// A senses line must name gazetteer ids in three or four fields, then optionally `alone`;
    /// a wrong one is a config error that names the file and the line.
    @Test(arguments: [
        "Georgia_(country)\tNo_Such_State\tAtlanta\n", "Georgia_(country)\tGeorgia_(U.S._state)\n",
        "Georgia_(country)\tGeorgia_(U.S._state)\tAtlanta|Nowhere\n",
        "Georgia_(country)\tGeorgia_(U.S._state)\tAtlanta\tTbilisi\tsometimes\n",
    ])
    func rejectsABadSense(_ line: String) throws {
        try expectEntityTablesRefuse(line, in: "shared/senses.tsv")
    }

    /// A town region line must name a place of the gazetteer and the name towns take; a wrong
    /// one is a config error that names the file and the line.
    @Test(arguments: ["No_Such_State\tNowhere\n", "Michigan\n", "Associated_Press\tPress\n"])
    func rejectsABadTownRegion(_ line: String) throws {
        try expectEntityTablesRefuse(line, in: "shared/town_regions.tsv")
    }

    /// Loading the entity tables with `line` appended to `file` fails with an error that
    /// names that file and a line.
    func expectEntityTablesRefuse(_ line: String, in file: String) throws {
        let copy = try Self.rulesCopy(appending: line, to: file)
        defer { try? FileManager.default.removeItem(at: copy) }
        do {
            _ = try EntityExtractor(rulesFolder: copy)
            Issue.record("a bad line in \(file) loaded: \(line)")
        } catch {
            #expect(error.file.hasSuffix(file), "\(error)")
            #expect(error.line != nil, "\(error)")
        }
    }

    /// A word added to the file changes what is found, with no Swift change: `'s` after a
    /// word the possessive class lacks ends the name at the tail before it.
    @Test func aWordAddedToTheFileTakesEffect() throws {
        let home = try #require(TandemHome.locate())
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("namewords-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for item in ["pipeline.json", "rules"] {
            try FileManager.default.copyItem(
                at: home.appendingPathComponent(item), to: copy.appendingPathComponent(item))
        }
        let text = "The Vietnam Fishermen's Association said on Monday that boats were back."
        func organizations() throws -> [String] {
            let setup = try TandemSetup.load(configPath: copy.appendingPathComponent("pipeline.json").path)
            let sink = MemorySink()
            setup.makePipeline().run(source: MemorySource([Support.document(text, lang: "en")]), sink: sink)
            let mentions = Support.records(sink).first?["mentions"] as? [[String: Any]] ?? []
            return mentions.filter { $0["type"] as? String == "ORG" }.compactMap { $0["text"] as? String }
        }
        #expect(try !organizations().contains("Vietnam Fishermen's Association"))
        let handle = try FileHandle(forWritingTo: copy.appendingPathComponent("rules/en/name_words.tsv"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("possessive\tfishermen\n".utf8))
        try handle.close()
        #expect(try organizations().contains("Vietnam Fishermen's Association"))
    }
}

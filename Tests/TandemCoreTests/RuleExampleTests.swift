import Foundation
import Testing

@testable import TandemCore

/// Every `example` and `negative` line in the rule tables runs as a test, as Duckling's
/// corpus files do: an example must give exactly one mention of its kind, covering the
/// whole text (or its `span="…"`), with the expected value, mod, unit and type; a negative
/// must give no cardinal mention at all. Reference date fixed at 2024-02-06.
@Suite("Rule table examples")
struct RuleExampleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var language: String
        var file: String
        var example: RuleFile.Example
        var testDescription: String {
            "\(language)/\(file):\(example.line) \(example.expected == nil ? "negative" : "example") \"\(example.text)\""
        }
    }

    static let numberCases: [Case] = cases(file: "numbers.rules")

    static func cases(file: String) -> [Case] {
        guard let home = TandemHome.locate() else { return [] }
        return LanguageResources.languages.flatMap { language in
            let url = home.appendingPathComponent("rules/\(language)/\(file)")
            let rules = (try? RuleFile.load(url)) ?? RuleFile(path: url.path)
            return rules.examples.map { Case(language: language, file: file, example: $0) }
        }
    }

    /// A rules file that does not load fails here: `cases` reads only what loads, so a bad
    /// line would otherwise leave its language's examples silently unrun.
    @Test(arguments: ["numbers.rules", "dates.rules", "entities.rules"])
    func rulesFileLoads(_ file: String) throws {
        let home = try #require(TandemHome.locate())
        for language in LanguageResources.languages {
            #expect(throws: Never.self, "\(language)/\(file)") {
                try RuleFile.load(home.appendingPathComponent("rules/\(language)/\(file)"))
            }
        }
    }

    static let extractor = try! NumberExtractor(rulesFolder: TandemHome.locate()!.appendingPathComponent("rules"))
    static let dateCases: [Case] = cases(file: "dates.rules")
    static let dateExtractor = try! DateExtractor(rulesFolder: TandemHome.locate()!.appendingPathComponent("rules"))

    /// Each language's table has at least `examples` examples and `negatives` negatives.
    static func expectCoverage(_ cases: [Case], examples: Int, negatives: Int) {
        for language in LanguageResources.languages {
            let cases = cases.filter { $0.language == language }
            #expect(cases.filter { $0.example.expected != nil }.count >= examples, "\(language)")
            #expect(cases.filter { $0.example.expected == nil }.count >= negatives, "\(language)")
        }
    }

    @Test func everyLanguageHasExamplesAndNegatives() {
        Self.expectCoverage(Self.numberCases, examples: 20, negatives: 8)
    }

    @Test(arguments: numberCases)
    func numberExample(_ testCase: Case) throws {
        let example = testCase.example
        let sink = Support.run(
            [Support.document(example.text, lang: testCase.language, dct: "2024-02-06")], extractors: [Self.extractor],
            workers: 1)
        let document = try #require(sink.documents.first)
        let mentions = document.mentions.filter { $0.kind == "number" }
        guard let expected = example.expected else {
            let cardinals = mentions.filter { $0.type == nil }
            #expect(cardinals.isEmpty, "found \(cardinals.map { $0.rule })")
            return
        }
        let mention = try Self.exampleMention(
            mentions.filter { $0.type == example.attributes["type"] }, example, in: document)
        let bounds = expected.components(separatedBy: "..")
        #expect(Self.matches(mention.value, bounds[0]), "value \(String(describing: mention.value))")
        if bounds.count == 2 {
            #expect(Self.matches(mention.valueEnd, bounds[1]), "value_end \(String(describing: mention.valueEnd))")
        } else {
            #expect(mention.valueEnd == nil)
        }
        #expect(mention.mod == example.attributes["mod"])
        #expect(mention.unit == example.attributes["unit"])
        if let rule = example.rule { #expect(mention.rule.hasSuffix(":\(rule)"), "rule \(mention.rule)") }
    }

    /// The mention an example is about, among `mentions` of its kind: the only one, or with
    /// `others=N` the one at the example's span among exactly N + 1. Its span is checked.
    static func exampleMention(_ mentions: [Mention], _ example: RuleFile.Example, in document: AnalyzedDocument)
        throws -> Mention
    {
        let others = try #require(Int(example.attributes["others"] ?? "0"), "others= takes a count")
        try #require(
            mentions.count == 1 + others,
            "expected \(1 + others) mention(s), found \(mentions.map { ($0.rule, $0.value) })")
        let spanText = example.attributes["span"] ?? example.text
        func covered(_ mention: Mention) -> String {
            let (start, end) = document.segmented.normalized.originalRange(mention.span)
            return Support.slice(example.text, start, end)
        }
        let mention = try #require(
            others == 0 ? mentions.first : mentions.first { covered($0) == spanText }, "no mention at \(spanText)")
        #expect(covered(mention) == spanText)
        return mention
    }

    @Test func everyLanguageHasDateExamplesAndNegatives() {
        Self.expectCoverage(Self.dateCases, examples: 25, negatives: 5)
    }

    /// A date example must give one date mention with the expected TIMEX3 value (`a..b` for
    /// a range, `null` when unresolvable), type (DATE unless given), mod and span, under the
    /// reference date 2024-02-06 (a Tuesday) or the example's `dct=` (`none` for no dct).
    /// `others=N`: the text holds N other dates that the rule needs (quý II và 6 tháng đầu
    /// năm 2023), and exactly that many more are found; the example is the one at its span.
    /// Numbers run too, as in the pipeline: a number's rule that reads further wins the span
    /// (`chiếm 1/3.` is a share, not a bare day and month before a full stop).
    @Test(arguments: dateCases)
    func dateExample(_ testCase: Case) throws {
        let example = testCase.example
        let dct = example.attributes["dct"] ?? "2024-02-06"
        let sink = Support.run(
            [Support.document(example.text, lang: testCase.language, dct: dct == "none" ? nil : dct)],
            extractors: [Self.extractor, Self.dateExtractor], workers: 1)
        let document = try #require(sink.documents.first)
        let mentions = document.mentions.filter { $0.kind == "date" }
        guard let expected = example.expected else {
            #expect(mentions.isEmpty, "found \(mentions.map { ($0.rule, $0.value) })")
            return
        }
        let mention = try Self.exampleMention(mentions, example, in: document)
        let bounds = expected.components(separatedBy: "..")
        #expect(
            mention.value == (bounds[0] == "null" ? .null : .string(bounds[0])),
            "value \(String(describing: mention.value))")
        #expect(mention.valueEnd == (bounds.count == 2 ? .string(bounds[1]) : nil))
        #expect(mention.type == (example.attributes["type"] ?? "DATE"))
        #expect(mention.mod == example.attributes["mod"])
        if let rule = example.rule { #expect(mention.rule.hasSuffix(":\(rule)"), "rule \(mention.rule)") }
    }

    static let entityCases: [Case] = cases(file: "entities.rules")
    static let entityExtractor = try! EntityExtractor(rulesFolder: TandemHome.locate()!.appendingPathComponent("rules"))

    @Test func gazetteerHasAThousandEntriesWithBothLanguages() throws {
        let url = TandemHome.locate()!.appendingPathComponent("rules/shared/gazetteer.tsv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        let bilingual = lines.filter { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return fields.count == 4 && !fields[2].isEmpty && !fields[3].isEmpty
        }
        #expect(bilingual.count >= 1000)
        #expect(Self.entityCases.filter { $0.example.expected == nil }.count >= 8)
    }

    /// An entity example must give a mention with the expected text (`span=` or the whole
    /// example), id and type, or none there where it expects `-`; a negative must give no
    /// entity at all.
    @Test(arguments: entityCases)
    func entityExample(_ testCase: Case) throws {
        let example = testCase.example
        let sink = Support.run(
            [Support.document(example.text, lang: testCase.language, dct: "2024-02-06")],
            extractors: [Self.entityExtractor, Self.dateExtractor], workers: 1)
        let document = try #require(sink.documents.first)
        let entities = document.mentions.filter { $0.kind == "entity" }
        let found = entities.map { mention -> (String, String?, String?, String) in
            let (start, end) = document.segmented.normalized.originalRange(mention.span)
            return (Support.slice(example.text, start, end), mention.id, mention.type, mention.rule)
        }
        guard let expected = example.expected else {
            #expect(entities.isEmpty, "found \(found)")
            return
        }
        let span = example.attributes["span"] ?? example.text
        let match = found.first { $0.0 == span }
        if expected == "-" {
            #expect(match == nil, "found \(found)")
            return
        }
        #expect(match?.1 == expected, "found \(found)")
        #expect(match?.2 == example.attributes["type"], "found \(found)")
        if let rule = example.rule, let match { #expect(match.3.hasSuffix(":\(rule)"), "rule \(match.3)") }
    }

    static func matches(_ value: MentionValue?, _ expected: String) -> Bool {
        guard let number = Double(expected) else { return false }
        switch value {
        case .integer(let actual)?: return Double(actual) == number
        case .decimal(let actual)?: return abs(actual - number) < 1e-4
        default: return false
        }
    }

    /// A given name met alone takes the full name's id, but not where it starts a common
    /// phrase of `not_names.tsv` ("Chính phủ", the government, after Phạm Minh Chính).
    @Test func givenNamesInCommonPhrasesAreNoShortForms() throws {
        let text = "Thủ tướng Phạm Minh Chính cho biết Chính phủ sẽ tăng chi. Chính nói thêm rằng."
        let sink = Support.run([Support.document(text, lang: "vi")])
        let mentions = (Support.records(sink).first?["mentions"] as? [[String: Any]]) ?? []
        let entities = mentions.filter { $0["kind"] as? String == "entity" }.map {
            ($0["text"] as? String ?? "", $0["id"] as? String ?? "")
        }
        #expect(entities.map(\.0) == ["Phạm Minh Chính", "Chính"], "\(entities)")
        #expect(entities.allSatisfy { $0.1 == "Phạm_Minh_Chính" })
        #expect((entities.count == 2) && !mentions.contains { ($0["start"] as? Int) == 35 })
    }

    /// Capitalized words before a known place in brackets are a place within it, but not a
    /// company's name with its seat there and its legal form after (… (Singapore) Limited).
    @Test func companyWithItsSeatInBracketsIsNoPlace() throws {
        let text = "Nhà đầu tư Minh Long Investment (Singapore) Limited góp vốn, còn Đồng Văn (Hà Giang) đón khách."
        let sink = Support.run([Support.document(text, lang: "vi")])
        let entities = (Self.entityTextsAndIDs(sink).first ?? []).map(\.0)
        #expect(entities == ["Singapore", "Đồng Văn", "Hà Giang"], "\(entities)")
    }

    /// After a place and a comma, a lone syllable no table knows before a lowercase word starts
    /// a clause (a sentence capitalized after a comma), no second place; two syllables may be one.
    @Test func loneSyllableAfterPlaceListCommaIsNoPlace() throws {
        let text = "Bão đi vào vịnh Bắc Bộ, Sức gió mạnh cấp 13. Mưa ở huyện Sóc Sơn, Mê Linh và Đông Anh."
        let sink = Support.run([Support.document(text, lang: "vi")])
        let entities = (Self.entityTextsAndIDs(sink).first ?? []).map(\.0)
        #expect(entities == ["vịnh Bắc Bộ", "Sóc Sơn", "Mê Linh", "Đông Anh"], "\(entities)")
    }

    /// A Vietnamese syllable next to another capitalized one that no finder took is part of an
    /// unknown name, not a short form (Vĩnh Hưng, after Nguyễn Kim Hưng); alone it is one.
    @Test func syllablesOfUnknownNamesAreNoShortForms() throws {
        let text = "Bị cáo Nguyễn Kim Hưng cầm đầu. Ông Trần nhà Vĩnh Hưng bị phạt. Sau đó, Hưng khai."
        let sink = Support.run([Support.document(text, lang: "vi")])
        let entities = Self.entityTextsAndIDs(sink).first ?? []
        #expect(entities.filter { $0.0 == "Hưng" }.count == 1, "\(entities)")
        #expect(entities.contains { $0.0 == "Nguyễn Kim Hưng" }, "\(entities)")
    }

    /// In English too, a surname after a capitalized word that no finder took, inside a
    /// sentence, is another person's (Billie Jean King); at a sentence's start it is the
    /// short form (Later King said).
    @Test func surnamesOfUnknownEnglishNamesAreNoShortForms() throws {
        let text = "Author Stephen King spoke. Billie Jean King won the match. Later King said more."
        let sink = Support.run([Support.document(text, lang: "en")])
        let entities = Self.entityTextsAndIDs(sink).first ?? []
        #expect(entities.filter { $0.0 == "King" }.count == 1, "\(entities)")
        #expect(entities.contains { $0.0 == "Stephen King" }, "\(entities)")
    }

    /// Words a short form's spelling may take that are no short form: a currency's prefix
    /// (US$24.7 billion), an honorific before a name (the first Anh of Anh Đức Anh nói), a
    /// title after an article (The King said, after Stephen King), a dateline's state before
    /// its agency in brackets (GA (CNN)).
    @Test(arguments: [
        ("Atlanta, GA (CNN) - Stocks fell on Monday.", "en", ["Atlanta", "CNN"]),
        ("The US said the trade surplus reached US$24.7 billion, and HK$10 was paid.", "en", ["US"]),
        ("Anh Đức Anh nói rằng anh sẽ về.", "vi", ["Đức Anh"]),
        ("Stephen King wrote a novel. The King said the monarchy would endure.", "en", ["Stephen King"]),
    ])
    func wordsSpeltLikeShortFormsAreNone(_ text: String, _ language: String, _ expected: [String]) throws {
        let sink = Support.run([Support.document(text, lang: language)])
        let entities = Self.entityTextsAndIDs(sink).first ?? []
        #expect(entities.map(\.0) == expected, "\(entities)")
    }

    /// Per document record, its entity mentions as (text, id).
    static func entityTextsAndIDs(_ sink: MemorySink) -> [[(String, String)]] {
        Support.records(sink).map { record in
            ((record["mentions"] as? [[String: Any]]) ?? []).filter { $0["kind"] as? String == "entity" }.map {
                ($0["text"] as? String ?? "", $0["id"] as? String ?? "")
            }
        }
    }

    /// In Vietnamese a short form keeps its tones: Thành (in Bến Thành) is not Nguyễn Thị
    /// Thanh, while Thanh alone still is. English ignores accents (Kovar is Kovář).
    @Test func vietnameseShortFormsKeepTheirTones() throws {
        let sink = Support.run([
            Support.document(
                "Bà Nguyễn Thị Thanh phát biểu tại ga Bến Thành. Thanh nói thêm rằng.", doc: "a", lang: "vi"),
            Support.document("Minister Tomáš Kovář spoke on Monday. Kovar said more.", doc: "b", lang: "en"),
        ])
        let entities = Self.entityTextsAndIDs(sink)
        #expect(!entities[0].contains { $0.0 == "Thành" }, "\(entities[0])")
        #expect(entities[0].contains { $0.0 == "Thanh" && $0.1 == "Nguyễn_Thị_Thanh" }, "\(entities[0])")
        #expect(entities[1].contains { $0.0 == "Kovar" && $0.1 == "Tomáš_Kovář" }, "\(entities[1])")
    }

    /// An acronym in brackets after a place is that place's only when it spells the place's
    /// initials; else the place ends a longer name the rules missed.
    @Test func placeAcronymsSpellTheirInitials() throws {
        let sink = Support.run([
            Support.document("Đoàn đại biểu của Thái Lan (TAT) đến thăm.", doc: "a", lang: "vi"),
            Support.document("Officials of the Central African Republic (CAR) met.", doc: "b", lang: "en"),
        ])
        let entities = Self.entityTextsAndIDs(sink)
        #expect(!entities[0].contains { $0.0 == "TAT" && $0.1 == "Thailand" }, "\(entities[0])")
        #expect(entities[1].contains { $0.0 == "CAR" && $0.1 == "Central_African_Republic" }, "\(entities[1])")
    }

    /// A title's own words are no entity: the honorific "Anh" before a name is not the
    /// United Kingdom, while "Anh" as a country after a title still is.
    @Test func titleWordsAreNoEntities() throws {
        let sink = Support.run([
            Support.document("Anh Trần Minh Quân bị thương nhẹ.", doc: "a", lang: "vi"),
            Support.document("Thủ tướng Anh Keir Starmer phát biểu.", doc: "b", lang: "vi"),
        ])
        let ids = Support.records(sink).map { record in
            ((record["mentions"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
        }
        #expect(ids[0] == ["Trần_Minh_Quân"])
        #expect(ids[1].contains("United_Kingdom"))
    }

    /// Between a title and the name: a known company, the country of its branch and the
    /// place served are skipped (Giám đốc Samsung Việt Nam Choi Joo-ho; Đại sứ Mỹ tại Việt
    /// Nam Marc Knapper), and words between a company and a country name its branch, not a
    /// person (Tổng giám đốc Samsung Display Việt Nam).
    @Test func titlesReachTheNamePastTheirCompanyAndPlace() throws {
        let sink = Support.run([
            Support.document("Giám đốc Samsung Việt Nam Choi Joo-ho cho biết.", doc: "a", lang: "vi"),
            Support.document("Đại sứ Mỹ tại Việt Nam Marc Knapper phát biểu.", doc: "b", lang: "vi"),
            Support.document("Tổng giám đốc Samsung Display Việt Nam cho biết.", doc: "c", lang: "vi"),
        ])
        let ids = Support.records(sink).map { record in
            ((record["mentions"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
        }
        #expect(ids[0] == ["Samsung", "Vietnam", "Choi_Joo-ho"])
        #expect(ids[1] == ["United_States", "Vietnam", "Marc_Knapper"])
        #expect(ids[2] == ["Samsung", "Vietnam"])
    }

    /// A document with hundreds of names, acronyms and surnames: every short form links to
    /// its full name (the alias table is sized from the names found, with no room to spare
    /// for more than three aliases per name).
    @Test func manyShortFormsLinkToTheirNames() throws {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var text = ""
        for index in 0..<300 {
            let acronym = "Q\(letters[index / 26 % 26])\(letters[index % 26])"
            text += "Ông Nguyễn Văn Anh\(index) dẫn đầu Hội Đồng Quản Trị \(acronym) (\(acronym)). "
        }
        for index in 0..<300 {
            text += "Anh\(index) gặp \(("Q\(letters[index / 26 % 26])\(letters[index % 26])")). "
        }
        let sink = Support.run([Support.document(text, doc: "many", lang: "vi")])
        let mentions = (Support.records(sink).first?["mentions"] as? [[String: Any]]) ?? []
        let shortForms = mentions.filter { $0["rule"] as? String == "vi/entities:short-form" }
        // Each acronym twice (in brackets and after gặp) and each given name once (Anh0 gặp …:
        // a place's name written onto digits is no place, so Anh there is the person).
        #expect(shortForms.count == 900)
    }

    /// Years in a list after a year cue are all dates (the second is no cardinal).
    @Test func yearsInAListAreDates() throws {
        let sink = Support.run([
            Support.document("Trong năm 2023 và 2024, giá tăng.", doc: "vi", lang: "vi"),
            Support.document("Elections were held in 2023 and 2024.", doc: "en", lang: "en"),
        ])
        for record in Support.records(sink) {
            let mentions = (record["mentions"] as? [[String: Any]]) ?? []
            #expect(mentions.map { $0["kind"] as? String } == ["date", "date"], "\(record["doc"] ?? "")")
            #expect(mentions.map { $0["value"] as? String } == ["2023", "2024"])
        }
    }

    /// A hedge word right after a number joins two numbers (six out of 63), but still hedges
    /// a number after a word.
    @Test func hedgeWordAfterANumberIsNoHedge() throws {
        let sink = Support.run([
            Support.document("Mới có 6 trên 63 địa phương giải ngân trên 60% vốn.", doc: "a", lang: "vi")
        ])
        let mentions = (Support.records(sink).first?["mentions"] as? [[String: Any]]) ?? []
        let mods = mentions.filter { $0["kind"] as? String == "number" }.map {
            "\($0["text"] ?? ""):\($0["mod"] ?? "-")"
        }
        #expect(mods == ["6:-", "63:-", "60%:gt"])
    }
}

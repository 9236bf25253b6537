import Foundation

/// Named entities (PER, ORG, LOC) with canonical ids shared by both languages.
///
/// Knowledge is data: the shared gazetteer `rules/shared/gazetteer.tsv` (id, type, English
/// and Vietnamese forms) and per-language word lists in `rules/<lang>/`: `titles.tsv` and
/// `title_domains.tsv` (a title, then a name), `family_names.tsv` (Vietnamese names),
/// `shared/given_names.tsv` (a given name, then a name: William Craig Miller),
/// `org_heads.tsv` / `org_tails.tsv` (organization names), `location_cues.tsv` (places),
/// `not_names.tsv` (capitalized words that start no name). Within a document, a short
/// mention (a surname, an acronym defined in brackets) takes the id of the full form.
/// A class: each document's finder keeps a reference (a struct was copied, a retain per
/// table, for every document).
public final class EntityExtractor: Extractor {
    public var name: String { "entities" }

    /// Priorities among overlapping candidates (dates 20, numbers 0).
    static let gazetteerPriority = 40
    static let patternPriority = 35
    /// A title before a name outranks a gazetteer form on the same words (it emits nothing).
    static let titlePriority = 50

    /// The three entity types.
    enum NameType: UInt8, Sendable {
        case person, organization, location

        init?(code: String) {
            switch code {
            case "PER": self = .person
            case "ORG": self = .organization
            case "LOC": self = .location
            default: return nil
            }
        }

        /// `PER`, `ORG` or `LOC`, as records write it.
        var code: String {
            switch self {
            case .person: "PER"
            case .organization: "ORG"
            case .location: "LOC"
            }
        }
    }

    struct Entity: Sendable {
        var id: String
        var type: NameType
        /// Whether a Vietnamese form of three words or more names it (Trung tâm Kiểm soát và
        /// Phòng ngừa dịch bệnh Mỹ for CDC): another long name before its acronym is another body.
        var longNamedInVietnamese = false
        /// Whether an English form begins with a lowercase `the` that only marks the name's
        /// sense (the West, the Balkans): the mention starts after it, as the article is no
        /// part of a name.
        var articleLed = false
    }

    /// One gazetteer form as vocabulary ids, with the case each word must have in the text.
    struct Form: Sendable {
        enum Case: UInt8, Sendable {
            case any, capitalized, allCaps
        }

        var ids: [Int32]
        var cases: [Case]
        var entity: Int
    }

    /// Gazetteer forms flat, by the vocabulary id of their first word (ids interned later by
    /// other tables are past the end), in second-word order: the forms of id `i` are
    /// `formStarts[i]..<formStarts[i + 1]`, form `f`'s words and cases are at
    /// `wordStarts[f]..<wordStarts[f + 1]`. Plain integers, so a lookup retains nothing.
    /// The tables are read through pointers into frozen buffers (a gazetteer lookup per
    /// capitalized word reads several; an array read through the language's tables would
    /// be reloaded and bounds-checked each time). Unchecked Sendable: never written.
    struct FormIndex: @unchecked Sendable {
        let formStarts: UnsafeBufferPointer<Int32>
        let wordStarts: UnsafeBufferPointer<Int32>
        let words: UnsafeBufferPointer<Int32>
        let cases: UnsafeBufferPointer<Form.Case>
        let entities: UnsafeBufferPointer<Int>
        /// Each form's second word (-1: a one-word form), so most forms of a common first
        /// word (`The`, `Bộ`, `New`) are passed over with one comparison.
        let secondWords: UnsafeBufferPointer<Int32>
        /// The memory of the tables above.
        private let storage: [AnyObject]

        init(_ forms: [[Form]]) {
            var formStarts: [Int32] = [0]
            var wordStarts: [Int32] = [0]
            var words: [Int32] = []
            var cases: [Form.Case] = []
            var entities: [Int] = []
            var secondWords: [Int32] = []
            for group in forms {
                // In second-word order (one-word forms first), longest first within one, and of
                // two as long the stricter in case first (NIS the company before Nis the city).
                func key(_ form: Form) -> (Int32, Int, Int) {
                    (form.ids.count > 1 ? form.ids[1] : -1, -form.ids.count, -Int(form.cases[0].rawValue))
                }
                for form in group.sorted(by: { key($0) < key($1) }) {
                    words += form.ids
                    cases += form.cases
                    wordStarts.append(Int32(words.count))
                    entities.append(form.entity)
                    secondWords.append(form.ids.count > 1 ? form.ids[1] : -1)
                }
                formStarts.append(Int32(entities.count))
            }
            let frozen = (
                FrozenBuffer(formStarts), FrozenBuffer(wordStarts), FrozenBuffer(words), FrozenBuffer(cases),
                FrozenBuffer(entities), FrozenBuffer(secondWords)
            )
            self.formStarts = frozen.0.elements
            self.wordStarts = frozen.1.elements
            self.words = frozen.2.elements
            self.cases = frozen.3.elements
            self.entities = frozen.4.elements
            self.secondWords = frozen.5.elements
            storage = [frozen.0, frozen.1, frozen.2, frozen.3, frozen.4, frozen.5]
        }

        /// Whether some form starts with word `id`.
        func startsForm(_ id: Int) -> Bool {
            id >= 0 && id + 1 < formStarts.count && formStarts[id] < formStarts[id + 1]
        }

        /// Whether some form starts with word `id` in any case (most forms want their first
        /// word capitalized: `The Hague`, `Bộ Y tế`, not the common words `the`, `bộ`).
        func startsFormInAnyCase(_ id: Int) -> Bool {
            startsForm(id)
                && (Int(formStarts[id])..<Int(formStarts[id + 1])).contains { cases[Int(wordStarts[$0])] == .any }
        }
    }

    /// The entity rules, as records name them (`vi/entities:title-name`).
    enum EntityRule: Int, CaseIterable, Sendable {
        case gazetteer, titleName, familyName, orgHead, orgTail, locationCue, shortForm, appositiveName, dateline
        case speechName, givenName, bracketedPlace, surname, brandCue, acronymLongForm, byline

        var name: String {
            switch self {
            case .gazetteer: "gazetteer"
            case .titleName: "title-name"
            case .familyName: "family-name"
            case .orgHead: "org-head"
            case .orgTail: "org-tail"
            case .locationCue: "location-cue"
            case .shortForm: "short-form"
            case .appositiveName: "appositive-name"
            case .dateline: "dateline"
            case .speechName: "speech-name"
            case .givenName: "given-name"
            case .bracketedPlace: "bracketed-place"
            case .surname: "surname"
            case .brandCue: "brand-cue"
            case .acronymLongForm: "acronym-long-form"
            case .byline: "byline"
            }
        }
    }

    /// One language's compiled tables. (A class: fetched per document, a struct of this many
    /// tables would be retained field by field.)
    final class LanguageTables: Sendable {
        let forms: FormIndex
        let titles: TokenTable
        let titleDomains: TokenTable
        /// Titles of a profession (`ca sĩ`), not an office: a one-word place and a name word
        /// after one are a stage name (`ca sĩ Mỹ Tâm`).
        let professions: TokenTable?
        let familyNames: TokenTable?
        /// Given names that start a person's name (`shared/given_names.tsv`).
        let givenNames: TokenTable?
        /// `surnames.tsv` (English): a surname after one capitalized word no table knows
        /// ends a person's name (Jamaal Smith).
        let surnames: TokenTable?
        let orgHeads: TokenTable
        /// Heads followed by the organization's own name (`Tập đoàn Vingroup` is Vingroup);
        /// after any other head a known organization is the parent (`Văn phòng Quốc hội` is
        /// not the National Assembly).
        let orgBrandHeads: TokenTable?
        /// By vocabulary id, whether one of those heads ends with the word (read before every
        /// capitalized run: one load, where a word list would be scanned).
        let endsBrandHead: [Bool]
        let orgTails: TokenTable?
        /// Lowercase compounds that go on inside an organization's name after its first
        /// lowercase syllable (`Cục Y tế dự phòng`, `Hiệp hội Bất động sản`).
        let orgWords: TokenTable?
        /// Cues before a place name (`tỉnh`, `town of`) and after one (`region`).
        let locationCues: TokenTable?
        /// Units numbered instead of named (`quận`, `khu vực`): with their number, part of the
        /// name of the body serving them (`UBND quận 12`).
        let numberedUnits: TokenTable?
        let locationSuffixes: TokenTable?
        let notNames: TokenTable
        /// The words that start a phrase of `notNames` of two words or more (asked before
        /// every known place: one mask test turns most words away).
        let longNotNameStarts: WordIDs
        let functionWords: TokenTable
        /// Month and weekday names (the first column of the dates tables): no organization's
        /// name goes on into one (the House on Aug. 18 voted).
        let calendarWords: TokenTable?
        /// Particles, connectors, legal forms and the other small classes of `name_words.tsv`.
        let nameWords: NameWords
        /// Full rule names (`vi/entities:title-name`), made once.
        let ruleNames: [String]
        /// Whether a short form must match its full name's tones (Vietnamese: Thành is not
        /// Thanh); else accents are ignored (Vucic is Vučić).
        let namesKeepTones: Bool
        /// Whether names are written as capitalized syllables (Vietnamese): a one-word place
        /// next to another capitalized syllable is part of a longer name (Đức Trọng, Nga Sơn,
        /// Mỹ Đức: districts), not the place alone.
        let syllableNames: Bool
        /// By vocabulary id: which finders the word can start (`StartFlags`), so a token is
        /// handed only to those. A word that starts nothing whatever its case (`anyCase`
        /// clear) is passed over unless capitalized, so most lowercase words are skipped at
        /// once.
        let startFlags: [UInt8]

        init(
            forms: FormIndex, titles: TokenTable, titleDomains: TokenTable, professions: TokenTable?,
            familyNames: TokenTable?, givenNames: TokenTable?, surnames: TokenTable?, orgHeads: TokenTable,
            orgBrandHeads: TokenTable?,
            orgTails: TokenTable?,
            orgWords: TokenTable?, locationCues: TokenTable?, numberedUnits: TokenTable?, locationSuffixes: TokenTable?,
            notNames: TokenTable,
            functionWords: TokenTable, calendarWords: TokenTable?, nameWords: NameWords,
            ruleNames: [String], namesKeepTones: Bool, syllableNames: Bool, vocabularyCount: Int
        ) {
            self.forms = forms
            self.titles = titles
            self.titleDomains = titleDomains
            self.professions = professions
            self.familyNames = familyNames
            self.givenNames = givenNames
            self.surnames = surnames
            self.orgHeads = orgHeads
            self.orgBrandHeads = orgBrandHeads
            var endsBrandHead = [Bool](repeating: false, count: vocabularyCount)
            for id in orgBrandHeads?.lastIDs() ?? [] where Int(id) < vocabularyCount { endsBrandHead[Int(id)] = true }
            self.endsBrandHead = endsBrandHead
            self.orgTails = orgTails
            self.orgWords = orgWords
            self.locationCues = locationCues
            self.numberedUnits = numberedUnits
            self.locationSuffixes = locationSuffixes
            self.notNames = notNames
            longNotNameStarts = WordIDs(notNames.firstIDs.filter { !notNames.continuations(of: $0).seconds.isEmpty })
            self.functionWords = functionWords
            self.calendarWords = calendarWords
            self.nameWords = nameWords
            self.ruleNames = ruleNames
            self.namesKeepTones = namesKeepTones
            self.syllableNames = syllableNames
            startFlags = Self.startFlags(
                forms: forms, titles: titles, personNames: [familyNames, givenNames, surnames], orgHeads: orgHeads,
                locationCues: locationCues, orgTails: orgTails,
                lowercaseCues: nameWords.speechVerbs.ids + nameWords.placePrepositions.ids,
                vocabularyCount: vocabularyCount)
        }

        /// Bits of `startFlags`.
        enum StartFlags {
            /// A gazetteer form starts with the word.
            static let gazetteer: UInt8 = 1
            /// A title, a family or given name, an organization head, a location cue starts with it.
            static let title: UInt8 = 2
            static let personName: UInt8 = 4
            static let organizationHead: UInt8 = 8
            static let locationCue: UInt8 = 16
            /// A match can start with the word lowercase: a gazetteer form whose first word may
            /// be lowercase, a title, a location cue (family names and organization heads need
            /// a capital).
            static let anyCase: UInt8 = 32
            /// A lowercase cue: a verb of saying (a person's name may stand before or after
            /// it) or a preposition of place (a place's name may follow it).
            static let lowercaseCue: UInt8 = 64
            /// An organization tail starts with the word (a document without one has no name
            /// that a tail ends).
            static let orgTail: UInt8 = 128
        }

        static func startFlags(
            forms: FormIndex, titles: TokenTable, personNames: [TokenTable?], orgHeads: TokenTable,
            locationCues: TokenTable?, orgTails: TokenTable?, lowercaseCues: [Int32], vocabularyCount: Int
        ) -> [UInt8] {
            var flags = [UInt8](repeating: 0, count: vocabularyCount)
            for id in flags.indices where forms.startsForm(id) {
                flags[id] |= StartFlags.gazetteer | (forms.startsFormInAnyCase(id) ? StartFlags.anyCase : 0)
            }
            let tables: [(TokenTable?, UInt8)] =
                [(titles, StartFlags.title | StartFlags.anyCase)] + personNames.map { ($0, StartFlags.personName) } + [
                    (orgHeads, StartFlags.organizationHead),
                    (locationCues, StartFlags.locationCue | StartFlags.anyCase),
                    (orgTails, StartFlags.orgTail),
                ]
            for case (let table?, let flag) in tables {
                for id in table.firstIDs where Int(id) < flags.count { flags[Int(id)] |= flag }
            }
            for id in lowercaseCues where Int(id) < flags.count { flags[Int(id)] |= StartFlags.lowercaseCue }
            return flags
        }
    }

    let entities: [Entity]
    let languages: [String: LanguageTables]
    let vocabulary: Vocabulary
    /// `shared/sports_names.tsv`: by entity, whether naming it makes a document a sports
    /// story (a club, a league), and the club a place's name stands for in one (-1: none).
    let sportsCues: [Bool]
    let clubOfPlace: [Int32]
    /// `shared/senses.tsv`: names whose document tells their sense (Foreign Office, Georgia).
    let senses: NameSenses
    /// `shared/town_regions.tsv`: by entity, the name a town written before the region and a
    /// comma takes in its id (`Holland, Mich.` is Holland,_Michigan); nil for other entities.
    let townRegionNames: [String?]
    /// By vocabulary id, the one person the gazetteer knows whose English form of two words or
    /// more ends with that word (`Starmer`: Keir Starmer), -1 when several do: the surname
    /// alone after a title or by a verb of saying names that person (Prime Minister Starmer,
    /// Stoltenberg told reporters).
    let englishSurnames: [Int32: Int32]
    /// A country's bodies by the English words after their demonym: an organization whose id
    /// names a country (`Ministry_of_Defence_(Russia)`, forms `Russian Defence Ministry`, …)
    /// under `BodyKey(country, [Defence, Ministry])`, so `Russia's Defence Ministry` is it.
    let bodiesOfCountry: [BodyKey: Int]
    /// A place's bodies by the Vietnamese words before the place's name: an organization whose
    /// Vietnamese form ends in a form of a place (`Bộ Quốc phòng Nga`) under
    /// `BodyKey(Russia, [Bộ, Quốc, phòng])`, so `Bộ Quốc phòng Liên bang Nga` is it too.
    let bodiesBeforePlace: [BodyKey: Int]

    /// A country's entity and the words of one of its bodies' names.
    struct BodyKey: Hashable, Sendable {
        var country: Int
        var words: [Int32]
    }

    public init(rulesFolder: URL, vocabulary: Vocabulary = Vocabulary()) throws(ConfigError) {
        let gazetteerURL = rulesFolder.appendingPathComponent("shared/gazetteer.tsv")
        var entities: [Entity] = []
        var formsByLanguage: [String: [Form]] = ["vi": [], "en": []]
        // Where each entity's Vietnamese-column forms lie in the Vietnamese list.
        var vietnameseColumn: [Range<Int>] = []
        for (number, line) in try RuleText.lines(of: gazetteerURL) {
            let fields = line.split(byte: UInt8(ascii: "\t")).map(String.init)
            guard fields.count == 4, !fields[0].isEmpty, let type = NameType(code: fields[1]) else {
                throw ConfigError(
                    file: gazetteerURL.path, line: number,
                    "expected id<TAB>PER|ORG|LOC<TAB>English forms<TAB>Vietnamese forms")
            }
            let entity = entities.count
            // (The Vietnamese forms are read three ways below: split once.)
            let vietnameseForms = fields[3].split(byte: UInt8(ascii: "|"), omittingEmpty: true)
            entities.append(
                Entity(
                    id: fields[0], type: type,
                    longNamedInVietnamese: vietnameseForms.contains { $0.split(byte: UInt8(ascii: " ")).count >= 3 },
                    articleLed: fields[2].hasPrefix("the ") || fields[2].contains("|the ")))
            let english = fields[2].split(byte: UInt8(ascii: "|"), omittingEmpty: true).map {
                Self.form(String($0), entity, vocabulary)
            }
            // Vietnamese press capitalizes an organization's name in full or only its first
            // words (Quỹ Tiền tệ Quốc tế, Quỹ Tiền tệ quốc tế): past the first word of a long
            // Vietnamese organization form, a capital matches either case.
            let vietnamese = vietnameseForms.map {
                Self.form(String($0), entity, vocabulary, caseFreeTail: type == .organization)
            }
            formsByLanguage["en"]! += english
            let firstVietnamese = formsByLanguage["vi"]!.count
            formsByLanguage["vi"]! += vietnamese + english
            vietnameseColumn.append(firstVietnamese..<firstVietnamese + vietnamese.count)
            // English outlets in Vietnam keep the diacritics of Vietnamese names (Hà Nội, Phạm
            // Minh Chính): a Vietnamese form of two words or more written with them is English
            // too (one word may be a common Vietnamese word: Đức, Nga).
            formsByLanguage["en"]! += vietnameseForms.filter {
                $0.contains(" ") && $0.unicodeScalars.contains { $0.value > 0x7F }
            }.map { Self.form(String($0), entity, vocabulary) }
        }
        let givenNamesURL = rulesFolder.appendingPathComponent("shared/given_names.tsv")
        let givenNames =
            FileManager.default.fileExists(atPath: givenNamesURL.path)
            ? TokenTable(phrases: try WordList.load(givenNamesURL), vocabulary: vocabulary) : nil
        var languages: [String: LanguageTables] = [:]
        for language in LanguageResources.languages {
            let folder = rulesFolder.appendingPathComponent(language)
            func table(_ name: String) throws(ConfigError) -> TokenTable {
                TokenTable(phrases: try WordList.load(folder.appendingPathComponent(name)), vocabulary: vocabulary)
            }
            func optionalTable(_ name: String) throws(ConfigError) -> TokenTable? {
                let url = folder.appendingPathComponent(name)
                return FileManager.default.fileExists(atPath: url.path) ? try table(name) : nil
            }
            // The surfaces of the dates tables' month and weekday names.
            var calendarPhrases: [String] = []
            for name in ["months.tsv", "weekdays.tsv"] {
                let url = folder.appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: url.path) else { continue }
                calendarPhrases += try Lexicon.load(url).entries.map { $0.words.joined(separator: " ") }
            }
            // A head that takes a brand, first in an organization's form, matches in either
            // case: the press writes đảng Cộng hòa as often as Đảng Cộng hòa.
            // (The file is read once, for these and for the finder's table.)
            let brandHeadsURL = folder.appendingPathComponent("org_brand_heads.tsv")
            let brandHeadPhrases =
                FileManager.default.fileExists(atPath: brandHeadsURL.path) ? try WordList.load(brandHeadsURL) : nil
            let brandHeads = (brandHeadPhrases ?? []).map { Tokenizer.words(of: $0).map(vocabulary.intern) }
            var forms = [[Form]](repeating: [], count: vocabulary.count)
            for var form in formsByLanguage[language] ?? [] where !form.ids.isEmpty {
                if entities[form.entity].type == .organization,
                    let head = brandHeads.first(where: { $0.count < form.ids.count && form.ids.starts(with: $0) })
                {
                    for offset in head.indices { form.cases[offset] = .any }
                }
                forms[Int(form.ids[0])].append(form)
            }
            languages[language] = LanguageTables(
                forms: FormIndex(forms),
                titles: try table("titles.tsv"), titleDomains: try table("title_domains.tsv"),
                professions: try optionalTable("professions.tsv"),
                familyNames: try optionalTable("family_names.tsv"), givenNames: givenNames,
                surnames: try optionalTable("surnames.tsv"),
                orgHeads: try table("org_heads.tsv"),
                orgBrandHeads: brandHeadPhrases.map { TokenTable(phrases: $0, vocabulary: vocabulary) },
                orgTails: try optionalTable("org_tails.tsv"), orgWords: try optionalTable("org_words.tsv"),
                locationCues: try optionalTable("location_cues.tsv"),
                numberedUnits: try optionalTable("numbered_units.tsv"),
                locationSuffixes: try optionalTable("location_suffixes.tsv"), notNames: try table("not_names.tsv"),
                functionWords: try table("function_words.txt"),
                calendarWords: calendarPhrases.isEmpty
                    ? nil : TokenTable(phrases: calendarPhrases, vocabulary: vocabulary),
                nameWords: try NameWords.load(folder.appendingPathComponent("name_words.tsv"), vocabulary: vocabulary),
                ruleNames: EntityRule.allCases.map { "\(language)/entities:\($0.name)" },
                namesKeepTones: language == "vi", syllableNames: language == "vi", vocabularyCount: vocabulary.count)
        }
        self.entities = entities
        self.languages = languages
        self.vocabulary = vocabulary
        bodiesOfCountry = Self.bodiesOfCountry(
            entities, english: formsByLanguage["en"] ?? [], of: vocabulary.intern("of"))
        bodiesBeforePlace = Self.bodiesBeforePlace(
            entities, forms: formsByLanguage["vi"] ?? [], vietnameseColumn: vietnameseColumn)
        (sportsCues, clubOfPlace) = try Self.loadSportsNames(
            rulesFolder.appendingPathComponent("shared/sports_names.tsv"), entities: entities)
        senses = try NameSenses.load(rulesFolder.appendingPathComponent("shared/senses.tsv"), entities: entities)
        var surnames: [Int32: Int32] = [:]
        for form in formsByLanguage["en"] ?? [] where form.ids.count >= 2 && entities[form.entity].type == .person {
            let last = form.ids[form.ids.count - 1]
            if let owner = surnames[last], owner != Int32(form.entity) {
                surnames[last] = -1
            } else {
                surnames[last] = Int32(form.entity)
            }
        }
        englishSurnames = surnames
        townRegionNames = try Self.loadTownRegions(
            rulesFolder.appendingPathComponent("shared/town_regions.tsv"), entities: entities)
    }

    /// Reads `town_regions.tsv` (optional): `REGION_ID<TAB>NAME`, a place (a US state, a
    /// province) that a town is located by, and the name it has in the town's id.
    static func loadTownRegions(_ url: URL, entities: [Entity]) throws(ConfigError) -> [String?] {
        var names = [String?](repeating: nil, count: entities.count)
        let table = GazetteerIDTable(url, entities: entities)
        for (line, fields) in try table.lines() {
            guard fields.count == 2, !fields[1].trimmingSpaces.isEmpty else {
                throw ConfigError(file: url.path, line: line, "expected REGION_ID<TAB>NAME")
            }
            let region = try table.entity(fields[0], line: line)
            guard entities[region].type == .location else {
                throw ConfigError(file: url.path, line: line, "a region is a LOC")
            }
            names[region] = fields[1].trimmingSpaces.replacingOccurrences(of: " ", with: "_")
        }
        return names
    }

    /// Reads `sports_names.tsv` (optional): `cue<TAB>ID` (a club or league whose name makes a
    /// document a sports story) and `place<TAB>PLACE_ID<TAB>CLUB_ID` (in a sports story, the
    /// place's name alone is that club; the club is a cue too). Ids are the gazetteer's.
    static func loadSportsNames(_ url: URL, entities: [Entity]) throws(ConfigError) -> ([Bool], [Int32]) {
        var cues = [Bool](repeating: false, count: entities.count)
        var clubs = [Int32](repeating: -1, count: entities.count)
        let table = GazetteerIDTable(url, entities: entities)
        for (line, fields) in try table.lines() {
            switch (fields.first, fields.count) {
            case ("cue", 2):
                cues[try table.entity(fields[1], line: line)] = true
            case ("place", 3):
                let place = try table.entity(fields[1], line: line)
                let club = try table.entity(fields[2], line: line)
                guard entities[place].type == .location, entities[club].type == .organization else {
                    throw ConfigError(file: url.path, line: line, "a place line names a LOC, then an ORG")
                }
                clubs[place] = Int32(club)
                cues[club] = true
            default:
                throw ConfigError(file: url.path, line: line, "expected cue<TAB>ID or place<TAB>PLACE_ID<TAB>CLUB_ID")
            }
        }
        return (cues, clubs)
    }

    /// The bodies of a country: each organization whose id ends in `_(COUNTRY_ID)`, a place
    /// the gazetteer knows, under each of its English forms but the form's first word (the
    /// demonym: Russian Defence Ministry); each whose English form begins with a place's
    /// one-word form, under the rest (Gaza Health Ministry: Gaza's Health Ministry); and each
    /// whose form ends in "of" and one, under the words before (National Assembly of Serbia).
    static func bodiesOfCountry(_ entities: [Entity], english: [Form], of: Int32) -> [BodyKey: Int] {
        var places: [String: Int] = [:]
        for (index, entity) in entities.enumerated() where entity.type == .location { places[entity.id] = index }
        var placeOfWord: [Int32: Int] = [:]
        for form in english where form.ids.count == 1 && entities[form.entity].type == .location {
            placeOfWord[form.ids[0]] = form.entity
        }
        var bodies: [BodyKey: Int] = [:]
        for form in english where form.ids.count >= 3 && entities[form.entity].type == .organization {
            let words = Array(form.ids.dropFirst())
            if let place = placeOfWord[form.ids[0]] { bodies[BodyKey(country: place, words: words)] = form.entity }
            // (And one named with "of" and the place: National Assembly of Serbia.)
            if form.ids[form.ids.count - 2] == of, let place = placeOfWord[form.ids[form.ids.count - 1]] {
                bodies[BodyKey(country: place, words: Array(form.ids.dropLast(2)))] = form.entity
            }
            let id = entities[form.entity].id
            guard id.hasSuffix(")"), let open = id.range(of: "_(", options: .backwards),
                let country = places[String(id[open.upperBound..<id.index(before: id.endIndex)])]
            else { continue }
            bodies[BodyKey(country: country, words: words)] = form.entity
        }
        return bodies
    }

    /// A hash of vocabulary ids (FNV-1a), for tables keyed by a phrase.
    static func wordsHash(_ words: ArraySlice<Int32>) -> UInt64 {
        words.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64(UInt32(bitPattern: $1))) &* 0x100_0000_01b3 }
    }

    /// The bodies of a place named before it, as Vietnamese names them: each organization's
    /// Vietnamese form that ends in a Vietnamese form of a place, under the words before it
    /// (the longest such place; the first organization where two share the words).
    static func bodiesBeforePlace(_ entities: [Entity], forms: [Form], vietnameseColumn: [Range<Int>]) -> [BodyKey: Int]
    {
        // Places by a hash of their words: no array is built or hashed per split.
        var placeOfWords: [UInt64: Int] = [:]
        var placeStarts = Set<Int32>()
        for (entity, column) in zip(entities.indices, vietnameseColumn) where entities[entity].type == .location {
            for form in column {
                let key = wordsHash(forms[form].ids[...])
                placeOfWords[key] = placeOfWords[key] ?? entity
                placeStarts.insert(forms[form].ids[0])
            }
        }
        var bodies: [BodyKey: Int] = [:]
        for (entity, column) in zip(entities.indices, vietnameseColumn) where entities[entity].type == .organization {
            for form in column where forms[form].ids.count >= 2 {
                let ids = forms[form].ids
                // (A place's first word first: most splits start none.)
                for split in 1..<ids.count where placeStarts.contains(ids[split]) {
                    guard let place = placeOfWords[wordsHash(ids[split...])] else { continue }
                    let key = BodyKey(country: place, words: Array(ids[..<split]))
                    bodies[key] = bodies[key] ?? entity
                    break
                }
            }
        }
        return bodies
    }

    /// A gazetteer form compiled to ids and case constraints. `caseFreeTail`: in a form of
    /// `caseFreeTailWords` words or more, a capitalized word after the first matches either case.
    static func form(_ text: String, _ entity: Int, _ vocabulary: Vocabulary, caseFreeTail: Bool = false) -> Form {
        var ids: [Int32] = []
        var cases: [Form.Case] = []
        // Split as the tokenizer splits text: G20 is two tokens, Ocasio-Cortez three.
        let tokens = Tokenizer.words(of: text)
        for token in tokens {
            ids.append(vocabulary.intern(token))
            // Its letters in one pass: how many, how many uppercase, and whether the first is.
            var letters = 0
            var upper = 0
            var firstUpper = false
            for scalar in token.unicodeScalars where Scalars.isLetter(scalar.value) {
                let isUpper = Scalars.isUppercase(scalar.value)
                if letters == 0 { firstUpper = isUpper }
                letters += 1
                if isUpper { upper += 1 }
            }
            if letters >= 2 && upper == letters {
                cases.append(.allCaps)
            } else if firstUpper {
                cases.append(.capitalized)
            } else {
                cases.append(.any)
            }
        }
        if caseFreeTail && cases.count >= caseFreeTailWords {
            for offset in 1..<cases.count where cases[offset] == .capitalized { cases[offset] = .any }
        }
        return Form(ids: ids, cases: cases, entity: entity)
    }

    /// The fewest words of a Vietnamese organization form whose later capitals match either
    /// case: four (Bộ Tài chính must keep its capitals; Ngân hàng Thế giới need not).
    static let caseFreeTailWords = 4

    public func candidates(in context: ExtractionContext) -> [Candidate] {
        guard let tables = languages[context.language] else { return [] }
        let ids = context.ids(in: vocabulary)
        var finder = Finder(extractor: self, tables: tables, context: context, ids: ids)
        return finder.run()
    }

    /// What a name refers to: a gazetteer entity, or (`entity` -1) a name no table knows,
    /// whose id is the slug of tokens `first..<end` (-2: that slug title-cased, for a name
    /// written in capitals; -3 and below: a town located by a region, `town`).
    struct Referent {
        var entity: Int32
        var first: Int32
        var end: Int32

        static func known(_ entity: Int) -> Referent { Referent(entity: Int32(entity), first: 0, end: 0) }
        static func slug(_ first: Int, _ end: Int) -> Referent {
            Referent(entity: -1, first: Int32(first), end: Int32(end))
        }
        /// A name written in capitals (a dateline's POKROVSK), whose slug is title-cased.
        static func titleCasedSlug(_ first: Int, _ end: Int) -> Referent {
            Referent(entity: -2, first: Int32(first), end: Int32(end))
        }
        /// A town located by a region (`entity` -3 - the region's): its slug, a comma and the
        /// region's name (Holland,_Michigan).
        static func town(_ first: Int, _ end: Int, region: Int) -> Referent {
            Referent(entity: Int32(-3 - region), first: Int32(first), end: Int32(end))
        }
    }

    /// A name found before overlaps are settled: plain data, so the many that lose cost no
    /// strings. Only winners become mentions.
    struct Hit: OverlapCandidate {
        /// Its tokens, `first..<end`.
        var first: Int32
        var end: Int32
        var overlapSpan: ByteSpan
        var referent: Referent
        var type: NameType
        var rule: EntityRule
        var priority: Int
        var suppresses: Bool

        var matchLength: Int32 { overlapSpan.end - overlapSpan.start }
    }

    /// The per-document work: patterns, then acronyms and short forms.
    struct Finder {
        let extractor: EntityExtractor
        let tables: LanguageTables
        let context: ExtractionContext
        let ids: [Int32]
        let tokens: [Token]
        var found: [Hit] = []
        /// Where the name after the last title found starts: words before it belong to that
        /// title (its domain, its country).
        var titledNameStart = 0
        /// The tokens that can start an organization tail, in order: a capitalized run is
        /// scanned for one only when one starts within its reach (most documents hold a few
        /// or none), found by `nextTail`, which moves on as the runs do.
        var tailStarts: [Int32] = []
        var nextTail = 0

        init(extractor: EntityExtractor, tables: LanguageTables, context: ExtractionContext, ids: [Int32]) {
            self.extractor = extractor
            self.tables = tables
            self.context = context
            self.ids = ids
            self.tokens = context.tokens
            found.reserveCapacity(context.tokens.count / 8 + 8)
        }

        mutating func run() -> [Candidate] {
            typealias Flags = LanguageTables.StartFlags
            let startFlags = tables.startFlags
            if tables.orgTails != nil {
                for (index, id) in ids.enumerated()
                where id >= 0 && Int(id) < startFlags.count && startFlags[Int(id)] & Flags.orgTail != 0 {
                    tailStarts.append(Int32(index))
                }
            }
            let runsEndInSuffixes = tables.locationSuffixes != nil
            // Locals: the finders below append to `found`, so the properties would be
            // reloaded on every pass of this loop.
            let tokens = self.tokens
            let ids = self.ids
            for index in tokens.indices where tokens[index].kind != .digits {
                let id = Int(ids[index])
                let flags = id >= 0 && id < startFlags.count ? startFlags[id] : 0
                let capitalized = tokens[index].capitalized
                if flags & Flags.lowercaseCue != 0 && lowercaseCue(at: index) { continue }
                guard capitalized || flags & Flags.anyCase != 0 else { continue }
                // Each finder is called only where the word can start it.
                let known = flags & Flags.gazetteer != 0 ? gazetteer(at: index) : nil
                // (A brand's head written in lowercase before the known name, read once.)
                let lowercaseHead = known.map { lowercaseBrandHead(at: index, within: $0.count) } ?? 0
                if let (count, entity) = known,
                    !startsLongerNotName(index, count),
                    count > 1 || !tables.syllableNames || !isInSyllableName(index, entity),
                    // (A place or a person a street is named after is no entity there: đường Hồ
                    // Chí Minh.)
                    extractor.entities[entity].type == .organization || !namesStreet(index, index + count),
                    // (Nor a province or a district after a commune's cue: xã Hòa Bình.)
                    !(followsCommuneCue(index) && namesUnitAsCommune(entity, at: index)),
                    // (Nor a storm's name: Hurricane Florence; nor a place in an adjective or
                    // a web address: Euro-Atlantic, VOV.VN.)
                    !namesStorm(index, entity), !endsGluedCompound(index),
                    // (Nor a person a thing is named after: the Ho Chi Minh Mausoleum, the Ho Chi
                    // Minh Relic Site; nor a place an agreement is: the Brussels Agreement.)
                    !namesThingAfter(index + count, extractor.entities[entity].type),
                    // (Nor one inside a phrase of not_names begun by the capitalized words before
                    // it: the North Atlantic Treaty.)
                    !continuesNotName(index),
                    // (Whether an article that marks the name's sense begins it, read once.)
                    case let articleLed = articleMarksSense(index, count, entity),
                    // (Nor a name after a lowercase head, or after an article that marks its
                    // sense, that runs on past the form: đảng Dân chủ Xã hội is no đảng Dân chủ,
                    // the Baltic Sentry mission no Baltic Sea.)
                    !((lowercaseHead > 0 || articleLed) && isNameWord(index + count)),
                    // (Nor a region written in lowercase before a known place: miền Tây Serbia is
                    // western Serbia, not the Mekong Delta.)
                    tokens[index].capitalized || extractor.entities[entity].type != .location
                        || !isKnownPlace(index + count, nil),
                    // (Nor a name of one letter but where a platform's is read: wrote on X.)
                    count > 1 || tokens[index].end - tokens[index].start > 1 || namesPlatform(at: index)
                {
                    // (A known body after a country's 's is that country's: Serbia's National
                    // Assembly.)
                    let body =
                        extractor.entities[entity].type == .organization
                        ? countryBody(index, index + count) ?? entity : entity
                    // (An article that marks a name's sense is no part of it: the West; nor is a
                    // brand's head written in lowercase: đảng Cộng hòa, tập đoàn Hòa Phát.)
                    let first = articleLed ? index + 1 : index + lowercaseHead
                    add(first, index + count, known: body, rule: .gazetteer, priority: gazetteerPriority)
                    if count == 1 && !tables.syllableNames && extractor.entities[entity].type == .person {
                        namesakeOfKnownSurname(at: index)
                    }
                }
                guard tokens[index].kind == .word else { continue }
                if index == 0 || tokens[index].newlineBefore {
                    if tokens[index].allCaps { dateline(at: index) }
                    if tables.nameWords.bylineWords.contains(ids[index]) { byline(at: index) }
                }
                if flags & Flags.title != 0 { titleName(at: index) }
                if flags & Flags.personName != 0 && capitalized {
                    familyName(at: index)
                    if index == 0 || !isNameWord(index - 1) || knownName(.location, endsAt: index)
                        || startsNoName(index - 1)
                    {
                        givenName(at: index)
                    }
                    if index > 0 && isNameWord(index - 1) { surnameAfterName(at: index) }
                }
                // A capitalized run that a tail word or suffix may end (`National Security
                // Council`, `Donetsk region`) starts at its first name word.
                // (A capitalized word that begins the line counts before it: Bai in a line
                // starting Yen Bai Province starts no run.)
                let runStart =
                    isNameWord(index)
                    && (index == 0 || !(tokens[index - 1].kind == .word && tokens[index - 1].capitalized))
                if (flags & Flags.organizationHead != 0 && capitalized)
                    || (tailWithinReach(of: index) && startsLineRun(index))
                {
                    organization(at: index, known: known)
                }
                if flags & Flags.locationCue != 0
                    || ((runStart || tokens[index].newlineBefore) && capitalized && runsEndInSuffixes)
                {
                    location(at: index)
                }
                if capitalized && (runStart || tokens[index].newlineBefore) {
                    appositiveName(at: index)
                    if tables.syllableNames { bracketedPlace(at: index) }
                    if index > 0 && endsBrandHead(index - 1) { brandAfterLowercaseHead(at: index) }
                }
            }
            if !tables.syllableNames { acronymLongForms() }
            return linkShortForms(locateTowns(OverlapResolver.winners(groups: [found]).map { found[Int($0.offset)] }))
        }

        /// An organization no finder knows, spelt out before its acronym in brackets: the
        /// capitalized words whose initials are the acronym's letters, in order, with
        /// connectors, particles and a hyphen's lowercase syllables between them (Jamiat
        /// Ulama-e-Islam (JUI), Pakistan Awami Tehreek (PAT)). Only for an acronym the
        /// gazetteer does not know (a known one keeps its id, and its long form follows it),
        /// and not for a person's name (a given name first).
        mutating func acronymLongForms() {
            var opening = nextOpeningBracket(from: 0)
            while let index = opening {
                opening = nextOpeningBracket(from: index + 1)
                guard index >= 2, index + 2 < tokens.count, tokens[index + 1].allCaps, isAcronym(index + 1),
                    context.isCharacter(index + 2, UInt8(ascii: ")"))
                else { continue }
                if let (count, entity) = gazetteer(at: index + 1) {
                    if count == 1 && extractor.entities[entity].type == .organization {
                        knownAcronymLongForm(before: index, entity: entity)
                    }
                    continue
                }
                let letters = context.bytes[Int(tokens[index + 1].start)..<Int(tokens[index + 1].end)]
                guard letters.count <= 6, letters.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { continue }
                var remaining = letters.endIndex
                var word = index - 1
                var start: Int?
                while word >= 0 && index - word <= 2 * letters.count + 4 {
                    let token = tokens[word]
                    if token.kind == .word && token.capitalized && !token.allCaps {
                        guard context.bytes[Int(token.start)] == letters[remaining - 1] else { break }
                        remaining -= 1
                        if remaining == letters.startIndex {
                            start = word
                            break
                        }
                    } else if token.kind == .word && !token.capitalized {
                        // A connector or particle between the words (Tahrir al-Sham), or a
                        // hyphen's lowercase syllable (Ulama-e-Islam).
                        guard
                            tables.nameWords.connectors.contains(ids[word])
                                || tables.nameWords.particles.contains(ids[word])
                                || (word > 0 && joinsByHyphen(word - 1))
                        else { break }
                    } else if !joinsByHyphen(word) {
                        break
                    }
                    if token.newlineBefore { break }
                    word -= 1
                }
                guard let start, tables.givenNames?.matchLength(context, ids: ids, at: start) == nil else { continue }
                add(
                    start, index, referent: .slug(start, index), type: .organization, rule: .acronymLongForm,
                    priority: patternPriority - 2)
            }
        }

        /// Whether a gazetteer match of `count` words at `index` begins with an article that
        /// marks its entity's sense (the West, the Baltic), which stays out of the span.
        @inline(__always)
        func articleMarksSense(_ index: Int, _ count: Int, _ entity: Int) -> Bool {
            count > 1 && extractor.entities[entity].articleLed && tables.nameWords.articles.contains(ids[index])
        }

        /// A known organization's acronym in brackets after a name the gazetteer lacks that
        /// begins as one of the body's own forms: that body, named another way (the Social
        /// Democrats (SPD), the Christian Democrats (CDU); not Boris Pistorius (SPD)).
        mutating func knownAcronymLongForm(before bracket: Int, entity: Int) {
            var start = bracket
            while start > 0 && bracket - start < 5 && isNameWord(start - 1) { start -= 1 }
            guard bracket - start >= 2, gazetteer(at: start).map({ start + $0.count == bracket }) != true else {
                return
            }
            // (Its first word begins a form of the body's own of two words or more.)
            guard startsLongerForm(of: entity, start, start + 1) else { return }
            add(start, bracket, known: entity, rule: .acronymLongForm, priority: patternPriority - 2)
        }

        var gazetteerPriority: Int { EntityExtractor.gazetteerPriority }
        var patternPriority: Int { EntityExtractor.patternPriority }

        /// The longest gazetteer form at a token whose case constraints the text meets (none
        /// past the last token, so a name run may ask at its end).
        func gazetteer(at index: Int) -> (count: Int, entity: Int)? {
            guard index < tokens.count else { return nil }
            let id = Int(ids[index])
            guard tables.forms.startsForm(id) else { return nil }
            let forms = tables.forms
            let (lower, upper) = (Int(forms.formStarts[id]), Int(forms.formStarts[id + 1]))
            // The forms of two words or more whose second word is the next token's, found by
            // binary search (a word's forms are in second-word order: Bộ starts ninety), longest
            // first; then the one-word forms, which come first.
            if index + 1 < tokens.count && ids[index + 1] >= 0 {
                let second = ids[index + 1]
                var (low, high) = (lower, upper)
                while low < high {
                    let middle = (low + high) / 2
                    if forms.secondWords[middle] < second { low = middle + 1 } else { high = middle }
                }
                var form = low
                while form < upper && forms.secondWords[form] == second {
                    if let count = matchedLength(of: form, at: index) { return (count, forms.entities[form]) }
                    form += 1
                }
            }
            var form = lower
            while form < upper && forms.secondWords[form] < 0 {
                if let count = matchedLength(of: form, at: index) { return (count, forms.entities[form]) }
                form += 1
            }
            return nil
        }

        /// The length of a head that takes a brand, written in lowercase at `index`, that a
        /// gazetteer match of `count` words goes on past (0: none). (Inlined: asked at every
        /// gazetteer hit, and most are capitalized.)
        @inline(__always)
        func lowercaseBrandHead(at index: Int, within count: Int) -> Int {
            guard !tokens[index].capitalized, let heads = tables.orgBrandHeads,
                let length = heads.matchLength(context, ids: ids, at: index), length < count
            else { return 0 }
            return length
        }

        /// Whether the words `first..<end` begin a longer gazetteer form of `entity` (in any
        /// case).
        func startsLongerForm(of entity: Int, _ first: Int, _ end: Int) -> Bool {
            let forms = tables.forms
            let id = Int(ids[first])
            guard id >= 0, id + 1 < forms.formStarts.count else { return false }
            let count = end - first
            for form in Int(forms.formStarts[id])..<Int(forms.formStarts[id + 1]) where forms.entities[form] == entity {
                let wordStart = Int(forms.wordStarts[form])
                guard Int(forms.wordStarts[form + 1]) - wordStart > count else { continue }
                if (0..<count).allSatisfy({ forms.words[wordStart + $0] == ids[first + $0] }) { return true }
            }
            return false
        }

        /// Whether a phrase of `not_names` begun by one to three words right before `index`
        /// goes on over it (the North Atlantic Treaty, Hiệp ước Bắc Đại Tây Dương: no Atlantic
        /// there).
        func continuesNotName(_ index: Int) -> Bool {
            var start = index - 1
            while start >= 0 && index - start <= 3 && tokens[start].kind == .word && !tokens[start + 1].newlineBefore {
                if tables.longNotNameStarts.contains(ids[start]),
                    let length = tables.notNames.matchLength(context, ids: ids, at: start), length > index - start
                {
                    return true
                }
                start -= 1
            }
            return false
        }

        /// Whether the word at `index` is glued by a hyphen to a combining form before it
        /// (Euro-Atlantic, Sino-Russian), or in capitals by a dot to a word (a web address's
        /// domain: VOV.VN; an abbreviated cue keeps its place, TP.Hà Nội).
        func endsGluedCompound(_ index: Int) -> Bool {
            guard index >= 2 && tokens[index].glued && tokens[index - 1].glued else { return false }
            if joinsByHyphen(index - 1) { return tables.nameWords.compoundPrefixes.contains(ids[index - 2]) }
            return tokens[index].allCaps && context.isCharacter(index - 1, UInt8(ascii: "."))
                && tokens[index - 2].kind == .word
        }

        /// The length of gazetteer form `form` if the text at `index` holds it, its case
        /// constraints met.
        @inline(__always)
        func matchedLength(of form: Int, at index: Int) -> Int? {
            let forms = tables.forms
            let wordStart = Int(forms.wordStarts[form])
            let count = Int(forms.wordStarts[form + 1]) - wordStart
            guard index + count <= tokens.count else { return nil }
            for offset in 0..<count {
                let token = tokens[index + offset]
                if ids[index + offset] != forms.words[wordStart + offset] || (offset > 0 && token.newlineBefore) {
                    return nil
                }
                switch forms.cases[wordStart + offset] {
                case .capitalized where !token.capitalized, .allCaps where !token.allCaps:
                    return nil
                default:
                    break
                }
            }
            // A form that ends inside a word (Kosovo in "Kosovar") is no match, nor a place's
            // written onto digits, a code's (VN in "VN30"; a broadcaster's channel, VTV6, stays).
            let end = index + count
            if end < tokens.count && tokens[end].glued
                && (tokens[end].kind == .word
                    || (tokens[end].kind == .digits && extractor.entities[forms.entities[form]].type == .location))
            {
                return nil
            }
            // Nor is one written onto a dollar sign: US$2 billion, HK$10.
            if end < tokens.count && tokens[end].glued && context.isCharacter(end, UInt8(ascii: "$")) { return nil }
            if index > 0 && tokens[index].glued && tokens[index - 1].kind == .word { return nil }
            return count
        }

        /// Whether the one-word known place at `index` is a syllable of a longer name the
        /// gazetteer lacks (`syllableNames`): a capitalized syllable with diacritics right next
        /// to it on its line (Đức Trọng, Mỹ Đức; Thủ tướng Đức Olaf Scholz keeps Germany, as an
        /// ASCII word may be a foreign name).
        func isInSyllableName(_ index: Int, _ entity: Int) -> Bool {
            guard extractor.entities[entity].type == .location else { return false }
            // (Not `isSyllable`, which asks whether an English word can be a toneless syllable.)
            func isToneSyllable(_ other: Int) -> Bool {
                let token = tokens[other]
                return token.kind == .word && token.capitalized && !token.allCaps && !token.ascii
            }
            if index + 1 < tokens.count && tokens[index + 1].spaceBefore && !tokens[index + 1].newlineBefore
                && isToneSyllable(index + 1)
            {
                return true
            }
            return index > 0 && tokens[index].spaceBefore && !tokens[index].newlineBefore && isToneSyllable(index - 1)
                && tables.titles.matchLength(context, ids: ids, at: index - 1) == nil
                // (A sentence's first word is capitalized by its place: a name there starts
                // with a family name, else the place is the place: Tại Nga, Riêng Đức.)
                && !(startsSentence(index - 1)
                    && tables.familyNames?.matchLength(context, ids: ids, at: index - 1) == nil)
                // (A compass word alone before it is the region's: miền Bắc Kosovo; a group
                // noun names the place's group: Đoàn Mỹ.)
                && !(tables.nameWords.compassWords.contains(ids[index - 1])
                    && (index < 2 || !tokens[index - 2].capitalized))
                && !namesGroup(index - 1)
        }

        /// Whether the word at `index` is a group noun (Đoàn) and no title or honorific stands
        /// right before it: then it names a group, not a person (Đoàn Mỹ; ông Đoàn Nga).
        func namesGroup(_ index: Int) -> Bool {
            tables.nameWords.groupNouns.contains(ids[index]) && !titleEnds(before: index, within: 3)
        }

        /// Whether a phrase of `not_names` longer than `count` words starts a sentence at
        /// `index`: then the gazetteer's shorter form there is no name (`Anh cho biết` is he,
        /// not the United Kingdom; `Chính phủ Anh cho biết` stays the country).
        func startsLongerNotName(_ index: Int, _ count: Int) -> Bool {
            // The sentence's start first: most known names stand inside one.
            startsSentence(index) && (tables.notNames.matchLength(context, ids: ids, at: index) ?? 0) > count
        }

        /// Whether the token at `index` starts a sentence or a line: first, or after a full
        /// stop, a question or exclamation mark, a colon or a quotation mark. (Inlined: it is
        /// asked at every gazetteer hit, and most answer at the first test.)
        @inline(__always)
        func startsSentence(_ index: Int) -> Bool {
            guard index > 0 && !tokens[index].newlineBefore else { return true }
            guard tokens[index - 1].kind == .punctuation else { return false }
            switch context.bytes[Int(tokens[index - 1].start)] {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "\""):
                return true
            default: return false
            }
        }

        mutating func add(
            _ first: Int, _ end: Int, referent: Referent, type: NameType, rule: EntityRule, priority: Int,
            suppresses: Bool = false
        ) {
            found.append(
                Hit(
                    first: Int32(first), end: Int32(end),
                    overlapSpan: ByteSpan(tokens[first].start, tokens[end - 1].end),
                    referent: referent, type: type, rule: rule, priority: priority, suppresses: suppresses))
        }

        /// A gazetteer entity at `first..<end`, with its own type.
        mutating func add(_ first: Int, _ end: Int, known entity: Int, rule: EntityRule, priority: Int) {
            add(
                first, end, referent: .known(entity), type: extractor.entities[entity].type, rule: rule,
                priority: priority)
        }

        /// `lang/entities:rule`, from a table built once per language.
        func ruleName(_ rule: EntityRule) -> String { tables.ruleNames[rule.rawValue] }

        func isNameWord(_ index: Int) -> Bool {
            index < tokens.count && tokens[index].kind == .word && tokens[index].capitalized
                && !tokens[index].newlineBefore
        }

        /// Capitalized words from `start` (name particles and glued hyphens allowed inside).
        /// `lineStart`: the run may begin a line (else a name word after a line break starts
        /// nothing: a title at the end of one line takes no name from the next).
        func nameRun(from start: Int, limit: Int, lineStart: Bool = false) -> Int {
            // An organization's head word starts no person's name (Giám đốc Sở GD-ĐT).
            let first = lineStart ? tokens[start].kind == .word && tokens[start].capitalized : isNameWord(start)
            // Nor does an acronym before a family name (Chủ tịch HoREA Lê Hoàng Châu).
            // (Nor does a generational suffix: Jr. after the title word King in Martin Luther
            // King Jr.)
            guard first, tables.notNames.matchLength(context, ids: ids, at: start) == nil,
                tables.orgHeads.matchLength(context, ids: ids, at: start) == nil, !startsKnownNonPerson(start),
                !(isAcronym(start) && startsPersonName(start + 1)),
                !tables.nameWords.generationSuffixes.contains(ids[start])
            else { return start }
            var end = start + 1
            // A syllable after a hyphen and its hyphen are no words of their own
            // (Cờ-rếc Chít-tích, two words in six tokens), nor are particles.
            var freeTokens = 0
            while end < tokens.count && end - start - freeTokens < limit {
                // (After a middle initial, a place's name is the surname: Lloyd J. Austin. In
                // English, so is a one-word place between two words of a name: Francisco
                // Agustin Colorado Cebado.)
                // (In English, a word that starts no name, such as a weekday, is no word of one
                // either: President Joe Biden Tuesday said.)
                if isNameWord(end)
                    && (!startsKnownNonPerson(end) || isInitialDot(end - 1) || placeInsideName(end))
                    && !tables.nameWords.generationSuffixes.contains(ids[end])
                    && (context.language != "en" || tables.notNames.matchLength(context, ids: ids, at: end) == nil)
                {
                    // (A capitalized particle is no word of its own either: Juan Ramon De La
                    // Fuente Ramirez.)
                    if tokens[end].end - tokens[end].start <= 3 && tables.nameWords.particles.contains(ids[end]) {
                        freeTokens += 1
                    }
                    end += 1
                } else if joinsByHyphen(end) && (isNameWord(end + 1) || isHyphenatedSyllable(end + 1)) {
                    // (A capitalized part joins its word too: Marie-Agnes Strack-Zimmermann is
                    // two words.)
                    freeTokens += 2
                    end += 2
                } else if joinsNameByApostrophe(end) {
                    // (O'Brien is one word of three tokens.)
                    freeTokens += 2
                    end += 2
                } else if tables.nameWords.particles.contains(ids[end]) && !tokens[end].capitalized {
                    // One or two lowercase particles before the surname (Ursula von der Leyen),
                    // or one glued to it by a hyphen (Adel al-Jubeir).
                    var next = end + 1
                    if next < tokens.count && !tokens[next].capitalized
                        && tables.nameWords.particles.contains(ids[next])
                    {
                        next += 1
                    }
                    if isNameWord(next) {
                        freeTokens += next - end
                        end = next + 1
                    } else if next == end + 1 && joinsByHyphen(next) && isNameWord(next + 1) {
                        freeTokens += 2
                        end = next + 2
                    } else {
                        break
                    }
                } else if isInitialDot(end) && isNameWord(end + 1)
                    && !(tables.syllableNames && startsLongKnownNonPerson(end + 1))
                {
                    // A middle initial: Donald J. Trump. (Not a Vietnamese initial before a
                    // known name of two words or more: ông Nguyễn Văn A. Mặt trận Tổ quốc …
                    // starts a sentence.) Its dot is no word (T.S. Ellis III is three).
                    freeTokens += 1
                    end += 1
                } else {
                    break
                }
            }
            // A generational suffix ends the name, the dot of an abbreviated one included
            // (Charles Q. Brown Jr.); after a Roman numeral a dot ends the sentence (Elizabeth II.).
            if end > start, end < tokens.count, tokens[end].capitalized,
                tables.nameWords.generationSuffixes.contains(ids[end])
            {
                end += 1
                if end < tokens.count && tokens[end].glued && context.isCharacter(end, UInt8(ascii: "."))
                    && !tokens[end - 1].allCaps
                {
                    end += 1
                }
            }
            return end
        }

        /// Whether token `index` starts a glued `'s` that belongs to a name: after a word such
        /// as People or Women (`tables.nameWords.possessives`) and before a name word.
        func possessiveInName(_ index: Int) -> Bool {
            index > 0 && index + 2 < tokens.count && isApostropheS(index)
                && tables.nameWords.possessives.contains(ids[index - 1]) && isNameWord(index + 2)
        }

        /// Whether token `index` is an apostrophe glued to the word before and to an `s` after.
        func isApostropheS(_ index: Int) -> Bool {
            index + 1 < tokens.count && context.isCharacter(index, UInt8(ascii: "'")) && tokens[index].glued
                && tokens[index + 1].glued && tokens[index + 1].end - tokens[index + 1].start == 1
                && context.bytes[Int(tokens[index + 1].start)] == UInt8(ascii: "s")
        }

        /// Whether a capitalized run starts at token `index`: a capitalized word at a line's
        /// start, or after a token that is no name word.
        func startsLineRun(_ index: Int) -> Bool {
            tokens[index].kind == .word && tokens[index].capitalized
                && (index == 0 || tokens[index].newlineBefore || !isNameWord(index - 1))
        }

        /// Whether token `index` is the dot glued after an abbreviated generational suffix
        /// (Jr.; not a Roman numeral's: Elizabeth II. ends a sentence).
        func isSuffixDot(_ index: Int) -> Bool {
            index > 0 && tokens[index].glued && context.isCharacter(index, UInt8(ascii: "."))
                && tables.nameWords.generationSuffixes.contains(ids[index - 1]) && !tokens[index - 1].allCaps
        }

        /// Whether token `index` is the dot of an initial: glued after one capital letter.
        func isInitialDot(_ index: Int) -> Bool {
            index > 0 && context.isCharacter(index, UInt8(ascii: ".")) && tokens[index].glued
                && tokens[index - 1].kind == .word && tokens[index - 1].capitalized
                && tokens[index - 1].end - tokens[index - 1].start == 1
        }

        /// A person: the gazetteer's when the run is a known person, else a slug. A run with
        /// a middle initial (Donald J. Trump) is the known person its surname names.
        func person(_ first: Int, _ end: Int) -> Referent {
            if let (count, entity) = gazetteer(at: first), count == end - first,
                extractor.entities[entity].type == .person
            {
                return .known(entity)
            }
            if end - first >= 4, (first + 1..<end - 1).contains(where: isInitialDot) {
                // A middle initial the gazetteer's form leaves out (Antony J. Blinken): the
                // person whose two-word form is the first and last words, or whose one-word
                // form is the last.
                if let entity = knownPerson(first: first, last: end - 1) { return .known(entity) }
                if let (count, entity) = gazetteer(at: end - 1), count == 1, extractor.entities[entity].type == .person
                {
                    return .known(entity)
                }
            }
            return .slug(first, end)
        }

        /// The person whose gazetteer form is exactly the words at `first` and `last` (case as
        /// the form asks), or nil.
        func knownPerson(first: Int, last: Int) -> Int? {
            let forms = tables.forms
            let id = Int(ids[first])
            guard forms.startsForm(id) else { return nil }
            for form in Int(forms.formStarts[id])..<Int(forms.formStarts[id + 1])
            where forms.secondWords[form] == ids[last] {
                let wordStart = Int(forms.wordStarts[form])
                guard Int(forms.wordStarts[form + 1]) - wordStart == 2,
                    extractor.entities[forms.entities[form]].type == .person,
                    forms.cases[wordStart] != .capitalized || tokens[first].capitalized,
                    forms.cases[wordStart + 1] != .capitalized || tokens[last].capitalized
                else { continue }
                return forms.entities[form]
            }
            return nil
        }

        /// The id a referent stands for.
        func id(of referent: Referent) -> String {
            if referent.entity >= 0 { return extractor.entities[Int(referent.entity)].id }
            if referent.entity == -2 { return titleCasedSlug(Int(referent.first), Int(referent.end)) }
            if referent.entity <= -3 { return townID(referent) }
            // An English name of two words or more written in capitals, none a short acronym,
            // is title-cased (KERMADEC ISLANDS is Kermadec_Islands, as in a sentence; US FDA
            // stays); Vietnamese writes bodies as acronyms (UBND TP HCM) and keeps them.
            if referent.end - referent.first >= 2 && !tables.syllableNames {
                return slugAsWritten(Int(referent.first), Int(referent.end), shortestCapitalWord: 3)
            }
            return slug(Int(referent.first), Int(referent.end))
        }

        /// The slug of tokens `first..<end`, title-cased when every word is written in capitals
        /// and has `shortestCapitalWord` letters or more, else as written. (Out of line:
        /// `id(of:)` is inlined where every mention is made.)
        @inline(never)
        func slugAsWritten(_ first: Int, _ end: Int, shortestCapitalWord: Int) -> String {
            let capitals = (first..<end).allSatisfy {
                tokens[$0].kind != .word
                    || (tokens[$0].allCaps && Int(tokens[$0].end - tokens[$0].start) >= shortestCapitalWord)
            }
            return capitals ? titleCasedSlug(first, end) : slug(first, end)
        }

        /// The id of a town located by a region: its slug (title-cased when written in
        /// capitals), a comma and the region's name. (Out of line, like `slugAsWritten`.)
        @inline(never)
        func townID(_ referent: Referent) -> String {
            let town = slugAsWritten(Int(referent.first), Int(referent.end), shortestCapitalWord: 1)
            return town + ",_" + (extractor.townRegionNames[Int(-3 - referent.entity)] ?? "")
        }

        /// A place written before a comma and a region of `town_regions.tsv` is a town there
        /// (Holland, Mich.; Paris, Texas; GRAND RAPIDS, Mich. —): its id names the region, unless
        /// the gazetteer knows it by its own name (Houston, Texas). A capitalized name no finder
        /// took there is such a town too (a rally in Springfield, Illinois). Not in a list of
        /// regions (Texas, Oklahoma and Kansas; Washington, Virginia and Maryland).
        func locateTowns(_ hits: [Hit]) -> [Hit] {
            let regions = extractor.townRegionNames
            guard hits.contains(where: { $0.referent.entity >= 0 && regions[Int($0.referent.entity)] != nil })
            else { return hits }
            var located: [Hit] = []
            located.reserveCapacity(hits.count + 4)
            for hit in hits {
                let region = Int(hit.referent.entity)
                let comma = Int(hit.first) - 1
                guard hit.type == .location, region >= 0, regions[region] != nil, comma >= 1,
                    context.isCharacter(comma, UInt8(ascii: ",")), tokens[comma].glued,
                    !startsRegionList(after: Int(hit.end))
                else {
                    located.append(hit)
                    continue
                }
                if let town = located.last, Int(town.end) == comma, town.type == .location {
                    let entity = Int(town.referent.entity)
                    if entity < 0 || (regions[entity] == nil && !isOwnName(entity, Int(town.first), comma)) {
                        located[located.count - 1].referent = .town(Int(town.first), comma, region: region)
                    }
                } else if located.last.map({ Int($0.end) <= comma }) ?? true, let first = townStart(endingAt: comma) {
                    let start = Int(tokens[first].start)
                    located.append(
                        Hit(
                            first: Int32(first), end: Int32(comma),
                            overlapSpan: ByteSpan(Int32(start), tokens[comma - 1].end),
                            referent: .town(first, comma, region: region), type: .location, rule: .locationCue,
                            priority: patternPriority, suppresses: false))
                }
                located.append(hit)
            }
            sameTownsAsLocated(&located)
            return located
        }

        /// A place of the document written as a located town's name without its region is
        /// that town (Riverside County, California; then Riverside County).
        func sameTownsAsLocated(_ hits: inout [Hit]) {
            let towns = hits.filter { $0.referent.entity <= -3 }
            guard !towns.isEmpty else { return }
            for index in hits.indices where hits[index].type == .location && hits[index].referent.entity == -1 {
                let first = Int(hits[index].first)
                let length = Int(hits[index].end) - first
                let town = towns.first { town in
                    Int(town.end - town.first) == length
                        && (0..<length).allSatisfy { nameHash(Int(town.first) + $0) == nameHash(first + $0) }
                }
                if let town { hits[index].referent = town.referent }
            }
        }

        /// Whether a comma or a list word after a region goes on to another region or place
        /// (Texas, Oklahoma and Kansas).
        func startsRegionList(after end: Int) -> Bool {
            guard end + 1 < tokens.count else { return false }
            let joins =
                context.isCharacter(end, UInt8(ascii: ",")) || tables.nameWords.listJoiners.contains(ids[end])
            return joins && tokens[end + 1].capitalized && startsKnownNonPerson(end + 1)
        }

        /// Whether the gazetteer entity's id is the text of tokens `first..<end` (Houston).
        func isOwnName(_ entity: Int, _ first: Int, _ end: Int) -> Bool {
            extractor.entities[entity].id.lowercased() == slug(first, end).lowercased()
        }

        /// Where the capitalized words of a town no finder took start, ending at `end` (one to
        /// three name words, after a word that is none, on one line); nil if there are none.
        func townStart(endingAt end: Int) -> Int? {
            var first = end
            while first > 0 && end - first < 5 && !tokens[first].newlineBefore {
                if isNameWord(first - 1) && tables.notNames.matchLength(context, ids: ids, at: first - 1) == nil
                    && !startsKnownNonPerson(first - 1)
                {
                    first -= 1
                } else if first >= 2 && first < end && joinsByHyphen(first - 1) && isNameWord(first - 2) {
                    // A hyphenated name is one (Opa-Locka, Winston-Salem).
                    first -= 2
                } else {
                    break
                }
            }
            guard first < end, first == 0 || tokens[first].newlineBefore || !isNameWord(first - 1) else { return nil }
            return first
        }

        /// The slug of words written in capitals, as a title is written: each word capitalized
        /// but a name particle (SAN JOSE DEL MONTE → San_Jose_del_Monte).
        func titleCasedSlug(_ first: Int, _ end: Int) -> String {
            var slug = ""
            for index in first..<end {
                if index > first && !tokens[index].glued { slug += "_" }
                let word = self.slug(index, index + 1).lowercased()
                slug += tables.nameWords.particles.contains(ids[index]) ? word : word.capitalized
            }
            return slug
        }

        /// The id of a name no table knows: its text with one `_` for each run of spaces or
        /// tabs (Federica  Mogherini, typed with two, is Federica_Mogherini).
        func slug(_ first: Int, _ end: Int) -> String {
            let start = Int(tokens[first].start)
            let length = Int(tokens[end - 1].end) - start
            return context.bytes.withUnsafeBufferPointer { bytes in
                String(unsafeUninitializedCapacity: length) { slug in
                    var written = 0
                    var afterSpace = false
                    for offset in 0..<length {
                        let byte = bytes[start + offset]
                        let isSpace = byte == 0x20 || byte == 0x09
                        if isSpace && afterSpace { continue }
                        slug[written] = isSpace ? UInt8(ascii: "_") : byte
                        written += 1
                        afterSpace = isSpace
                    }
                    return written
                }
            }
        }

        /// Title (+ domain words, + a country or organization) + name: `Bộ trưởng Quốc phòng
        /// Đức Boris Pistorius`, `NATO Secretary General Jens Stoltenberg`.
        mutating func titleName(at index: Int) {
            guard let count = tables.titles.matchLength(context, ids: ids, at: index) else { return }
            // A capitalized title word inside a street's name is none (đường Hai Bà Trưng;
            // English writes titles before street names rarely: none checked).
            if tables.syllableNames && tokens[index].capitalized && namesStreet(index) { return }
            // A title whose first word ends a known name is none: Trung Quốc Vương Nghị is
            // China's Wang Yi, not a king (quốc vương) named Nghị.
            if index > 0 && tokens[index].capitalized && !tokens[index].newlineBefore && isNameWord(index - 1),
                let (known, _) = gazetteer(at: index - 1), known == 2
            {
                return
            }
            var position = index + count
            while position < tokens.count, let domain = tables.titleDomains.matchLength(context, ids: ids, at: position)
            {
                position += domain
            }
            // In English the title with its domain, which names no body of its own (Commissioner
            // for the Armed Forces), is suppressed whole once a name is found; a Vietnamese
            // domain is a body (Chủ tịch Quốc hội).
            let suppressedEnd = tables.syllableNames ? index + count : position
            // After an honorific, a one-word place the gazetteer knows is a given name (ông Đức,
            // bà Nga), with the capitalized words after it (anh Đức Anh); after a profession,
            // with one more (ca sĩ Mỹ Tâm, but tiền đạo Pháp Kylian Mbappé).
            let honorific = count == 1 && tables.nameWords.honorifics.contains(ids[index])
            let stageName =
                !honorific && position == index + count && isNameWord(position + 1) && !isNameWord(position + 2)
                && tables.professions?.matchLength(context, ids: ids, at: index) == count
            if honorific || stageName, isNameWord(position), isKnownPlace(position, position + 1) {
                var end = position + 1
                while end < tokens.count && end - position < 4 && isNameWord(end)
                    && (!startsKnownNonPerson(end) || isKnownPlace(end, end + 1))
                {
                    end += 1
                }
                add(
                    position, end, referent: person(position, end), type: .person, rule: .titleName,
                    priority: gazetteerPriority + 1)
                suppressTitle(index, count, nameStart: position)
                return
            }
            // The body or place the title belongs to, the country of a company's branch
            // (Giám đốc Samsung Việt Nam Choi Joo-ho) and a place it serves (Đại sứ Mỹ tại Việt
            // Nam Marc Knapper). English puts the body before the title and a place after "to"
            // or "in": a known name right after the title is the person's (Rep. Alexandria
            // Ocasio-Cortez).
            var afterOrganization = false
            var skipped = 0
            // A one-word place right after the title that is also a given name (Milan).
            var placeGivenName: Int?
            while skipped < 3, position < tokens.count {
                var place = position
                if tables.nameWords.titlePlaces.contains(ids[position]) {
                    place += 1
                    // (Ambassador to the Philippines: the article stays out.)
                    if place + 1 < tokens.count && tables.nameWords.articles.contains(ids[place]) { place += 1 }
                }
                // (Not after an honorific, the commonest title: ông Vương is a person.)
                if !honorific { place += capitalizedCueLength(beforeKnownPlace: place) }
                // (A body's kind before a known body's name goes with it: Phái bộ EULEX.)
                if tables.syllableNames, !honorific, place < tokens.count, tokens[place].capitalized,
                    let kind = tables.orgWords?.matchLength(context, ids: ids, at: place), kind > 1,
                    let (_, body) = gazetteer(at: place + kind), extractor.entities[body].type == .organization
                {
                    place += kind
                }
                guard context.language != "en" || place > position, let (known, entity) = gazetteer(at: place),
                    extractor.entities[entity].type != .person,
                    place == position || extractor.entities[entity].type == .location
                        || context.language != "en"
                else { break }
                afterOrganization = extractor.entities[entity].type == .organization
                if skipped == 0, place == index + count, known == 1,
                    tables.givenNames?.matchLength(context, ids: ids, at: place) == 1
                {
                    placeGivenName = place
                }
                position = place + known
                skipped += 1
            }
            // Another title next: the name is its (press secretary Maj. Gen. Pat Ryder).
            if tables.titles.matchLength(context, ids: ids, at: position) != nil { return }
            var end = nameRun(from: position, limit: 4)
            // In Vietnamese a longer run is the title's body, then its holder from the last
            // family name that leaves two or three words (Chủ tịch Tân Hoàng Minh Đỗ Anh Dũng).
            if tables.syllableNames && end - position == 4 {
                // (Every capitalized syllable counts here, a place's too: Anh in Đỗ Anh Dũng.)
                var full = end
                while full - position < 8 && isNameWord(full) { full += 1 }
                if full - position >= 5,
                    let holder = [full - 3, full - 2].first(where: { $0 > position && startsPersonName($0) })
                {
                    position = holder
                    end = full
                }
            }
            // In Vietnamese too, before one foreign word (Tướng Milan Mojsilovic; a mayor of
            // Milan's two names are his: Thị trưởng Milan Giuseppe Sala).
            if tables.syllableNames, skipped == 1, let given = placeGivenName, position == given + 1,
                end == position + 1, isForeignWord(position)
            {
                position = given
            }
            // In English a place's name may be a first name right after the title (Rep.
            // Alexandria Ocasio-Cortez, Foreign Minister Israel Katz) when a surname follows.
            if end == position, context.language == "en", skipped == 0, let (known, entity) = gazetteer(at: position),
                known == 1, extractor.entities[entity].type == .location
            {
                let surname = nameRun(from: position + 1, limit: 3)
                if surname > position + 1 { end = surname }
            }
            // A given name and a one-word name the gazetteer knows after it are the person's
            // (Mayor Michael Bloomberg, not Bloomberg News).
            if end == position + 1, context.language == "en",
                tables.givenNames?.matchLength(context, ids: ids, at: position) == 1, end < tokens.count,
                tokens[end].capitalized, !tokens[end].allCaps, !isNameWord(end + 1),
                let (known, _) = gazetteer(at: end), known == 1
            {
                end += 1
            }
            // The name in apposition, closed by a comma, the sentence's end, a verb of saying
            // or a word of affiliation: "the Kremlin spokesman, Dmitry Peskov, said", "State
            // Secretary for Defense, Siemtje Möller from the SPD"; a title after the comma has
            // its own rule.
            if end == position, position + 1 < tokens.count, context.isCharacter(position, UInt8(ascii: ",")),
                tables.titles.matchLength(context, ids: ids, at: position + 1) == nil
            {
                let run = nameRun(from: position + 1, limit: 4)
                if run - position > 2,
                    run >= tokens.count || context.isCharacter(run, UInt8(ascii: ","))
                        || context.isCharacter(run, UInt8(ascii: "."))
                        || tables.nameWords.speechVerbs.contains(ids[run])
                        || tables.nameWords.affiliationWords.contains(ids[run])
                {
                    position += 1
                    end = run
                }
            }
            guard end > position else { return }
            // One word in capitals is no person: a letter is a name withheld (ông P, anh Đ.), a
            // longer one the acronym of the title's body (Giám đốc điều hành CBRE Việt Nam); so
            // are initials alone (chị N.T.N.T).
            if end == position + 1 && tokens[position].allCaps {
                withheldName(after: index, count, honorific: honorific)
                return
            }
            if (position..<end).allSatisfy({
                tokens[$0].kind == .punctuation || (tokens[$0].allCaps && tokens[$0].end - tokens[$0].start <= 2)
            }) {
                return
            }
            // A title that names a place with the word after it is no title (King County), and
            // the head of an organization's name starts no person (Nhà lãnh đạo Nhóm BRICS).
            if let suffixes = tables.locationSuffixes, suffixes.matchLength(context, ids: ids, at: position) != nil {
                return
            }
            if tables.orgHeads.matchLength(context, ids: ids, at: position) != nil { return }
            // Nor is a name ending in an organization's tail a person (activist investor Elliott
            // Management): the tail rule finds the organization.
            if end - position >= 2, tables.orgTails?.matchLength(context, ids: ids, at: end - 1) == 1 { return }
            if namesThingBefore(end) || (tables.syllableNames && beforeAcronym(position)) { return }
            // Nor does one capitalized word that begins a compound of common words (Bộ trưởng
            // Doanh nghiệp vừa và nhỏ: a ministry's name, not Mr. Doanh).
            if end == position + 1, (tables.orgWords?.matchLength(context, ids: ids, at: position) ?? 0) > 1 { return }
            // Words between a known company and a country name the company's branch there
            // (Tổng giám đốc Samsung Display Việt Nam), not a person.
            if afterOrganization, let (_, next) = gazetteer(at: end),
                extractor.entities[next].type == .location
            {
                return
            }
            let start = holderStart(position, end, titleEnd: index + count)
            // A surname alone after a title of office is the one known person of that surname
            // (Prime Minister Starmer, Secretary Rubio; Mr. Jackson is anyone): in English, and
            // in Vietnamese when it is a foreign name, no syllable (Tổng thư ký Stoltenberg, ông
            // Belousov; Bộ trưởng Minh is not Ho Chi Minh). A Vietnamese honorific before a
            // foreign surname names a public figure: the people of local news bear syllables.
            var referent = person(start, end)
            let courtesy = !tables.syllableNames && tables.nameWords.courtesyTitles.contains(ids[index])
            if end == start + 1, referent.entity == -1, !courtesy, let owner = knownSurnameOwner(start) {
                referent = .known(owner)
            }
            add(start, end, referent: referent, type: .person, rule: .titleName, priority: patternPriority)
            suppressTitle(index, suppressedEnd - index, nameStart: start)
        }

        /// A name withheld after the title at `index` (`count` words): one capital letter (ông
        /// P, anh Đ.). An honorific before one is still no place (Anh H. is no Britain).
        @inline(never)
        mutating func withheldName(after index: Int, _ count: Int, honorific: Bool) {
            if honorific { suppressTitle(index, count, nameStart: index + count) }
        }

        /// The title at `index` (`count` words) before a name at `nameStart` is itself no
        /// entity, even where a table knows the word ("Anh Trần Minh Quân": Anh is the
        /// honorific, not the United Kingdom), unless it sits between an earlier title and its
        /// name ("Thủ tướng Anh Keir Starmer": the country).
        mutating func suppressTitle(_ index: Int, _ count: Int, nameStart: Int) {
            defer { titledNameStart = max(titledNameStart, nameStart) }
            guard index >= titledNameStart else { return }
            add(
                index, index + count, referent: .slug(index, index + count), type: .person, rule: .titleName,
                priority: EntityExtractor.titlePriority, suppresses: true)
        }

        /// A name of two words or more followed by a comma and a title: `Choi Joo-ho, general
        /// director of…`, `John Smith, a spokesman for…`, `Choi Joo-ho, Tổng giám đốc…`.
        mutating func appositiveName(at index: Int) {
            // A surname alone before a party's initial and a state is a lawmaker (Warren,
            // D-Mass., said; Cornyn (R-Texas)).
            if index + 4 < tokens.count && tokens[index + 1].kind == .punctuation
                && (context.isCharacter(index + 1, UInt8(ascii: ","))
                    || context.isCharacter(index + 1, UInt8(ascii: "(")))
                && tables.nameWords.partyInitials.contains(ids[index + 2]) && tokens[index + 2].capitalized
                && joinsByHyphen(index + 3) && isNameWord(index + 4) && isPlainPersonWord(index)
                && gazetteer(at: index) == nil
            {
                add(
                    index, index + 1, referent: person(index, index + 1), type: .person, rule: .appositiveName,
                    priority: patternPriority - 1)
                return
            }
            // The comma and the title first (cheap, and most runs have neither): a comma
            // within the next few words, a title after it.
            var comma = index + 2
            // (The dot of an initial or of Jr. is inside the name; a lowercase word other than a
            // particle is not, and the name must end at the comma.)
            while comma < tokens.count && comma - index <= 6
                && (tokens[comma].kind != .punctuation || isInitialDot(comma) || isSuffixDot(comma))
            {
                if tokens[comma].kind == .word && !tokens[comma].capitalized
                    && !tables.nameWords.particles.contains(ids[comma])
                {
                    return
                }
                comma += 1
            }
            while comma < tokens.count && comma - index <= 6 && joinsByHyphen(comma) { comma += 2 }
            guard comma + 1 < tokens.count else { return }
            // An age after a comma or in brackets names a person as a title does (Lionel Messi,
            // 37, scored; Lionel Messi (37 tuổi); Elon Musk, 53 tuổi,).
            // (In brackets the age word is asked for: Hoàng Mai (45) is a district in a tally.)
            let commaOpens = context.isCharacter(comma, UInt8(ascii: ","))
            let opensAge = commaOpens || context.isCharacter(comma, UInt8(ascii: "("))
            if opensAge, isAge(comma + 1), comma + 2 < tokens.count,
                tables.nameWords.ageWords.contains(ids[comma + 2])
                    || (commaOpens
                        && (context.isCharacter(comma + 2, UInt8(ascii: ","))
                            || context.isCharacter(comma + 2, UInt8(ascii: "."))
                            || context.isCharacter(comma + 2, UInt8(ascii: ";"))))
            {
                let end = nameRun(from: index, limit: 3, lineStart: true)
                if end - index >= 2, end == comma, isPlainName(index, end) {
                    add(
                        index, end, referent: person(index, end), type: .person, rule: .appositiveName,
                        priority: patternPriority - 2)
                }
                return
            }
            guard context.isCharacter(comma, UInt8(ascii: ",")) else { return }
            var title = comma + 1
            let article = tables.nameWords.articles.contains(ids[title])
            if article && title + 1 < tokens.count { title += 1 }
            if tables.nameWords.titleModifiers.contains(ids[title]) && title + 1 < tokens.count { title += 1 }
            // After an article, up to three words may say whose the title is, when the title or
            // a noun of a role then ends the apposition (Lotfi Zitoun, an Ennahda party
            // official, said; Mary Jones, a former state police spokeswoman, said).
            var roleNoun = false
            if article && tables.titles.matchLength(context, ids: ids, at: title) == nil {
                var word = title
                while word < tokens.count && word - title <= 3 && tokens[word].kind == .word {
                    let count =
                        tables.titles.matchLength(context, ids: ids, at: word)
                        ?? (tables.nameWords.appositiveNouns.contains(ids[word]) ? 1 : nil)
                    if let count, word + count < tokens.count, context.isCharacter(word + count, UInt8(ascii: ",")) {
                        roleNoun = true
                        title = word
                        break
                    }
                    word += 1
                }
            }
            guard roleNoun || tables.titles.matchLength(context, ids: ids, at: title) != nil,
                // A title first is the title rule's (`Ông Choi Joo-ho, Tổng giám đốc…`).
                tables.titles.matchLength(context, ids: ids, at: index) == nil,
                // A place cue first is a place's (tại thành phố Saint-Petersburg, ông …).
                !followsLocationCue(index)
            else { return }
            let end = nameRun(from: index, limit: 4, lineStart: true)
            // (A place's name before a title is no person: at the Government Headquarters,
            // Prime Minister …)
            // (Nor is a name ending in an organization's tail: a member of the Party Central
            // Committee, head of …)
            // (Nor one holding a title or a people's word: at the invitation of Bulgarian
            // President Rumen Radev, General Secretary … is the title rule's Rumen Radev.)
            guard end - index >= 2, end == comma, !tables.nameWords.thingWords.contains(ids[end - 1]),
                tables.orgTails?.matchLength(context, ids: ids, at: end - 1) != 1,
                !(index..<end).contains(where: {
                    tables.titles.matchLength(context, ids: ids, at: $0) != nil
                        || tables.nameWords.demonyms.contains(ids[$0])
                })
            else { return }
            add(
                index, end, referent: person(index, end), type: .person, rule: .appositiveName,
                priority: patternPriority - 1)
        }

        /// Whether token `index` is a person's age: one to three digits, at most 120.
        func isAge(_ index: Int) -> Bool {
            guard tokens[index].kind == .digits, tokens[index].end - tokens[index].start <= 3 else { return false }
            return (1...120).contains(NumeralParser.digitsValue(context, tokens[index]))
        }

        /// A person named by what they said: two or three capitalized words right after a
        /// verb of saying (`said Oleksandr Syrskyi`) or right before one (`Maria Kolesnikova
        /// told`), none of them known to the gazetteer, a title, a tail or a function word.
        /// Weak: any rule for the same words but a given name wins.
        mutating func speechName(at index: Int) {
            let after = index + 1
            if after < tokens.count {
                let end = nameRun(from: after, limit: 3)
                if end - after >= 2, isPlainName(after, end), !continuesName(end) {
                    add(
                        after, end, referent: person(after, end), type: .person, rule: .speechName,
                        priority: patternPriority - 2)
                } else if end - after == 1, !continuesName(end), let owner = lonePersonSurname(after) {
                    // One word that is only one known person's surname (said Stoltenberg).
                    add(
                        after, end, referent: .known(owner), type: .person, rule: .speechName,
                        priority: patternPriority - 2)
                }
            }
            // Before: back over capitalized words, the first of a line included.
            var start = index
            while start > 0 && index - start < 3 && !tokens[start].newlineBefore
                && tokens[start - 1].kind == .word && tokens[start - 1].capitalized
            {
                start -= 1
            }
            // (A word before a given name that starts none is no part of the name: KFOR
            // Command Erhard Drews said.)
            let trimmed =
                index - start == 3
                && tables.givenNames.map { given in
                    given.matchLength(context, ids: ids, at: start + 1) != nil
                        && given.matchLength(context, ids: ids, at: start) == nil
                } ?? false
            if trimmed { start += 1 }
            // (So before: Huang said, Stoltenberg told reporters.)
            if index - start == 1, start == 0 || !isNameWord(start - 1), let owner = lonePersonSurname(start) {
                add(
                    start, index, referent: .known(owner), type: .person, rule: .speechName,
                    priority: patternPriority - 2)
                return
            }
            // After `of`, `for` or `on`, with or without an article, the words end an
            // organization's name or a title's domain (the Commission on Human Rights said;
            // Secretary of the Treasury Janet Yellen said).
            guard index - start >= 2,
                tokens[start].newlineBefore || trimmed
                    || (!isNameWord(start - 1) && !tables.nameWords.headConnectors.contains(ids[start - 1])
                        && !(start >= 2 && tables.nameWords.articles.contains(ids[start - 1])
                            && tables.nameWords.headConnectors.contains(ids[start - 2]))),
                nameRun(from: start, limit: 3, lineStart: true) == index, isPlainName(start, index)
            else { return }
            add(
                start, index, referent: person(start, index), type: .person, rule: .speechName,
                priority: patternPriority - 2)
        }

        /// The known person a capitalized word alone names by surname (see
        /// `knownSurnameOwner`), where no table and no gazetteer form starts with it.
        func lonePersonSurname(_ index: Int) -> Int? {
            guard tokens[index].kind == .word, tokens[index].capitalized, !tokens[index].allCaps,
                gazetteer(at: index) == nil, !startsNoName(index),
                tables.titles.matchLength(context, ids: ids, at: index) == nil
            else { return nil }
            return knownSurnameOwner(index)
        }

        /// The one person the gazetteer knows by the surname at `index`, if one alone: in
        /// English any word, in Vietnamese a foreign one (Stoltenberg), no syllable (Minh).
        func knownSurnameOwner(_ index: Int) -> Int? {
            guard let owner = extractor.englishSurnames[ids[index]], owner >= 0,
                !tables.syllableNames || !isSyllable(index)
            else { return nil }
            return Int(owner)
        }

        /// Whether the words `start..<end` can only be a person's name: no acronym, and no word
        /// a table or the gazetteer knows.
        func isPlainName(_ start: Int, _ end: Int) -> Bool {
            (start..<end).allSatisfy { index in
                tokens[index].kind == .word && !tokens[index].allCaps && gazetteer(at: index) == nil
                    && !startsTableWord(index)
            }
        }

        /// Whether a title, a function word, a phrase of `not_names` or an organization's head
        /// or tail starts at `index`: no word of a person's name.
        func startsTableWord(_ index: Int) -> Bool {
            tables.titles.matchLength(context, ids: ids, at: index) != nil
                || tables.functionWords.matchLength(context, ids: ids, at: index) != nil
                || tables.notNames.matchLength(context, ids: ids, at: index) != nil
                || tables.orgTails?.matchLength(context, ids: ids, at: index) != nil
                || tables.orgHeads.matchLength(context, ids: ids, at: index) != nil
        }

        /// Whether the word at `index` can be part of a person's name: no acronym, no place or
        /// organization the gazetteer knows, no word of another table (a known person's name
        /// may be: Donald J. Trump).
        func isPlainPersonWord(_ index: Int) -> Bool {
            tokens[index].kind == .word && !tokens[index].allCaps && !startsKnownNonPerson(index)
                && !startsTableWord(index) && tables.locationSuffixes?.matchLength(context, ids: ids, at: index) == nil
                && !tables.nameWords.thingWords.contains(ids[index])
        }

        /// Whether the word at `index` is a one-word place inside an English name: a plain
        /// name word that no table knows comes right after it (Colorado in Francisco Agustin
        /// Colorado Cebado).
        func placeInsideName(_ index: Int) -> Bool {
            guard context.language == "en", index + 1 < tokens.count, tokens[index + 1].spaceBefore,
                let (count, entity) = gazetteer(at: index), count == 1,
                extractor.entities[entity].type == .location, isNameWord(index + 1)
            else { return false }
            return isPlainPersonWord(index + 1) && gazetteer(at: index + 1) == nil
        }

        /// Whether the name goes on past `end` (a glued word, a hyphen, a possessive's
        /// apostrophe): then the run is part of something longer.
        func continuesName(_ end: Int) -> Bool {
            end < tokens.count && tokens[end].glued
                && (tokens[end].kind != .punctuation || context.isCharacter(end, UInt8(ascii: "-"))
                    || context.isCharacter(end, UInt8(ascii: "'")))
        }

        /// Vietnamese family name + given names: `Nguyễn Văn An`.
        mutating func familyName(at index: Int) {
            // A family name that starts a known place is the place (Hà Nội), and one right after
            // a place cue starts a place (phường Hà Trung, huyện Văn Bàn).
            // (After a title, a cue names the title's place and the name after it is the
            // holder's: Phó chủ tịch TP Nguyễn Thành Tài.) Nor inside a place the gazetteer
            // knows (Giang in tỉnh Hà Giang Trần Đức Quý).
            // (Nor between a title and the name it found, the title's body: Hoàng in Chủ tịch
            // Tân Hoàng Minh Đỗ Anh Dũng.)
            guard index >= titledNameStart, tokens[index].capitalized, startsPersonName(index), !namesStreet(index),
                locationCueLength(before: index).map({ cueNamesTitlesPlace(index - $0) }) ?? true,
                index == 0 || !isNameWord(index - 1) || !insideKnownNonPerson(index)
            else { return }
            // Nor after the lowercase word a known name starts with (Âu in châu Âu Andrius
            // Kubilius: Europe, then the person).
            if index > 0 && !tokens[index - 1].capitalized
                && insideKnownName(index, within: 1, where: { $0 != .person })
            {
                return
            }
            if inStreetAfterHouseNumber(index) || beforeAcronym(index) { return }
            var end = index + 1
            let english = context.language == "en"
            // (A capitalized short word after two name words is a given name even where English
            // has it as a function word: An in Tran Van An.)
            while end < tokens.count && end - index <= 3 && isNameWord(end)
                && (!english || isSyllable(end) || (end - index == 2 && tokens[end].end - tokens[end].start <= 3))
                && !tables.nameWords.thingWords.contains(ids[end])
                // (A title of two words or more after the name is the person's: Dương Anh Sơn
                // Chủ tịch HĐQT; an honorific of one may be a middle name, Anh.)
                && (tables.titles.matchLength(context, ids: ids, at: end) ?? 0) < 2
            {
                end += 1
            }
            // Given names written as initials go with the name (Nguyễn Q.V., Trần T.H.): an
            // initial's dot, then another capital glued to it.
            while end + 1 < tokens.count && isInitialDot(end) && tokens[end + 1].glued && tokens[end + 1].kind == .word
                && tokens[end + 1].capitalized && tokens[end + 1].end - tokens[end + 1].start == 1
            {
                end += 2
            }
            // A name before Street, Bridge or Airport is the thing's (Nguyen Thi Dinh Street).
            if namesThingAfter(end) { return }
            // In English the family names are written without tones and some are English
            // words (Do, Le): ask for a whole three-part name of Vietnamese syllables there
            // (Tran Minh Quan, not Do Not Disturb or Le Monde Diplomatique).
            if english && end - index < 3 { return }
            // A group noun before a known place is that place's group (Đoàn Mỹ: the US delegation).
            if namesGroup(index),
                let (count, entity) = gazetteer(at: index + 1), index + 1 + count >= end,
                extractor.entities[entity].type == .location
            {
                return
            }
            // Two words whose second begins a compound of common words are no name (Đoàn Ngoại
            // giao: the diplomatic corps, not Mr. Đoàn Ngoại).
            if end - index == 2, (tables.orgWords?.matchLength(context, ids: ids, at: end - 1) ?? 0) > 1 { return }
            // Nor two words right before a count, bare or in brackets: a place in a tally (Lục
            // Yên 13, Văn Bàn 2; Hoàng Mai (45), Hà Đông (33)).
            if end - index == 2, end < tokens.count, !tokens[end].newlineBefore,
                tokens[end].kind == .digits
                    || (end + 2 < tokens.count && context.isCharacter(end, UInt8(ascii: "("))
                        && tokens[end + 1].kind == .digits && context.isCharacter(end + 2, UInt8(ascii: ")")))
            {
                return
            }
            // After a lowercase head that takes a brand, the name is the brand's (hãng xe Mai
            // Linh, nhà xe Đoàn Xuân, công ty Hoàng Long).
            if followsLowercaseBrandHead(index) {
                addOrganization(index, end, rule: .brandCue)
                return
            }
            add(
                index, end, referent: person(index, end), type: .person, rule: .familyName,
                priority: patternPriority - 1)
        }

        /// A brand's name after a lowercase head that takes one (tờ Tagesspiegel, hãng tin
        /// Tanjug, ngân hàng ACB, broadcaster ARD): up to four capitalized words the gazetteer
        /// does not start, an organization. (A full Vietnamese name there is the family-name
        /// finder's: hãng xe Mai Linh; a head or a title starts a name of its own, and a word
        /// that starts no name none: the newspaper Monday.)
        @inline(never)
        mutating func brandAfterLowercaseHead(at index: Int) {
            guard followsLowercaseBrandHead(index), gazetteer(at: index) == nil, !startsPersonName(index),
                !startsNoName(index), tables.orgHeads.matchLength(context, ids: ids, at: index) == nil,
                tables.titles.matchLength(context, ids: ids, at: index) == nil
            else { return }
            var end = index
            while end < tokens.count && end - index < 4 {
                if isNameWord(end) {
                    end += 1
                } else if end > index && joinsByHyphen(end) && isNameWord(end + 1) {
                    end += 2
                } else {
                    break
                }
            }
            // (A name written in parts around a slash is not read here: website Re/code.)
            if end < tokens.count && tokens[end].glued && context.isCharacter(end, UInt8(ascii: "/")) { return }
            // One Vietnamese syllable is a common noun capitalized, the head a verb (tổ chức Lễ
            // kỷ niệm, tổ chức Đại hội cổ đông); a brand of one word is an acronym or foreign.
            if tables.syllableNames && end - index == 1 && !tokens[index].allCaps && !isForeignWord(index) { return }
            addOrganization(index, end, rule: .brandCue)
        }

        /// Whether the one-letter name at `index` is a platform's: after a brand's head (the
        /// social network X), after a word of posting and its preposition (wrote on X, a post
        /// on X), or before a platform's word, right after or after a comma or a bracket (his X
        /// account; X, formerly Twitter).
        @inline(never)
        func namesPlatform(at index: Int) -> Bool {
            let words = tables.nameWords
            if index > 0 && endsBrandHead(index - 1) { return true }
            if index >= 2 && words.platformPrepositions.contains(ids[index - 1])
                && words.postingWords.contains(ids[index - 2])
            {
                return true
            }
            var next = index + 1
            if next + 1 < tokens.count && tokens[next].kind == .punctuation { next += 1 }
            return next < tokens.count && tokens[next].lowercase && words.platformWords.contains(ids[next])
        }

        /// Whether the word at `index` is the last of some head of `org_brand_heads.tsv`.
        @inline(__always)
        func endsBrandHead(_ index: Int) -> Bool {
            let id = Int(ids[index])
            return id >= 0 && id < tables.endsBrandHead.count && tables.endsBrandHead[id]
        }

        /// Whether a lowercase head of `org_brand_heads.tsv` ends right before `index`.
        func followsLowercaseBrandHead(_ index: Int) -> Bool {
            // (Most words end no head: one read rejects them.)
            guard index > 0, endsBrandHead(index - 1), let heads = tables.orgBrandHeads else {
                return false
            }
            for length in 1...3 where index - length >= 0 {
                let head = index - length
                if !tokens[head].capitalized && heads.matchLength(context, ids: ids, at: head) == length { return true }
            }
            return false
        }

        /// Whether the word at `index` is in a run of capitalized words after a house number
        /// and an address word (at 127 Nguyen Van Cu, số 12/4 Trần Hưng Đạo): a street's name.
        func inStreetAfterHouseNumber(_ index: Int) -> Bool {
            var first = index
            while first > 0 && index - first < 4 && isNameWord(first - 1) { first -= 1 }
            guard first >= 2, tokens[first - 1].kind == .digits, !tokens[first].glued else { return false }
            var before = first - 2
            // (127/5, 12-14: the number's parts glued by a slash or a dash.)
            while before >= 2 && tokens[before + 1].glued && tokens[before].kind == .punctuation
                && tokens[before - 1].kind == .digits
                && (context.isCharacter(before, UInt8(ascii: "/")) || context.isCharacter(before, UInt8(ascii: "-")))
            {
                before -= 2
            }
            return tables.nameWords.addressWords.contains(ids[before])
        }

        /// Whether a place or a person the gazetteer knows at `index` is a storm's name: after
        /// a capitalized storm word (Hurricane Florence, Tropical Storm Florence).
        @inline(__always)
        func namesStorm(_ index: Int, _ entity: Int) -> Bool {
            index > 0 && tables.nameWords.stormWords.contains(ids[index - 1]) && tokens[index - 1].capitalized
                && extractor.entities[entity].type != .organization
        }

        /// Whether a place's name at `first..<end` names a street: a street word before it
        /// (đường Hai Bà Trưng, not after a place cue: thành phố Huế) or, in English, after the
        /// capitalized words it ends (Hai Ba Trung Street, Dien Bien Phu Street). A road between
        /// two known places names places.
        func namesStreet(_ first: Int, _ end: Int) -> Bool {
            let streetWords = tables.nameWords.streetWords
            guard !streetWords.isEmpty else { return false }
            let named =
                tables.syllableNames
                ? first > 0 && streetWords.contains(ids[first - 1]) && locationCueLength(before: first) == nil
                : streetWordEnds(from: end)
            guard named else { return false }
            // A road between two places names both (đường Tuyên Quang - Hà Giang).
            return
                !(end + 1 < tokens.count && context.isCharacter(end, UInt8(ascii: "-"))
                && (gazetteer(at: end + 1).map { extractor.entities[$0.entity].type == .location } ?? false))
        }

        /// Whether the capitalized run around `index` names a street: after a street word in
        /// Vietnamese (đường Châu Văn Liêm: neither Châu Văn Liêm nor Văn Liêm is a person
        /// there; nor is La Sơn on cao tốc Cam Lộ - La Sơn, a road's second end), before one
        /// in English (Le Loi St.).
        func namesStreet(_ index: Int) -> Bool {
            guard !tables.nameWords.streetWords.isEmpty else { return false }
            guard tables.syllableNames else { return streetWordEnds(from: index + 1) }
            var start = index
            while start > 0 && index - start < 3 && isNameWord(start - 1) { start -= 1 }
            if start > 1 && joinsBySpacedDash(start - 1) {
                let dash = start - 1
                start = dash - 1
                while start > 0 && dash - start < 3 && isNameWord(start - 1) { start -= 1 }
            }
            return start > 0 && tables.nameWords.streetWords.contains(ids[start - 1])
        }

        /// Whether a street word ends the capitalized words from `index` (at most three, or
        /// two streets' names joined by a hyphen): Dien Bien Phu Street, the Nam Ky Khoi
        /// Nghia-Ly Chinh Thang intersection. Not one that starts a name itself (St. Louis, St
        /// Patrick's Day, Paris St-Germain).
        func streetWordEnds(from index: Int) -> Bool {
            let streetWords = tables.nameWords.streetWords
            var reach = min(index + 3, tokens.count)
            var word = index
            while word < reach {
                defer { word += 1 }
                let token = tokens[word]
                if token.spaceBefore && streetWords.contains(ids[word]) {
                    var next = word + 1
                    if next < tokens.count && context.isCharacter(next, UInt8(ascii: ".")) {
                        // A dot after a whole word ends the sentence; after St, it may be the
                        // abbreviation's (St. Louis).
                        if token.end - token.start > 2 { return true }
                        next += 1
                    }
                    guard next < tokens.count, !tokens[next].newlineBefore else { return true }
                    return !tokens[next].capitalized && !joinsByHyphen(next)
                }
                if joinsByHyphen(word) && isNameWord(word + 1) {
                    reach = min(word + 6, tokens.count)
                    continue
                }
                guard token.kind == .word, token.capitalized, !token.newlineBefore else { return false }
            }
            return false
        }

        /// A given name, then one to three capitalized words that no table and no gazetteer
        /// entry knows (middle initials allowed): `William Craig Miller was arrested`. Not
        /// after a place cue (huyện Kim Sơn), nor where the run goes on (a hyphen, a glued
        /// word). The weakest pattern: any other rule for the same words wins.
        mutating func givenName(at index: Int) {
            guard let givenNames = tables.givenNames, givenNames.matchLength(context, ids: ids, at: index) == 1,
                !followsLocationCue(index)
            else { return }
            var end = nameRun(from: index, limit: 4, lineStart: true)
            // A given name that is also a one-word place or club starts no run of its own
            // (Milan, Chelsea); before a surname no table knows it is the person's (Milan
            // Radoicic, Chelsea Clinton), before another given name the place's (the mayor of
            // Milan Giuseppe Sala).
            if end == index, let (count, entity) = gazetteer(at: index), count == 1,
                extractor.entities[entity].type != .person
            {
                end = nameRun(from: index + 1, limit: 3)
                if end == index + 1 || givenNames.matchLength(context, ids: ids, at: index + 1) == 1 { end = index }
            }
            // A one-word organization the gazetteer knows is the surname right after a given
            // name, when the name ends there (David Wagner, not the Wagner Group); so is a
            // one-word place (Michael Jordan, Dan Houston). (A given name that is a known
            // place itself took the branch above: Austin Texas is no person.)
            if end == index + 1, end < tokens.count, tokens[end].capitalized, !tokens[end].allCaps,
                tokens[end].spaceBefore, !isNameWord(end + 1), !continuesName(end + 1) || isPossessive(end + 1),
                let surnameType = oneWordKnownType(end), surnameType != .person
            {
                add(
                    index, end + 1, referent: person(index, end + 1), type: .person, rule: .givenName,
                    priority: patternPriority - 3)
                return
            }
            // The words before a generational suffix and its dot, which end the name (Robert
            // F. Kennedy Jr.).
            let suffix = end - index >= 3 && context.isCharacter(end - 1, UInt8(ascii: ".")) ? end - 2 : end - 1
            let suffixed = suffix - index >= 2 && tables.nameWords.generationSuffixes.contains(ids[suffix])
            let wordsEnd = suffixed ? suffix : end
            guard end - index >= 2, !continuesName(end) || isPossessive(end), !isNameWord(end),
                (index + 1..<wordsEnd).allSatisfy({
                    // A hyphen inside joins capitalized parts only (Bankman-Fried, not William-year-old).
                    isInitialDot($0) || isInitial($0) || (joinsByHyphen($0) && isNameWord($0 + 1))
                        || isInApostropheWord($0, after: index)
                        || isPlainPersonWord($0) || placeInsideName($0)
                        // After a middle initial, a one-word organization the gazetteer knows
                        // is the surname (John W. Forbes).
                        || ($0 == wordsEnd - 1 && isInitialDot($0 - 1) && isOneWordOrganization($0))
                        // A one-word title with no name after it is an English surname after a
                        // given name (Stephen King said, Mike Judge, Martin Luther King Jr.).
                        || ((wordsEnd - index == 2 || suffixed) && $0 == wordsEnd - 1 && context.language == "en"
                            && !tokens[$0].allCaps && tables.titles.matchLength(context, ids: ids, at: $0) == 1)
                })
            else { return }
            add(
                index, end, referent: person(index, end), type: .person, rule: .givenName,
                priority: patternPriority - 3)
        }

        /// The type of what the gazetteer knows by the word at `index` alone (Forbes, an
        /// organization; Jordan, a place), nil if it knows no one-word name there.
        func oneWordKnownType(_ index: Int) -> NameType? {
            guard let (count, entity) = gazetteer(at: index), count == 1 else { return nil }
            return extractor.entities[entity].type
        }

        /// Whether the gazetteer knows the word at `index` alone as an organization (Forbes).
        func isOneWordOrganization(_ index: Int) -> Bool { oneWordKnownType(index) == .organization }

        /// A surname of `surnames.tsv` after one capitalized word that no table knows, inside a
        /// sentence: the two are a person (a jury sentenced Jamaal Smith). Not after an
        /// article (the Jones Act) or a firm's cue (an analyst with Canaccord Adams), nor
        /// before another capitalized word (Smith Street).
        mutating func surnameAfterName(at surname: Int) {
            let first = surname - 1
            guard let surnames = tables.surnames, surnames.matchLength(context, ids: ids, at: surname) == 1,
                first > 0, tokens[first].kind == .word, !tokens[first].allCaps, !tokens[surname].allCaps,
                tokens[first].end - tokens[first].start >= 2, tokens[surname].spaceBefore,
                // Inside a sentence: the word before is no sentence's end nor a capitalized word.
                tokens[first - 1].kind != .punctuation || context.isCharacter(first - 1, UInt8(ascii: ","))
                    || context.isCharacter(first - 1, UInt8(ascii: "(")),
                !tokens[first].newlineBefore, !isNameWord(first - 1),
                !tables.nameWords.articles.contains(ids[first - 1]),
                !tables.nameWords.firmCues.contains(ids[first - 1]),
                !isNameWord(surname + 1), !continuesName(surname + 1) || isPossessive(surname + 1),
                gazetteer(at: surname) == nil, noTableKnows(first)
            else { return }
            add(
                first, surname + 1, referent: person(first, surname + 1), type: .person, rule: .surname,
                priority: patternPriority - 3)
        }

        /// A capitalized word right before the one-word form of a known person, which no table
        /// knows but as a given name, makes a person of its own (Daniil Medvedev, Melania
        /// Trump: not Dmitry Medvedev, Donald Trump). A word no given-name or surname table holds must
        /// stand inside a sentence, after no article (Candidate Trump, the Teflon Trump). In
        /// English only (a Vietnamese title may be an English word: President Vucic).
        mutating func namesakeOfKnownSurname(at surname: Int) {
            let first = surname - 1
            guard first >= 0 else { return }
            // (A surname that is also a given name stands at a sentence's start too: Hunter Biden.)
            let givenName =
                tables.givenNames?.matchLength(context, ids: ids, at: first) == 1
                || tables.surnames?.matchLength(context, ids: ids, at: first) == 1
            guard tokens[first].kind == .word, tokens[first].capitalized, !tokens[first].allCaps,
                givenName
                    || (first >= 1 && !tokens[first].newlineBefore && tokens[first - 1].kind == .word
                        && !tables.nameWords.articles.contains(ids[first - 1])
                        && tables.functionWords.matchLength(context, ids: ids, at: first - 1) == nil
                        && !isNameWord(first - 1)),
                !tokens[surname].newlineBefore, tokens[surname].spaceBefore,
                tokens[first].end - tokens[first].start >= 2,
                noTableKnows(first, givenNameAllowed: true), !tables.nameWords.honorifics.contains(ids[first])
            else { return }
            // (Weak: a finder that knows the two words better names them: Michelle Obama is a
            // given name's.)
            add(
                first, surname + 1, referent: person(first, surname + 1), type: .person, rule: .surname,
                priority: patternPriority - 3)
        }

        /// Whether no table knows the word at `index` as anything but a name: not the gazetteer,
        /// nor as a given name, a word that starts no name, a function word, a month or weekday,
        /// a title, an organization's head or tail, a people or a compass word. (A word the
        /// surname and the place-after-preposition rules may take as a name of their own.)
        /// `givenNameAllowed`: a given name passes (a namesake's first word).
        func noTableKnows(_ index: Int, givenNameAllowed: Bool = false) -> Bool {
            gazetteer(at: index) == nil
                && (givenNameAllowed || tables.givenNames?.matchLength(context, ids: ids, at: index) == nil)
                && tables.notNames.matchLength(context, ids: ids, at: index) == nil
                && tables.functionWords.matchLength(context, ids: ids, at: index) == nil
                && tables.calendarWords?.matchLength(context, ids: ids, at: index) == nil
                && tables.titles.matchLength(context, ids: ids, at: index) == nil
                && tables.orgHeads.matchLength(context, ids: ids, at: index) == nil
                && tables.orgTails?.matchLength(context, ids: ids, at: index) == nil
                && !tables.nameWords.demonyms.contains(ids[index]) && !tables.nameWords.directions.contains(ids[index])
        }

        /// Whether token `index` starts a possessive `'s` glued after a name (Martin Odegaard's).
        func isPossessive(_ index: Int) -> Bool {
            if isApostropheS(index) {
                return index + 2 >= tokens.count || !tokens[index + 2].glued || tokens[index + 2].kind == .punctuation
            }
            // A name ending in s takes the apostrophe alone (Bruno Fernandes' penalty).
            return index > 0 && context.isCharacter(index, UInt8(ascii: "'")) && tokens[index].glued
                && (index + 1 >= tokens.count || !tokens[index + 1].glued) && tokens[index - 1].kind == .word
                && context.bytes[Int(tokens[index - 1].end) - 1] == UInt8(ascii: "s")
        }

        /// Whether token `index` is a one-letter capital with its dot glued after it (J.).
        func isInitial(_ index: Int) -> Bool { index + 1 < tokens.count && isInitialDot(index + 1) }

        /// Whether a place cue of one or two words (phường, thị trấn) ends right before `index`.
        func followsLocationCue(_ index: Int) -> Bool { locationCueLength(before: index) != nil }

        /// Whether the place cue at `cueStart` follows a title: it names the title's place, and
        /// a full name after it is the holder's (Phó chủ tịch TP Nguyễn Thành Tài).
        func cueNamesTitlesPlace(_ cueStart: Int) -> Bool { titleEnds(before: cueStart, within: 4) }

        /// The length of the place cue of one to three words that ends right before `index`
        /// (thành phố, khu đô thị).
        func locationCueLength(before index: Int) -> Int? {
            guard let cues = tables.locationCues, !tokens[index].newlineBefore else { return nil }
            // (A cue's words are on one line: no word after its first starts a new one.)
            for length in 1...3 where index >= length {
                if length > 1 && tokens[index - length + 1].newlineBefore { break }
                if cues.matchLength(context, ids: ids, at: index - length) == length { return length }
            }
            return nil
        }

        /// Whether a word of `commune-cue` (xã, phường) stands right before `index` on its line.
        /// (Inlined: asked at every gazetteer hit, and the word filter of `WordIDs` answers most.)
        @inline(__always)
        func followsCommuneCue(_ index: Int) -> Bool {
            index >= 1 && !tokens[index].newlineBefore && tables.nameWords.communeCues.contains(ids[index - 1])
        }

        /// Whether the known place `entity` at `index`, after a commune's cue, is a commune of
        /// the same name: a province or a district (its id says so, as Wikipedia's titles do)
        /// after a cue of one word (xã Hòa Bình, phường Bình Thạnh; not after a town's, thị xã).
        func namesUnitAsCommune(_ entity: Int, at index: Int) -> Bool {
            let id = extractor.entities[entity].id
            return (id.hasSuffix("_province") || id.hasSuffix("_district"))
                && !(index >= 2 && tables.locationCues?.matchLength(context, ids: ids, at: index - 2) == 2)
        }

        /// The lowercase second half of a hyphenated given name (Kim Sang-sik, Moon Jae-in):
        /// a short ASCII syllable glued after the hyphen that ends the word (punctuation may
        /// follow: "Choi Joo-ho, the director").
        func isHyphenatedSyllable(_ index: Int) -> Bool {
            let token = tokens[index]
            // (Vietnamese writes foreign names so too, one syllable at a time, with its own
            // letters: Cờ-rếc Chít-tích.)
            let lengths = context.language == "vi" ? 1...8 : 2...4
            return token.kind == .word && !token.capitalized && (token.ascii || context.language == "vi")
                && lengths.contains(Int(token.end - token.start))
                && (index + 1 >= tokens.count || !tokens[index + 1].glued || tokens[index + 1].kind == .punctuation)
        }

        /// Whether a family name starts a person's name at `index`: another name word follows,
        /// no phrase of `not_names` starts there (Giáp Thìn, a year), and the gazetteer knows no
        /// place or organization there (Hà Nội, Hồ Chí Minh).
        func startsPersonName(_ index: Int) -> Bool {
            guard let families = tables.familyNames, families.matchLength(context, ids: ids, at: index) != nil,
                isNameWord(index + 1), tables.notNames.matchLength(context, ids: ids, at: index) == nil
            else { return false }
            return !startsKnownNonPerson(index)
        }

        /// Whether a person's name starts at `index`: one the gazetteer knows, or a family or
        /// given name before another name word.
        func startsPerson(_ index: Int) -> Bool {
            if let (_, entity) = gazetteer(at: index) { return extractor.entities[entity].type == .person }
            return startsPersonName(index)
                || (isNameWord(index + 1) && tables.givenNames?.matchLength(context, ids: ids, at: index) != nil)
        }

        /// Whether the gazetteer knows a place or an organization starting at `index`.
        func startsKnownNonPerson(_ index: Int) -> Bool {
            gazetteer(at: index).map { extractor.entities[$0.entity].type != .person } ?? false
        }

        /// Whether a name the gazetteer knows, of a type `accepts`, starts up to `words` words
        /// before `index` and goes on past it.
        func insideKnownName(_ index: Int, within words: Int = 2, where accepts: (NameType) -> Bool) -> Bool {
            (max(0, index - words)..<index).contains { start in
                gazetteer(at: start).map {
                    start + $0.count > index && accepts(extractor.entities[$0.entity].type)
                } ?? false
            }
        }

        /// Whether the gazetteer knows a place or an organization of two words or more
        /// starting at `index`.
        func startsLongKnownNonPerson(_ index: Int) -> Bool {
            gazetteer(at: index).map { $0.count >= 2 && extractor.entities[$0.entity].type != .person } ?? false
        }

        /// Whether an English head's connector at `index` goes on into the head's name: `of`
        /// before a name word that starts no name and is no weekday or month (Ministry of
        /// Defence; not University on Monday).
        func headConnectorGoesOn(at index: Int) -> Bool {
            index + 1 < tokens.count && tables.nameWords.headConnectors.contains(ids[index]) && isNameWord(index + 1)
                && tables.notNames.matchLength(context, ids: ids, at: index + 1) == nil
                && tables.calendarWords?.matchLength(context, ids: ids, at: index + 1) == nil
        }

        /// Whether the token at `index` is a hyphen glued between two words (GD-ĐT, Sang-sik).
        func joinsByHyphen(_ index: Int) -> Bool {
            index + 1 < tokens.count && context.isCharacter(index, UInt8(ascii: "-")) && tokens[index].glued
                && tokens[index + 1].glued
        }

        /// Whether `index` holds an apostrophe glued between a word and the word it goes on
        /// into (G'long, H'leo, M'gar; normalization has folded ’ into ').
        func joinsByApostrophe(_ index: Int) -> Bool {
            index > 0 && index + 1 < tokens.count && tokens[index].glued && tokens[index + 1].glued
                && tokens[index + 1].kind == .word && tokens[index - 1].kind == .word
                && context.isCharacter(index, UInt8(ascii: "'"))
        }

        /// Whether `index` holds an apostrophe that joins a capital before it to the capitalized
        /// word after it, one word of a name (James O'Brien, Massimo D'Alema).
        func joinsNameByApostrophe(_ index: Int) -> Bool {
            joinsByApostrophe(index) && tokens[index - 1].end - tokens[index - 1].start == 1
                && tokens[index - 1].capitalized && isNameWord(index + 1)
        }

        /// Whether the token at `index` is the capital, the apostrophe or the word after it of
        /// such a word, which begins after `start` (O'Brien is three tokens).
        func isInApostropheWord(_ index: Int, after start: Int) -> Bool {
            joinsNameByApostrophe(index + 1) || joinsNameByApostrophe(index)
                || (index > start + 1 && joinsNameByApostrophe(index - 1))
        }

        /// Whether `index` holds an ampersand written between two parts of an acronym (Sở
        /// TN&MT, Sở GD&ĐT, Sở LĐ-TB&XH).
        func joinsByAmpersand(_ index: Int) -> Bool {
            index > 0 && index + 1 < tokens.count && context.isCharacter(index, UInt8(ascii: "&"))
                && tokens[index].glued
                && tokens[index + 1].glued && tokens[index - 1].allCaps && tokens[index + 1].allCaps
        }

        /// Where a place an organization sits in ends, when `index` holds a word joining the two
        /// (`tại`) and the gazetteer knows a place right after it; nil otherwise.
        func seatPlaceEnd(_ index: Int) -> Int? {
            guard index + 1 < tokens.count, tables.nameWords.orgPlaces.contains(ids[index]),
                let (count, entity) = gazetteer(at: index + 1), extractor.entities[entity].type == .location
            else { return nil }
            return index + 1 + count
        }

        /// Whether the token at `index` is a dash with spaces around it (Nhật - Việt, khu vực 3 -
        /// Hà Nội).
        func isSpacedDash(_ index: Int) -> Bool {
            index + 1 < tokens.count && context.isCharacter(index, UInt8(ascii: "-")) && !tokens[index].glued
                && !tokens[index + 1].glued
        }

        /// Whether the token at `index` is a spaced dash after a capitalized word (Nhật - Việt).
        func joinsBySpacedDash(_ index: Int) -> Bool {
            index > 0 && isSpacedDash(index) && tokens[index - 1].capitalized && tokens[index - 1].kind == .word
        }

        /// Whether the gazetteer knows a place starting at `index` (ending at `end`, if given).
        func isKnownPlace(_ index: Int, _ end: Int?) -> Bool {
            guard let (count, entity) = gazetteer(at: index) else { return false }
            return extractor.entities[entity].type == .location && (end == nil || index + count == end)
        }

        /// Whether the token at `index` is a dot glued between two capitalized words (TP.HCM).
        func joinsByDot(_ index: Int) -> Bool {
            index > 0 && index + 1 < tokens.count && context.isCharacter(index, UInt8(ascii: "."))
                && tokens[index].glued
                && tokens[index + 1].glued && tokens[index - 1].capitalized
        }

        /// Whether the ASCII word at `index` can be no Vietnamese syllable: it is longer than
        /// any (Handelsblatt; the longest, nghiêng, has seven letters), holds f, j, w or z, or
        /// ends in a letter no syllable ends in (Lazarus, Pasteur; a syllable ends in a vowel
        /// or in c, ch, m, n, ng, nh, p or t).
        func isForeignWord(_ index: Int) -> Bool {
            guard tokens[index].ascii, tokens[index].kind == .word else { return false }
            if tokens[index].end - tokens[index].start > 7 { return true }
            return context.bytes.withUnsafeBufferPointer { bytes in
                let (start, end) = (Int(tokens[index].start), Int(tokens[index].end))
                for position in start..<end {
                    switch bytes[position] | 0x20 {
                    case UInt8(ascii: "f"), UInt8(ascii: "j"), UInt8(ascii: "w"), UInt8(ascii: "z"): return true
                    default: continue
                    }
                }
                switch bytes[end - 1] | 0x20 {
                case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
                    UInt8(ascii: "y"), UInt8(ascii: "c"), UInt8(ascii: "h"), UInt8(ascii: "m"), UInt8(ascii: "n"),
                    UInt8(ascii: "p"), UInt8(ascii: "t"), UInt8(ascii: "g"):
                    return false
                default:
                    return true
                }
            }
        }

        /// Whether a word can be a Vietnamese syllable written without tones in English: short
        /// (nghieng is the longest), no English function word, and spelled as one.
        func isSyllable(_ index: Int) -> Bool {
            tokens[index].end - tokens[index].start <= 7
                && tables.functionWords.matchLength(context, ids: ids, at: index) == nil
                && tables.notNames.matchLength(context, ids: ids, at: index) == nil
                && (!tokens[index].ascii || Self.spellsVietnameseSyllable(context.bytes, tokens[index]))
        }

        /// Whether an ASCII word is spelled as a Vietnamese syllable written without its
        /// marks: an onset Vietnamese writes (none, one consonant, ch, gh, gi, kh, ng, ngh, nh,
        /// ph, qu, th, tr), vowels, and a coda it writes (none, c, ch, m, n, ng, nh, p, t):
        /// Binh, Nguyen, Khanh, but not Stock, Park or Fund.
        static func spellsVietnameseSyllable(_ bytes: [UInt8], _ token: Token) -> Bool {
            // Lowercased in place of a copy: ASCII letters only reach here.
            let letters = bytes[Int(token.start)..<Int(token.end)].lazy.map { $0 | 0x20 }
            let first = letters.startIndex
            func isVowel(_ letter: UInt8) -> Bool {
                letter == UInt8(ascii: "a") || letter == UInt8(ascii: "e") || letter == UInt8(ascii: "i")
                    || letter == UInt8(ascii: "o") || letter == UInt8(ascii: "u") || letter == UInt8(ascii: "y")
            }
            let end = letters.endIndex
            var onsetEnd = first
            while onsetEnd < end && !isVowel(letters[onsetEnd]) { onsetEnd += 1 }
            // (gi and qu take a vowel letter into their onset: Giang, Quang.)
            if onsetEnd == first + 1 && onsetEnd + 1 < end
                && ((letters[first] == UInt8(ascii: "g") && letters[onsetEnd] == UInt8(ascii: "i"))
                    || (letters[first] == UInt8(ascii: "q") && letters[onsetEnd] == UInt8(ascii: "u")))
            {
                onsetEnd += 1
            }
            var codaStart = end
            while codaStart > onsetEnd && !isVowel(letters[codaStart - 1]) { codaStart -= 1 }
            guard codaStart > onsetEnd, (onsetEnd..<codaStart).allSatisfy({ isVowel(letters[$0]) }) else {
                return false
            }
            return Self.vietnameseOnsets.contains { $0.elementsEqual(letters[first..<onsetEnd]) }
                && Self.vietnameseCodas.contains { $0.elementsEqual(letters[codaStart..<end]) }
        }

        /// The onsets and codas a Vietnamese syllable writes, in ASCII.
        static let vietnameseOnsets: [[UInt8]] = [
            "", "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "ch", "gh", "gi", "kh", "ng",
            "ngh", "nh", "ph", "qu", "th", "tr",
        ].map { Array($0.utf8) }
        static let vietnameseCodas: [[UInt8]] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"].map { Array($0.utf8) }

        /// Organizations: a head word and the name after it (`Bộ Ngoại giao`, `Ministry of
        /// Defence`), or an English capitalized run ending in a tail word (`National Security
        /// Council`). `known` is the gazetteer's name starting at `index`, if any.
        mutating func organization(at index: Int, known: (count: Int, entity: Int)?) {
            // (A longer phrase of `not_names` is no head: Bộ luật, a code of law, is no ministry.)
            head: if tokens[index].capitalized, let count = tables.orgHeads.matchLength(context, ids: ids, at: index),
                (tables.notNames.matchLength(context, ids: ids, at: index) ?? 0) <= count
            {
                // A known place whose name starts with the head is that place (Đài Loan, Hội An).
                if let known, known.count > count, extractor.entities[known.entity].type == .location {
                    break head
                }
                // Nor does a head start a name inside a street's (đường Đinh Bộ Lĩnh), or inside
                // a place the gazetteer knows (Tây Ban Nha thắng: Ban is no board there).
                if tables.syllableNames && index > 0 && tokens[index - 1].capitalized
                    && (namesStreet(index) || insideKnownName(index, where: { $0 == .location }))
                {
                    break head
                }
                // A body the gazetteer knows, then a person's full name, are the body and its
                // member, not a body of that name: where the head is the known body's whole name
                // (Chủ nhiệm Ủy ban tài chính, ngân sách của Quốc hội Phùng Quốc Hiển) or inside
                // it (Ủy viên Trung ương Đảng Nguyễn Văn A; but Trung ương Đảng Nhân dân Cách
                // mạng Lào is Laos's party).
                let isKnownBody =
                    known.map { $0.count == count && extractor.entities[$0.entity].type == .organization } ?? false
                if tables.syllableNames && startsPersonName(index + count)
                    && ((isKnownBody && isNameWord(index + count + 2))
                        || insideKnownName(index, where: { $0 != .person }))
                {
                    break head
                }
                var end = index + count
                if context.language == "en" {
                    // English heads need "of": Ministry of Defence. (Without it, a tail may
                    // still end a name the head starts: the Centre Party.)
                    guard headConnectorGoesOn(at: end) else { break head }
                    end += 1
                }
                // After a title ("Bộ trưởng Bộ Công an Lương Tam Quang") the organization is the
                // title's domain, and a family name starting a name in it starts the person.
                // (A head inside another's name after the title counts too: Công an in Bộ
                // trưởng Bộ Công an Lương Tam Quang.)
                // (So does one after a word linking it to the title: người phát ngôn của Bộ …)
                let titled =
                    context.language != "en"
                    && (titleEnds(before: index, within: 5)
                        || (index > 0 && tables.orgHeads.matchLength(context, ids: ids, at: index - 1) == 1
                            && titleEnds(before: index - 1, within: 5))
                        || (index > 1 && tables.nameWords.titleLinks.contains(ids[index - 1])
                            && titleEnds(before: index - 1, within: 5)))
                // The head's length when its own name follows it (Công ty, Tập đoàn: a brand).
                let brandHead = tables.orgBrandHeads?.matchLength(context, ids: ids, at: index)
                if context.language != "en" {
                    // The place a local body serves may follow its head (UBND tỉnh Quảng Nam),
                    // but not a person after a title (Chủ tịch UBND thành phố Phan Văn Mãi).
                    if !isNameWord(end), let cues = tables.locationCues,
                        let count = cues.matchLength(context, ids: ids, at: end), isNameWord(end + count),
                        !(titled && startsPersonName(end + count))
                    {
                        end += count
                    } else if let unitEnd = numberedUnitEnd(at: end) {
                        // Or a numbered unit, and the place it lies in (UBND quận 12, Tòa án
                        // nhân dân khu vực 1 thành phố Huế, Công an quận 1 TP.HCM).
                        addOrganization(index, unitEnd, rule: .orgHead)
                        return
                    }
                    // A lowercase compound may qualify the head before the name (Công ty cổ
                    // phần Sữa Việt Nam, Công ty trách nhiệm hữu hạn …), or before the place a
                    // head with no name of its own sits in (Tòa án nhân dân cấp cao tại Hà Nội).
                    if !isNameWord(end) {
                        let compound = end + (tables.orgWords?.matchLength(context, ids: ids, at: end) ?? 0)
                        if isNameWord(compound) {
                            end = compound
                        } else if let placeEnd = seatPlaceEnd(compound) {
                            addOrganization(index, placeEnd, rule: .orgHead)
                            return
                        }
                    }
                    // (A capitalized plural marker after the head starts no name: Nhóm Các
                    // nước công nghiệp phát triển.)
                    guard isNameWord(end), !tables.nameWords.plurals.contains(ids[end]) else { return }
                    // After a title, a head that takes no brand name followed straight by a
                    // full name is the title's body and the name its holder (Bí thư Tỉnh ủy
                    // Đặng Xuân Phong), not one organization.
                    // (So is a given name and a surname after it: Bộ trưởng Lục quân Dan Driscoll.)
                    if titled && brandHead == nil
                        && ((startsPersonName(end) && isNameWord(end + 2))
                            || (tables.givenNames?.matchLength(context, ids: ids, at: end) == 1 && isNameWord(end + 1)))
                    {
                        return
                    }
                }
                var last = end
                let firstWord = end
                // Capitalized syllables in a row (acronyms aside) since the last lowercase one.
                var capitalsInRow = 0
                // Where the last compound of `org_words.tsv` ended: its last syllable takes no
                // lowercase one after it (Điện lực miền Bắc cắt điện).
                var compoundReach = -1
                while end < tokens.count && end - index < 12 && !tokens[end].newlineBefore {
                    // A hyphen or a dot inside a name joins two capitalized parts (Sở GD-ĐT,
                    // Sở Y tế TP.HCM), as a spaced dash joins two countries' names (Liên minh
                    // Nghị sĩ Hữu nghị Nhật - Việt).
                    let spacedDash =
                        joinsBySpacedDash(end) && (isKnownPlace(end - 1, end) || isKnownPlace(end + 1, nil))
                    if (joinsByHyphen(end) || joinsByDot(end) || joinsByAmpersand(end) || spacedDash)
                        && isNameWord(end + 1)
                    {
                        // A country's name after a spaced dash is whole: no lowercase syllable
                        // goes on (Nhật - Việt thăm…).
                        capitalsInRow = spacedDash ? 2 : 0
                        end += 2
                        last = end
                        continue
                    }
                    guard tokens[end].kind == .word else { break }
                    // A place or body the gazetteer knows is taken whole: UBND TP Hồ Chí Minh
                    // (not a person begun by the family name Hồ), then no lowercase syllable.
                    if context.language != "en", let (count, entity) = gazetteer(at: end),
                        extractor.entities[entity].type != .person
                    {
                        let isPlace = extractor.entities[entity].type == .location
                        // A one-word place only after a title and before a name (below).
                        // (Or a one-word brand before a name that is no place: Tổng Giám đốc Công
                        // ty điện tử Samsung Shim Won Hwan.)
                        if count > 1
                            || (titled && isNameWord(end + 1) && isNameWord(end + 2)
                                && (isPlace || !isKnownPlace(end + 1, nil)))
                        {
                            end += count
                            last = end
                            capitalsInRow = 2
                            // After a title, two capitalized words past a known place or body
                            // are the titled person (Người phát ngôn Bộ Ngoại giao Trung Quốc Mao
                            // Ninh, … Bộ Ngoại giao Nga Maria Zakharova, Tổng giám đốc điều hành
                            // Tập đoàn Samsung Điện tử Roh Tae Moon).
                            if titled && isNameWord(end) && isNameWord(end + 1) {
                                // The title's own rule finds the person after a known name
                                // alone, the family-name rule a Vietnamese name; after a head
                                // and a known name, this one finds another (Roh Tae Moon).
                                let name = nameRun(from: end, limit: 4)
                                if name - end >= 2 && !startsKnownNonPerson(end) && !startsPersonName(end) {
                                    add(
                                        end, name, referent: person(end, name), type: .person, rule: .titleName,
                                        priority: patternPriority)
                                }
                                break
                            }
                            // A body named by its country may take the place it sits in (Đại sứ
                            // quán Việt Nam tại Mỹ).
                            if isPlace, let placeEnd = seatPlaceEnd(end) {
                                last = placeEnd
                                break
                            }
                            continue
                        }
                    }
                    // A title after an English organization starts a person (State Bank of
                    // Vietnam Governor Nguyen Thi Hong).
                    if context.language == "en" && end > firstWord
                        && tables.titles.matchLength(context, ids: ids, at: end) != nil
                    {
                        break
                    }
                    // So does one after an abbreviated cue (Công an H.Châu Thành, Công an
                    // TP. Vũng Tàu).
                    if context.language != "en", tokens[end].capitalized, end + 1 < tokens.count,
                        tokens[end + 1].kind == .punctuation, let cue = locationCueLength(at: end),
                        tokens[end + cue - 1].kind == .punctuation, let place = servedPlaceEnd(at: end)
                    {
                        last = place
                        break
                    }
                    if tokens[end].capitalized {
                        // A person the gazetteer knows ends the body (Văn phòng Tổng thống Hàn
                        // Quốc Lee Jae Myung: the office, then the president; Council of Russia
                        // Dmitry Medvedev), and so does a capitalized plural marker (… Các nước
                        // công nghiệp phát triển).
                        if end > firstWord
                            && (tables.nameWords.plurals.contains(ids[end])
                                || (gazetteer(at: end).map { extractor.entities[$0.entity].type == .person } ?? false))
                        {
                            break
                        }
                        // (After a head that takes a brand name, two words are the brand:
                        // Giám đốc Công ty TNHH xây dựng Hoàng Long.)
                        if titled && end > firstWord && startsPersonName(end)
                            && (isNameWord(end + 2) || brandHead == nil)
                        {
                            break
                        }
                        // A full name after a body the gazetteer knows is a person, the body's
                        // officer (… thuộc Ủy ban Thường vụ Quốc hội Dương Thanh Bình), as is a
                        // given name and a name word (Bộ Ngoại giao Đức Tobias Lindner).
                        if context.language != "en" && end > firstWord
                            && (startsPersonName(end) && isNameWord(end + 2)
                                || isNameWord(end + 1)
                                    && tables.givenNames?.matchLength(context, ids: ids, at: end) != nil)
                            && knownName(.organization, endsAt: end)
                        {
                            break
                        }
                        // After a title, so are two capitalized words of a foreign name (Thứ
                        // trưởng Bộ Ngoại giao Miyake Shingo), found here: no family name
                        // starts them.
                        if titled && end > firstWord && isNameWord(end + 1) && !startsKnownNonPerson(end)
                            && knownName(.organization, endsAt: end)
                        {
                            let name = nameRun(from: end, limit: 4)
                            if name - end >= 2 {
                                add(
                                    end, name, referent: person(end, name), type: .person, rule: .titleName,
                                    priority: patternPriority)
                            }
                            break
                        }
                        if !tokens[end].allCaps { capitalsInRow += 1 }
                        last = end + 1
                    } else if tables.nameWords.listJoiners.contains(ids[end]) && isNameWord(end + 1)
                        && tables.orgHeads.matchLength(context, ids: ids, at: end + 1) == nil
                        && !startsKnownNonPerson(end + 1)
                        && (context.language == "en"
                            || tables.titles.matchLength(context, ids: ids, at: end + 1) == nil)
                    {
                        // "Sở Giáo dục và Đào tạo", "Ministry of Science and Technology": the joiner
                        // joins two parts of one name, not two organizations ("Bộ Y tế và Bộ Tài
                        // chính") nor a known name ("… and Hanoi", "Đảng Xanh và SPD"); a
                        // Vietnamese title after it starts a person.
                        capitalsInRow = 0
                    } else if context.language != "en", tokens[end - 1].capitalized, let reach = compoundEnd(end) {
                        // A compound begun by the capitalized syllable before, even of common
                        // words (Ủy ban Chứng khoán Nhà nước).
                        last = reach
                        end = reach
                        compoundReach = reach
                        capitalsInRow = 0
                        continue
                    } else if context.language != "en", end == compoundReach,
                        tables.nameWords.listJoiners.contains(ids[end]), end + 1 < tokens.count,
                        !tokens[end + 1].capitalized,
                        let count = tables.orgWords?.matchLength(context, ids: ids, at: end + 1)
                    {
                        // Two trades joined by và (Công ty CP đầu tư và phát triển …).
                        end += 1 + count
                        last = end
                        compoundReach = end
                        capitalsInRow = 0
                        continue
                    } else if context.language == "en" && end > firstWord && remitGoesOn(at: end) {
                        // An English remit goes on past its own "of" (see `remitGoesOn`).
                    } else if tables.functionWords.matchLength(context, ids: ids, at: end) != nil
                        || (context.language == "en" && !tables.nameWords.connectors.contains(ids[end]))
                    {
                        break
                    } else if context.language != "en" {
                        // The place a body serves ends its name: Bệnh viện Đa khoa tỉnh Bình
                        // Định, Sở Y tế tỉnh Quảng Nam (a person named after it stays out).
                        if let place = servedPlaceEnd(at: end) {
                            last = place
                            break
                        }
                        // A lowercase syllable continues the capitalized one before it
                        // (Quốc phòng, Tài chính); a second one is the sentence going on
                        // (Bộ Tài chính công bố…), and so is one after a proper name of two
                        // capitalized syllables or more (Bệnh viện Bạch Mai tiếp nhận…). An
                        // acronym takes no lowercase syllable either (Viện Pasteur TP.HCM
                        // triển khai…), but a single capital does (Y tế).
                        let previous = tokens[end - 1]
                        // A lowercase compound the table knows goes on (Y tế dự phòng), as
                        // does the rest of one begun before (Bất động sản), and one after a
                        // legal form's acronym (Công ty TNHH đầu tư xây dựng …).
                        if !previous.capitalized || previous.allCaps, let reach = compoundEnd(end) {
                            last = reach
                            end = reach
                            compoundReach = reach
                            capitalsInRow = 0
                            continue
                        }
                        // A name the gazetteer knows (Tập đoàn Vingroup vừa…, Đảng Xanh đạt…)
                        // takes none, nor does a foreign word (Nhóm Lazarus tấn công…).
                        guard previous.capitalized, capitalsInRow < 2, end != compoundReach,
                            !previous.allCaps || previous.end - previous.start <= 2,
                            gazetteer(at: end - 1)?.count != 1, known.map({ index + $0.count != end }) ?? true,
                            !isForeignWord(end - 1)
                        else { break }
                        capitalsInRow = 0
                        last = end + 1
                    }
                    end += 1
                }
                addOrganization(
                    englishModifiers(before: index), last, rule: .orgHead, name: brandHead == count ? firstWord : nil)
            }
            if tailWithinReach(of: index), startsLineRun(index), let tails = tables.orgTails {
                // A capitalized run (with connectors) whose last word is an organization tail;
                // it may begin a line (Bac Ninh People's Committee Chairman …).
                var end = index
                var lastTail: Int?
                while end < tokens.count && end - index < Self.tailReach {
                    if isNameWord(end) || end == index {
                        if tails.matchLength(context, ids: ids, at: end) != nil { lastTail = end + 1 }
                        end += 1
                    } else if joinsByHyphen(end) && isNameWord(end + 1) {
                        // Japan-Vietnam Friendship Parliamentary Alliance.
                        end += 1
                    } else if tables.nameWords.connectors.contains(ids[end]) && isNameWord(end + 1) {
                        // "Intel and LG Electronics" are two: "and" joins no name the
                        // gazetteer knows on either side. (Not `insideKnownNonPerson`: a known
                        // name may hold "and" itself, Vietnam Posts and Telecommunications Group.)
                        // Nor does it go on after a tail: Barclays PLC and Alphabet LLC.
                        if tables.nameWords.listJoiners.contains(ids[end])
                            && (lastTail == end || startsKnownNonPerson(end + 1)
                                || (index..<end).contains { start in
                                    gazetteer(at: start).map { start + $0.count == end } ?? false
                                })
                        {
                            break
                        }
                        end += 1
                    } else if possessiveInName(end) {
                        // People's Committee, Women's Union.
                        end += 2
                    } else {
                        break
                    }
                }
                var first = index
                // (A place the gazetteer knows stays: An Giang Central General Hospital; an
                // article that only marks a known name's sense goes: The West Bank.)
                while first < (lastTail ?? first) && tables.notNames.matchLength(context, ids: ids, at: first) != nil
                    && gazetteer(at: first).map({ articleMarksSense(first, $0.count, $0.entity) }) ?? true
                {
                    first += 1
                }
                // A title at or right before the run names its holder before the connector: the
                // organization is what follows it (Chairman Nguyen Van Binh of Vietnam Bank; The
                // CEO of Siemens Energy).
                // (Looked at only where a tail ended the run.)
                if let lastTail,
                    let connector = (first..<lastTail).last(where: {
                        tables.nameWords.headConnectors.contains(ids[$0])
                    }),
                    tables.titles.matchLength(context, ids: ids, at: first) != nil
                        || titleEnds(before: first, within: 3)
                {
                    first = connector + 1
                }
                if let lastTail, let connector = organConnector(first, lastTail) { first = connector + 1 }
                // A tail that is the head of a longer name (Ho Chi Minh City Department of
                // Transport) is left to the head rule (as it reads it: no weekday or month goes
                // on from it, Aalto University on Monday).
                // Nor is one before a place's suffix (Tan Son Nhat International Airport).
                // Nor is a title's domain (Serbian Minister of Mining and Energy, the Minister of
                // Mining and Energy: title_domains.tsv; US Energy Secretary: a domain-word).
                if let lastTail, lastTail - first >= 2,
                    !(tables.orgHeads.matchLength(context, ids: ids, at: lastTail - 1) == 1
                        && headConnectorGoesOn(at: lastTail)),
                    !isTitleDomain(first, lastTail), !isDomainBeforeTitle(first, lastTail),
                    !(lastTail < tokens.count && isNameWord(lastTail)
                        && tables.locationSuffixes?.matchLength(context, ids: ids, at: lastTail) != nil)
                {
                    // A place first and a known organization after it (US National Security
                    // Council) is that organization.
                    if let dotted = dottedPlace(before: first) { first = dotted }
                    let placeEnd = gazetteer(at: first).flatMap { known in
                        extractor.entities[known.entity].type == .location ? first + known.count : nil
                    }
                    addOrganization(first, lastTail, rule: .orgTail, name: placeEnd)
                }
            }
        }

        /// Whether `first..<end` ends in a title's domain (title_domains.tsv) that starts inside
        /// it or right before it, after the title: no organization's name (Minister of Mining
        /// and Energy; not CEO of Siemens Energy).
        func isTitleDomain(_ first: Int, _ end: Int) -> Bool {
            (max(first - 1, 0)..<end).contains { start in
                guard let length = tables.titleDomains.matchLength(context, ids: ids, at: start), start + length >= end
                else { return false }
                return titleEnds(before: start, within: 3)
            }
        }

        /// Whether `first..<end` is a people's or a place's word and a title's domain (a
        /// domain-word) right before a title: the title's, no organization (Serbian Energy
        /// Minister, US Energy Secretary; not Siemens Energy CEO).
        func isDomainBeforeTitle(_ first: Int, _ end: Int) -> Bool {
            guard end - first == 2, end < tokens.count, tables.nameWords.domainWords.contains(ids[end - 1]),
                tables.titles.matchLength(context, ids: ids, at: end) != nil
            else { return false }
            return tables.nameWords.demonyms.contains(ids[first]) || isKnownPlace(first, first + 1)
        }

        /// Where the holder's name starts in the run `position..<end` after a title ending at
        /// `titleEnd`: after a place's cue, three capitalized words that no family name starts
        /// are a one-word place and the holder's two-word name (Thống đốc tỉnh Tochigi Fukuda
        /// Tomikazu). (Out of the title finder, which compiles worse with it inside.)
        @inline(never)
        func holderStart(_ position: Int, _ end: Int, titleEnd: Int) -> Int {
            let placeFirst =
                end - position == 3 && position > titleEnd && followsLocationCue(position)
                && startsPlaceThenHolder(position)
            return placeFirst ? position + 1 : position
        }

        /// Whether an English name ending before `end` is a thing's, a word that ends one
        /// following (the Princess Mayev hotel): no person after a title.
        @inline(never)
        func namesThingBefore(_ end: Int) -> Bool {
            context.language == "en" && end < tokens.count && tables.nameWords.thingWords.contains(ids[end])
        }

        /// Whether the English name ending before `end` starts a thing's: a word that ends one
        /// follows, up to two capitalized words on (the Ho Chi Minh Relic Site). For a known
        /// place, a word that ends an agreement's or a process's name (the Brussels Agreement;
        /// a place's own feature stays it: the Danube River). An organization's name is none.
        func namesThingAfter(_ end: Int, _ type: NameType = .person) -> Bool {
            guard type != .organization, context.language == "en" else { return false }
            let words = type == .person ? tables.nameWords.thingWords : tables.nameWords.documentWords
            var word = end
            while word < end + 3 && isNameWord(word) {
                if words.contains(ids[word]) { return true }
                word += 1
            }
            return false
        }

        /// The length of a capitalized place's cue at `index` that a place the gazetteer knows
        /// follows (Đại sứ Vương quốc Thái Lan: the kingdom's name, no person Vương), else 0.
        @inline(never)
        func capitalizedCueLength(beforeKnownPlace index: Int) -> Int {
            guard index < tokens.count, tokens[index].capitalized, let cues = tables.locationCues,
                let cue = cues.matchLength(context, ids: ids, at: index), let (_, entity) = gazetteer(at: index + cue),
                extractor.entities[entity].type == .location
            else { return 0 }
            return cue
        }

        /// Whether three capitalized words from `start`, after a title and a place's cue, are
        /// a one-word place and its holder's two-word name: the gazetteer knows no place there
        /// and no family name starts the first or the second (Thống đốc tỉnh Tochigi Fukuda
        /// Tomikazu). Asked by the title finder and the place finder alike.
        func startsPlaceThenHolder(_ start: Int) -> Bool {
            tables.syllableNames && !startsPersonName(start) && !startsPersonName(start + 1)
                && gazetteer(at: start) == nil
        }

        /// Whether an English head's remit goes on at the connector `end` (of, for): a remit may
        /// hold one itself (Committee for Execution of Sentences, Centre for Protection of
        /// Journalists), but not before a name the gazetteer knows (Ministry of Finance of
        /// Vietnam), a month, or a word that starts no name.
        @inline(never)
        func remitGoesOn(at end: Int) -> Bool {
            tables.nameWords.headConnectors.contains(ids[end]) && tokens[end - 1].capitalized && isNameWord(end + 1)
                && !startsKnownNonPerson(end + 1) && tables.notNames.matchLength(context, ids: ids, at: end + 1) == nil
                && tables.calendarWords?.matchLength(context, ids: ids, at: end + 1) == nil
        }

        /// The connector after an organ in `first..<lastTail` (the Board of, the Board of
        /// Directors of): the organization named after it is the run's (Van Thinh Phat Group).
        @inline(never)
        func organConnector(_ first: Int, _ lastTail: Int) -> Int? {
            guard first + 1 < lastTail else { return nil }
            return (first + 1..<lastTail).last {
                tables.nameWords.headConnectors.contains(ids[$0]) && tables.nameWords.organs.contains(ids[$0 - 1])
            }
        }

        /// Whether the word at `index` follows the dot of a capitalized abbreviation of one or
        /// two letters (St. Louis, Mt. Everest): inside a name, not at its start.
        @inline(__always)
        func followsAbbreviation(_ index: Int) -> Bool {
            index >= 2 && tokens[index - 2].end - tokens[index - 2].start <= 2 && tokens[index - 2].capitalized
                && tokens[index - 2].kind == .word && tokens[index - 1].glued
                && context.isCharacter(index - 1, UInt8(ascii: "."))
        }

        /// The length of the location cue at `index` (tỉnh, huyện, H.), if one starts there.
        func locationCueLength(at index: Int) -> Int? {
            tables.locationCues?.matchLength(context, ids: ids, at: index)
        }

        /// Where a numbered unit at `index` ends: a word of `numbered_units.tsv` and one or two
        /// digits standing alone (quận 12, khu vực 1), then the place it lies in: after its cue
        /// (thành phố Huế), or one the gazetteer knows, alone or after a spaced dash (TP.HCM,
        /// - Hà Nội). Nil when no such unit starts there.
        func numberedUnitEnd(at index: Int) -> Int? {
            guard let cue = tables.numberedUnits?.matchLength(context, ids: ids, at: index), index + cue < tokens.count
            else { return nil }
            let number = index + cue
            // (Standing alone: a mark may close it, but no slash, dash or decimal part goes on.)
            let after = number + 1
            guard tokens[number].kind == .digits, tokens[number].end - tokens[number].start <= 2,
                after == tokens.count || !tokens[after].glued
                    || (tokens[after].kind == .punctuation && !context.isCharacter(after, UInt8(ascii: "/"))
                        && !context.isCharacter(after, UInt8(ascii: "-"))
                        && (after + 1 == tokens.count || !tokens[after + 1].glued))
            else { return nil }
            let end = number + 1
            if let place = servedPlaceEnd(at: end) { return place }
            let placeStart = isSpacedDash(end) ? end + 1 : end
            guard placeStart < tokens.count, tokens[placeStart].capitalized,
                let (count, entity) = gazetteer(at: placeStart), extractor.entities[entity].type == .location
            else { return end }
            return placeStart + count
        }

        /// Where the place that a location cue at `index` names ends (the place a body serves:
        /// Sở Y tế tỉnh Quảng Nam), or nil when no cue starts there or no place follows it (nor
        /// when a person's full name does, unless the cue is abbreviated: Công an H.Châu Thành;
        /// two syllables after a family name are a place: Công an huyện Văn Yên).
        func servedPlaceEnd(at index: Int) -> Int? {
            guard let cue = locationCueLength(at: index), isNameWord(index + cue),
                tokens[index + cue - 1].kind == .punctuation
                    || !(startsPersonName(index + cue) && isNameWord(index + cue + 2))
            else { return nil }
            var place = index + cue
            if let (count, _) = gazetteer(at: place) { return place + count }
            while place < tokens.count && place - (index + cue) < 3 && isNameWord(place)
                && (place == index + cue || !startsPersonName(place))
            {
                place += 1
            }
            return place
        }

        /// How far past its start a capitalized run is scanned for an organization tail.
        static let tailReach = 10

        /// Whether a token that can start an organization tail lies within `tailReach` tokens
        /// from `index` (called with `index` never decreasing).
        mutating func tailWithinReach(of index: Int) -> Bool {
            while nextTail < tailStarts.count && Int(tailStarts[nextTail]) < index { nextTail += 1 }
            return nextTail < tailStarts.count && Int(tailStarts[nextTail]) < index + Self.tailReach
        }

        /// Whether a title ends right before `index`, starting at most `within` words back.
        func titleEnds(before index: Int, within words: Int) -> Bool {
            (max(0, index - words)..<index).contains {
                tables.titles.matchLength(context, ids: ids, at: $0) == index - $0
            }
        }

        /// Whether the capitalized word at `index` is one that starts no name: a function word
        /// or a word of `not_names` (By John Smith; In Paris).
        func startsNoName(_ index: Int) -> Bool {
            tables.functionWords.matchLength(context, ids: ids, at: index) == 1
                || tables.notNames.matchLength(context, ids: ids, at: index) == 1
        }

        /// Whether a name of `type` the gazetteer knows ends right before `end` (within three
        /// words): a given name after a place starts a person (the military administration of
        /// Kyiv Serhiy Popko), as a full name after a body does (Ủy ban Thường vụ Quốc hội
        /// Dương Thanh Bình).
        func knownName(_ type: NameType, endsAt end: Int) -> Bool {
            (max(0, end - 6)..<end).contains { start in
                gazetteer(at: start).map { start + $0.count == end && extractor.entities[$0.entity].type == type }
                    ?? false
            }
        }

        /// Where a compound of `org_words.tsv` that the word at `end` continues ends, past
        /// `end`: one begun by the word before it (Nhà nước, Bất động sản) or, after a
        /// lowercase word, one starting at `end` (Y tế dự phòng). Nil when there is none.
        func compoundEnd(_ end: Int) -> Int? {
            guard let words = tables.orgWords else { return nil }
            var reach = words.matchLength(context, ids: ids, at: end - 1).map { end - 1 + $0 } ?? 0
            if !tokens[end - 1].capitalized || tokens[end - 1].allCaps,
                let count = words.matchLength(context, ids: ids, at: end)
            {
                reach = max(reach, end + count)
            }
            return reach > end ? reach : nil
        }

        /// An organization at `first..<end`: the gazetteer's when it knows the whole name, or
        /// (with a head word) the name after the head (`Tập đoàn Samsung Electronics`: the
        /// group is Samsung Electronics), else a slug.
        mutating func addOrganization(_ first: Int, _ end: Int, rule: EntityRule, name: Int? = nil) {
            // A legal form's abbreviation keeps its dot (Apple Inc., Samsung Electronics Co.).
            let spanEnd =
                end < tokens.count && tokens[end].glued && context.isCharacter(end, UInt8(ascii: "."))
                    && tables.nameWords.corporateSuffixes.contains(ids[end - 1]) ? end + 1 : end
            if let (count, entity) = gazetteer(at: first),
                count == end - first
                    || (extractor.entities[entity].type == .organization && first + count < end
                        && tables.nameWords.corporateSuffixes.contains(ids[end - 1])
                        && (first + count..<end - 1).allSatisfy {
                            tables.nameWords.corporateSuffixes.contains(ids[$0])
                                || tables.nameWords.companyWords.contains(ids[$0])
                        })
            {
                // The whole name, or a known company and its legal form (Apple Inc.), words of
                // its group before the form included (Goldman Sachs Group Inc).
                add(first, spanEnd, known: entity, rule: rule, priority: patternPriority)
            } else if let name, name < end, let (count, entity) = gazetteer(at: name), count == end - name,
                extractor.entities[entity].type == .organization
            {
                add(first, spanEnd, known: entity, rule: rule, priority: patternPriority)
            } else if let (count, entity) = gazetteer(at: first), extractor.entities[entity].type == .organization,
                first + count < end, let (rest, parent) = gazetteer(at: first + count), first + count + rest == end,
                extractor.entities[parent].type == .organization
            {
                // A known body and the organization it belongs to (Hội đồng Bảo an LHQ): the body.
                add(first, spanEnd, known: entity, rule: rule, priority: patternPriority)
            } else if let body = countryBody(first, end) ?? bodyBeforePlace(first, end) {
                add(first, spanEnd, known: body, rule: rule, priority: patternPriority)
            } else {
                // A company the gazetteer lacks is named without its abbreviated legal form, as
                // it is when written again without it (Sky Capital LLC, then Sky Capital; a
                // Corporation written out stays: Korea Electric Power Corporation).
                var nameEnd = end
                while nameEnd - first > 1 && tables.nameWords.corporateSuffixes.contains(ids[nameEnd - 1])
                    && tokens[nameEnd - 1].end - tokens[nameEnd - 1].start <= 4 && tokens[nameEnd - 2].capitalized
                {
                    nameEnd -= 1
                }
                add(
                    first, spanEnd, referent: .slug(first, nameEnd), type: .organization, rule: rule,
                    priority: patternPriority - 2)
            }
        }

        /// The known body of a country named with `'s` right before `first..<end`: Russia's
        /// Defence Ministry is the Russian Defence Ministry.
        func countryBody(_ first: Int, _ end: Int) -> Int? {
            guard first >= 3, isApostropheS(first - 2),
                let country = found.last(where: { $0.end == first - 2 }), country.type == .location,
                country.referent.entity >= 0
            else { return nil }
            return extractor.bodiesOfCountry[
                BodyKey(country: Int(country.referent.entity), words: Array(ids[first..<end]))]
        }

        /// The known body of a place whose name ends `first..<end` in Vietnamese, the place
        /// written in another of its forms (Bộ Quốc phòng Liên bang Nga is Bộ Quốc phòng Nga).
        func bodyBeforePlace(_ first: Int, _ end: Int) -> Int? {
            guard context.language == "vi" else { return nil }
            for start in first + 1..<end {
                guard let (count, place) = gazetteer(at: start), start + count == end,
                    extractor.entities[place].type == .location
                else { continue }
                return extractor.bodiesBeforePlace[BodyKey(country: place, words: Array(ids[first..<start]))]
            }
            return nil
        }

        /// Where an English organization whose head is at `head` starts: at the capitalized
        /// words before the head that belong to its name (General Department of …, Pasteur
        /// Institute, National Institute of …), up to three, neither function words nor known
        /// places; at the head itself in other languages, which put modifiers after it.
        func englishModifiers(before head: Int) -> Int {
            guard context.language == "en", !tokens[head].newlineBefore else { return head }
            var first = head
            while first > 0 && head - first < 3 && isNameWord(first - 1) && !tokens[first].newlineBefore
                && tables.functionWords.matchLength(context, ids: ids, at: first - 1) == nil
                && !insideKnownNonPerson(first - 1)
            {
                first -= 1
            }
            // People's Court: a possessive word that belongs to names, right before.
            if first == head && first >= 3 && possessiveInName(first - 2) && isNameWord(first - 3) {
                first -= 3
            }
            // (Not before a name the gazetteer knows: U.S. Department of Justice stays the
            // place and the department.)
            guard let dotted = dottedPlace(before: first), gazetteer(at: first) == nil else { return first }
            return dotted
        }

        /// Where a place the gazetteer knows, written with dots, starts when it ends right
        /// before `first` on its line (U.S. in U.S. District Court, which the capitalized run
        /// of a name does not reach); nil otherwise. English only.
        func dottedPlace(before first: Int) -> Int? {
            guard context.language == "en", first >= 2, first < tokens.count, tokens[first].spaceBefore,
                !tokens[first].newlineBefore, context.isCharacter(first - 1, UInt8(ascii: "."))
            else { return nil }
            for start in max(0, first - 6)..<first {
                guard let (count, entity) = gazetteer(at: start), start + count == first,
                    extractor.entities[entity].type == .location,
                    (start..<first).contains(where: { context.isCharacter($0, UInt8(ascii: ".")) })
                else { continue }
                return start
            }
            return nil
        }

        /// Whether token `index` is part of a gazetteer place or organization (Nai in Dong Nai).
        func insideKnownNonPerson(_ index: Int) -> Bool {
            startsKnownNonPerson(index) || insideKnownName(index, within: 3, where: { $0 != .person })
        }

        /// Places after a cue (`tỉnh Quảng Nam`, `the municipalities of A, B and C`) or
        /// before one (`Donetsk region`).
        mutating func location(at index: Int) {
            if let cues = tables.locationCues, let count = cues.matchLength(context, ids: ids, at: index) {
                placesAfterCue(at: index, cueLength: count, cues: cues)
                return
            }
            // The name may begin a line (Binh Thanh District was flooded).
            let startsName = tokens[index].kind == .word && tokens[index].capitalized
            if startsName, index == 0 || tokens[index].newlineBefore || !isNameWord(index - 1),
                let suffixes = tables.locationSuffixes
            {
                // A word that starts no name first is passed over (In Wilson County).
                let first =
                    tables.notNames.matchLength(context, ids: ids, at: index) == 1 && isNameWord(index + 1)
                    ? index + 1 : index
                var end = first
                // Up to the suffix, capitalized or not (Binh Thanh District, Donetsk region).
                while end < tokens.count && end - first < 3 && (isNameWord(end) || (end == index && startsName))
                    && (end == first || suffixes.matchLength(context, ids: ids, at: end) == nil)
                {
                    end += 1
                }
                // A place the gazetteer knows is whole, dots and dashes included (St. Louis
                // County, Ba Ria - Vung Tau Province).
                if end + 1 < tokens.count && tokens[end].kind == .punctuation && isNameWord(end + 1)
                    && (followsAbbreviation(end + 1) || context.isCharacter(end, UInt8(ascii: "-"))),
                    let (count, entity) = gazetteer(at: first), extractor.entities[entity].type == .location,
                    first + count > end
                {
                    end = first + count
                }
                // (A word after an abbreviation's dot starts nothing: Louis in St. Louis County.)
                // (A suffix that starts a longer title is the title's: Defense State Secretary.)
                guard end < tokens.count, let suffix = suffixes.matchLength(context, ids: ids, at: end),
                    (tables.titles.matchLength(context, ids: ids, at: end) ?? 0) <= suffix,
                    !followsAbbreviation(index), tables.notNames.matchLength(context, ids: ids, at: first) == nil,
                    end - first > 1
                        || !(tables.nameWords.directions.contains(ids[first])
                            || tables.nameWords.demonyms.contains(ids[first]))
                else { return }
                // A known place ending at the suffix after other words is the place, the words
                // before it a headline's (Storm Hits Quang Nam Province); a compass word stays
                // (Central Java province).
                var placeStart = first
                if !tables.nameWords.directions.contains(ids[first]),
                    let known = (first + 1..<end).first(where: { isKnownPlace($0, end) })
                {
                    placeStart = known
                }
                // A capitalized suffix is part of a name the gazetteer lacks (Wilson County); a
                // known place keeps its own form (Phu Tho Province), a lowercase suffix stays out
                // (Donetsk region). A natural feature's is always the name's: the Dnipro River is
                // no city.
                let known =
                    (gazetteer(at: placeStart).map { placeStart + $0.count == end } ?? false)
                    && !tables.nameWords.featureCues.contains(ids[end])
                addLocation(placeStart, tokens[end].capitalized && !known ? end + suffix : end)
            }
        }

        /// Whether an English word that starts no name, such as a weekday, ends the name
        /// before it (the state of Oaxaca Tuesday).
        func endsEnglishName(_ index: Int) -> Bool {
            context.language == "en" && tables.notNames.matchLength(context, ids: ids, at: index) != nil
        }

        /// The places after a cue of `cueLength` words at `index` (`tỉnh Quảng Nam`, `the
        /// municipalities of A, B and C`). (Out of `location(at:)`, whose suffix path is called
        /// at every capitalized run and compiles worse with this inside.)
        @inline(never)
        mutating func placesAfterCue(at index: Int, cueLength count: Int, cues: TokenTable) {
            // (A cue's letter written onto a number or a unit's slash is a unit: h in 15h. Theo
            // đó is an hour, in 15-20km/h. Từ đêm a speed.)
            if index > 0 && tokens[index].glued
                && (tokens[index - 1].kind == .digits || context.isCharacter(index - 1, UInt8(ascii: "/")))
            {
                return
            }
            // A natural feature's cue capitalized inside a sentence is the name's first word
            // (Quảng Ninh - Sông Mã, Núi Bà Đen), unless a place the gazetteer knows follows it
            // (Đảo Cô Tô is Cô Tô).
            var start =
                count == 1 && tokens[index].capitalized && tables.nameWords.featureCues.contains(ids[index])
                    && !startsSentence(index) && gazetteer(at: index + 1) == nil ? index : index + count
            while true {
                var end = start
                // A capitalized cue word after the cue starts the name (thôn Làng Nủ).
                if end < tokens.count && tokens[end].capitalized && !tokens[index].capitalized,
                    let inner = cues.matchLength(context, ids: ids, at: end), isNameWord(end + inner)
                {
                    // An abbreviated cue stays outside (trú tại TP. Tây Ninh, ngụ TP Dĩ An);
                    // a cue word that is written into the name is the name's.
                    if tokens[end + inner - 1].kind == .punctuation || tokens[end].allCaps { start = end + inner }
                    end += inner
                }
                var words = 0
                while end < tokens.count && words < 3 {
                    if isNameWord(end) && !(end > start && endsEnglishName(end)) {
                        end += 1
                        words += 1
                    } else if end > start && joinsByHyphen(end) && isNameWord(end + 1)
                        && !(isKnownPlace(end + 1, nil) && (gazetteer(at: start)?.count ?? 0) <= end - start)
                    {
                        // A hyphenated name is one (thành phố Saint-Petersburg, Ba-đa-xơ), but
                        // not a route to a known place (TP.HCM-Phan Thiết).
                        end += 2
                    } else if end > start && joinsByApostrophe(end) {
                        // So is one with an apostrophe before a lowercase syllable (huyện Đắk
                        // G'long, Ea H'leo).
                        end += 2
                    } else {
                        break
                    }
                }
                guard end > start else { return }
                // One capital after an abbreviated cue is a name's initials (Nguyễn Q.V.), no
                // place: a district's name is longer (Q.Tân Bình) or a number (Q.1).
                if start == index + count, end - start == 1, tokens[start - 1].kind == .punctuation,
                    tokens[start].end - tokens[start].start == 1
                {
                    return
                }
                // After a title, a cue names the title's place and a full name after it is
                // the holder (Phó chủ tịch TP Nguyễn Thành Tài), unless the gazetteer knows it.
                if start == index + count, cueNamesTitlesPlace(index), end - start >= 2,
                    startsPersonName(start), gazetteer(at: start) == nil
                {
                    return
                }
                // Or three words, a one-word place and its holder's name (Thống đốc tỉnh Tochigi
                // Fukuda Tomikazu).
                if start == index + count, end - start == 3, cueNamesTitlesPlace(index), startsPlaceThenHolder(start) {
                    end = start + 1
                }
                // A known place and a person after it are two (Tổng thống Liên bang Nga
                // Vladimir Putin).
                // So after a title, whoever follows (Đại sứ Vương quốc Campuchia Chea Kimtha).
                if let (known, entity) = gazetteer(at: start), start + known < end,
                    extractor.entities[entity].type == .location,
                    startsPerson(start + known) || (start == index + count && cueNamesTitlesPlace(index))
                {
                    end = start + known
                }
                // Two known places joined by a hyphen are two (tỉnh Quảng Đông-Quảng Tây);
                // a name the gazetteer knows whole (Bà Rịa-Vũng Tàu) is matched whole above.
                if let (count, _) = gazetteer(at: start), start + count + 1 < end, joinsByHyphen(start + count),
                    let (second, _) = gazetteer(at: start + count + 1), start + count + 1 + second == end
                {
                    addLocation(start, start + count)
                    addLocation(start + count + 1, end)
                } else {
                    addLocation(start, end)
                }
                // A list: ", B" or "and B" / "và B" after the first name, B with a cue of
                // its own or none (huyện Sóc Sơn và TP Thủ Đức).
                let joins =
                    end + 1 < tokens.count
                    && (context.isCharacter(end, UInt8(ascii: ","))
                        || tables.nameWords.listJoiners.contains(ids[end]))
                guard joins else { return }
                start = end + 1
                let ownCue = cues.matchLength(context, ids: ids, at: start)
                if let ownCue { start += ownCue }
                // A title after the comma starts the next clause (Liên bang Nga, Thủ tướng …),
                // and an organization's head an organization (sân Thiên Trường, CLB Nam Định).
                // So does a lone Vietnamese syllable no table knows before a lowercase word
                // (vịnh Bắc Bộ, Sức gió mạnh …), and an acronym no table knows without a cue of
                // its own (tỉnh Bắc Ninh, GRDP tăng: a figure, no place).
                guard isNameWord(start), tables.titles.matchLength(context, ids: ids, at: start) == nil,
                    tables.orgHeads.matchLength(context, ids: ids, at: start) == nil,
                    isNameWord(start + 1) || !isLastWordOfEarlierPerson(start),
                    !(tables.syllableNames && ownCue == nil && startsClause(start)),
                    !(ownCue == nil && isAcronym(start) && gazetteer(at: start) == nil)
                else {
                    return
                }
            }
        }

        /// Whether the capitalized word at `index` is a lone syllable with diacritics no table
        /// knows before a lowercase word: a clause's first word, not a place's name (a foreign
        /// one is written without: Donetsk và Kherson của Ukraine).
        func startsClause(_ index: Int) -> Bool {
            index + 1 < tokens.count && tokens[index + 1].kind == .word && !tokens[index + 1].capitalized
                && !tokens[index].allCaps && !tokens[index].ascii && gazetteer(at: index) == nil
        }

        /// Whether the word at `index` ends a person's name found earlier (Hoạt after Phạm
        /// Minh Hoạt): alone after a list's comma it is that person, the clause's subject
        /// (TP. Móng Cái, Hoạt đã chiếm đoạt), not one more place.
        func isLastWordOfEarlierPerson(_ index: Int) -> Bool {
            found.contains { hit in
                // (By the word's hash: words no table holds share the id -1.)
                hit.type == .person && hit.end < index && hit.end - hit.first >= 2
                    && nameHash(Int(hit.end) - 1) == nameHash(index)
            }
        }

        /// A news dateline: a line that starts with a place in capitals, then a comma and a known
        /// place (POKROVSK, Ukraine), a news agency in brackets (HANOI (Reuters)) or a dash
        /// (WASHINGTON —; normalization has made every dash a hyphen). A place the gazetteer
        /// knows is its; another is title-cased.
        mutating func dateline(at index: Int) {
            var end = index
            while end < tokens.count && end - index < 4 && tokens[end].kind == .word && tokens[end].allCaps
                && tokens[end].end - tokens[end].start >= 2 && (end == index || !tokens[end].newlineBefore)
            {
                end += 1
                // Words in capitals joined by hyphens are one name (DEIR AL-BALAH).
                if joinsByHyphen(end) && end + 1 < tokens.count && tokens[end + 1].allCaps { end += 1 }
            }
            // A headline in capitals is no place: it has function words (NATO TO SEND TROOPS -).
            guard end > index, end + 1 < tokens.count, !tokens[end].newlineBefore,
                tables.notNames.matchLength(context, ids: ids, at: index) == nil,
                !(index..<end).contains(where: { tables.functionWords.matchLength(context, ids: ids, at: $0) != nil })
            else { return }
            func known(_ at: Int, _ type: NameType) -> Bool {
                gazetteer(at: at).map { extractor.entities[$0.entity].type == type } ?? false
            }
            let placed =
                (context.isCharacter(end, UInt8(ascii: ",")) && known(end + 1, .location))
                || (context.isCharacter(end, UInt8(ascii: "(")) && known(end + 1, .organization))
                // A hyphen glued on both sides makes one word, no dateline (VN-30 index).
                || (context.isCharacter(end, UInt8(ascii: "-")) && !(tokens[end].glued && tokens[end + 1].glued))
            guard placed else { return }
            if let (count, entity) = gazetteer(at: index), count == end - index {
                guard extractor.entities[entity].type == .location else { return }
                add(index, end, known: entity, rule: .dateline, priority: patternPriority)
            } else {
                // One short word in capitals that the gazetteer lacks is the outlet's tag, no
                // place (TTO -, NDO -, SGGP -).
                guard end - index > 1 || tokens[index].end - tokens[index].start > 4 else { return }
                add(
                    index, end, referent: .titleCasedSlug(index, end), type: .location, rule: .dateline,
                    priority: patternPriority - 2)
            }
        }

        /// A byline's authors (By Ivana Sekularac and Fatos Bytyci; By JOHN SMITH, Associated
        /// Press): after a line's first word `By`, two or three capitalized words are a person,
        /// and so are those after a comma or `and`, until a name the gazetteer knows as no
        /// person (the outlet) or the line's end.
        @inline(never)
        mutating func byline(at index: Int) {
            var start = index + 1
            while isNameWord(start) && !startsKnownNonPerson(start) {
                let end = nameRun(from: start, limit: 3)
                guard end - start >= 2 else { return }
                add(start, end, referent: person(start, end), type: .person, rule: .byline, priority: patternPriority)
                guard end + 1 < tokens.count, !tokens[end].newlineBefore,
                    context.isCharacter(end, UInt8(ascii: ",")) || tables.nameWords.listJoiners.contains(ids[end])
                else { return }
                start = end + 1
            }
        }

        /// Two or three capitalized syllables before a known place in brackets are a place
        /// within it, as Vietnamese news locates one (Đồng Văn (Hà Giang), Tam Đảo (Vĩnh
        /// Phúc), Mẫu Sơn (Lộc Bình, Lạng Sơn)). Not a known name, nor a person's: after a
        /// title or honorific, or from a family name (ông Nguyễn Văn Nam (Hà Nội)).
        mutating func bracketedPlace(at index: Int) {
            var end = index
            while end < tokens.count && end - index < 3 && tokens[end].kind == .word && tokens[end].capitalized
                && !tokens[end].allCaps && (end == index || !tokens[end].newlineBefore)
            {
                end += 1
            }
            guard end - index >= 2, end + 2 < tokens.count, context.isCharacter(end, UInt8(ascii: "(")),
                let (count, entity) = gazetteer(at: end + 1), extractor.entities[entity].type == .location,
                end + 1 + count < tokens.count,
                context.isCharacter(end + 1 + count, UInt8(ascii: ")"))
                    || context.isCharacter(end + 1 + count, UInt8(ascii: ",")),
                gazetteer(at: index) == nil, !startsPersonName(index), !titleEnds(before: index, within: 3),
                // (Nor a company's, with its seat in brackets: Ja Solar Investment (Hong Kong)
                // Limited.)
                tables.orgTails?.matchLength(context, ids: ids, at: end - 1) != 1,
                end + 2 + count >= tokens.count || !tables.nameWords.corporateSuffixes.contains(ids[end + 2 + count])
            else { return }
            add(
                index, end, referent: .slug(index, end), type: .location, rule: .bracketedPlace,
                priority: patternPriority - 3)
        }

        mutating func addLocation(_ first: Int, _ end: Int) {
            // One letter is no place (the U of an age-group team, U.23 Philippines).
            if end == first + 1 && tokens[first].end - tokens[first].start == 1 { return }
            // Nor is a road's name before its number (north of Highway 128, Old County Road 40).
            func isDigits(_ index: Int) -> Bool { index < tokens.count && tokens[index].kind == .digits }
            if (isDigits(end) && namesThingBefore(end - 1)) || (isDigits(end + 1) && namesThingBefore(end)) { return }
            if let (count, entity) = gazetteer(at: first), count == end - first,
                !(followsCommuneCue(first) && namesUnitAsCommune(entity, at: first))
            {
                add(first, end, known: entity, rule: .locationCue, priority: patternPriority - 2)
            } else {
                add(
                    first, end, referent: .slug(first, end), type: .location, rule: .locationCue,
                    priority: patternPriority - 2)
            }
        }

        /// The finders a lowercase cue calls: a verb of saying's (true: nothing else starts
        /// at it) or a preposition of place's. (Out of the token loop, which stays small.)
        @inline(never)
        mutating func lowercaseCue(at index: Int) -> Bool {
            if tables.nameWords.speechVerbs.contains(ids[index]) {
                speechName(at: index)
                return true
            }
            if index + 1 < tokens.count && tokens[index + 1].capitalized { placeAfterPreposition(at: index + 1) }
            return false
        }

        /// One capitalized word after a preposition of place, closed by a comma, a dot or a
        /// semicolon, that no table knows as anything else: a place (In Izium, troops…; shelled
        /// villages near Kupiansk.). Not a month, a people or a language, a given name, a
        /// title, a head or an acronym; nor after a word of owning (shares in Rain.); in
        /// Vietnamese, only a foreign name (tại Derna,).
        mutating func placeAfterPreposition(at index: Int) {
            // (After a capitalized word the line is a headline's, every word capitalized: Man
            // Arrested in Robbery. A weekday or a month is capitalized anyway: landfall
            // Wednesday near Yabucoa, Puerto Rico.)
            let headline =
                index >= 2 && !tokens[index - 1].newlineBefore && tokens[index - 2].kind == .word
                && tokens[index - 2].capitalized && tables.notNames.matchLength(context, ids: ids, at: index - 2) == nil
            guard index + 1 < tokens.count, !headline, isLonePlaceWord(index),
                index < 2 || !tables.nameWords.holdingWords.contains(ids[index - 2])
            else { return }
            if closesClause(index + 1) {
                addLocation(index, index + 1)
            } else if tables.nameWords.listJoiners.contains(ids[index + 1]), index + 3 < tokens.count,
                isNameWord(index + 2), isLonePlaceWord(index + 2), closesClause(index + 3)
            {
                // Two such words joined, the list closed (fighting in Pokrovsk and Myrnohrad.):
                // two places.
                addLocation(index, index + 1)
                addLocation(index + 2, index + 3)
            }
        }

        /// Whether a comma, a dot or a semicolon at `index` closes a clause there (no initial's
        /// dot).
        func closesClause(_ index: Int) -> Bool {
            (context.isCharacter(index, UInt8(ascii: ",")) || context.isCharacter(index, UInt8(ascii: "."))
                || context.isCharacter(index, UInt8(ascii: ";"))) && !isInitialDot(index)
        }

        /// Whether the capitalized word at `index` may be a place no table knows after a
        /// preposition of place: not in capitals, and known as nothing else; in Vietnamese only a
        /// foreign name (no tone marks and longer than a syllable names mostly are: Bắc, Cảng,
        /// Nam after ở or tại are a region, a port, a name).
        func isLonePlaceWord(_ index: Int) -> Bool {
            !tokens[index].allCaps
                && (!tables.syllableNames
                    || (tokens[index].ascii && tokens[index].end - tokens[index].start >= 5 && !startsPersonName(index)))
                && noTableKnows(index)
        }

        /// Acronyms defined in brackets take the long form's id; surnames and acronyms met
        /// anywhere in the document take the id of the full form. Then the winners and the short
        /// forms become candidates.
        func linkShortForms(_ hits: consuming [Hit]) -> [Candidate] {
            namePlacesAsClubs(&hits)
            extractor.senses.resolve(&hits, entities: extractor.entities, namesItself: endsInKnownPlace)
            // Aliases come from full names (two), bracketed acronyms and acronym hits: at most
            // four per hit. The table and one bit per token live in one temporary block (on the stack
            // for a short document).
            let capacity = AliasTable.capacity(forAtMost: 4 * hits.count)
            let coveredWords = tokens.count / 64 + 1
            let bytes = coveredWords * 8 + AliasTable.bytes(capacity: capacity)
            return withUnsafeTemporaryAllocation(byteCount: bytes, alignment: 16) { raw in
                let covered = UnsafeMutableBufferPointer(
                    start: raw.baseAddress!.bindMemory(to: UInt64.self, capacity: coveredWords), count: coveredWords)
                covered.initialize(repeating: 0)
                var aliases = AliasTable(
                    memory: UnsafeMutableRawBufferPointer(rebasing: raw[(coveredWords * 8)...]), capacity: capacity)
                return linkShortForms(hits, covered: covered, aliases: &aliases)
            }
        }

        /// In a sports story (a hit names a club or league of `sports_names.tsv`), a place
        /// whose name a club goes by is that club (Liverpool beat Manchester City).
        func namePlacesAsClubs(_ hits: inout [Hit]) {
            let cues = extractor.sportsCues
            guard hits.contains(where: { $0.referent.entity >= 0 && cues[Int($0.referent.entity)] }) else { return }
            let clubs = extractor.clubOfPlace
            for index in hits.indices where hits[index].referent.entity >= 0 {
                let club = clubs[Int(hits[index].referent.entity)]
                if club >= 0 {
                    hits[index].referent = .known(Int(club))
                    hits[index].type = .organization
                }
            }
        }

        /// Whether a known place ends the name `hit` covers, after its first word (Quân ủy
        /// Trung ương Trung Quốc).
        func endsInKnownPlace(_ hit: Hit) -> Bool {
            (Int(hit.first) + 1..<Int(hit.end)).contains { isKnownPlace($0, Int(hit.end)) }
        }

        /// `linkShortForms` with its scratch: `covered` has a zero bit per token.
        private func linkShortForms(
            _ winners: [Hit], covered: UnsafeMutableBufferPointer<UInt64>, aliases: inout AliasTable
        ) -> [Candidate] {
            var hits = winners
            func isCovered(_ index: Int) -> Bool { covered[index >> 6] & (1 &<< UInt64(index & 63)) != 0 }
            // Whether token `other`, right before or after `index` on its line with a space
            // between, is a capitalized word no finder took that starts no clause (not a title,
            // an honorific or a word that starts no name, nor the end of a title: Ông Dũng, Theo
            // Dũng, Secretary General Stoltenberg).
            func isLoneNameWordNeighbour(_ other: Int, of index: Int) -> Bool {
                guard other >= 0, other < tokens.count, tokens[other].kind == .word, tokens[other].capitalized,
                    tokens[max(other, index)].spaceBefore, !tokens[max(other, index)].newlineBefore, !isCovered(other)
                else { return false }
                return tables.titles.matchLength(context, ids: ids, at: other) == nil && !startsNoName(other)
                    && (other > index || !titleEnds(before: index, within: 4))
            }
            // The last two words of full names: a short form may be those two (Xuân Son after
            // Nguyễn Xuân Son), as Vietnamese news writes, or the whole name of two where a
            // finder missed it (Rand Paul of Kentucky, before Sen. Rand Paul). And the
            // two halves of a hyphenated surname (Bankman-Fried), which goes whole.
            var nameTails: [(UInt64, UInt64)] = []
            var hyphenatedSurnames: [(UInt64, UInt64)] = []
            for hit in hits {
                for token in Int(hit.first)..<Int(hit.end) { covered[token >> 6] |= 1 &<< UInt64(token & 63) }
                // Full personal names teach their surname, and a family name written first
                // that people are called by (Xi Jinping, Yoon Suk Yeol, Tập Cận Bình).
                // A name the gazetteer knows keeps what it taught against a spelling it does not
                // (Aleksandar Vucic, then Alexander Vucic: Vucic stays the known one).
                if hit.type == .person, hit.end - hit.first >= 2 {
                    func teach(_ word: Int) {
                        let key = nameHash(word)
                        if hit.referent.entity < 0, let taught = aliases[key], taught.referent.entity >= 0 { return }
                        aliases.set(key, (hit.referent, .person))
                    }
                    teach(Int(hit.end) - 1)
                    if tables.nameWords.calledFamilyNames.contains(ids[Int(hit.first)]) { teach(Int(hit.first)) }
                    if hit.end - hit.first >= 2 {
                        let last = Int(hit.end) - 1
                        if hit.end - hit.first >= 3 && joinsByHyphen(last - 1) {
                            hyphenatedSurnames.append((nameHash(last - 2), nameHash(last)))
                            // (After a given name, its first half alone names the person too:
                            // Osmani after Vjosa Osmani-Sadriu.)
                            if hit.end - hit.first >= 4 { teach(last - 2) }
                        } else {
                            nameTails.append((nameHash(last - 1), nameHash(last)))
                        }
                    }
                }
            }
            // "Long Form (ACR)": the acronym takes the long form's id. Hits are in text order
            // and brackets are visited in it, so one cursor finds the hit ending at each.
            var opening = nextOpeningBracket(from: 0)
            var long = 0
            // Acronyms the gazetteer knows that a long form here redefines (AFP).
            var redefined: [UInt64] = []
            /// The one-word hit `acronym` names the body of hit `body` here, and so do its later
            /// mentions.
            func redefine(_ acronym: Int, as body: Int, rule: EntityRule? = nil) {
                hits[acronym].referent = hits[body].referent
                hits[acronym].type = hits[body].type
                if let rule { hits[acronym].rule = rule }
                let key = nameHash(Int(hits[acronym].first))
                redefined.append(key)
                aliases.set(key, (hits[body].referent, hits[body].type))
            }
            while let index = opening {
                opening = nextOpeningBracket(from: index + 1)
                while long < hits.count && hits[long].end < index { long += 1 }
                // A known acronym that spells a known organization's initials is that one's
                // here (the Armed Forces of the Philippines (AFP), not the news agency), and so
                // are its later mentions.
                if long + 1 < hits.count, hits[long].end == index, hits[long + 1].first == index + 1,
                    redefinesAcronym(hits[long], hits[long + 1])
                {
                    redefine(long + 1, as: long)
                    continue
                }
                // A ticker the gazetteer knows as a place's acronym, before a company the rules
                // find in brackets, is that company's here, and so are its later mentions (DRC (Công ty
                // CP Cao su Đà Nẵng), not the Congo).
                if long + 1 < hits.count, hits[long].end == index, hits[long].end - hits[long].first == 1,
                    hits[long].type == .location, isAcronym(index - 1), tokens[index].spaceBefore,
                    hits[long + 1].first == index + 1, hits[long + 1].type == .organization,
                    hits[long + 1].end - hits[long + 1].first >= 2,
                    hits[long + 1].rule == .orgHead || hits[long + 1].rule == .orgTail,
                    context.isCharacter(Int(hits[long + 1].end), UInt8(ascii: ")"))
                {
                    redefine(long, as: long + 1, rule: .shortForm)
                    continue
                }
                // "ACR (Long Form)", as a ticker before its company (VNM (Công ty CP Sữa Việt
                // Nam)): the acronym no finder took takes the bracketed organization's id. (One
                // word in brackets is no long form: a dateline's state before its agency,
                // Atlanta, GA (CNN).)
                if index > 0, long < hits.count, hits[long].first == index + 1, hits[long].type == .organization,
                    hits[long].end - hits[long].first >= 2,
                    isAcronym(index - 1), !isCovered(index - 1), tokens[index].spaceBefore,
                    context.isCharacter(Int(hits[long].end), UInt8(ascii: ")"))
                {
                    aliases.set(nameHash(index - 1), (hits[long].referent, .organization))
                    continue
                }
                // A known acronym that the gazetteer names at length in Vietnamese, after a long
                // form it lacks, is that body's here, and so are its later mentions (a
                // province's Trung tâm Kiểm soát bệnh tật (CDC), not the US one, which the
                // gazetteer knows as Trung tâm Kiểm soát và Phòng ngừa dịch bệnh Mỹ).
                if tables.syllableNames, long + 1 < hits.count, hits[long].end == index,
                    hits[long].type == .organization, hits[long].referent.entity < 0,
                    hits[long + 1].first == index + 1, hits[long + 1].end == index + 2,
                    hits[long + 1].type == .organization, hits[long + 1].referent.entity >= 0,
                    extractor.entities[Int(hits[long + 1].referent.entity)].longNamedInVietnamese, isAcronym(index + 1),
                    context.isCharacter(index + 2, UInt8(ascii: ")")),
                    // (A long form that starts a form of the acronym's own is that body cut
                    // short: Đảng Dân chủ Xã hội (SPD), of Đảng Dân chủ Xã hội Đức.)
                    !startsLongerForm(
                        of: Int(hits[long + 1].referent.entity), Int(hits[long].first), Int(hits[long].end))
                {
                    redefine(long + 1, as: long, rule: .shortForm)
                    continue
                }
                // A long form the gazetteer lacks takes the id of a known short name in
                // brackets (Công ty cổ phần Hàng không Vietjet (Vietjet Air)); a name with a
                // head word there is a parent body (Cục Y tế dự phòng (Bộ Y tế)).
                if long + 1 < hits.count, hits[long].end == index, hits[long].type == .organization,
                    hits[long].referent.entity < 0, hits[long + 1].first == index + 1,
                    hits[long + 1].type == .organization, hits[long + 1].referent.entity >= 0,
                    context.isCharacter(Int(hits[long + 1].end), UInt8(ascii: ")")),
                    tables.orgHeads.matchLength(context, ids: ids, at: index + 1) == nil
                {
                    hits[long].referent = hits[long + 1].referent
                    continue
                }
                // An organization's short name in brackets need not be an acronym (Công ty cổ
                // phần Sữa Việt Nam (Vinamilk)), if it names nothing the gazetteer knows. A
                // place's or a person's acronym spells the initials (United Arab Emirates (UAE),
                // Marjorie Taylor Greene (MTG)); else the place ends a longer name the rules
                // missed (… Quốc tế Nhật Bản (JICA)), and the person's is a party (Boris
                // Pistorius (SPD)).
                // (An acronym is no long form of another: ASEAN (ADMM) names the meeting.)
                guard long < hits.count, hits[long].end == index, index + 2 < tokens.count,
                    context.isCharacter(index + 2, UInt8(ascii: ")")), !isCovered(index + 1),
                    hits[long].end - hits[long].first > 1 || !isAcronym(Int(hits[long].first)),
                    isAcronym(index + 1)
                        || (hits[long].type == .organization && isNameWord(index + 1)
                            && gazetteer(at: index + 1) == nil),
                    hits[long].type == .organization || spellsInitials(index + 1, of: hits[long])
                else { continue }
                aliases.set(nameHash(index + 1), (hits[long].referent, hits[long].type))
            }
            if !redefined.isEmpty { reidentify(&hits, redefined, aliases) }
            for hit in hits where hit.type != .person && hit.end - hit.first == 1 && isAcronym(Int(hit.first)) {
                let key = nameHash(Int(hit.first))
                if aliases[key] == nil { aliases.set(key, (hit.referent, hit.type)) }
            }
            sameNameSameEntity(&hits)
            initialsOfKnownPersons(&hits)
            // Re-id single-word persons found by a title ("ông Scholz") from their full name,
            // also one the gazetteer's only bearer of the surname had taken (Tobias Lindner,
            // then ông Lindner, is no Christian Lindner). (A one-word name the gazetteer knows
            // as a form keeps its id.)
            for index in hits.indices
            where hits[index].type == .person && hits[index].end - hits[index].first == 1
                && (hits[index].referent.entity < 0
                    || (hits[index].rule != .gazetteer && gazetteer(at: Int(hits[index].first)) == nil))
            {
                if let alias = aliases[nameHash(Int(hits[index].first))] { hits[index].referent = alias.referent }
            }
            // In English, a one-word place the gazetteer knows that is the surname of a full
            // name in the document is that person (Austin after Lloyd J. Austin). (Not in
            // Vietnamese, where a given name is often a place's: Nguyễn Thị Mỹ, Mỹ.)
            if !tables.syllableNames {
                for index in hits.indices
                where hits[index].type == .location && hits[index].rule == .gazetteer
                    && hits[index].end - hits[index].first == 1
                {
                    guard let alias = aliases[nameHash(Int(hits[index].first))], alias.type == .person else { continue }
                    hits[index].referent = alias.referent
                    hits[index].type = .person
                    hits[index].rule = .shortForm
                }
            }
            // A surname of two words or more that ends a fuller name takes its id (López Obrador
            // after Andrés Manuel López Obrador). One that starts with a given name is a full
            // name itself (Boris Pistorius).
            for index in hits.indices
            where hits[index].type == .person && hits[index].end - hits[index].first >= 2
                && hits[index].referent.entity < 0
                && tables.givenNames?.matchLength(context, ids: ids, at: Int(hits[index].first)) == nil
            {
                let first = Int(hits[index].first)
                let length = Int(hits[index].end) - first
                let fuller = hits.first { hit in
                    hit.type == .person && Int(hit.end - hit.first) > length
                        && (0..<length).allSatisfy { nameHash(Int(hit.end) - length + $0) == nameHash(first + $0) }
                }
                if let fuller { hits[index].referent = fuller.referent }
            }
            var candidates: [Candidate] = []
            candidates.reserveCapacity(hits.count + 8)
            for hit in hits {
                candidates.append(
                    Candidate(
                        mention: Mention(
                            kind: "entity", span: hit.overlapSpan, type: hit.type.code, id: id(of: hit.referent),
                            rule: ruleName(hit.rule)),
                        matchLength: hit.matchLength, priority: EntityExtractor.gazetteerPriority))
            }
            // Bare short forms elsewhere: Stoltenberg, Pistorius, KFOR.
            guard !aliases.isEmpty else { return candidates }
            for index in tokens.indices
            where tokens[index].capitalized && tokens[index].kind == .word && !isCovered(index) {
                guard let alias = aliases[nameHash(index)] else { continue }
                if index + 1 < tokens.count && tokens[index + 1].glued
                    && (tokens[index + 1].kind == .word
                        || (tokens[index + 1].kind == .digits && alias.type == .location)
                        || context.isCharacter(index + 1, UInt8(ascii: "$")))
                {
                    // Inside a longer word or code (VN30), or a currency's prefix (US$24.7 billion).
                    continue
                }
                // A given name that starts a common phrase is that phrase (Chính phủ, the
                // government, after Phạm Minh Chính); a surname before a thing's word, or
                // after a street word, names the thing (Smith Street, after Jamaal Smith;
                // đường Hồ Chí Minh).
                if tables.notNames.matchLength(context, ids: ids, at: index) != nil { continue }
                if alias.type == .person
                    && ((isNameWord(index + 1) && tables.nameWords.thingWords.contains(ids[index + 1]))
                        || (tables.syllableNames && namesStreet(index)))
                {
                    continue
                }
                // A title right before a name is the title (Anh Đức Anh nói: the first Anh), and
                // so is one after an article (The King said, after Stephen King).
                if (index + 1 < tokens.count && isCovered(index + 1))
                    || (index > 0 && alias.type == .person && tables.nameWords.articles.contains(ids[index - 1])),
                    tables.titles.matchLength(context, ids: ids, at: index) != nil
                {
                    continue
                }
                // The word before may be the full name's own, which goes with it (Xuân Son), as
                // does the first half of a hyphenated surname (Bankman-Fried).
                // (A Vietnamese syllable that a finder took as a place goes too when the two are
                // a full name's last words: Đức Anh after Nguyễn Đức Anh is no Germany.)
                var first = index
                if alias.type == .person && index > 0 && !tokens[index].newlineBefore {
                    if index > 1 && !hyphenatedSurnames.isEmpty && joinsByHyphen(index - 1) && !isCovered(index - 1)
                        && !isCovered(index - 2)
                        && hyphenatedSurnames.contains(where: { $0 == (nameHash(index - 2), nameHash(index)) })
                    {
                        first = index - 2
                    } else if index > 1 && joinsNameByApostrophe(index - 1) && !isCovered(index - 2) {
                        // (And so does a capital and an apostrophe before it: O'Brien.)
                        first = index - 2
                    } else if !nameTails.isEmpty && tokens[index - 1].capitalized && tokens[index - 1].kind == .word
                        && (!isCovered(index - 1) || tables.syllableNames)
                        && nameTails.contains(where: { $0 == (nameHash(index - 1), nameHash(index)) })
                    {
                        first = index - 1
                    }
                }
                // A Vietnamese syllable next to another capitalized one the finders left is part
                // of a name they did not know (Công ty nhà Vĩnh Hưng), not a person's short form.
                if first == index && alias.type == .person && tables.syllableNames
                    && (isLoneNameWordNeighbour(index - 1, of: index) || isLoneNameWordNeighbour(index + 1, of: index))
                {
                    continue
                }
                // So is an English surname after a capitalized word the finders left, inside a
                // sentence (a sentence's first word is capitalized anyway: Later King said):
                // Billie Jean King is no short form of Stephen King.
                if first == index && alias.type == .person && !tables.syllableNames && index >= 2
                    && tokens[index - 2].kind != .punctuation && !tokens[index - 1].newlineBefore
                    && isLoneNameWordNeighbour(index - 1, of: index)
                {
                    continue
                }
                // A place's name in a street's is no place (W. Baltimore Street).
                if alias.type == .location && namesStreet(first, index + 1) { continue }
                let span = ByteSpan(tokens[first].start, tokens[index].end)
                candidates.append(
                    Candidate(
                        mention: Mention(
                            kind: "entity", span: span, type: alias.type.code, id: id(of: alias.referent),
                            rule: ruleName(.shortForm)),
                        matchLength: span.end - span.start, priority: EntityExtractor.patternPriority))
            }
            return candidates
        }

        /// The first token from `index` on that is "(", found with `memchr` over the text
        /// (most documents have few brackets or none).
        func nextOpeningBracket(from index: Int) -> Int? {
            var token = index
            return context.bytes.withUnsafeBufferPointer { text in
                while token < tokens.count {
                    let from = Int(tokens[token].start)
                    guard let found = memchr(text.baseAddress! + from, Int32(UInt8(ascii: "(")), text.count - from)
                    else { return nil }
                    let offset = UnsafeRawPointer(found) - UnsafeRawPointer(text.baseAddress!)
                    while token < tokens.count && Int(tokens[token].start) < offset { token += 1 }
                    if token < tokens.count && Int(tokens[token].start) == offset { return token }
                }
                return nil
            }
        }

        /// Aliases by the 64-bit hash of their name key, in open addressing: the keys are
        /// hashes already (a Dictionary would hash them again), and a document has a few dozen.
        /// The slots are memory the caller lends, sized for the most aliases it will set (a
        /// table at most half full).
        struct AliasTable {
            typealias Alias = (referent: Referent, type: NameType)
            private let keys: UnsafeMutableBufferPointer<UInt64>
            private let aliases: UnsafeMutableBufferPointer<Alias>
            private var count = 0

            /// Slots for `most` aliases: a power of two, at least twice as many.
            static func capacity(forAtMost most: Int) -> Int {
                var capacity = 16
                while capacity < most * 2 { capacity *= 2 }
                return capacity
            }

            /// Bytes of memory a table of `capacity` slots needs.
            static func bytes(capacity: Int) -> Int {
                capacity * (MemoryLayout<UInt64>.stride + MemoryLayout<Alias>.stride)
            }

            /// A table in `memory` (aligned to 8, `bytes(capacity:)` long). Only the keys are
            /// zeroed: a zero key marks an empty slot, and an alias is written before it is read.
            init(memory: UnsafeMutableRawBufferPointer, capacity: Int) {
                keys = UnsafeMutableBufferPointer(
                    start: memory.baseAddress!.bindMemory(to: UInt64.self, capacity: capacity), count: capacity)
                keys.initialize(repeating: 0)
                let aliasMemory = memory.baseAddress! + capacity * MemoryLayout<UInt64>.stride
                aliases = UnsafeMutableBufferPointer(
                    start: aliasMemory.bindMemory(to: Alias.self, capacity: capacity), count: capacity)
            }

            /// A name hash as stored: never zero, the mark of an empty slot.
            @inline(__always)
            private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

            var isEmpty: Bool { count == 0 }

            /// The slot of `key` (as stored): where it is, or the empty slot where it would go.
            private func slot(_ key: UInt64) -> Int {
                let mask = keys.count - 1
                var slot = Int(truncatingIfNeeded: key) & mask
                while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
                return slot
            }

            subscript(key: UInt64) -> Alias? {
                let key = Self.stored(key)
                let slot = slot(key)
                return keys[slot] == 0 ? nil : aliases[slot]
            }

            mutating func set(_ key: UInt64, _ alias: Alias) {
                let key = Self.stored(key)
                let slot = slot(key)
                // Never full when sized as `linkShortForms` sizes it; were it, a short form would
                // only go unlinked.
                guard keys[slot] != 0 || (count + 1) * 2 <= keys.count else { return }
                if keys[slot] == 0 { count += 1 }
                keys[slot] = key
                (aliases.baseAddress! + slot).initialize(to: alias)
            }
        }

        /// A person's name of two words or more that no table knows takes the entity and the
        /// type of the same words linked elsewhere in the document (the Social Democrats (SPD) …
        /// the Social Democrats said: the party). (A place a cue found keeps its own: phường Bình
        /// Thạnh is no quận Bình Thạnh.)
        func sameNameSameEntity(_ hits: inout [Hit]) {
            // (The gazetteer's own names are found wherever their words stand: only a name a
            // rule linked can be met unlinked elsewhere.)
            func linkedByRule(_ hit: Hit) -> Bool {
                hit.end - hit.first >= 2 && hit.referent.entity >= 0 && hit.rule != .gazetteer
            }
            guard hits.contains(where: linkedByRule) else { return }
            func words(_ hit: Hit) -> UInt64 { EntityExtractor.wordsHash(ids[Int(hit.first)..<Int(hit.end)]) }
            var unknown: [(hash: UInt64, hit: Int)] = []
            for index in hits.indices
            where hits[index].type == .person && hits[index].end - hits[index].first >= 2
                && hits[index].referent.entity < 0
            {
                unknown.append((words(hits[index]), index))
            }
            guard !unknown.isEmpty else { return }
            for known in hits where linkedByRule(known) {
                let hash = words(known)
                for (other, index) in unknown where other == hash {
                    hits[index].referent = known.referent
                    hits[index].type = known.type
                }
            }
        }

        /// A person's name no table knows written as initials and a surname the gazetteer knows
        /// of one person is that person where the first initial is the first letter of the
        /// person's id (A. Vucic, A.Vucic: Aleksandar Vučić; not B. Vucic).
        func initialsOfKnownPersons(_ hits: inout [Hit]) {
            for index in hits.indices where hits[index].type == .person && hits[index].referent.entity < 0 {
                let (first, last) = (Int(hits[index].first), Int(hits[index].end) - 1)
                guard last - first >= 2, tokens[first].kind == .word, tokens[first].end - tokens[first].start == 1,
                    context.isCharacter(first + 1, UInt8(ascii: ".")),
                    let owner = extractor.englishSurnames[ids[last]], owner >= 0,
                    extractor.entities[Int(owner)].id.utf8.first == context.bytes[Int(tokens[first].start)],
                    // (Only initials and their dots before the surname.)
                    (first + 1..<last).allSatisfy({
                        context.isCharacter($0, UInt8(ascii: "."))
                            || (tokens[$0].kind == .word && tokens[$0].end - tokens[$0].start == 1)
                    })
                else { continue }
                hits[index].referent = .known(Int(owner))
            }
        }

        /// The hash of a token's case-insensitive key, which links a short form to a full name
        /// (an ASCII word's key is its bytes lowercased). In Vietnamese the key keeps the tones
        /// (`MatchKey.matchHash`: Thành is not Thanh); elsewhere it drops accents
        /// (`MatchKey.nameHash`: Vucic is Vučić).
        func nameHash(_ index: Int) -> UInt64 {
            context.bytes.withUnsafeBufferPointer { bytes in
                let (start, end) = (Int(tokens[index].start), Int(tokens[index].end))
                if tokens[index].ascii && tokens[index].kind == .word && end + 8 <= bytes.count {
                    return Vocabulary.hash(bytes.baseAddress! + start, length: end - start, lowercase: true)
                }
                return tables.namesKeepTones
                    ? MatchKey.matchHash(utf8: bytes, from: start, to: end)
                    : MatchKey.nameHash(utf8: bytes, from: start, to: end)
            }
        }

        /// Gives the acronyms a long form here redefined (`redefined`, name hashes) its id
        /// wherever they stand alone, but in brackets after their own long form (Agence
        /// France-Presse (AFP)).
        @inline(never)
        func reidentify(_ hits: inout [Hit], _ redefined: [UInt64], _ aliases: AliasTable) {
            for index in hits.indices where hits[index].end - hits[index].first == 1 {
                let key = nameHash(Int(hits[index].first))
                let definedHere =
                    index > 0 && hits[index - 1].end + 1 == hits[index].first
                    && hits[index - 1].referent.entity == hits[index].referent.entity
                if redefined.contains(key), !definedHere, let alias = aliases[key] {
                    hits[index].referent = alias.referent
                    hits[index].type = alias.type
                }
            }
        }

        /// Whether `acronym`, in brackets right after `long`, is a known organization's acronym
        /// that spells the initials of `long`, another known organization (AFP after the Armed
        /// Forces of the Philippines).
        @inline(never)
        func redefinesAcronym(_ long: Hit, _ acronym: Hit) -> Bool {
            let first = Int(acronym.first)
            return acronym.end == acronym.first + 1 && long.type == .organization && acronym.type == .organization
                && long.referent.entity >= 0 && acronym.referent.entity >= 0
                && long.referent.entity != acronym.referent.entity && context.isCharacter(first + 1, UInt8(ascii: ")"))
                && isAcronym(first) && spellsInitials(first, of: long)
        }

        /// Whether the letters of token `index` are the initials of the capitalized words of
        /// `hit`, in order (UAE: United Arab Emirates; DRC: Democratic Republic of the Congo).
        func spellsInitials(_ index: Int, of hit: Hit) -> Bool {
            let bytes = context.bytes
            var letter = Int(tokens[index].start)
            let letterEnd = Int(tokens[index].end)
            for word in Int(hit.first)..<Int(hit.end) where tokens[word].kind == .word && tokens[word].capitalized {
                guard letter < letterEnd, bytes[letter] == bytes[Int(tokens[word].start)] else { return false }
                letter += 1
            }
            return letter == letterEnd
        }

        /// Whether a capitalized word stands before an acronym of two letters or more, as a
        /// body's word does (Đoàn ĐBQH: the delegation, no Mr. Đoàn), a family name never.
        @inline(never)
        func beforeAcronym(_ index: Int) -> Bool {
            guard index + 1 < tokens.count, !tokens[index].allCaps, tokens[index + 1].allCaps,
                tokens[index + 1].kind == .word, !tokens[index + 1].glued
            else { return false }
            var letters = 0
            for offset in Int(tokens[index + 1].start)..<Int(tokens[index + 1].end)
            where context.bytes[offset] & 0xC0 != 0x80 {
                letters += 1
            }
            return letters >= 2
        }

        /// ALL-CAPS words of two or more letters, or mixed like PfP (capital first and last).
        func isAcronym(_ index: Int) -> Bool {
            let token = tokens[index]
            guard token.kind == .word, token.capitalized, token.end - token.start >= 2 else { return false }
            if token.allCaps { return true }
            guard token.end - token.start <= 6 else { return false }
            var capitals = 0
            for offset in Int(token.start)..<Int(token.end)
            where context.bytes[offset] >= 0x41 && context.bytes[offset] <= 0x5A {
                capitals += 1
            }
            return capitals >= 2
        }
    }
}

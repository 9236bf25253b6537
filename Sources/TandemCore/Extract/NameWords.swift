import Foundation

/// One language's small word classes that the entity finder reads between and after
/// capitalized words (`rules/<lang>/name_words.tsv`: `class<TAB>word` lines). Each class is a
/// short sorted list of vocabulary ids behind a one-word filter (`WordIDs`).
struct NameWords: Sendable {
    /// The classes a file may use, as written there.
    enum WordClass: String, CaseIterable, Sendable {
        case particle
        case connector
        case headConnector = "head-connector"
        case listJoiner = "list-joiner"
        case possessive
        case corporateSuffix = "corporate-suffix"
        case article
        case generationSuffix = "generation-suffix"
        case calledFamilyName = "called-family-name"
        case titlePlace = "title-place"
        case speechVerb = "speech-verb"
        case orgPlace = "org-place"
        case honorific
        case ageWord = "age-word"
        case thingWord = "thing-word"
        case direction
        case titleModifier = "title-modifier"
        case appositiveNoun = "appositive-noun"
        case titleLink = "title-link"
        case partyInitial = "party-initial"
        case compassWord = "compass-word"
        case streetWord = "street-word"
        case demonym
        case plural
        case organ
        case placePreposition = "place-preposition"
        case holdingWord = "holding-word"
        case addressWord = "address-word"
        case firmCue = "firm-cue"
        case communeCue = "commune-cue"
        case featureCue = "feature-cue"
        case stormWord = "storm-word"
        case companyWord = "company-word"
        case bylineWord = "byline-word"
        case courtesyTitle = "courtesy-title"
        case compoundPrefix = "compound-prefix"
        case groupNoun = "group-noun"
        case affiliationWord = "affiliation-word"
        case documentWord = "document-word"
        case domainWord = "domain-word"
        case postingWord = "posting-word"
        case platformPreposition = "platform-preposition"
        case platformWord = "platform-word"
    }

    /// Lowercase particles inside a person's name (von, bin, da).
    let particles: WordIDs
    /// Words joining the parts of an organization name (of, for, and, the).
    let connectors: WordIDs
    /// Words joining an organization head to its name (Ministry of Defence).
    let headConnectors: WordIDs
    /// Words joining two parts of one name or the items of a list (and, và).
    let listJoiners: WordIDs
    /// Words whose `'s` stays inside an organization name (People's Committee).
    let possessives: WordIDs
    /// Legal forms after a company's name (Inc, Ltd): a known company keeps its id.
    let corporateSuffixes: WordIDs
    /// Articles before an appositive title (`John Smith, a spokesman for`).
    let articles: WordIDs
    /// Capitalized words that end a person's name, with their dot (Robert F. Kennedy Jr.).
    let generationSuffixes: WordIDs
    /// Family names written first that a person is called by, alone (Xi, Yoon, Tập): a full
    /// name starting with one teaches it as a short form, besides its last word. (A longer
    /// list, scanned only at a person's first word.)
    let calledFamilyNames: WordIDs
    /// Prepositions between a title and the place it serves, before the name (Đại sứ Mỹ tại
    /// Việt Nam Marc Knapper; Ambassador to Vietnam Marc Knapper).
    let titlePlaces: WordIDs
    /// Verbs of saying next to which two or three capitalized words are a person (said
    /// Oleksandr Syrskyi; Maria Kolesnikova told reporters).
    let speechVerbs: WordIDs
    /// Words joining an organization's name to the place it sits in (Đại sứ quán Việt Nam tại
    /// Mỹ, Tòa án nhân dân cấp cao tại Hà Nội).
    let orgPlaces: WordIDs
    /// Honorifics (ông, bà, chị): a title for a person of any office, so the capitalized word
    /// after one is a name even where the gazetteer knows it as a place (ông Đức, bà Nga).
    let honorifics: WordIDs
    /// Words after a person's age (Messi (37 tuổi)): with one, an age after a name names a person.
    let ageWords: WordIDs
    /// Capitalized words that end the name of a place, an event or a thing, never a person's
    /// (Street, Stadium, Week): a given name before them starts no person (Victor Hugo Street).
    let thingWords: WordIDs
    /// Compass adjectives (Northern, Southern): alone before a place's suffix they name no
    /// place (the Northern province of Phu Tho), as the first word of a name they do
    /// (Southern Leyte province).
    let directions: WordIDs
    /// Words that may stand before an appositive title, after its article (John Smith, the
    /// former mayor of; Tian Fengshan, former minister of).
    let titleModifiers: WordIDs
    /// Nouns of a person's role that end an apposition after its article though no title
    /// table knows them (Lotfi Zitoun, an Ennahda party official, said).
    let appositiveNouns: WordIDs
    /// Words between a title and the body it serves, which is still the title's (người phát
    /// ngôn của Bộ Thương mại Trung Quốc Gao Feng).
    let titleLinks: WordIDs
    /// A party's initial before a hyphen and a state after a name (Warren, D-Mass.; Cornyn
    /// (R-Texas)): the name is a lawmaker's.
    let partyInitials: WordIDs
    /// Compass words that name a region before a known place's name, which stays that place
    /// (miền Bắc Kosovo): no syllable of a longer name there.
    let compassWords: WordIDs
    /// Words before a street's name (đường, phố): the name after one is the street's, not a
    /// person's, though streets are named after people (đường Nguyễn Huệ).
    let streetWords: WordIDs
    /// Adjectives of a people or a country (Syrian, Chinese): alone before a place's suffix
    /// they name no place (the Syrian province of Raqa), as a compass word does not.
    let demonyms: WordIDs
    /// Plural markers (các, những): capitalized inside a run they start no name and end an
    /// organization's (Nhóm Các nước công nghiệp phát triển).
    let plurals: WordIDs
    /// Organs of an organization (Board): one before `of` and another organization's name is
    /// that organization's (the Board of Van Thinh Phat Group is the group's).
    let organs: WordIDs
    /// Prepositions of place (in, near): one capitalized word after one that no table knows,
    /// closed by punctuation, is a place (In Izium, …).
    let placePrepositions: WordIDs
    /// Words of owning before `in` (shares in, a stake in): the word after is a company's.
    let holdingWords: WordIDs
    /// Words before a house number (at, số): a name right after the number is a street's (at
    /// 127 Nguyen Van Cu), though streets are named after people.
    let addressWords: WordIDs
    /// Words after which two capitalized words ending in a surname are a firm's name (an
    /// analyst with Canaccord Adams, at Cantor Fitzgerald), not a person's.
    let firmCues: WordIDs
    /// Cues of a commune or a village (xã, phường, thôn): a known province or district after
    /// one is a commune of the same name (xã Hòa Bình), no link to it.
    let communeCues: WordIDs
    /// Cues of a natural feature (sông, núi, đèo): capitalized inside a sentence, the cue is
    /// the name's first word (Sông Mã, Núi Bà Đen), as a place's cue is not (tỉnh Quảng Nam).
    let featureCues: WordIDs
    /// Words that start a storm's name, capitalized (Hurricane, Typhoon): a place or a person
    /// the gazetteer knows by the next word is neither there (Hurricane Florence).
    let stormWords: WordIDs
    /// Words between a known company's name and its legal form that keep it that company
    /// (Goldman Sachs Group Inc, VinFast Auto Ltd).
    let companyWords: WordIDs
    /// A line's first word before its authors' names (By Jane Doe and John Roe).
    let bylineWords: WordIDs
    /// Titles anyone may bear (Mr., Ms., Dr.): a surname alone after one is no known person's.
    let courtesyTitles: WordIDs
    /// Combining forms glued by a hyphen before a place's name that make an adjective of
    /// both (Euro-Atlantic, Sino-Russian): the place is none there.
    let compoundPrefixes: WordIDs
    /// Family names that are also nouns of a group (Vietnamese Đoàn, a delegation): before
    /// a place the gazetteer knows, that place's group, no person (Đoàn Mỹ, Đoàn Việt Nam).
    let groupNouns: WordIDs
    /// Words after a person's name that bring in the party or body the person belongs to
    /// (Siemtje Möller from the SPD): one closes a name in apposition after a title.
    let affiliationWords: WordIDs
    /// Words that end the name of an agreement or a process (Agreement, Accords, Format):
    /// a place the gazetteer knows before one is none there (the Brussels Agreement).
    let documentWords: WordIDs
    /// A title's domain that also ends organizations' names (Energy): after only a people's
    /// or a place's word and before a title, it is the title's (US Energy Secretary).
    let domainWords: WordIDs
    /// Words of posting (wrote, post, viết, đăng) and the prepositions after them (on, trên):
    /// a one-letter name the gazetteer knows after both is a platform's (wrote on X).
    let postingWords: WordIDs
    let platformPrepositions: WordIDs
    /// Words right after a platform's name, or after its comma or bracket (account, post,
    /// formerly): a one-letter name before one is the platform (his X account; X, formerly
    /// Twitter).
    let platformWords: WordIDs

    /// Loads `url`; a missing file gives empty classes.
    static func load(_ url: URL, vocabulary: Vocabulary) throws(ConfigError) -> NameWords {
        guard FileManager.default.fileExists(atPath: url.path) else { return NameWords(classes: [:]) }
        return try parse(try RuleText.read(url), file: url.path, vocabulary: vocabulary)
    }

    /// Parses the text of a `name_words.tsv`; `file` names it in errors.
    static func parse(_ text: String, file: String, vocabulary: Vocabulary) throws(ConfigError) -> NameWords {
        var classes: [WordClass: Set<Int32>] = [:]
        for (number, raw) in RuleText.lines(text) {
            let line = raw.trimmingSpaces
            let fields = line.split(byte: UInt8(ascii: "\t"), omittingEmpty: true)
            guard fields.count == 2 else {
                throw ConfigError(file: file, line: number, "expected class<TAB>word")
            }
            guard let wordClass = WordClass(rawValue: String(fields[0])) else {
                throw ConfigError(
                    file: file, line: number,
                    "unknown class \(fields[0]) (known: \(WordClass.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let word = fields[1].trimmingSpaces
            guard !word.contains(" ") else {
                throw ConfigError(file: file, line: number, "\(word): one word per line")
            }
            classes[wordClass, default: []].insert(vocabulary.intern(word))
        }
        return NameWords(classes: classes)
    }

    private init(classes: [WordClass: Set<Int32>]) {
        func ids(_ wordClass: WordClass) -> WordIDs { WordIDs((classes[wordClass] ?? []).sorted()) }
        particles = ids(.particle)
        connectors = ids(.connector)
        headConnectors = ids(.headConnector)
        listJoiners = ids(.listJoiner)
        possessives = ids(.possessive)
        corporateSuffixes = ids(.corporateSuffix)
        articles = ids(.article)
        generationSuffixes = ids(.generationSuffix)
        calledFamilyNames = ids(.calledFamilyName)
        titlePlaces = ids(.titlePlace)
        speechVerbs = ids(.speechVerb)
        orgPlaces = ids(.orgPlace)
        honorifics = ids(.honorific)
        ageWords = ids(.ageWord)
        thingWords = ids(.thingWord)
        directions = ids(.direction)
        titleModifiers = ids(.titleModifier)
        appositiveNouns = ids(.appositiveNoun)
        titleLinks = ids(.titleLink)
        partyInitials = ids(.partyInitial)
        compassWords = ids(.compassWord)
        streetWords = ids(.streetWord)
        demonyms = ids(.demonym)
        plurals = ids(.plural)
        organs = ids(.organ)
        placePrepositions = ids(.placePreposition)
        holdingWords = ids(.holdingWord)
        addressWords = ids(.addressWord)
        firmCues = ids(.firmCue)
        communeCues = ids(.communeCue)
        featureCues = ids(.featureCue)
        stormWords = ids(.stormWord)
        companyWords = ids(.companyWord)
        bylineWords = ids(.bylineWord)
        courtesyTitles = ids(.courtesyTitle)
        compoundPrefixes = ids(.compoundPrefix)
        groupNouns = ids(.groupNoun)
        affiliationWords = ids(.affiliationWord)
        documentWords = ids(.documentWord)
        domainWords = ids(.domainWord)
        postingWords = ids(.postingWord)
        platformPrepositions = ids(.platformPreposition)
        platformWords = ids(.platformWord)
    }
}

/// A short sorted list of vocabulary ids with a 64-bit filter of their low bits: most words
/// asked about are none of them and are turned away by one mask test, before any scan
/// (scanning a dozen ids beats hashing one).
struct WordIDs: Sendable {
    /// The ids, sorted.
    let ids: [Int32]
    private let mask: UInt64

    init(_ ids: [Int32]) {
        self.ids = ids
        mask = ids.reduce(0) { $0 | (1 << UInt64($1 & 63)) }
    }

    var isEmpty: Bool { ids.isEmpty }

    @inline(__always)
    func contains(_ id: Int32) -> Bool {
        mask & (1 << UInt64(id & 63)) != 0 && ids.contains(id)
    }
}

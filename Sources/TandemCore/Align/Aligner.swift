import Foundation

/// Aligns Vietnamese and English documents by the facts they share.
///
/// Every sentence gets anchors: the entity ids, number values (to three significant digits,
/// so `96,21 triệu` meets `96.2 million`), date values and bilingual-vocabulary concepts it
/// mentions. An anchor weighs its inverse sentence frequency over the collection, so two
/// sentences sharing only a common anchor (`Kosovo`, `2024`) score low. A pair scores the
/// weight its shared anchors carry, in units of one rare anchor (one found in just the two
/// sentences), with concepts counting less than facts; a pair needs a shared fact. In each
/// document of the other language a sentence keeps only its best counterpart: a fact is
/// stated once per article (an English sentence may keep a run of neighbouring Vietnamese
/// ones, as one long sentence may state what two short ones do). Candidates come from an
/// index of rare anchors only, so the work grows with the pairs that share one, not with the
/// square of the collection.
public struct Aligner {
    /// A sentence with its anchors.
    struct Sentence {
        var document: Int
        var start: Int
        var end: Int
        var keys: [Int]
    }

    /// A cross-language sentence pair.
    public struct Pair: Sendable {
        public var a: (document: Int, start: Int, end: Int)
        public var b: (document: Int, start: Int, end: Int)
        public var keys: [String]
        public var score: Double
    }

    public let documents: [AlignDocument]
    let lexicon: BilingualLexicon
    /// Minimum pair score (pipeline.json `align.pair_threshold`).
    public var pairThreshold: Double
    /// Minimum document-pair score (`align.document_threshold`).
    public var documentThreshold: Double
    /// An anchor in more than this share of sentences (or more than `commonLimit` of them)
    /// generates no candidates by itself.
    public var commonShare = 0.05
    public var commonLimit = 100
    /// Pairs kept per sentence (and document pairs per document), best first.
    public var bestPerItem = 3
    /// How much a shared concept counts against a shared fact (entity, number, date).
    public var conceptFactor = 0.7

    private var keyNames: [String] = []
    private var keyIDs: [String: Int] = [:]
    private var sentences: [Sentence] = []
    private var weights: [Double] = []
    /// Sentences each anchor occurs in.
    private var frequency: [Int] = []
    /// Whether an anchor is a vocabulary concept rather than a fact (entity, number, date).
    private var isConcept: [Bool] = []
    /// The squared weight of an anchor shared by just two sentences: pair scores are in
    /// these units, so the threshold does not depend on the collection's size.
    private var rareAnchorMass = 1.0

    public init(documents: [AlignDocument], lexicon: BilingualLexicon, pairThreshold: Double, documentThreshold: Double)
    {
        self.documents = documents
        self.lexicon = lexicon
        self.pairThreshold = pairThreshold
        self.documentThreshold = documentThreshold
        index()
    }

    private mutating func key(_ name: String) -> Int {
        if let id = keyIDs[name] { return id }
        keyIDs[name] = keyNames.count
        keyNames.append(name)
        return keyNames.count - 1
    }

    /// The anchor of a mention, if it has one.
    static func anchor(_ mention: AlignDocument.Mention) -> String? {
        switch mention.kind {
        case "entity":
            // Without diacritics: a Vietnamese name's slug (Phan_Văn_Mãi) meets the same name
            // written without them in English (Phan_Van_Mai).
            return mention.id.map { "entity:\(MatchKey.withoutDiacritics($0))" }
        case "number":
            guard let number = mention.value.flatMap({ $0.doubleValue }) else { return nil }
            return "number:\(roundedValue(number))"
        case "date":
            guard case .string(let value)? = mention.value, !value.hasUnknown, !value.hasSuffix("_REF") else {
                return nil
            }
            return "date:\(value)"
        default:
            return nil
        }
    }

    /// A number to three significant digits, written without a decimal point when whole.
    static func roundedValue(_ value: Double) -> String {
        guard value != 0 else { return "0" }
        let magnitude = pow(10, floor(log10(abs(value))) - 2)
        let rounded = (value / magnitude).rounded() * magnitude
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
    }

    private mutating func index() {
        var frequency: [Int: Int] = [:]
        for (documentIndex, document) in documents.enumerated()
        where document.language == "vi" || document.language == "en" {
            var text = document.text
            for (start, end) in document.sentences {
                var keys = Set<Int>()
                for mention in document.mentions where mention.start >= start && mention.end <= end {
                    if let anchor = Self.anchor(mention) { keys.insert(key(anchor)) }
                }
                if let sentence = text?.slice(start, end) {
                    for concept in lexicon.concepts(in: sentence, language: document.language) {
                        keys.insert(key("concept:\(concept)"))
                    }
                }
                for key in keys { frequency[key, default: 0] += 1 }
                sentences.append(Sentence(document: documentIndex, start: start, end: end, keys: keys.sorted()))
            }
        }
        let total = Double(max(sentences.count, 1))
        self.frequency = (0..<keyNames.count).map { frequency[$0] ?? 0 }
        isConcept = keyNames.map { $0.hasPrefix("concept:") }
        weights = self.frequency.indices.map {
            log(1 + total / Double(max(self.frequency[$0], 1))) * (isConcept[$0] ? conceptFactor : 1)
        }
        rareAnchorMass = pow(log(1 + total / 2), 2)
    }

    /// Sentence pairs across languages whose shared anchors weigh enough.
    public func sentencePairs() -> [Pair] {
        let total = sentences.count
        var postings: [Int: [Int]] = [:]
        for (index, sentence) in sentences.enumerated() {
            for key in sentence.keys { postings[key, default: []].append(index) }
        }
        let commonLimit = min(self.commonLimit, max(3, Int(Double(total) * commonShare)))
        // A common fact with a concept ("Serbia" + "recognize") is rare together: index those
        // conjunctions as candidate keys too.
        let keyCount = keyNames.count
        func conjunctions(_ sentence: Sentence) -> [Int] {
            let facts = sentence.keys.filter { !isConcept[$0] }
            let concepts = sentence.keys.filter { isConcept[$0] }
            return facts.flatMap { fact in concepts.map { fact * keyCount + $0 } }
        }
        var conjunctionPostings: [Int: [Int]] = [:]
        for (index, sentence) in sentences.enumerated() {
            for key in conjunctions(sentence) { conjunctionPostings[key, default: []].append(index) }
        }
        var pairs: [Pair] = []
        // The Vietnamese sentence of each pair (its index in `sentences`).
        var pairSentences: [Int] = []
        for (index, sentence) in sentences.enumerated() where documents[sentence.document].language == "vi" {
            var candidates = Set<Int>()
            for key in sentence.keys where frequency[key] <= commonLimit && !isConcept[key] {
                for other in postings[key] ?? [] where documents[sentences[other].document].language == "en" {
                    candidates.insert(other)
                }
            }
            for key in conjunctions(sentence) {
                guard let others = conjunctionPostings[key], others.count <= commonLimit else { continue }
                for other in others where other != index && documents[sentences[other].document].language == "en" {
                    candidates.insert(other)
                }
            }
            // The best counterpart in each document of the other language.
            var bestByDocument: [Int: Pair] = [:]
            for other in candidates.sorted() {
                let (score, shared) = similarity(sentence, sentences[other])
                let otherSentence = sentences[other]
                guard score >= pairThreshold,
                    (bestByDocument[otherSentence.document]?.score ?? -1) < score
                else { continue }
                bestByDocument[otherSentence.document] = Pair(
                    a: (sentence.document, sentence.start, sentence.end),
                    b: (otherSentence.document, otherSentence.start, otherSentence.end),
                    keys: shared.map { keyNames[$0] }.sorted(), score: score)
            }
            let best = bestByDocument.values.sorted { ($0.score, -$0.b.document) > ($1.score, -$1.b.document) }
            pairs += best
            pairSentences += Array(repeating: index, count: best.count)
        }
        return keepingRuns(pairs, pairSentences)
    }

    /// The pairs an English sentence makes with one Vietnamese document, kept where they are
    /// its best and the Vietnamese sentences next to that one in a row: a long sentence may
    /// state what two neighbours of the other language state, but one fact is stated once
    /// per article, so a match further off is another fact's.
    private func keepingRuns(_ pairs: [Pair], _ pairSentences: [Int]) -> [Pair] {
        var groups: [EnglishSide: [Int]] = [:]
        for (index, pair) in pairs.enumerated() {
            groups[EnglishSide(start: pair.b.start, document: pair.b.document, other: pair.a.document), default: []]
                .append(index)
        }
        var dropped = Set<Int>()
        for members in groups.values where members.count > 1 {
            // The best, the earlier of equals (members are in text order).
            var best = members[0]
            for member in members where pairs[member].score > pairs[best].score { best = member }
            let matched = Set(members.map { pairSentences[$0] })
            var (low, high) = (pairSentences[best], pairSentences[best])
            while matched.contains(low - 1) { low -= 1 }
            while matched.contains(high + 1) { high += 1 }
            for member in members where !(low...high).contains(pairSentences[member]) { dropped.insert(member) }
        }
        return pairs.indices.filter { !dropped.contains($0) }.map { pairs[$0] }
    }

    /// An English sentence (its start and document) seen from one Vietnamese document.
    private struct EnglishSide: Hashable {
        var start: Int
        var document: Int
        var other: Int
    }

    /// The weight two sentences' shared anchors carry, in units of one rare anchor, with at
    /// least one shared fact (entity, number or date) required. Not normalized by length: a
    /// long sentence that states the fact among others still states it.
    func similarity(_ a: Sentence, _ b: Sentence) -> (Double, [Int]) {
        let shared = Set(a.keys).intersection(b.keys)
        guard shared.contains(where: { !isConcept[$0] }) else { return (0, []) }
        let mass = shared.reduce(0) { $0 + weights[$1] * weights[$1] }
        return (mass / rareAnchorMass, Array(shared))
    }

    /// Document pairs (vi, en) with the anchors they share and a cosine score. Candidates
    /// share a rare anchor (as for sentences), so the work does not grow with the square of
    /// the collection.
    public func documentPairs() -> [(a: Int, b: Int, score: Double, keys: [String])] {
        var documentKeys: [Int: Set<Int>] = [:]
        for sentence in sentences {
            documentKeys[sentence.document, default: []].formUnion(sentence.keys.filter { !isConcept[$0] })
        }
        var postings: [Int: [Int]] = [:]
        for (document, keys) in documentKeys where documents[document].language == "en" {
            for key in keys { postings[key, default: []].append(document) }
        }
        let limit = min(commonLimit, max(3, Int(Double(documents.count) * commonShare)))
        func norm(_ keys: Set<Int>) -> Double { sqrt(keys.reduce(0) { $0 + weights[$1] * weights[$1] }) }
        var result: [(Int, Int, Double, [String])] = []
        for (a, keysA) in documentKeys.sorted(by: { $0.key < $1.key }) where documents[a].language == "vi" {
            var candidates = Set<Int>()
            for key in keysA where (postings[key]?.count ?? 0) <= limit { candidates.formUnion(postings[key] ?? []) }
            var best: [(Int, Int, Double, [String])] = []
            for b in candidates.sorted() {
                let keysB = documentKeys[b] ?? []
                let shared = keysA.intersection(keysB)
                let score = shared.reduce(0) { $0 + weights[$1] * weights[$1] } / max(norm(keysA) * norm(keysB), 1e-9)
                if score >= documentThreshold { best.append((a, b, score, shared.map { keyNames[$0] }.sorted())) }
            }
            result += best.sorted { $0.2 > $1.2 }.prefix(bestPerItem)
        }
        return result
    }

    /// One fact per anchor found in both languages, with its mentions in each.
    public func facts() -> [(key: String, mentions: [(document: Int, mention: AlignDocument.Mention)])] {
        var byKey: [String: [(Int, AlignDocument.Mention)]] = [:]
        for (index, document) in documents.enumerated() {
            for mention in document.mentions {
                if let anchor = Self.anchor(mention) { byKey[anchor, default: []].append((index, mention)) }
            }
        }
        return byKey.filter { _, mentions in
            Set(mentions.map { documents[$0.0].language }).isSuperset(of: ["vi", "en"])
        }
        .sorted { $0.key < $1.key }
        .map { ($0.key, $0.value) }
    }
}

/// A bilingual vocabulary of news concepts (`rules/shared/bilingual.tsv`): concept, English
/// forms, Vietnamese forms. Vietnamese forms are syllable sequences, matched as phrases.
public struct BilingualLexicon: Sendable {
    private var english: [String: String] = [:]
    private var vietnamese: [String: String] = [:]
    private var longestVietnamese = 1

    public init() {}

    public static func load(_ url: URL) throws(ConfigError) -> BilingualLexicon {
        var lexicon = BilingualLexicon()
        for (number, line) in try RuleText.lines(of: url) {
            let fields = line.split(byte: UInt8(ascii: "\t")).map(String.init)
            guard fields.count == 3 else {
                throw ConfigError(
                    file: url.path, line: number, "expected concept<TAB>English forms<TAB>Vietnamese forms")
            }
            for form in fields[1].split(separator: "|") { lexicon.english[MatchKey.match(String(form))] = fields[0] }
            for form in fields[2].split(separator: "|") {
                let key = String(form).split(separator: " ").map { MatchKey.match(String($0)) }.joined(separator: " ")
                lexicon.vietnamese[key] = fields[0]
                lexicon.longestVietnamese = max(lexicon.longestVietnamese, key.split(separator: " ").count)
            }
        }
        return lexicon
    }

    /// The concepts a sentence mentions.
    func concepts(in sentence: String, language: String) -> Set<String> {
        let words = sentence.split { !$0.isLetter && $0 != "-" }.map { MatchKey.match(String($0)) }
        var found = Set<String>()
        if language == "en" {
            for (index, word) in words.enumerated() {
                if let concept = english[word] { found.insert(concept) }
                if index + 1 < words.count, let concept = english["\(word) \(words[index + 1])"] {
                    found.insert(concept)
                }
            }
        } else {
            for index in words.indices {
                for length in stride(from: min(longestVietnamese, words.count - index), through: 1, by: -1) {
                    if let concept = vietnamese[words[index..<index + length].joined(separator: " ")] {
                        found.insert(concept)
                        break
                    }
                }
            }
        }
        return found
    }
}

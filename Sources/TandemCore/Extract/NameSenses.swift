import Foundation

/// Names with two senses that the document around them tells apart
/// (`rules/shared/senses.tsv`): `Foreign Office` is the UK's, but Germany's in a story about
/// Germany; `Georgia` is the country, but the US state in a story about American politics.
/// A sense's cues are gazetteer entities; the other sense is taken where the document names
/// more of its cues than of the name's own.
struct NameSenses: Sendable {
    /// One ambiguous name: its gazetteer entity, the other sense's, and the cues of each.
    struct Sense: Sendable {
        var name: Int
        var other: Int
        var otherCues: [Int]
        var nameCues: [Int]
        /// Whether one of the name's own cues keeps it (`alone`): for a name a story about
        /// its own country may also use next to another's (Quốc hội in a Hanoi–Belgrade visit).
        var keptByOneCue: Bool
    }

    let senses: [Sense]
    /// By entity, whether some sense reads it (so a document without one costs one pass).
    private let isAmbiguous: [Bool]
    /// By entity, its place among the entities the senses name or cue (-1 for none): a
    /// document's hits are counted once into that many slots.
    private let slot: [Int32]
    private let slotCount: Int

    /// Reads `url` (optional): `NAME_ID<TAB>OTHER_ID<TAB>OTHER_CUES<TAB>NAME_CUES`, the cues
    /// gazetteer ids separated by `|` (the last field may be empty), then optionally `alone`:
    /// the other sense only where the story names none of the name's cues. Unknown ids are
    /// config errors.
    static func load(_ url: URL, entities: [EntityExtractor.Entity]) throws(ConfigError) -> NameSenses {
        let table = GazetteerIDTable(url, entities: entities)
        var senses: [Sense] = []
        for (line, fields) in try table.lines() {
            guard (3...5).contains(fields.count), fields.count < 5 || fields[4] == "alone" else {
                throw ConfigError(
                    file: url.path, line: line,
                    "expected NAME_ID<TAB>OTHER_ID<TAB>OTHER_CUES<TAB>NAME_CUES, then optionally 'alone'")
            }
            func cues(_ field: String) throws(ConfigError) -> [Int] {
                var result: [Int] = []
                for id in field.split(separator: "|") where !id.trimmingSpaces.isEmpty {
                    result.append(try table.entity(String(id), line: line))
                }
                return result
            }
            senses.append(
                Sense(
                    name: try table.entity(fields[0], line: line), other: try table.entity(fields[1], line: line),
                    otherCues: try cues(fields[2]), nameCues: fields.count >= 4 ? try cues(fields[3]) : [],
                    keptByOneCue: fields.count == 5))
        }
        return NameSenses(senses: senses, entityCount: entities.count)
    }

    private init(senses: [Sense], entityCount: Int) {
        self.senses = senses
        var isAmbiguous = [Bool](repeating: false, count: entityCount)
        for sense in senses { isAmbiguous[sense.name] = true }
        self.isAmbiguous = isAmbiguous
        var slot = [Int32](repeating: -1, count: entityCount)
        var slotCount = 0
        for sense in senses {
            for entity in [sense.name, sense.other] + sense.otherCues + sense.nameCues where slot[entity] < 0 {
                slot[entity] = Int32(slotCount)
                slotCount += 1
            }
        }
        self.slot = slot
        self.slotCount = slotCount
    }

    /// Moves each ambiguous name among `hits` to its other sense where the document's hits
    /// name more of that sense's cues than of the name's, but for a mention that `namesItself`
    /// (Quân ủy Trung ương Trung Quốc, which names its country).
    func resolve(
        _ hits: inout [EntityExtractor.Hit], entities: [EntityExtractor.Entity],
        namesItself: (EntityExtractor.Hit) -> Bool
    ) {
        guard
            !senses.isEmpty,
            hits.contains(where: { $0.referent.entity >= 0 && isAmbiguous[Int($0.referent.entity)] })
        else { return }
        // Each entity's hits, counted once (a name's count drops as its hits move).
        var counts = [Int](repeating: 0, count: slotCount)
        for hit in hits where hit.referent.entity >= 0 {
            let place = slot[Int(hit.referent.entity)]
            if place >= 0 { counts[Int(place)] += 1 }
        }
        func count(_ entity: Int) -> Int { counts[Int(slot[entity])] }
        for sense in senses where count(sense.name) > 0 {
            let other = sense.otherCues.reduce(0) { $0 + count($1) }
            let own = sense.nameCues.reduce(0) { $0 + count($1) }
            guard other > own, own == 0 || !sense.keptByOneCue else { continue }
            for index in hits.indices
            where hits[index].referent.entity == Int32(sense.name) && !namesItself(hits[index]) {
                hits[index].referent = .known(sense.other)
                hits[index].type = entities[sense.other].type
                counts[Int(slot[sense.name])] -= 1
                counts[Int(slot[sense.other])] += 1
            }
        }
    }
}

import CTandemShim
import Foundation
import Testing

@testable import TandemCore

@Suite("Cross-language alignment")
struct AlignTests {
    /// Documents through the whole pipeline, as alignment reads them.
    func documents(_ items: [(String, String, String)]) -> [AlignDocument] {
        let sink = Support.run(items.map { Support.document($0.1, doc: $0.0, lang: $0.2) })
        return sink.documents.map(AlignDocument.init(analyzed:))
    }

    @Test func galeChurchFindsOneToOneAndTwoToOne() {
        let links = ParallelAligner().align(sourceLengths: [40, 42, 20, 22, 60], targetLengths: [41, 44, 45, 58])
        #expect(
            links.map { ($0.source.count, $0.target.count) }.elementsEqual([(1, 1), (1, 1), (2, 1), (1, 1)], by: ==))
    }

    @Test func galeChurchSkipsAnUnmatchedSentence() {
        let links = ParallelAligner().align(sourceLengths: [50, 60, 50], targetLengths: [50, 50])
        #expect(links.contains { $0.source.count == 1 && $0.target.isEmpty })
    }

    @Test func theParallelSampleAligns() throws {
        let folder = TandemHome.locate()!.appendingPathComponent("samples/parallel")
        let vi = try String(contentsOf: folder.appendingPathComponent("kfor_reinforcement.vi.txt"), encoding: .utf8)
        let en = try String(contentsOf: folder.appendingPathComponent("kfor_reinforcement.en.txt"), encoding: .utf8)
        let docs = documents([("kfor.vi.txt", vi, "vi"), ("kfor.en.txt", en, "en")])
        #expect(ParallelPairs.find(docs).count == 1)
        let pairs = ParallelPairs.align(docs, vi: 0, en: 1)
        #expect(pairs.count == 6)
        var viText = docs[0].text!
        var enText = docs[1].text!
        // The fifth Vietnamese line is two sentences; they pair with one English sentence.
        #expect(viText.slice(pairs[4].a.start, pairs[4].a.end).hasSuffix("Đức muốn khu vực ổn định."))
        #expect(enText.slice(pairs[5].b.start, pairs[5].b.end) == "Kosovo declared independence from Serbia in 2008.")
        #expect(pairs[5].keys.contains("date:2008"))
    }

    @Test func tmxIsWellFormedWithEveryRequiredAttribute() throws {
        let docs = documents([
            ("a.vi.txt", "Giá <thấp> & \"rẻ\" ở Hà Nội năm 2008.", "vi"),
            ("a.en.txt", "Prices <low> & \"cheap\" in Hanoi in 2008.", "en"),
        ])
        let pairs = ParallelPairs.align(docs, vi: 0, en: 1)
        let tmx = try AlignmentWriter(documents: docs).tmx(pairs, creationDate: "20240206T000000Z")
        let text = String(decoding: tmx, as: UTF8.self)
        for attribute in [
            "creationtool=", "creationtoolversion=", "segtype=\"sentence\"", "o-tmf=", "adminlang=", "srclang=\"vi\"",
            "datatype=", "<tmx version=\"1.4\">",
        ] {
            #expect(text.contains(attribute), "\(attribute)")
        }
        #expect(text.contains("<tuv xml:lang=\"vi\">") && text.contains("<tuv xml:lang=\"en\">"))
        #expect(text.contains("&lt;low&gt; &amp;"))
        // libxml2 reads it back as well-formed XML with both segments.
        MarkupExtractor.initialize()
        let parsed = try MarkupExtractor().extract(text, format: .xml)
        #expect(parsed.text.contains("Prices <low> & \"cheap\" in Hanoi in 2008."))
        #expect(parsed.text.contains("Giá <thấp> & \"rẻ\" ở Hà Nội năm 2008."))
    }

    @Test func sentencesSharingOnlyACommonAnchorAreNoPair() throws {
        var items: [(String, String, String)] = []
        for index in 0..<12 {
            items.append(("vi\(index)", "Kosovo là chủ đề số \(index + 10) của cuộc họp hôm nay.", "vi"))
            items.append(("en\(index)", "Kosovo was topic number \(index + 40) of the talks.", "en"))
        }
        items.append(("vi-fact", "Kosovo tuyên bố độc lập khỏi Serbia năm 2008.", "vi"))
        items.append(("en-fact", "Kosovo declared independence from Serbia in 2008.", "en"))
        let docs = documents(items)
        let job = try AlignmentJob(documents: docs, config: Support.setup.config)
        let pairs = job.comparablePairs()
        #expect(pairs.count == 1)
        #expect(pairs.first.map { docs[$0.a.document].doc } == "vi-fact")
        #expect(pairs.first?.keys.contains("date:2008") == true)
    }

    /// Common facts (`Serbia`, `Kosovo`) with rare shared concepts weigh enough together.
    @Test func commonAnchorsWithRareConceptsMakeAPair() throws {
        var items: [(String, String, String)] = []
        for index in 0..<12 {
            items.append(("vi\(index)", "Serbia và Kosovo họp lần thứ \(index + 10).", "vi"))
            items.append(("en\(index)", "Serbia and Kosovo met for round \(index + 40).", "en"))
        }
        items.append(("vi-fact", "Serbia không công nhận nền độc lập mà Kosovo tuyên bố.", "vi"))
        items.append(("en-fact", "Serbia does not recognize the independence Kosovo declared.", "en"))
        let docs = documents(items)
        let pairs = try AlignmentJob(documents: docs, config: Support.setup.config).comparablePairs()
        #expect(pairs.contains { docs[$0.a.document].doc == "vi-fact" && docs[$0.b.document].doc == "en-fact" })
        #expect(pairs.first { docs[$0.a.document].doc == "vi-fact" }?.keys.contains("concept:recognize") == true)
        #expect(pairs.count == 1)
    }

    /// Within one document of the other language, a sentence keeps only its best counterpart.
    @Test func aSentenceKeepsItsBestCounterpartPerDocument() throws {
        let docs = documents([
            ("vi", "Kosovo tuyên bố độc lập khỏi Serbia năm 2008.", "vi"),
            (
                "en",
                "Kosovo declared independence from Serbia in 2008. Serbia said in 2008 that Kosovo is its province.",
                "en"
            ),
        ])
        let pairs = try AlignmentJob(documents: docs, config: Support.setup.config).comparablePairs()
        #expect(pairs.count == 1)
        #expect(pairs.first?.keys.contains("concept:declare") == true)
    }

    /// And the other way: an English sentence keeps its best Vietnamese counterpart per
    /// document and the neighbours of that one in a row, not a match further off.
    @Test func anEnglishSentenceKeepsARunOfNeighbours() throws {
        let english = (
            "en", "Kosovo declared independence from Serbia in 2008, and Serbia does not recognize it.", "en"
        )
        let neighbours = documents([
            (
                "vi",
                "Kosovo tuyên bố độc lập khỏi Serbia năm 2008. Serbia không công nhận Kosovo là nhà nước độc lập.",
                "vi"
            ),
            english,
        ])
        #expect(try AlignmentJob(documents: neighbours, config: Support.setup.config).comparablePairs().count == 2)
        let apart = documents([
            (
                "vi",
                "Kosovo tuyên bố độc lập khỏi Serbia năm 2008. Trời mưa to ở Hà Nội. "
                    + "Serbia không công nhận Kosovo là nhà nước độc lập.",
                "vi"
            ),
            english,
        ])
        let pairs = try AlignmentJob(documents: apart, config: Support.setup.config).comparablePairs()
        #expect(pairs.count == 1)
        #expect(pairs.first?.keys.contains("date:2008") == true)
    }

    @Test func entityAnchorsIgnoreDiacritics() {
        #expect(MatchKey.withoutDiacritics("Phạm_Minh_Chính") == "Pham_Minh_Chinh")
        #expect(MatchKey.withoutDiacritics("Đà_Nẵng") == "Da_Nang")
        #expect(MatchKey.withoutDiacritics("Kosovo_Force") == "Kosovo_Force")
        #expect(MatchKey.withoutDiacritics("Москва") == "Москва")
    }

    @Test func numbersMatchWithinRounding() {
        #expect(Aligner.roundedValue(96_210_000) == Aligner.roundedValue(96_200_000))
        #expect(Aligner.roundedValue(4500) == "4500")
        #expect(Aligner.roundedValue(4500) != Aligner.roundedValue(4600))
    }
}

import Foundation
import Testing

@testable import TandemCore

@Suite("Sentences, tokens and language")
struct SegmentationTests {
    func segment(_ text: String, lang: String? = nil) -> SegmentedDocument {
        let sink = Support.run([Support.document(text, lang: lang)], extractors: [])
        return sink.documents[0].segmented
    }

    func sentences(_ text: String) -> [String] {
        let document = segment(text)
        return document.sentences.map {
            let (a, b) = document.normalized.originalRange($0)
            return Support.slice(text, a, b)
        }
    }

    @Test func abbreviationsDoNotEndSentences() {
        #expect(
            sentences("Mr. Smith met Gen. Lee in the U.S. yesterday. They talked.")
                == ["Mr. Smith met Gen. Lee in the U.S. yesterday.", "They talked."])
        #expect(
            sentences("ThS. Nguyễn Văn A làm việc tại TP.HCM từ năm 2020. Ông nói vậy.")
                == ["ThS. Nguyễn Văn A làm việc tại TP.HCM từ năm 2020.", "Ông nói vậy."])
    }

    @Test func lineBreaksEndSentences() {
        #expect(
            sentences("Headline without stop\nBody sentence here.") == ["Headline without stop", "Body sentence here."])
    }

    @Test func tokensCarryGlueAndCase() {
        let document = segment("Ngày 6-2, NATO có 4.500 người.")
        let texts = document.tokens.map {
            String(decoding: document.normalized.normalized[Int($0.start)..<Int($0.end)], as: UTF8.self)
        }
        #expect(texts == ["Ngày", "6", "-", "2", ",", "NATO", "có", "4", ".", "500", "người", "."])
        #expect(document.tokens[2].glued && document.tokens[3].glued && !document.tokens[1].glued)
        #expect(document.tokens[0].capitalized && !document.tokens[0].allCaps)
        #expect(document.tokens[5].allCaps)
    }

    @Test func identifiesLanguages() {
        #expect(segment("Bộ trưởng Quốc phòng Đức cho biết nước này sẽ tăng gấp đôi số quân.").language == "vi")
        #expect(
            segment("The federal government has called on the government in Belgrade to de-escalate.").language == "en")
        #expect(segment("Der Bundeskanzler traf sich heute mit dem Präsidenten in Berlin.").language == "other")
        #expect(segment("The federal government has called on Belgrade.", lang: "vi").language == "vi")
    }

    @Test func samplesHaveTheirLanguages() throws {
        let home = TandemHome.locate()!
        var source = FileSource(
            paths: [home.appendingPathComponent("samples").path], hints: DocumentHints(), maxBytes: 1 << 24)
        var documents: [SourceDocument] = []
        while let document = source.next() { documents.append(document) }
        let languages = Support.run(documents, extractors: []).documents.map {
            (URL(fileURLWithPath: $0.segmented.normalized.source.doc).lastPathComponent, $0.segmented.language)
        }
        for (name, language) in languages
        where name.hasSuffix(".txt") && !name.contains(".vi.") && !name.contains(".en.") {
            let expected = name.hasPrefix("000") || name.hasPrefix("001") ? "vi" : "en"
            #expect(language == expected, "\(name)")
        }
    }
}

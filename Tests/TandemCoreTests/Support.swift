import Foundation
import TandemCore

/// Shared helpers: the installation's setup, a pipeline over in-memory documents, and a
/// test extractor that finds fixed words so span mapping can be checked end to end.
enum Support {
    static let setup: TandemSetup = {
        MarkupExtractor.initialize()
        Diagnostics.shared.enabled = false
        return try! TandemSetup.load()
    }()

    static func document(
        _ text: String, doc: String = "t", format: InputFormat = .text, lang: String? = nil, dct: String? = nil
    )
        -> SourceDocument
    {
        SourceDocument(
            doc: doc, payload: .bytes(Array(text.utf8)), hints: DocumentHints(format: format, language: lang, dct: dct))
    }

    static func bytesDocument(_ bytes: [UInt8], doc: String = "t", format: InputFormat = .text) -> SourceDocument {
        SourceDocument(doc: doc, payload: .bytes(bytes), hints: DocumentHints(format: format))
    }

    /// Runs documents through the pipeline; returns the sink with records and documents.
    static func run(
        _ documents: [SourceDocument], extractors: [any Extractor]? = nil, workers: Int = 2, batch: Int? = nil
    )
        -> MemorySink
    {
        var config = setup.config
        config.setWorkers(workers)
        let pipeline = Pipeline(
            config: config, languageResources: setup.languageResources, extractors: extractors ?? setup.extractors)
        let sink = MemorySink()
        pipeline.run(source: MemorySource(documents), sink: sink, batchSize: batch, keepDocuments: true)
        return sink
    }

    /// Records as decoded JSON objects.
    static func records(_ sink: MemorySink) -> [[String: Any]] {
        sink.records.map { try! JSONSerialization.jsonObject(with: Data($0)) as! [String: Any] }
    }

    /// The original text's scalars [start, end) as a String.
    static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}

/// Finds every occurrence of fixed words in the normalized text (a stand-in extractor).
struct WordFinder: Extractor {
    let words: [String]
    var name: String { "words" }

    func candidates(in context: ExtractionContext) -> [Candidate] {
        var found: [Candidate] = []
        let bytes = context.bytes
        for word in words {
            let needle = Array(word.precomposedStringWithCanonicalMapping.utf8)
            guard needle.count <= bytes.count else { continue }
            var index = 0
            while index + needle.count <= bytes.count {
                if bytes[index] == needle[0] && Array(bytes[index..<index + needle.count]) == needle {
                    let span = ByteSpan(Int32(index), Int32(index + needle.count))
                    found.append(
                        Candidate(
                            mention: Mention(kind: "entity", span: span, type: "LOC", rule: "test"), matchLength: 1,
                            priority: 0))
                    index += needle.count
                } else {
                    index += 1
                }
            }
        }
        return found
    }
}

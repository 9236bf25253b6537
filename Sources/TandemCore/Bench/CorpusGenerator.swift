import Foundation

/// Builds realistic Vietnamese and English corpora of any size for benchmarks: sentences from
/// sample documents, recombined into new documents, with their numbers redrawn and their
/// one-word place names swapped for others from the gazetteer. Deterministic for a seed.
public struct CorpusGenerator {
    private var sentences: [String: [String]] = ["vi": [], "en": []]
    private var places: [String: [String]] = ["vi": [], "en": []]
    /// `places` as sets, built once.
    private var placeSets: [String: Set<String>] = [:]
    private var state: UInt64

    /// Reads `samples` (files named with their language: `000`/`001` or `.vi.` are Vietnamese)
    /// and the gazetteer's one-word place names.
    public init(samples: URL, gazetteer: URL, seed: UInt64 = 42) {
        state = seed | 1
        let files = (FileManager.default.enumerator(atPath: samples.path)?.allObjects as? [String] ?? []).sorted()
        for file in files where file.hasSuffix(".txt") {
            let name = URL(fileURLWithPath: file).lastPathComponent
            let language = name.hasPrefix("000") || name.hasPrefix("001") || name.contains(".vi.") ? "vi" : "en"
            guard let text = try? String(contentsOf: samples.appendingPathComponent(file), encoding: .utf8) else {
                continue
            }
            for line in text.split(separator: "\n") {
                for sentence in line.components(separatedBy: ". ") where sentence.count > 30 {
                    sentences[language]!.append(sentence.hasSuffix(".") ? sentence : sentence + ".")
                }
            }
        }
        if let table = try? String(contentsOf: gazetteer, encoding: .utf8) {
            for line in table.split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count == 4, fields[1] == "LOC" else { continue }
                for (column, language) in [(2, "en"), (3, "vi")] {
                    places[language]! += fields[column].split(separator: "|").map(String.init).filter {
                        !$0.contains(" ") && !$0.isEmpty
                    }
                }
            }
        }
        placeSets = places.mapValues { Set($0) }
    }

    private mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(max(bound, 1)))
    }

    /// A sentence with its numbers redrawn and its known place names swapped.
    private mutating func vary(_ sentence: String, language: String) -> String {
        let placeSet = placeSets[language] ?? []
        return sentence.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let text = String(word)
            if text.allSatisfy(\.isNumber) && !text.isEmpty {
                return String(next(5_000) + 1)
            }
            // Trim ASCII punctuation by hand: Foundation's trimming is slow per word.
            let core = String(
                text.drop { $0.isASCII && $0.isPunctuation }.reversed().drop { $0.isASCII && $0.isPunctuation }
                    .reversed())
            let pool = places[language] ?? []
            if placeSet.contains(core), !pool.isEmpty {
                let replacement = pool[next(pool.count)]
                return text.replacingOccurrences(of: core, with: replacement)
            }
            return text
        }.joined(separator: " ")
    }

    /// Documents of 5-20 sentences, alternating languages, until `targetBytes`.
    public mutating func documents(targetBytes: Int) -> [SourceDocument] {
        var documents: [SourceDocument] = []
        var bytes = 0
        while bytes < targetBytes {
            let language = documents.count % 2 == 0 ? "vi" : "en"
            guard let pool = sentences[language], !pool.isEmpty else { break }
            var text = ""
            for _ in 0..<(5 + next(16)) {
                text += vary(pool[next(pool.count)], language: language) + (next(3) == 0 ? "\n\n" : " ")
            }
            let data = Array(text.utf8)
            bytes += data.count
            documents.append(
                SourceDocument(
                    doc: "generated/\(documents.count).\(language).txt", payload: .bytes(data),
                    hints: DocumentHints(format: .text)))
        }
        return documents
    }
}

import CTandemShim
import Foundation

/// Writes alignment results as JSON Lines records (DESIGN.md) or as TMX 1.4b.
public struct AlignmentWriter {
    let documents: [AlignDocument]

    public init(documents: [AlignDocument]) { self.documents = documents }

    private func side(_ json: inout JSONWriter, _ name: String, document: Int, start: Int, end: Int) {
        var text = documents[document].text
        json.dynamicKey(name)
        json.beginObject()
        json.field("doc", documents[document].doc)
        json.field("lang", documents[document].language)
        json.field("start", start)
        json.field("end", end)
        if let slice = text?.slice(start, end) { json.field("text", slice) }
        json.endObject()
    }

    /// `{"kind":"pair","a":{…},"b":{…},"keys":[…],"score":…}`
    public func pairRecord(_ pair: Aligner.Pair, parallel: Bool = false) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.field("kind", "pair")
        side(&json, "a", document: pair.a.document, start: pair.a.start, end: pair.a.end)
        side(&json, "b", document: pair.b.document, start: pair.b.start, end: pair.b.end)
        json.key("keys")
        json.beginArray()
        for key in pair.keys { json.string(key) }
        json.endArray()
        json.key("score")
        json.double((pair.score * 1000).rounded() / 1000)
        if parallel { json.key("parallel"); json.bool(true) }
        json.endObject()
        json.endLine()
        return json.bytes
    }

    /// `{"kind":"document_pair","a":doc,"b":doc,"score":…,"keys":[…]}`
    public func documentPairRecord(a: Int, b: Int, score: Double, keys: [String]) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.field("kind", "document_pair")
        json.field("a", documents[a].doc)
        json.field("b", documents[b].doc)
        json.key("score")
        json.double((score * 1000).rounded() / 1000)
        json.key("keys")
        json.beginArray()
        for key in keys { json.string(key) }
        json.endArray()
        json.endObject()
        json.endLine()
        return json.bytes
    }

    /// `{"kind":"fact","key":…,"mentions":{"vi":[…],"en":[…]}}`
    public func factRecord(key: String, mentions: [(document: Int, mention: AlignDocument.Mention)]) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.field("kind", "fact")
        json.field("key", key)
        json.key("mentions")
        json.beginObject()
        for language in ["vi", "en"] {
            json.dynamicKey(language)
            json.beginArray()
            for (document, mention) in mentions where documents[document].language == language {
                json.beginObject()
                json.field("doc", documents[document].doc)
                json.field("start", mention.start)
                json.field("end", mention.end)
                json.field("text", mention.text)
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
        json.endObject()
        json.endLine()
        return json.bytes
    }

    /// A TMX 1.4b document of sentence pairs, written with libxml2's writer.
    public func tmx(_ pairs: [Aligner.Pair], creationDate: String) throws(StageFailure) -> [UInt8] {
        guard let writer = tandem_tmx_open("Tandem", "0.1.0", "vi", "en", creationDate) else {
            throw StageFailure(stage: "align", "libxml2 could not start the TMX document")
        }
        for (index, pair) in pairs.enumerated() {
            var ok = tandem_tmx_begin_unit(writer, "\(index + 1)") == 0
            ok = ok && tandem_tmx_prop(writer, "x-doc-vi", documents[pair.a.document].doc) == 0
            ok = ok && tandem_tmx_prop(writer, "x-doc-en", documents[pair.b.document].doc) == 0
            ok = ok && tandem_tmx_prop(writer, "x-score", String(format: "%.3f", pair.score)) == 0
            var a = documents[pair.a.document].text
            var b = documents[pair.b.document].text
            ok = ok && tandem_tmx_variant(writer, "vi", a?.slice(pair.a.start, pair.a.end) ?? "") == 0
            ok = ok && tandem_tmx_variant(writer, "en", b?.slice(pair.b.start, pair.b.end) ?? "") == 0
            ok = ok && tandem_tmx_end_unit(writer) == 0
            if !ok { break }
        }
        var output: UnsafeMutablePointer<UInt8>?
        let length = tandem_tmx_finish(writer, &output)
        guard length >= 0, let output else {
            throw StageFailure(stage: "align", "libxml2 could not write the TMX document")
        }
        defer { tandem_free(output) }
        return Array(UnsafeBufferPointer(start: output, count: Int(length)))
    }
}

/// Parallel pairs (`NAME.vi.*` and `NAME.en.*`) aligned sentence by sentence.
public enum ParallelPairs {
    /// Document index pairs whose names differ only in `.vi.` / `.en.`.
    public static func find(_ documents: [AlignDocument]) -> [(vi: Int, en: Int)] {
        var byStem: [String: (vi: Int?, en: Int?)] = [:]
        for (index, document) in documents.enumerated() {
            for language in ["vi", "en"] where document.doc.contains(".\(language).") {
                let stem = document.doc.replacingOccurrences(of: ".\(language).", with: ".")
                var entry = byStem[stem] ?? (nil, nil)
                if language == "vi" { entry.vi = index } else { entry.en = index }
                byStem[stem] = entry
            }
        }
        return byStem.values.compactMap { entry in
            guard let vi = entry.vi, let en = entry.en else { return nil }
            return (vi, en)
        }.sorted { $0.vi < $1.vi }
    }

    /// Sentence pairs of one translation pair (1-1, 1-2, 2-1 links; 1-0 and 0-1 are left out).
    public static func align(_ documents: [AlignDocument], vi: Int, en: Int) -> [Aligner.Pair] {
        let source = documents[vi]
        let target = documents[en]
        func anchors(_ document: AlignDocument) -> [Set<String>] {
            document.sentences.map { start, end in
                Set(document.mentions.filter { $0.start >= start && $0.end <= end }.compactMap(Aligner.anchor))
            }
        }
        let links = ParallelAligner().align(
            sourceLengths: source.sentences.map { $0.end - $0.start },
            targetLengths: target.sentences.map { $0.end - $0.start }, sourceAnchors: anchors(source),
            targetAnchors: anchors(target))
        let sourceAnchors = anchors(source)
        let targetAnchors = anchors(target)
        return links.compactMap { link in
            guard !link.source.isEmpty, !link.target.isEmpty else { return nil }
            let keys = link.source.reduce(into: Set<String>()) { $0.formUnion(sourceAnchors[$1]) }
                .intersection(link.target.reduce(into: Set<String>()) { $0.formUnion(targetAnchors[$1]) })
            return Aligner.Pair(
                a: (
                    vi, source.sentences[link.source.lowerBound].start, source.sentences[link.source.upperBound - 1].end
                ),
                b: (
                    en, target.sentences[link.target.lowerBound].start, target.sentences[link.target.upperBound - 1].end
                ),
                keys: keys.sorted(), score: exp(-max(link.cost, 0) / 10))
        }
    }
}

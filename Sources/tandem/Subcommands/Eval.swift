import ArgumentParser
import Foundation
import TandemCore

/// `tandem eval --gold FILE [PATH…]`: precision, recall and F1 against gold annotations.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the pipeline against a gold file (gold/FORMAT.md): P/R/F1 per kind and language.",
        discussion: """
            Runs the pipeline over the documents the gold file names (found by file name under \
            PATH…, default samples/), passing each document's dct as its reference date; or \
            scores an existing output file with '--output'. Example:
              tandem eval --gold ../shared/gold/seeds.jsonl samples/
            """)

    @Option(help: "Gold annotations (JSON Lines, gold/FORMAT.md).")
    var gold: String

    @Argument(help: "Folders or files holding the gold documents (default: the installation's samples/).")
    var paths: [String] = []

    @Option(name: .customLong("output"), help: "Score this existing output file instead of running the pipeline.")
    var existingOutput: String?

    @Flag(help: "Print the scores as JSON.")
    var json = false

    @Flag(help: "List every miss and false positive with its context.")
    var errors = false

    @OptionGroup var options: PipelineOptions

    func run() throws {
        let goldSet: GoldSet
        do {
            goldSet = try GoldSet.load(URL(fileURLWithPath: gold))
        } catch {
            Diagnostics.shared.note("tandem: error: \(error)")
            throw Exit.io
        }
        let records = try existingOutput.map(readRecords) ?? runPipeline(goldSet)
        let pairScore = try scorePairs(goldSet, records: records)
        var byName: [String: [String: JSONValue]] = [:]
        for record in records {
            guard let doc = record["doc"]?.stringValue else { continue }
            byName[URL(fileURLWithPath: doc).lastPathComponent] = record
        }
        var scorer = Scorer()
        var texts: [String: OriginalText] = [:]
        for document in goldSet.documents {
            let record = byName[document.name]
            if record == nil { Diagnostics.shared.warning("no output for gold document \(document.name)") }
            var predicted: [GoldSet.Mention] = []
            if case .array(let mentions)? = record?["mentions"] {
                for case .object(let mention) in mentions {
                    predicted.append(
                        GoldSet.mention(mention, kind: mention["kind"]?.stringValue ?? "", doc: document.name))
                }
            }
            scorer.score(
                doc: document.name, language: document.language,
                gold: goldSet.mentions.filter { $0.doc == document.name }, predicted: predicted)
            if errors, let path = documentPaths[document.name],
                let text = try? String(contentsOfFile: path, encoding: .utf8)
            {
                texts[document.name] = OriginalText(text)
            }
        }
        if json {
            printJSON(scorer, pairs: pairScore)
        } else {
            printTable(scorer)
            if let pairScore {
                print(
                    String(
                        format: "pair    %@ %5d %5d | precision %.2f recall %.2f F1 %.2f (both sides overlap)", "  ",
                        pairScore.gold, pairScore.predicted, pairScore.precision, pairScore.recall, pairScore.f1))
            }
        }
        if errors { printFindings(scorer, texts: texts) }
    }

    private func readRecords(_ path: String) throws -> [[String: JSONValue]] {
        guard let data = FileManager.default.contents(atPath: path) else {
            Diagnostics.shared.note("tandem: error: cannot read \(path)")
            throw Exit.io
        }
        return data.split(separator: 0x0A).compactMap {
            if case .object(let object)? = JSONValue.parse($0) { return object }
            return nil
        }
    }

    private var searchPaths: [String] {
        if !paths.isEmpty { return paths }
        return [TandemHome.locate()?.appendingPathComponent("samples").path ?? "samples"]
    }

    /// Every file under the search paths by file name (the first one found wins), listed once.
    private var documentPaths: [String: String] {
        var paths: [String: String] = [:]
        for root in searchPaths {
            let name = URL(fileURLWithPath: root).lastPathComponent
            if paths[name] == nil { paths[name] = root }
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let name = URL(fileURLWithPath: relative).lastPathComponent
                if paths[name] == nil { paths[name] = root + "/" + relative }
            }
        }
        return paths
    }

    private func runPipeline(_ goldSet: GoldSet) throws -> [[String: JSONValue]] {
        let setup = try options.setup()
        let paths = documentPaths
        var documents: [SourceDocument] = []
        for document in goldSet.documents {
            guard let path = paths[document.name] else {
                Diagnostics.shared.warning(
                    "gold document \(document.name) not found under \(searchPaths.joined(separator: ", "))")
                continue
            }
            var hints = options.hints
            hints.dct = options.referenceDate ?? document.dct
            hints.format = InputFormat.forPath(path) ?? .text
            documents.append(SourceDocument(doc: path, payload: .file(path: path), hints: hints))
        }
        let sink = MemorySink()
        setup.makePipeline().run(source: MemorySource(documents), sink: sink)
        return sink.records.compactMap {
            if case .object(let object)? = JSONValue.parse($0) { return object }
            return nil
        }
    }

    private func printTable(_ scorer: Scorer) {
        func cell(_ counts: Scorer.Counts) -> String {
            String(format: "%.2f %.2f %.2f", counts.precision, counts.recall, counts.f1)
        }
        print(
            "kind    lang  gold  pred | span strict P R F1 | span lenient P R F1 | value strict P R F1 | value lenient P R F1 | mod agree"
        )
        for row in scorer.orderedRows {
            let mod = row.modCases == 0 ? "-" : "\(row.modAgreements)/\(row.modCases)"
            print(
                String(
                    format: "%-7@ %-4@ %5d %5d | %@     | %@      | %@      | %@       | %@", row.kind, row.language,
                    row.lenientSpan.gold, row.lenientSpan.predicted, cell(row.strictSpan), cell(row.lenientSpan),
                    cell(row.strictValue), cell(row.lenientValue), mod))
        }
    }

    /// Pairs: the records' own `pair` lines (an output file), or the alignment of the run's
    /// documents; scored against the gold's `pair` lines. Nil when the gold has none.
    private func scorePairs(_ goldSet: GoldSet, records: [[String: JSONValue]]) throws -> Scorer.Counts? {
        guard !goldSet.pairs.isEmpty else { return nil }
        func name(_ doc: String) -> String { URL(fileURLWithPath: doc).lastPathComponent }
        var predicted: [(a: (String, Int, Int), b: (String, Int, Int))] = []
        let pairRecords = records.filter { $0["kind"]?.stringValue == "pair" }
        if !pairRecords.isEmpty {
            for record in pairRecords {
                func side(_ value: JSONValue?) -> (String, Int, Int) {
                    (
                        name(value?["doc"]?.stringValue ?? ""), value?["start"]?.intValue ?? 0,
                        value?["end"]?.intValue ?? 0
                    )
                }
                predicted.append((side(record["a"]), side(record["b"])))
            }
        } else {
            let setup = try options.setup()
            let documents = records.compactMap { AlignDocument(record: $0) }
            let job: AlignmentJob
            do {
                job = try AlignmentJob(documents: documents, config: setup.config)
            } catch {
                Diagnostics.shared.note("tandem: error: \(error)")
                throw Exit.badConfig
            }
            for pair in job.comparablePairs() {
                predicted.append(
                    (
                        (name(documents[pair.a.document].doc), pair.a.start, pair.a.end),
                        (name(documents[pair.b.document].doc), pair.b.start, pair.b.end)
                    ))
            }
        }
        func overlaps(_ x: (String, Int, Int), _ y: (String, Int, Int)) -> Bool {
            x.0 == y.0 && x.1 < y.2 && y.1 < x.2
        }
        var counts = Scorer.Counts()
        counts.gold = goldSet.pairs.count
        counts.predicted = predicted.count
        var used = Set<Int>()
        for pair in predicted {
            let match = goldSet.pairs.indices.first { index in
                let gold = goldSet.pairs[index]
                let a = (gold.a.doc, gold.a.start, gold.a.end)
                let b = (gold.b.doc, gold.b.start, gold.b.end)
                return !used.contains(index)
                    && ((overlaps(pair.a, a) && overlaps(pair.b, b)) || (overlaps(pair.a, b) && overlaps(pair.b, a)))
            }
            if let match {
                used.insert(match)
                counts.truePositives += 1
            } else if errors {
                print("false positive: pair \(pair.a) \(pair.b)")
            }
        }
        if errors {
            for index in goldSet.pairs.indices where !used.contains(index) {
                let gold = goldSet.pairs[index]
                print("missed: pair \(gold.a) \(gold.b) keys \(gold.keys)")
            }
        }
        return counts
    }

    private func printJSON(_ scorer: Scorer, pairs: Scorer.Counts?) {
        var json = JSONWriter()
        json.beginArray()
        for row in scorer.orderedRows {
            json.beginObject()
            json.field("kind", row.kind)
            json.field("lang", row.language)
            json.field("gold", row.lenientSpan.gold)
            json.field("predicted", row.lenientSpan.predicted)
            for (name, counts) in [
                ("span_strict", row.strictSpan), ("span_lenient", row.lenientSpan), ("value_strict", row.strictValue),
                ("value_lenient", row.lenientValue),
            ] {
                json.dynamicKey(name)
                json.beginObject()
                write(counts, to: &json)
                json.endObject()
            }
            json.field("mod_agree", row.modAgreements)
            json.field("mod_cases", row.modCases)
            json.endObject()
        }
        if let pairs {
            json.beginObject()
            json.field("kind", "pair")
            json.field("gold", pairs.gold)
            json.field("predicted", pairs.predicted)
            write(pairs, to: &json)
            json.endObject()
        }
        json.endArray()
        print(String(decoding: json.bytes, as: UTF8.self))
    }

    /// `"precision":…,"recall":…,"f1":…` to four decimals.
    private func write(_ counts: Scorer.Counts, to json: inout JSONWriter) {
        json.key("precision")
        json.double((counts.precision * 10000).rounded() / 10000)
        json.key("recall")
        json.double((counts.recall * 10000).rounded() / 10000)
        json.key("f1")
        json.double((counts.f1 * 10000).rounded() / 10000)
    }

    private func printFindings(_ scorer: Scorer, texts: [String: OriginalText]) {
        for finding in scorer.findings {
            let mention = finding.mention
            var context = ""
            if var text = texts[finding.doc] {
                context = text.slice(max(0, mention.start - 30), min(text.count, mention.end + 30))
                    .replacingOccurrences(of: "\n", with: " ")
            }
            var value = ""
            if let v = mention.value { value = " value=\(v)" }
            print(
                "\(finding.what): \(finding.kind) \(finding.doc) [\(mention.start),\(mention.end)] '\(mention.text)'\(value)  …\(context)…"
            )
        }
    }
}

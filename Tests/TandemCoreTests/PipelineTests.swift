import Foundation
import Testing

@testable import TandemCore

@Suite("The staged pipeline")
struct PipelineTests {
    @Test func keepsInputOrderWithManyWorkers() {
        let documents = (0..<300).map { Support.document("Document number \($0) is about Kosovo.", doc: "d\($0)") }
        let sink = Support.run(documents, workers: 4, batch: 3)
        let names = Support.records(sink).map { $0["doc"] as! String }
        #expect(names == (0..<300).map { "d\($0)" })
    }

    /// A stream's batches hold what has arrived: a line that came alone is not held back.
    @Test func streamLinesAreReadyOnlyOnceArrived() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let reader = LineReader(fileDescriptor: ends[0])
        let written = Array("one\ntwo\nthr".utf8)
        #expect(write(ends[1], written, written.count) == written.count)
        #expect(reader.nextLine() == Array("one".utf8))
        #expect(reader.hasBufferedLine)
        #expect(reader.nextLine() == Array("two".utf8))
        // "thr" is not a line yet and the writer is still there: nothing is ready.
        #expect(!reader.hasBufferedLine)
        close(ends[1])
        #expect(reader.nextLine() == Array("thr".utf8))
        #expect(reader.hasBufferedLine)
        #expect(reader.nextLine() == nil)
    }

    @Test func failuresBecomeErrorRecordsInTheirSlot() {
        let documents = [
            Support.document("First document.", doc: "a"),
            Support.bytesDocument([0x41, 0x00, 0x42], doc: "binary"),
            SourceDocument(
                doc: "bad", payload: .invalid(stage: "input", message: "line 3 is not valid JSON"),
                hints: DocumentHints()),
            Support.document("Last document.", doc: "z"),
        ]
        let records = Support.records(Support.run(documents))
        #expect(records.map { $0["kind"] as! String } == ["document", "error", "error", "document"])
        #expect(records[1]["stage"] as? String == "decode")
        #expect((records[1]["message"] as? String)?.contains("NUL") == true)
        #expect(records[2]["stage"] as? String == "input")
    }

    /// Texts that end inside a pattern: an organization head as the last word, a long form
    /// and an unclosed bracket, a title and its body with no name after them. Each once
    /// read a token past the end and stopped the process (found by fuzzing the rule tables'
    /// words); each is now one document record.
    @Test(arguments: [
        "Họp tại UBND", "Bí thư Thành ủy", "Công ty Sữa Xanh (Vinamilk",
        "Công ty cổ phần Hàng không Vietjet (Vietjet Air", "Giám đốc Samsung", "Đại sứ Mỹ tại",
    ])
    func textsEndingInsideAPatternAreDocuments(text: String) {
        let records = Support.records(Support.run([Support.document(text, doc: "a", lang: "vi")]))
        #expect(records.map { $0["kind"] as? String } == ["document"])
    }

    /// Fuzzing: texts of 1 to 20 words drawn from the rule tables' own words (tables and
    /// gazetteer forms, both languages), with and without a language hint, in a fixed
    /// pseudo-random order. Every one must come back as one document record: a pattern that
    /// reads past the end of a text stops the whole process.
    @Test func textsMadeOfTheRuleTablesWordsAreDocuments() throws {
        let folder = Support.setup.config.rulesFolder
        var pools: [String: [String]] = [:]
        for language in ["vi", "en"] {
            var words: Set<String> = ["(", ")", ",", ".", "-", "/", "2", "7", "12", "2024", "0830", "8/2", "1/3"]
            let files = try FileManager.default.contentsOfDirectory(
                at: folder.appendingPathComponent(language), includingPropertiesForKeys: nil)
            for file in files where file.pathExtension == "tsv" {
                for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
                where !line.hasPrefix("#") {
                    for field in line.split(separator: "\t").prefix(2) { words.insert(String(field)) }
                }
            }
            let gazetteer = try String(
                contentsOf: folder.appendingPathComponent("shared/gazetteer.tsv"), encoding: .utf8)
            for line in gazetteer.split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count >= 4 else { continue }
                for form in fields[language == "en" ? 2 : 3].split(separator: "|") { words.insert(String(form)) }
            }
            pools[language] = words.sorted()
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let count = 3000
        let documents = (0..<count).map { index -> SourceDocument in
            let language = index % 2 == 0 ? "vi" : "en"
            let pool = pools[language]!
            let text = (0...next(20)).map { _ in pool[next(pool.count)] }.joined(separator: " ")
            return Support.document(text, doc: "\(index)", lang: index % 5 == 0 ? nil : language, dct: "2024-02-06")
        }
        let records = Support.records(Support.run(documents))
        #expect(records.count == count)
        #expect(records.allSatisfy { $0["kind"] as? String == "document" })
    }

    @Test func fusedWorkersWriteTheSameRecords() {
        let documents = (0..<60).map { index -> SourceDocument in
            index % 7 == 3
                ? Support.bytesDocument([0x41, 0x00], doc: "bad\(index)")
                : Support.document(
                    "Ngày 6-2, khoảng \(index) binh sĩ Đức tới Kosovo.", doc: "d\(index)", dct: "2024-02-06")
        }
        var fused = Support.setup.config
        fused.fused = true
        fused.setWorkers(2)
        let sink = MemorySink()
        Pipeline(
            config: fused, languageResources: Support.setup.languageResources, extractors: Support.setup.extractors
        )
        .run(source: MemorySource(documents), sink: sink, batchSize: 4)
        let staged = Support.run(documents, workers: 2, batch: 4)
        #expect(sink.text == staged.text)
        let errors = Support.records(sink).filter { $0["kind"] as? String == "error" }
        #expect(errors.count == 9)
        #expect(errors.allSatisfy { $0["stage"] as? String == "decode" })
    }

    /// A fused run times a sample of documents per stage: over a corpus that repeats every
    /// eight documents (as the benchmark's does), every stage still gets a share.
    @Test func fusedTimingSamplesEveryStage() {
        let documents = (0..<400).map { index -> SourceDocument in
            Support.document("Ngày 6-2, khoảng \(index % 8) binh sĩ Đức tới Kosovo.", doc: "d\(index)")
        }
        var fused = Support.setup.config
        fused.fused = true
        fused.setWorkers(1)
        let pipeline = Pipeline(
            config: fused, languageResources: Support.setup.languageResources, extractors: Support.setup.extractors)
        pipeline.run(source: MemorySource(documents), sink: MemorySink(), batchSize: 8)
        let seconds = Dictionary(uniqueKeysWithValues: pipeline.timing.seconds.map { ($0.stage, $0.seconds) })
        for stage in ["decode", "normalize", "segment", "extract", "emit"] {
            #expect((seconds[stage] ?? 0) > 0, "\(stage)")
        }
    }

    @Test func oversizedAndEmptyFilesFailInRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-read-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("a-empty.txt"))
        try Data(repeating: 0x41, count: 2000).write(to: folder.appendingPathComponent("b-big.txt"))
        try Data("fine".utf8).write(to: folder.appendingPathComponent("c-ok.txt"))
        try Data("x".utf8).write(to: folder.appendingPathComponent("d-image.png"))
        var source = FileSource(paths: [folder.path], hints: DocumentHints(), maxBytes: 1000)
        #expect(source.skipped.count == 1)
        var documents: [SourceDocument] = []
        while let document = source.next() { documents.append(document) }
        var config = Support.setup.config
        config.maxDocumentBytes = 1000
        let sink = MemorySink()
        Pipeline(config: config, languageResources: Support.setup.languageResources, extractors: [])
            .run(source: MemorySource(documents), sink: sink)
        let records = Support.records(sink)
        #expect(records.map { $0["kind"] as! String } == ["error", "error", "document"])
        #expect((records[0]["message"] as! String).contains("empty"))
        #expect((records[1]["message"] as! String).contains("limit"))
    }

    @Test func symlinkLoopsAndUnreadableFilesAreReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-loop-\(getpid())")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("sub/back").path, withDestinationPath: folder.path)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("self.txt").path,
            withDestinationPath: folder.appendingPathComponent("self.txt").path)
        var source = FileSource(
            paths: [folder.path, folder.appendingPathComponent("missing.txt").path], hints: DocumentHints(),
            maxBytes: 1000)
        var documents: [SourceDocument] = []
        while let document = source.next() { documents.append(document) }
        let records = Support.records(Support.run(documents))
        let messages = records.compactMap { $0["message"] as? String }
        #expect(messages.filter { $0.contains("symlink loop") }.count == 2)
        #expect(messages.contains { $0.contains("No such file") })
    }

    @Test func spansSliceTheOriginalForNFDAndWindows1258() {
        let nfd = "Ông Vuc\u{30C}ic\u{301} đến Kosovo, rồi Đu\u{31B}\u{301}c."
        let finder = WordFinder(words: ["Vučić", "Kosovo", "Đức"])
        let documents = [
            Support.document(nfd, doc: "nfd"),
            Support.bytesDocument(Array("Thuỷ và Kosovo hoà bình ở Đức".utf8), doc: "old-tones"),
            Support.bytesDocument(
                [
                    0xD0, 0xF4, 0xCC, 0x20, 0x4B, 0x6F, 0x73, 0x6F, 0x76, 0x6F, 0x20, 0xD0, 0xFD, 0xEC, 0x63, 0x20,
                    0x76, 0x61, 0xCC,
                    0x20, 0x56, 0x69, 0xEA, 0xF2, 0x74, 0x20, 0x6C, 0x61, 0xCC,
                ], doc: "cp1258"),
        ]
        let sink = Support.run(documents, extractors: [finder])
        let records = Support.records(sink)
        for (record, analyzed) in zip(records, sink.documents) {
            let text = analyzed.segmented.normalized.source.text
            let mentions = record["mentions"] as! [[String: Any]]
            #expect(!mentions.isEmpty)
            for mention in mentions {
                let slice = Support.slice(text, mention["start"] as! Int, mention["end"] as! Int)
                #expect(slice == mention["text"] as! String)
                #expect(["Vučić", "Kosovo", "Đức"].contains(slice.precomposedStringWithCanonicalMapping))
            }
        }
        #expect(records[2]["encoding"] as? String == "windows-1258")
    }

    @Test func htmlDocumentsCarryTextLanguageHintAndDct() {
        let html = """
            <html lang="en"><head><meta property="article:published_time" content="2024-02-06T07:00:00Z"></head>
            <body><p>NATO will keep troops in Kosovo.</p></body></html>
            """
        let record = Support.records(Support.run([Support.document(html, format: .html)]))[0]
        #expect(record["dct"] as? String == "2024-02-06")
        #expect(record["text"] as? String == "NATO will keep troops in Kosovo.")
        #expect(record["lang"] as? String == "en")
    }

    @Test func userDctWinsOverPageDate() {
        let html =
            "<html><head><meta property=\"article:published_time\" content=\"2024-02-06\"></head><body><p>x</p></body></html>"
        let record = Support.records(Support.run([Support.document(html, format: .html, dct: "2020-01-01")]))[0]
        #expect(record["dct"] as? String == "2020-01-01")
    }
}

@Suite("Stream input lines")
struct StreamLineTests {
    let parser = StreamLineParser(hints: DocumentHints(), textLines: false)

    @Test(arguments: [
        ("not json", "not valid JSON"), ("[1,2]", "not a JSON object"), ("{\"id\":\"a\"}", "no \"text\""),
        ("{\"id\":\"a\",\"text\":5}", "must be a string"), ("{\"id\":true,\"text\":\"x\"}", "\"id\" must be"),
    ])
    func badLinesAreInvalid(line: String, message: String) {
        let document = parser.parse(Array(line.utf8), lineNumber: 3, defaultID: "3")
        guard case .invalid(let stage, let text) = document.payload else {
            Issue.record("expected an invalid document")
            return
        }
        #expect(stage == "input")
        #expect(text.contains(message))
    }

    @Test func goodLineCarriesItsHints() {
        let document = parser.parse(
            Array("{\"id\":7,\"text\":\"xin chào\",\"lang\":\"vi\",\"dct\":\"2024-02-06\"}".utf8), lineNumber: 1,
            defaultID: "1")
        #expect(document.doc == "7")
        #expect(document.hints.language == "vi")
        #expect(document.hints.dct == "2024-02-06")
    }

    @Test func lineReaderSplitsChunksAndKeepsALastLineWithoutNewline() throws {
        var pipe: [Int32] = [0, 0]
        #expect(Foundation.pipe(&pipe) == 0)
        let payload = Array("one\ntwo\r\n\nthree".utf8)
        _ = payload.withUnsafeBytes { write(pipe[1], $0.baseAddress, payload.count) }
        close(pipe[1])
        let reader = LineReader(fileDescriptor: pipe[0])
        var lines: [String] = []
        while let line = reader.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
        close(pipe[0])
        #expect(lines == ["one", "two\r", "", "three"])
    }
}

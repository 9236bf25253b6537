import Foundation
import Testing

/// End-to-end tests of the built `tandem` binary: stdout, stderr and exit codes.
@Suite("The tandem command", .serialized)
struct CLITests {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `tandem` binary next to this test bundle.
    static var binary: URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("tandem")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return checkout.appendingPathComponent(".build/debug/tandem")
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [[String: Any]] {
            stdout.split(separator: "\n").map {
                try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
            }
        }
    }

    static func tandem(_ arguments: [String], stdin: String? = nil, in folder: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? FileManager.default.temporaryDirectory
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    @Test func runWritesFiveDocumentRecordsFromAnyFolder() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-cli-\(getpid()).jsonl")
        defer { try? FileManager.default.removeItem(at: output) }
        let samples = Self.checkout.appendingPathComponent("samples")
        let files = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter {
            $0.hasPrefix("00") && $0.hasSuffix(".txt")
        }.sorted().map { samples.appendingPathComponent($0).path }
        let outcome = try Self.tandem(["run"] + files + ["-o", output.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("5 document(s), 0 error(s)"))
        let records = try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(records.count == 5)
        #expect(records.map { $0["lang"] as! String } == ["vi", "vi", "en", "en", "en"])
        for record in records { #expect(!(record["sentences"] as! [[Int]]).isEmpty) }
    }

    @Test func streamAnswersEveryLineInOrder() throws {
        let input = """
            {"id":"a","text":"Ngày 6-2, Bộ trưởng Đức cho biết như vậy."}
            this is not json
            {"id":"c"}
            {"text":"NATO will keep its troops in Kosovo."}

            """
        let outcome = try Self.tandem(["stream"], stdin: input)
        #expect(outcome.status == 1)
        let lines = outcome.lines
        #expect(lines.count == 4)
        #expect(lines.map { $0["kind"] as! String } == ["document", "error", "error", "document"])
        #expect(lines.map { $0["doc"] as! String } == ["a", "2", "c", "4"])
        #expect(outcome.stderr.contains("not valid JSON"))
    }

    @Test func streamFlushesEachRecordBeforeTheNextLineArrives() throws {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["stream", "--input", "text"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        input.fileHandleForWriting.write(Data("first line about Kosovo\n".utf8))
        let firstRecord = output.fileHandleForReading.availableDataLine()
        #expect(firstRecord.contains("\"doc\":\"1\""))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func badConfigExits65AndUsageExits64() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-bad-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: config) }
        try Data("{\"stages\": {\"read\": {\"workerz\": 1}}}".utf8).write(to: config)
        let bad = try Self.tandem(["run", "--config", config.path, "x.txt"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("stages.read.workerz"))
        #expect(try Self.tandem(["run", "--workers", "0", "x.txt"]).status == 64)
        #expect(try Self.tandem(["run", "--dct", "yesterday", "x.txt"]).status == 64)
    }

    @Test func missingFileGivesErrorRecordAndExit1() throws {
        let outcome = try Self.tandem(["run", "/nonexistent/file.txt"])
        #expect(outcome.status == 1)
        #expect(outcome.lines.first?["kind"] as? String == "error")
    }

    @Test func unwritableOutputExits74AndLeavesNothing() throws {
        let outcome = try Self.tandem([
            "run", Self.checkout.appendingPathComponent("samples").path, "-o", "/nonexistent/dir/out.jsonl",
        ])
        #expect(outcome.status == 74)
    }

    @Test func stdinDashIsOneDocument() throws {
        let outcome = try Self.tandem(["run", "-", "--lang", "en"], stdin: "One line.\nAnother line.")
        #expect(outcome.status == 0)
        #expect(outcome.lines.count == 1)
        #expect(outcome.lines[0]["doc"] as? String == "<stdin>")
        #expect(outcome.lines[0]["lang"] as? String == "en")
    }
}

extension FileHandle {
    /// Reads until a newline arrives (blocking), returning what was read.
    func availableDataLine() -> String {
        var data = Data()
        while !data.contains(0x0A) {
            let chunk = availableData
            if chunk.isEmpty { break }
            data.append(chunk)
        }
        return String(decoding: data, as: UTF8.self)
    }
}

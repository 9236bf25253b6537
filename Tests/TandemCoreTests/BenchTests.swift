import CTandemShim
import Foundation
import Testing

@testable import TandemCore

@Suite("Benchmark support")
struct BenchTests {
    @Test func theICUFloorBreaksWords() throws {
        var status: Int32 = 0
        let floor = try #require(tandem_floor_open(&status))
        defer { tandem_floor_close(floor) }
        let text = Array("Tie\u{302}\u{301}ng Việt và English words.".utf8)
        #expect(tandem_floor_run(floor, text, Int32(text.count)) > 5)
    }

    @Test func corpusIsRepeatedToTheTargetSizeWithDistinctNames() {
        let samples = TandemHome.locate()!.appendingPathComponent("samples").path
        let corpus = BenchRunner.corpus(paths: [samples], targetBytes: 100_000)
        let bytes = corpus.reduce(0) { $0 + $1.knownByteCount }
        #expect(bytes >= 100_000)
        #expect(Set(corpus.map(\.doc)).count == corpus.count)
        #expect(BenchRunner.floor(corpus) > 0)
    }
}

import CTandemShim

/// Sentences from ICU's sentence break iterator, trimmed of surrounding whitespace and
/// re-joined where ICU broke after an abbreviation (`Mr.`, `U.S.`, `Gen.`, `ThS.`) or an
/// initial (`F.`). One per worker.
public final class SentenceSplitter {
    private let handle: OpaquePointer
    private let abbreviations: Set<[UInt8]>

    public init(abbreviations: Set<String>) throws(StageFailure) {
        var status: Int32 = 0
        guard let handle = tandem_sentence_breaker_open("en", &status) else {
            throw StageFailure(stage: "segment", "ICU's sentence break iterator could not be opened (status \(status))")
        }
        self.handle = handle
        self.abbreviations = Set(abbreviations.map { Array($0.utf8) })
    }

    deinit { tandem_sentence_breaker_close(handle) }

    /// Sentence spans (normalized bytes) of `bytes`.
    public func split(_ bytes: UnsafeBufferPointer<UInt8>) throws(StageFailure) -> [ByteSpan] {
        var boundaries: UnsafePointer<Int32>?
        let count = tandem_sentence_breaks(handle, bytes.baseAddress, Int32(bytes.count), &boundaries)
        guard count >= 0, let boundaries else {
            throw StageFailure(stage: "segment", "ICU sentence breaking failed (error \(-count))")
        }
        var sentences: [ByteSpan] = []
        sentences.reserveCapacity(max(Int(count), 1))
        var pendingStart: Int32? = nil
        for index in 0..<max(0, Int(count) - 1) {
            var start = Int(boundaries[index])
            var end = Int(boundaries[index + 1])
            while start < end && Self.isSpace(bytes[start]) { start += 1 }
            while end > start && Self.isSpace(bytes[end - 1]) { end -= 1 }
            if start == end { continue }
            let sentenceStart = pendingStart ?? Int32(start)
            let breaksLine = Int(boundaries[index + 1]) > end && bytes[end..<Int(boundaries[index + 1])].contains(0x0A)
            if !breaksLine && index + 2 < Int(count) && endsWithAbbreviation(bytes, start: start, end: end) {
                pendingStart = sentenceStart
                continue
            }
            sentences.append(ByteSpan(sentenceStart, Int32(end)))
            pendingStart = nil
        }
        if let pendingStart, let last = sentences.last, last.end < pendingStart || sentences.isEmpty {
            var end = bytes.count
            while end > Int(pendingStart) && Self.isSpace(bytes[end - 1]) { end -= 1 }
            sentences.append(ByteSpan(pendingStart, Int32(end)))
        } else if let pendingStart, sentences.isEmpty {
            sentences.append(ByteSpan(pendingStart, Int32(bytes.count)))
        }
        return sentences
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    /// Whether the text before `end` is `… Abbrev.` or initials (`F.`, `J.K.`).
    private func endsWithAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        guard bytes[end - 1] == UInt8(ascii: ".") else { return false }
        var wordStart = end - 1
        while wordStart > start && !Self.isSpace(bytes[wordStart - 1]) { wordStart -= 1 }
        while wordStart < end - 1
            && [UInt8(ascii: "("), UInt8(ascii: "\""), UInt8(ascii: "'")].contains(bytes[wordStart])
        {
            wordStart += 1
        }
        let word = Array(bytes[wordStart..<end])
        if abbreviations.contains(word) { return true }
        // Initials: one uppercase ASCII letter (John F. Kennedy), or several joined by dots
        // (T.S. Ellis, J.K. Rowling).
        guard word.count % 2 == 0 else { return false }
        for offset in stride(from: 0, to: word.count, by: 2) {
            guard word[offset] >= 0x41 && word[offset] <= 0x5A, word[offset + 1] == UInt8(ascii: ".") else {
                return false
            }
        }
        return true
    }
}

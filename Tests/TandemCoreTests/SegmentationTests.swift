import CTandemShim
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
        // Initials joined by dots go on (T.S. Ellis); a Roman numeral's dot ends a sentence.
        #expect(
            sentences("Judge T.S. Ellis ruled. J.K. Rowling wrote. It passed to Elizabeth II. She reigned.")
                == ["Judge T.S. Ellis ruled.", "J.K. Rowling wrote.", "It passed to Elizabeth II.", "She reigned."])
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
        #expect(document.tokens[0].ascii == false && document.tokens[5].ascii && document.tokens[1].ascii)
    }

    /// ASCII letters are scanned eight bytes at a time: words shorter and longer than eight,
    /// case anywhere in them, and words running into digits, marks or Vietnamese letters
    /// must come out exactly as one letter at a time would cut and flag them.
    @Test(arguments: [
        "a", "abcdefg", "abcdefgh", "abcdefghijklmnopq", "NATO", "ABCDEFGHIJ", "McDonald", "iPhone", "XuâN",
        "Hoàng", "NGUYỄN", "Đức", "abcdefgHIJ", "zZ", "Z@", "abc[d", "abc`d", "abc{d", "abcdefgh9",
    ])
    func asciiRunsCutAndFlagWordsExactly(word: String) {
        let text = " \(word)  end of the text"
        let bytes = Array(text.utf8)
        let tokens = bytes.withUnsafeBufferPointer { Tokenizer().tokenize($0) }
        let first = tokens[0]
        let letters = word.prefix { $0.isLetter }
        #expect(String(decoding: bytes[Int(first.start)..<Int(first.end)], as: UTF8.self) == String(letters))
        #expect(first.capitalized == (letters.first?.isUppercase ?? false))
        #expect(first.allCaps == letters.allSatisfy { $0.isUppercase })
        #expect(first.lowercase == !letters.contains { $0.isUppercase })
        #expect(first.ascii == letters.allSatisfy(\.isASCII))
    }

    /// A token per byte (digits and commas) outgrows the tokenizer's first buffer.
    /// A table's phrase is split as a text is, so a hyphenated or dotted entry can match.
    @Test func tablePhrasesSplitAsTextDoes() {
        #expect(Tokenizer.words(of: "1st") == ["1", "st"])
        #expect(Tokenizer.words(of: "pgs.ts  nguyễn") == ["pgs", ".", "ts", "nguyễn"])
        let document = segment("the director-general said")
        let texts = document.tokens.map {
            String(decoding: document.normalized.normalized[Int($0.start)..<Int($0.end)], as: UTF8.self)
        }
        #expect(Array(texts[1...3]) == Tokenizer.words(of: "director-general"))
    }

    @Test func denseTokensOutgrowTheFirstBuffer() {
        let bytes = Array(String(repeating: "7,", count: 300).utf8)
        let tokens = bytes.withUnsafeBufferPointer { Tokenizer().tokenize($0) }
        #expect(tokens.count == 600)
        #expect(tokens.last?.start == 599 && tokens.last?.kind == .punctuation && tokens[598].kind == .digits)
    }

    /// Token ids come from eight-byte-at-a-time hashing with in-place lowercasing for ASCII
    /// words: long words, case, Vietnamese i/y folding, punctuation and a word at the very
    /// end of the text (no room for a wide load) must all find their key, and near misses not.
    @Test func vocabularyFindsTokensByMatchKey() {
        let vocabulary = Vocabulary()
        let words = ["international", "nato", "mĩ", "tỉ", "%", "the", "ngày", "organizations", "a"]
        let ids = words.map { vocabulary.intern($0) }
        let text = "INTERNATIONAL Nato Mỹ tỷ % The ngày 12 internationally Organization organizations A"
        var bytes = Array(text.utf8)
        let tokens = bytes.withUnsafeBufferPointer { Tokenizer().tokenize($0) }
        let found = bytes.withUnsafeBufferPointer { vocabulary.ids(of: tokens, in: $0) }
        let unknown = Vocabulary.unknown
        #expect(found == ids.prefix(7) + [unknown, unknown, unknown, ids[7], ids[8]])
        // The text cut to end in `organization`: a key's prefix is no match.
        bytes.removeLast(3)
        let cut = bytes.withUnsafeBufferPointer { vocabulary.ids(of: Tokenizer().tokenize($0), in: $0) }
        #expect(cut.count == found.count - 1 && cut.last == unknown)
        #expect(vocabulary.id(of: "Organizations") == ids[7] && vocabulary.id(of: "organization") == unknown)
    }

    /// Digit tokens are unknown until a table interns a digit key (weekdays in digits), and
    /// then only those of its length or shorter are looked up: "7" is found, "12" is not.
    @Test func digitTokensHaveIdsOnlyWhenATableHasDigitKeys() {
        let vocabulary = Vocabulary()
        let thu = vocabulary.intern("thứ")
        let bytes = Array("thứ 7 và 12".utf8)
        func ids() -> [Int32] { bytes.withUnsafeBufferPointer { vocabulary.ids(of: Tokenizer().tokenize($0), in: $0) } }
        let unknown = Vocabulary.unknown
        #expect(ids() == [thu, unknown, unknown, unknown])
        let seven = vocabulary.intern("7")
        #expect(vocabulary.maximumDigitKeyLength == 1)
        #expect(ids() == [thu, seven, unknown, unknown])
    }

    /// A vocabulary grown well past its first table (so slots are rehashed) still finds
    /// every word it interned through the presence bits, and words it never saw are unknown.
    @Test func grownVocabularyFindsEveryWord() {
        let vocabulary = Vocabulary()
        let letters = Array("abcdeghiklmnopqrstuvxyđôơư")
        func word(_ number: Int) -> String {
            var number = number
            var text = ""
            repeat {
                text.append(letters[number % letters.count])
                number /= letters.count
            } while number > 0
            return text + "x"
        }
        let known = (0..<6000).map { word($0 * 2) }
        let ids = known.map { vocabulary.intern($0) }
        let unseen = (0..<6000).map { word($0 * 2 + 1) }
        let bytes = Array((known + unseen).joined(separator: " ").utf8)
        let found = bytes.withUnsafeBufferPointer { vocabulary.ids(of: Tokenizer().tokenize($0), in: $0) }
        #expect(found.count == known.count + unseen.count)
        #expect(Array(found.prefix(known.count)) == ids)
        #expect(found.dropFirst(known.count).allSatisfy { $0 == Vocabulary.unknown })
    }

    @Test func identifiesLanguages() {
        #expect(segment("Bộ trưởng Quốc phòng Đức cho biết nước này sẽ tăng gấp đôi số quân.").language == "vi")
        #expect(
            segment("The federal government has called on the government in Belgrade to de-escalate.").language == "en")
        #expect(segment("Der Bundeskanzler traf sich heute mit dem Präsidenten in Berlin.").language == "other")
        // A short sentence of names and few function words.
        #expect(segment("Toyota Motor Corp. and Honda Motor Co. reported profits.").language == "en")
        #expect(segment("Le président Emmanuel Macron a rencontré Olaf Scholz à Paris.").language == "other")
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

    /// The fast path (only paragraphs that may break inside go to ICU) gives exactly ICU's
    /// whole-text boundaries: on tricky lines, on the samples, and on every line of them alone.
    @Test func paragraphShortcutMatchesWholeTextICU() throws {
        var status: Int32 = 0
        let breaker = try #require(tandem_sentence_breaker_open("en", &status))
        defer { tandem_sentence_breaker_close(breaker) }
        func boundaries(_ text: String, whole: Bool) -> [Int32] {
            let bytes = Array(text.utf8)
            var result: UnsafePointer<Int32>?
            let count = bytes.withUnsafeBufferPointer { buffer in
                whole
                    ? tandem_sentence_breaks_whole(breaker, buffer.baseAddress, Int32(buffer.count), &result)
                    : tandem_sentence_breaks(breaker, buffer.baseAddress, Int32(buffer.count), &result)
            }
            guard count > 0, let result else { return [] }
            return Array(UnsafeBufferPointer(start: result, count: Int(count)))
        }
        var texts = [
            "", "\n\n", "No terminator here", "One sentence.", "Ends with a quote.\" Next line\n",
            "U.S. President Biden spoke. He left.", "Gen. Scaparrotti said 4.500 troops.\nThe U.S.A won 1.B.",
            "Really?! Yes! no.", "a.b c.d", "Tỉ lệ 5,66%. Đức sẽ bổ sung.\nHà Nội", "Hi!There", "Wait…what?",
            "Line one\r\nLine two. Three.", "“Quoted.” Then (bracketed.) More", "Trailing space.   \n  \n",
        ]
        let samples = TandemHome.locate()!.appendingPathComponent("samples")
        for name in try FileManager.default.contentsOfDirectory(atPath: samples.path) where name.hasSuffix(".txt") {
            let text = try String(contentsOf: samples.appendingPathComponent(name), encoding: .utf8)
            texts.append(text)
            texts += text.split(separator: "\n").map(String.init)
        }
        for text in texts {
            #expect(boundaries(text, whole: false) == boundaries(text, whole: true), "\(text.prefix(60))")
        }
        // Random paragraphs over the characters the sentence rules tell apart (letters of
        // each case, digits, terminators, closing marks, spaces, continuations, letters of
        // other scripts), so the native rules meet every rule's corner against ICU's.
        let alphabet: [String] = [
            "a", "z", "B", "Q", "đ", "Đ", "ệ", "Ệ", "ß", "ª", "7", "0", ".", ".", ".", "!", "?", " ", " ", " ",
            "\u{A0}", "\t", "\"", "'", "(", ")", "[", "«", "»", "“", "”", "‘", "’", ",", "-", ":", ";", "–", "—",
            "…", "/", "%", "$", "\u{2024}", "\u{FF0E}", "。", "ا", "\u{AD}", "\u{301}", "\n", "\u{2029}",
        ]
        var generator = OverlapTests.Generator(state: 2026)
        for round in 0..<4000 {
            let length = Int.random(in: 1...(round % 4 == 0 ? 60 : 14), using: &generator)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            #expect(boundaries(text, whole: false) == boundaries(text, whole: true), "\(text.debugDescription)")
        }
    }
}

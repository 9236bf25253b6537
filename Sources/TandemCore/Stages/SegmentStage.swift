/// segment: tokens (with their vocabulary ids), language and sentences of a normalized document.
public struct SegmentStage: Stage {
    public typealias Input = NormalizedDocument
    public typealias Output = SegmentedDocument
    public static let name = "segment"

    let tokenizer = Tokenizer()
    let identifier: LanguageIdentifier
    let splitter: SentenceSplitter
    let vocabulary: Vocabulary

    public init(resources: LanguageResources) throws(StageFailure) {
        vocabulary = resources.vocabulary
        identifier = LanguageIdentifier(resources: resources)
        splitter = try SentenceSplitter(abbreviations: resources.abbreviations)
    }

    public mutating func process(_ input: NormalizedDocument) throws(StageFailure) -> SegmentedDocument {
        let result: Result<SegmentedDocument, StageFailure> = input.normalized.withUnsafeBufferPointer { bytes in
            let tokens = tokenizer.tokenize(bytes)
            let ids = vocabulary.ids(of: tokens, in: bytes)
            var language: String
            var confidence: Double
            if let forced = input.source.forcedLanguage {
                (language, confidence) = (forced, 1)
            } else {
                (language, confidence) = identifier.identify(
                    bytes, tokens: tokens, ids: ids, hint: input.source.declaredLanguage)
            }
            do throws(StageFailure) {
                let sentences = try splitter.split(bytes)
                return .success(
                    SegmentedDocument(
                        normalized: input, sentences: sentences, tokens: tokens, tokenIDs: ids, vocabulary: vocabulary,
                        language: language,
                        languageConfidence: confidence))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

/// segment: tokens, language and sentences of a normalized document.
public struct SegmentStage: Stage {
    public typealias Input = NormalizedDocument
    public typealias Output = SegmentedDocument
    public static let name = "segment"

    let tokenizer = Tokenizer()
    let identifier: LanguageIdentifier
    let splitter: SentenceSplitter

    public init(resources: LanguageResources) throws(StageFailure) {
        identifier = LanguageIdentifier(resources: resources)
        splitter = try SentenceSplitter(abbreviations: resources.abbreviations)
    }

    public mutating func process(_ input: NormalizedDocument) throws(StageFailure) -> SegmentedDocument {
        let result: Result<SegmentedDocument, StageFailure> = input.normalized.withUnsafeBufferPointer { bytes in
            let tokens = tokenizer.tokenize(bytes)
            var language: String
            var confidence: Double
            if let forced = input.source.forcedLanguage {
                (language, confidence) = (forced, 1)
            } else {
                (language, confidence) = identifier.identify(
                    bytes, tokens: tokens, hint: input.source.declaredLanguage)
            }
            do throws(StageFailure) {
                let sentences = try splitter.split(bytes)
                return .success(
                    SegmentedDocument(
                        normalized: input, sentences: sentences, tokens: tokens, language: language,
                        languageConfidence: confidence))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

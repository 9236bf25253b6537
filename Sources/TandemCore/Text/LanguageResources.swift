import Foundation

/// Word lists per language that segmentation needs: function words (for language
/// identification) and abbreviations that end in a period without ending a sentence.
/// Loaded once from `rules/<lang>/function_words.txt` and `abbreviations.txt`.
public struct LanguageResources: Sendable {
    /// The pipeline's one vocabulary: the function words of all languages first, then the
    /// words of every rule table (extractors intern theirs as they load), so the segment
    /// stage maps each token to its id once for language identification and all extractors.
    public let vocabulary: Vocabulary
    /// Per function-word id, a bit per language (bit `i` for `languages[i]`); ids past its
    /// end are no function word.
    public let functionWordLanguages: [UInt8]
    /// Abbreviations as written (`Mr.`, `U.S.`, `TP.`), all languages together.
    public var abbreviations: Set<String>

    /// Builds the resources from function words per language code.
    public init(functionWords: [String: [String]], abbreviations: Set<String>) {
        let vocabulary = Vocabulary()
        var flags: [Int32: UInt8] = [:]
        for (index, language) in Self.languages.enumerated() {
            for word in functionWords[language] ?? [] { flags[vocabulary.intern(word), default: 0] |= 1 << index }
        }
        self.vocabulary = vocabulary
        functionWordLanguages = (0..<vocabulary.count).map { flags[Int32($0)] ?? 0 }
        self.abbreviations = abbreviations
    }

    /// The languages Tandem identifies and has rule folders for.
    public static let languages = ["vi", "en"]

    public static func load(rulesFolder: URL) throws(ConfigError) -> LanguageResources {
        var functionWords: [String: [String]] = [:]
        var abbreviations: Set<String> = []
        for language in languages {
            let folder = rulesFolder.appendingPathComponent(language)
            functionWords[language] = try WordList.load(folder.appendingPathComponent("function_words.txt"))
            abbreviations.formUnion(try WordList.load(folder.appendingPathComponent("abbreviations.txt")))
        }
        return LanguageResources(functionWords: functionWords, abbreviations: abbreviations)
    }
}

/// A plain word list: one entry per line, `#` starts a comment, blank lines ignored.
public enum WordList {
    public static func load(_ url: URL) throws(ConfigError) -> [String] {
        parse(try RuleText.read(url))
    }

    public static func parse(_ text: String) -> [String] {
        RuleText.lines(text).map { $0.text.trimmingSpaces }
    }
}

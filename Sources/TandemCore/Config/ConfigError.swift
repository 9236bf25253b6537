/// A problem with pipeline.json or a rule table, named by file, line and key path so the
/// user can go straight to it. Exits with code 65.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var path: String
    public var message: String

    public init(file: String, line: Int? = nil, path: String = "", _ message: String) {
        self.file = file
        self.line = line
        self.path = path
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if !path.isEmpty { location += ": at \(path)" }
        return "\(location): \(message)"
    }
}

/// A normalized value of a mention: a number, a TIMEX3 string, or null when the value
/// cannot be resolved (a relative date without a reference date).
public enum MentionValue: Sendable, Equatable {
    case integer(Int64)
    case decimal(Double)
    case string(String)
    case null
}

/// One extracted number, date or entity, located in the normalized text.
///
/// Offsets are normalized-text bytes here; the emitter maps them back to scalars of the
/// original text, which is what records report.
public struct Mention: Sendable, Equatable {
    /// The rule that produced it, `lang/table:name`.
    public var rule: String
    /// `number`, `date` or `entity`.
    public var kind: String
    public var span: ByteSpan
    /// TIMEX3 type for dates (DATE, TIME, DURATION, SET), PER/ORG/LOC for entities,
    /// ORDINAL for ordinal numbers; nil for cardinals.
    public var type: String?
    /// Canonical entity id (English Wikipedia title).
    public var id: String?
    public var value: MentionValue?
    public var valueEnd: MentionValue?
    public var mod: String?
    /// `percent` for percentages.
    public var unit: String?
}

extension Mention {
    /// The public initializer lives here and hands over to the synthesized memberwise one
    /// (`rule` declared first gives that one a different signature). An initializer written
    /// out in the struct, with optional fields, makes the compiler (6.3) build every mention
    /// twice, then copy one and destroy the other: seven strings retained and released.
    public init(
        kind: String, span: ByteSpan, type: String? = nil, id: String? = nil, value: MentionValue? = nil,
        valueEnd: MentionValue? = nil, mod: String? = nil, unit: String? = nil, rule: String
    ) {
        self.init(
            rule: rule, kind: kind, span: span, type: type, id: id, value: value, valueEnd: valueEnd, mod: mod,
            unit: unit)
    }
}

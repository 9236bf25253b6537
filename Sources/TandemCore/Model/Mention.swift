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
    /// The rule that produced it, `lang/table:name`.
    public var rule: String

    public init(
        kind: String, span: ByteSpan, type: String? = nil, id: String? = nil, value: MentionValue? = nil,
        valueEnd: MentionValue? = nil, mod: String? = nil, unit: String? = nil, rule: String
    ) {
        self.kind = kind
        self.span = span
        self.type = type
        self.id = id
        self.value = value
        self.valueEnd = valueEnd
        self.mod = mod
        self.unit = unit
        self.rule = rule
    }
}

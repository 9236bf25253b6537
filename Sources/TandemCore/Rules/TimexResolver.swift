import Foundation

/// Turns a date rule's outputs and a match's captures into a TIMEX3 value, resolving
/// relative and partial expressions against the reference date (dct) when there is one.
///
/// Outputs (templates may use `$1`, `$2`… for captures; an absent capture is `X`):
/// - `value=…`, `value_end=…`: the value as written (`P$1D`, `PRESENT_REF`, `P1W`).
/// - `shift=UNIT:N` with `grain=GRAIN`: the dct moved by N units (Y, Q, M, W, D), written at
///   the grain (Y, Q, M, W, WE, D); null without a dct.
/// - `weekday=N` (1 Monday … 7 Sunday) with `direction=past|future|before`: the nearest such
///   day on or before the dct, after it, or before it (`last Friday` on a Friday is a week
///   back); with `shift=W:N`, that day of the week N weeks from the dct's (Monday first:
///   `thứ Sáu tuần trước`); null without a dct. With `day` and `month` it only picks their
///   year: the one nearest the dct in which they fall on that weekday. A month or other
///   period with `direction=before` is the last one over before the dct (`last June`).
/// - Calendar fields `year month day week quarter half decade century hour minute second part
///   zone` (a zone of `+7` is written `+07`),
///   `hhmm` for a clock time written as four digits (0830 GMT: hour 8, minute 30), and
///   `year_shift=N` for a year relative to the dct's (`tháng 9 năm ngoái` → dct year - 1),
///   and `end.FIELD` for the range end. `week` with `month` is that month's Nth week, the
///   first being the ISO week that holds its first day (written as the ISO week). A
///   missing year is inferred from the dct (the nearest one in `direction`, past by
///   default) or left as `XXXX`.
/// - `season=SP|SU|FA|WI`: that season of the dct's season year (`this summer`; a winter
///   runs from December, so January's `this winter` began the year before), the last one
///   over before the dct with `direction=past` (`last summer`, in November, is that year's),
///   the next one to begin with `direction=future`, or that of the dct's year moved by
///   `year_shift` (`mùa hè năm ngoái`); with `direction=tense`, past or future as the words
///   around it say (`over the summer, protests escalated`); null without a dct.
/// - `calendar=lunar`: the day and month are lunar (`LunarCalendar`), written as the
///   Gregorian date; null without a year or a dct.
/// - `calendar=easter|orthodox-easter`: the day is `day` days from that Easter Sunday (0
///   when absent: Good Friday is `day=-2`), of the year written or inferred from the dct as
///   a day and month is; null without a year or a dct.
/// - `cycle=N`: the year is the one at place N (0…59, `cycle_years.tsv`) of the sexagenary
///   cycle nearest the dct (`Tết Mậu Tuất`, `năm Giáp Thìn`); null without a dct.
/// - `anchor=previous`: the expression is read from the date the text last named, not from
///   the dct (`the next day`, `19 giờ cùng ngày`, `the following year`): `DateExtractor`
///   passes that date as the reference when it is at least as fine as the rule's `grain`.
///   `anchor=required`: the same, but without such a date the match only blocks.
///   `anchor=base`: read as `previous`, but a comparison's base (`a year earlier`): no later
///   anchored expression reads from it (two `a year earlier` after 2023 are both 2022).
/// - `lean=future`: with no tense from the words around it, the date is the coming one (`until
///   September`, `through March`: a span's end; `sales fell through September` stays past).
///
/// A class: extractors hold one per rule and use it per match, so a reference is cheaper to
/// hand around than a struct of templates.
final class TimexResolver: Sendable {
    /// The resolved value and range end; nil when the fields are not a valid date.
    struct Resolved {
        var value: MentionValue
        var valueEnd: MentionValue?
    }

    static let fieldNames: Set<String> = Set(Field.allCases.map(\.name))
    static let fieldsByName: [String: Field] = Dictionary(uniqueKeysWithValues: Field.allCases.map { ($0.name, $0) })

    static let outputNames: Set<String> =
        fieldNames.union(fieldNames.map { "end.\($0)" }).union([
            "type", "value", "value_end", "shift", "grain", "weekday", "direction", "mod", "calendar", "anchor",
            "season", "lean",
        ])

    /// The calendar fields, in the order of `startFields` and `endFields`.
    enum Field: Int, CaseIterable {
        case year, month, day, week, quarter, decade, century, hour, minute, part, zone, hhmm
        /// The half of a year, 1 or 2 (`6 tháng đầu năm`: YYYY-H1).
        case half
        /// The year relative to the dct's (`tháng 9 năm ngoái`, `last September`): -1, 0, +1.
        case yearShift
        /// Seconds of a clock time (20:56:24).
        case second
        /// A year's place in the sexagenary cycle, 0 (Giáp Tý) to 59 (`Tết Mậu Tuất`): the
        /// year of that place nearest the dct.
        case cycle

        /// The output's name (a table, not `"\(self)"`: interpolating an enum reflects on it).
        var name: String { Self.names[rawValue] }

        private static let names = [
            "year", "month", "day", "week", "quarter", "decade", "century", "hour", "minute", "part", "zone",
            "hhmm", "half", "year_shift", "second", "cycle",
        ]
    }

    /// The rule's outputs, each compiled to a template once.
    private let outputs: [String: Template]
    /// The outputs `resolve` reads on every match, looked up once here.
    private let value: Template?
    private let valueEnd: Template?
    private let direction: Template?
    /// `lean=future`: a date no words put in time is the coming one.
    private let leansFuture: Bool
    /// `shift=UNIT:N`, split at its colon once here (nil without one: no value then).
    private let hasShift: Bool
    private let shiftParts: (unit: Template, amount: Template)?
    private let grain: Template?
    private let weekday: Template?
    private let part: Template?
    private let season: Template?
    /// Whether the rule gives a range end (`end.FIELD`).
    private let hasEnd: Bool
    /// Whether the day, month and year are of the lunar calendar (`calendar=lunar`).
    private let lunar: Bool
    /// The Easter a movable feast is counted from (`calendar=easter|orthodox-easter`).
    private let feast: MovableFeasts.Easter?
    /// Whether the rule gives a clock time (`hour` or `hhmm`), written after a weekday or a
    /// shifted day too.
    private let hasClock: Bool
    /// `anchor=previous`: the reference is the date the text last named (see `DateExtractor`).
    let anchored: Bool
    /// `anchor=required`: the same, but with no such date the match only blocks (`tuần trước
    /// đó`, the week before that, says nothing alone).
    let anchorRequired: Bool
    /// Whether a value of this rule names a date that a later anchored expression may read
    /// from: a date or time with a calendar field, a weekday or a shift, or anchored itself
    /// (a bare clock time takes the dct's day, which the text did not name).
    let namesAnchor: Bool
    /// Calendar field templates by `Field`, looked up once here rather than per match:
    /// the start's, and the end's (`end.FIELD`, else the start's).
    private let startFields: [Template?]
    private let endFields: [Template?]
    /// Whether one year written after a range's end is its start's too (`year=$5 end.year=$5`:
    /// 1/11 đến 31/3/2025, December 20 to January 5, 2025); then the start's fields without it.
    private let yearWrittenOnce: Bool
    private let startFieldsWithoutYear: [Template?]

    init(outputs: [String: String]) {
        yearWrittenOnce = outputs["year"] != nil && outputs["end.year"] == outputs["year"]
        hasShift = outputs["shift"] != nil
        shiftParts = outputs["shift"].flatMap { text in
            text.firstIndex(of: ":").map {
                (Template(String(text[..<$0])), Template(String(text[text.index(after: $0)...])))
            }
        }
        let outputs = outputs.mapValues(Template.init)
        self.outputs = outputs
        value = outputs["value"]
        valueEnd = outputs["value_end"]
        direction = outputs["direction"]
        leansFuture = outputs["lean"]?.fill([]) == "future"
        grain = outputs["grain"]
        weekday = outputs["weekday"]
        part = outputs["part"]
        season = outputs["season"]
        hasEnd = outputs.keys.contains { $0.hasPrefix("end.") }
        let calendar = outputs["calendar"]?.fill([])
        lunar = calendar == "lunar"
        feast = calendar == "easter" ? .western : calendar == "orthodox-easter" ? .orthodox : nil
        hasClock = outputs["hour"] != nil || outputs["hhmm"] != nil
        let anchor = outputs["anchor"]?.fill([])
        anchored = anchor == "previous" || anchor == "required" || anchor == "base"
        anchorRequired = anchor == "required"
        let type = outputs["type"]?.fill([])
        // The fields, from the rule's few outputs (not a lookup of every field's name).
        var start = [Template?](repeating: nil, count: Field.allCases.count)
        var end = start
        for (name, template) in outputs {
            if let field = Self.fieldsByName[name] {
                start[field.rawValue] = template
            } else if name.hasPrefix("end."), let field = Self.fieldsByName[String(name.dropFirst(4))] {
                end[field.rawValue] = template
            }
        }
        startFields = start
        endFields = zip(end, start).map { $0 ?? $1 }
        namesAnchor =
            (type == "DATE" || type == "TIME") && outputs["value"] == nil && anchor != "base"
            && (anchored || hasShift || outputs["weekday"] != nil
                || [Field.year, .month, .day, .week, .quarter, .half, .yearShift].contains { start[$0.rawValue] != nil })
        var withoutYear = start
        withoutYear[Field.year.rawValue] = nil
        startFieldsWithoutYear = withoutYear
    }

    /// How fine a date is written, coarsest first: the reference of an anchored expression must
    /// be at least as fine as the expression's own grain.
    enum Grain: Int, Comparable, Sendable {
        case year, month, day

        static func < (a: Grain, b: Grain) -> Bool { a.rawValue < b.rawValue }
    }

    /// The grain the reference of an anchored match needs, by its `grain` (else its shift's
    /// unit): a year for a year; a month for a quarter, a half or a month (a year named alone
    /// is no quarter to step from: the previous quarter after fiscal 2026 reads from the
    /// reference date); else a day.
    func anchorGrain(_ captures: [Capture?]) -> Grain {
        switch grain?.fill(captures) ?? shiftParts?.unit.fill(captures) {
        case "Y"?: return .year
        case "Q"?, "H"?, "M"?: return .month
        default: return .day
        }
    }

    /// An output value with `$n` capture references, split once at load time.
    struct Template: Sendable {
        enum Piece: Sendable {
            case text(String)
            case capture(Int)
        }

        let pieces: [Piece]

        init(_ text: String) {
            var pieces: [Piece] = []
            let bytes = Array(text.utf8)
            // `$` and one ASCII digit is a capture; the bytes between captures are text.
            var literalStart = 0
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "$") && index + 1 < bytes.count && bytes[index + 1] >= 0x30
                    && bytes[index + 1] <= 0x39
                {
                    if literalStart < index {
                        pieces.append(.text(String(decoding: bytes[literalStart..<index], as: UTF8.self)))
                    }
                    pieces.append(.capture(Int(bytes[index + 1] - 0x30)))
                    index += 2
                    literalStart = index
                } else {
                    index += 1
                }
            }
            if literalStart < bytes.count || pieces.isEmpty {
                pieces.append(.text(String(decoding: bytes[literalStart...], as: UTF8.self)))
            }
            self.pieces = pieces
        }

        /// The template's value as a whole number, without making text when it is a single
        /// capture; nil when it is not a whole number or has an `X` (an absent capture).
        func number(_ captures: [Capture?]) -> Int? {
            if pieces.count == 1, case .capture(let index) = pieces[0] {
                switch index >= 1 && index <= captures.count ? captures[index - 1] : nil {
                case .number(let value)?:
                    return value == value.rounded() && abs(value) < 1e15 ? Int(value) : nil
                case .text(let text)?:
                    return text.hasUnknown ? nil : Int(text)
                case nil:
                    return nil
                }
            }
            let text = fill(captures)
            return text.hasUnknown ? nil : Int(text)
        }

        /// The text with captures filled in (1-based); absent captures become `X`.
        func fill(_ captures: [Capture?]) -> String {
            if pieces.count == 1, case .text(let text) = pieces[0] { return text }
            var result = ""
            for piece in pieces {
                switch piece {
                case .text(let text): result += text
                case .capture(let number):
                    let capture = number >= 1 && number <= captures.count ? captures[number - 1] : nil
                    result += capture?.text ?? "X"
                }
            }
            return result
        }
    }

    /// What the words before a date say of its time: they speak of the future (`will meet
    /// on Thursday`), of the past (`agreed in December`, `đã diễn ra`), of a future reported
    /// in the past (`said the talks would resume on May 11`), or none of these. The date
    /// extractor passes a reported future on as a future, read from the past date its
    /// sentence named where there is one (`In April, … said … would resume on May 11`).
    enum Tense: Sendable {
        case unknown
        case past
        case future
        case reportedFuture
    }

    /// `tense`: in the future, a weekday or a date without a year is the next one (unless the
    /// rule says `direction`); in the past, the last one; otherwise the last one, or the
    /// coming one within `upcomingDays`.
    func resolve(_ captures: [Capture?], dct: CivilDate?, tense: Tense = .unknown) -> Resolved? {
        if let value = value?.fill(captures) {
            return Resolved(value: .string(value), valueEnd: valueEnd.map { .string($0.fill(captures)) })
        }
        let direction = self.direction?.fill(captures)
        if let season = season?.fill(captures) {
            guard let dct else { return Resolved(value: .null) }
            let directed =
                direction != "tense" ? direction : tense == .past ? "past" : tense == .unknown ? nil : "future"
            return seasonValue(
                season, dct: dct, direction: directed,
                yearShift: startFields[Field.yearShift.rawValue]?.number(captures))
        }
        // A rule that names its direction overrides the words around the date; one that leans
        // only fills in for them.
        let tense: Tense =
            direction == "future"
            ? .future
            : direction != nil ? .past : tense == .unknown && leansFuture ? .future : tense
        let future = tense == .future
        let weekday = self.weekday?.number(captures)
        if let weekday, !(1...7).contains(weekday) { return nil }
        if hasShift {
            guard let dct else { return Resolved(value: .null) }
            // `unit:amount`, the amount signed (`Int` reads a leading `+` or `-`).
            guard let (unitTemplate, amountTemplate) = shiftParts, let amount = amountTemplate.number(captures) else {
                return nil
            }
            let unit = unitTemplate.fill(captures)
            let date: CivilDate
            switch unit {
            case "CE": date = dct.adding(months: 1200 * amount)
            case "DE": date = dct.adding(months: 120 * amount)
            case "Y": date = dct.adding(months: 12 * amount)
            case "Q": date = dct.adding(months: 3 * amount)
            case "M": date = dct.adding(months: amount)
            case "W":
                date = dct.adding(days: 7 * amount)
                // A weekday of that week (ISO: Monday first), with its clock time if any.
                if let weekday { return dayValue(date.adding(days: weekday - date.weekday), grain: "D", captures) }
            case "D": date = dct.adding(days: amount)
            default: return nil
            }
            // A day of that month (ngày 20 tháng này, ngày 5 tháng sau).
            if unit == "M", let day = startFields[Field.day.rawValue]?.number(captures) {
                guard (1...CivilDate.daysIn(year: date.year, month: date.month)).contains(day) else { return nil }
                return dayValue(CivilDate(year: date.year, month: date.month, day: day), grain: "D", captures)
            }
            // A clock time on that day: 7 a.m. tomorrow, 23 giờ 15 phút đêm qua.
            return dayValue(date, grain: grain?.fill(captures) ?? unit, captures)
        }
        // A weekday with a day and month (Monday, March 4; thứ Hai (4/3)) only tells the year.
        let weekdayOfDate = startFields[Field.day.rawValue] != nil ? weekday : nil
        if let weekday, weekdayOfDate == nil {
            guard let dct else { return Resolved(value: .null) }
            var offset = weekday - dct.weekday
            // The dct's own weekday in the future is that day unless the rule says next (the
            // leaders will meet Thursday, written on a Thursday; next Thursday is a week on).
            if future && (offset < 0 || (offset == 0 && direction == "future")) { offset += 7 }
            if !future && offset > 0 { offset -= 7 }
            if direction == "before" && offset == 0 { offset = -7 }
            // A grain names the unit around that day: `grain=WE` on a Saturday is its weekend;
            // a clock time is on that day (11 p.m. Wednesday).
            return dayValue(dct.adding(days: offset), grain: self.grain?.fill(captures) ?? "D", captures)
        }
        // A year named by its place in the cycle alone needs the dct to say which.
        if dct == nil && startFields[Field.cycle.rawValue] != nil { return Resolved(value: .null) }
        if lunar { return lunarValue(captures, dct: dct, tense: tense) }
        if let feast { return feastValue(feast, captures, dct: dct, tense: tense) }
        guard
            let start = calendarValue(
                startFields, captures, dct: dct, tense: tense, startYear: nil, weekday: weekdayOfDate,
                strictlyBefore: direction == "before")
        else {
            return nil
        }
        var end =
            hasEnd
            ? calendarValue(
                endFields, captures, dct: dct, tense: tense, startYear: start.year, yearWhenUnwritten: start.year)
            : nil
        if hasEnd && end == nil { return nil }
        // A range ends after it starts: 1/11 to 31/3 runs into the next year, or, with the
        // year written once after its end, starts in the year before.
        if let year = start.year, let ending = end, ending.year == year, let endMonth = ending.month,
            let startMonth = start.month, (endMonth, ending.day ?? 31) < (startMonth, start.day ?? 1)
        {
            if yearWrittenOnce {
                let before = calendarValue(
                    startFieldsWithoutYear, captures, dct: dct, tense: tense, startYear: nil,
                    yearWhenUnwritten: year - 1)
                return before.map { Resolved(value: .string($0.text), valueEnd: .string(ending.text)) }
            }
            end = calendarValue(
                endFields, captures, dct: dct, tense: tense, startYear: start.year, yearWhenUnwritten: year + 1)
        }
        return Resolved(value: .string(start.text), valueEnd: end.map { .string($0.text) })
    }

    /// A season (`SU`) as `YYYY-SU`, its year chosen from the dct as `season=` describes.
    private func seasonValue(_ code: String, dct: CivilDate, direction: String?, yearShift: Int?) -> Resolved? {
        guard let startMonth = Self.seasonStartMonths[code] else { return nil }
        func start(_ year: Int) -> CivilDate { CivilDate(year: year, month: startMonth, day: 1) }
        var year: Int
        if let yearShift {
            year = dct.year + yearShift
        } else if direction == "past" {
            // The last one whose three months are over (ended on the first of the next month).
            year = dct.year
            while start(year).adding(months: 3) > dct { year -= 1 }
        } else if direction == "future" {
            year = dct.year - 1
            while start(year) <= dct { year += 1 }
        } else {
            // January and February are the winter begun the December before.
            year = code == "WI" && dct.month < 3 ? dct.year - 1 : dct.year
        }
        guard (0...9999).contains(year) else { return nil }
        return Resolved(value: .string("\(format4(year))-\(code)"))
    }

    /// The year at `place` (0…59) of the sexagenary cycle nearest the dct's year (a year Y is
    /// at (Y - 4) mod 60: 1984 Giáp Tý, 2024 Giáp Thìn, 59).
    static func year(ofCyclePlace place: Int, near dct: CivilDate) -> Int? {
        guard (0..<60).contains(place) else { return nil }
        let back = ((dct.year - 4 - place) % 60 + 60) % 60
        return back <= 30 ? dct.year - back : dct.year - back + 60
    }

    /// The month each season's three months start in (winter: December).
    private static let seasonStartMonths = ["SP": 3, "SU": 6, "FA": 9, "WI": 12]

    /// A date reached from the dct (a shift, a weekday) written at `grain`, with the rule's
    /// clock time when it has one and the grain is a day; nil when the clock is not valid.
    private func dayValue(_ date: CivilDate, grain: String, _ captures: [Capture?]) -> Resolved? {
        guard grain == "D", hasClock else { return Resolved(value: .string(format(date, grain: grain, captures))) }
        guard let time = timeOfDay(startFields, captures) else { return nil }
        return Resolved(value: .string(format(date, grain: grain, captures, withPart: false) + time))
    }

    /// A lunar day and month (mùng 6 tháng Giêng, rằm tháng Tám âm lịch) as the Gregorian
    /// date; a lunar month alone as the Gregorian month of its full moon (day 15). Without a
    /// year, the lunar year is chosen as `inferYear` chooses a Gregorian one; null without a
    /// year or a dct.
    private func lunarValue(_ captures: [Capture?], dct: CivilDate?, tense: Tense) -> Resolved? {
        func number(_ field: Field) -> Int? { startFields[field.rawValue]?.number(captures) }
        guard let month = number(.month) else { return nil }
        let day = number(.day)
        // The date stood for: the day, or the full moon (day 15) of a month alone.
        func solar(_ year: Int, day wanted: Int? = nil) -> CivilDate? {
            LunarCalendar.gregorian(day: wanted ?? day ?? 15, month: month, year: year)
        }
        var date: CivilDate?
        if let year = number(.year)
            ?? number(.cycle).flatMap({ place in dct.flatMap { Self.year(ofCyclePlace: place, near: $0) } })
        {
            date = solar(year)
        } else if let dct {
            let lunarYear = LunarCalendar.lunarYear(of: dct)
            if let shift = number(.yearShift) {
                date = solar(lunarYear + shift)
            } else {
                guard let same = solar(lunarYear), let first = solar(lunarYear, day: 1) else { return nil }
                // A month under way at the dct is this year's (its last day is at most 29 on).
                let sameEnd = day != nil ? same : first.adding(days: 29)
                let next = sameEnd < dct ? solar(lunarYear + 1) : same
                let last = dct < first ? solar(lunarYear - 1) : same
                let window = day != nil ? Self.upcomingDaysForDays : Self.upcomingDays
                date = Self.comingOrLast(next, last, dct: dct, tense: tense, window: window)
            }
        } else {
            return Resolved(value: .null)
        }
        guard let date else { return nil }
        var text = "\(format4(date.year))-\(pad2(date.month))"
        if day != nil {
            guard let time = timeOfDay(startFields, captures) else { return nil }
            text += "-\(pad2(date.day))" + time
        }
        return Resolved(value: .string(text))
    }

    /// Of a date's coming and last occurrences, the coming one in the future, or with no
    /// tense when it is at most `window` days ahead; else the last one.
    private static func comingOrLast(
        _ next: CivilDate?, _ last: CivilDate?, dct: CivilDate, tense: Tense, window: Int
    ) -> CivilDate? {
        if let next, tense == .future || (tense == .unknown && next.daysSinceEpoch - dct.daysSinceEpoch <= window) {
            return next
        }
        return last
    }

    /// A movable feast: `day` days from the Easter Sunday of the year written, or of the
    /// year a day and month would take (the coming one within `upcomingDaysForDays` with no
    /// tense); null without a year or a dct.
    private func feastValue(_ easter: MovableFeasts.Easter, _ captures: [Capture?], dct: CivilDate?, tense: Tense)
        -> Resolved?
    {
        let offset = startFields[Field.day.rawValue]?.number(captures) ?? 0
        func feastDay(in year: Int) -> CivilDate { MovableFeasts.sunday(easter, year: year).adding(days: offset) }
        let date: CivilDate
        if let year = startFields[Field.year.rawValue]?.number(captures) {
            date = feastDay(in: year)
        } else if let dct {
            let same = feastDay(in: dct.year)
            let next = same < dct ? feastDay(in: dct.year + 1) : same
            let last = dct < same ? feastDay(in: dct.year - 1) : same
            date = Self.comingOrLast(next, last, dct: dct, tense: tense, window: Self.upcomingDaysForDays) ?? last
        } else {
            return Resolved(value: .null)
        }
        guard let time = timeOfDay(startFields, captures) else { return nil }
        return Resolved(value: .string("\(format4(date.year))-\(pad2(date.month))-\(pad2(date.day))" + time))
    }

    /// A resolved calendar value and the fields it was made of.
    private struct Calendar {
        var text: String
        var year: Int?
        var month: Int?
        var day: Int?
    }

    /// A date, time, week, quarter, decade or century from calendar fields.
    /// Fields without a year of their own (nor a year shift) take `yearWhenUnwritten`: a
    /// range's end its start's.
    private func calendarValue(
        _ fields: [Template?], _ captures: [Capture?], dct: CivilDate?, tense: Tense, startYear: Int?,
        yearWhenUnwritten: Int? = nil, weekday: Int? = nil, strictlyBefore: Bool = false
    ) -> Calendar? {
        func field(_ field: Field) -> String? {
            guard let text = fields[field.rawValue]?.fill(captures), !text.hasUnknown else { return nil }
            return text
        }
        func number(_ field: Field) -> Int? { fields[field.rawValue]?.number(captures) }
        if let decade = number(.decade), (100...9999).contains(decade) { return Calendar(text: String(decade / 10)) }
        if let century = number(.century) { return Calendar(text: pad2(century - 1)) }
        var year = number(.year)
        if year == nil, let place = number(.cycle) {
            guard let dct, let cycleYear = Self.year(ofCyclePlace: place, near: dct) else { return nil }
            year = cycleYear
        }
        if let value = year, value < 100, let startYear { year = startYear / 100 * 100 + value }
        if year == nil, fields[Field.yearShift.rawValue] == nil { year = yearWhenUnwritten }
        let month = number(.month)
        let day = number(.day)
        let week = number(.week)
        let quarter = number(.quarter)
        let half = number(.half)
        if let half, !(1...2).contains(half) { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day, !(1...31).contains(day) { return nil }
        if let day, let month, let year, day > CivilDate.daysIn(year: year, month: month) { return nil }
        if let quarter, !(1...4).contains(quarter) { return nil }
        // Four digits past 2199 are a count, not a year (the 5000 troops), and four with a
        // leading zero a clock time (0830 GMT).
        if let year, year > 2199 || year < 1000 { return nil }
        if let week, !(1...53).contains(week) { return nil }
        // A week of a month (tuần thứ 2 tháng 6): the month's first week holds its first day.
        if week != nil, month != nil, day != nil { return nil }
        if let week, month != nil, week > 5 { return nil }
        // Without a dct the shifted year stays unknown (XXXX).
        if year == nil, let shift = number(.yearShift), let dct { year = dct.year + shift }
        // The year in which the day and month fall on the weekday written with them, nearest
        // the dct (Monday, March 4 is 2024's in a November 2024 article, not 2025's).
        if year == nil, let dct, let weekday, let month, let day {
            let dates = (dct.year - 1...dct.year + 1).compactMap { candidate in
                day <= CivilDate.daysIn(year: candidate, month: month)
                    ? CivilDate(year: candidate, month: month, day: day) : nil
            }.filter { $0.weekday == weekday }
            year =
                dates.min { abs($0.daysSinceEpoch - dct.daysSinceEpoch) < abs($1.daysSinceEpoch - dct.daysSinceEpoch) }?
                .year
        }
        if year == nil, let dct, month != nil || quarter != nil || week != nil || half != nil {
            // The unit's first day: a week's Monday is about (week - 1) * 7 days into the year.
            let firstDay = week.map {
                CivilDate(year: dct.year, month: month ?? 1, day: 1).adding(days: ($0 - 1) * 7)
            }
            // A month, quarter or half lasts that many months: under way at the dct, it is
            // this year's, not the next (dự kiến trong quý III, in an August article).
            let months = day != nil || week != nil ? 0 : month != nil ? 1 : quarter != nil ? 3 : 6
            year = inferYear(
                month: firstDay?.month ?? month ?? half.map { ($0 - 1) * 6 + 1 } ?? ((quarter ?? 1) - 1) * 3 + 1,
                day: firstDay?.day ?? day ?? 1, months: months, dct: dct, tense: tense, dayGiven: day != nil,
                strictlyBefore: strictlyBefore)
        }
        // A year inferred past four digits (a dct of 9999) has no TIMEX3 value.
        if let year, year > 9999 { return nil }
        let yearText = year.map(format4) ?? "XXXX"
        var text: String
        if let week, let month {
            guard let year else { return nil }
            let (weekYear, weekOfYear) = CivilDate(year: year, month: month, day: 1).adding(days: (week - 1) * 7)
                .isoWeek
            text = "\(format4(weekYear))-W\(pad2(weekOfYear))"
        } else if let week {
            text = "\(yearText)-W\(pad2(week))"
        } else if let quarter {
            text = "\(yearText)-Q\(quarter)"
        } else if let half {
            text = "\(yearText)-H\(half)"
        } else if let month {
            text = "\(yearText)-\(pad2(month))"
            if let day { text += "-\(pad2(day))" }
        } else if year != nil {
            text = yearText
        } else if day != nil {
            return nil
        } else {
            text = dct.map { format($0, grain: "D", captures, withPart: false) } ?? "XXXX-XX-XX"
        }
        guard let time = timeOfDay(fields, captures) else { return nil }
        return Calendar(text: text + time, year: year, month: month, day: day)
    }

    /// The time of day the fields give, written after a date: `T23:00` (an hour, with its
    /// minutes, part of the day and zone), `TMO` (a part of the day alone), or nothing; nil
    /// when the clock is not valid.
    private func timeOfDay(_ fields: [Template?], _ captures: [Capture?]) -> String? {
        func field(_ field: Field) -> String? {
            guard let text = fields[field.rawValue]?.fill(captures), !text.hasUnknown else { return nil }
            return text
        }
        func number(_ field: Field) -> Int? { fields[field.rawValue]?.number(captures) }
        let clock = number(.hhmm)
        if var hour = number(.hour) ?? clock.map({ $0 / 100 }) {
            let minute = number(.minute) ?? clock.map { $0 % 100 } ?? 0
            switch field(.part) {
            case "PM"?, "AF"?, "EV"?: if hour < 12 { hour += 12 }
            case "NI"?: if hour < 12 && hour >= 6 { hour += 12 }
            case "AM"?: if hour == 12 { hour = 0 }
            default: break
            }
            guard (0...24).contains(hour), (0...59).contains(minute) else { return nil }
            var clock = "T" + pad2(hour) + ":" + pad2(minute)
            if let second = number(.second) {
                guard (0...59).contains(second) else { return nil }
                clock += ":" + pad2(second)
            }
            return clock + (field(.zone).map(Self.isoZone) ?? "")
        } else if let part = field(.part), !["AM", "PM"].contains(part) {
            return "T" + part
        }
        return ""
    }

    /// A zone as ISO 8601 writes it: an offset in hours gets two digits (`+7` is `+07`).
    static func isoZone(_ zone: String) -> String {
        guard let sign = zone.first, sign == "+" || sign == "-", let hours = Int(zone.dropFirst()),
            (0...14).contains(hours)
        else { return zone }
        return String(sign) + (hours < 10 ? "0" : "") + String(hours)
    }

    /// The year that puts month/day nearest to the dct in the given direction: the next one in
    /// the future, the last one in the past, and with no tense known the last one but within
    /// `upcomingDays` (`upcomingDaysForDays` when a day is given) ahead: news names the coming
    /// days and next month without a year (hội nghị diễn ra ngày 25/11), and the same date of
    /// last year with one. A day in the future at most `lateForecastDays` before the dct, or in
    /// the past a day after it, stays in the dct's year.
    private func inferYear(
        month: Int, day: Int, months: Int, dct: CivilDate, tense: Tense, dayGiven: Bool, strictlyBefore: Bool
    ) -> Int {
        func date(in year: Int) -> CivilDate {
            CivilDate(year: year, month: month, day: min(day, CivilDate.daysIn(year: year, month: month)))
        }
        let sameYear = date(in: dct.year)
        // The period's last day this year (the start itself for a day or a week).
        let sameYearEnd =
            months == 0
            ? sameYear : CivilDate(year: dct.year, month: month, day: 1).adding(months: months).adding(days: -1)
        let next = sameYearEnd < dct ? date(in: dct.year + 1) : sameYear
        let window = dayGiven ? Self.upcomingDaysForDays : Self.upcomingDays
        // A day named in the future a few days before the dct is a forecast reported late (dự
        // báo đến 4 giờ ngày 5/9, in a 7 September article), not next year's; one in the past
        // a day after it, a dct set a few hours early.
        if dayGiven && months == 0 {
            let ahead = sameYear.daysSinceEpoch - dct.daysSinceEpoch
            if (tense == .future && ahead < 0 && ahead >= -Self.lateForecastDays)
                || (tense == .past && ahead > 0 && ahead <= Self.earlyReferenceDays)
            {
                return dct.year
            }
        }
        if tense == .future || (tense == .unknown && next.daysSinceEpoch - dct.daysSinceEpoch <= window) {
            return next.year
        }
        // `direction=before`: a period under way at the dct is not yet past (last December,
        // in a December article, is the year before's).
        return dct < sameYear || (strictlyBefore && dct <= sameYearEnd) ? dct.year - 1 : dct.year
    }

    /// How many days before the dct a day named in the future is still this year's (a
    /// forecast or a plan reported late; see `inferYear`).
    static let lateForecastDays = 7
    /// How many days after the dct a day named in the past is still this year's (a dct set a
    /// few hours early).
    static let earlyReferenceDays = 1

    /// How far ahead of the dct a month or quarter without a year or a tense cue is still
    /// taken as coming (see `inferYear`): next month, not the rest of the year (tháng 7, giá
    /// xăng tăng mạnh, in a February article, is last July).
    static let upcomingDays = 31
    /// The same for a day and month: nearer ahead than back (bế mạc vào ngày 28/6, in a May
    /// article), as news writes the year of a date that far back.
    static let upcomingDaysForDays = 182

    private func format(_ date: CivilDate, grain: String, _ captures: [Capture?], withPart: Bool = true) -> String {
        let text: String
        switch grain {
        // A century or a decade is its year's first two or three digits (TIMEX3: 19, 199).
        case "CE": text = String(format4(date.year).prefix(2))
        case "DE": text = String(format4(date.year).prefix(3))
        case "Y": text = format4(date.year)
        case "Q": text = "\(format4(date.year))-Q\((date.month - 1) / 3 + 1)"
        case "M": text = "\(format4(date.year))-\(pad2(date.month))"
        case "W", "WE":
            let (year, week) = date.isoWeek
            text = "\(format4(year))-W\(pad2(week))" + (grain == "WE" ? "-WE" : "")
        default:
            text = "\(format4(date.year))-\(pad2(date.month))-\(pad2(date.day))"
        }
        if withPart, let part = part?.fill(captures), !part.hasUnknown, grain == "D" {
            return text + "T" + part
        }
        return text
    }

    private func format4(_ year: Int) -> String { pad(year, 4) }

    private func pad2(_ value: Int) -> String { pad(value, 2) }

    /// Zero-padded decimal (no Foundation formatting on the hot path). Months, days, hours
    /// and minutes come from a table of the hundred two-digit strings.
    private func pad(_ value: Int, _ width: Int) -> String {
        if width == 2 && value >= 0 && value < 100 { return Self.twoDigits[value] }
        let digits = String(value)
        // Digits are ASCII: their UTF-8 count is their length, without counting characters.
        let length = digits.utf8.count
        return length >= width ? digits : String(repeating: "0", count: width - length) + digits
    }

    private static let twoDigits: [String] = (0..<100).map { $0 < 10 ? "0\($0)" : String($0) }
}

extension String {
    /// Whether a filled template has an `X` (an absent capture, an unknown year): a byte
    /// check, where `contains("X")` would go through Foundation's string search.
    var hasUnknown: Bool { utf8.contains(UInt8(ascii: "X")) }
}

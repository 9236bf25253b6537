import Foundation

/// The Vietnamese lunisolar calendar (âm lịch): months begin at the new moon as seen at
/// UTC+7, and the month holding the winter solstice is the eleventh. Converts a lunar day and
/// month of a lunar year to the Gregorian date, and a Gregorian date to its lunar year.
///
/// Astronomy after Hồ Ngọc Đức's published algorithm (new moons from Meeus' series, the sun's
/// longitude to a hundredth of a degree), good for 1800-2199.
public enum LunarCalendar {
    /// Vietnam's time zone, in hours east of UTC.
    static let timeZone = 7.0
    /// The Julian day number of 1970-01-01 (`CivilDate.daysSinceEpoch` 0).
    static let epochJulianDay = 2_440_588
    /// The mean length of a lunar month, in days.
    static let synodicMonth = 29.530588853
    /// The Julian day of the new moon of 1900-01-01, the count's origin.
    static let firstNewMoon = 2_415_021.076998695

    /// The Gregorian date of lunar `day` of lunar `month` (1-12, not a leap month) in lunar
    /// `year`; nil where that month has no such day.
    public static func gregorian(day: Int, month: Int, year: Int) -> CivilDate? {
        guard (1...30).contains(day), (1...12).contains(month), (1800...2199).contains(year) else { return nil }
        let (a11, b11) =
            month < 11
            ? (monthEleven(gregorianYear: year - 1), monthEleven(gregorianYear: year))
            : (monthEleven(gregorianYear: year), monthEleven(gregorianYear: year + 1))
        let k = Int((0.5 + (Double(a11) - firstNewMoon) / synodicMonth).rounded(.down))
        var offset = month - 11
        if offset < 0 { offset += 12 }
        // A year of thirteen months: the months from the leap one on are one later.
        if b11 - a11 > 365 && offset >= leapMonthOffset(a11) { offset += 1 }
        let monthStart = newMoonDay(k + offset)
        // The month is 29 or 30 days long: day 30 must still be before the next new moon.
        guard monthStart + day - 1 < newMoonDay(k + offset + 1) else { return nil }
        return CivilDate(daysSinceEpoch: monthStart + day - 1 - epochJulianDay)
    }

    /// The lunar year `date` falls in: the Gregorian year, or the one before it for the days
    /// before Tết.
    public static func lunarYear(of date: CivilDate) -> Int {
        guard let tet = gregorian(day: 1, month: 1, year: date.year) else { return date.year }
        return date < tet ? date.year - 1 : date.year
    }

    /// The Julian day number (local) of the `k`th new moon after 1900-01-01.
    static func newMoonDay(_ k: Int) -> Int {
        Int((newMoon(k) + 0.5 + timeZone / 24).rounded(.down))
    }

    /// The Julian day of the `k`th new moon (Meeus, Astronomical Algorithms, ch. 49).
    static func newMoon(_ k: Int) -> Double {
        let k = Double(k)
        let t = k / 1236.85
        let t2 = t * t
        let t3 = t2 * t
        let dr = Double.pi / 180
        var jd = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        jd += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
        let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
        let mPrime = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
        let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
        var c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
        c1 += -0.4068 * sin(mPrime * dr) + 0.0161 * sin(dr * 2 * mPrime)
        c1 += -0.0004 * sin(dr * 3 * mPrime)
        c1 += 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mPrime))
        c1 += -0.0074 * sin(dr * (m - mPrime)) + 0.0004 * sin(dr * (2 * f + m))
        c1 += -0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mPrime))
        c1 += 0.0010 * sin(dr * (2 * f - mPrime)) + 0.0005 * sin(dr * (2 * mPrime + m))
        let deltaT =
            t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2
        return jd + c1 - deltaT
    }

    /// The sun's longitude at local midnight starting day `dayNumber`, as the index (0-11) of
    /// the 30° sector it is in.
    static func sunSector(_ dayNumber: Int) -> Int {
        let t = (Double(dayNumber) - 0.5 - timeZone / 24 - 2_451_545.0) / 36525
        let t2 = t * t
        let dr = Double.pi / 180
        let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m)
        dl += (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m)
        var longitude = (l0 + dl) * dr
        longitude -= 2 * Double.pi * (longitude / (2 * Double.pi)).rounded(.down)
        return Int((longitude / Double.pi * 6).rounded(.down))
    }

    /// The Julian day the eleventh lunar month begins in, before the end of Gregorian `year`.
    static func monthEleven(gregorianYear year: Int) -> Int {
        let offset = CivilDate(year: year, month: 12, day: 31).daysSinceEpoch + epochJulianDay - 2_415_021
        let k = Int((Double(offset) / synodicMonth).rounded(.down))
        let newMoon = newMoonDay(k)
        return sunSector(newMoon) >= 9 ? newMoonDay(k - 1) : newMoon
    }

    /// Which month after the eleventh (1-13) of a thirteen-month year is the leap month: the
    /// first in which the sun enters no new sector.
    static func leapMonthOffset(_ a11: Int) -> Int {
        let k = Int(((Double(a11) - firstNewMoon) / synodicMonth + 0.5).rounded(.down))
        var index = 1
        var sector = sunSector(newMoonDay(k + index))
        var last: Int
        repeat {
            last = sector
            index += 1
            sector = sunSector(newMoonDay(k + index))
        } while sector != last && index < 14
        return index - 1
    }
}

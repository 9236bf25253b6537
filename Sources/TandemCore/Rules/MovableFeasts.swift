/// The Easter Sundays that movable feasts are counted from, as Gregorian dates.
enum MovableFeasts {
    /// Which church's Easter: the Western one (Gregorian computus) or the Orthodox one
    /// (Julian computus, a Julian date moved to the Gregorian calendar).
    enum Easter: Sendable {
        case western, orthodox
    }

    /// Easter Sunday of `year`, as a Gregorian date (the Orthodox one moved by the Julian
    /// calendar's lag, 13 days from 1900 to 2099).
    static func sunday(_ easter: Easter, year: Int) -> CivilDate {
        switch easter {
        case .western:
            // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
            let a = year % 19
            let b = year / 100
            let c = year % 100
            let d = b / 4
            let e = b % 4
            let f = (b + 8) / 25
            let g = (b - f + 1) / 3
            let h = (19 * a + b - d - g + 15) % 30
            let i = c / 4
            let k = c % 4
            let l = (32 + 2 * e + 2 * i - h - k) % 7
            let m = (a + 11 * h + 22 * l) / 451
            let month = (h + l - 7 * m + 114) / 31
            let day = (h + l - 7 * m + 114) % 31 + 1
            return CivilDate(year: year, month: month, day: day)
        case .orthodox:
            // Meeus's Julian algorithm, then the calendars' difference in days.
            let a = year % 4
            let b = year % 7
            let c = year % 19
            let d = (19 * c + 15) % 30
            let e = (2 * a + 4 * b - d + 34) % 7
            let month = (d + e + 114) / 31
            let day = (d + e + 114) % 31 + 1
            let julianToGregorian = year / 100 - year / 400 - 2
            return CivilDate(year: year, month: month, day: day).adding(days: julianToGregorian)
        }
    }
}

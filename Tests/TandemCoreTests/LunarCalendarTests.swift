import Foundation
import Testing

@testable import TandemCore

/// The lunar calendar against dates Vietnam's calendars print: Tết (in 1985 a month before
/// China's, as the new moon fell on either side of midnight at UTC+7 and UTC+8), the full
/// moons, the leap second month of Quý Mão (2023) and the short months.
@Suite("Lunar calendar")
struct LunarCalendarTests {
    static func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    @Test(arguments: [
        (1985, "1985-01-21"), (2000, "2000-02-05"), (2020, "2020-01-25"), (2021, "2021-02-12"),
        (2022, "2022-02-01"), (2023, "2023-01-22"), (2024, "2024-02-10"), (2025, "2025-01-29"),
        (2026, "2026-02-17"),
    ])
    func tetIsTheFirstDayOfTheFirstMonth(year: Int, expected: String) {
        #expect(LunarCalendar.gregorian(day: 1, month: 1, year: year) == Self.date(expected))
    }

    /// A year's stem and branch name it within sixty years: the cycle place read back from
    /// the table gives the year nearest the reference date, on either side of it.
    @Test func cycleNamesGiveTheNearestYear() throws {
        let table = try String(
            contentsOf: TandemHome.locate()!.appendingPathComponent("rules/vi/cycle_years.tsv"), encoding: .utf8)
        var places: [String: Int] = [:]
        for line in table.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            places[String(fields[0])] = Int(fields[1])
        }
        #expect(Set(places.values).count == 60)
        let june2018 = Self.date("2018-06-01")
        #expect(TimexResolver.year(ofCyclePlace: try #require(places["mậu tuất"]), near: june2018) == 2018)
        #expect(TimexResolver.year(ofCyclePlace: try #require(places["giáp thìn"]), near: june2018) == 2024)
        #expect(TimexResolver.year(ofCyclePlace: try #require(places["canh ngọ"]), near: june2018) == 1990)
        #expect(TimexResolver.year(ofCyclePlace: try #require(places["quý mão"]), near: june2018) == 2023)
        #expect(places["quý mão"] == places["quý mẹo"])
        for year in 1900...2100 {
            let place = (year - 4) % 60
            #expect(TimexResolver.year(ofCyclePlace: place, near: CivilDate(year: year, month: 6, day: 1)) == year)
        }
        #expect(TimexResolver.year(ofCyclePlace: 60, near: june2018) == nil)
    }

    @Test func daysOfTheYearFallWhereTheCalendarsPrintThem() {
        // Rằm tháng Giêng, Giỗ Tổ Hùng Vương (10/3), Trung thu (15/8), ông Công ông Táo (23/12).
        #expect(LunarCalendar.gregorian(day: 15, month: 1, year: 2024) == Self.date("2024-02-24"))
        #expect(LunarCalendar.gregorian(day: 10, month: 3, year: 2024) == Self.date("2024-04-18"))
        #expect(LunarCalendar.gregorian(day: 15, month: 8, year: 2024) == Self.date("2024-09-17"))
        #expect(LunarCalendar.gregorian(day: 23, month: 12, year: 2023) == Self.date("2024-02-02"))
        // 2023 had a leap second month: the third month began a month later than a plain one.
        #expect(LunarCalendar.gregorian(day: 1, month: 3, year: 2023) == Self.date("2023-04-20"))
        #expect(LunarCalendar.gregorian(day: 10, month: 3, year: 2023) == Self.date("2023-04-29"))
    }

    @Test func aShortMonthHasNoThirtiethDay() {
        // Quý Mão's twelfth month had 30 days (30 Tết was 2024-02-09); Giáp Thìn's had 29.
        #expect(LunarCalendar.gregorian(day: 30, month: 12, year: 2023) == Self.date("2024-02-09"))
        #expect(LunarCalendar.gregorian(day: 29, month: 12, year: 2024) == Self.date("2025-01-28"))
        #expect(LunarCalendar.gregorian(day: 30, month: 12, year: 2024) == nil)
        #expect(LunarCalendar.gregorian(day: 31, month: 1, year: 2024) == nil)
    }

    @Test func theLunarYearTurnsAtTet() {
        #expect(LunarCalendar.lunarYear(of: Self.date("2024-02-09")) == 2023)
        #expect(LunarCalendar.lunarYear(of: Self.date("2024-02-10")) == 2024)
        #expect(LunarCalendar.lunarYear(of: Self.date("2024-12-31")) == 2024)
    }
}

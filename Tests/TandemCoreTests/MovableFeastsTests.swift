import Testing

@testable import TandemCore

/// Easter Sundays against the churches' published dates: an early and a late Western one
/// (23 March 2008, 25 April 2038), and years when the two Easters fall together (2025) or
/// five weeks apart (2024).
@Suite("Movable feasts")
struct MovableFeastsTests {
    @Test(arguments: [
        (2000, "2000-04-23"), (2008, "2008-03-23"), (2011, "2011-04-24"), (2019, "2019-04-21"),
        (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2038, "2038-04-25"),
    ])
    func westernEaster(year: Int, expected: String) {
        #expect(MovableFeasts.sunday(.western, year: year) == CivilDate(iso: expected))
    }

    @Test(arguments: [
        (2008, "2008-04-27"), (2019, "2019-04-28"), (2023, "2023-04-16"), (2024, "2024-05-05"),
        (2025, "2025-04-20"), (2026, "2026-04-12"),
    ])
    func orthodoxEaster(year: Int, expected: String) {
        #expect(MovableFeasts.sunday(.orthodox, year: year) == CivilDate(iso: expected))
    }
}

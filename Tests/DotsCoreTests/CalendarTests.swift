import DotsCore
import Testing

@Suite("Calendar dates, periods and UK time")
struct CalendarTests {
    @Test("Leap days exist only in leap years, and 1900 was not one")
    func leapDays() {
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2025, month: 4, day: 31) == nil)
        #expect(CalendarDate(iso: "2024-13-01") == nil)
    }

    @Test("Day numbers count from 1970-01-01 and round-trip")
    func dayNumbers() {
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CalendarDate(year: 2000, month: 3, day: 1)!.dayNumber == 11_017)
        let d = CalendarDate(year: 2024, month: 2, day: 29)!
        #expect(CalendarDate(dayNumber: d.dayNumber).description == "2024-02-29")
        #expect(d.weekday == 3)  // a Thursday
        #expect(d.adding(days: 1).description == "2024-03-01")
    }

    @Test("A leap-day birthday: 16 on 28 February 2025, 17 on 1 March")
    func leapDayAge() {
        let birth = CalendarDate(iso: "2008-02-29")!
        #expect(CalendarDate(iso: "2025-02-28")!.years(since: birth) == 16)
        #expect(CalendarDate(iso: "2025-03-01")!.years(since: birth) == 17)
        #expect(CalendarDate(iso: "2024-02-29")!.years(since: birth) == 16)
    }

    @Test("Adding months clamps to the month's last day")
    func addingMonths() {
        #expect(CalendarDate(iso: "2024-01-31")!.adding(months: 1).description == "2024-02-29")
        #expect(CalendarDate(iso: "2023-01-31")!.adding(months: 1).description == "2023-02-28")
        #expect(CalendarDate(iso: "2025-11-30")!.adding(months: 3).description == "2026-02-28")
    }

    @Test(
        "Periods parse from the forms people write",
        arguments: [
            ("2025-26", "2025-04-01", "2026-03-31", "2025-26"),
            ("2025-26 Q1", "2025-04-01", "2025-06-30", "2025-26 Q1"),
            ("2025-26 Q4", "2026-01-01", "2026-03-31", "2025-26 Q4"),
            ("2024-02", "2024-02-01", "2024-02-29", "2024-02"),
            ("2023-04-01/2026-03-31", "2023-04-01", "2026-03-31", "2023-04-01/2026-03-31"),
        ])
    func periods(text: String, start: String, end: String, label: String) {
        let p = Period(parsing: text)
        #expect(p?.start.description == start)
        #expect(p?.end.description == end)
        #expect(p?.description == label)
    }

    @Test("Malformed periods are refused", arguments: ["2025-27", "2025", "2025-26 Q5", "2026-03-31/2025-04-01", "", "FY25"])
    func badPeriods(text: String) {
        #expect(Period(parsing: text) == nil)
    }

    @Test("The financial year containing a date starts on 1 April")
    func financialYearContaining() {
        #expect(Period.financialYear(containing: CalendarDate(iso: "2026-03-31")!).description == "2025-26")
        #expect(Period.financialYear(containing: CalendarDate(iso: "2026-04-01")!).description == "2026-27")
    }

    @Test("BST runs from 01:00 UTC on the last Sunday of March to the last Sunday of October")
    func bstBoundaries() {
        #expect(UKTime.bstStart(2025).description == "2025-03-30T01:00:00Z")
        #expect(UKTime.bstEnd(2025).description == "2025-10-26T01:00:00Z")
        #expect(UKTime.bstStart(2024).description == "2024-03-31T01:00:00Z")
        #expect(UKTime.bstEnd(2024).description == "2024-10-27T01:00:00Z")
    }

    @Test(
        "UK wall-clock times become instants, including the hours the clocks skip and repeat",
        arguments: [
            ("2025-06-14", 21, 30, "2025-06-14T20:30:00Z"),  // BST
            ("2025-01-10", 21, 30, "2025-01-10T21:30:00Z"),  // GMT
            ("2025-10-26", 1, 30, "2025-10-26T00:30:00Z"),  // happens twice: the first (BST) is taken
            ("2025-10-26", 2, 30, "2025-10-26T02:30:00Z"),
            ("2025-03-30", 1, 30, "2025-03-30T01:30:00Z"),  // never happens: read as GMT
            ("2025-03-30", 2, 30, "2025-03-30T01:30:00Z"),
        ])
    func wallClock(date: String, hour: Int, minute: Int, expected: String) {
        #expect(UKTime.instant(localDate: CalendarDate(iso: date)!, hour: hour, minute: minute).description == expected)
    }

    @Test("Seventy-two hours are real hours across the spring clock change")
    func intervalAcrossClockChange() {
        let returned = UKTime.instant(localDate: CalendarDate(iso: "2025-03-29")!, hour: 12, minute: 0)
        let interview = UKTime.instant(localDate: CalendarDate(iso: "2025-04-01")!, hour: 12, minute: 0)
        // Wall clocks show 72 hours apart, but the clocks went forward: 71 real hours.
        #expect(interview.seconds - returned.seconds == 71 * 3600)
    }

    @Test("Instants parse the ISO form they print")
    func instantRoundTrip() {
        let i = Instant(iso: "2025-06-14T20:30:00Z")
        #expect(i?.description == "2025-06-14T20:30:00Z")
        #expect(Instant(iso: "2025-06-14T25:30:00Z") == nil)
        #expect(UKTime.localDate(of: Instant(iso: "2025-06-14T23:30:00Z")!).description == "2025-06-15")
    }
}

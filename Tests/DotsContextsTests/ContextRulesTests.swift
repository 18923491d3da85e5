import DotsCore
import Testing

@testable import DotsContexts

@Suite("Contexts and links: what they need, and when a link lapses")
struct ContextRulesTests {
    static let today = CalendarDate(iso: "2026-02-27")!

    @Test("A link is current to the end of its review day, then lapses; an ended link stays ended")
    func lapse() {
        var l = ContextLink(
            id: "CL-1", contextID: "CX-1", personID: "DP-0000001", source: "Return home interview", reliability: .reported,
            proportionality: "Seen with the group twice after going missing", linkedOn: Self.today, linkedBy: "Pat", reviewBy: CalendarDate(iso: "2026-03-01")!)
        // 2026 is not a leap year: 28 February, then 1 March (the review day), then 2 March.
        #expect(l.status(on: CalendarDate(iso: "2026-02-28")!) == .current)
        #expect(l.status(on: CalendarDate(iso: "2026-03-01")!) == .current)
        #expect(l.status(on: CalendarDate(iso: "2026-03-02")!) == .lapsed)
        l.endedOn = Self.today
        #expect(l.status(on: Self.today) == .ended)
    }

    @Test("A link needs a source, a reliability, a proportionate reason and a review date within three months")
    func linkRules() {
        let fine = ContextRules.link(
            source: "Police intelligence", reliability: .seen, proportionality: "Seen at the address; to plan disruption",
            reviewBy: Self.today.adding(days: 92),
            today: Self.today)
        #expect(fine.isEmpty)
        let bad = ContextRules.link(source: " ", reliability: nil, proportionality: "because", reviewBy: Self.today, today: Self.today)
        #expect(bad.map(\.field) == ["source", "reliability", "proportionality", "review_by"])
        #expect(ContextRules.review(Self.today.adding(days: 93), today: Self.today).map(\.field) == ["review_by"])
        #expect(ContextRules.review(nil, today: Self.today).first?.message == "Enter a review date, for example 2026-03-27")
    }

    @Test("A context needs a name of at most 120 characters, a known area if any, and a review date")
    func contextRules() {
        #expect(ContextRules.problems(name: "Hanley bus station, evenings", area: "E06000021", reviewBy: Self.today.adding(days: 1), today: Self.today).isEmpty)
        #expect(ContextRules.problems(name: "", area: "nowhere", reviewBy: nil, today: Self.today).map(\.field) == ["name", "area", "review_by"])
        #expect(
            ContextRules.problems(name: String(repeating: "é", count: 121), area: nil, reviewBy: Self.today.adding(days: 1), today: Self.today).map(\.field)
                == ["name"])
    }

    @Test("A context is overdue once open past its review date; a closed one never is")
    func overdue() {
        var c = SafeguardingContext(
            id: "CX-1", kind: .place, name: "Park", area: nil, agencyID: "staffs-csc", stage: .plan, outcome: nil, opened: Self.today,
            reviewBy: Self.today.adding(days: 10), history: [])
        #expect(!c.overdue(on: Self.today.adding(days: 10)) && c.overdue(on: Self.today.adding(days: 11)))
        c.stage = .closed
        #expect(!c.overdue(on: Self.today.adding(days: 11)))
    }

    @Test("A safety plan action needs ten characters of what, a partnership agency to lead, and a due date from today to a year ahead")
    func planAction() {
        let today = CalendarDate(iso: "2026-03-31")!
        let agencies: Set<String> = ["stoke-csc", "staffs-police"]
        func fields(_ action: String, _ lead: String, _ due: String?) -> [String] {
            ContextRules.planAction(action: action, lead: lead, due: due.flatMap(CalendarDate.init(iso:)), agencies: agencies, today: today).map(\.field)
        }
        #expect(fields("Lighting on the towpath", "stoke-csc", "2026-03-31").isEmpty, "due today")
        #expect(fields("Lighting on the towpath", "stoke-csc", "2027-04-01").isEmpty, "366 days on (2027-03-31 is 365)")
        #expect(fields("Lighting on the towpath", "stoke-csc", "2027-04-02") == ["due"])
        #expect(fields("Lighting on the towpath", "stoke-csc", "2026-03-30") == ["due"])
        #expect(fields("Lighting on the towpath", "stoke-csc", nil) == ["due"])
        #expect(fields("123456789", "stoke-csc", "2026-04-30") == ["action"])
        #expect(fields("  1234567890  ", "stoke-csc", "2026-04-30").isEmpty, "spaces around are not counted")
        #expect(fields(String(repeating: "a", count: 501), "stoke-csc", "2026-04-30") == ["action"])
        #expect(fields("Lighting on the towpath", "joint-scp", "2026-04-30") == ["lead"], "a partnership is not an agency")
        // Open until its due day ends, then overdue; done whenever marked.
        var a = SafetyPlanAction(
            id: "PA-1", action: "Lighting", lead: "stoke-csc", due: CalendarDate(iso: "2026-04-30")!, addedOn: today, addedBy: "Pat")
        #expect(a.status(on: CalendarDate(iso: "2026-04-30")!) == .open && a.status(on: CalendarDate(iso: "2026-05-01")!) == .overdue)
        a.doneOn = CalendarDate(iso: "2026-05-03")
        #expect(a.status(on: CalendarDate(iso: "2026-05-04")!) == .done)
    }
}

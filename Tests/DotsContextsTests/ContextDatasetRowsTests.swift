import DotsContexts
import DotsCore
import Testing

/// The rows Dots keeps from its context records, worked by hand: reviews due, in time or not, and when a link
/// stops holding.
@Suite("Context dataset rows: reviews due and links that stop holding")
struct ContextDatasetRowsTests {
    static func day(_ s: String) -> CalendarDate { CalendarDate(iso: s)! }

    static func context(_ steps: [(SafeguardingContext.Stage, String, String?)], outcome: ContextOutcome? = nil) -> SafeguardingContext {
        let history = steps.map { SafeguardingContext.Step(stage: $0.0, outcome: nil, on: day($0.1), by: "Pat", note: "-", reviewBy: $0.2.map(day)) }
        return SafeguardingContext(
            id: "CX-1", kind: .peerGroup, name: "Group", area: "E06000021", agencyID: "stoke-csc", stage: steps.last!.0, outcome: outcome,
            opened: history[0].on, reviewBy: history.compactMap(\.reviewBy).last ?? history[0].on, history: history)
    }

    @Test("A review met on its date is in time, the day after is not; a date still to come is not yet due")
    func reviews() {
        let c = Self.context([(.referral, "2025-04-01", "2025-04-30"), (.assessment, "2025-04-30", "2025-05-31"), (.plan, "2025-06-01", "2025-07-31")])
        let due = ContextDatasetRows.reviewsDue(c, on: Self.day("2025-07-31"))
        #expect(
            due == [
                .init(due: Self.day("2025-04-30"), reviewedOn: Self.day("2025-04-30"), inTime: true),
                .init(due: Self.day("2025-05-31"), reviewedOn: Self.day("2025-06-01"), inTime: false),
            ])
        // The day after the last date, with no step since: due and unmet.
        let later = ContextDatasetRows.reviewsDue(c, on: Self.day("2025-08-01"))
        #expect(later.count == 3 && later[2] == .init(due: Self.day("2025-07-31"), reviewedOn: nil, inTime: false))
    }

    @Test("Closing meets the review before it and sets none; steps recorded without a review date make no row")
    func closing() {
        let closed = Self.context([(.referral, "2025-04-01", "2025-04-30"), (.closed, "2025-04-20", nil)], outcome: .safer)
        #expect(
            ContextDatasetRows.reviewsDue(closed, on: Self.day("2026-01-01")) == [
                .init(due: Self.day("2025-04-30"), reviewedOn: Self.day("2025-04-20"), inTime: true)
            ])
        #expect(ContextDatasetRows.closedOn(closed) == Self.day("2025-04-20"))
        let old = Self.context([(.referral, "2025-04-01", nil), (.assessment, "2025-06-01", nil)])
        #expect(ContextDatasetRows.reviewsDue(old, on: Self.day("2026-01-01")).isEmpty)
    }

    @Test("A link stops holding on its end, its context's closure, or the day after an unmet review date: the earliest")
    func links() {
        let open = Self.context([(.referral, "2025-04-01", "2025-06-30")])
        var l = ContextLink(
            id: "CL-1", contextID: "CX-1", personID: "DP1", source: "s", reliability: .seen, proportionality: "p", linkedOn: Self.day("2025-04-02"),
            linkedBy: "Pat", reviewBy: Self.day("2025-05-31"))
        // On the review day itself it still holds (it lapses at the day's end, as the journey shows it).
        #expect(ContextDatasetRows.stoppedHolding(l, context: open, on: Self.day("2025-05-31")) == nil)
        #expect(ContextDatasetRows.stoppedHolding(l, context: open, on: Self.day("2025-06-01")) == Self.day("2025-06-01"))
        l.endedOn = Self.day("2025-05-10")
        #expect(ContextDatasetRows.stoppedHolding(l, context: open, on: Self.day("2025-06-01")) == Self.day("2025-05-10"))
        l.endedOn = nil
        l.reviewBy = Self.day("2025-08-31")
        let closed = Self.context([(.referral, "2025-04-01", "2025-06-30"), (.closed, "2025-06-15", nil)], outcome: .noChange)
        #expect(ContextDatasetRows.stoppedHolding(l, context: closed, on: Self.day("2025-07-01")) == Self.day("2025-06-15"))
    }

    @Test("The rows: one per context, one per review due, one per link; blanks left out; the lead agency is the row's agency")
    func rows() throws {
        let c = Self.context([(.referral, "2025-04-01", "2025-04-30"), (.closed, "2025-04-20", nil)], outcome: .safer)
        let l = ContextLink(
            id: "CL-1", contextID: "CX-1", personID: "DP1", source: "s", reliability: .reported, proportionality: "p", linkedOn: Self.day("2025-04-02"),
            linkedBy: "Pat", reviewBy: Self.day("2025-05-31"))
        let rows = ContextDatasetRows.make(contexts: [c], links: [l], on: Self.day("2025-05-01"))
        #expect(
            rows[.contextRecords] == [
                [
                    "agency_id": "stoke-csc", "context_id": "CX-1", "context_kind": "peer-group", "area": "E06000021", "opened_on": "2025-04-01",
                    "closed_on": "2025-04-20", "outcome": "safer",
                ]
            ])
        #expect(rows[.contextReviews]?.first?["review_id"] == "CX-1/1" && rows[.contextReviews]?.first?["in_time"] == "Y")
        #expect(
            rows[.contextChildren] == [
                [
                    "agency_id": "stoke-csc", "link_id": "CL-1", "partnership_person_id": "DP1", "context_id": "CX-1", "context_kind": "peer-group",
                    "area": "E06000021", "linked_on": "2025-04-02", "ended_on": "2025-04-20", "reliability": "reported",
                ]
            ])
        // Every column a row names is in its dataset's schema (the agency apart), and no schema holds a context's name,
        // a link's source or reason, or an agency's person id.
        for (dataset, list) in rows {
            for row in list { #expect(Set(row.keys).subtracting(["agency_id"]).isSubset(of: Set(dataset.schema.fieldNames)), "\(dataset)") }
            #expect(Set(dataset.schema.fieldNames).isDisjoint(with: ["name", "source", "proportionality", "person_id", "linked_by"]), "\(dataset)")
            for row in list { #expect(!row.values.contains("Group") && !row.values.contains("s") && !row.values.contains("p"), "\(row)") }
        }
    }

    @Test("A link renewed after it lapsed or was ended keeps the spell it did not hold: a row per spell it held")
    func renewed() {
        let open = Self.context([(.referral, "2025-04-01", "2025-12-31")])
        var l = ContextLink(
            id: "CL-1", contextID: "CX-1", personID: "DP1", source: "s", reliability: .seen, proportionality: "p", linkedOn: Self.day("2025-04-02"),
            linkedBy: "Pat", reviewBy: Self.day("2025-05-31"))
        // Reviewed on its review day: it never stopped, no gap.
        l.renew(on: Self.day("2025-05-31"), until: Self.day("2025-06-30"))
        #expect(l.gaps == nil && l.reviewBy == Self.day("2025-06-30") && l.reviewedOn == Self.day("2025-05-31"))
        // Reviewed on the day it lapsed (1 July): held again that day, no gap either.
        l.renew(on: Self.day("2025-07-01"), until: Self.day("2025-07-31"))
        #expect(l.gaps == nil)
        // Lapsed on 1 August, renewed on 10 August: it did not hold from 1 to 9 August.
        l.renew(on: Self.day("2025-08-10"), until: Self.day("2025-09-30"))
        #expect(l.gaps == [DateRange(from: Self.day("2025-08-01"), to: Self.day("2025-08-09"))])
        // Ended on 15 September, renewed on 20 September: 15 to 19 September.
        l.endedOn = Self.day("2025-09-15")
        l.renew(on: Self.day("2025-09-20"), until: Self.day("2025-10-31"))
        #expect(l.endedOn == nil && l.gaps?.last == DateRange(from: Self.day("2025-09-15"), to: Self.day("2025-09-19")))
        // Three spells; the last lapses the day after 31 October.
        #expect(
            ContextDatasetRows.spells(l, context: open, on: Self.day("2025-11-05")) == [
                DateRange(from: Self.day("2025-04-02"), to: Self.day("2025-08-01")), DateRange(from: Self.day("2025-08-10"), to: Self.day("2025-09-15")),
                DateRange(from: Self.day("2025-09-20"), to: Self.day("2025-11-01")),
            ])
        let rows = ContextDatasetRows.make(contexts: [open], links: [l], on: Self.day("2025-11-05"))[.contextChildren] ?? []
        #expect(rows.map { $0["link_id"] } == ["CL-1", "CL-1/2", "CL-1/3"])
        #expect(rows.map { $0["linked_on"] } == ["2025-04-02", "2025-08-10", "2025-09-20"])
        #expect(rows.map { $0["ended_on"] } == ["2025-08-01", "2025-09-15", "2025-11-01"])
        // Still holding: the last spell has no end.
        #expect(ContextDatasetRows.spells(l, context: open, on: Self.day("2025-10-31")).last?.end == nil)
        // A context closed during a gap: the spell before ends at the gap, and nothing after the closure is a spell.
        let closed = Self.context([(.referral, "2025-04-01", "2025-12-31"), (.closed, "2025-08-05", nil)], outcome: .safer)
        #expect(
            ContextDatasetRows.spells(l, context: closed, on: Self.day("2025-11-05")) == [
                DateRange(from: Self.day("2025-04-02"), to: Self.day("2025-08-01"))
            ])
    }
}

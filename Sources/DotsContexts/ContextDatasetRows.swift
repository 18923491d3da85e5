import DotsCore

/// The rows of the datasets Dots keeps from its context records (`Dataset.aboutContexts`), as of a day: what the
/// framework counts as contexts open, reviews in time, young people linked and outcomes. Pure: records in, rows out,
/// each value as the text a submission would carry (dates `YYYY-MM-DD`, yes/no `Y`/`N`), blanks left out.
public enum ContextDatasetRows {
    public typealias Row = [String: String]

    public static func make(contexts: [SafeguardingContext], links: [ContextLink], on today: CalendarDate) -> [Dataset: [Row]] {
        var records: [Row] = [], reviews: [Row] = [], children: [Row] = []
        let byID = Dictionary(uniqueKeysWithValues: contexts.map { ($0.id, $0) })
        for c in contexts.sorted(by: { $0.id < $1.id }) {
            // `agency_id` is the agency leading the work about the context: the row's agency, as for a submission.
            var base: Row = ["agency_id": c.agencyID, "context_id": c.id, "context_kind": c.kind.rawValue]
            if let area = c.area, !area.isEmpty { base["area"] = area }
            var record = base
            record["opened_on"] = c.opened.description
            if let closed = closedOn(c) {
                record["closed_on"] = closed.description
                if let outcome = c.outcome { record["outcome"] = outcome.rawValue }
            }
            records.append(record)
            for (n, review) in reviewsDue(c, on: today).enumerated() {
                var row = base
                row["review_id"] = "\(c.id)/\(n + 1)"
                row["due_on"] = review.due.description
                if let on = review.reviewedOn { row["reviewed_on"] = on.description }
                row["in_time"] = review.inTime ? "Y" : "N"
                reviews.append(row)
            }
        }
        for l in links.sorted(by: { $0.id < $1.id }) {
            guard let c = byID[l.contextID] else { continue }
            // One row per spell the link held: a link renewed after it lapsed or was ended held twice, not throughout.
            for (n, spell) in spells(l, context: c, on: today).enumerated() {
                var row: Row = [
                    "agency_id": c.agencyID, "link_id": n == 0 ? l.id : "\(l.id)/\(n + 1)", "partnership_person_id": l.personID, "context_id": c.id,
                    "context_kind": c.kind.rawValue,
                ]
                if let area = c.area, !area.isEmpty { row["area"] = area }
                row["linked_on"] = spell.start.description
                row["reliability"] = l.reliability.rawValue
                if let end = spell.end { row["ended_on"] = end.description }
                children.append(row)
            }
        }
        return [.contextRecords: records, .contextReviews: reviews, .contextChildren: children]
    }

    /// The day the work closed: its closing step's.
    public static func closedOn(_ c: SafeguardingContext) -> CalendarDate? {
        c.isOpen ? nil : c.history.last(where: { $0.stage == .closed })?.on ?? c.history.last?.on
    }

    public struct ReviewDue: Sendable, Equatable {
        public let due: CalendarDate
        public let reviewedOn: CalendarDate?
        public let inTime: Bool

        public init(due: CalendarDate, reviewedOn: CalendarDate?, inTime: Bool) {
            self.due = due
            self.reviewedOn = reviewedOn
            self.inTime = inTime
        }
    }

    /// Each review date a step set that has been met or has passed: met by the next step (in time when on or before
    /// the date), or, with no next step, passed unmet while the context is open. A date still to come is not yet due.
    public static func reviewsDue(_ c: SafeguardingContext, on today: CalendarDate) -> [ReviewDue] {
        var out: [ReviewDue] = []
        for (i, step) in c.history.enumerated() {
            guard let due = step.reviewBy else { continue }
            if i + 1 < c.history.count {
                let next = c.history[i + 1].on
                out.append(ReviewDue(due: due, reviewedOn: next, inTime: next <= due))
            } else if c.isOpen && today > due {
                out.append(ReviewDue(due: due, reviewedOn: nil, inTime: false))
            }
        }
        return out
    }

    /// The spells a link held, oldest first: from the day it was made (or renewed after a gap) to the first day it no
    /// longer held (nil while it holds). A spell that would start after the context closed is left out.
    public static func spells(_ l: ContextLink, context c: SafeguardingContext, on today: CalendarDate) -> [DateRange] {
        var out: [DateRange] = []
        var start = l.linkedOn
        let closed = closedOn(c)
        for gap in l.gaps ?? [] {
            if let closed, closed <= start { return out }
            out.append(DateRange(from: start, to: min(gap.start, closed ?? gap.start)))
            guard let end = gap.end else { return out }
            start = end.adding(days: 1)
        }
        if let closed, closed <= start { return out }
        out.append(DateRange(from: start, to: stoppedHolding(l, context: c, on: today)))
        return out
    }

    /// The first day a link no longer held, if it has stopped: ended by a practitioner, the context closed, or (not
    /// reviewed by its date) the day after that date. Nil while it holds.
    public static func stoppedHolding(_ l: ContextLink, context c: SafeguardingContext, on today: CalendarDate) -> CalendarDate? {
        var ends: [CalendarDate] = []
        if let ended = l.endedOn { ends.append(ended) }
        if let closed = closedOn(c) { ends.append(closed) }
        if l.endedOn == nil && today > l.reviewBy { ends.append(l.reviewBy.adding(days: 1)) }
        return ends.min()
    }
}

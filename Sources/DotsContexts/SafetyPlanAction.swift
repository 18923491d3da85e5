import DotsCore

/// One action of a context's safety plan (the Contextual Safeguarding toolkit's plan for a place or group, not for a
/// child): what will be done about the context, which agency leads it, by when, and when it was done. The plan is
/// the context's; its young people are linked to the context, never named in it.
public struct SafetyPlanAction: Sendable, Codable, Equatable, Identifiable {
    public enum Status: String, Sendable, Equatable {
        case open, overdue, done
    }

    public var id: String
    /// What will be done, about the context (guardianship of a place, disruption, work with a school).
    public var action: String
    /// The agency leading it (a partnership agency id).
    public var lead: String
    public var due: CalendarDate
    public var addedOn: CalendarDate
    public var addedBy: String
    public var doneOn: CalendarDate?
    public var doneBy: String?

    public init(id: String, action: String, lead: String, due: CalendarDate, addedOn: CalendarDate, addedBy: String) {
        self.id = id
        self.action = action
        self.lead = lead
        self.due = due
        self.addedOn = addedOn
        self.addedBy = addedBy
    }

    /// Done once marked done; overdue from the day after its due date.
    public func status(on today: CalendarDate) -> Status {
        doneOn != nil ? .done : today > due ? .overdue : .open
    }

    /// The furthest ahead an action may be due: a year, as a context is reviewed at least every three months.
    public static let longestAhead = 366
}

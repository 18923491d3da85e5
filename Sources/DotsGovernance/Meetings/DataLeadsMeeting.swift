import DotsCore

/// A meeting of the data leads network: who came (by agency), what was discussed and decided. Actions it raised
/// point back to it (`ActionItem.meetingID`).
public struct DataLeadsMeeting: Sendable, Codable, Equatable {
    public struct Attendee: Sendable, Codable, Equatable {
        public var agencyID: String
        /// Names or posts, as the note-taker wrote them.
        public var people: String

        public init(agencyID: String, people: String) {
            self.agencyID = agencyID
            self.people = people
        }
    }

    public var id: String
    public var heldOn: CalendarDate
    public var title: String
    public var attendees: [Attendee]
    public var notes: String
    public var decisions: [String]
    public var createdAt: Instant
    public var createdBy: String

    public init(
        id: String, heldOn: CalendarDate, title: String, attendees: [Attendee], notes: String, decisions: [String], createdAt: Instant, createdBy: String
    ) {
        self.id = id
        self.heldOn = heldOn
        self.title = title
        self.attendees = attendees
        self.notes = notes
        self.decisions = decisions
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    public static func check(
        title: String, heldOn: CalendarDate?, heldOnText: String, attendees: [Attendee], notes: String, decisions: [String], today: CalendarDate
    ) -> [InputProblem] {
        var p: [InputProblem] = []
        TextRules.required(title, field: "title", label: "a title for the meeting", limit: 120, into: &p)
        if let d = heldOn {
            if d > today { p.append(InputProblem("heldOn", "The meeting date must be today or in the past: record a meeting after it has happened")) }
        } else {
            p.append(
                InputProblem(
                    "heldOn",
                    TextRules.trimmed(heldOnText).isEmpty
                        ? "Enter the date the meeting was held" : "Enter the meeting date as a real date, for example 2026-11-12"))
        }
        if attendees.isEmpty { p.append(InputProblem("attendees", "Record at least one agency that attended")) }
        for a in attendees {
            if ReferencePartnership.model.agency(id: a.agencyID) == nil {
                p.append(InputProblem("attendees", "There is no agency \(a.agencyID) in the partnership"))
            }
            TextRules.optional(a.people, field: "attendees", label: "the names of attendees", limit: TextRules.shortLimit, into: &p)
        }
        TextRules.optional(notes, field: "notes", label: "the notes", limit: 8_000, into: &p)
        for d in decisions { TextRules.optional(d, field: "decisions", label: "each decision", limit: 600, into: &p) }
        return p
    }
}

import DotsCore
import DotsFramework
import DotsGovernance
import DotsStore
import Foundation

/// The data leads network's meetings.
extension GovernanceService {
    public struct MeetingInput: Sendable, Codable {
        public var title: String
        public var heldOn: String
        /// Agency id → the people who came from it.
        public var attendees: [String: String]
        public var notes: String
        /// One decision per line.
        public var decisions: String

        public init(title: String = "", heldOn: String = "", attendees: [String: String] = [:], notes: String = "", decisions: String = "") {
            self.title = title
            self.heldOn = heldOn
            self.attendees = attendees
            self.notes = notes
            self.decisions = decisions
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            self.init(
                title: c.text("title"), heldOn: c.text("heldOn"),
                attendees: (try? c.decodeIfPresent([String: String].self, forKey: AnyKey("attendees"))) ?? [:],
                notes: c.text("notes"), decisions: c.text("decisions"))
        }
    }

    public func recordMeeting(_ input: MeetingInput, by caller: Caller) async throws -> DataLeadsMeeting {
        try caller.require(.recordMeetings)
        let held = Self.date(input.heldOn)
        let attendees = input.attendees.sorted { $0.key < $1.key }.map { DataLeadsMeeting.Attendee(agencyID: $0.key, people: TextRules.trimmed($0.value)) }
        let decisions = input.decisions.split(whereSeparator: \.isNewline).map { TextRules.trimmed(String($0)) }.filter { !$0.isEmpty }
        let problems = DataLeadsMeeting.check(
            title: input.title, heldOn: held, heldOnText: input.heldOn, attendees: attendees, notes: input.notes,
            decisions: decisions, today: today)
        guard problems.isEmpty, let held else { throw InvalidInput(problems) }
        let m = DataLeadsMeeting(
            id: Self.newID("meet"), heldOn: held, title: TextRules.trimmed(input.title), attendees: attendees,
            notes: TextRules.trimmed(input.notes), decisions: decisions, createdAt: clock.now(), createdBy: caller.name)
        try await store.saveMeeting(m)
        try await audit.record(caller, "meeting.record", m.id)
        return m
    }

    /// A blank meeting record, for those who record meetings.
    public func newMeetingInput(by caller: Caller) throws -> MeetingInput {
        try caller.require(.recordMeetings)
        return MeetingInput(title: "Data leads network")
    }

    public func meetings(by caller: Caller) async throws -> [DataLeadsMeeting] {
        try caller.require(.viewGovernance)
        return try await store.meetings()
    }

    /// One meeting and the actions that came from it.
    public func meeting(id: String, by caller: Caller) async throws -> (meeting: DataLeadsMeeting, actions: [ActionItem]) {
        try caller.require(.viewGovernance)
        guard let m = try await store.meeting(id: id) else { throw NotFound("There is no such meeting.") }
        return (m, ActionView.ordered(try await store.actions().filter { $0.meetingID == m.id }))
    }
}

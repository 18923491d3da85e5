import DotsCore
import DotsFramework
import DotsGovernance
import DotsStore
import Foundation

/// Analysts' commentary on the framework's questions and indicators: written by one person, approved by a
/// second before anyone beyond the analysts reads it, every version kept.
extension GovernanceService {
    public struct CommentaryInput: Sendable, Codable {
        public var subject: String
        public var subjectID: String
        public var partnership: String
        public var period: String
        public var says: String
        public var doesNotSay: String
        public var doing: String

        public init(
            subject: String = "", subjectID: String = "", partnership: String = "", period: String = "", says: String = "", doesNotSay: String = "",
            doing: String = ""
        ) {
            self.subject = subject
            self.subjectID = subjectID
            self.partnership = partnership
            self.period = period
            self.says = says
            self.doesNotSay = doesNotSay
            self.doing = doing
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            self.init(
                subject: c.text("subject"), subjectID: c.text("subjectID"), partnership: c.text("partnership"), period: c.text("period"),
                says: c.text("says"), doesNotSay: c.text("doesNotSay"), doing: c.text("doing"))
        }
    }

    /// What a reader may see for one subject, partnership and period: the approved version for everyone; for
    /// those who write commentary also the versions awaiting approval and the whole history.
    public struct CommentaryReading: Sendable {
        public var approved: Commentary?
        public var awaiting: [Commentary]
        public var history: [Commentary]
    }

    /// Writes a new version; it awaits a second person's approval.
    public func writeCommentary(_ input: CommentaryInput, by caller: Caller) async throws -> Commentary {
        try caller.require(.writeCommentary)
        let subject = try subject(input.subject, input.subjectID, input.partnership)
        let problems = Commentary.check(says: input.says, doesNotSay: input.doesNotSay, doing: input.doing, period: input.period)
        guard problems.isEmpty else { throw InvalidInput(problems) }
        let c = Commentary(
            id: Self.newID("note"), subject: subject, subjectID: input.subjectID, partnership: input.partnership,
            period: TextRules.trimmed(input.period), says: TextRules.trimmed(input.says), doesNotSay: TextRules.trimmed(input.doesNotSay),
            doing: TextRules.trimmed(input.doing), writtenBy: caller.name, writtenByAccount: caller.accountID, writtenAt: clock.now())
        try await store.saveCommentary([c])
        await commentaryCache.forget()
        try await audit.record(caller, "commentary.write", c.id)
        return c
    }

    /// A blank form for commentary on a question or indicator (for those who write it).
    public func newCommentaryInput(subject: String, id: String, partnership: String, period: String, by caller: Caller) throws -> CommentaryInput {
        try caller.require(.writeCommentary)
        _ = try self.subject(subject, id, partnership)
        return CommentaryInput(subject: subject, subjectID: id, partnership: partnership, period: period)
    }

    /// A second person approves: it replaces the version approved before (kept, marked superseded).
    public func approveCommentary(id: String, by caller: Caller) async throws -> Commentary {
        try caller.require(.approveCommentary)
        var c = try await awaiting(id)
        try Self.requireSecondPerson(c, caller)
        var changed: [Commentary] = []
        for var earlier in try await store.commentary(key: c.key) where earlier.state == .approved {
            earlier.state = .superseded
            changed.append(earlier)
        }
        c.state = .approved
        c.reviewedBy = caller.name
        c.reviewedAt = clock.now()
        try await store.saveCommentary(changed + [c])
        await commentaryCache.forget()
        try await audit.record(caller, "commentary.approve", c.id)
        return c
    }

    /// A second person sends it back to its author, saying why.
    public func returnCommentary(id: String, note: String, by caller: Caller) async throws -> Commentary {
        try caller.require(.approveCommentary)
        var c = try await awaiting(id)
        try Self.requireSecondPerson(c, caller)
        var problems: [InputProblem] = []
        TextRules.required(note, field: "note", label: "why it is sent back", limit: 600, into: &problems)
        guard problems.isEmpty else { throw InvalidInput(problems) }
        c.state = .returned
        c.reviewedBy = caller.name
        c.reviewedAt = clock.now()
        c.reviewNote = TextRules.trimmed(note)
        try await store.saveCommentary([c])
        await commentaryCache.forget()
        try await audit.record(caller, "commentary.return", c.id)
        return c
    }

    /// Commentary on one question or indicator for a partnership: the latest approved (whatever its period) for
    /// every reader; for those who write commentary also what awaits approval and every version, newest first.
    public func commentary(_ subject: Commentary.Subject, _ subjectID: String, partnership: String, by caller: Caller) async throws -> CommentaryReading {
        try caller.require(.viewFramework)
        let mine = try await allCommentary().filter { $0.subject == subject && $0.subjectID == subjectID && $0.partnership == partnership }
            .sorted { ($0.writtenAt, $0.id) > ($1.writtenAt, $1.id) }
        let approved = mine.filter { $0.state == .approved }.max { ($0.reviewedAt ?? $0.writtenAt, $0.id) < ($1.reviewedAt ?? $1.writtenAt, $1.id) }
        return caller.can(.writeCommentary)
            ? CommentaryReading(approved: approved, awaiting: mine.filter { $0.state == .awaitingApproval }, history: mine)
            : CommentaryReading(approved: approved, awaiting: [], history: [])
    }

    /// The latest approved commentary on each question for a partnership (the overview), by question id.
    public func questionCommentary(partnership: String, by caller: Caller) async throws -> [String: Commentary] {
        try caller.require(.viewFramework)
        var out: [String: Commentary] = [:]
        for c in try await allCommentary() where c.subject == .question && c.partnership == partnership && c.state == .approved {
            if let seen = out[c.subjectID], (seen.reviewedAt ?? seen.writtenAt, seen.id) > (c.reviewedAt ?? c.writtenAt, c.id) { continue }
            out[c.subjectID] = c
        }
        return out
    }

    /// Every version awaiting approval, oldest first: the approvers' queue.
    public func commentaryAwaitingApproval(by caller: Caller) async throws -> [Commentary] {
        try caller.require(.writeCommentary)
        return try await allCommentary().filter { $0.state == .awaitingApproval }.sorted { ($0.writtenAt, $0.id) < ($1.writtenAt, $1.id) }
    }

    /// Every version, through the cache (pages read it on every view).
    private func allCommentary() async throws -> [Commentary] {
        let store = self.store
        return try await commentaryCache.all { try await store.commentary() }
    }

    private func awaiting(_ id: String) async throws -> Commentary {
        guard let c = try await store.commentary(id: id) else { throw NotFound("There is no such commentary.") }
        guard c.state == .awaitingApproval else {
            throw InvalidInput([
                InputProblem("id", "This commentary is not awaiting approval (it is \(c.state.rawValue.replacingOccurrences(of: "-", with: " ")))")
            ])
        }
        return c
    }

    /// The author never approves their own words: a second person must (the command line, with no account, can
    /// neither write nor approve as someone).
    static func requireSecondPerson(_ c: Commentary, _ caller: Caller) throws(AccessDenied) {
        guard let me = caller.accountID, let author = c.writtenByAccount, me != author else {
            throw AccessDenied("Commentary must be approved by someone other than its author: ask another analyst.")
        }
    }

    private func subject(_ kind: String, _ id: String, _ partnership: String) throws -> Commentary.Subject {
        guard let subject = Commentary.Subject(rawValue: kind) else { throw NotFound("Commentary is on a question or an indicator.") }
        let known = subject == .question ? spec.questions.contains { $0.id == id } : spec.indicators.contains { $0.id == id }
        guard known else { throw NotFound("There is no such \(subject.rawValue) in the framework.") }
        guard ReferencePartnership.model.partnership(id: partnership) != nil else { throw NotFound("There is no such partnership.") }
        return subject
    }
}

import DotsCore
import Foundation

/// An analyst's reading of the figures for one strategic question or indicator, one partnership and one period:
/// what they say, what they do not, and what the partnership is doing about it. It reaches anyone beyond the
/// analysts (pages, reports) only once a second person has approved it; every version is kept.
public struct Commentary: Sendable, Codable, Equatable, Identifiable {
    public enum Subject: String, Sendable, Codable, CaseIterable {
        case question, indicator
    }

    public enum State: String, Sendable, Codable {
        /// Written, waiting for a second person.
        case awaitingApproval = "awaiting-approval"
        /// Approved by someone other than its author: shown to every reader.
        case approved
        /// Sent back to its author with a reason.
        case returned
        /// Approved once, replaced by a later approved version (kept for the history).
        case superseded
    }

    public var id: String
    public var subject: Subject
    public var subjectID: String
    public var partnership: String
    /// The period it reads, as the framework labels periods ("2025-26 Q4", "2025-26", "12 months to 2026-03").
    public var period: String
    public var says: String
    public var doesNotSay: String
    public var doing: String
    public var writtenBy: String
    /// The author's account (nil from the command line): approval needs a different one.
    public var writtenByAccount: String?
    public var writtenAt: Instant
    public var state: State
    public var reviewedBy: String?
    public var reviewedAt: Instant?
    public var reviewNote: String?

    public init(
        id: String, subject: Subject, subjectID: String, partnership: String, period: String, says: String, doesNotSay: String, doing: String,
        writtenBy: String, writtenByAccount: String?, writtenAt: Instant, state: State = .awaitingApproval
    ) {
        self.id = id
        self.subject = subject
        self.subjectID = subjectID
        self.partnership = partnership
        self.period = period
        self.says = says
        self.doesNotSay = doesNotSay
        self.doing = doing
        self.writtenBy = writtenBy
        self.writtenByAccount = writtenByAccount
        self.writtenAt = writtenAt
        self.state = state
    }

    /// What one piece of commentary is about: versions of the same key replace each other.
    public var key: String { [subject.rawValue, subjectID, partnership, period].joined(separator: "|") }

    public static func key(_ subject: Subject, _ subjectID: String, partnership: String, period: String) -> String {
        [subject.rawValue, subjectID, partnership, period].joined(separator: "|")
    }

    /// Problems with what was written, by field, in words a form can show.
    public static func check(says: String, doesNotSay: String, doing: String, period: String) -> [InputProblem] {
        var p: [InputProblem] = []
        TextRules.required(period, field: "period", label: "the period the commentary is about", limit: 40, into: &p)
        TextRules.required(says, field: "says", label: "what the figures say", limit: 2_000, into: &p)
        TextRules.optional(doesNotSay, field: "doesNotSay", label: "what the figures do not say", limit: 2_000, into: &p)
        TextRules.optional(doing, field: "doing", label: "what the partnership is doing", limit: 2_000, into: &p)
        return p
    }
}

import DotsCore
import Foundation

/// An action in a plan: one agency's, or the partnership's (no agency). Its history is kept as updates.
public struct ActionItem: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var detail: String
    /// Nil for a partnership-wide action.
    public var agencyID: String?
    /// The account that owns it, when the owner has one; the name is kept either way.
    public var ownerID: String?
    public var ownerName: String
    public var due: CalendarDate
    public var status: ActionStatus
    public var prompt: ActionPrompt
    /// Set when the action came from a suggestion, so that suggestion is not made again.
    public var suggestionKey: String?
    /// The data leads meeting that raised it, if one did.
    public var meetingID: String?
    public var createdAt: Instant
    public var createdBy: String
    public var updatedAt: Instant

    public init(
        id: String, title: String, detail: String, agencyID: String?, ownerID: String?, ownerName: String, due: CalendarDate,
        status: ActionStatus, prompt: ActionPrompt, suggestionKey: String? = nil, meetingID: String? = nil,
        createdAt: Instant, createdBy: String, updatedAt: Instant
    ) {
        self.id = id
        self.title = title
        self.detail = detail
        self.agencyID = agencyID
        self.ownerID = ownerID
        self.ownerName = ownerName
        self.due = due
        self.status = status
        self.prompt = prompt
        self.suggestionKey = suggestionKey
        self.meetingID = meetingID
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.updatedAt = updatedAt
    }

    /// Open and past its due date (UK date): due today is not yet overdue.
    public func isOverdue(on today: CalendarDate) -> Bool { !status.isClosed && due < today }

    /// Checks what a person entered for a new or edited action.
    public static func check(title: String, ownerName: String, dueText: String, due: CalendarDate?, agencyID: String?, detail: String, prompt: ActionPrompt)
        -> [InputProblem]
    {
        var p: [InputProblem] = []
        TextRules.required(title, field: "title", label: "what the action is", limit: 160, into: &p)
        TextRules.required(ownerName, field: "owner", label: "who owns it", limit: 120, into: &p)
        if due == nil {
            p.append(
                InputProblem(
                    "due", TextRules.trimmed(dueText).isEmpty ? "Enter the date it is due" : "Enter the due date as a real date, for example 2027-03-31"))
        }
        if let a = agencyID, ReferencePartnership.model.agency(id: a) == nil {
            p.append(InputProblem("agency", "Choose an agency of the partnership, or the partnership as a whole"))
        }
        TextRules.optional(detail, field: "detail", label: "the detail", into: &p)
        TextRules.optional(prompt.text, field: "promptText", label: "what prompted it", limit: 400, into: &p)
        return p
    }
}

public enum ActionStatus: String, Sendable, Codable, CaseIterable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case blocked
    case done
    case dropped

    public var title: String {
        switch self {
        case .notStarted: "Not started"
        case .inProgress: "In progress"
        case .blocked: "Blocked"
        case .done: "Done"
        case .dropped: "Closed without doing"
        }
    }

    /// Closed actions drop out of "overdue" and the open counts.
    public var isClosed: Bool { self == .done || self == .dropped }
}

/// What prompted an action: the method's findings it answers.
public struct ActionPrompt: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case maturityArea = "maturity-area"
        case dataQuality = "data-quality"
        case dataGap = "data-gap"
        case question
        case indicator
        case meeting
        case other

        public var title: String {
            switch self {
            case .maturityArea: "A data-maturity area"
            case .dataQuality: "A data quality issue"
            case .dataGap: "A data gap"
            case .question: "A strategic question"
            case .indicator: "An indicator"
            case .meeting: "A data leads meeting"
            case .other: "Something else"
            }
        }
    }

    public var kind: Kind
    /// What it points at: an area, `agency/dataset`, a dataset, a question or indicator id, a meeting id.
    public var reference: String
    /// In words, for the plan.
    public var text: String

    public init(kind: Kind, reference: String = "", text: String = "") {
        self.kind = kind
        self.reference = reference
        self.text = text
    }
}

/// One entry in an action's history: a progress note, and what changed with it.
public struct ActionUpdate: Sendable, Codable, Equatable {
    public var actionID: String
    public var at: Instant
    public var by: String
    public var note: String
    /// The status after this update, when it changed.
    public var status: ActionStatus?
    /// The new due date, when it moved.
    public var due: CalendarDate?

    public init(actionID: String, at: Instant, by: String, note: String, status: ActionStatus? = nil, due: CalendarDate? = nil) {
        self.actionID = actionID
        self.at = at
        self.by = by
        self.note = note
        self.status = status
        self.due = due
    }
}

/// The plan's views: the same actions, seen by whose they are.
public enum ActionView: Sendable, Equatable {
    case mine(accountID: String, name: String)
    case agency(String)
    case partnership
    case overdue
    case all

    public func includes(_ a: ActionItem, today: CalendarDate) -> Bool {
        switch self {
        case .mine(let id, let name): a.ownerID == id || (a.ownerID == nil && a.ownerName.caseInsensitiveCompare(name) == .orderedSame)
        case .agency(let agency): a.agencyID == agency
        case .partnership: a.agencyID == nil
        case .overdue: a.isOverdue(on: today)
        case .all: true
        }
    }

    /// Open actions first, then by due date, then title: the order a plan is read in.
    public static func ordered(_ actions: [ActionItem]) -> [ActionItem] {
        actions.sorted { a, b in
            if a.status.isClosed != b.status.isClosed { return !a.status.isClosed }
            if a.due != b.due { return a.due < b.due }
            return a.title < b.title
        }
    }
}

extension Caller {
    /// Who may update an action: its owner; partnership staff who manage actions, any; an agency data lead, their
    /// agency's. The one statement of the rule, for the use case that enforces it and the page that offers the form.
    public func mayUpdate(_ a: ActionItem) -> Bool {
        if let id = accountID, a.ownerID == id { return true }
        guard can(.manageActions) else { return false }
        switch scope {
        case .all: return true
        case .only(let own): return a.agencyID == own
        }
    }
}

import DotsCore
import DotsFramework
import DotsGovernance
import DotsStore
import Foundation

/// Action plans: creating and updating actions, and the actions Dots suggests.
extension GovernanceService {
    /// What a new-action form or API call sends.
    public struct ActionInput: Sendable, Codable {
        public var title: String
        public var detail: String
        /// Empty for the partnership.
        public var agencyID: String
        public var ownerID: String
        /// Used when the owner has no account.
        public var ownerName: String
        public var due: String
        public var promptKind: String
        public var promptReference: String
        public var promptText: String
        public var suggestionKey: String
        public var meetingID: String

        public init(
            title: String = "", detail: String = "", agencyID: String = "", ownerID: String = "", ownerName: String = "", due: String = "",
            promptKind: String = "other", promptReference: String = "", promptText: String = "", suggestionKey: String = "", meetingID: String = ""
        ) {
            self.title = title; self.detail = detail; self.agencyID = agencyID; self.ownerID = ownerID; self.ownerName = ownerName; self.due = due
            self.promptKind = promptKind; self.promptReference = promptReference; self.promptText = promptText; self.suggestionKey = suggestionKey
            self.meetingID = meetingID
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            self.init(
                title: c.text("title"), detail: c.text("detail"), agencyID: c.text("agencyID"), ownerID: c.text("ownerID"), ownerName: c.text("ownerName"),
                due: c.text("due"), promptKind: c.text("promptKind", default: "other"), promptReference: c.text("promptReference"),
                promptText: c.text("promptText"),
                suggestionKey: c.text("suggestionKey"), meetingID: c.text("meetingID"))
        }

        public init(_ s: ActionSuggestion) {
            self.init(
                title: s.title, detail: s.detail, agencyID: s.agencyID ?? "", due: s.due.description, promptKind: s.prompt.kind.rawValue,
                promptReference: s.prompt.reference, promptText: s.prompt.text, suggestionKey: s.key)
        }
    }

    /// Adds an action. An agency data lead adds to their own agency's plan whatever the input says.
    public func createAction(_ input: ActionInput, by caller: Caller) async throws -> ActionItem {
        try caller.require(.manageActions)
        var input = input
        if let own = caller.scope.agencyID { input.agencyID = own }
        let action = try await createAction(input, by: caller.name)
        try await audit.record(caller, "action.create", action.id)
        return action
    }

    func createAction(_ input: ActionInput, by name: String) async throws -> ActionItem {
        var problems: [InputProblem] = []
        let owner = try await resolveOwner(id: input.ownerID, name: input.ownerName, problems: &problems)
        let kind = ActionPrompt.Kind(rawValue: input.promptKind)
        if kind == nil { problems.append(InputProblem("promptKind", "Choose what prompted the action")) }
        let prompt = ActionPrompt(kind: kind ?? .other, reference: TextRules.trimmed(input.promptReference), text: TextRules.trimmed(input.promptText))
        if let p = referenceProblem(prompt) { problems.append(p) }
        let due = Self.date(input.due)
        let agency = input.agencyID.isEmpty ? nil : input.agencyID
        problems =
            ActionItem.check(title: input.title, ownerName: owner.name, dueText: input.due, due: due, agencyID: agency, detail: input.detail, prompt: prompt)
            .filter { !($0.field == "owner" && problems.contains { $0.field == "owner" }) } + problems
        let key = input.suggestionKey.isEmpty ? nil : input.suggestionKey
        if let key {
            // A suggestion is accepted only into its own agency's plan (or the partnership's): its key is predictable,
            // so without this an agency could use up another agency's suggestion.
            if try await store.actionSuggestionKeys().contains(key) {
                problems.append(InputProblem("title", "This suggestion has already been made an action"))
            } else if !(try await allSuggestions()).contains(where: { $0.key == key && $0.agencyID == agency }) {
                problems.append(InputProblem("suggestionKey", "That suggestion is not open for this agency's action plan"))
            }
        }
        let meetingID = input.meetingID.isEmpty ? nil : input.meetingID
        if let meetingID, try await store.meeting(id: meetingID) == nil {
            problems.append(InputProblem("meetingID", "There is no such data leads meeting"))
        }
        guard problems.isEmpty, let due else { throw InvalidInput(problems) }
        let now = clock.now()
        let action = ActionItem(
            id: Self.newID("act"), title: TextRules.trimmed(input.title), detail: TextRules.trimmed(input.detail), agencyID: agency,
            ownerID: owner.id, ownerName: owner.name, due: due, status: .notStarted, prompt: prompt, suggestionKey: key,
            meetingID: meetingID, createdAt: now, createdBy: name, updatedAt: now)
        try await store.saveAction(action, update: ActionUpdate(actionID: action.id, at: now, by: name, note: "Action created.", status: .notStarted, due: due))
        return action
    }

    /// A question, indicator or maturity area an action points at must exist, and be of the kind it says.
    func referenceProblem(_ p: ActionPrompt) -> InputProblem? {
        guard !p.reference.isEmpty else { return nil }
        switch p.kind {
        case .question where !spec.questions.contains(where: { $0.id == p.reference }):
            return InputProblem("promptReference", "Choose one of the framework's strategic questions for an action a question prompted")
        case .indicator where !spec.indicators.contains(where: { $0.id == p.reference }):
            return InputProblem("promptReference", "Choose one of the framework's indicators for an action an indicator prompted")
        case .maturityArea where MaturityArea(rawValue: p.reference) == nil:
            return InputProblem("promptReference", "Choose a data-maturity area for an action a maturity area prompted")
        default:
            return nil
        }
    }

    func resolveOwner(id: String, name: String, problems: inout [InputProblem]) async throws -> (id: String?, name: String) {
        if !id.isEmpty {
            guard let account = try await store.account(id: id) else {
                problems.append(InputProblem("owner", "Choose an owner from the list, or type the name of someone without an account"))
                return (nil, "")
            }
            return (account.id, account.name)
        }
        return (nil, TextRules.trimmed(name))
    }

    /// A progress update: a note, and perhaps a new status, due date or owner. Closing is a status of done or dropped.
    public struct ActionChange: Sendable, Codable {
        public var note: String
        public var status: String
        public var due: String
        public init(note: String = "", status: String = "", due: String = "") {
            self.note = note
            self.status = status
            self.due = due
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            self.init(note: c.text("note"), status: c.text("status"), due: c.text("due"))
        }
    }

    /// A progress update, by the action's owner, partnership staff who manage actions, or the agency's data lead.
    public func updateAction(id: String, _ change: ActionChange, by caller: Caller) async throws -> ActionItem {
        let action = try await existingAction(id, by: caller)
        guard caller.mayUpdate(action) else { throw AccessDenied("You can update only actions you own or your agency's actions.") }
        let updated = try await updateAction(action, change, by: caller.name)
        try await audit.record(caller, "action.update", action.id, updated.status.rawValue)
        return updated
    }

    func updateAction(_ action: ActionItem, _ change: ActionChange, by name: String) async throws -> ActionItem {
        var problems: [InputProblem] = []
        let status = change.status.isEmpty ? action.status : ActionStatus(rawValue: change.status)
        if status == nil { problems.append(InputProblem("status", "Choose a status from the list")) }
        let due = change.due.isEmpty ? action.due : Self.date(change.due)
        if due == nil { problems.append(InputProblem("due", "Enter the due date as a real date, for example 2027-03-31")) }
        let note = TextRules.trimmed(change.note)
        TextRules.optional(note, field: "note", label: "the progress note", into: &problems)
        if problems.isEmpty, note.isEmpty, status == action.status, due == action.due {
            problems.append(InputProblem("note", "Enter a progress note, or change the status or due date"))
        }
        if status == .dropped, note.isEmpty { problems.append(InputProblem("note", "Say why the action is being closed without doing it")) }
        guard problems.isEmpty, let status, let due else { throw InvalidInput(problems) }
        var updated = action
        updated.status = status
        updated.due = due
        updated.updatedAt = clock.now()
        let update = ActionUpdate(
            actionID: action.id, at: updated.updatedAt, by: name, note: note,
            status: status == action.status ? nil : status, due: due == action.due ? nil : due)
        try await store.saveAction(updated, update: update)
        return updated
    }

    /// The suggestions the caller could accept: an agency data lead sees their own agency's.
    public func suggestions(by caller: Caller) async throws -> [ActionSuggestion] {
        try caller.require(.manageActions)
        let all = try await allSuggestions()
        guard let own = caller.scope.agencyID else { return all }
        return all.filter { $0.agencyID == own }
    }

    /// Actions Dots proposes now: from the latest round's submitted assessments, the data map's coverage of the
    /// framework, and the current submissions' data quality; less those already accepted.
    func allSuggestions() async throws -> [ActionSuggestion] {
        var maturity: [String: [MaturityAnswer]] = [:]
        let round = try await round(nil)
        if let round {
            for a in try await visibleAssessments(round: round.id) where a.submittedAt != nil { maturity[a.agencyID] = a.answers }
        }
        let current = try await store.currentSubmissions()
        var newest: [String: SubmissionRecord] = [:]
        for s in current where s.quality != nil {
            let key = "\(s.agency)/\(s.dataset.rawValue)"
            if let seen = newest[key], seen.receivedAt >= s.receivedAt { continue }
            newest[key] = s
        }
        let quality = newest.values.map { QualityFinding(agencyID: $0.agency, dataset: $0.dataset, profile: $0.quality!) }
        return ActionSuggester.suggest(
            questionnaire: round?.questionnaire ?? DefaultQuestionnaire.load(), maturity: maturity, coverage: try await coverage(current: current),
            quality: quality, existingKeys: try await store.actionSuggestionKeys(), today: today)
    }
}

/// Reading the plan: its views, one action with its history, a new action's starting point, owners to choose from.
extension GovernanceService {
    /// A view of the plan, resolved for the caller.
    public struct PlanView: Sendable, Equatable {
        /// mine, agency, partnership, overdue or all.
        public let key: String
        public let view: ActionView
        public let title: String
        public let agency: String?
    }

    /// The view asked for (`key`: mine, agency, partnership, overdue, all; `agency` for an agency's plan). Agency
    /// data leads start on their agency's plan; everyone else on the whole plan.
    public func planView(key: String?, agency: String?, by caller: Caller) throws -> PlanView {
        try caller.require(.viewGovernance)
        let own = caller.scope.agencyID
        let chosen = agency.flatMap { $0.isEmpty ? nil : $0 } ?? own
        var key = key ?? (own == nil ? "all" : "agency")
        if key == "agency", chosen == nil { key = "all" }
        switch key {
        case "mine": return PlanView(key: key, view: .mine(accountID: caller.accountID ?? "", name: caller.name), title: "My actions", agency: nil)
        case "agency":
            let a = try Self.agency(chosen)
            return PlanView(key: key, view: .agency(a.id), title: "\(a.name): action plan", agency: a.id)
        case "partnership": return PlanView(key: key, view: .partnership, title: "Partnership action plan", agency: nil)
        case "overdue": return PlanView(key: key, view: .overdue, title: "Overdue actions", agency: nil)
        case "all": return PlanView(key: key, view: .all, title: "All actions", agency: nil)
        default: throw NotFound("There is no such view of the action plan.")
        }
    }

    /// The actions in a view, in the order a plan is read in.
    public func actions(_ view: ActionView, by caller: Caller) async throws -> [ActionItem] {
        try caller.require(.viewGovernance)
        let today = today
        return ActionView.ordered(try await store.actions().filter { view.includes($0, today: today) })
    }

    /// Each action's history, for the printable plan.
    public func histories(of actions: [ActionItem], by caller: Caller) async throws -> [String: [ActionUpdate]] {
        try caller.require(.viewGovernance)
        var out: [String: [ActionUpdate]] = [:]
        for a in actions { out[a.id] = try await store.actionUpdates(id: a.id) }
        return out
    }

    func existingAction(_ id: String, by caller: Caller) async throws -> ActionItem {
        try caller.require(.viewGovernance)
        guard let a = try await store.action(id: id) else { throw NotFound("There is no such action.") }
        return a
    }

    /// One action, its history, the meeting it came from, and whether the caller may update it.
    public struct ActionRecord: Sendable, Encodable {
        public let action: ActionItem
        public let history: [ActionUpdate]
        public let meeting: DataLeadsMeeting?
        public let canUpdate: Bool

        enum CodingKeys: String, CodingKey { case action, history }
    }

    public func action(id: String, by caller: Caller) async throws -> ActionRecord {
        let a = try await existingAction(id, by: caller)
        let meeting = try await a.meetingID.asyncMap { try await store.meeting(id: $0) }.flatMap { $0 }
        return ActionRecord(action: a, history: try await store.actionUpdates(id: a.id), meeting: meeting, canUpdate: caller.mayUpdate(a))
    }

    /// A new action's starting point: blank (due in the usual time, the caller's agency), from an open suggestion
    /// the caller may accept, or from a meeting.
    public func newActionInput(suggestion: String?, meeting: String?, by caller: Caller) async throws -> ActionInput {
        try caller.require(.manageActions)
        var input = ActionInput(agencyID: caller.scope.agencyID ?? "", due: today.adding(days: ActionSuggester.dueInDays).description)
        if let key = suggestion {
            guard let s = try await suggestions(by: caller).first(where: { $0.key == key }) else {
                throw NotFound("That suggestion is no longer open: it may have been accepted already.")
            }
            input = ActionInput(s)
        }
        if let meeting, let m = try await store.meeting(id: meeting) {
            input.meetingID = m.id
            input.promptKind = ActionPrompt.Kind.meeting.rawValue
            input.promptReference = m.id
            input.promptText = "\(m.title), \(m.heldOn)"
        }
        return input
    }

    /// Someone an action can be given to.
    public struct Owner: Sendable, Equatable {
        public let id: String
        public let name: String
        public let role: Role
        public let agencyID: String?
    }

    /// The accounts an action can be given to (enabled ones), for the form's list.
    public func owners(by caller: Caller) async throws -> [Owner] {
        try caller.require(.manageActions)
        return try await store.allAccounts().filter { !$0.disabled }.map { Owner(id: $0.id, name: $0.name, role: $0.role, agencyID: $0.agencyID) }
    }
}

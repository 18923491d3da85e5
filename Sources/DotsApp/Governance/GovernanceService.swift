import DotsCore
import DotsFramework
import DotsGovernance
import DotsStore
import Foundation

/// The partnership's own method as use cases shared by the web app, the API and the CLI: maturity rounds and
/// assessments, the data map and its coverage of the framework, action plans and their suggestions, data leads
/// meetings, and exports. It checks input (throwing `InvalidInput` with every problem) and writes; who may call
/// what is decided at the edge by `AccessPolicy`.
public struct GovernanceService: Sendable {
    public let store: HubStore
    public let spec: FrameworkSpec
    public let clock: any DotsCore.Clock

    public init(store: HubStore, spec: FrameworkSpec, clock: any DotsCore.Clock = SystemClock()) {
        self.store = store
        self.spec = spec
        self.clock = clock
    }

    /// Who is acting, for the record (`updatedBy`, history).
    public struct Actor: Sendable {
        public var accountID: String?
        public var name: String
        public init(accountID: String?, name: String) {
            self.accountID = accountID
            self.name = name
        }
    }

    public var today: CalendarDate { UKTime.localDate(of: clock.now()) }

    static func newID(_ prefix: String) -> String { prefix + "-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(10) }

    static func date(_ text: String) -> CalendarDate? { CalendarDate(iso: text.trimmingCharacters(in: .whitespaces)) }

    // MARK: maturity

    public func openRound(title: String, opened: String, closes: String, questionnaire: MaturityQuestionnaire = DefaultQuestionnaire.load()) async throws -> MaturityRound {
        let o = Self.date(opened), c = Self.date(closes)
        let problems = MaturityRound.check(title: title, opened: o, closes: c, closesText: closes)
        guard problems.isEmpty, let o else { throw InvalidInput(problems) }
        let round = MaturityRound(id: Self.newID("round"), title: TextRules.trimmed(title), opened: o, closes: c, questionnaire: questionnaire)
        try await store.createMaturityRound(round)
        return round
    }

    public func round(_ id: String?) async throws -> MaturityRound? {
        let rounds = try await store.maturityRounds()
        guard let id else { return rounds.first }
        return rounds.first { $0.id == id }
    }

    /// Saves answers as a draft, or submits them (every question answered or "don't know"). Submitting again after a
    /// submission is a resubmission: the earlier one stays in the history and the newest counts.
    public func saveAssessment(round: MaturityRound, agency: String, answers: [MaturityAnswer], submit: Bool, by actor: Actor) async throws -> MaturityAssessment {
        let problems = MaturityAssessment.check(answers, questionnaire: round.questionnaire, submitting: submit)
        guard problems.isEmpty else { throw InvalidInput(problems) }
        let now = clock.now()
        var a = try await store.maturityAssessment(round: round.id, agency: agency)
            ?? MaturityAssessment(roundID: round.id, agencyID: agency, status: .draft, answers: [], updatedAt: now, updatedBy: actor.name)
        a.answers = answers.filter { !($0.unanswered && $0.evidence.isEmpty) }
        a.updatedAt = now
        a.updatedBy = actor.name
        if submit {
            a.status = .submitted
            a.submittedAt = now
            a.submissions += 1
        } else {
            a.status = .draft
        }
        try await store.saveMaturityAssessment(a)
        return a
    }

    /// The assessment each agency last submitted in a round (its working draft when it never has): what the
    /// partnership sees. A draft of a resubmission stays the agency's own until it is submitted.
    public func visibleAssessments(round: String) async throws -> [MaturityAssessment] {
        var out: [MaturityAssessment] = []
        for a in try await store.maturityAssessments(round: round) {
            if a.status == .submitted { out.append(a); continue }
            out.append(try await store.maturitySubmissions(round: round, agency: a.agencyID).last ?? a)
        }
        return out
    }

    /// The round's partnership view, against the round before it.
    public func summary(round: MaturityRound) async throws -> MaturitySummary {
        let rounds = try await store.maturityRounds()
        let earlier = rounds.filter { $0.opened < round.opened || ($0.opened == round.opened && $0.id < round.id) }.first
        let previous = try await earlier.asyncMap { ($0, try await visibleAssessments(round: $0.id)) }
        return MaturitySummary(round: round, assessments: try await visibleAssessments(round: round.id), previous: previous,
                               agencies: ReferencePartnership.agencies.map(\.id))
    }

    // MARK: data map

    /// What a data map form or API call sends.
    public struct DataMapInput: Sendable, Codable {
        public var agencyID: String
        public var name: String
        public var dataset: String
        public var informs: [String]
        public var system: String
        public var recorded: String
        public var recordingMethod: String
        public var coverage: String
        public var coverageFrom: String
        public var coverageTo: String
        public var refresh: String
        public var access: String
        public var sharingAgreement: String
        public var lawfulBasis: String
        public var qualityIssues: String
        public var owner: String

        public init(agencyID: String = "", name: String = "", dataset: String = "", informs: [String] = [], system: String = "", recorded: String = "",
                    recordingMethod: String = "", coverage: String = "", coverageFrom: String = "", coverageTo: String = "", refresh: String = "",
                    access: String = "", sharingAgreement: String = "", lawfulBasis: String = "", qualityIssues: String = "", owner: String = "") {
            self.agencyID = agencyID; self.name = name; self.dataset = dataset; self.informs = informs; self.system = system; self.recorded = recorded
            self.recordingMethod = recordingMethod; self.coverage = coverage; self.coverageFrom = coverageFrom; self.coverageTo = coverageTo
            self.refresh = refresh; self.access = access; self.sharingAgreement = sharingAgreement; self.lawfulBasis = lawfulBasis
            self.qualityIssues = qualityIssues; self.owner = owner
        }

        /// Every field is optional in JSON (missing means empty), so an API client gets the same field-by-field
        /// problems a form does rather than a decoding error.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            self.init(agencyID: c.text("agencyID"), name: c.text("name"), dataset: c.text("dataset"), informs: (try? c.decodeIfPresent([String].self, forKey: AnyKey("informs"))) ?? [],
                      system: c.text("system"), recorded: c.text("recorded"), recordingMethod: c.text("recordingMethod"), coverage: c.text("coverage"),
                      coverageFrom: c.text("coverageFrom"), coverageTo: c.text("coverageTo"), refresh: c.text("refresh"), access: c.text("access"),
                      sharingAgreement: c.text("sharingAgreement"), lawfulBasis: c.text("lawfulBasis"), qualityIssues: c.text("qualityIssues"), owner: c.text("owner"))
        }

        public init(_ e: DataMapEntry) {
            self.init(agencyID: e.agencyID, name: e.name, dataset: e.dataset?.rawValue ?? "", informs: e.informs, system: e.system, recorded: e.recorded,
                      recordingMethod: e.recordingMethod.rawValue, coverage: e.coverage, coverageFrom: e.coverageFrom?.description ?? "",
                      coverageTo: e.coverageTo?.description ?? "", refresh: e.refresh.rawValue, access: e.access, sharingAgreement: e.sharingAgreement,
                      lawfulBasis: e.lawfulBasis.rawValue, qualityIssues: e.qualityIssues, owner: e.owner)
        }
    }

    /// Records a new dataset (`id` nil) or updates one.
    public func saveDataMapEntry(id: String?, _ input: DataMapInput, by actor: Actor) async throws -> DataMapEntry {
        var problems: [InputProblem] = []
        let dataset = input.dataset.isEmpty ? nil : Dataset(rawValue: input.dataset)
        if !input.dataset.isEmpty, dataset == nil { problems.append(InputProblem("dataset", "Choose a Dots dataset from the list, or none")) }
        let method = RecordingMethod(rawValue: input.recordingMethod)
        if method == nil { problems.append(InputProblem("recordingMethod", "Choose how it is recorded")) }
        let refresh = RefreshFrequency(rawValue: input.refresh)
        if refresh == nil { problems.append(InputProblem("refresh", "Choose how often it is refreshed")) }
        let basis = LawfulBasis(rawValue: input.lawfulBasis)
        if basis == nil { problems.append(InputProblem("lawfulBasis", "Choose the lawful basis, or \"Not known yet\"")) }
        let from = Self.date(input.coverageFrom), to = Self.date(input.coverageTo)
        if from == nil, !TextRules.trimmed(input.coverageFrom).isEmpty { problems.append(InputProblem("coverageFrom", "Enter the date coverage starts as a real date, for example 2019-04-01, or leave it blank")) }
        if to == nil, !TextRules.trimmed(input.coverageTo).isEmpty { problems.append(InputProblem("coverageTo", "Enter the date coverage ends as a real date, for example 2024-03-31, or leave it blank if it is still recorded")) }
        let entry = DataMapEntry(
            id: id ?? Self.newID("ds"), agencyID: input.agencyID, name: TextRules.trimmed(input.name), dataset: dataset, informs: input.informs,
            system: TextRules.trimmed(input.system), recorded: TextRules.trimmed(input.recorded), recordingMethod: method ?? .structured,
            coverage: TextRules.trimmed(input.coverage), coverageFrom: from, coverageTo: to, refresh: refresh ?? .adHoc, access: TextRules.trimmed(input.access),
            sharingAgreement: TextRules.trimmed(input.sharingAgreement), lawfulBasis: basis ?? .notKnown, qualityIssues: TextRules.trimmed(input.qualityIssues),
            owner: TextRules.trimmed(input.owner), updatedAt: clock.now(), updatedBy: actor.name)
        problems += entry.problems(questionIDs: Set(spec.questions.map(\.id)))
        guard problems.isEmpty else { throw InvalidInput(Self.ordered(problems)) }
        try await store.saveDataMapEntry(entry)
        return entry
    }

    /// Problems in the order the form shows its fields, one per field.
    static func ordered(_ problems: [InputProblem]) -> [InputProblem] {
        let order = ["agency", "name", "dataset", "system", "recorded", "recordingMethod", "coverage", "coverageFrom", "coverageTo", "refresh", "access",
                     "sharingAgreement", "lawfulBasis", "qualityIssues", "owner", "informs"]
        var seen = Set<String>()
        return problems.filter { seen.insert($0.field).inserted }.sorted { (order.firstIndex(of: $0.field) ?? 99) < (order.firstIndex(of: $1.field) ?? 99) }
    }

    /// For each strategic question, the datasets that could answer it and whether they are submitted, held or not held.
    public func coverage() async throws -> [QuestionCoverage] {
        var submitted: [Dataset: Set<String>] = [:]
        for s in try await store.currentSubmissions() { submitted[s.dataset, default: []].insert(s.agency) }
        return DataCoverage.questions(spec, entries: try await store.dataMapEntries(), submitted: submitted)
    }

    // MARK: actions

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

        public init(title: String = "", detail: String = "", agencyID: String = "", ownerID: String = "", ownerName: String = "", due: String = "",
                    promptKind: String = "other", promptReference: String = "", promptText: String = "", suggestionKey: String = "", meetingID: String = "") {
            self.title = title; self.detail = detail; self.agencyID = agencyID; self.ownerID = ownerID; self.ownerName = ownerName; self.due = due
            self.promptKind = promptKind; self.promptReference = promptReference; self.promptText = promptText; self.suggestionKey = suggestionKey
            self.meetingID = meetingID
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            self.init(title: c.text("title"), detail: c.text("detail"), agencyID: c.text("agencyID"), ownerID: c.text("ownerID"), ownerName: c.text("ownerName"),
                      due: c.text("due"), promptKind: c.text("promptKind", default: "other"), promptReference: c.text("promptReference"), promptText: c.text("promptText"),
                      suggestionKey: c.text("suggestionKey"), meetingID: c.text("meetingID"))
        }

        public init(_ s: ActionSuggestion) {
            self.init(title: s.title, detail: s.detail, agencyID: s.agencyID ?? "", due: s.due.description, promptKind: s.prompt.kind.rawValue,
                      promptReference: s.prompt.reference, promptText: s.prompt.text, suggestionKey: s.key)
        }
    }

    public func createAction(_ input: ActionInput, by actor: Actor) async throws -> ActionItem {
        var problems: [InputProblem] = []
        let owner = try await resolveOwner(id: input.ownerID, name: input.ownerName, problems: &problems)
        let kind = ActionPrompt.Kind(rawValue: input.promptKind)
        if kind == nil { problems.append(InputProblem("promptKind", "Choose what prompted the action")) }
        let prompt = ActionPrompt(kind: kind ?? .other, reference: TextRules.trimmed(input.promptReference), text: TextRules.trimmed(input.promptText))
        if let p = referenceProblem(prompt) { problems.append(p) }
        let due = Self.date(input.due)
        let agency = input.agencyID.isEmpty ? nil : input.agencyID
        problems = ActionItem.check(title: input.title, ownerName: owner.name, dueText: input.due, due: due, agencyID: agency, detail: input.detail, prompt: prompt)
            .filter { !($0.field == "owner" && problems.contains { $0.field == "owner" }) } + problems
        let key = input.suggestionKey.isEmpty ? nil : input.suggestionKey
        if let key, try await store.actionSuggestionKeys().contains(key) { problems.append(InputProblem("title", "This suggestion has already been made an action")) }
        guard problems.isEmpty, let due else { throw InvalidInput(problems) }
        let now = clock.now()
        let action = ActionItem(id: Self.newID("act"), title: TextRules.trimmed(input.title), detail: TextRules.trimmed(input.detail), agencyID: agency,
                                ownerID: owner.id, ownerName: owner.name, due: due, status: .notStarted, prompt: prompt, suggestionKey: key,
                                meetingID: input.meetingID.isEmpty ? nil : input.meetingID, createdAt: now, createdBy: actor.name, updatedAt: now)
        try await store.saveAction(action, update: ActionUpdate(actionID: action.id, at: now, by: actor.name, note: "Action created.", status: .notStarted, due: due))
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

    public func updateAction(_ action: ActionItem, _ change: ActionChange, by actor: Actor) async throws -> ActionItem {
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
        let update = ActionUpdate(actionID: action.id, at: updated.updatedAt, by: actor.name, note: note,
                                  status: status == action.status ? nil : status, due: due == action.due ? nil : due)
        try await store.saveAction(updated, update: update)
        return updated
    }

    /// Actions Dots proposes now: from the latest round's submitted assessments, the data map's coverage of the
    /// framework, and the current submissions' data quality; less those already accepted.
    public func suggestions() async throws -> [ActionSuggestion] {
        var maturity: [String: [MaturityAnswer]] = [:]
        let round = try await round(nil)
        if let round {
            for a in try await visibleAssessments(round: round.id) where a.submittedAt != nil { maturity[a.agencyID] = a.answers }
        }
        var newest: [String: SubmissionRecord] = [:]
        for s in try await store.currentSubmissions() where s.quality != nil {
            let key = "\(s.agency)/\(s.dataset.rawValue)"
            if let seen = newest[key], seen.receivedAt >= s.receivedAt { continue }
            newest[key] = s
        }
        let quality = newest.values.map { QualityFinding(agencyID: $0.agency, dataset: $0.dataset, profile: $0.quality!) }
        return ActionSuggester.suggest(questionnaire: round?.questionnaire ?? DefaultQuestionnaire.load(), maturity: maturity, coverage: try await coverage(),
                                       quality: quality, existingKeys: try await store.actionSuggestionKeys(), today: today)
    }

    // MARK: meetings

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
            self.init(title: c.text("title"), heldOn: c.text("heldOn"), attendees: (try? c.decodeIfPresent([String: String].self, forKey: AnyKey("attendees"))) ?? [:],
                      notes: c.text("notes"), decisions: c.text("decisions"))
        }
    }

    public func recordMeeting(_ input: MeetingInput, by actor: Actor) async throws -> DataLeadsMeeting {
        let held = Self.date(input.heldOn)
        let attendees = input.attendees.sorted { $0.key < $1.key }.map { DataLeadsMeeting.Attendee(agencyID: $0.key, people: TextRules.trimmed($0.value)) }
        let decisions = input.decisions.split(whereSeparator: \.isNewline).map { TextRules.trimmed(String($0)) }.filter { !$0.isEmpty }
        let problems = DataLeadsMeeting.check(title: input.title, heldOn: held, heldOnText: input.heldOn, attendees: attendees, notes: input.notes,
                                              decisions: decisions, today: today)
        guard problems.isEmpty, let held else { throw InvalidInput(problems) }
        let m = DataLeadsMeeting(id: Self.newID("meet"), heldOn: held, title: TextRules.trimmed(input.title), attendees: attendees,
                                 notes: TextRules.trimmed(input.notes), decisions: decisions, createdAt: clock.now(), createdBy: actor.name)
        try await store.saveMeeting(m)
        return m
    }

    // MARK: exports

    public func exportMaturity(round id: String? = nil, format: GovernanceExport.Format) async throws -> String? {
        guard let round = try await round(id) else { return nil }
        return GovernanceExport.maturity(try await summary(round: round), format: format)
    }

    public func exportDataMap(agency: String? = nil, format: GovernanceExport.Format) async throws -> String {
        GovernanceExport.dataMap(try await store.dataMapEntries(agency: agency), coverage: try await coverage(), format: format)
    }

    public func exportActions(_ view: ActionView = .all, format: GovernanceExport.Format) async throws -> String {
        let today = today
        return GovernanceExport.actions(try await store.actions().filter { view.includes($0, today: today) }, today: today, format: format)
    }
}

/// Any JSON key, for the lenient input decoders above.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where K == AnyKey {
    /// A text field: missing, null or not text reads as `fallback`, so the checks then name the field.
    func text(_ key: String, default fallback: String = "") -> String {
        (try? decodeIfPresent(String.self, forKey: AnyKey(key))).flatMap { $0 } ?? fallback
    }
}

extension Optional {
    func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let w = self else { return nil }
        return try await f(w)
    }
}

import DotsContexts
import DotsCore
import DotsFramework
import DotsStore
import Foundation

/// Contexts of extra-familial harm as records, for the people working with them: open a context, move it through
/// referral, assessment, plan and review to an outcome, link young people to it (only those the caller may see, by
/// the journey's rule) with where the information came from, how reliable it is and why it is proportionate, and
/// review or end links; a link not reviewed by its date lapses. Everyone else sees counts, as published. Every
/// change and every view of a context's young people is audited.
public struct ContextService: Sendable {
    let store: HubStore
    let spec: FrameworkSpec
    let clock: any TimeSource
    let audit: AuditLog
    let journeys: JourneyService
    let refresher: FrameworkRefresher?

    public init(
        store: HubStore, spec: FrameworkSpec, clock: any TimeSource = SystemClock(), journeys: JourneyService, refresher: FrameworkRefresher? = nil
    ) {
        self.store = store
        self.spec = spec
        self.clock = clock
        self.journeys = journeys
        self.refresher = refresher
        audit = AuditLog(store: store, clock: clock)
    }

    /// Queues a recomputation so the framework's context indicators include the change (its figures stay fresh).
    func refresh(_ reason: String) async {
        _ = try? await store.queueFrameworkJob(reason: reason, requestedBy: "Dots (contexts)", at: clock.now())
        await refresher?.nudge()
    }

    public var today: CalendarDate { UKTime.localDate(of: clock.now()) }

    static func newID(_ prefix: String) -> String { prefix + "-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(10) }

    func worker(_ caller: Caller) throws(AccessDenied) {
        try caller.require(.workWithContexts)
        guard caller.agencyID?.isEmpty == false else {
            throw AccessDenied("Your account does not name the agency you work for: ask your partnership admin to add it.")
        }
    }

    public struct Summary: Sendable {
        public let context: SafeguardingContext
        public let current: Int
        public let lapsed: Int
    }

    public func list(by caller: Caller) async throws -> [Summary] {
        try worker(caller)
        let links = Dictionary(grouping: try await store.contextLinks(), by: \.contextID)
        let day = today
        return try await store.contexts().sorted { ($0.isOpen ? 0 : 1, $0.reviewBy, $0.id) < ($1.isOpen ? 0 : 1, $1.reviewBy, $1.id) }.map { c in
            let ls = links[c.id] ?? []
            return Summary(context: c, current: ls.filter { $0.status(on: day) == .current }.count, lapsed: ls.filter { $0.status(on: day) == .lapsed }.count)
        }
    }

    public struct Detail: Sendable {
        public let context: SafeguardingContext
        public let links: [(link: ContextLink, status: ContextLink.Status)]
    }

    /// A context with the young people linked to it: a view of who is linked, so it is audited.
    public func detail(_ id: String, by caller: Caller) async throws -> Detail {
        try worker(caller)
        guard let c = try await store.context(id: id) else { throw NotFound("There is no such context.") }
        try await audit.record(caller, "context.view", id)
        let day = today
        return Detail(context: c, links: try await store.contextLinks(context: id).map { ($0, $0.status(on: day)) })
    }

    public struct NewContext: Sendable {
        public var kind: String, name: String, area: String, reviewBy: String
        public init(kind: String, name: String, area: String, reviewBy: String) {
            self.kind = kind
            self.name = name
            self.area = area
            self.reviewBy = reviewBy
        }
    }

    public func create(_ input: NewContext, by caller: Caller) async throws -> SafeguardingContext {
        try worker(caller)
        let kind = SafeguardingContext.Kind(rawValue: input.kind)
        let reviewBy = CalendarDate(iso: input.reviewBy.trimmingSpaces)
        var problems = kind == nil ? [InputProblem("kind", "Choose what kind of context it is")] : []
        problems += ContextRules.problems(name: input.name, area: input.area, reviewBy: reviewBy, today: today)
        guard problems.isEmpty, let kind, let reviewBy else { throw InvalidInput(problems) }
        let c = SafeguardingContext(
            id: Self.newID("CX"), kind: kind, name: input.name.trimmingSpaces, area: input.area.isEmpty ? nil : input.area, agencyID: caller.agencyID!,
            stage: .referral, outcome: nil, opened: today, reviewBy: reviewBy,
            history: [.init(stage: .referral, outcome: nil, on: today, by: caller.name, note: "Referred", reviewBy: reviewBy)])
        try await store.saveContext(c)
        try await audit.record(caller, "context.create", c.id)
        await refresh("A context was opened")
        return c
    }

    /// Moves a context on (or records a review), with a note; closing it needs an outcome.
    public func update(_ id: String, stage: String, outcome: String, note: String, reviewBy: String, by caller: Caller) async throws {
        try worker(caller)
        guard var c = try await store.context(id: id) else { throw NotFound("There is no such context.") }
        let s = SafeguardingContext.Stage(rawValue: stage)
        let o = SafeguardingContext.Outcome(rawValue: outcome)
        var problems: [InputProblem] = []
        if s == nil { problems.append(InputProblem("stage", "Choose where the work stands")) }
        if note.trimmingSpaces.isEmpty { problems.append(InputProblem("note", "Say what was decided")) }
        if s == .closed && o == nil { problems.append(InputProblem("outcome", "Say whether the context is safer, no different or less safe")) }
        let review = CalendarDate(iso: reviewBy.trimmingSpaces)
        if s != .closed { problems += ContextRules.review(review, today: today) }
        guard problems.isEmpty, let s else { throw InvalidInput(problems) }
        c.stage = s
        c.outcome = o ?? c.outcome
        if let review, s != .closed { c.reviewBy = review }
        c.history.append(.init(stage: s, outcome: o, on: today, by: caller.name, note: note.trimmingSpaces, reviewBy: s == .closed ? nil : c.reviewBy))
        try await store.saveContext(c)
        try await audit.record(caller, "context.update", id, "stage=\(s.rawValue)\(o.map { "; outcome=\($0.rawValue)" } ?? "")")
        await refresh(s == .closed ? "A context was closed" : "A context was reviewed")
    }

    /// Adds an action to a context's safety plan. Open contexts only.
    @discardableResult
    public func addPlanAction(_ id: String, action: String, lead: String, due: String, by caller: Caller) async throws -> SafetyPlanAction {
        try worker(caller)
        guard var c = try await store.context(id: id) else { throw NotFound("There is no such context.") }
        guard c.isOpen else { throw InvalidInput([InputProblem("action", "The context is closed: its plan can no longer change")]) }
        let day = CalendarDate(iso: due.trimmingSpaces)
        let problems = ContextRules.planAction(
            action: action, lead: lead, due: day, agencies: Set(ReferencePartnership.agencies.map(\.id)), today: today)
        guard problems.isEmpty, let day else { throw InvalidInput(problems) }
        let a = SafetyPlanAction(
            id: Self.newID("PA"), action: action.trimmingSpaces, lead: lead,
            due: day, addedOn: today, addedBy: caller.name)
        c.plan = (c.plan ?? []) + [a]
        try await store.saveContext(c)
        try await audit.record(caller, "context.plan-action", id, "action=\(a.id); lead=\(lead); due=\(day)")
        return a
    }

    /// Marks a safety plan action done today.
    public func completePlanAction(_ actionID: String, of id: String, by caller: Caller) async throws {
        try worker(caller)
        guard var c = try await store.context(id: id), let i = c.plan?.firstIndex(where: { $0.id == actionID }) else {
            throw NotFound("There is no such action.")
        }
        guard c.plan?[i].doneOn == nil else { return }
        c.plan?[i].doneOn = today
        c.plan?[i].doneBy = caller.name
        try await store.saveContext(c)
        try await audit.record(caller, "context.plan-done", id, "action=\(actionID)")
    }

    public func link(
        _ id: String, person: JourneyService.Lookup, source: String, reliability: String, proportionality: String, reviewBy: String, by caller: Caller
    ) async throws -> ContextLink {
        try worker(caller)
        guard let c = try await store.context(id: id) else { throw NotFound("There is no such context.") }
        let r = ContextLink.Reliability(rawValue: reliability)
        let review = CalendarDate(iso: reviewBy.trimmingSpaces)
        let problems = ContextRules.link(source: source, reliability: r, proportionality: proportionality, reviewBy: review, today: today)
        guard problems.isEmpty, let r, let review else { throw InvalidInput(problems) }
        let dp: String
        do {
            dp = try await journeys.partnershipID(person, for: "context-link", by: caller)
        } catch let e as NotFound {
            throw InvalidInput([InputProblem("person", e.reason)])
        }
        if try await store.contextLinks(context: id, person: dp).contains(where: { $0.status(on: today) == .current }) {
            throw InvalidInput([InputProblem("person", "This young person is already linked to \(c.name): review that link instead")])
        }
        let l = ContextLink(
            id: Self.newID("CL"), contextID: id, personID: dp, source: source.trimmingSpaces, reliability: r,
            proportionality: proportionality.trimmingSpaces, linkedOn: today, linkedBy: caller.name, reviewBy: review)
        try await store.saveContextLink(l)
        try await audit.record(caller, "context.link", dp, "context=\(id); reliability=\(r.rawValue)")
        await refresh("A young person was linked to a context")
        return l
    }

    /// Reviews a link (it holds until the new date) or ends it.
    public func reviewLink(_ linkID: String, of id: String, reviewBy: String?, by caller: Caller) async throws {
        try worker(caller)
        guard var l = try await store.contextLinks(context: id).first(where: { $0.id == linkID }) else { throw NotFound("There is no such link.") }
        if let reviewBy {
            let review = CalendarDate(iso: reviewBy.trimmingSpaces)
            let problems = ContextRules.review(review, today: today)
            guard problems.isEmpty, let review else { throw InvalidInput(problems) }
            l.renew(on: today, until: review)
        } else {
            l.endedOn = today
        }
        try await store.saveContextLink(l)
        try await audit.record(caller, reviewBy == nil ? "context.unlink" : "context.review-link", l.personID, "context=\(id)")
        await refresh(reviewBy == nil ? "A link to a context was ended" : "A link to a context was reviewed")
    }

    // MARK: counts, for everyone

    public struct Counts: Sendable {
        public let threshold: Int
        /// Open contexts by kind.
        public let open: [(kind: SafeguardingContext.Kind, count: PublishedCount)]
        public let openTotal: PublishedCount
        /// Open contexts whose review is not overdue.
        public let reviewedInTime: PublishedCount
        /// Young people with a current link to an open context.
        public let childrenLinked: PublishedCount
        /// Closed contexts by outcome.
        public let outcomes: [(outcome: SafeguardingContext.Outcome, count: PublishedCount)]
    }

    /// Counts for every role that reads the framework, as published: 1 to the threshold hidden, and no count of one
    /// kind hidden alone beside the total.
    public func counts(by caller: Caller) async throws -> Counts {
        try caller.require(.viewFramework)
        let t = spec.disclosure.applied.threshold
        let contexts = try await store.contexts(), links = try await store.contextLinks()
        let day = today
        let open = contexts.filter(\.isOpen)
        let kinds = SafeguardingContext.Kind.allCases
        let byKind = PublishedCount.parts(kinds.map { k in open.filter { $0.kind == k }.count }, threshold: t)
        let openIDs = Set(open.map(\.id))
        let linked = Set(links.filter { openIDs.contains($0.contextID) && $0.status(on: day) == .current }.map(\.personID))
        let closed = contexts.filter { !$0.isOpen }
        return Counts(
            threshold: t, open: Array(zip(kinds, byKind)), openTotal: PublishedCount(open.count, threshold: t),
            reviewedInTime: PublishedCount(open.filter { !$0.overdue(on: day) }.count, threshold: t),
            childrenLinked: PublishedCount(linked.count, threshold: t),
            outcomes: SafeguardingContext.Outcome.allCases.map { o in (o, PublishedCount(closed.filter { $0.outcome == o }.count, threshold: t)) })
    }
}

import DotsContexts
import DotsCore
import DotsJourney
import DotsStore

/// A young person's journey across agencies, for the people working with them. The one place its rules live:
/// only operational roles, only young people the caller's agency holds (or, for a MACE practitioner, who have
/// been discussed at MACE), never without a purpose, and every view and refusal written to the audit chain
/// before anything is shown. Other agencies' own ids never leave this service.
public struct JourneyService: Sendable {
    let store: HubStore
    let clock: any TimeSource
    let audit: AuditLog

    public init(store: HubStore, clock: any TimeSource = SystemClock()) {
        self.store = store
        self.clock = clock
        audit = AuditLog(store: store, clock: clock)
    }

    /// How the caller names the young person.
    public enum Lookup: Sendable, Equatable {
        /// The caller's own agency's id for them.
        case agencyPersonID(String)
        /// The partnership person id linkage gave them (`DP-0000123`).
        case partnershipID(String)

        var auditTarget: String {
            switch self {
            case .agencyPersonID(let id): "agency-id:\(id)"
            case .partnershipID(let id): id
            }
        }
    }

    /// An agency that holds records about the young person, and who there to ask.
    public struct Holder: Sendable, Equatable {
        public let agency: Agency
        public let records: Int
        /// The agency's data leads with an account in Dots: name and email.
        public let contacts: [(name: String, email: String)]

        public static func == (a: Holder, b: Holder) -> Bool {
            a.agency == b.agency && a.records == b.records && a.contacts.map(\.email) == b.contacts.map(\.email)
        }
    }

    public struct Viewer: Sendable, Equatable {
        public let name: String
        public let role: String
        public let at: Instant
        public let purpose: String
    }

    public struct Journey: Sendable {
        public let partnershipID: String
        public let purpose: ViewPurpose
        /// The caller's own agency's ids for the young person: the only local ids shown.
        public let ownIDs: [String]
        public let entries: [JourneyEntry]
        public let holders: [Holder]
        /// Who has viewed this young person's journey, newest first; nil when the caller may not see that.
        public let viewers: [Viewer]?
        /// When the linkage run that joined these records finished.
        public let linkedAt: Instant?
        /// The contexts (peer groups, places, schools, online spaces) they are linked to, current, lapsed or ended.
        public let contexts: [(context: SafeguardingContext, link: ContextLink, status: ContextLink.Status)]
    }

    /// How many of the latest views a journey lists.
    static let viewersShown = 100

    /// The caller's agency: operational roles only, and only with an agency on their account.
    public func agency(of caller: Caller) throws(AccessDenied) -> String {
        try caller.require(.viewJourneys)
        guard let agency = caller.agencyID, !agency.isEmpty else {
            throw AccessDenied("Your account does not name the agency you work for: ask your partnership admin to add it.")
        }
        return agency
    }

    /// The young person a lookup names, if the caller may see them: everything their journey reads (one query), and how
    /// they were found. Throws `NotFound`, alike for nobody and for somebody the caller may not see, and audits the
    /// refusal.
    func resolve(_ lookup: Lookup, id: String, own: String, purpose: String, views: Int = 0, by caller: Caller) async throws -> (
        read: JourneyRead, foundBy: String
    ) {
        let key: JourneyKey
        let foundBy: String
        switch lookup {
        case .agencyPersonID:
            key = .agencyRecord(agency: own, person: id)
            foundBy = "\(own) id"
        case .partnershipID:
            key = .partnership(id)
            foundBy = "partnership id"
        }
        let read = try await store.journeyRead(key, views: views)
        let ownHolds = read?.records.contains { $0.agency == own } ?? false
        let beenToMACE = read?.rows.contains { $0.dataset == .maceDiscussions } ?? false
        guard let read, !read.records.isEmpty, ownHolds || (caller.role == .practitioner && beenToMACE) else {
            try await audit.record(caller, "journey.refused", lookup.auditTarget, "purpose=\(purpose)")
            throw NotFound(
                "No young person your agency holds has that id. Check it, or if they came to your agency recently, ask an analyst "
                    + "whether linkage has run since.")
        }
        return (read, foundBy)
    }

    /// The young person a lookup names, for another use case that acts on them (linking them to a context): the same
    /// rule as opening their journey, the refusal audited the same.
    public func partnershipID(_ lookup: Lookup, for purpose: String, by caller: Caller) async throws -> String {
        let own = try agency(of: caller)
        let id: String
        switch lookup {
        case .agencyPersonID(let s), .partnershipID(let s): id = s.trimmingSpaces
        }
        guard !id.isEmpty else { throw InvalidInput([InputProblem("person", "Enter the young person's id")]) }
        return try await resolve(lookup, id: id, own: own, purpose: purpose, by: caller).read.partnershipID
    }

    /// Opens a young person's journey for `purpose`. Throws `AccessDenied` for roles without access,
    /// `InvalidInput` without a purpose or id, and `NotFound`, alike, for a young person who does not exist and
    /// one the caller may not see (so a refusal says nothing about who exists). Refusals are audited too.
    public func open(_ lookup: Lookup, purpose: ViewPurpose?, by caller: Caller) async throws -> Journey {
        let own = try agency(of: caller)
        var problems: [InputProblem] = []
        let id: String
        switch lookup {
        case .agencyPersonID(let s), .partnershipID(let s): id = s.trimmingSpaces
        }
        if id.isEmpty { problems.append(InputProblem("id", "Enter the young person's id")) }
        if purpose == nil { problems.append(InputProblem("purpose", "Say why you are looking at this young person's records")) }
        guard problems.isEmpty, let purpose else { throw InvalidInput(problems) }

        // Who viewed them before is read with everything else (one query), for the roles that may see it; this view
        // heads the list once it is recorded.
        let seesViewers = caller.can(.seeJourneyViewers)
        let (read, foundBy) = try await resolve(
            lookup, id: id, own: own, purpose: purpose.rawValue, views: seesViewers ? Self.viewersShown - 1 : 0, by: caller)
        let partnershipID = read.partnershipID
        // Written before anything is shown: a view that cannot be recorded does not happen.
        let view = try await audit.record(
            caller, "journey.view", partnershipID,
            "purpose=\(purpose.rawValue); found by \(foundBy)")

        let home = Set(ReferenceGeography.all.filter { $0.level != .region }.map(\.code))
        let entries = JourneyBuilder.build(read.rows, homeAreas: home) { ReferenceGeography.area(code: $0)?.name }
        let agencies = Dictionary(uniqueKeysWithValues: ReferencePartnership.agencies.map { ($0.id, $0) })
        let holders = Set(read.rows.map(\.agencyID) + read.records.map(\.agency)).sorted()
            .compactMap { id -> Holder? in
                guard let agency = agencies[id] else { return nil }
                return Holder(
                    agency: agency, records: read.rows.filter { $0.agencyID == id && $0.dataset != .people }.count,
                    contacts: read.contacts.filter { $0.agency == id }.map { (name: $0.name, email: $0.email) })
            }
        var viewers: [Viewer]?
        if seesViewers {
            let this = JourneyViewRecord(event: view, name: caller.accountID == nil ? nil : caller.name, role: caller.accountID == nil ? nil : caller.role)
            viewers = ([this] + read.views).map { v in
                let code = v.event.detail?.split(separator: ";").first.map { String($0.dropFirst("purpose=".count)) } ?? ""
                return Viewer(name: v.name ?? "Command line", role: v.role?.title ?? "", at: v.event.at, purpose: ViewPurpose(rawValue: code)?.label ?? code)
            }
        }
        let today = UKTime.localDate(of: clock.now())
        return Journey(
            partnershipID: partnershipID, purpose: purpose, ownIDs: read.records.filter { $0.agency == own }.map(\.person), entries: entries,
            holders: holders, viewers: viewers, linkedAt: read.linkedAt, contexts: read.contexts.map { ($0.context, $0.link, $0.link.status(on: today)) })
    }
}

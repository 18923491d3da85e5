import DotsCore
import DotsStore

/// The data quality review: each current submission's quality, and one dataset's history. An agency data lead
/// sees their own agency; the partnership sees every agency, or one partnership's.
public struct QualityService: Sendable {
    let store: HubStore
    let clock: any TimeSource

    public init(store: HubStore, clock: any TimeSource = SystemClock()) {
        self.store = store
        self.clock = clock
    }

    /// The agencies in view and their current submissions.
    public struct Overview: Sendable {
        public let agencies: [Agency]
        /// "Showing …": whose submissions these are.
        public let scopeName: String
        public let current: [SubmissionRecord]
        /// Whether the caller may choose a partnership (their scope is the whole partnership).
        public let choosesPartnership: Bool
    }

    /// - Parameter partnership: for callers who see every agency, the partnership to show as it is today (or was
    ///   on its last day, if it has ended); nil for every agency.
    public func overview(partnership: String? = nil, by caller: Caller) async throws -> Overview {
        try caller.require(.viewSubmissions)
        let agencies: [Agency], name: String
        switch caller.scope {
        case .only(let own):
            agencies = ReferencePartnership.agencies.filter { $0.id == own }
            name = "Showing \(ReferencePartnership.model.agencyName(own))"
        case .all:
            if let p = partnership.flatMap({ id in ReferencePartnership.partnerships.first { $0.id == id } }) {
                let today = UKTime.localDate(of: clock.now())
                let ids = Set(p.agencyIDs(on: p.valid.end.map { min($0, today) } ?? today))
                agencies = ReferencePartnership.agencies.filter { ids.contains($0.id) }
                name = "Showing the agencies of \(p.name)"
            } else {
                agencies = ReferencePartnership.agencies
                name = "Showing every agency"
            }
        }
        let ids = Set(agencies.map(\.id))
        let current = try await store.currentSubmissions(agency: caller.scope.agencyID).filter { ids.contains($0.agency) }
        return Overview(agencies: agencies, scopeName: name, current: current, choosesPartnership: caller.scope == .all)
    }

    /// Every submission of one agency's dataset, newest first, rejected ones included (their quality was measured
    /// too). An agency or dataset the caller may not see is "not found".
    public func history(agency: String?, dataset: String?, by caller: Caller) async throws -> (
        agency: Agency, dataset: Dataset, submissions: [SubmissionRecord]
    ) {
        try caller.require(.viewSubmissions)
        guard let a = agency.flatMap(ReferencePartnership.model.agency(id:)), caller.scope.includes(a.id),
            let d = dataset.flatMap(Dataset.init(rawValue:))
        else {
            throw NotFound("There is no such agency and dataset you can see.")
        }
        return (a, d, try await store.submissions(agency: a.id, dataset: d))
    }
}

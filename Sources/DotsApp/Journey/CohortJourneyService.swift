import DotsCore
import DotsFramework
import DotsJourney
import DotsStore
import Foundation

/// Cohort journeys for the partnership, pseudonymous and disclosure-controlled for every reader: the common paths
/// young people take through services, time from each critical moment to a multi-agency response, who is known to
/// one agency only, escalation and re-referral. Worked out over every young person the latest linkage run found,
/// once per linkage and framework run, and kept. Requests arriving while it is worked out wait for that one
/// computation rather than each starting their own.
public actor CohortJourneyService {
    let store: HubStore
    let spec: FrameworkSpec
    private var cached: (key: String, view: View)?
    private var computing: (key: String, task: Task<View, any Error>)?
    /// How many times the cohort has been worked out (tests check requests together share one).
    private(set) var computations = 0

    public init(store: HubStore, spec: FrameworkSpec) {
        self.store = store
        self.spec = spec
    }

    public typealias Count = PublishedCount

    public struct Path: Sendable, Equatable {
        public let stages: [JourneyStage]
        public let count: Count
        public var text: String { stages.map(\.label).joined(separator: " → ") }
    }

    public struct MomentResponse: Sendable, Equatable {
        public let moment: CriticalMoment
        public let moments: Count
        public let unanswered: Count
        /// Days to the next response: median and 90th percentile, nil when too few moments had one.
        public let median: Int?
        public let p90: Int?
    }

    public struct View: Sendable {
        public let onThePath: Count
        /// The commonest paths, most young people first, each above the threshold.
        public let paths: [Path]
        /// Young people on any other path, together: shown whatever its size, since the total less the paths shown gives
        /// it, and it names no path.
        public let otherPaths: Count
        public let responses: [MomentResponse]
        /// By agency: young people whose every record is that agency's.
        public let knownToOneAgency: [(agency: String, count: Count)]
        public let knownToSeveral: Count
        public let escalated: Count, screenedTwice: Count
        public let reReferred: Count, closedEpisode: Count
        public let threshold: Int, minimumBase: Int
        public let linkedAt: Instant?
    }

    /// Nil before linkage has run: without it there are no young people, only agencies' records.
    public func view(by caller: Caller) async throws -> View? {
        try caller.require(.viewFramework)
        guard let run = try await store.latestLinkageRun() else { return nil }
        let key = run.id + "|" + (try await store.latestFrameworkRun()?.id ?? "")
        if let cached, cached.key == key { return cached.view }
        if let computing, computing.key == key { return try await computing.task.value }
        computations += 1
        let (store, policy, linkedAt) = (store, spec.disclosure.applied, run.finishedAt)
        let task = Task.detached {
            let datasets = Dataset.allCases.filter { $0.isAboutPeople && $0 != .voiceFeedback }
            let people = try await store.recordRowsByYoungPerson(datasets, fields: CohortJourneys.fieldsRead)
            return Self.publish(await Self.summarise(people), policy: policy, linkedAt: linkedAt)
        }
        computing = (key, task)
        // Whatever the outcome, the next request after it starts afresh (a failure is not kept).
        defer { if self.computing?.key == key { self.computing = nil } }
        let view = try await task.value
        cached = (key, view)
        return view
    }

    /// The cohort summarised in as many parts as there are cores, then added up (each young person is counted in
    /// one part, and every count adds).
    public static func summarise(_ people: [[RecordRow]]) async -> CohortSummary {
        let home = Set(ReferenceGeography.all.filter { $0.level != .region }.map(\.code))
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let size = (people.count + parts - 1) / max(parts, 1)
        return await withTaskGroup(of: CohortSummary.self) { group in
            for start in stride(from: 0, to: people.count, by: max(size, 1)) {
                let part = Array(people[start..<min(start + size, people.count)])
                group.addTask { CohortJourneys.summarise(part, homeAreas: home) }
            }
            var out = CohortSummary()
            for await s in group { out.add(s) }
            return out
        }
    }

    /// Disclosure control over the summary: counts 1 to the threshold hidden, percentiles only from the minimum
    /// base, and where one of a set of counts that adds up to a whole is hidden, a second is hidden with it.
    static func publish(_ s: CohortSummary, policy: DisclosurePolicy, linkedAt: Instant?) -> View {
        let t = policy.threshold
        func count(_ n: Int) -> Count { Count(n, threshold: t) }
        let ranked = s.sequences.sorted { ($1.value, $0.key.map(\.rawValue).joined()) < ($0.value, $1.key.map(\.rawValue).joined()) }
        let paths = ranked.prefix(10).filter { $0.value > t }.map { Path(stages: $0.key, count: Count(shown: $0.value)) }
        let other = s.onThePath - paths.compactMap(\.count.shown).reduce(0, +)
        let responses = CriticalMoment.allCases.compactMap { m -> MomentResponse? in
            let days = s.responseDays[m] ?? [], none = s.unanswered[m] ?? 0
            guard days.count + none > 0 else { return nil }
            let enough = days.count >= policy.minimumBase
            return MomentResponse(
                moment: m, moments: count(days.count + none), unanswered: count(none),
                median: enough ? CohortJourneys.percentile(days, 0.5) : nil, p90: enough ? CohortJourneys.percentile(days, 0.9) : nil)
        }
        // Agencies' counts and "several" add up to every young person linked: never one hidden alone.
        let agencies = s.knownToOneAgency.sorted { $0.key < $1.key }
        let parts = Count.parts(agencies.map(\.value) + [s.knownToSeveral], threshold: t)
        return View(
            onThePath: count(s.onThePath), paths: paths, otherPaths: Count(shown: other), responses: responses,
            knownToOneAgency: zip(agencies, parts).map { ($0.0.key, $0.1) }, knownToSeveral: parts.last!, escalated: count(s.escalated),
            screenedTwice: count(s.screenedTwice), reReferred: count(s.reReferred), closedEpisode: count(s.closedEpisode), threshold: t,
            minimumBase: policy.minimumBase, linkedAt: linkedAt)
    }
}

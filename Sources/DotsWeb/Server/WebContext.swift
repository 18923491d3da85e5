import DotsApp
import DotsCore
import DotsFramework
import DotsStore

/// What every route needs: the store, the framework, the clock, and the caches. One per running server.
public struct WebContext: Sendable {
    public let store: HubStore
    public let spec: FrameworkSpec
    public let clock: any TimeSource
    /// Set when Dots is served over TLS (directly or behind a proxy): cookies are then marked `Secure` and HSTS is sent.
    public let secureCookies: Bool
    /// The address of a reverse proxy whose `X-Forwarded-For` is believed; nil to use the connection's address.
    public let trustedProxy: String?
    public let accounts: AccountService
    let reports: ReportCache
    let sessions = SessionCache()
    let uploads = UploadGate()
    /// Maturity, the data map, actions and meetings.
    public let governance: GovernanceService

    public init(store: HubStore, spec: FrameworkSpec, hasher: any PasswordHashing, clock: any TimeSource = SystemClock(), secureCookies: Bool = false,
                trustedProxy: String? = nil) throws {
        self.store = store
        self.spec = spec
        self.clock = clock
        self.secureCookies = secureCookies
        self.trustedProxy = trustedProxy
        accounts = try AccountService(store: store, hasher: hasher, clock: clock)
        reports = ReportCache(store: store, spec: spec, clock: clock)
        governance = GovernanceService(store: store, spec: spec, clock: clock)
    }
}

/// The latest framework run's figures, exact and disclosure-controlled, the submissions it used, and pages
/// rendered from them, kept until a new run appears. Building a report applies disclosure control to every cell,
/// so pages must not do it per request; a page depends only on the run, the reader's kind (exact or published) and
/// the filter, so each is rendered once per run. The store is asked for the latest run at most every few seconds.
actor ReportCache {
    let store: HubStore
    let spec: FrameworkSpec
    let clock: any TimeSource
    static let recheckSeconds: Int64 = 5
    static let pageCapacity = 5_000

    private var cached: [Bool: FrameworkReport] = [:]
    private var latest: (run: FrameworkRunRecord?, checkedAt: Instant)?
    private var pages: [String: String] = [:]
    private var pagesRun: String?
    private var used: (run: String, submissions: [SubmissionRecord])?

    init(store: HubStore, spec: FrameworkSpec, clock: any TimeSource) {
        self.store = store
        self.spec = spec
        self.clock = clock
    }

    func latestRun() async throws -> FrameworkRunRecord? {
        let now = clock.now()
        if let latest, latest.run != nil, now.seconds - latest.checkedAt.seconds < Self.recheckSeconds { return latest.run }
        let run = try await store.latestFrameworkRun()
        latest = (run, now)
        return run
    }

    /// The report for a reader: `exact` for analysts and admins, published for everyone else.
    func report(exact: Bool) async throws -> FrameworkReport? {
        guard let run = try await latestRun() else { return nil }
        if let hit = cached[exact], hit.run.id == run.id { return hit }
        guard let report = try await FrameworkReport.load(store, spec: spec, publish: !exact) else { return nil }
        cached[exact] = report
        return report
    }

    /// The submissions a run used (for provenance and data quality caveats).
    func submissions(of run: FrameworkRunRecord) async throws -> [SubmissionRecord] {
        if let used, used.run == run.id { return used.submissions }
        let ids = Set(run.submissions)
        let found = try await store.submissions().filter { ids.contains($0.id) }
        used = (run.id, found)
        return found
    }

    /// A page's main content rendered from `run`, if it has been rendered already.
    func page(_ key: String, run: String) -> String? {
        pagesRun == run ? pages[key] : nil
    }

    func keep(_ key: String, run: String, html: String) {
        if pagesRun != run || pages.count >= Self.pageCapacity {
            pages.removeAll(keepingCapacity: true)
            pagesRun = run
        }
        pages[key] = html
    }
}

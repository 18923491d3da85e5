import DotsApp
import DotsCore
import DotsFramework
import DotsStore

/// What every route needs: the store, the framework, the clock, and the caches. One per running server.
public struct WebContext: Sendable {
    public let store: HubStore
    public let spec: FrameworkSpec
    public let clock: any DotsCore.Clock
    /// Set when Dots is served over TLS (directly or behind a proxy): cookies are then marked `Secure`.
    public let secureCookies: Bool
    let accounts: AccountService
    let reports: ReportCache

    public init(store: HubStore, spec: FrameworkSpec, clock: any DotsCore.Clock = SystemClock(), secureCookies: Bool = false) {
        self.store = store
        self.spec = spec
        self.clock = clock
        self.secureCookies = secureCookies
        accounts = AccountService(store: store, clock: clock, throttle: LoginThrottle())
        reports = ReportCache(store: store, spec: spec)
    }
}

/// The latest framework run's figures, exact and disclosure-controlled, kept until a new run appears. Building a
/// report applies disclosure control to every cell, so pages must not do it per request.
actor ReportCache {
    let store: HubStore
    let spec: FrameworkSpec
    private var cached: [Bool: FrameworkReport] = [:]

    init(store: HubStore, spec: FrameworkSpec) {
        self.store = store
        self.spec = spec
    }

    /// The report for a reader: `exact` for analysts and admins, published for everyone else.
    func report(exact: Bool) async throws -> FrameworkReport? {
        guard let run = try await store.latestFrameworkRun() else { return nil }
        if let hit = cached[exact], hit.run.id == run.id { return hit }
        guard let report = try await FrameworkReport.load(store, spec: spec, publish: !exact) else { return nil }
        cached[exact] = report
        return report
    }
}

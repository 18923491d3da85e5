import DotsCore
import DotsFramework
import DotsStore

/// Every use case an adapter (the web app, the API) calls, over one store. The adapters hold this and never the
/// store: each use case takes the `Caller` and owns its permission, scope and audit.
public struct UseCases: Sendable {
    public let spec: FrameworkSpec
    public let clock: any TimeSource
    public let accounts: AccountService
    public let governance: GovernanceService
    public let submissions: SubmissionService
    public let quality: QualityService
    public let framework: FrameworkResults
    /// Recomputes the framework in the background after accepted submissions; `dots serve` runs it.
    public let refresher: FrameworkRefresher
    /// Reports for the Safeguarding Partnership: build, preview, publish, read.
    public let reports: ReportService
    /// The voice of children, young people and families: codes and forms, records, alerts, themes, quotes.
    public let voice: VoiceService
    /// A young person's journey across agencies, for operational roles, every view audited with its purpose.
    public let journeys: JourneyService
    /// Linkage quality and the clerical review queue.
    public let linkQuality: LinkQualityService
    /// The places around young people: the police's open data by district, as published.
    public let places: PlacesService
    /// Cohort journeys: common paths, time to response, known to one agency, as published.
    public let cohortJourneys: CohortJourneyService
    /// Contexts of harm as records: operational roles work with them; everyone else sees counts.
    public let contexts: ContextService
    /// Area boundaries finer than districts, imported for maps.
    public let geography: GeographyService

    public init(store: HubStore, spec: FrameworkSpec, hasher: any PasswordHashing, clock: any TimeSource = SystemClock()) throws {
        self.spec = spec
        self.clock = clock
        accounts = try AccountService(store: store, hasher: hasher, clock: clock)
        governance = GovernanceService(store: store, spec: spec, clock: clock)
        quality = QualityService(store: store, clock: clock)
        framework = FrameworkResults(store: store, spec: spec, clock: clock)
        refresher = FrameworkRefresher(store: store, spec: spec, clock: clock, results: framework)
        submissions = SubmissionService(store: store, clock: clock, refresher: refresher)
        reports = ReportService(store: store, spec: spec, clock: clock, results: framework)
        voice = VoiceService(store: store, spec: spec, clock: clock, refresher: refresher)
        journeys = JourneyService(store: store, clock: clock)
        linkQuality = LinkQualityService(store: store, clock: clock)
        places = PlacesService(store: store, spec: spec)
        cohortJourneys = CohortJourneyService(store: store, spec: spec)
        contexts = ContextService(store: store, spec: spec, clock: clock, journeys: journeys, refresher: refresher)
        geography = GeographyService(store: store, clock: clock)
    }
}

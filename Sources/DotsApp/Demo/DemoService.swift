import DotsCore
import DotsFramework
import DotsGovernance
import DotsIntake
import DotsLink
import DotsPrepare
import DotsStore
import DotsSynth
import Foundation

/// `dots demo`: builds the synthetic partnership end to end, the way real agencies and the hub would:
/// generate each agency's extract, prepare it inside the "agency" with the linkage key, ingest the packages.
public struct DemoService: Sendable {
    public let directory: String
    public let config: SynthConfig
    public let clock: any TimeSource

    public init(directory: String, config: SynthConfig = SynthConfig(), clock: any TimeSource = SystemClock()) {
        self.directory = directory
        self.config = config
        self.clock = clock
    }

    public struct Result: Sendable {
        public var synth: SynthGenerator.Summary
        public var prepared: [(agency: String, warnings: Int)] = []
        public var accepted: [SubmissionRecord] = []
        public var rejected: [(agency: String, report: IntakeReport)] = []
        public var keyFile: String
        /// Every intake report the hub produced (what `--report` would write), accepted or not.
        public var reports: [IntakeReport] = []
        public var link: LinkService.Outcome?
        public var framework: FrameworkService.Outcome?
        /// The demo accounts, one per role, with the fresh passwords this run gave them.
        public var credentials: [DemoAccounts.Credential] = []
        /// The seeded method (nil when the store already had a maturity round).
        public var governance: DemoGovernance.Summary?
        public var seconds: Double = 0
    }

    /// Every step of `dots demo`: the partnership (`run`), one account per role, the partnership's method and the
    /// voice of young people and families, then the framework over all of it and two published reports, so the
    /// CLI and tests build the same demo.
    public func runAll(store: HubStore, accounts: AccountService, log: @Sendable (String) -> Void) async throws -> Result {
        var result = try await run(store: store, log: log)
        guard result.rejected.isEmpty else { return result }
        let spec = try FrameworkService.load()
        result.credentials = try await DemoAccounts.ensure(accounts, caller: .commandLine(user: "dots demo"))
        result.governance = try await DemoGovernance.seed(GovernanceService(store: store, spec: spec, clock: clock))
        if let g = result.governance {
            log(
                "    The partnership's method: \(g.assessments) maturity self-assessments submitted (one more in draft), \(g.datasets) datasets on the data map, a data leads meeting, \(g.actions) actions"
            )
        }
        if let v = try await DemoVoice.seed(
            VoiceService(store: store, spec: spec, clock: clock), store: store, today: UKTime.localDate(of: clock.now()))
        {
            log(
                "    The voice of young people and families: \(v.records) records, \(v.coded) texts coded (agreement \(v.kappa.map { String(format: "%.2f", $0) } ?? "not yet")), \(v.quotes) quotes approved"
            )
        }
        if let c = try await DemoContexts.seed(store: store, spec: spec, clock: clock) {
            log(
                "    Contexts: \(c.contexts) (a peer group, a place and an online space now, and a year of earlier work), \(c.links) links of young people to them, one lapsed this month"
            )
        }
        log("6/6 Computing the partnership's framework (\(spec.indicators.count) indicators)")
        let framework = try await FrameworkService(store: store, clock: clock, runBy: "dots demo").compute(spec)
        log(String(format: "    %d figures in %.1f s", framework.run.cells, framework.run.seconds))
        result.framework = framework
        // Feedback recorded above asked for a recomputation; this run already has it, so the queue is cleared as fresh.
        let refresher = FrameworkRefresher(store: store, spec: spec, clock: clock)
        while try await refresher.runPending() != nil {}
        if result.governance != nil {
            // Two published reports for the joint sub-group, so a newcomer sees one at once (PDFs when Chromium is installed).
            let analyst = try await store.allAccounts().first { $0.role == .analyst }
            let by = Caller(accountID: analyst?.id, name: analyst?.name ?? "Partnership analyst", role: .analyst, agencyID: nil, channel: .cli)
            // One preparation of the published figures serves both reports' board editions.
            let reports = ReportService(store: store, spec: spec, clock: clock, results: FrameworkResults(store: store, spec: spec, clock: clock))
            for (name, period) in [("dashboard", "2025-26 Q4"), ("annual", "2025-26")] {
                let r = try await reports.publish(template: try reports.template(name), partnership: "joint-ce", period: period, changes: nil, by: by)
                log("    Published \(r.title), \(period)\(r.pdfEditions.isEmpty ? " (HTML only: Chromium is not installed)" : "")")
            }
        }
        result.seconds += framework.run.seconds
        return result
    }

    /// Runs every step, printing a line per step through `log`.
    /// The folder (beside the agencies' extracts, and its package beside theirs) of the police's open data.
    public static let policeOpenData = "staffs-police-open-data"

    public func run(store: HubStore, log: @Sendable (String) -> Void) async throws -> Result {
        let started = Stopwatch()
        let fm = FileManager.default
        let extracts = directory + "/extracts", packages = directory + "/packages"
        try? fm.removeItem(atPath: extracts)
        try? fm.removeItem(atPath: packages)
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)

        log("1/6 Generating a synthetic partnership of \(config.people) young people (seed \(config.seed)) in \(extracts)")
        let summary = try SynthGenerator(config: config).run(output: extracts)
        log("    \(summary.known) known to at least one agency, \(summary.multiAgency) to two or more; \(summary.agencyRecords) agency person records")

        // The demo's linkage key stands in for the one the partnership's key holder issues. It stays beside
        // the extracts (the agency side) and never enters the store.
        let keyFile = directory + "/linkage.key"
        if !fm.fileExists(atPath: keyFile) {
            try LinkageKey.generateEncoded().write(toFile: keyFile, atomically: true, encoding: .utf8)
            try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile)
        }
        var result = Result(synth: summary, keyFile: keyFile)
        log("2/6 Preparing each agency's extract with the linkage key (pseudonymising identifiers) into \(packages)")
        // Each agency places home postcodes with the postcode directory (here the generator's invented one), which
        // gives their LSOAs too: the framework's figures by LSOA need them (dots prepare --home-lsoa).
        var lookup = PostcodeLookup(withLSOAs: true)
        try lookup.read(extracts + "/" + SynthGenerator.postcodeDirectory)
        let pipeline = PreparePipeline(
            keyProvider: FileOrEnvironmentKeyProvider(file: keyFile), clock: clock, postcodeAreas: lookup.areas(), postcodeLSOAs: lookup.lsoas)
        let agencies = try fm.contentsOfDirectory(atPath: extracts).filter { ReferencePartnership.model.agency(id: $0) != nil }.sorted()
        // The police also publish their street-level crime and stop and search (data.police.uk): the places around
        // young people, prepared by the force into counts by month and area, its own package.
        var returns = SynthReturns.Config()
        returns.year = config.end.year
        returns.seed = config.seed
        returns.crimesPerMonth = max(config.people * 3 / 10, 30)
        returns.stopsPerMonth = max(config.people / 20, 10)
        returns.smallAreasPerDistrict = config.smallAreasPerDistrict
        let openData = extracts + "/" + Self.policeOpenData
        _ = try SynthReturns(config: returns).writePoliceOpenData(to: openData)
        var prepared: [(agency: String, package: String)] = []
        for (agency, input) in agencies.map({ ($0, $0) }) + [("staffs-police", Self.policeOpenData)] {
            let out = try pipeline.run(
                input: extracts + "/" + input, output: packages + "/" + input, agency: agency, period: input == agency ? config.period : nil)
            guard out.output != nil else {
                result.rejected.append((agency, out.report))
                log("    \(input): extract refused by prepare:\n\(out.report.summary(limit: 5))")
                continue
            }
            result.prepared.append((agency, out.report.warningCount))
            prepared.append((agency, input))
        }
        log("    \(prepared.count) packages prepared")
        // The partnership's small areas, as an admin imports ONS's LSOA boundaries (dots geography import): invented
        // ones here, drawn within the districts, so the demo shows figures by LSOA.
        let areas = try InventedLSOAs.make(perDistrict: config.smallAreasPerDistrict)
        let boundaries = lookup.lsoas.isEmpty ? nil : directory + "/invented-lsoas.geojson"
        if let boundaries {
            try InventedLSOAs.geoJSON(areas).write(toFile: boundaries, atomically: true, encoding: .utf8)
            let imported = try await GeographyService(store: store, clock: clock).importBoundaries(
                [UInt8](try Data(contentsOf: URL(fileURLWithPath: boundaries))), file: boundaries, attribution: InventedLSOAs.attribution,
                by: .commandLine(user: "dots demo"))
            log("    \(imported.levels[.lsoa] ?? 0) invented LSOAs imported, as ONS's would be (\(boundaries))")
        }

        // Two returns, as a live partnership has: one a quarter before the data ends, then the full one three weeks
        // after it ends (each "received" then, so timeliness is measured as it would have been).
        let cutoff = config.end.adding(months: -3)
        let rounds: [(label: String, cutoff: CalendarDate?, received: CalendarDate)] = [
            ("earlier return, events to \(cutoff)", cutoff, cutoff.adding(days: 20)),
            ("full return", nil, config.end.adding(days: 20)),
        ]
        for (n, round) in rounds.enumerated() {
            let received = Instant(seconds: min(clock.now().seconds, Instant(utcDate: round.received, hour: 10).seconds))
            log("\(n + 3)/6 Ingesting the packages (\(round.label), received \(UKTime.localDate(of: received))) into \(store.location)")
            let ingest = IngestService(store: store, clock: FixedClock(received), submittedBy: "dots demo")
            for (agency, package) in prepared {
                var source = try SubmissionSource.load(path: packages + "/" + package)
                if let cut = round.cutoff { source = EarlierReturn.cut(source, upTo: cut) }
                let outcome = try await ingest.ingest(source)
                result.reports.append(outcome.report)
                if outcome.report.isValid {
                    if round.cutoff == nil { result.accepted += outcome.accepted }
                    let rows = outcome.accepted.reduce(0) { $0 + $1.rows }
                    log("    \(agency): \(outcome.accepted.count) datasets, \(rows) rows")
                } else {
                    result.rejected.append((agency, outcome.report))
                    log("    \(agency): rejected\n\(outcome.report.summary(limit: 5))")
                }
            }
        }
        if result.rejected.isEmpty {
            log("5/6 Linking young people across agencies, on the pseudonymised data only")
            let truth = try LinkService.readTruth(extracts + "/truth.csv")
            let link = try await LinkService(store: store, clock: clock, runBy: "dots demo").run(truth: truth)
            result.link = link
            log("    \(link.records.count) person records → \(link.result.people) young people; \(link.result.reviews) pairs for clerical review")
            if let e = link.evaluation {
                log(
                    String(format: "    against the generator's truth: pairwise F1 %.4f (precision %.4f, recall %.4f)", e.pairF1, e.pairPrecision, e.pairRecall)
                )
            }
        }
        result.seconds = started.seconds
        return result
    }
}

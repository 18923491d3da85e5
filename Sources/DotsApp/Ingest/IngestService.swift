import DotsCore
import DotsIntake
import DotsStore
import Foundation

/// `dots ingest` (and, later, the web upload): validate a submission, then load it atomically or not at all.
public struct IngestService: Sendable {
    public let store: HubStore
    public let model: PartnershipModel
    public let clock: any TimeSource
    /// Who is submitting, for provenance.
    public let submittedBy: String

    public init(store: HubStore, model: PartnershipModel = ReferencePartnership.model, clock: any TimeSource = SystemClock(), submittedBy: String) {
        self.store = store
        self.model = model
        self.clock = clock
        self.submittedBy = submittedBy
    }

    public struct Outcome: Sendable {
        public var report: IntakeReport
        /// Records loaded (empty if rejected or only validated).
        public var accepted: [SubmissionRecord] = []
        /// The id the report is kept under (nil when only validated).
        public var reportID: String?
        public var validateSeconds: Double = 0
        public var loadSeconds: Double = 0
        /// Building the people submission's linkage record set, after the load.
        public var linkSetSeconds: Double = 0
    }

    public struct Options: Sendable {
        public var dataset: Dataset?
        public var agency: String?
        public var period: Period?
        /// Check only; load nothing and log nothing.
        public var validateOnly = false
        public var progress: (@Sendable (String, Int) -> Void)?

        public init(
            dataset: Dataset? = nil, agency: String? = nil, period: Period? = nil, validateOnly: Bool = false,
            progress: (@Sendable (String, Int) -> Void)? = nil
        ) {
            self.dataset = dataset
            self.agency = agency
            self.period = period
            self.validateOnly = validateOnly
            self.progress = progress
        }
    }

    public func ingest(path: String, options: Options = Options()) async throws -> Outcome {
        let source = try SubmissionSource.load(path: path, dataset: options.dataset, agency: options.agency, period: options.period)
        return try await ingest(source, options: options)
    }

    public func ingest(_ source: SubmissionSource, options: Options = Options()) async throws -> Outcome {
        let started = Stopwatch()
        let now = clock.now()
        let known = model.agency(id: source.agency ?? "") != nil
        let existing = known ? try await store.currentPersonIDs(agency: source.agency!) : []
        let keyID = try await store.currentKeyID()
        let progress = options.progress
        var validated: (@Sendable (Int) -> Void)?
        var loaded: (@Sendable (Int) -> Void)?
        if let progress {
            validated = { progress("validated", $0) }
            loaded = { progress("loaded", $0) }
        }
        var context = ValidationContext(period: source.period, now: now, progress: validated)
        let current = known ? try await store.currentSubmissions(agency: source.agency!) : []
        // Several periods of one dataset can be in force: events are new after the latest of them.
        for c in current {
            if let last = c.quality?.lastEvent, context.newEventsAfter[c.dataset].map({ last > $0 }) ?? true { context.newEventsAfter[c.dataset] = last }
        }
        var (report, people) = SubmissionValidator(model: model, context: context).validateWithPeople(
            source, existingPersons: existing, currentKeyID: keyID)

        // Each file's period: the one given, else the financial years its events span; for people, the day received.
        var periods: [String: Period] = [:]
        for file in report.files {
            periods[file.file] = period(for: file, given: source.period, received: UKTime.localDate(of: now))
        }
        checkOverlaps(source, periods: periods, current: current, into: &report)
        if known, let people { try await checkOrphans(source, people: people, periods: periods, current: current, into: &report) }
        // The same file sent again brings no new events: its timeliness is the earlier one's, not "not measured".
        for i in report.files.indices {
            let f = report.files[i]
            guard let p = periods[f.file], f.quality != nil,
                let same = current.first(where: { $0.dataset == f.dataset && $0.period == p && $0.checksum == f.checksum }), let q = same.quality
            else { continue }
            report.files[i].quality?.newEvents = q.newEvents
            report.files[i].quality?.timelyEvents = q.timelyEvents
            report.files[i].quality?.medianLagDays = q.medianLagDays
        }
        var outcome = Outcome(report: report, validateSeconds: started.seconds)
        if options.validateOnly { return outcome }

        let reportID = UUID().uuidString.lowercased()
        outcome.reportID = reportID
        let records = source.files.compactMap { file -> SubmissionRecord? in
            guard let ds = file.dataset, let fr = report.files.first(where: { $0.file == file.name }) else { return nil }
            return SubmissionRecord(
                id: UUID().uuidString.lowercased(), agency: source.agency ?? "unknown", dataset: ds,
                period: periods[file.name] ?? Period(start: UKTime.localDate(of: now), end: UKTime.localDate(of: now)),
                status: .current, rows: fr.rows, bytes: file.bytes.count, checksum: file.checksum, receivedAt: now,
                submittedBy: submittedBy, source: "\(source.label)/\(file.name)", keyID: source.keyID, schemaVersion: ds.schema.version,
                errorCount: fr.errorCount, warningCount: fr.warningCount, reportID: reportID, quality: fr.quality)
        }
        let log = IntakeReportRecord(
            id: reportID, agency: source.agency ?? "unknown", label: source.label, receivedAt: now,
            submittedBy: submittedBy, accepted: report.isValid, rows: report.rows,
            errorCount: report.errorCount, warningCount: report.warningCount)
        guard report.isValid else {
            if known { for r in records { try await store.recordRejected(r) } }
            try await store.recordIntakeReport(log, report: report)
            return outcome
        }
        let loadStart = Stopwatch()
        let incoming = records.map { r in
            IncomingFile(record: r, rows: TableReader(schema: r.dataset.schema, bytes: source.files.first { "\(source.label)/\($0.name)" == r.source }!.bytes)!)
        }
        // People first, so a reader never sees events whose people are not yet loaded (all in one transaction anyway).
        outcome.accepted = try await store.accept(
            incoming.sorted { $0.record.dataset < $1.record.dataset },
            progress: loaded)
        try await store.recordIntakeReport(log, report: report)
        outcome.loadSeconds = loadStart.seconds
        // Linkage reads people through a set built once here. The submission is in whatever happens: should this
        // fail, the next link run builds the set itself.
        let setStart = Stopwatch()
        for accepted in outcome.accepted where accepted.dataset == .people {
            try? await LinkRecordLoader(store: store).build(for: accepted)
        }
        outcome.linkSetSeconds = setStart.seconds
        return outcome
    }

    func period(for file: IntakeReport.FileReport, given: Period?, received: CalendarDate) -> Period {
        if let given { return given }
        guard file.dataset != .people, let first = file.firstEvent, let last = file.lastEvent else {
            return Period(start: received, end: received)
        }
        let a = Period.financialYear(containing: first), b = Period.financialYear(containing: last)
        return a == b ? a : Period(start: a.start, end: b.end)
    }

    /// A people file replaces the agency's people. Refuse it when the agency's other current submissions (those
    /// this package does not replace) refer to people it leaves out: naming the dataset, its period, how many rows
    /// and people, and some of their (pseudonymous) ids.
    func checkOrphans(
        _ source: SubmissionSource, people: Set<String>, periods: [String: Period], current: [SubmissionRecord], into report: inout IntakeReport
    ) async throws {
        guard let peopleFile = source.files.first(where: { $0.dataset == .people }) else { return }
        var replaced: Set<String> = []
        for file in source.files {
            if let ds = file.dataset, ds != .people, let p = periods[file.name] { replaced.insert("\(ds.rawValue)|\(p)") }
        }
        let byID = Dictionary(uniqueKeysWithValues: current.map { ($0.id, $0) })
        let referenced = try await store.referencedPersonIDs(agency: source.agency!)
        for (id, held) in referenced.sorted(by: { ($0.value.dataset.rawValue, $0.key) < ($1.value.dataset.rawValue, $1.key) }) {
            // Replaced by this package: its rows go with it. Rows without a submission record are feedback given or
            // recorded in Dots itself, which no package replaces.
            let record = byID[id]
            if let record, replaced.contains("\(record.dataset.rawValue)|\(record.period)") { continue }
            let missing = held.persons.filter { !people.contains($0.key) }
            guard !missing.isEmpty else { continue }
            let rows = missing.values.reduce(0, +)
            let examples = missing.keys.sorted().prefix(3)
            let which = record.map { "the current submission for \($0.period)" } ?? "feedback given or recorded in Dots"
            report.add(
                IntakeIssue(
                    .orphanedEvents, file: peopleFile.name, column: "person_id", value: examples.joined(separator: ", "),
                    rule:
                        "replacing the agency's people would leave \(rows) \(held.dataset.rawValue) row\(rows == 1 ? "" : "s") (\(which)) referring to \(missing.count) \(missing.count == 1 ? "person" : "people") not in this file, such as \(examples.joined(separator: ", "))"
                ))
        }
    }

    func checkOverlaps(_ source: SubmissionSource, periods: [String: Period], current: [SubmissionRecord], into report: inout IntakeReport) {
        for file in source.files {
            // Annex A's lists cover the twelve months to their date: successive lists overlap by design.
            guard let ds = file.dataset, ds != .people, !ds.isRollingList, let p = periods[file.name] else { continue }
            for e in current where e.dataset == ds && e.period != p && e.period.overlaps(p) {
                report.add(
                    IntakeIssue(
                        .periodOverlap, file: file.name, value: p.description,
                        rule: "the period \(p) overlaps the current \(ds.rawValue) submission for \(e.period) (received \(e.receivedAt))"))
            }
        }
    }
}

import DotsCore
import DotsFramework
import DotsGovernance
import DotsLink
import DotsStore
import Foundation

/// The latest framework run's figures as each reader may see them: exact for roles the policy allows exact
/// figures, disclosure-controlled (published) for everyone else; and the submissions the run used, for
/// provenance and data quality caveats. Building a report applies disclosure control to every cell, so each kind
/// is built once per run and kept; the store is asked for the latest run at most every few seconds.
public actor FrameworkResults {
    let store: HubStore
    let spec: FrameworkSpec
    let clock: any TimeSource
    /// How long a look at the latest run (or the queue) is trusted: elapsed time, so a monotonic clock.
    static let recheck: Duration = .seconds(5)

    private var cached: [Bool: FrameworkReport] = [:]
    /// Reports being prepared, by exactness and run: a second reader waits for the first one's work.
    private var loading: [String: Task<FrameworkReport?, any Error>] = [:]
    private var latest: (run: FrameworkRunRecord?, checkedAt: ContinuousClock.Instant)?
    private var used: (run: String, submissions: [SubmissionRecord])?

    public init(store: HubStore, spec: FrameworkSpec, clock: any TimeSource = SystemClock()) {
        self.store = store
        self.spec = spec
        self.clock = clock
    }

    /// What one reader sees of the latest run.
    public struct Reading: Sendable {
        public let report: FrameworkReport
        /// Whether the figures are exact (analysts, admins) or published.
        public let exact: Bool
        /// The published (disclosure-controlled) figures, whoever reads: what maps draw, since a map is made to be
        /// shown around. The same as `report` for readers without exact figures.
        public let published: FrameworkReport
        /// The submissions the run used.
        public let submissions: [SubmissionRecord]
        /// Whether the reader may open the data quality review behind the figures' caveats.
        public let opensQualityReview: Bool
        /// A recomputation queued or running: newer data is being included.
        public let pending: FrameworkJobRecord?
        /// Whether the reader may ask for a recomputation.
        public let mayRecompute: Bool
        /// By question: data an agency holds (on the data map) but has not submitted, in words with what would
        /// close the gap. The same join as the data map's coverage page, so the two agree.
        public let dataGaps: [String: [String]]
        /// How good the linkage the run counted young people with was; nil when it counted per agency.
        public let linkage: LinkageNote?
    }

    /// The linkage run behind a framework run's young people, in a line for every reader: aggregate counts only.
    public struct LinkageNote: Sendable, Equatable {
        public let finishedAt: Instant
        public let records: Int, youngPeople: Int, sentForReview: Int
        /// Pairwise F1 where the run was checked against a truth file (the synthetic partnership's).
        public let pairF1: Double?
    }

    private var linkageNotes: [String: LinkageNote?] = [:]

    func linkageNote(_ runID: String?) async throws -> LinkageNote? {
        guard let runID else { return nil }
        if let known = linkageNotes[runID] { return known }
        let note = try await store.linkageRunSummary(id: runID).map { r in
            LinkageNote(
                finishedAt: r.finishedAt, records: r.records, youngPeople: r.people, sentForReview: r.reviews,
                pairF1: r.evaluationJSON.flatMap { try? JSONDecoder().decode(Evaluation.self, from: Data($0.utf8)).pairF1 })
        }
        linkageNotes[runID] = note
        return note
    }

    /// Nil when the framework has not been computed on this store.
    public func reading(by caller: Caller) async throws -> Reading? {
        try caller.require(.viewFramework)
        let exact = caller.can(.exactFigures)
        guard let report = try await report(exact: exact) else { return nil }
        let published = exact ? try await self.report(exact: false) ?? report : report
        return Reading(
            report: report, exact: exact, published: published, submissions: try await submissions(of: report.run),
            opensQualityReview: caller.can(.viewSubmissions),
            pending: try await pending(), mayRecompute: caller.can(.recomputeFramework), dataGaps: try await dataGaps(),
            linkage: try await linkageNote(report.run.linkageRunID))
    }

    /// The newest queued or running recomputation, looked up at most every few seconds like the latest run.
    private var pendingCheck: (job: FrameworkJobRecord?, checkedAt: ContinuousClock.Instant)?

    func pending() async throws -> FrameworkJobRecord? {
        let now = ContinuousClock.now
        if let pendingCheck, pendingCheck.checkedAt.duration(to: now) < Self.recheck { return pendingCheck.job }
        let job = try await store.frameworkJobs(states: [.queued, .running], limit: 1).first
        pendingCheck = (job, now)
        return job
    }

    /// Forgets what it knows of the latest run and the queue: a recomputation in this process has just finished.
    public func forget() {
        latest = nil
        pendingCheck = nil
        gapsCheck = nil
    }

    /// Prepares the latest run's published figures (disclosure control is the slow part of a first page view)
    /// and the exact ones, so the first reader after a recomputation does not wait for them.
    public func warm() async {
        _ = try? await report(exact: false)
        _ = try? await report(exact: true)
    }

    private var gapsCheck: (gaps: [String: [String]], checkedAt: ContinuousClock.Instant)?

    /// Held-but-not-submitted data by question, looked at most every few seconds (the data map changes by hand).
    func dataGaps() async throws -> [String: [String]] {
        let now = ContinuousClock.now
        if let gapsCheck, gapsCheck.checkedAt.duration(to: now) < Self.recheck { return gapsCheck.gaps }
        var submitted: [Dataset: Set<String>] = [:]
        for s in try await store.currentSubmissions() { submitted[s.dataset, default: []].insert(s.agency) }
        var out: [String: [String]] = [:]
        for q in DataCoverage.questions(spec, entries: try await store.dataMapEntries(), submitted: submitted) {
            for d in q.datasets where !d.heldNotSubmittedBy.isEmpty {
                let who = d.heldNotSubmittedBy.map(ReferencePartnership.model.agencyName).joined(separator: " and ")
                out[q.questionID, default: []].append(
                    "\(who) \(d.heldNotSubmittedBy.count == 1 ? "holds" : "hold") \(d.dataset.schema.title.lowercased()) (on the data map) but \(d.heldNotSubmittedBy.count == 1 ? "has" : "have") not submitted it: submitting it would close this gap"
                )
            }
        }
        gapsCheck = (out, now)
        return out
    }

    func latestRun() async throws -> FrameworkRunRecord? {
        let now = ContinuousClock.now
        if let latest, latest.run != nil, latest.checkedAt.duration(to: now) < Self.recheck { return latest.run }
        let run = try await store.latestFrameworkRun()
        latest = (run, now)
        return run
    }

    func report(exact: Bool) async throws -> FrameworkReport? {
        guard let run = try await latestRun() else { return nil }
        if let hit = cached[exact], hit.run.id == run.id { return hit }
        let key = "\(exact)|\(run.id)"
        if let inFlight = loading[key] { return try await inFlight.value }
        let (store, spec) = (self.store, self.spec)
        let task = Task { try await FrameworkReport.load(store, spec: spec, publish: !exact) }
        loading[key] = task
        defer { loading[key] = nil }
        guard let report = try await task.value else { return nil }
        cached[exact] = report
        return report
    }

    func submissions(of run: FrameworkRunRecord) async throws -> [SubmissionRecord] {
        if let used, used.run == run.id { return used.submissions }
        let ids = Set(run.submissions)
        let found = try await store.submissions().filter { ids.contains($0.id) }
        used = (run.id, found)
        return found
    }
}

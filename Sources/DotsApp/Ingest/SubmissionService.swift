import DotsCore
import DotsIntake
import DotsStore
import Foundation

/// Submitting data and reading intake reports, for the web form, the API and `dots ingest` alike: who may
/// submit, for which agency, which reports they may read, and the audit record, all decided here.
public struct SubmissionService: Sendable {
    let store: HubStore
    let clock: any TimeSource
    let audit: AuditLog
    /// Woken after an accepted submission, when this process runs one (`dots serve`).
    let refresher: FrameworkRefresher?

    public init(store: HubStore, clock: any TimeSource = SystemClock(), refresher: FrameworkRefresher? = nil) {
        self.store = store
        self.clock = clock
        self.refresher = refresher
        audit = AuditLog(store: store, clock: clock)
    }

    /// Checks and (unless `validateOnly`) loads a submission. An agency data lead submits for their own agency
    /// only: the source's agency is set to theirs whatever the package says. Refused data is still reported and
    /// logged; the audit record says which.
    public func submit(_ source: SubmissionSource, by caller: Caller, options: IngestService.Options = .init()) async throws -> IngestService.Outcome {
        try caller.require(.submitData)
        var source = source
        if let own = caller.scope.agencyID { source.agency = own }
        let outcome = try await IngestService(store: store, clock: clock, submittedBy: caller.name).ingest(source, options: options)
        if let id = outcome.reportID {
            try await audit.record(caller, "submission.upload", id, "\(source.agency ?? "unknown") \(outcome.report.isValid ? "accepted" : "rejected")")
        }
        if !outcome.accepted.isEmpty {
            // New data in force: the figures are recomputed in the background (by `dots serve`, now or when it
            // next runs), wherever the submission came from.
            let agency = ReferencePartnership.model.agencyName(source.agency ?? outcome.accepted[0].agency)
            try await store.queueFrameworkJob(reason: "Accepted submission from \(agency)", requestedBy: caller.name, at: clock.now())
            await refresher?.nudge()
        }
        return outcome
    }

    /// A kept intake report, if the caller may see it: an agency data lead sees only their agency's (others are
    /// "not found", so ids reveal nothing).
    public func report(id: String, by caller: Caller) async throws -> (record: IntakeReportRecord, report: IntakeReport) {
        try caller.require(.viewSubmissions)
        guard let kept = try await store.intakeReport(id: id), caller.scope.includes(kept.record.agency) else {
            throw NotFound("There is no submission report \(Excerpt.of(id)) you can see.")
        }
        return kept
    }

    /// The agencies the caller may submit for (asked before the upload form is shown).
    public func uploadAgencies(by caller: Caller) throws -> [Agency] {
        try caller.require(.submitData)
        return ReferencePartnership.agencies.filter { caller.scope.includes($0.id) }
    }

    /// Files uploaded through the web form or the API: the agency is the uploader's own for an agency data lead
    /// (whatever the form says), and an admin names it; `period` is optional. Refused input is `InvalidInput` on
    /// the form's fields (agency, period, files); a checked upload returns its kept report, accepted or not.
    public func submitUpload(
        _ files: [(name: String, bytes: [UInt8])], agency: String?, period: String?,
        by caller: Caller
    ) async throws -> (record: IntakeReportRecord, report: IntakeReport) {
        try caller.require(.submitData)
        let agencyID: String
        if let own = caller.scope.agencyID {
            agencyID = own
        } else {
            guard let chosen = agency, ReferencePartnership.model.agency(id: chosen) != nil else {
                throw InvalidInput([InputProblem("agency", "Choose the agency the submission is from")])
            }
            agencyID = chosen
        }
        var parsed: Period?
        if let text = period?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let p = Period(parsing: text) else {
                throw InvalidInput([InputProblem("period", "Enter a period like 2025-26, 2025-26 Q2, 2025-07 or 2025-04-01/2025-09-30")])
            }
            parsed = p
        }
        // A file input left empty still sends one part, with no name and no bytes.
        let files = files.filter { !$0.name.isEmpty }
        guard !files.isEmpty else { throw InvalidInput([InputProblem("files", "Choose the files to upload")]) }
        let label =
            files.count == 1 ? files[0].name : (files.contains { $0.name == "datapackage.json" } ? "package (\(files.count) files)" : "\(files.count) files")
        let source: SubmissionSource
        do { source = try SubmissionSource.uploaded(files, agency: agencyID, period: parsed, label: label) } catch let e as SubmissionSource.ReadError {
            throw InvalidInput([InputProblem("files", e.description)])
        }
        let outcome = try await submit(source, by: caller)
        guard let id = outcome.reportID, let kept = try await store.intakeReport(id: id) else {
            throw KeptReportMissing()
        }
        return kept
    }

    /// The upload was checked but its report could not be kept (the store refused the write).
    public struct KeptReportMissing: Error, CustomStringConvertible {
        public var description: String { "The upload was checked but its report could not be kept." }
    }

    /// One page of the caller's submission history (their agency's, or every agency's), and what is in force.
    public struct History: Sendable {
        public let reports: [IntakeReportRecord]
        public let page: Int
        public let pages: Int
        public let current: [SubmissionRecord]
    }

    public func history(page: Int, pageSize: Int, by caller: Caller) async throws -> History {
        try caller.require(.viewSubmissions)
        let agency = caller.scope.agencyID
        let pages = max(1, (try await store.intakeReportCount(agency: agency) + pageSize - 1) / pageSize)
        let page = min(max(1, page), pages)
        return History(
            reports: try await store.intakeReports(agency: agency, limit: pageSize, offset: (page - 1) * pageSize), page: page, pages: pages,
            current: try await store.currentSubmissions(agency: agency))
    }
}

import DotsCore
import DotsIntake
import DotsStore

/// Submitting data and reading intake reports, for the web form, the API and `dots ingest` alike: who may
/// submit, for which agency, which reports they may read, and the audit record, all decided here.
public struct SubmissionService: Sendable {
    let store: HubStore
    let clock: any TimeSource
    let audit: AuditLog

    public init(store: HubStore, clock: any TimeSource = SystemClock()) {
        self.store = store
        self.clock = clock
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
}

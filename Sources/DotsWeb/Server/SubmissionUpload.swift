import DotsApp
import DotsCore
import DotsIntake
import DotsStore
import Vapor

/// One upload, from the web form or the API: the same checks and loading as `dots ingest`. The agency is the
/// uploader's own for an agency data lead (whatever the form says); an admin names it.
struct SubmissionUpload {
    let context: WebContext

    /// A problem with the upload itself rather than its data, tied to the form field to fix.
    struct FieldError: Error {
        let field: String
        let message: String
    }

    struct Form: Content {
        var agency: String?
        var period: String?
        var files: [File]?
    }

    struct Result {
        let record: IntakeReportRecord
        let report: IntakeReport
    }

    func run(_ req: Request, user: CurrentUser) async throws -> Result {
        let form: Form
        do { form = try req.content.decode(Form.self) } catch {
            throw FieldError(field: "files", message: "Choose the files to upload")
        }
        let agency: String
        switch user.agencyScope {
        case .only(let own): agency = own
        case .all:
            guard let chosen = form.agency, ReferencePartnership.model.agency(id: chosen) != nil else {
                throw FieldError(field: "agency", message: "Choose the agency the submission is from")
            }
            agency = chosen
        }
        var period: Period?
        if let text = form.period?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let p = Period(parsing: text) else {
                throw FieldError(field: "period", message: "Enter a period like 2025-26, 2025-26 Q2, 2025-07 or 2025-04-01/2025-09-30")
            }
            period = p
        }
        // A file input left empty still sends one part, with no name and no bytes.
        let files = (form.files ?? []).filter { !$0.filename.isEmpty }
        guard !files.isEmpty else { throw FieldError(field: "files", message: "Choose the files to upload") }
        let uploads = files.map { f in (name: f.filename, bytes: [UInt8](f.data.readableBytesView)) }
        let label = files.count == 1 ? files[0].filename : (uploads.contains { $0.name == "datapackage.json" } ? "package (\(files.count) files)" : "\(files.count) files")
        let source: SubmissionSource
        do { source = try SubmissionSource.uploaded(uploads, agency: agency, period: period, label: label) } catch let e as SubmissionSource.ReadError {
            throw FieldError(field: "files", message: e.description)
        }
        let service = IngestService(store: context.store, clock: context.clock, submittedBy: user.account.email)
        let outcome = try await service.ingest(source)
        guard let id = outcome.reportID, let kept = try await context.store.intakeReport(id: id) else {
            throw Abort(.internalServerError, reason: "The upload was checked but its report could not be kept.")
        }
        try await context.store.audit(AuditEvent(at: context.clock.now(), accountID: user.id, action: "submission.upload", target: id,
                                                 detail: "\(agency) \(outcome.report.isValid ? "accepted" : "rejected")"))
        return Result(record: kept.record, report: kept.report)
    }

    /// A kept report, if this person may see it: an agency data lead sees only their agency's (others are "not
    /// found", so ids reveal nothing).
    static func visibleReport(_ id: String, user: CurrentUser, store: HubStore) async throws -> (record: IntakeReportRecord, report: IntakeReport) {
        guard let kept = try await store.intakeReport(id: id), user.agencyScope.includes(kept.record.agency) else {
            throw Abort(.notFound, reason: "There is no submission report \(id) you can see.")
        }
        return kept
    }
}

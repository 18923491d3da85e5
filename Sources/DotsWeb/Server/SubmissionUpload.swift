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
        let outcome = try await context.uploads.run { try await SubmissionService(store: context.store, clock: context.clock).submit(source, by: user.caller) }
        guard let id = outcome.reportID, let kept = try await context.store.intakeReport(id: id) else {
            throw Abort(.internalServerError, reason: "The upload was checked but its report could not be kept.")
        }
        return Result(record: kept.record, report: kept.report)
    }

    static func visibleReport(_ id: String, user: CurrentUser, context: WebContext) async throws -> (record: IntakeReportRecord, report: IntakeReport) {
        try await SubmissionService(store: context.store, clock: context.clock).report(id: id, by: user.caller)
    }
}

/// Checking an upload holds it in memory several times over (bytes, report, rows), so at most `limit` are
/// checked at once; more answer 503 with Retry-After rather than taking the server's memory with them.
actor UploadGate {
    let limit: Int
    private var running = 0

    init(limit: Int = 2) { self.limit = limit }

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        guard running < limit else {
            throw Abort(.serviceUnavailable, headers: ["Retry-After": "30"], reason: "Other uploads are being checked. Try again in a minute.")
        }
        running += 1
        defer { running -= 1 }
        return try await body()
    }
}

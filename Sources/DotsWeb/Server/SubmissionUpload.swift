import DotsApp
import DotsCore
import DotsIntake
import Vapor

/// One upload, from the web form or the API: decodes the multipart body and hands it to `SubmissionService`
/// (the same checks and loading as `dots ingest`), at most `UploadGate.limit` at once.
struct SubmissionUpload {
    let context: WebContext

    struct Form: Content {
        var agency: String?
        var period: String?
        var files: [File]?
    }

    func run(_ req: Request, caller: Caller) async throws -> (record: IntakeReportRecord, report: IntakeReport) {
        // A body that is not a form counts as no files: the use case says so, after it has checked who is asking.
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let files = (form.files ?? []).map { f in (name: f.filename, bytes: [UInt8](f.data.readableBytesView)) }
        return try await context.uploads.run { try await context.submissions.submitUpload(files, agency: form.agency, period: form.period, by: caller) }
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

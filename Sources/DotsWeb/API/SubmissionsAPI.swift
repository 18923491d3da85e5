import DotsApp
import DotsCore
import Vapor

/// The submissions API: agencies' automated uploads (with an API token) and the intake log, scoped as the pages are.
struct SubmissionsAPI {
    let context: WebContext

    struct Upload: Content {
        let upload: IntakeReportRecord
        let report: IntakeReport
    }

    struct History: Content {
        let uploads: [IntakeReportRecord]
        let inForce: [InForce]
    }

    struct InForce: Content {
        let id: String, agency: String, dataset: String, period: String, rows: Int, receivedAt: String
        let quality: [String: Double?]
    }

    /// The history lists the newest uploads; each report stays reachable by its id.
    static let uploadsLimit = 500

    func register(_ app: Application) {
        app.get("api", "v1", "submissions", use: history)
        app.grouped(SignedInFirst()).on(.POST, "api", "v1", "submissions", body: .collect(maxSize: ByteCount(value: context.uploadLimit)), use: upload)
        app.get("api", "v1", "submissions", "reports", ":id", use: report)
    }

    func history(_ req: Request) async throws -> History {
        let h = try await context.submissions.history(page: 1, pageSize: Self.uploadsLimit, by: try req.caller())
        let current = h.current.map { s in
            InForce(
                id: s.id, agency: s.agency, dataset: s.dataset.rawValue, period: s.period.description, rows: s.rows, receivedAt: s.receivedAt.description,
                quality: Dictionary(uniqueKeysWithValues: (s.quality?.dimensions ?? []).map { ($0.dimension.rawValue, $0.value) }))
        }
        return History(uploads: h.reports, inForce: current)
    }

    /// `multipart/form-data` with `files[]` (CSVs, or a package's datapackage.json and its CSVs), optional `period`,
    /// and `agency` for an admin. 201 when accepted, 422 with the full report when refused.
    func upload(_ req: Request) async throws -> Response {
        let result = try await SubmissionUpload(context: context).run(req, caller: try req.caller())
        let body = Upload(upload: result.record, report: result.report)
        let res = try await body.encodeResponse(status: result.record.accepted ? .created : .unprocessableEntity, for: req)
        res.headers.replaceOrAdd(name: .location, value: "/api/v1/submissions/reports/\(result.record.id)")
        return res
    }

    func report(_ req: Request) async throws -> Upload {
        let kept = try await context.submissions.report(id: req.parameters.get("id") ?? "", by: try req.caller())
        return Upload(upload: kept.record, report: kept.report)
    }
}

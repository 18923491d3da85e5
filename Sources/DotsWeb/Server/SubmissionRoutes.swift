import DotsApp
import DotsCore
import Foundation
import Vapor

/// Submission pages: history, the upload form, and intake reports (page, CSV, JSON).
struct SubmissionRoutes {
    let context: WebContext
    static let pageSize = 25

    func register(_ app: Application) {
        app.get("submissions", use: history)
        app.get("submissions", "new", use: form)
        app.grouped(SignedInFirst()).on(.POST, "submissions", body: .collect(maxSize: ByteCount(value: context.uploadLimit)), use: upload)
        app.get("submissions", "reports", ":id", use: report)
    }

    func layout(_ req: Request, _ title: String) -> Layout {
        Layout(title: title, user: req.currentUser, active: "submissions", csrf: req.currentUser?.csrfToken)
    }

    func history(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let h = try await context.submissions.history(page: req.query[Int.self, at: "page"] ?? 1, pageSize: Self.pageSize, by: user.caller)
        return DotsWeb.page(
            layout(req, "Submissions").render(SubmissionPages.history(user, reports: h.reports, page: h.page, pages: h.pages, current: h.current)))
    }

    func form(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let agencies = try context.submissions.uploadAgencies(by: user.caller)
        return page(
            layout(req, "Upload a submission").render(
                SubmissionPages.form(agencies: agencies, csrf: user.csrfToken ?? "", uploadLimit: context.uploadLimit),
                backLink: ("/submissions", "Submissions")))
    }

    func upload(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        do {
            let result = try await SubmissionUpload(context: context).run(req, caller: user.caller)
            if result.record.accepted { return req.redirect(to: "/submissions/reports/\(result.record.id)?uploaded=1") }
            let html = layout(req, "Error: Submission rejected").render(SubmissionPages.report(result.record, result.report, justUploaded: true))
            return page(html, status: .unprocessableEntity)
        } catch let e as InvalidInput {
            struct Fields: Content { var agency: String?; var period: String? }
            let fields = try? req.content.decode(Fields.self)
            let html = layout(req, "Error: Upload a submission").render(
                SubmissionPages.form(
                    agencies: try context.submissions.uploadAgencies(by: user.caller), csrf: user.csrfToken ?? "", agency: fields?.agency ?? "",
                    period: fields?.period ?? "", errors: e.formErrors, uploadLimit: context.uploadLimit),
                backLink: ("/submissions", "Submissions"))
            return page(html, status: .unprocessableEntity)
        }
    }

    func report(_ req: Request) async throws -> Response {
        let caller = try req.caller()
        var id = req.parameters.get("id") ?? ""
        let format = id.hasSuffix(".csv") ? "csv" : id.hasSuffix(".json") ? "json" : "html"
        if format != "html" { id = String(id.prefix(upTo: id.lastIndex(of: ".")!)) }
        let kept = try await context.submissions.report(id: id, by: caller)
        switch format {
        case "csv":
            return Response(
                status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8", "Content-Disposition": "attachment; filename=\"dots-report-\(id).csv\""],
                body: .init(string: kept.report.csv()))
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return Response(
                status: .ok, headers: ["Content-Type": "application/json", "Content-Disposition": "attachment; filename=\"dots-report-\(id).json\""],
                body: .init(data: try encoder.encode(kept.report)))
        default:
            let title = kept.record.accepted ? "Submission accepted" : "Submission rejected"
            return page(
                layout(req, title).render(
                    SubmissionPages.report(kept.record, kept.report, justUploaded: req.query[String.self, at: "uploaded"] != nil),
                    backLink: ("/submissions", "Submissions")))
        }
    }
}

import DotsApp
import DotsCore
import DotsGovernance
import Vapor

/// Reports: the list, a preview, publishing, and each published edition. Decodes, calls `ReportService`, renders.
struct ReportRoutes {
    let context: WebContext
    var service: ReportService { context.useCases.reports }
    /// A report is a standalone document with its own inline styles; it may fetch nothing and run nothing.
    static let documentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

    func register(_ app: Application) {
        app.get("reports", use: list)
        app.get("reports", "preview", use: preview)
        app.post("reports", use: publish)
        app.get("reports", ":id", use: detail)
        app.get("reports", ":id", ":file", use: file)
    }

    func layout(_ req: Request, _ title: String) -> Layout {
        Layout(title: title, user: req.currentUser, active: "reports", csrf: req.currentUser?.csrfToken)
    }

    func list(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let reports = try await service.published(by: user.caller)
        return page(layout(req, "Reports").render(listing(user, reports, choice: .init(period: req.query[String.self, at: "period"] ?? ""))))
    }

    func listing(_ user: CurrentUser, _ reports: [PublishedReport], choice: ReportPages.Choice, problems: [String] = []) -> HTML {
        ReportPages.list(
            reports, mayBuild: user.can(.buildReports), mayReadBoard: user.can(.viewGovernance), csrf: user.csrfToken ?? "", choice: choice,
            problems: problems, pdfEngine: service.pdf != nil)
    }

    func preview(_ req: Request) async throws -> Response {
        let caller = try req.caller()
        let edition = ReportService.Edition(rawValue: req.query[String.self, at: "edition"] ?? "board") ?? .board
        let doc = try await service.build(
            template: try templateOrNotFound(req.query[String.self, at: "template"] ?? "dashboard"),
            partnership: req.query[String.self, at: "partnership"] ?? "", period: req.query[String.self, at: "period"] ?? "", edition: edition, by: caller)
        return Self.document(Data(doc.html.utf8), type: "text/html; charset=utf-8")
    }

    func publish(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        struct Form: Content { var template: String?; var partnership: String?; var period: String?; var changes: String? }
        let f = (try? req.content.decode(Form.self)) ?? Form()
        let choice = ReportPages.Choice(
            template: f.template ?? "dashboard", partnership: f.partnership ?? "",
            period: f.period ?? (try? req.content.get(String.self, at: "publish-period")) ?? "", changes: f.changes ?? "")
        do {
            let r = try await service.publish(
                template: try templateOrNotFound(choice.template), partnership: choice.partnership, period: choice.period, changes: f.changes,
                by: user.caller)
            return req.redirect(to: "/reports/\(r.id)")
        } catch let e as InvalidInput {
            let reports = try await service.published(by: user.caller)
            return page(
                layout(req, "Error: Reports").render(listing(user, reports, choice: choice, problems: e.problems.map(\.message))), status: .unprocessableEntity)
        }
    }

    func detail(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let r = try await service.publishedReport(id: req.parameters.get("id") ?? "", by: user.caller)
        return page(layout(req, r.title).render(ReportPages.detail(r, mayReadBoard: user.can(.viewGovernance)), backLink: ("/reports", "Reports")))
    }

    func file(_ req: Request) async throws -> Response {
        let caller = try req.caller()
        let name = req.parameters.get("file") ?? ""
        let parts = name.split(separator: ".")
        guard parts.count == 2, let edition = ReportService.Edition(rawValue: String(parts[0])) else { throw NotFound("There is no such report file.") }
        let format = String(parts[1])
        let data = try await service.file(id: req.parameters.get("id") ?? "", edition: edition, format: format, by: caller)
        return Self.document(data, type: format == "pdf" ? "application/pdf" : "text/html; charset=utf-8", download: format == "pdf" ? name : nil)
    }

    func templateOrNotFound(_ name: String) throws -> ReportTemplate {
        guard DefaultReportTemplates.all[name] != nil else { throw NotFound("There is no report template \(name).") }
        return try service.template(name)
    }

    static func document(_ data: Data, type: String, download: String? = nil) -> Response {
        var headers: HTTPHeaders = ["Content-Type": type, "Content-Security-Policy": documentPolicy]
        if let download { headers.add(name: "Content-Disposition", value: "attachment; filename=\"\(download)\"") }
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}

import DotsApp
import DotsCore
import Vapor

/// Linkage quality and clerical review: calls `LinkQualityService` (which owns who may see and decide, and the
/// audit), renders.
struct LinkageRoutes {
    let context: WebContext
    var linkQuality: LinkQualityService { context.useCases.linkQuality }

    func register(_ app: Application) {
        app.get("linkage", use: overview)
        app.post("linkage", "review", use: review)
    }

    func overview(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let view = try await linkQuality.overview(by: user.caller)
        let layout = Layout(title: "Linkage", user: req.currentUser, active: "linkage", csrf: user.csrfToken)
        return page(layout.render(LinkagePage.render(view, csrf: user.csrfToken ?? "", decided: req.query[String.self, at: "decided"] != nil)))
    }

    func review(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let f = (try? req.content.decode([String: String].self)) ?? [:]
        try await linkQuality.decide(ref: f["pair"] ?? "", verdict: LinkVerdict(rawValue: f["verdict"] ?? ""), note: f["note"], by: user.caller)
        return req.redirect(to: "/linkage?decided=1")
    }
}

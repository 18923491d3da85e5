import DotsApp
import DotsContexts
import DotsCore
import Vapor

/// Contexts of harm: decodes, calls `ContextService` (which owns who may do what, the journey's rule for linking a
/// young person, and the audit), renders.
struct ContextRoutes {
    let context: WebContext
    var contexts: ContextService { context.useCases.contexts }

    func register(_ app: Application) {
        app.get("contexts", use: list)
        app.get("contexts", "new", use: newForm)
        app.post("contexts", use: create)
        app.get("contexts", ":id", use: detail)
        app.post("contexts", ":id", "stage", use: update)
        app.post("contexts", ":id", "links", use: link)
        app.post("contexts", ":id", "links", ":link", "review", use: review)
        app.post("contexts", ":id", "links", ":link", "end", use: end)
        app.post("contexts", ":id", "plan", use: addPlanAction)
        app.post("contexts", ":id", "plan", ":action", "done", use: planActionDone)
    }

    func render(_ req: Request, _ title: String, _ main: HTML, status: HTTPResponseStatus = .ok) -> Response {
        let layout = Layout(
            title: status == .unprocessableEntity ? "Error: \(title)" : title, user: req.currentUser, active: "contexts", csrf: req.currentUser?.csrfToken)
        let response = page(layout.render(main), status: status)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    func fields(_ req: Request) -> [String: String] { (try? req.content.decode([String: String].self)) ?? [:] }
    var id: (Request) -> String { { $0.parameters.get("id") ?? "" } }

    func list(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let counts = try await contexts.counts(by: user.caller)
        let items = user.can(.workWithContexts) ? try await contexts.list(by: user.caller) : nil
        let done: String? =
            switch req.query[String.self, at: "done"] {
            case "created": "Context opened."
            default: nil
            }
        return render(req, "Contexts", ContextPages.list(items, counts: counts, today: contexts.today, done: done))
    }

    func newForm(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        try user.caller.require(.workWithContexts)
        return render(req, "Open a context", ContextPages.new(csrf: user.csrfToken ?? "", today: contexts.today))
    }

    func create(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let f = fields(req)
        do {
            let c = try await contexts.create(
                .init(kind: f["kind"] ?? "", name: f["name"] ?? "", area: f["area"] ?? "", reviewBy: f["review_by"] ?? ""), by: user.caller)
            return req.redirect(to: "/contexts/\(HTML.query(c.id))")
        } catch let e as InvalidInput {
            return render(
                req, "Open a context", ContextPages.new(csrf: user.csrfToken ?? "", today: contexts.today, values: f, errors: e.formErrors),
                status: .unprocessableEntity)
        }
    }

    func detail(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let d = try await contexts.detail(id(req), by: user.caller)
        return render(req, d.context.name, ContextPages.detail(d, csrf: user.csrfToken ?? "", today: contexts.today))
    }

    /// The context again with the form's errors, or back to it.
    func after(_ req: Request, _ action: () async throws -> Void, rename: [String: String] = [:]) async throws -> Response {
        let user = try req.signedIn()
        do {
            try await action()
            return req.redirect(to: "/contexts/\(HTML.query(id(req)))")
        } catch let e as InvalidInput {
            let d = try await contexts.detail(id(req), by: user.caller)
            let errors = e.formErrors.map { (rename[$0.field] ?? $0.field, $0.message) }
            return render(
                req, d.context.name, ContextPages.detail(d, csrf: user.csrfToken ?? "", today: contexts.today, values: fields(req), errors: errors),
                status: .unprocessableEntity)
        }
    }

    func update(_ req: Request) async throws -> Response {
        let caller = try req.caller()
        let f = fields(req)
        return try await after(
            req,
            {
                try await contexts.update(
                    id(req), stage: f["stage"] ?? "", outcome: f["outcome"] ?? "", note: f["note"] ?? "", reviewBy: f["stage_review_by"] ?? "", by: caller)
            }, rename: ["review_by": "stage_review_by"])
    }

    func link(_ req: Request) async throws -> Response {
        let caller = try req.caller()
        let f = fields(req)
        let person: JourneyService.Lookup = f["kind"] == "partnership" ? .partnershipID(f["person"] ?? "") : .agencyPersonID(f["person"] ?? "")
        return try await after(req) {
            _ = try await contexts.link(
                id(req), person: person, source: f["source"] ?? "", reliability: f["reliability"] ?? "", proportionality: f["proportionality"] ?? "",
                reviewBy: f["review_by"] ?? "", by: caller)
        }
    }

    func review(_ req: Request) async throws -> Response {
        let caller = try req.caller()
        let f = fields(req)
        return try await after(req) {
            try await contexts.reviewLink(req.parameters.get("link") ?? "", of: id(req), reviewBy: f["review_by"] ?? "", by: caller)
        }
    }

    func end(_ req: Request) async throws -> Response {
        let caller = try req.caller()
        return try await after(req) { try await contexts.reviewLink(req.parameters.get("link") ?? "", of: id(req), reviewBy: nil, by: caller) }
    }

    func addPlanAction(_ req: Request) async throws -> Response {
        let caller = try req.caller()
        let f = fields(req)
        return try await after(req) {
            try await contexts.addPlanAction(id(req), action: f["action"] ?? "", lead: f["lead"] ?? "", due: f["due"] ?? "", by: caller)
        }
    }

    func planActionDone(_ req: Request) async throws -> Response {
        let caller = try req.caller()
        return try await after(req) { try await contexts.completePlanAction(req.parameters.get("action") ?? "", of: id(req), by: caller) }
    }
}

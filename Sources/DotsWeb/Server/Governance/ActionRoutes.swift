import DotsApp
import DotsCore
import DotsGovernance
import Vapor

/// Action plans: views, one action and its updates, new actions (from scratch, a suggestion or a meeting),
/// suggestions, the printable plan and exports. Decodes, calls `GovernanceService`, renders.
struct ActionRoutes {
    let context: WebContext
    var service: GovernanceService { context.governance }

    struct NewForm: Content {
        var title: String?, detail: String?, agencyID: String?, ownerID: String?, ownerName: String?, due: String?
        var promptKind: String?, promptReference: String?, promptText: String?, suggestionKey: String?, meetingID: String?

        var input: GovernanceService.ActionInput {
            .init(
                title: title ?? "", detail: detail ?? "", agencyID: agencyID ?? "", ownerID: ownerID ?? "", ownerName: ownerName ?? "", due: due ?? "",
                promptKind: promptKind ?? "other", promptReference: promptReference ?? "", promptText: promptText ?? "",
                suggestionKey: suggestionKey ?? "", meetingID: meetingID ?? "")
        }
    }

    struct UpdateForm: Content {
        var note: String?, status: String?, due: String?
        var change: GovernanceService.ActionChange { .init(note: note ?? "", status: status ?? "", due: due ?? "") }
    }

    func register(_ app: Application) {
        app.get("actions", use: list)
        app.get("actions", "new", use: newForm)
        app.post("actions", use: create)
        app.get("actions", "suggestions", use: suggestions)
        app.get("actions", "print", use: printable)
        app.get("actions", "export.csv") { try await export($0, .csv) }
        app.get("actions", "export.md") { try await export($0, .md) }
        app.get("actions", ":id", use: detail)
        app.post("actions", ":id", use: update)
    }

    func layout(_ req: Request, _ title: String) -> Layout {
        Layout(title: title, user: req.currentUser, active: "actions", csrf: req.currentUser?.csrfToken)
    }

    /// The view the query asks for (`view`, `agency`), as the service resolves it for this caller.
    static func planView(_ req: Request, _ service: GovernanceService, _ caller: Caller) throws -> GovernanceService.PlanView {
        try service.planView(key: req.query[String.self, at: "view"], agency: req.query[String.self, at: "agency"], by: caller)
    }

    static func query(_ v: GovernanceService.PlanView) -> String {
        "view=\(HTML.query(v.key))" + (v.agency.map { "&agency=\(HTML.query($0))" } ?? "")
    }

    func list(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let v = try Self.planView(req, service, user.caller)
        let actions = try await service.actions(v.view, by: user.caller)
        let suggestions = user.can(.manageActions) ? try await service.suggestions(by: user.caller).count : nil
        return page(
            layout(req, "Action plans").render(
                ActionPages.list(
                    user, actions: actions, view: v.key, viewTitle: v.title, agency: v.agency, today: service.today,
                    suggestions: suggestions, exportQuery: Self.query(v))))
    }

    func printable(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let v = try Self.planView(req, service, user.caller)
        let actions = try await service.actions(v.view, by: user.caller)
        let updates = try await service.histories(of: actions, by: user.caller)
        return page(
            layout(req, v.title).render(
                ActionPages.printable(actions, title: v.title, today: service.today, updates: updates),
                backLink: ("/actions?\(Self.query(v))", "Action plans")))
    }

    func export(_ req: Request, _ format: GovernanceExport.Format) async throws -> Response {
        let caller = try req.caller()
        let v = try Self.planView(req, service, caller)
        return GovernanceRouting.download(
            try await service.exportActions(v.view, title: v.title, format: format, by: caller), name: "dots-actions-\(v.key)", format: format)
    }

    func detailPage(
        _ req: Request, _ user: CurrentUser, change: GovernanceService.ActionChange = .init(), errors: FormControls.Errors = [],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let r = try await service.action(id: req.parameters.get("id") ?? "", by: user.caller)
        let html = ActionPages.detail(
            r.action, spec: context.spec, updates: r.history, meeting: r.meeting, today: service.today, canUpdate: r.canUpdate,
            csrf: user.csrfToken ?? "", change: change, errors: errors, saved: req.query[String.self, at: "saved"] != nil,
            linksQuality: user.can(.viewSubmissions))
        return page(layout(req, (errors.isEmpty ? "" : "Error: ") + r.action.title).render(html, backLink: ("/actions", "Action plans")), status: status)
    }

    func detail(_ req: Request) async throws -> Response {
        try await detailPage(req, try req.signedIn())
    }

    func update(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let change = try req.content.decode(UpdateForm.self).change
        do {
            let updated = try await service.updateAction(id: req.parameters.get("id") ?? "", change, by: user.caller)
            return req.redirect(to: "/actions/\(updated.id)?saved=1")
        } catch let e as InvalidInput {
            return try await detailPage(req, user, change: change, errors: e.formErrors, status: .unprocessableEntity)
        }
    }

    func form(_ req: Request, _ user: CurrentUser, _ input: GovernanceService.ActionInput, errors: FormControls.Errors = []) async throws -> Response {
        let html = ActionPages.form(
            user, spec: context.spec, input: input, owners: try await service.owners(by: user.caller), csrf: user.csrfToken ?? "", errors: errors)
        return page(
            layout(req, (errors.isEmpty ? "" : "Error: ") + "Add an action").render(html, backLink: ("/actions", "Action plans")),
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func newForm(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let input = try await service.newActionInput(
            suggestion: req.query[String.self, at: "suggestion"], meeting: req.query[String.self, at: "meeting"], by: user.caller)
        return try await form(req, user, input)
    }

    func create(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let input = try req.content.decode(NewForm.self).input
        do {
            let a = try await service.createAction(input, by: user.caller)
            return req.redirect(to: "/actions/\(a.id)?saved=1")
        } catch let e as InvalidInput {
            return try await form(req, user, input, errors: e.formErrors)
        }
    }

    func suggestions(_ req: Request) async throws -> Response {
        let caller = try req.caller()
        return page(
            layout(req, "Suggested actions").render(ActionPages.suggestions(try await service.suggestions(by: caller)), backLink: ("/actions", "Action plans")))
    }
}

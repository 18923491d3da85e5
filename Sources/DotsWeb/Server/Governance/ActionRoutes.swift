import DotsApp
import DotsCore
import DotsGovernance
import DotsStore
import Vapor

/// Action plans: views, one action and its updates, new actions (from scratch, a suggestion or a meeting),
/// suggestions, the printable plan and exports.
struct ActionRoutes {
    let context: WebContext
    var service: GovernanceService { context.governance }

    struct NewForm: Content {
        var title: String?, detail: String?, agencyID: String?, ownerID: String?, ownerName: String?, due: String?
        var promptKind: String?, promptReference: String?, promptText: String?, suggestionKey: String?, meetingID: String?
    }

    struct UpdateForm: Content { var note: String?, status: String?, due: String? }

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

    /// The view asked for: `view` (mine, agency, partnership, overdue, all) and, for an agency's plan, `agency`.
    /// Agency data leads start on their agency's plan; everyone else on the whole plan.
    func view(_ req: Request, _ user: CurrentUser) throws -> (key: String, view: ActionView, title: String, agency: String?, query: String) {
        let own = user.agencyScope.agencyID
        let chosen = req.query[String.self, at: "agency"].flatMap { $0.isEmpty ? nil : $0 } ?? own
        var key = req.query[String.self, at: "view"] ?? (own == nil ? "all" : "agency")
        if key == "agency", chosen == nil { key = "all" }
        switch key {
        case "mine": return (key, .mine(accountID: user.id, name: user.name), "My actions", nil, "view=mine")
        case "agency":
            let agency = try GovernanceRouting.agency(chosen)
            return (key, .agency(agency.id), "\(agency.name): action plan", agency.id, "view=agency&agency=\(HTML.query(agency.id))")
        case "partnership": return (key, .partnership, "Partnership action plan", nil, "view=partnership")
        case "overdue": return (key, .overdue, "Overdue actions", nil, "view=overdue")
        case "all": return (key, .all, "All actions", nil, "view=all")
        default: throw Abort(.badRequest, reason: "There is no such view of the action plan.")
        }
    }

    func selected(_ req: Request, _ user: CurrentUser) async throws -> (view: (key: String, view: ActionView, title: String, agency: String?, query: String), actions: [ActionItem]) {
        let v = try view(req, user)
        let today = service.today
        return (v, ActionView.ordered(try await context.store.actions().filter { v.view.includes($0, today: today) }))
    }

    func list(_ req: Request) async throws -> Response {
        let user = try req.require(.viewGovernance)
        let (v, actions) = try await selected(req, user)
        let suggestions = user.can(.manageActions) ? try await visibleSuggestions(user).count : nil
        return page(layout(req, "Action plans").render(ActionPages.list(user, actions: actions, view: v.key, viewTitle: v.title, agency: v.agency, today: service.today,
                                                                        suggestions: suggestions, exportQuery: v.query)))
    }

    /// Suggestions this person could accept: an agency data lead sees their own agency's.
    func visibleSuggestions(_ user: CurrentUser) async throws -> [ActionSuggestion] {
        let all = try await service.suggestions()
        guard let own = user.agencyScope.agencyID else { return all }
        return all.filter { $0.agencyID == own }
    }

    func printable(_ req: Request) async throws -> Response {
        let user = try req.require(.viewGovernance)
        let (v, actions) = try await selected(req, user)
        var updates: [String: [ActionUpdate]] = [:]
        for a in actions { updates[a.id] = try await context.store.actionUpdates(id: a.id) }
        return page(layout(req, v.title).render(ActionPages.printable(actions, title: v.title, today: service.today, updates: updates), backLink: ("/actions?\(v.query)", "Action plans")))
    }

    func export(_ req: Request, _ format: GovernanceExport.Format) async throws -> Response {
        let user = try req.require(.viewGovernance)
        let (v, actions) = try await selected(req, user)
        return GovernanceRouting.download(GovernanceExport.actions(actions, today: service.today, title: v.title, format: format), name: "dots-actions-\(v.key)", format: format)
    }

    func action(_ req: Request) async throws -> ActionItem {
        guard let a = try await context.store.action(id: req.parameters.get("id") ?? "") else { throw Abort(.notFound, reason: "There is no such action.") }
        return a
    }

    /// Partnership staff who manage actions update any; an agency data lead their agency's; anyone the ones they own.
    static func mayUpdate(_ user: CurrentUser, _ a: ActionItem) -> Bool {
        if a.ownerID == user.id { return true }
        guard user.can(.manageActions) else { return false }
        switch user.agencyScope {
        case .all: return true
        case .only(let own): return a.agencyID == own
        }
    }

    func detailPage(_ req: Request, _ user: CurrentUser, _ a: ActionItem, change: GovernanceService.ActionChange = .init(), errors: FormControls.Errors = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        let meeting = try await a.meetingID.asyncMap { try await context.store.meeting(id: $0) }.flatMap { $0 }
        let html = ActionPages.detail(a, spec: context.spec, updates: try await context.store.actionUpdates(id: a.id), meeting: meeting, today: service.today, canUpdate: Self.mayUpdate(user, a),
                                      csrf: user.csrfToken ?? "", change: change, errors: errors, saved: req.query[String.self, at: "saved"] != nil)
        return page(layout(req, (errors.isEmpty ? "" : "Error: ") + a.title).render(html, backLink: ("/actions", "Action plans")), status: status)
    }

    func detail(_ req: Request) async throws -> Response {
        let user = try req.require(.viewGovernance)
        return try await detailPage(req, user, try await action(req))
    }

    func update(_ req: Request) async throws -> Response {
        let user = try req.require(.viewGovernance)
        let a = try await action(req)
        guard Self.mayUpdate(user, a) else { throw Abort(.forbidden, reason: "You can update only actions you own or your agency's actions.") }
        let f = try req.content.decode(UpdateForm.self)
        let change = GovernanceService.ActionChange(note: f.note ?? "", status: f.status ?? "", due: f.due ?? "")
        do {
            let updated = try await service.updateAction(a, change, by: user.actor)
            try await GovernanceRouting.audit(context, user, "action.update", a.id, updated.status.rawValue)
            return req.redirect(to: "/actions/\(a.id)?saved=1")
        } catch let e as InvalidInput {
            return try await detailPage(req, user, a, change: change, errors: e.formErrors, status: .unprocessableEntity)
        }
    }

    func newForm(_ req: Request) async throws -> Response {
        let user = try req.require(.manageActions)
        var input = GovernanceService.ActionInput(agencyID: user.agencyScope.agencyID ?? "", due: service.today.adding(days: ActionSuggester.dueInDays).description)
        if let key = req.query[String.self, at: "suggestion"] {
            guard let s = try await visibleSuggestions(user).first(where: { $0.key == key }) else {
                throw Abort(.notFound, reason: "That suggestion is no longer open: it may have been accepted already.")
            }
            input = GovernanceService.ActionInput(s)
        }
        if let meetingID = req.query[String.self, at: "meeting"], let m = try await context.store.meeting(id: meetingID) {
            input.meetingID = m.id
            input.promptKind = ActionPrompt.Kind.meeting.rawValue
            input.promptReference = m.id
            input.promptText = "\(m.title), \(m.heldOn)"
        }
        return page(layout(req, "Add an action").render(ActionPages.form(user, spec: context.spec, input: input, accounts: try await context.store.allAccounts(), csrf: user.csrfToken ?? ""),
                                                        backLink: ("/actions", "Action plans")))
    }

    func create(_ req: Request) async throws -> Response {
        let user = try req.require(.manageActions)
        let f = try req.content.decode(NewForm.self)
        let input = GovernanceService.ActionInput(
            title: f.title ?? "", detail: f.detail ?? "", agencyID: user.agencyScope.agencyID ?? f.agencyID ?? "", ownerID: f.ownerID ?? "", ownerName: f.ownerName ?? "",
            due: f.due ?? "", promptKind: f.promptKind ?? "other", promptReference: f.promptReference ?? "", promptText: f.promptText ?? "",
            suggestionKey: f.suggestionKey ?? "", meetingID: f.meetingID ?? "")
        do {
            let a = try await service.createAction(input, by: user.actor)
            try await GovernanceRouting.audit(context, user, "action.create", a.id)
            return req.redirect(to: "/actions/\(a.id)?saved=1")
        } catch let e as InvalidInput {
            return page(layout(req, "Error: Add an action").render(ActionPages.form(user, spec: context.spec, input: input, accounts: try await context.store.allAccounts(), csrf: user.csrfToken ?? "", errors: e.formErrors),
                                                                   backLink: ("/actions", "Action plans")), status: .unprocessableEntity)
        }
    }

    func suggestions(_ req: Request) async throws -> Response {
        let user = try req.require(.manageActions)
        return page(layout(req, "Suggested actions").render(ActionPages.suggestions(try await visibleSuggestions(user)), backLink: ("/actions", "Action plans")))
    }
}

import DotsApp
import DotsCore
import Vapor

/// The admin's account pages: list, add (a generated password shown once), reset a password, disable or enable,
/// and API tokens (list, revoke). Every rule and audit record is `AccountService`'s.
struct AccountRoutes {
    let context: WebContext
    var accounts: AccountService { context.accounts }

    func register(_ app: Application) {
        app.get("admin", "accounts", use: list)
        app.get("admin", "accounts", "new", use: form)
        app.post("admin", "accounts", use: create)
        app.post("admin", "accounts", ":id", "password", use: reset)
        app.post("admin", "accounts", ":id", "disable") { try await setDisabled($0, true) }
        app.post("admin", "accounts", ":id", "enable") { try await setDisabled($0, false) }
        app.post("admin", "tokens", ":id", "revoke", use: revoke)
    }

    func layout(_ req: Request, _ title: String) -> Layout {
        Layout(title: title, user: req.currentUser, active: "accounts", csrf: req.currentUser?.csrfToken)
    }

    func list(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let all = try await accounts.accounts(by: user.caller)
        let tokens = try await accounts.apiTokens(by: user.caller)
        let csrf = user.csrfToken ?? ""
        return page(
            layout(req, "Accounts").render(
                AccountPages.list(all, me: user.id, csrf: csrf)
                    + AccountPages.tokens(tokens, accounts: all, now: context.clock.now(), csrf: csrf)))
    }

    func form(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        _ = try accounts.rolesToGive(by: user.caller)
        return page(layout(req, "Add an account").render(AccountPages.form(csrf: user.csrfToken ?? ""), backLink: ("/admin/accounts", "Accounts")))
    }

    func create(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        struct Form: Content { var name: String?, email: String?, role: String?, agency: String? }
        let f = try req.content.decode(Form.self)
        let values = ["name": f.name ?? "", "email": f.email ?? "", "role": f.role ?? "", "agency": f.agency ?? ""]
        func refused(_ errors: FormControls.Errors) -> Response {
            page(
                layout(req, "Error: Add an account").render(
                    AccountPages.form(csrf: user.csrfToken ?? "", values: values, errors: errors), backLink: ("/admin/accounts", "Accounts")),
                status: .unprocessableEntity)
        }
        do {
            let (account, password) = try await accounts.add(
                email: f.email ?? "", name: f.name ?? "", role: f.role ?? "",
                agencyID: (f.agency ?? "").isEmpty ? nil : f.agency, by: user.caller)
            return page(layout(req, "Account added").render(AccountPages.password(account, password: password, isNew: true)))
        } catch let e as InvalidInput {
            return refused(e.formErrors)
        }
    }

    func reset(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let (account, password) = try await accounts.resetPassword(accountID: req.parameters.get("id") ?? "", by: user.caller)
        return page(layout(req, "Password reset").render(AccountPages.password(account, password: password, isNew: false)))
    }

    func setDisabled(_ req: Request, _ disabled: Bool) async throws -> Response {
        let user = try req.signedIn()
        _ = try await accounts.setDisabled(accountID: req.parameters.get("id") ?? "", disabled, by: user.caller)
        return req.redirect(to: "/admin/accounts")
    }

    func revoke(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        try await accounts.revokeAPIToken(id: req.parameters.get("id") ?? "", by: user.caller)
        return req.redirect(to: "/admin/accounts#tokens")
    }
}

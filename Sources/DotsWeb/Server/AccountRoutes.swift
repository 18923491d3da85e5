import DotsCore
import DotsStore
import Vapor

/// The admin's account management: list, add (a generated password shown once), reset a password, disable or enable.
struct AccountRoutes {
    let context: WebContext

    func register(_ app: Application) {
        app.get("admin", "accounts", use: list)
        app.get("admin", "accounts", "new", use: form)
        app.post("admin", "accounts", use: create)
        app.post("admin", "accounts", ":id", "password", use: reset)
        app.post("admin", "accounts", ":id", "disable") { try await setDisabled($0, true) }
        app.post("admin", "accounts", ":id", "enable") { try await setDisabled($0, false) }
    }

    func layout(_ req: Request, _ title: String) -> Layout {
        Layout(title: title, user: req.currentUser, active: "accounts", csrf: req.currentUser?.csrfToken)
    }

    func list(_ req: Request) async throws -> Response {
        let user = try req.require(.manageAccounts)
        return page(layout(req, "Accounts").render(AccountPages.list(try await context.store.allAccounts(), me: user.id, csrf: user.csrfToken ?? "")))
    }

    func form(_ req: Request) async throws -> Response {
        let user = try req.require(.manageAccounts)
        return page(layout(req, "Add an account").render(AccountPages.form(csrf: user.csrfToken ?? ""), backLink: ("/admin/accounts", "Accounts")))
    }

    func create(_ req: Request) async throws -> Response {
        let user = try req.require(.manageAccounts)
        struct Form: Content { var name: String?, email: String?, role: String?, agency: String? }
        let f = try req.content.decode(Form.self)
        let values = ["name": f.name ?? "", "email": f.email ?? "", "role": f.role ?? "", "agency": f.agency ?? ""]
        func refused(_ errors: FormControls.Errors) -> Response {
            page(layout(req, "Error: Add an account").render(AccountPages.form(csrf: user.csrfToken ?? "", values: values, errors: errors), backLink: ("/admin/accounts", "Accounts")),
                 status: .unprocessableEntity)
        }
        guard let role = f.role.flatMap(Role.init(rawValue:)) else { return refused([("role", "Choose the person's role")]) }
        let password = Passwords.generate()
        do {
            let account = try await context.accounts.create(email: f.email ?? "", name: f.name ?? "", role: role,
                                                            agencyID: (f.agency ?? "").isEmpty ? nil : f.agency, password: password)
            try await context.store.audit(AuditEvent(at: context.clock.now(), accountID: user.id, action: "account.create.by-admin", target: account.id))
            return page(layout(req, "Account added").render(AccountPages.password(account, password: password, isNew: true)))
        } catch let e as AccountService.FieldError {
            return refused([(e.field, e.message)])
        }
    }

    func target(_ req: Request, _ user: CurrentUser) async throws -> AccountRecord {
        guard let a = try await context.store.account(id: req.parameters.get("id") ?? "") else { throw Abort(.notFound, reason: "There is no such account.") }
        // Admins change their own password on their account page and cannot lock themselves out.
        guard a.id != user.id else { throw Abort(.forbidden, reason: "Change your own password on your account page; you cannot disable your own account.") }
        return a
    }

    func reset(_ req: Request) async throws -> Response {
        let user = try req.require(.manageAccounts)
        let account = try await target(req, user)
        let password = try await context.accounts.resetPassword(account, by: user.id)
        await context.sessions.drop(accountID: account.id)
        return page(layout(req, "Password reset").render(AccountPages.password(account, password: password, isNew: false)))
    }

    func setDisabled(_ req: Request, _ disabled: Bool) async throws -> Response {
        let user = try req.require(.manageAccounts)
        let account = try await target(req, user)
        try await context.accounts.setDisabled(account, disabled, by: user.id)
        await context.sessions.drop(accountID: account.id)
        return req.redirect(to: "/admin/accounts")
    }
}

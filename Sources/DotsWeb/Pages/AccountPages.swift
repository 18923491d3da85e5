import DotsCore

/// The admin's account pages: everyone who can sign in, adding someone, and a password shown once.
enum AccountPages {
    static func list(_ accounts: [AccountRecord], me: String, csrf: String) -> HTML {
        var out: HTML = """
            <h1>Accounts</h1>
            <p>Everyone who can sign in to Dots, with their role. An agency data lead acts for one agency only. Disabling an account ends its sessions at once;
            resetting a password gives a new one to pass on by a secure route.</p>
            <p><a class="dots-button" href="/admin/accounts/new">Add an account</a></p>
            <table class="dots-table"><caption>\(accounts.count) account\(accounts.count == 1 ? "" : "s")</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead><tbody>
            """
        for a in accounts.sorted(by: { ($0.disabled ? 1 : 0, $0.name) < ($1.disabled ? 1 : 0, $1.name) }) {
            let role = a.role.title + (a.agencyID.map { ", \(SubmissionPages.agencyName($0))" } ?? "")
            let status: HTML =
                a.disabled ? "<strong class=\"dots-tag dots-tag--grey\">Disabled</strong>" : "<strong class=\"dots-tag dots-tag--green\">Active</strong>"
            var actions: HTML = ""
            if a.id != me {
                func button(_ path: String, _ text: String) -> HTML {
                    """
                    <form method="post" action="/admin/accounts/\(a.id)/\(path)" class="dots-inline-form">
                      <input type="hidden" name="csrf" value="\(csrf)">
                      <button type="submit" class="dots-link-button dots-link-button--dark">\(text)<span class="dots-visually-hidden"> for \(a.name)</span></button>
                    </form>
                    """
                }
                actions = button("password", "Reset password") + button(a.disabled ? "enable" : "disable", a.disabled ? "Enable" : "Disable")
            } else {
                actions = "<span class=\"dots-secondary\">You (change your password on <a href=\"/account\">your account</a>)</span>"
            }
            out += "<tr><td>\(a.name)</td><td>\(a.email)</td><td>\(role)</td><td>\(status)</td><td>\(actions)</td></tr>"
        }
        return out + "</tbody></table>"
    }

    /// API tokens: who each acts for, what it is for, when it was last used and when it expires; revoke any live one.
    static func tokens(_ tokens: [APITokenRecord], accounts: [AccountRecord], now: Instant, csrf: String) -> HTML {
        let emails = Dictionary(accounts.map { ($0.id, $0.email) }, uniquingKeysWith: { a, _ in a })
        var out: HTML = """
            <h2 class="dots-heading-m" id="tokens">API tokens</h2>
            <p>Tokens let an agency's systems use the API as an account. Issue one with <code>dots token issue</code>; it is shown once. Revoke a token
            that is no longer needed or may have been seen by someone else. Resetting an account's password revokes its tokens.</p>
            """
        guard !tokens.isEmpty else { return out + "<p>No API tokens have been issued.</p>" }
        out += """
            <div class="dots-table-container"><table class="dots-table"><caption class="dots-visually-hidden">API tokens</caption>
            <thead><tr><th scope="col">Token</th><th scope="col">Account</th><th scope="col">For</th><th scope="col">Issued</th><th scope="col">Expires</th>
            <th scope="col">Last used</th><th scope="col">Status</th></tr></thead><tbody>
            """
        for t in tokens {
            let status: HTML
            if t.revokedAt != nil {
                status = "<strong class=\"dots-tag dots-tag--grey\">Revoked</strong>"
            } else if !t.isLive(at: now) {
                status = "<strong class=\"dots-tag dots-tag--grey\">Expired</strong>"
            } else {
                status = """
                    <form method="post" action="/admin/tokens/\(t.id)/revoke" class="dots-inline-form">
                      <input type="hidden" name="csrf" value="\(csrf)">
                      <button type="submit" class="dots-link-button dots-link-button--dark">Revoke<span class="dots-visually-hidden"> token \(t.id)</span></button>
                    </form>
                    """
            }
            out += "<tr><td><code>\(t.id)</code></td><td>\((emails[t.accountID] ?? t.accountID))</td><td>\(t.label)</td>"
            out += "<td>\(UKTime.display(t.createdAt))</td><td>\((t.expiresAt.map(UKTime.display) ?? "Never"))</td>"
            out += "<td>\((t.lastUsedAt.map(UKTime.display) ?? "Never"))</td><td>\(status)</td></tr>"
        }
        return out + "</tbody></table></div>"
    }

    static func form(csrf: String, values: [String: String] = [:], errors: FormControls.Errors = []) -> HTML {
        let roles = [(value: "", text: "Choose a role")] + Role.allCases.map { (value: $0.rawValue, text: $0.title) }
        return """
            \(FormPages.errorSummary(errors))
            <h1>Add an account</h1>
            <p>Dots makes a random password for the new account and shows it to you once, to pass on by a secure route.</p>
            <form method="post" action="/admin/accounts" novalidate>
              \(FormControls.hidden("csrf", csrf))
              \(FormPages.field("name", label: "Full name", value: values["name"] ?? "", autocomplete: "off", errors: errors))
              \(FormPages.field("email", label: "Email address", type: "email", value: values["email"] ?? "", autocomplete: "off", errors: errors))
              \(FormControls.select("role", label: "Role", options: roles, selected: values["role"] ?? "", errors: errors))
              \(FormControls.select("agency", label: "Agency (agency data leads only)", options: FormControls.agencyOptions(prompt: "None"), selected: values["agency"] ?? "", errors: errors,
                                hint: "The only agency whose data an agency data lead sees and submits"))
              <button type="submit" class="dots-button">Add account</button>
            </form>
            """
    }

    /// A password shown once: after adding an account or resetting its password.
    static func password(_ account: AccountRecord, password: String, isNew: Bool) -> HTML {
        """
        <div class="dots-notification dots-notification--success" role="status"><p><strong>\(isNew ? "Account added" : "Password reset") for \(account.name).</strong></p></div>
        <h1>Pass on this password</h1>
        <p>The password for <strong>\(account.email)</strong> is:</p>
        <p class="dots-heading-m"><code>\(password)</code></p>
        <p>It is shown only now: Dots keeps only a hash of it. Give it to \(account.name) by a secure route (not in the same email as the address),
        and ask them to change it on their account page after signing in.\(isNew ? "" : " Their sessions have been ended.")</p>
        <p><a href="/admin/accounts">Back to accounts</a></p>
        """
    }
}

import DotsCore

/// Forms: sign in, change password, and the error summary every form shares (GOV.UK pattern: a summary at the
/// top linking to each field, and the message again beside the field).
enum FormPages {
    static func errorSummary(_ errors: [(field: String, message: String)]) -> HTML {
        guard !errors.isEmpty else { return "" }
        return """
            <div class="dots-error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
              <h2 id="error-summary-title">There is a problem</h2>
              <ul>\(errors.html { "<li><a href=\"#\($0.field)\">\($0.message)</a></li>" })</ul>
            </div>
            """
    }

    static func field(
        _ id: String, label: String, type: String = "text", value: String = "", autocomplete: String, errors: [(field: String, message: String)],
        hint: String? = nil
    ) -> HTML {
        let error = errors.first { $0.field == id }?.message
        let describedBy = [hint.map { _ in "\(id)-hint" }, error.map { _ in "\(id)-error" }].compactMap { $0 }.joined(separator: " ")
        return """
            <div class="dots-form-group\(error == nil ? "" : " dots-form-group--error")">
              <label class="dots-label" for="\(id)">\(label)</label>
              \(hint.map { "<div class=\"dots-hint\" id=\"\(id)-hint\">\($0)</div>" } ?? "")
              \(error.map { "<p class=\"dots-error-message\" id=\"\(id)-error\"><span class=\"dots-visually-hidden\">Error:</span> \($0)</p>" } ?? "")
              <input class="dots-input\(error == nil ? "" : " dots-input--error")" id="\(id)" name="\(id)" type="\(type)" value="\(value)" autocomplete="\(autocomplete)" spellcheck="false"\(describedBy.isEmpty ? "" : " aria-describedby=\"\(describedBy)\"")>
            </div>
            """
    }

    static func signIn(csrf: String, email: String = "", next: String = "", errors: [(field: String, message: String)] = []) -> HTML {
        """
        \(errorSummary(errors))
        <h1>Sign in to Dots</h1>
        <p>Use the email address and password your partnership admin gave you.</p>
        <form method="post" action="/sign-in" novalidate>
          <input type="hidden" name="csrf" value="\(csrf)">
          <input type="hidden" name="next" value="\(next)">
          \(field("email", label: "Email address", type: "email", value: email, autocomplete: "username", errors: errors))
          \(field("password", label: "Password", type: "password", autocomplete: "current-password", errors: errors))
          <button type="submit" class="dots-button">Sign in</button>
        </form>
        <p class="dots-body-s">After 5 failed attempts, signing in to an account is paused for 15 minutes.</p>
        """
    }

    static func account(_ user: CurrentUser, csrf: String, changed: Bool = false, errors: [(field: String, message: String)] = []) -> HTML {
        let agency = user.account.agencyID.flatMap { id in ReferencePartnership.agencies.first { $0.id == id }?.name }
        return """
            \(errorSummary(errors))
            \(changed ? "<div class=\"dots-notification\" role=\"status\"><p><strong>Your password has been changed.</strong> Other sessions have been signed out.</p></div>" : "")
            <h1>Your account</h1>
            <dl class="dots-summary-list">
              <div class="dots-summary-list__row"><dt>Name</dt><dd>\(user.name)</dd></div>
              <div class="dots-summary-list__row"><dt>Email</dt><dd>\(user.account.email)</dd></div>
              <div class="dots-summary-list__row"><dt>Role</dt><dd>\(user.role.title)</dd></div>
              \(agency.map { "<div class=\"dots-summary-list__row\"><dt>Agency</dt><dd>\($0)</dd></div>" } ?? "")
            </dl>
            <h2>Change your password</h2>
            <form method="post" action="/account/password" novalidate>
              <input type="hidden" name="csrf" value="\(csrf)">
              \(field("current", label: "Current password", type: "password", autocomplete: "current-password", errors: errors))
              \(field("new", label: "New password", type: "password", autocomplete: "new-password", errors: errors, hint: "At least 12 characters. A few unrelated words make a strong password you can remember."))
              <button type="submit" class="dots-button">Change password</button>
            </form>
            """
    }

    static func message(title: String, _ body: String) -> HTML {
        "<h1>\(title)</h1><p>\(body)</p>"
    }
}

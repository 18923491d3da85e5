import DotsCore
import DotsStore
import Vapor

/// The signed-in person for this request, with what the access policy gives them.
struct CurrentUser: Sendable {
    let account: AccountRecord
    /// Nil for API token requests, which carry no form and so need no CSRF token.
    let csrfToken: String?
    let sessionDigest: String?

    var id: String { account.id }
    var name: String { account.name }
    var role: Role { account.role }
    var agencyScope: AgencyScope { AccessPolicy.agencyScope(account.role, agencyID: account.agencyID) }
    func can(_ p: Permission) -> Bool { AccessPolicy.allows(account.role, p) }
}

struct CurrentUserKey: StorageKey { typealias Value = CurrentUser }

extension Request {
    var currentUser: CurrentUser? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    /// The signed-in person, or a redirect to sign in (pages) / 401 (API).
    func signedIn() throws -> CurrentUser {
        guard let user = currentUser else {
            if url.path.hasPrefix("/api/") { throw Abort(.unauthorized, reason: "Sign in, or send an API token as `Authorization: Bearer TOKEN`.") }
            throw Abort.redirect(to: "/sign-in?next=" + HTML.query(url.path + (url.query.map { "?" + $0 } ?? "")))
        }
        return user
    }

    /// The signed-in person when the access policy lets their role do `permission`; 403 otherwise.
    func require(_ permission: Permission) throws -> CurrentUser {
        let user = try signedIn()
        guard user.can(permission) else { throw Abort(.forbidden, reason: "Your role (\(user.role.title)) does not give access to this page.") }
        return user
    }
}

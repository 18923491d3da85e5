import DotsCore
import Vapor

/// The signed-in person for this request, and the `Caller` the use cases are asked as.
struct CurrentUser: Sendable {
    let account: AccountRecord
    /// Nil for API token requests, which carry no form and so need no CSRF token.
    let csrfToken: String?
    let sessionDigest: String?
    let caller: Caller
    /// Unsafe-now alerts open for the person's agency (practitioners and agency leads who record voice): every
    /// page shows them until someone acts.
    var openAlerts = 0

    init(account: AccountRecord, csrfToken: String?, sessionDigest: String?, channel: Caller.Channel) {
        self.account = account
        self.csrfToken = csrfToken
        self.sessionDigest = sessionDigest
        caller = Caller(accountID: account.id, name: account.name, role: account.role, agencyID: account.agencyID, channel: channel)
    }

    var id: String { account.id }
    var name: String { account.name }
    var role: Role { account.role }
    var agencyScope: AgencyScope { caller.scope }
    /// For navigation and links only (what to show); the use cases decide what may be done.
    func can(_ p: Permission) -> Bool { caller.can(p) }
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

    /// The caller for a use case: the signed-in person (or a redirect / 401).
    func caller() throws -> Caller { try signedIn().caller }
}

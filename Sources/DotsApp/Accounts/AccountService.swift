import DotsCore
import DotsStore
import Foundation

/// Accounts, sign-in, passwords and API tokens: the use cases behind the web app's sign-in and Accounts pages
/// and `dots user` / `dots token`. Who may manage accounts is asked of the caller here, and every change is audited.
public struct AccountService: Sendable {
    let store: HubStore
    let sessions: SessionCache
    let clock: any TimeSource
    let hasher: any PasswordHashing
    let throttle: LoginThrottle
    let audit: AuditLog
    /// Compared against when the email is unknown or disabled, so a wrong email costs as long as a wrong password.
    let dummyHash: String
    /// How long a session lasts without signing in again.
    public static let sessionLength: Int64 = 8 * 3600

    public init(store: HubStore, hasher: any PasswordHashing, clock: any TimeSource = SystemClock(), throttle: LoginThrottle? = nil) throws {
        self.store = store
        sessions = SessionCache(store: store)
        self.clock = clock
        self.hasher = hasher
        self.throttle = throttle ?? LoginThrottle(clock: clock)
        audit = AuditLog(store: store, clock: clock)
        dummyHash = try hasher.hash(SecretTokens.random())
    }

    // MARK: accounts

    /// Adds an account after checking every field; the password is stored only as a hash.
    @discardableResult
    public func create(email: String, name: String, role: Role, agencyID: String?, password: String, by caller: Caller) async throws -> AccountRecord {
        try caller.require(.manageAccounts)
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        var problems: [InputProblem] = []
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || email.contains(where: { $0.isWhitespace }) || email.count > 254 {
            problems.append(InputProblem("email", "Enter an email address in the correct format, like name@example.org"))
        }
        let name = name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { problems.append(InputProblem("name", "Enter the person's name")) }
        if name.count > 200 { problems.append(InputProblem("name", "Enter a name of 200 characters or fewer")) }
        let agencyID = agencyID.flatMap { $0.isEmpty ? nil : $0 }
        if role.needsAgency, !ReferencePartnership.agencies.contains(where: { $0.id == agencyID }) {
            problems.append(InputProblem("agency", "Choose the agency an agency data lead acts for (see `dots partnership`)"))
        } else if role.takesAgency, let agencyID, !ReferencePartnership.agencies.contains(where: { $0.id == agencyID }) {
            problems.append(InputProblem("agency", "Choose one of the partnership's agencies (see `dots partnership`)"))
        }
        if let problem = PasswordRules.problem(password, email: email) { problems.append(InputProblem("password", problem)) }
        guard problems.isEmpty else { throw InvalidInput(problems) }
        let now = clock.now()
        let account = AccountRecord(
            id: UUID().uuidString.lowercased(), email: email, name: name, role: role,
            agencyID: role.takesAgency ? agencyID : nil, passwordHash: try hasher.hash(password),
            createdAt: now, passwordChangedAt: now)
        do { try await store.addAccount(account) } catch StoreError.conflict {
            throw InvalidInput([InputProblem("email", "An account with this email address already exists")])
        }
        try await audit.record(caller, "account.create", account.id, role.rawValue)
        return account
    }

    /// The roles an admin can give a new account (asked before the form is shown).
    public func rolesToGive(by caller: Caller) throws -> [Role] {
        try caller.require(.manageAccounts)
        return Role.allCases
    }

    /// Adds an account from a form's text, with a generated first password the admin passes on.
    public func add(email: String, name: String, role roleText: String, agencyID: String?, by caller: Caller) async throws -> (
        account: AccountRecord, password: String
    ) {
        try caller.require(.manageAccounts)
        guard let role = Role(rawValue: roleText) else { throw InvalidInput([InputProblem("role", "Choose the person's role")]) }
        let password = PasswordRules.generate()
        return (try await create(email: email, name: name, role: role, agencyID: agencyID, password: password, by: caller), password)
    }

    public func accounts(by caller: Caller) async throws -> [AccountRecord] {
        try caller.require(.manageAccounts)
        return try await store.allAccounts()
    }

    /// Another person's account, for an admin to change: never the caller's own (admins change their own password
    /// on their account page and cannot lock themselves out).
    func other(_ id: String, by caller: Caller) async throws -> AccountRecord {
        try caller.require(.manageAccounts)
        guard let a = try await store.account(id: id) else { throw NotFound("There is no such account.") }
        guard a.id != caller.accountID else {
            throw AccessDenied("Change your own password on your account page; you cannot disable your own account.")
        }
        return a
    }

    /// An admin sets a new random password for someone (shown once to the admin): every session of the account
    /// ends and every API token it had is revoked, since whoever knew the old password may have made one.
    public func resetPassword(accountID: String, by caller: Caller) async throws -> (account: AccountRecord, password: String) {
        let account = try await other(accountID, by: caller)
        let password = PasswordRules.generate()
        try await store.setPassword(accountID: account.id, hash: try hasher.hash(password), at: clock.now())
        let revoked = try await store.revokeAPITokens(accountID: account.id, at: clock.now())
        await sessions.drop(accountID: account.id)
        try await audit.record(caller, "account.password-reset", account.id, revoked > 0 ? "\(revoked) API token(s) revoked" : nil)
        return (account, password)
    }

    /// An admin disables an account (it can no longer sign in or use its tokens, and its sessions end) or enables it.
    public func setDisabled(accountID: String, _ disabled: Bool, by caller: Caller) async throws -> AccountRecord {
        let account = try await other(accountID, by: caller)
        try await store.setDisabled(accountID: account.id, disabled)
        await sessions.drop(accountID: account.id)
        try await audit.record(caller, disabled ? "account.disable" : "account.enable", account.id)
        return account
    }

    /// A demo or bootstrap password set directly (no caller: `dots demo` resets its own demo accounts).
    func setPassword(_ account: AccountRecord, _ password: String) async throws {
        try await store.setPassword(accountID: account.id, hash: try hasher.hash(password), at: clock.now())
    }

    // MARK: signing in

    public enum SignInError: Error, Equatable {
        /// Wrong email or password: the message never says which.
        case incorrect
        /// Too many failures for this email from this address (or from this address): wait this many seconds.
        case throttled(seconds: Int64)
    }

    /// Checks the password and opens a session; returns the cookie token (the store keeps only its digest).
    /// Unknown and disabled emails are checked against a dummy hash, so the answer takes as long either way.
    public func signIn(email: String, password: String, address: String) async throws -> (token: String, session: SessionRecord, account: AccountRecord) {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let wait = await throttle.wait(email: email, address: address)
        guard wait == 0 else { throw SignInError.throttled(seconds: wait) }
        let account = try await store.account(email: email)
        let usable = account.map { !$0.disabled } ?? false
        let matches = hasher.verify(password, hash: usable ? account!.passwordHash : dummyHash)
        guard usable, matches, let account else {
            await throttle.failed(email: email, address: address)
            try await audit.record(nil, "sign-in.failed", Excerpt.of(email, limit: 254), address)
            throw SignInError.incorrect
        }
        await throttle.succeeded(email: email, address: address)
        let token = SecretTokens.random()
        let now = clock.now()
        let session = SessionRecord(
            tokenDigest: SecretTokens.digest(token), accountID: account.id, csrfToken: SecretTokens.random(),
            createdAt: now, expiresAt: Instant(seconds: now.seconds + Self.sessionLength))
        try await store.addSession(session)
        try await store.audit(AuditEvent(at: now, accountID: account.id, action: "sign-in", target: account.id, detail: address))
        return (token, session, account)
    }

    /// The session a cookie's digest names and its account, when it is live (checked against the store at most
    /// every few seconds per session).
    public func session(digest: String) async throws -> (SessionRecord, AccountRecord)? {
        try await sessions.lookup(digest, now: clock.now())
    }

    public func signOut(digest: String, accountID: String) async throws {
        try await store.endSession(digest: digest)
        await sessions.drop(digest: digest)
        try await store.audit(AuditEvent(at: clock.now(), accountID: accountID, action: "sign-out", target: accountID))
    }

    /// Changes a password after checking the current one; every session of the account ends.
    public func changePassword(_ account: AccountRecord, current: String, new: String) async throws {
        guard hasher.verify(current, hash: account.passwordHash) else {
            throw InvalidInput([InputProblem("current", "The current password is not correct")])
        }
        if let problem = PasswordRules.problem(new, email: account.email) { throw InvalidInput([InputProblem("new", problem)]) }
        try await store.setPassword(accountID: account.id, hash: try hasher.hash(new), at: clock.now())
        await sessions.drop(accountID: account.id)
        try await store.audit(AuditEvent(at: clock.now(), accountID: account.id, action: "password.change", target: account.id))
    }

    // MARK: API tokens

    /// A new API token for an account (shown once; only its digest is kept), expiring after `days` when given.
    public func issueAPIToken(email: String, label: String, days: Int?, by caller: Caller) async throws -> (token: String, record: APITokenRecord) {
        try caller.require(.manageAccounts)
        guard let account = try await store.account(email: email.lowercased()) else { throw NotFound("There is no account for \(Excerpt.of(email)).") }
        var problems: [InputProblem] = []
        let label = label.trimmingCharacters(in: .whitespaces)
        if label.isEmpty || label.count > 200 { problems.append(InputProblem("label", "Say what the token is for, in 200 characters or fewer")) }
        if let days, !(1...366).contains(days) { problems.append(InputProblem("days", "Give an expiry of 1 to 366 days, or none")) }
        guard problems.isEmpty else { throw InvalidInput(problems) }
        let token = "dots_" + SecretTokens.random()
        let now = clock.now()
        let record = APITokenRecord(
            digest: SecretTokens.digest(token), accountID: account.id, label: label, createdAt: now,
            expiresAt: days.map { Instant(seconds: now.seconds + Int64($0) * 86_400) }, lastUsedAt: nil, revokedAt: nil)
        try await store.addAPIToken(record)
        try await audit.record(caller, "api-token.issue", record.id, "\(account.id): \(label)")
        return (token, record)
    }

    public func apiTokens(by caller: Caller) async throws -> [APITokenRecord] {
        try caller.require(.manageAccounts)
        return try await store.apiTokens()
    }

    /// Revokes a token by its public id (the first 12 hex digits of its digest, shown on the Accounts page and by
    /// `dots token list`).
    public func revokeAPIToken(id: String, by caller: Caller) async throws {
        try caller.require(.manageAccounts)
        guard try await store.revokeAPIToken(id: id, at: clock.now()) else { throw NotFound("There is no unrevoked API token \(Excerpt.of(id)).") }
        try await audit.record(caller, "api-token.revoke", id)
    }

    /// The account a bearer token acts for, when the token is known, unrevoked, unexpired and its account enabled.
    public func account(forAPIToken token: String) async throws -> AccountRecord? {
        try await store.apiTokenAccount(digest: SecretTokens.digest(token), now: clock.now())
    }
}

import DotsCore
import DotsStore
import Foundation

/// Creating accounts, signing in and out, changing passwords. Used by the web app and by `dots user add`.
public struct AccountService: Sendable {
    let store: HubStore
    let clock: any DotsCore.Clock
    let throttle: LoginThrottle
    /// How long a session lasts without signing in again.
    static let sessionLength: Int64 = 8 * 3600

    public init(store: HubStore, clock: any DotsCore.Clock = SystemClock()) {
        self.init(store: store, clock: clock, throttle: LoginThrottle())
    }

    init(store: HubStore, clock: any DotsCore.Clock, throttle: LoginThrottle) {
        self.store = store
        self.clock = clock
        self.throttle = throttle
    }

    /// A problem with one form field, in the words the form shows.
    public struct FieldError: Error, Equatable, CustomStringConvertible {
        public let field: String
        public let message: String
        public var description: String { "\(field): \(message)" }
    }

    /// Adds an account after checking every field; the password is stored only as a bcrypt hash.
    @discardableResult
    public func create(email: String, name: String, role: Role, agencyID: String?, password: String) async throws -> AccountRecord {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = email.split(separator: "@")
        guard parts.count == 2, parts[1].contains("."), !email.contains(" ") else {
            throw FieldError(field: "email", message: "Enter an email address in the correct format, like name@example.org")
        }
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw FieldError(field: "name", message: "Enter the person's name") }
        if role.needsAgency {
            guard let agencyID, ReferencePartnership.agencies.contains(where: { $0.id == agencyID }) else {
                throw FieldError(field: "agency", message: "Choose the agency an agency data lead acts for (see `dots partnership`)")
            }
        }
        if let problem = Passwords.problem(password, email: email) { throw FieldError(field: "password", message: problem) }
        let now = clock.now()
        let account = AccountRecord(id: UUID().uuidString.lowercased(), email: email, name: name, role: role,
                                    agencyID: role.needsAgency ? agencyID : nil, passwordHash: try Passwords.hash(password),
                                    createdAt: now, passwordChangedAt: now)
        do { try await store.addAccount(account) } catch StoreError.conflict {
            throw FieldError(field: "email", message: "An account with this email address already exists")
        }
        try await store.audit(AuditEvent(at: now, accountID: nil, action: "account.create", target: account.id, detail: role.rawValue))
        return account
    }

    public enum SignInError: Error, Equatable {
        /// Wrong email or password: the message never says which.
        case incorrect
        case throttled
    }

    /// Checks the password and opens a session; returns the cookie token (the store keeps only its digest).
    func signIn(email: String, password: String, address: String) async throws -> (token: String, session: SessionRecord) {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let keys = ["email:" + email, "ip:" + address]
        guard await throttle.allows(keys) else { throw SignInError.throttled }
        guard let account = try await store.account(email: email), !account.disabled, Passwords.verify(password, hash: account.passwordHash) else {
            await throttle.failed(keys)
            try await store.audit(AuditEvent(at: clock.now(), accountID: nil, action: "sign-in.failed", target: email))
            throw SignInError.incorrect
        }
        await throttle.succeeded("email:" + email)
        let token = Tokens.random()
        let now = clock.now()
        let session = SessionRecord(tokenDigest: Tokens.digest(token), accountID: account.id, csrfToken: Tokens.random(),
                                    createdAt: now, expiresAt: Instant(seconds: now.seconds + Self.sessionLength))
        try await store.addSession(session)
        try await store.audit(AuditEvent(at: now, accountID: account.id, action: "sign-in", target: account.id))
        return (token, session)
    }

    func signOut(digest: String, accountID: String) async throws {
        try await store.endSession(digest: digest)
        try await store.audit(AuditEvent(at: clock.now(), accountID: accountID, action: "sign-out", target: accountID))
    }

    /// Changes a password after checking the current one; every session of the account ends.
    func changePassword(_ account: AccountRecord, current: String, new: String) async throws {
        guard Passwords.verify(current, hash: account.passwordHash) else {
            throw FieldError(field: "current", message: "The current password is not correct")
        }
        if let problem = Passwords.problem(new, email: account.email) { throw FieldError(field: "new", message: problem) }
        try await store.setPassword(accountID: account.id, hash: try Passwords.hash(new), at: clock.now())
        try await store.audit(AuditEvent(at: clock.now(), accountID: account.id, action: "password.change", target: account.id))
    }

    /// An admin sets a new random password for someone (shown once to the admin); every session of the account ends.
    func resetPassword(_ account: AccountRecord, by admin: String) async throws -> String {
        let password = Passwords.generate()
        try await store.setPassword(accountID: account.id, hash: try Passwords.hash(password), at: clock.now())
        try await store.audit(AuditEvent(at: clock.now(), accountID: admin, action: "account.password-reset", target: account.id))
        return password
    }

    /// An admin disables an account (it can no longer sign in, and its sessions end) or enables it again.
    func setDisabled(_ account: AccountRecord, _ disabled: Bool, by admin: String) async throws {
        try await store.setDisabled(accountID: account.id, disabled)
        try await store.audit(AuditEvent(at: clock.now(), accountID: admin, action: disabled ? "account.disable" : "account.enable", target: account.id))
    }

    /// A new API token for an account (shown once; only its digest is kept).
    public func issueAPIToken(for account: AccountRecord, label: String) async throws -> String {
        let token = "dots_" + Tokens.random()
        try await store.addAPIToken(digest: Tokens.digest(token), accountID: account.id, label: label, at: clock.now())
        try await store.audit(AuditEvent(at: clock.now(), accountID: account.id, action: "api-token.issue", target: label))
        return token
    }
}

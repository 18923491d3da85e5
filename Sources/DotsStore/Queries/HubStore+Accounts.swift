import DotsCore
import FluentKit
import SQLKit

/// Accounts, sessions, API tokens and the audit log.
extension HubStore {
    static let accountColumns = ["id", "email", "name", "role", "agency_id", "password_hash", "disabled"]

    /// Adds an account; fails when the email is taken (emails are compared in lower case).
    public func addAccount(_ a: AccountRecord) async throws {
        if try await account(email: a.email) != nil { throw StoreError.conflict("an account for \(a.email) already exists") }
        try await sql.insert(into: "accounts")
            .columns("id", "email", "name", "role", "agency_id", "password_hash", "created_at", "password_changed_at", "disabled")
            .values(SQLBind(a.id), SQLBind(a.email.lowercased()), SQLBind(a.name), SQLBind(a.role.rawValue), SQLBind(a.agencyID), SQLBind(a.passwordHash),
                    engine.timestamp(a.createdAt), engine.timestamp(a.passwordChangedAt), SQLBind(a.disabled ? 1 : 0))
            .run()
    }

    public func account(email: String) async throws -> AccountRecord? {
        try await accounts(where: "email", email.lowercased()).first
    }

    public func account(id: String) async throws -> AccountRecord? {
        try await accounts(where: "id", id).first
    }

    public func allAccounts() async throws -> [AccountRecord] {
        try await accounts(where: nil, "")
    }

    func accounts(where column: String?, _ value: String) async throws -> [AccountRecord] {
        var q = sql.select().columns(Self.accountColumns.map { SQLIdentifier($0) })
            .column(SQLRaw(engine.timestampText("created_at")), as: "ca").column(SQLRaw(engine.timestampText("password_changed_at")), as: "pa")
            .from("accounts")
        if let column { q = q.where(SQLIdentifier(column), .equal, SQLBind(value)) }
        return try await q.orderBy("email").all().map { row in
            AccountRecord(id: try row.decode(column: "id", as: String.self), email: try row.decode(column: "email", as: String.self),
                          name: try row.decode(column: "name", as: String.self),
                          role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .practitioner,
                          agencyID: try row.decode(column: "agency_id", as: String?.self), passwordHash: try row.decode(column: "password_hash", as: String.self),
                          createdAt: Instant(iso: try row.decode(column: "ca", as: String.self))!,
                          passwordChangedAt: Instant(iso: try row.decode(column: "pa", as: String.self))!,
                          disabled: try row.decode(column: "disabled", as: Int.self) != 0)
        }
    }

    /// Sets a new password hash and ends every session of the account (a changed password signs out elsewhere).
    public func setPassword(accountID: String, hash: String, at: Instant) async throws {
        try await sql.update("accounts").set("password_hash", to: SQLBind(hash)).set("password_changed_at", to: engine.timestamp(at))
            .where("id", .equal, accountID).run()
        try await sql.delete(from: "account_sessions").where("account_id", .equal, accountID).run()
    }

    /// Disables or re-enables an account; disabling ends every session it has.
    public func setDisabled(accountID: String, _ disabled: Bool) async throws {
        try await sql.update("accounts").set("disabled", to: SQLBind(disabled ? 1 : 0)).where("id", .equal, accountID).run()
        if disabled { try await sql.delete(from: "account_sessions").where("account_id", .equal, accountID).run() }
    }

    // MARK: sessions

    public func addSession(_ s: SessionRecord) async throws {
        try await sql.insert(into: "account_sessions").columns("token_digest", "account_id", "csrf_token", "created_at", "expires_at")
            .values(SQLBind(s.tokenDigest), SQLBind(s.accountID), SQLBind(s.csrfToken), engine.timestamp(s.createdAt), engine.timestamp(s.expiresAt))
            .run()
    }

    /// The live session with this token digest, and its account; nil when unknown, expired or the account is disabled.
    public func session(digest: String, now: Instant) async throws -> (SessionRecord, AccountRecord)? {
        guard let row = try await sql.select().columns("account_id", "csrf_token")
            .column(SQLRaw(engine.timestampText("created_at")), as: "ca").column(SQLRaw(engine.timestampText("expires_at")), as: "ea")
            .from("account_sessions").where("token_digest", .equal, digest).first() else { return nil }
        let session = SessionRecord(tokenDigest: digest, accountID: try row.decode(column: "account_id", as: String.self),
                                    csrfToken: try row.decode(column: "csrf_token", as: String.self),
                                    createdAt: Instant(iso: try row.decode(column: "ca", as: String.self))!,
                                    expiresAt: Instant(iso: try row.decode(column: "ea", as: String.self))!)
        guard session.expiresAt > now, let account = try await account(id: session.accountID), !account.disabled else { return nil }
        return (session, account)
    }

    public func endSession(digest: String) async throws {
        try await sql.delete(from: "account_sessions").where("token_digest", .equal, digest).run()
    }

    // MARK: API tokens

    public func addAPIToken(digest: String, accountID: String, label: String, at: Instant) async throws {
        try await sql.insert(into: "api_tokens").columns("token_digest", "account_id", "label", "created_at", "revoked")
            .values(SQLBind(digest), SQLBind(accountID), SQLBind(label), engine.timestamp(at), SQLBind(0)).run()
    }

    /// The account an unrevoked API token acts for.
    public func apiTokenAccount(digest: String) async throws -> AccountRecord? {
        guard let row = try await sql.select().columns("account_id").from("api_tokens")
            .where("token_digest", .equal, digest).where("revoked", .equal, 0).first() else { return nil }
        guard let account = try await account(id: try row.decode(column: "account_id", as: String.self)), !account.disabled else { return nil }
        return account
    }

    // MARK: audit

    public func audit(_ e: AuditEvent) async throws {
        try await sql.insert(into: "audit_events").columns("at", "account_id", "action", "target", "detail")
            .values(engine.timestamp(e.at), SQLBind(e.accountID), SQLBind(e.action), SQLBind(e.target), SQLBind(e.detail)).run()
    }

    public func auditEvents(limit: Int = 200) async throws -> [AuditEvent] {
        try await sql.select().columns("account_id", "action", "target", "detail").column(SQLRaw(engine.timestampText("at")), as: "at_text")
            .from("audit_events").orderBy("at", .descending).limit(limit).all().map { row in
                AuditEvent(at: Instant(iso: try row.decode(column: "at_text", as: String.self))!, accountID: try row.decode(column: "account_id", as: String?.self),
                           action: try row.decode(column: "action", as: String.self), target: try row.decode(column: "target", as: String.self),
                           detail: try row.decode(column: "detail", as: String?.self))
            }
    }
}

import DotsCore
import DotsFramework
import FluentKit
import SQLKit
import SQLiteKit
import SQLiteNIO

/// Accounts, sessions, API tokens and the audit log.
extension HubStore {
    static let accountColumns = ["id", "email", "name", "role", "agency_id", "password_hash", "disabled"]

    /// Adds an account; fails when the email is taken (emails are compared in lower case).
    public func addAccount(_ a: AccountRecord) async throws {
        if try await account(email: a.email) != nil { throw StoreError.conflict("an account for \(a.email) already exists") }
        try await sql.insert(into: "accounts")
            .columns("id", "email", "name", "role", "agency_id", "password_hash", "created_at", "password_changed_at", "disabled")
            .values(
                SQLBind(a.id), SQLBind(a.email.lowercased()), SQLBind(a.name), SQLBind(a.role.rawValue), SQLBind(a.agencyID), SQLBind(a.passwordHash),
                engine.timestamp(a.createdAt), engine.timestamp(a.passwordChangedAt), SQLBind(a.disabled ? 1 : 0)
            )
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
        return try await q.orderBy("email").all().map(Self.account(from:))
    }

    /// An account from a row holding `accountColumns`, with its creation and password-change times as `ca` and `pa`.
    static func account(from row: any SQLRow) throws -> AccountRecord {
        AccountRecord(
            id: try row.decode(column: "id", as: String.self), email: try row.decode(column: "email", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .practitioner,
            agencyID: try row.decode(column: "agency_id", as: String?.self), passwordHash: try row.decode(column: "password_hash", as: String.self),
            createdAt: Instant(iso: try row.decode(column: "ca", as: String.self))!,
            passwordChangedAt: Instant(iso: try row.decode(column: "pa", as: String.self))!,
            disabled: try row.decode(column: "disabled", as: Int.self) != 0)
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
    /// One query, asked by a signed-in request whose session `SessionCache` has not kept from the last five seconds.
    public func session(digest: String, now: Instant) async throws -> (SessionRecord, AccountRecord)? {
        // Text columns read straight off a kept statement (`pageRows`): many requests a second ask it.
        let query = """
            SELECT a.id, a.email, a.name, a.role, a.agency_id, a.password_hash, CAST(a.disabled AS TEXT), s.csrf_token, \
            \(engine.timestampText("a.created_at")), \(engine.timestampText("a.password_changed_at")), \
            \(engine.timestampText("s.created_at")), \(engine.timestampText("s.expires_at")) \
            FROM account_sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_digest = \(placeholder(1))
            """
        guard let v = try await pageRows(query, [digest]).first, v.count == 12,
            let id = v[0], let email = v[1], let name = v[2], let role = v[3], let hash = v[5], let csrf = v[7],
            let createdAt = v[8].flatMap(Instant.init(iso:)), let changedAt = v[9].flatMap(Instant.init(iso:)),
            let sessionCreated = v[10].flatMap(Instant.init(iso:)), let expiresAt = v[11].flatMap(Instant.init(iso:))
        else { return nil }
        let account = AccountRecord(
            id: id, email: email, name: name, role: Role(rawValue: role) ?? .practitioner, agencyID: v[4], passwordHash: hash,
            createdAt: createdAt, passwordChangedAt: changedAt, disabled: v[6] != "0")
        let session = SessionRecord(tokenDigest: digest, accountID: id, csrfToken: csrf, createdAt: sessionCreated, expiresAt: expiresAt)
        guard session.expiresAt > now, !account.disabled else { return nil }
        return (session, account)
    }

    public func endSession(digest: String) async throws {
        try await sql.delete(from: "account_sessions").where("token_digest", .equal, digest).run()
    }

    // MARK: API tokens

    public func addAPIToken(_ t: APITokenRecord) async throws {
        try await sql.insert(into: "api_tokens").columns("token_digest", "account_id", "label", "created_at", "expires_at", "revoked")
            .values(
                SQLBind(t.digest), SQLBind(t.accountID), SQLBind(t.label), engine.timestamp(t.createdAt),
                t.expiresAt.map { engine.timestamp($0) } ?? SQLLiteral.null, SQLBind(0)
            ).run()
    }

    /// Every token, newest first.
    public func apiTokens() async throws -> [APITokenRecord] {
        try await sql.select().columns("token_digest", "account_id", "label")
            .column(SQLRaw(engine.timestampText("created_at")), as: "ca").column(SQLRaw(engine.timestampText("expires_at")), as: "ea")
            .column(SQLRaw(engine.timestampText("last_used_at")), as: "la").column(SQLRaw(engine.timestampText("revoked_at")), as: "ra")
            .column("revoked")
            .from("api_tokens").orderBy("created_at", .descending).orderBy("token_digest").all().map { row in
                let revokedAt = try row.decode(column: "ra", as: String?.self).flatMap(Instant.init(iso:))
                let createdAt = Instant(iso: try row.decode(column: "ca", as: String.self))!
                // Tokens revoked before 0012 have the flag but no time: their creation time stands in.
                let revoked = try row.decode(column: "revoked", as: Int.self) != 0 ? (revokedAt ?? createdAt) : nil
                return APITokenRecord(
                    digest: try row.decode(column: "token_digest", as: String.self), accountID: try row.decode(column: "account_id", as: String.self),
                    label: try row.decode(column: "label", as: String.self), createdAt: createdAt,
                    expiresAt: try row.decode(column: "ea", as: String?.self).flatMap(Instant.init(iso:)),
                    lastUsedAt: try row.decode(column: "la", as: String?.self).flatMap(Instant.init(iso:)), revokedAt: revoked)
            }
    }

    /// Revokes the unrevoked token whose digest starts with `id` (12 hex digits); false when there is none.
    public func revokeAPIToken(id: String, at: Instant) async throws -> Bool {
        guard id.count == 12, id.allSatisfy(\.isHexDigit) else { return false }
        guard let token = try await apiTokens().first(where: { $0.id == id.lowercased() && $0.revokedAt == nil }) else { return false }
        try await sql.update("api_tokens").set("revoked", to: SQLBind(1)).set("revoked_at", to: engine.timestamp(at))
            .where("token_digest", .equal, token.digest).run()
        return true
    }

    /// Revokes every token of an account; returns how many were live.
    @discardableResult
    public func revokeAPITokens(accountID: String, at: Instant) async throws -> Int {
        let live = try await apiTokens().filter { $0.accountID == accountID && $0.revokedAt == nil }.count
        try await sql.update("api_tokens").set("revoked", to: SQLBind(1)).set("revoked_at", to: engine.timestamp(at))
            .where("account_id", .equal, accountID).where("revoked", .equal, 0).run()
        return live
    }

    /// The account an unrevoked, unexpired API token acts for, its account enabled; records the use (at most once a
    /// minute per token, so a busy client does not write on every call).
    public func apiTokenAccount(digest: String, now: Instant) async throws -> AccountRecord? {
        guard
            let row = try await sql.select().columns("account_id")
                .column(SQLRaw(engine.timestampText("expires_at")), as: "ea").column(SQLRaw(engine.timestampText("last_used_at")), as: "la")
                .from("api_tokens").where("token_digest", .equal, digest).where("revoked", .equal, 0).first()
        else { return nil }
        if let expires = try row.decode(column: "ea", as: String?.self).flatMap(Instant.init(iso:)), expires <= now { return nil }
        guard let account = try await account(id: try row.decode(column: "account_id", as: String.self)), !account.disabled else { return nil }
        let last = try row.decode(column: "la", as: String?.self).flatMap(Instant.init(iso:))
        if last.map({ now.seconds - $0.seconds >= 60 }) ?? true {
            try await sql.update("api_tokens").set("last_used_at", to: engine.timestamp(now)).where("token_digest", .equal, digest).run()
        }
        return account
    }

    // MARK: audit

    /// Appends a record to the audit chain (`AuditChain`): numbered after the last, with its hash, and committed before
    /// this returns. Records written at the same moment go in one transaction (`AuditBatcher`), in the order they came.
    /// Two writers that read the same last record cannot both append (the number is the key, and PostgreSQL's writers
    /// take a lock); one that loses anyway (SQLite busy, another process writing) tries again.
    public func audit(_ e: AuditEvent) async throws {
        try await auditBatcher.append(e) { [self] batch in try await appendAudit(batch) }
    }

    func appendAudit(_ events: [AuditEvent]) async throws {
        let engine = engine
        @Sendable func append(_ db: any SQLDatabase) async throws {
            let last = try await db.select().columns("seq", "hash").from("audit_events").orderBy("seq", .descending).limit(1).first()
            var seq = try last?.decode(column: "seq", as: Int64.self) ?? 0
            var previous = try last?.decode(column: "hash", as: String.self) ?? AuditChain.genesis
            // A few hundred rows a statement keeps within either engine's limit on bound values.
            for start in stride(from: 0, to: events.count, by: 500) {
                var insert = db.insert(into: "audit_events").columns("seq", "at", "account_id", "action", "target", "detail", "prev_hash", "hash")
                for e in events[start..<min(start + 500, events.count)] {
                    seq += 1
                    let hash = AuditChain.hash(previous: previous, seq: seq, event: e)
                    insert = insert.values(
                        SQLBind(seq), engine.timestamp(e.at), SQLBind(e.accountID), SQLBind(e.action), SQLBind(e.target), SQLBind(e.detail),
                        SQLBind(previous), SQLBind(hash))
                    previous = hash
                }
                try await insert.run()
            }
        }
        var attempt = 0
        while true {
            do {
                if engine == .sqlite, let sqlite = auditDatabase as? any SQLiteDatabase {
                    // The write lock first (BEGIN IMMEDIATE), so the connection waits its turn behind another process's
                    // write. A plain BEGIN reads the last record and then asks to write, which SQLite refuses at once
                    // (busy, no waiting) when another process wrote in between: what a second `dots serve` or the
                    // command line beside the web app met.
                    try await sqlite.withConnection { conn in
                        conn.eventLoop.makeFutureWithTask {
                            let db = conn.sql()
                            try await db.raw("BEGIN IMMEDIATE").run()
                            do {
                                try await append(db)
                                try await db.raw("COMMIT").run()
                            } catch {
                                try? await db.raw("ROLLBACK").run()
                                throw error
                            }
                        }
                    }.get()
                } else {
                    try await database.transaction { tx in
                        // PostgreSQL: writers queue here rather than race for the same number.
                        try await tx.sql.raw("LOCK TABLE audit_events IN SHARE ROW EXCLUSIVE MODE").run()
                        try await append(tx.sql)
                    }
                }
                return
            } catch {
                attempt += 1
                if attempt >= 10 { throw error }
                try await Task.sleep(for: .milliseconds(20 * attempt))
            }
        }
    }

    /// Checks the whole audit chain, in the order of its numbers.
    public func verifyAuditChain() async throws -> AuditChain.Verdict {
        let rows = try await auditSQL.select().columns("seq", "prev_hash", "hash", "account_id", "action", "target", "detail")
            .column(SQLRaw(engine.timestampText("at")), as: "at_text").from("audit_events").orderBy("seq").all()
        return AuditChain.verify(
            try rows.map { row in
                (
                    try row.decode(column: "seq", as: Int64?.self), try row.decode(column: "prev_hash", as: String?.self),
                    try row.decode(column: "hash", as: String?.self),
                    AuditEvent(
                        at: Instant(iso: try row.decode(column: "at_text", as: String.self)) ?? Instant(seconds: 0),
                        accountID: try row.decode(column: "account_id", as: String?.self), action: try row.decode(column: "action", as: String.self),
                        target: try row.decode(column: "target", as: String.self), detail: try row.decode(column: "detail", as: String?.self))
                )
            })
    }

    public func auditEvents(limit: Int = 200) async throws -> [AuditEvent] {
        try await auditSQL.select().columns("account_id", "action", "target", "detail").column(SQLRaw(engine.timestampText("at")), as: "at_text")
            .from("audit_events").orderBy("seq", .descending).limit(limit).all().map { row in
                AuditEvent(
                    at: Instant(iso: try row.decode(column: "at_text", as: String.self))!, accountID: try row.decode(column: "account_id", as: String?.self),
                    action: try row.decode(column: "action", as: String.self), target: try row.decode(column: "target", as: String.self),
                    detail: try row.decode(column: "detail", as: String?.self))
            }
    }
}

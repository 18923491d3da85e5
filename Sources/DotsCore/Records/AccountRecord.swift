/// A person who can sign in. The password is held only as a bcrypt hash, made and checked through `PasswordHashing` (bcrypt).
public struct AccountRecord: Sendable, Equatable {
    public var id: String
    public var email: String
    public var name: String
    public var role: Role
    /// Set for agency data leads: the only agency whose rows they see.
    public var agencyID: String?
    public var passwordHash: String
    public var createdAt: Instant
    public var passwordChangedAt: Instant
    public var disabled: Bool

    public init(
        id: String, email: String, name: String, role: Role, agencyID: String?, passwordHash: String, createdAt: Instant,
        passwordChangedAt: Instant, disabled: Bool = false
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.agencyID = agencyID
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.passwordChangedAt = passwordChangedAt
        self.disabled = disabled
    }
}

/// A signed-in session, found by the SHA-256 digest of the cookie's random token.
public struct SessionRecord: Sendable, Equatable {
    public var tokenDigest: String
    public var accountID: String
    /// The per-session secret every form posts back (double submit is not enough without a session binding).
    public var csrfToken: String
    public var createdAt: Instant
    public var expiresAt: Instant

    public init(tokenDigest: String, accountID: String, csrfToken: String, createdAt: Instant, expiresAt: Instant) {
        self.tokenDigest = tokenDigest
        self.accountID = accountID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// One line of the audit log: who did or viewed what, when.
public struct AuditEvent: Sendable, Equatable {
    public var at: Instant
    public var accountID: String?
    public var action: String
    public var target: String
    public var detail: String?

    public init(at: Instant, accountID: String?, action: String, target: String, detail: String? = nil) {
        self.at = at
        self.accountID = accountID
        self.action = action
        self.target = target
        self.detail = detail
    }
}

/// An API token as the store keeps it: its digest, never the token.
public struct APITokenRecord: Sendable, Equatable {
    public var digest: String
    public var accountID: String
    public var label: String
    public var createdAt: Instant
    public var expiresAt: Instant?
    public var lastUsedAt: Instant?
    public var revokedAt: Instant?

    public init(digest: String, accountID: String, label: String, createdAt: Instant, expiresAt: Instant?, lastUsedAt: Instant?, revokedAt: Instant?) {
        self.digest = digest
        self.accountID = accountID
        self.label = label
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }

    /// The token's public name: the first 12 hex digits of its digest (which tell nothing of the token).
    public var id: String { String(digest.prefix(12)) }

    public func isLive(at now: Instant) -> Bool { revokedAt == nil && (expiresAt.map { $0 > now } ?? true) }
}

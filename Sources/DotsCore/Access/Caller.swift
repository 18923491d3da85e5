/// Who is asking a use case to do something, and through which door. Every use case that reads or changes the
/// partnership's data takes one, asks `AccessPolicy` about it, applies its agency scope and writes the audit
/// record, so a page, an API call and a command doing the same thing are held to the same rules.
public struct Caller: Sendable, Equatable {
    public enum Channel: String, Sendable, Codable {
        case page, api, cli
    }

    /// Nil for the command line, which runs on the hub as its operator and has no account.
    public let accountID: String?
    /// For the record: `updatedBy`, history, audit.
    public let name: String
    public let role: Role
    /// The agency an agency data lead acts for.
    public let agencyID: String?
    public let channel: Channel

    public init(accountID: String?, name: String, role: Role, agencyID: String?, channel: Channel) {
        self.accountID = accountID
        self.name = name
        self.role = role
        self.agencyID = agencyID
        self.channel = channel
    }

    /// The operator of the hub at the command line: whoever can run `dots` against the store can already read it,
    /// so the CLI acts as an admin, and says who it was in the audit record.
    public static func commandLine(user: String) -> Caller {
        Caller(accountID: nil, name: "\(user) (command line)", role: .admin, agencyID: nil, channel: .cli)
    }

    public var scope: AgencyScope { AccessPolicy.agencyScope(role, agencyID: agencyID) }

    /// How this caller may read young people's and families' free text.
    public var voiceText: VoiceTextAccess { AccessPolicy.voiceText(role, agencyID: agencyID) }

    public func can(_ permission: Permission) -> Bool { AccessPolicy.allows(role, permission) }

    /// Throws `AccessDenied` unless the policy lets this caller's role do `permission`.
    public func require(_ permission: Permission) throws(AccessDenied) {
        guard can(permission) else { throw AccessDenied("Your role (\(role.title)) does not give access to this.") }
    }

    /// Whether this caller may do `permission` to `agency`'s records: the role allows it and the agency is in scope.
    public func may(_ permission: Permission, agency: String) -> Bool { can(permission) && scope.includes(agency) }

    /// Throws `AccessDenied` with `refusal` unless `may(permission, agency:)`.
    public func require(_ permission: Permission, agency: String, _ refusal: String) throws(AccessDenied) {
        try require(permission)
        guard scope.includes(agency) else { throw AccessDenied(refusal) }
    }
}

/// The caller may not do this: 403 on the web, exit status 1 at the command line.
public struct AccessDenied: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// What the caller asked for does not exist (or is not theirs to know exists): 404 on the web.
public struct NotFound: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

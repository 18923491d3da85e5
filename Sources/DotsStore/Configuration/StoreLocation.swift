import DotsFramework
import Foundation

/// Where the hub's data lives: a SQLite file (the embedded default) or a PostgreSQL server.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    /// `schema` keeps a deployment's (or a test's) tables in their own PostgreSQL schema.
    case postgres(url: String, schema: String?)

    /// `DATABASE_URL` (postgres://…) if set, else a SQLite file at `defaultPath`.
    public static func fromEnvironment(_ env: [String: String], defaultPath: String) -> StoreLocation {
        if let url = env["DATABASE_URL"], !url.isEmpty { return parse(url) }
        return .sqlite(path: defaultPath)
    }

    /// `postgres://…` or `postgresql://…` is a server; `sqlite:PATH` or anything else is a SQLite file.
    public static func parse(_ text: String) -> StoreLocation {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") { return .postgres(url: text, schema: nil) }
        if text.hasPrefix("sqlite:") { return .sqlite(path: String(text.dropFirst("sqlite:".count))) }
        return .sqlite(path: text)
    }

    public var engine: SQLEngine {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .postgres
        }
    }

    /// Never shows a password.
    public var description: String {
        switch self {
        case .sqlite(let path): return "SQLite \(path)"
        case .postgres(let url, let schema):
            var redacted = url
            if let at = url.lastIndex(of: "@"), let scheme = url.range(of: "://") {
                redacted = String(url[..<scheme.upperBound]) + "…" + String(url[at...])
            }
            return "PostgreSQL \(redacted)\(schema.map { " (schema \($0))" } ?? "")"
        }
    }
}

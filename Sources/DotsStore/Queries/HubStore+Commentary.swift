import DotsGovernance
import FluentKit
import SQLKit

extension HubStore {
    /// Writes versions of commentary together (an approval also supersedes the version it replaces), or none.
    public func saveCommentary(_ versions: [Commentary]) async throws {
        try await database.transaction { tx in
            for c in versions {
                try await tx.sql.delete(from: "commentary").where("id", .equal, c.id).run()
                try await tx.sql.insert(into: "commentary").columns("id", "subject_key", "state", "commentary")
                    .values(SQLBind(c.id), SQLBind(c.key), SQLBind(c.state.rawValue), SQLBind(try StoreJSON.encode(c))).run()
            }
        }
    }

    /// Every version for one subject key, or all when nil.
    public func commentary(key: String? = nil) async throws -> [Commentary] {
        var q = sql.select().column("commentary").from("commentary")
        if let key { q = q.where("subject_key", .equal, key) }
        return try await q.orderBy("id").all().map { try StoreJSON.decode(Commentary.self, try $0.decode(column: "commentary", as: String.self)) }
    }

    public func commentary(id: String) async throws -> Commentary? {
        try await sql.select().column("commentary").from("commentary").where("id", .equal, id).first()
            .map { try StoreJSON.decode(Commentary.self, try $0.decode(column: "commentary", as: String.self)) }
    }
}

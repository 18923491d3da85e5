import DotsFramework
import FluentKit
import SQLKit

/// Areas, agencies and partnerships, with the dates they belonged together.
struct M0001_CreateReferenceTables: AsyncMigration {
    var name: String { "0001_CreateReferenceTables" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let date = SQLEngine(db).dateType
        try await db.raw(
            """
            CREATE TABLE areas (code TEXT PRIMARY KEY, name TEXT NOT NULL, level TEXT NOT NULL, parent_code TEXT)
            """
        ).run()
        try await db.raw(
            """
            CREATE TABLE agencies (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, datasets TEXT NOT NULL,
                valid_from \(unsafeRaw: date) NOT NULL, valid_to \(unsafeRaw: date))
            """
        ).run()
        try await db.raw(
            """
            CREATE TABLE agency_areas (agency_id TEXT NOT NULL, area_code TEXT NOT NULL, PRIMARY KEY (agency_id, area_code))
            """
        ).run()
        try await db.raw(
            """
            CREATE TABLE partnerships (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
                valid_from \(unsafeRaw: date) NOT NULL, valid_to \(unsafeRaw: date))
            """
        ).run()
        try await db.raw(
            """
            CREATE TABLE partnership_members (partnership_id TEXT NOT NULL, member_kind TEXT NOT NULL, member_id TEXT NOT NULL,
                valid_from \(unsafeRaw: date) NOT NULL, valid_to \(unsafeRaw: date), PRIMARY KEY (partnership_id, member_kind, member_id, valid_from))
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        for table in ["partnership_members", "partnerships", "agency_areas", "agencies", "areas"] {
            try await database.sql.drop(table: table).ifExists().run()
        }
    }
}

import FluentKit
import SQLKit

/// Area boundaries a partnership imports (`dots geography import`): wards, LSOAs or MSOAs, each with the district it
/// lies in, for maps finer than the bundled districts. The polygons are kept as GeoJSON coordinates.
struct M0025_CreateBoundaries: AsyncMigration {
    var name: String { "0025_CreateBoundaries" }

    func prepare(on database: any Database) async throws {
        try await database.sql.raw(
            """
            CREATE TABLE boundaries (code TEXT PRIMARY KEY, level TEXT NOT NULL, name TEXT NOT NULL, parent TEXT NOT NULL,
                attribution TEXT NOT NULL, coordinates TEXT NOT NULL)
            """
        ).run()
        try await database.sql.raw("CREATE INDEX boundaries_level_parent ON boundaries (level, parent)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(table: "boundaries").ifExists().run()
    }
}

import DotsCore
import DotsFramework
import FluentKit
import SQLKit

/// The table for stop and search by month, district, age range and object (`area_stops`), at schema version 1,
/// laid out as every dataset's table is.
struct M0021_CreateAreaStopsTable: AsyncMigration {
    var name: String { "0021_CreateAreaStopsTable" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        try await DatasetTable.create(.areaStops, on: db, engine: SQLEngine(db))
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(table: Dataset.areaStops.rawValue).ifExists().run()
    }
}

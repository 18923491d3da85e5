import DotsCore
import DotsFramework
import FluentKit
import SQLKit

/// Tables for the area-level datasets (`Dataset.areaLevel`: street-level crime by month, LSOA and type) and Ofsted's
/// Annex A List 8 (`Dataset.annexA`), at schema version 1, laid out as every dataset's table is.
struct M0020_CreateAreaTables: AsyncMigration {
    var name: String { "0020_CreateAreaTables" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let engine = SQLEngine(db)
        for dataset in Dataset.areaLevel + Dataset.annexA {
            let columns =
                ["submission_id TEXT NOT NULL", "agency_id TEXT NOT NULL"]
                + dataset.schema.fields(atVersion: 1).map { "\($0.name) \(engine.columnType($0.type))\($0.required ? " NOT NULL" : "")" }
            try await db.raw("CREATE TABLE \(ident: dataset.rawValue) (\(unsafeRaw: columns.joined(separator: ", ")))").run()
            try await db.raw("CREATE INDEX \(ident: dataset.rawValue + "_submission") ON \(ident: dataset.rawValue) (submission_id)").run()
        }
    }

    func revert(on database: any Database) async throws {
        for dataset in (Dataset.areaLevel + Dataset.annexA).reversed() {
            try await database.sql.drop(table: dataset.rawValue).ifExists().run()
        }
    }
}

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
            try await DatasetTable.create(dataset, on: db, engine: engine)
        }
    }

    func revert(on database: any Database) async throws {
        for dataset in (Dataset.areaLevel + Dataset.annexA).reversed() {
            try await database.sql.drop(table: dataset.rawValue).ifExists().run()
        }
    }
}

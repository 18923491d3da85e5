import DotsCore
import DotsFramework
import FluentKit
import SQLKit

/// Tables for street-level crime by month, LSOA and type and Ofsted's Annex A List 8, at schema version 1, laid out
/// as every dataset's table is. (The datasets are named, not taken from `Dataset.areaLevel`, which later migrations
/// extend: a migration must do the same thing whenever it runs.)
struct M0020_CreateAreaTables: AsyncMigration {
    var name: String { "0020_CreateAreaTables" }
    static let datasets: [Dataset] = [.areaCrime, .careSnapshot]

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let engine = SQLEngine(db)
        for dataset in Self.datasets {
            try await DatasetTable.create(dataset, on: db, engine: engine)
        }
    }

    func revert(on database: any Database) async throws {
        for dataset in Self.datasets.reversed() {
            try await database.sql.drop(table: dataset.rawValue).ifExists().run()
        }
    }
}

import DotsCore
import DotsFramework
import FluentKit
import SQLKit

/// Tables for what the statutory returns carry (`Dataset.returns`: CIN episodes, assessments, section 47
/// enquiries, protection plans and care episodes), at schema version 1, laid out as migration 0003 lays out every
/// dataset. Their event ids are indexed by agency: a later year's return that repeats an episode still open replaces
/// the earlier copy (`HubStore.accept`), which looks them up by id.
struct M0018_CreateReturnTables: AsyncMigration {
    var name: String { "0018_CreateReturnTables" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let engine = SQLEngine(db)
        for dataset in Dataset.returns {
            try await DatasetTable.create(dataset, on: db, engine: engine)
            try await DatasetTable.indexEvents(dataset, on: db)
        }
    }

    func revert(on database: any Database) async throws {
        for dataset in Dataset.returns.reversed() {
            try await database.sql.drop(table: dataset.rawValue).ifExists().run()
        }
    }
}

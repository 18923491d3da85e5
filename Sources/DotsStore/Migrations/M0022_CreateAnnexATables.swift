import DotsCore
import DotsFramework
import FluentKit
import SQLKit

/// Tables for Ofsted's Annex A List 1 (`contacts`) and List 2 (`early_help_assessments`), at schema version 1, laid
/// out as every dataset's table is. Their ids are indexed by agency: a later list's copy of a row replaces the
/// earlier (`HubStore.accept`), which looks them up by id.
struct M0022_CreateAnnexATables: AsyncMigration {
    var name: String { "0022_CreateAnnexATables" }
    static let datasets: [Dataset] = [.contacts, .earlyHelpAssessments]

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let engine = SQLEngine(db)
        for dataset in Self.datasets {
            try await DatasetTable.create(dataset, on: db, engine: engine)
            try await DatasetTable.indexEvents(dataset, on: db)
        }
    }

    func revert(on database: any Database) async throws {
        for dataset in Self.datasets.reversed() { try await database.sql.drop(table: dataset.rawValue).ifExists().run() }
    }
}

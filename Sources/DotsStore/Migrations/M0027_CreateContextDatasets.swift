import DotsCore
import DotsFramework
import FluentKit
import SQLKit

/// Tables for the datasets Dots keeps from its context records (`Dataset.aboutContexts`: contexts, reviews due,
/// young people linked), at schema version 1, laid out as every dataset's table is, so the framework counts them.
struct M0027_CreateContextDatasets: AsyncMigration {
    var name: String { "0027_CreateContextDatasets" }
    static let datasets: [Dataset] = [.contextRecords, .contextReviews, .contextChildren]

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let engine = SQLEngine(db)
        for dataset in Self.datasets { try await DatasetTable.create(dataset, on: db, engine: engine) }
    }

    func revert(on database: any Database) async throws {
        for dataset in Self.datasets.reversed() { try await database.sql.drop(table: dataset.rawValue).ifExists().run() }
    }
}

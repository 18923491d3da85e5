import DotsCore
import DotsFramework
import FluentKit
import SQLKit

/// One table per canonical dataset, at schema version 1. Each row keeps the submission and agency it came from.
/// Event tables are indexed by submission only: every extra index is paid on every row loaded (an index on a
/// random key roughly halves SQLite's insert rate), so indexes for queries come with the features that need them.
/// Columns are the version-1 fields only; each later schema version adds its columns in a migration of its own
/// (a test checks every table's columns against the current schema, so drift cannot go unnoticed).
struct M0003_CreateDatasetTables: AsyncMigration {
    var name: String { "0003_CreateDatasetTables" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let engine = SQLEngine(db)
        for dataset in Dataset.original {
            try await DatasetTable.create(dataset, on: db, engine: engine)
            if dataset == .people {
                // A person appears once per agency: the current submission replaces the last.
                try await db.raw("CREATE UNIQUE INDEX people_person ON people (agency_id, person_id)").run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        for dataset in Dataset.original.reversed() {
            try await database.sql.drop(table: dataset.rawValue).ifExists().run()
        }
    }
}

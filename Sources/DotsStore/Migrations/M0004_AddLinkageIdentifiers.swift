import DotsCore
import DotsFramework
import FluentKit
import SQLKit

/// People schema version 2: the pseudonyms and Bloom-filter encodings linkage compares.
struct M0004_AddLinkageIdentifiers: AsyncMigration {
    var name: String { "0004_AddLinkageIdentifiers" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let engine = SQLEngine(db)
        try await DatasetTable.addPeopleColumns(since: 2, on: db, engine: engine)
    }

    func revert(on database: any Database) async throws {
        for field in Dataset.people.schema.fields.reversed() where field.sinceVersion == 2 {
            try await database.sql.raw("ALTER TABLE people DROP COLUMN \(ident: field.name)").run()
        }
    }
}

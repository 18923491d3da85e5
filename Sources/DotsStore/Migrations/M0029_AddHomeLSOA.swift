import DotsCore
import DotsFramework
import FluentKit
import SQLKit

/// People schema version 5: the home LSOA, for the framework's figures by LSOA within each district. Rows from
/// earlier packages read it blank, and count in their district's "LSOA not recorded".
struct M0029_AddHomeLSOA: AsyncMigration {
    var name: String { "0029_AddHomeLSOA" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        try await DatasetTable.addPeopleColumns(since: 5, on: db, engine: SQLEngine(db))
    }

    func revert(on database: any Database) async throws {
        for field in Dataset.people.schema.fields.reversed() where field.sinceVersion == 5 {
            try await database.sql.raw("ALTER TABLE people DROP COLUMN \(ident: field.name)").run()
        }
    }
}

import DotsCore
import DotsFramework
import FluentKit
import SQLKit

/// People schema version 4: the keys that survive typing errors (keyed Soundex codes of each name, both names in
/// either order, day and month of birth whatever the year). Rows from earlier packages read them blank.
struct M0028_AddErrorTolerantKeys: AsyncMigration {
    var name: String { "0028_AddErrorTolerantKeys" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let engine = SQLEngine(db)
        try await DatasetTable.addPeopleColumns(since: 4, on: db, engine: engine)
    }

    func revert(on database: any Database) async throws {
        for field in Dataset.people.schema.fields.reversed() where field.sinceVersion == 4 {
            try await database.sql.raw("ALTER TABLE people DROP COLUMN \(ident: field.name)").run()
        }
    }
}

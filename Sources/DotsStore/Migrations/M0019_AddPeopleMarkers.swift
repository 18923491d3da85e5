import DotsCore
import DotsFramework
import FluentKit
import SQLKit

/// People schema version 3: the markers the returns carry (unaccompanied asylum-seeking child, young parent).
struct M0019_AddPeopleMarkers: AsyncMigration {
    var name: String { "0019_AddPeopleMarkers" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let engine = SQLEngine(db)
        try await DatasetTable.addPeopleColumns(since: 3, on: db, engine: engine)
    }

    func revert(on database: any Database) async throws {
        for field in Dataset.people.schema.fields.reversed() where field.sinceVersion == 3 {
            try await database.sql.raw("ALTER TABLE people DROP COLUMN \(ident: field.name)").run()
        }
    }
}

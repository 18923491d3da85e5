import DotsCore
import DotsFramework
import FluentKit
import SQLKit

/// A dataset's table as every dataset migration lays it out: the submission and agency, then the schema's columns at
/// version 1 (later versions add theirs in migrations of their own), indexed by submission. Migrations call it with
/// the datasets they add; what it writes must not change once a migration using it has been applied.
enum DatasetTable {
    static func create(_ dataset: Dataset, on db: any SQLDatabase, engine: SQLEngine) async throws {
        let columns =
            ["submission_id TEXT NOT NULL", "agency_id TEXT NOT NULL"]
            + dataset.schema.fields(atVersion: 1).map { "\($0.name) \(engine.columnType($0.type))\($0.required ? " NOT NULL" : "")" }
        try await db.raw("CREATE TABLE \(ident: dataset.rawValue) (\(unsafeRaw: columns.joined(separator: ", ")))").run()
        try await db.raw("CREATE INDEX \(ident: dataset.rawValue + "_submission") ON \(ident: dataset.rawValue) (submission_id)").run()
    }

    /// Indexes a dataset's event ids by agency: a later return's or list's copy of a row replaces the earlier
    /// (`HubStore.accept`), which looks them up by id.
    static func indexEvents(_ dataset: Dataset, on db: any SQLDatabase) async throws {
        try await db.raw(
            "CREATE INDEX \(ident: dataset.rawValue + "_event") ON \(ident: dataset.rawValue) (agency_id, \(ident: dataset.schema.primaryKey))"
        ).run()
    }

    /// Adds the people columns a schema version brought (each optional, so older rows read blank).
    static func addPeopleColumns(since version: Int, on db: any SQLDatabase, engine: SQLEngine) async throws {
        for field in Dataset.people.schema.fields where field.sinceVersion == version {
            try await db.raw("ALTER TABLE people ADD COLUMN \(ident: field.name) \(unsafeRaw: engine.columnType(field.type))").run()
        }
    }
}

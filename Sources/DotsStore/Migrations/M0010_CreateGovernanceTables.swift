import FluentKit
import SQLKit

/// The partnership's own method: maturity rounds and assessments (every submission kept), the data map,
/// action plans with their history, and data leads meetings. Each row keeps its document as JSON with the
/// columns views filter on beside it: these are small tables read whole, not analysed in SQL.
struct M0010_CreateGovernanceTables: AsyncMigration {
    var name: String { "0010_CreateGovernanceTables" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        try await db.raw("CREATE TABLE maturity_rounds (id TEXT PRIMARY KEY, opened TEXT NOT NULL, round TEXT NOT NULL)").run()
        try await db.raw(
            """
            CREATE TABLE maturity_assessments (round_id TEXT NOT NULL REFERENCES maturity_rounds(id), agency_id TEXT NOT NULL,
                status TEXT NOT NULL, assessment TEXT NOT NULL, PRIMARY KEY (round_id, agency_id))
            """
        ).run()
        // Every submission of an assessment, so a resubmission never loses what was submitted before.
        try await db.raw(
            """
            CREATE TABLE maturity_submissions (round_id TEXT NOT NULL, agency_id TEXT NOT NULL, number INTEGER NOT NULL,
                assessment TEXT NOT NULL, PRIMARY KEY (round_id, agency_id, number))
            """
        ).run()
        try await db.raw("CREATE TABLE datamap_entries (id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, dataset TEXT, entry TEXT NOT NULL)").run()
        try await db.raw("CREATE INDEX datamap_entries_agency ON datamap_entries (agency_id)").run()
        try await db.raw(
            """
            CREATE TABLE actions (id TEXT PRIMARY KEY, agency_id TEXT, owner_id TEXT, status TEXT NOT NULL, due TEXT NOT NULL,
                suggestion_key TEXT UNIQUE, meeting_id TEXT, action TEXT NOT NULL)
            """
        ).run()
        try await db.raw(
            "CREATE TABLE action_updates (action_id TEXT NOT NULL REFERENCES actions(id), number INTEGER NOT NULL, update_doc TEXT NOT NULL, PRIMARY KEY (action_id, number))"
        ).run()
        try await db.raw("CREATE TABLE meetings (id TEXT PRIMARY KEY, held_on TEXT NOT NULL, meeting TEXT NOT NULL)").run()
    }

    func revert(on database: any Database) async throws {
        for t in ["meetings", "action_updates", "actions", "datamap_entries", "maturity_submissions", "maturity_assessments", "maturity_rounds"] {
            try await database.sql.drop(table: t).ifExists().run()
        }
    }
}

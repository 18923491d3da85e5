import DotsCore
import DotsFramework
import FluentKit
import SQLKit

/// The voice of children, young people and families: the `voice_feedback` dataset's table (structured answers,
/// counted by the framework like every dataset), and the voice store (records with their free text, one-time
/// codes, alerts, the codebook, the coding log, agreement samples, quotes, "you said, we did", and each
/// partnership's settings). Documents are the JSON of DotsVoice's types; key columns are what queries filter on.
struct M0016_CreateVoiceTables: AsyncMigration {
    var name: String { "0016_CreateVoiceTables" }

    func prepare(on database: any Database) async throws {
        let db = database.sql
        let engine = SQLEngine(db)
        try await DatasetTable.create(.voiceFeedback, on: db, engine: engine)
        for statement in [
            "CREATE TABLE voice_records (id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, person_id TEXT NOT NULL, partnership TEXT NOT NULL, record_date TEXT NOT NULL, record TEXT NOT NULL)",
            "CREATE INDEX voice_records_person ON voice_records (agency_id, person_id)",
            "CREATE TABLE voice_codes (id TEXT PRIMARY KEY, digest TEXT NOT NULL UNIQUE, agency_id TEXT NOT NULL, state TEXT NOT NULL, code TEXT NOT NULL)",
            "CREATE TABLE voice_alerts (id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, is_open INTEGER NOT NULL, alert TEXT NOT NULL)",
            "CREATE TABLE voice_codebooks (version INTEGER PRIMARY KEY, codebook TEXT NOT NULL)",
            "CREATE TABLE voice_codings (id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, record_id TEXT NOT NULL, event TEXT NOT NULL)",
            "CREATE INDEX voice_codings_record ON voice_codings (record_id)",
            "CREATE TABLE voice_samples (id TEXT PRIMARY KEY, sample TEXT NOT NULL)",
            "CREATE TABLE voice_quotes (id TEXT PRIMARY KEY, record_id TEXT NOT NULL, state TEXT NOT NULL, quote TEXT NOT NULL)",
            "CREATE TABLE voice_said_did (id TEXT PRIMARY KEY, partnership TEXT NOT NULL, entry TEXT NOT NULL)",
            "CREATE TABLE voice_settings (partnership TEXT PRIMARY KEY, settings TEXT NOT NULL)",
        ] {
            try await db.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in [
            "voice_settings", "voice_said_did", "voice_quotes", "voice_samples", "voice_codings", "voice_codebooks", "voice_alerts", "voice_codes",
            "voice_records", "voice_feedback",
        ] {
            try await database.sql.drop(table: table).ifExists().run()
        }
    }
}

import DotsCore
import DotsFramework
import DotsVoice
import FluentKit
import SQLKit

/// The voice store: documents (the JSON of DotsVoice's types) with the key columns queries filter on.
extension HubStore {
    /// The `submission_id` of rows the hub itself adds to `voice_feedback` for feedback given or recorded in Dots
    /// (one per agency): an agency's imported surveys replace their own submissions, never these.
    public static func voiceSubmissionID(agency: String) -> String { "dots-voice:\(agency)" }

    // MARK: records

    /// Saves a record and, when its consent lets it be counted, its row of the `voice_feedback` dataset; together or not at all.
    public func saveVoiceRecord(_ r: VoiceRecord) async throws {
        try await database.transaction { tx in
            let db = tx.sql
            try await db.delete(from: "voice_records").where("id", .equal, r.id).run()
            try await db.insert(into: "voice_records").columns("id", "agency_id", "person_id", "partnership", "record_date", "record")
                .values(
                    SQLBind(r.id), SQLBind(r.agencyID), SQLBind(r.personID), SQLBind(r.partnership), SQLBind(r.date.description),
                    SQLBind(try StoreJSON.encode(r))
                )
                .run()
            try await Self.writeFeedbackRow(r, db)
        }
    }

    static func writeFeedbackRow(_ r: VoiceRecord, _ db: any SQLDatabase) async throws {
        let engine = SQLEngine(db)
        try await db.delete(from: "voice_feedback").where("submission_id", .equal, voiceSubmissionID(agency: r.agencyID)).where("feedback_id", .equal, r.id)
            .run()
        guard let row = r.datasetRow else { return }
        func text(_ f: String) -> any SQLExpression { row[f].map { SQLBind($0) } ?? SQLLiteral.null }
        let trusted: any SQLExpression = row["trusted_adult"].map { SQLBind($0 == "Y") } ?? SQLLiteral.null
        try await db.insert(into: "voice_feedback")
            .columns(
                "submission_id", "agency_id", "feedback_id", "person_id", "feedback_date", "source", "respondent", "feel_safe", "trusted_adult", "listened_to"
            )
            .values(
                SQLBind(voiceSubmissionID(agency: r.agencyID)), SQLBind(r.agencyID), SQLBind(r.id), SQLBind(r.personID), engine.date(r.date),
                SQLBind(r.source.rawValue), SQLBind(r.respondent.rawValue), text("feel_safe"), trusted, text("listened_to")
            ).run()
    }

    /// Records, filtered by agency, person and the earliest date; newest first.
    public func voiceRecords(agency: String? = nil, person: String? = nil, since: CalendarDate? = nil) async throws -> [VoiceRecord] {
        var q = sql.select().column("record").from("voice_records")
        if let agency { q = q.where("agency_id", .equal, agency) }
        if let person { q = q.where("person_id", .equal, person) }
        if let since { q = q.where("record_date", .greaterThanOrEqual, since.description) }
        return try await q.orderBy("record_date", .descending).orderBy("id", .descending).all()
            .map { try StoreJSON.decode(VoiceRecord.self, try $0.decode(column: "record", as: String.self)) }
    }

    public func voiceRecord(id: String) async throws -> VoiceRecord? {
        try await sql.select().column("record").from("voice_records").where("id", .equal, id).first()
            .map { try StoreJSON.decode(VoiceRecord.self, try $0.decode(column: "record", as: String.self)) }
    }

    /// Deletes records given before `before` in `partnership`, with their dataset rows, codings and quotes not yet
    /// published; returns how many records went.
    public func deleteVoiceRecords(partnership: String, before: CalendarDate) async throws -> Int {
        try await database.transaction { tx in
            let db = tx.sql
            let rows = try await db.select().column("id").column("agency_id").from("voice_records").where("partnership", .equal, partnership)
                .where("record_date", .lessThan, before.description).all()
            for row in rows {
                let id = try row.decode(column: "id", as: String.self), agency = try row.decode(column: "agency_id", as: String.self)
                try await db.delete(from: "voice_feedback").where("submission_id", .equal, Self.voiceSubmissionID(agency: agency))
                    .where("feedback_id", .equal, id).run()
                try await db.delete(from: "voice_codings").where("record_id", .equal, id).run()
                try await db.delete(from: "voice_quotes").where("record_id", .equal, id).run()
                try await db.delete(from: "voice_records").where("id", .equal, id).run()
            }
            return rows.count
        }
    }

    // MARK: codes and alerts

    public func saveFeedbackCode(_ c: FeedbackCode) async throws {
        try await sql.delete(from: "voice_codes").where("id", .equal, c.id).run()
        try await sql.insert(into: "voice_codes").columns("id", "digest", "agency_id", "state", "code")
            .values(SQLBind(c.id), SQLBind(c.digest), SQLBind(c.agencyID), SQLBind(c.state.rawValue), SQLBind(try StoreJSON.encode(c))).run()
    }

    public func feedbackCode(digest: String) async throws -> FeedbackCode? {
        try await sql.select().column("code").from("voice_codes").where("digest", .equal, digest).first()
            .map { try StoreJSON.decode(FeedbackCode.self, try $0.decode(column: "code", as: String.self)) }
    }

    public func feedbackCodes(agency: String? = nil) async throws -> [FeedbackCode] {
        var q = sql.select().column("code").from("voice_codes")
        if let agency { q = q.where("agency_id", .equal, agency) }
        return try await q.all().map { try StoreJSON.decode(FeedbackCode.self, try $0.decode(column: "code", as: String.self)) }
    }

    /// Sends a form: the record, its dataset row, the code used up and any alert, together or not at all.
    public func submitFeedback(code: FeedbackCode, record: VoiceRecord, alert: UnsafeAlert?) async throws {
        try await database.transaction { tx in
            let db = tx.sql
            try await db.insert(into: "voice_records").columns("id", "agency_id", "person_id", "partnership", "record_date", "record")
                .values(
                    SQLBind(record.id), SQLBind(record.agencyID), SQLBind(record.personID), SQLBind(record.partnership), SQLBind(record.date.description),
                    SQLBind(try StoreJSON.encode(record))
                ).run()
            try await Self.writeFeedbackRow(record, db)
            try await db.update("voice_codes").set("state", to: SQLBind(code.state.rawValue)).set("code", to: SQLBind(try StoreJSON.encode(code)))
                .where("id", .equal, code.id).run()
            if let alert { try await Self.insertAlert(alert, db) }
        }
    }

    static func insertAlert(_ a: UnsafeAlert, _ db: any SQLDatabase) async throws {
        try await db.delete(from: "voice_alerts").where("id", .equal, a.id).run()
        try await db.insert(into: "voice_alerts").columns("id", "agency_id", "is_open", "alert")
            .values(SQLBind(a.id), SQLBind(a.agencyID), SQLBind(a.isOpen ? 1 : 0), SQLBind(try StoreJSON.encode(a))).run()
    }

    public func saveUnsafeAlert(_ a: UnsafeAlert) async throws { try await Self.insertAlert(a, sql) }

    public func unsafeAlerts(agency: String? = nil, openOnly: Bool = false) async throws -> [UnsafeAlert] {
        var q = sql.select().column("alert").from("voice_alerts")
        if let agency { q = q.where("agency_id", .equal, agency) }
        if openOnly { q = q.where("is_open", .equal, 1) }
        return try await q.all().map { try StoreJSON.decode(UnsafeAlert.self, try $0.decode(column: "alert", as: String.self)) }
            .sorted { ($0.raisedAt, $0.id) > ($1.raisedAt, $1.id) }
    }

    /// How many alerts are open for one agency.
    public func openAlertCount(agency: String) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("voice_alerts").where("agency_id", .equal, agency)
            .where("is_open", .equal, 1).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    // MARK: codebook, codings, samples

    public func saveCodebook(_ b: Codebook) async throws {
        try await sql.insert(into: "voice_codebooks").columns("version", "codebook").values(SQLBind(b.version), SQLBind(try StoreJSON.encode(b))).run()
    }

    public func codebooks() async throws -> [Codebook] {
        try await sql.select().column("codebook").from("voice_codebooks").orderBy("version").all()
            .map { try StoreJSON.decode(Codebook.self, try $0.decode(column: "codebook", as: String.self)) }
    }

    /// Appends to the coding log (never updated or deleted but with the record it belongs to), numbering each
    /// change in the order written (two writers at once: one fails on the unique number and nothing of it is kept).
    public func appendCodings(_ events: [CodingEvent]) async throws {
        guard !events.isEmpty else { return }
        try await database.transaction { tx in
            var seq =
                try await tx.sql.select().column(SQLRaw("COALESCE(MAX(seq), 0)"), as: "n").from("voice_codings").first()?.decode(column: "n", as: Int.self) ?? 0
            for var e in events {
                seq += 1
                e.seq = seq
                try await tx.sql.insert(into: "voice_codings").columns("id", "seq", "record_id", "event")
                    .values(SQLBind(e.id), SQLBind(seq), SQLBind(e.recordID), SQLBind(try StoreJSON.encode(e))).run()
            }
        }
    }

    public func codingEvents(record: String? = nil) async throws -> [CodingEvent] {
        var q = sql.select().column("event").from("voice_codings")
        if let record { q = q.where("record_id", .equal, record) }
        return Codings.inOrder(try await q.all().map { try StoreJSON.decode(CodingEvent.self, try $0.decode(column: "event", as: String.self)) })
    }

    public func saveAgreementSample(_ s: AgreementSample) async throws {
        try await sql.insert(into: "voice_samples").columns("id", "sample").values(SQLBind(s.id), SQLBind(try StoreJSON.encode(s))).run()
    }

    public func agreementSamples() async throws -> [AgreementSample] {
        try await sql.select().column("sample").from("voice_samples").all()
            .map { try StoreJSON.decode(AgreementSample.self, try $0.decode(column: "sample", as: String.self)) }.sorted { $0.drawnAt > $1.drawnAt }
    }

    // MARK: quotes, you said / we did, settings

    public func saveQuote(_ q: QuoteRequest) async throws {
        try await sql.delete(from: "voice_quotes").where("id", .equal, q.id).run()
        try await sql.insert(into: "voice_quotes").columns("id", "record_id", "state", "quote")
            .values(SQLBind(q.id), SQLBind(q.recordID), SQLBind(q.state.rawValue), SQLBind(try StoreJSON.encode(q))).run()
    }

    public func quotes() async throws -> [QuoteRequest] {
        try await sql.select().column("quote").from("voice_quotes").all()
            .map { try StoreJSON.decode(QuoteRequest.self, try $0.decode(column: "quote", as: String.self)) }.sorted {
                ($0.proposedAt, $0.id) < ($1.proposedAt, $1.id)
            }
    }

    public func saveSaidDid(_ e: YouSaidWeDid) async throws {
        try await sql.delete(from: "voice_said_did").where("id", .equal, e.id).run()
        try await sql.insert(into: "voice_said_did").columns("id", "partnership", "entry")
            .values(SQLBind(e.id), SQLBind(e.partnership), SQLBind(try StoreJSON.encode(e))).run()
    }

    public func saidDid(partnership: String? = nil) async throws -> [YouSaidWeDid] {
        var q = sql.select().column("entry").from("voice_said_did")
        if let partnership { q = q.where("partnership", .equal, partnership) }
        return try await q.all().map { try StoreJSON.decode(YouSaidWeDid.self, try $0.decode(column: "entry", as: String.self)) }
            .sorted { ($0.recordedAt, $0.id) > ($1.recordedAt, $1.id) }
    }

    public func saveVoiceSettings(_ s: VoiceSettings) async throws {
        try await sql.delete(from: "voice_settings").where("partnership", .equal, s.partnership).run()
        try await sql.insert(into: "voice_settings").columns("partnership", "settings").values(SQLBind(s.partnership), SQLBind(try StoreJSON.encode(s))).run()
    }

    public func voiceSettings(partnership: String) async throws -> VoiceSettings? {
        try await sql.select().column("settings").from("voice_settings").where("partnership", .equal, partnership).first()
            .map { try StoreJSON.decode(VoiceSettings.self, try $0.decode(column: "settings", as: String.self)) }
    }
}

import DotsCore
import DotsGovernance
import FluentKit
import SQLKit

/// Maturity rounds and assessments, the data map, action plans and meetings.
extension HubStore {
    // MARK: maturity

    public func createMaturityRound(_ r: MaturityRound) async throws {
        try await sql.insert(into: "maturity_rounds").columns("id", "opened", "round")
            .values(SQLBind(r.id), SQLBind(r.opened.description), SQLBind(try StoreJSON.encode(r))).run()
    }

    /// Every round, newest first.
    public func maturityRounds() async throws -> [MaturityRound] {
        try await sql.select().column("round").from("maturity_rounds").orderBy("opened", .descending).orderBy("id", .descending).all()
            .map { try StoreJSON.decode(MaturityRound.self, try $0.decode(column: "round", as: String.self)) }
    }

    public func maturityAssessments(round: String) async throws -> [MaturityAssessment] {
        try await sql.select().column("assessment").from("maturity_assessments").where("round_id", .equal, round).orderBy("agency_id").all()
            .map { try StoreJSON.decode(MaturityAssessment.self, try $0.decode(column: "assessment", as: String.self)) }
    }

    public func maturityAssessment(round: String, agency: String) async throws -> MaturityAssessment? {
        try await sql.select().column("assessment").from("maturity_assessments").where("round_id", .equal, round).where("agency_id", .equal, agency).first()
            .map { try StoreJSON.decode(MaturityAssessment.self, try $0.decode(column: "assessment", as: String.self)) }
    }

    /// Saves an assessment (draft or submitted) in place; a submitted one is also kept in the history, numbered.
    public func saveMaturityAssessment(_ a: MaturityAssessment) async throws {
        let doc = try StoreJSON.encode(a)
        try await database.transaction { tx in
            let db = tx.sql
            try await db.delete(from: "maturity_assessments").where("round_id", .equal, a.roundID).where("agency_id", .equal, a.agencyID).run()
            try await db.insert(into: "maturity_assessments").columns("round_id", "agency_id", "status", "assessment")
                .values(SQLBind(a.roundID), SQLBind(a.agencyID), SQLBind(a.status.rawValue), SQLBind(doc)).run()
            if a.status == .submitted {
                try await db.insert(into: "maturity_submissions").columns("round_id", "agency_id", "number", "assessment")
                    .values(SQLBind(a.roundID), SQLBind(a.agencyID), SQLBind(a.submissions), SQLBind(doc)).run()
            }
        }
    }

    /// Every submission of one agency's assessment in a round, first first.
    public func maturitySubmissions(round: String, agency: String) async throws -> [MaturityAssessment] {
        try await sql.select().column("assessment").from("maturity_submissions").where("round_id", .equal, round).where("agency_id", .equal, agency)
            .orderBy("number").all().map { try StoreJSON.decode(MaturityAssessment.self, try $0.decode(column: "assessment", as: String.self)) }
    }

    // MARK: data map

    public func saveDataMapEntry(_ e: DataMapEntry) async throws {
        let doc = try StoreJSON.encode(e)
        try await database.transaction { tx in
            try await tx.sql.delete(from: "datamap_entries").where("id", .equal, e.id).run()
            try await tx.sql.insert(into: "datamap_entries").columns("id", "agency_id", "dataset", "entry")
                .values(SQLBind(e.id), SQLBind(e.agencyID), SQLBind(e.dataset?.rawValue), SQLBind(doc)).run()
        }
    }

    /// The data map, for one agency or all, by agency then name.
    public func dataMapEntries(agency: String? = nil) async throws -> [DataMapEntry] {
        var q = sql.select().column("entry").from("datamap_entries")
        if let agency { q = q.where("agency_id", .equal, agency) }
        return try await q.all().map { try StoreJSON.decode(DataMapEntry.self, try $0.decode(column: "entry", as: String.self)) }
            .sorted { ($0.agencyID, $0.name) < ($1.agencyID, $1.name) }
    }

    public func dataMapEntry(id: String) async throws -> DataMapEntry? {
        try await sql.select().column("entry").from("datamap_entries").where("id", .equal, id).first()
            .map { try StoreJSON.decode(DataMapEntry.self, try $0.decode(column: "entry", as: String.self)) }
    }

    public func deleteDataMapEntry(id: String) async throws {
        try await sql.delete(from: "datamap_entries").where("id", .equal, id).run()
    }

    // MARK: actions

    /// Saves an action and, when given, the update that changed it, together.
    public func saveAction(_ a: ActionItem, update: ActionUpdate? = nil) async throws {
        let doc = try StoreJSON.encode(a)
        try await database.transaction { tx in
            let db = tx.sql
            // Updated in place: its history rows refer to it.
            if try await db.select().column("id").from("actions").where("id", .equal, a.id).first() != nil {
                try await db.update("actions").set("agency_id", to: SQLBind(a.agencyID)).set("owner_id", to: SQLBind(a.ownerID))
                    .set("status", to: SQLBind(a.status.rawValue)).set("due", to: SQLBind(a.due.description)).set(
                        "suggestion_key", to: SQLBind(a.suggestionKey)
                    )
                    .set("meeting_id", to: SQLBind(a.meetingID)).set("action", to: SQLBind(doc)).where("id", .equal, a.id).run()
            } else {
                try await db.insert(into: "actions").columns("id", "agency_id", "owner_id", "status", "due", "suggestion_key", "meeting_id", "action")
                    .values(
                        SQLBind(a.id), SQLBind(a.agencyID), SQLBind(a.ownerID), SQLBind(a.status.rawValue), SQLBind(a.due.description),
                        SQLBind(a.suggestionKey), SQLBind(a.meetingID), SQLBind(doc)
                    ).run()
            }
            if let update {
                let n =
                    try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("action_updates")
                    .where("action_id", .equal, a.id).first()?.decode(column: "n", as: Int.self) ?? 0
                try await db.insert(into: "action_updates").columns("action_id", "number", "update_doc")
                    .values(SQLBind(a.id), SQLBind(n + 1), SQLBind(try StoreJSON.encode(update))).run()
            }
        }
    }

    /// Every action, by due date.
    public func actions() async throws -> [ActionItem] {
        try await sql.select().column("action").from("actions").orderBy("due").orderBy("id").all()
            .map { try StoreJSON.decode(ActionItem.self, try $0.decode(column: "action", as: String.self)) }
    }

    public func action(id: String) async throws -> ActionItem? {
        try await sql.select().column("action").from("actions").where("id", .equal, id).first()
            .map { try StoreJSON.decode(ActionItem.self, try $0.decode(column: "action", as: String.self)) }
    }

    /// An action's history, oldest first.
    public func actionUpdates(id: String) async throws -> [ActionUpdate] {
        try await sql.select().column("update_doc").from("action_updates").where("action_id", .equal, id).orderBy("number").all()
            .map { try StoreJSON.decode(ActionUpdate.self, try $0.decode(column: "update_doc", as: String.self)) }
    }

    /// The suggestions already turned into actions.
    public func actionSuggestionKeys() async throws -> Set<String> {
        Set(
            try await sql.select().column("suggestion_key").from("actions").where("suggestion_key", .isNot, SQLLiteral.null).all()
                .map { try $0.decode(column: "suggestion_key", as: String.self) })
    }

    // MARK: meetings

    public func saveMeeting(_ m: DataLeadsMeeting) async throws {
        let doc = try StoreJSON.encode(m)
        try await database.transaction { tx in
            try await tx.sql.delete(from: "meetings").where("id", .equal, m.id).run()
            try await tx.sql.insert(into: "meetings").columns("id", "held_on", "meeting").values(SQLBind(m.id), SQLBind(m.heldOn.description), SQLBind(doc))
                .run()
        }
    }

    /// Meetings, newest first.
    public func meetings() async throws -> [DataLeadsMeeting] {
        try await sql.select().column("meeting").from("meetings").orderBy("held_on", .descending).orderBy("id").all()
            .map { try StoreJSON.decode(DataLeadsMeeting.self, try $0.decode(column: "meeting", as: String.self)) }
    }

    public func meeting(id: String) async throws -> DataLeadsMeeting? {
        try await sql.select().column("meeting").from("meetings").where("id", .equal, id).first()
            .map { try StoreJSON.decode(DataLeadsMeeting.self, try $0.decode(column: "meeting", as: String.self)) }
    }
}

import DotsContexts
import DotsCore
import DotsFramework
import FluentKit
import SQLKit

/// Contexts of extra-familial harm and the young people linked to them.
extension HubStore {
    /// Saves a context, new or changed (in place: its links refer to it).
    public func saveContext(_ c: SafeguardingContext) async throws {
        try await sql.insert(into: "contexts").columns("id", "agency_id", "stage", "context")
            .values(SQLBind(c.id), SQLBind(c.agencyID), SQLBind(c.stage.rawValue), SQLBind(try StoreJSON.encode(c)))
            .onConflict(with: ["id"]) { $0.set(excludedValueOf: "stage").set(excludedValueOf: "context") }.run()
    }

    public func contexts() async throws -> [SafeguardingContext] {
        try await sql.select().column("context").from("contexts").orderBy("id").all()
            .map { try StoreJSON.decode(SafeguardingContext.self, try $0.decode(column: "context", as: String.self)) }
    }

    public func context(id: String) async throws -> SafeguardingContext? {
        try await sql.select().column("context").from("contexts").where("id", .equal, id).first()
            .map { try StoreJSON.decode(SafeguardingContext.self, try $0.decode(column: "context", as: String.self)) }
    }

    /// Saves a link, new or changed.
    public func saveContextLink(_ l: ContextLink) async throws {
        try await sql.insert(into: "context_links").columns("id", "context_id", "person_id", "link")
            .values(SQLBind(l.id), SQLBind(l.contextID), SQLBind(l.personID), SQLBind(try StoreJSON.encode(l)))
            .onConflict(with: ["id"]) { $0.set(excludedValueOf: "link") }.run()
    }

    /// Links, all or of one context or one young person.
    public func contextLinks(context: String? = nil, person: String? = nil) async throws -> [ContextLink] {
        var q = sql.select().column("link").from("context_links")
        if let context { q = q.where("context_id", .equal, context) }
        if let person { q = q.where("person_id", .equal, person) }
        return try await q.orderBy("id").all().map { try StoreJSON.decode(ContextLink.self, try $0.decode(column: "link", as: String.self)) }
    }
}

/// The datasets Dots keeps from its context records, for the framework.
extension HubStore {
    /// Replaces the rows Dots keeps in the datasets about contexts (`Dataset.aboutContexts`, under
    /// `Dataset.contextsSubmissionID`) with these, all at once or not at all; rows an agency submitted stay.
    public func replaceContextRows(_ rows: [Dataset: [[String: String]]]) async throws {
        try await database.transaction { tx in
            let db = tx.sql
            let engine = SQLEngine(db)
            for dataset in Dataset.aboutContexts {
                try await db.delete(from: dataset.rawValue).where("submission_id", .equal, Dataset.contextsSubmissionID).run()
                let fields = dataset.schema.fields
                for chunk in (rows[dataset] ?? []).chunked(500) {
                    var insert = db.insert(into: dataset.rawValue).columns(["submission_id", "agency_id"] + fields.map(\.name))
                    for row in chunk {
                        var values: [any SQLExpression] = [SQLBind(Dataset.contextsSubmissionID), SQLBind(row["agency_id"] ?? "dots")]
                        for field in fields {
                            guard let v = row[field.name] else {
                                values.append(SQLLiteral.null)
                                continue
                            }
                            switch field.type {
                            case .date: values.append(CalendarDate(iso: v).map(engine.date) ?? SQLLiteral.null)
                            case .boolean: values.append(SQLBind(v == "Y"))
                            default: values.append(SQLBind(v))
                            }
                        }
                        insert = insert.values(values)
                    }
                    try await insert.run()
                }
            }
        }
    }
}

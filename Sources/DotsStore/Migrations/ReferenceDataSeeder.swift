import DotsCore
import SQLKit

/// Writes the partnership model (areas, agencies, partnerships and memberships) into the store, replacing what
/// was there, so SQL can join on it. The model is configuration: re-seeding is safe and idempotent.
struct ReferenceDataSeeder {
    let model: PartnershipModel

    func seed(_ db: any SQLDatabase) async throws {
        let engine = SQLEngine(db)
        func date(_ d: CalendarDate?) -> any SQLExpression {
            guard let d else { return SQLLiteral.null }
            return engine == .postgres ? SQLRaw("DATE '\(d)'") : SQLBind(d.description)
        }
        for table in ["partnership_members", "partnerships", "agency_areas", "agencies", "areas"] {
            try await db.delete(from: table).run()
        }
        for a in model.areas {
            try await db.insert(into: "areas").columns("code", "name", "level", "parent_code")
                .values(SQLBind(a.code), SQLBind(a.name), SQLBind(a.level.rawValue), a.parent.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null).run()
        }
        for a in model.agencies {
            try await db.insert(into: "agencies").columns("id", "name", "kind", "datasets", "valid_from", "valid_to")
                .values(SQLBind(a.id), SQLBind(a.name), SQLBind(a.kind.rawValue), SQLBind(a.datasets.map(\.rawValue).joined(separator: ";")),
                        date(a.valid.start), date(a.valid.end)).run()
            for code in a.areas {
                try await db.insert(into: "agency_areas").columns("agency_id", "area_code").values(SQLBind(a.id), SQLBind(code)).run()
            }
        }
        for p in model.partnerships {
            try await db.insert(into: "partnerships").columns("id", "name", "kind", "valid_from", "valid_to")
                .values(SQLBind(p.id), SQLBind(p.name), SQLBind(p.kind.rawValue), date(p.valid.start), date(p.valid.end)).run()
            for (kind, members) in [("area", p.areas), ("agency", p.agencies)] {
                for m in members {
                    try await db.insert(into: "partnership_members").columns("partnership_id", "member_kind", "member_id", "valid_from", "valid_to")
                        .values(SQLBind(p.id), SQLBind(kind), SQLBind(m.id), date(m.valid.start), date(m.valid.end)).run()
                }
            }
        }
    }
}

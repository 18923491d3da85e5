import DotsCore
import DotsFramework
import Foundation
import SQLKit

/// Writes the partnership model (areas, agencies, partnerships and memberships) into the store, replacing what
/// was there, so SQL can join on it. The model is configuration: re-seeding is safe and idempotent.
struct ReferenceDataSeeder {
    let model: PartnershipModel

    /// A fingerprint of the model (FNV-1a of its sorted JSON), so an unchanged model is not written again at every start.
    var fingerprint: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = (try? encoder.encode(model)) ?? Data()
        let hash = bytes.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }

    func seedIfChanged(_ db: any SQLDatabase) async throws {
        let current = try await db.select().column("value").from("store_meta").where("key", .equal, "reference_fingerprint").first()?
            .decode(column: "value", as: String.self)
        guard current != fingerprint else { return }
        try await seed(db)
        try await db.delete(from: "store_meta").where("key", .equal, "reference_fingerprint").run()
        try await db.insert(into: "store_meta").columns("key", "value").values(SQLBind("reference_fingerprint"), SQLBind(fingerprint)).run()
    }

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
                .values(
                    SQLBind(a.id), SQLBind(a.name), SQLBind(a.kind.rawValue), SQLBind(a.datasets.map(\.rawValue).joined(separator: ";")),
                    date(a.valid.start), date(a.valid.end)
                ).run()
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

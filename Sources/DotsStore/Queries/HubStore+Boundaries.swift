import DotsCore
import FluentKit
import Foundation
import SQLKit

/// Imported area boundaries (wards, LSOAs, MSOAs), by level and the district each lies in.
extension HubStore {
    public struct StoredBoundary: Sendable {
        public let code: String, name: String, level: Area.Level, parent: String, attribution: String
        public let coordinates: [[[[Double]]]]

        public init(code: String, name: String, level: Area.Level, parent: String, attribution: String, coordinates: [[[[Double]]]]) {
            self.code = code
            self.name = name
            self.level = level
            self.parent = parent
            self.attribution = attribution
            self.coordinates = coordinates
        }
    }

    /// Saves boundaries in one go, each replacing any of the same code.
    public func saveBoundaries(_ items: [StoredBoundary]) async throws {
        try await database.transaction { tx in
            for b in items {
                let coordinates = String(decoding: try JSONEncoder().encode(b.coordinates), as: UTF8.self)
                try await tx.sql.delete(from: "boundaries").where("code", .equal, b.code).run()
                try await tx.sql.insert(into: "boundaries").columns("code", "level", "name", "parent", "attribution", "coordinates")
                    .values(SQLBind(b.code), SQLBind(b.level.rawValue), SQLBind(b.name), SQLBind(b.parent), SQLBind(b.attribution), SQLBind(coordinates)).run()
            }
        }
    }

    /// Boundaries of one level, optionally within one district.
    public func boundaries(level: Area.Level, within parent: String? = nil) async throws -> [StoredBoundary] {
        var q = sql.select().columns("code", "name", "level", "parent", "attribution", "coordinates").from("boundaries").where("level", .equal, level.rawValue)
        if let parent { q = q.where("parent", .equal, parent) }
        return try await q.orderBy("code").all().map { row in
            StoredBoundary(
                code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self), level: level,
                parent: try row.decode(column: "parent", as: String.self), attribution: try row.decode(column: "attribution", as: String.self),
                coordinates: try JSONDecoder().decode([[[[Double]]]].self, from: Data(try row.decode(column: "coordinates", as: String.self).utf8)))
        }
    }

    /// The codes of one level's boundaries with the district each lies in, without their outlines.
    public func boundaryCodes(level: Area.Level) async throws -> [(code: String, district: String)] {
        try await sql.select().columns("code", "parent").from("boundaries").where("level", .equal, level.rawValue).orderBy("code").all().map {
            (try $0.decode(column: "code", as: String.self), try $0.decode(column: "parent", as: String.self))
        }
    }

    /// How many boundaries of each level are held.
    public func boundaryLevels() async throws -> [Area.Level: Int] {
        var out: [Area.Level: Int] = [:]
        for row in try await sql.select().column("level").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("boundaries").groupBy("level").all()
        {
            if let level = Area.Level(rawValue: try row.decode(column: "level", as: String.self)) { out[level] = try row.decode(column: "n", as: Int.self) }
        }
        return out
    }

    /// Street-level crimes of one type by LSOA within one district, months `from` to `to`.
    public func areaCrimeByLSOA(district: String, type: String, from: CalendarDate, to: CalendarDate) async throws -> [String: Int] {
        var out: [String: Int] = [:]
        let rows = try await sql.select().column("lsoa").column(SQLFunction("SUM", args: SQLColumn("crimes")), as: "n").from("area_crime")
            .where("local_authority", .equal, district).where("crime_type", .equal, type)
            .where(SQLRaw("month_start"), .greaterThanOrEqual, engine.date(from)).where(SQLRaw("month_start"), .lessThanOrEqual, engine.date(to))
            .groupBy("lsoa").all()
        for row in rows { out[try row.decode(column: "lsoa", as: String.self)] = try row.decode(column: "n", as: Int.self) }
        return out
    }
}

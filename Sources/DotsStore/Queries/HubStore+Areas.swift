import DotsCore
import DotsFramework
import SQLKit

extension HubStore {
    /// The first and last months the area-level dataset holds, nil when it holds none.
    public func areaMonths(_ dataset: Dataset) async throws -> (first: CalendarDate, last: CalendarDate)? {
        let row = try await sql.select().column(SQLRaw("MIN(\(engine.dateText("month_start")))"), as: "a")
            .column(SQLRaw("MAX(\(engine.dateText("month_start")))"), as: "b").from(dataset.rawValue).first()
        guard let a = try row?.decode(column: "a", as: String?.self), let b = try row?.decode(column: "b", as: String?.self),
            let first = CalendarDate(iso: a), let last = CalendarDate(iso: b)
        else { return nil }
        return (first, last)
    }

    /// Street-level crimes by local authority and crime type, months `from` to `to` (their first days).
    public func areaCrimeTotals(from: CalendarDate, to: CalendarDate) async throws -> [(area: String, type: String, crimes: Int)] {
        try await sql.select().column("local_authority").column("crime_type").column(SQLFunction("SUM", args: SQLColumn("crimes")), as: "n")
            .from("area_crime").where(SQLRaw("month_start"), .greaterThanOrEqual, engine.date(from)).where(
                SQLRaw("month_start"), .lessThanOrEqual, engine.date(to)
            )
            .where("local_authority", .isNot, SQLLiteral.null).groupBy("local_authority").groupBy("crime_type").all()
            .map {
                (
                    try $0.decode(column: "local_authority", as: String.self), try $0.decode(column: "crime_type", as: String.self),
                    try $0.decode(column: "n", as: Int.self)
                )
            }
    }

    /// Stops and searches by district and age range, with how many found the object and ended in arrest.
    public func areaStopTotals(from: CalendarDate, to: CalendarDate) async throws -> [(area: String, age: String, searches: Int, found: Int, arrests: Int)] {
        try await sql.select().column("local_authority").column("age_range").column(SQLFunction("SUM", args: SQLColumn("searches")), as: "s")
            .column(SQLFunction("SUM", args: SQLColumn("found")), as: "f").column(SQLFunction("SUM", args: SQLColumn("arrests")), as: "a")
            .from("area_stops").where(SQLRaw("month_start"), .greaterThanOrEqual, engine.date(from)).where(
                SQLRaw("month_start"), .lessThanOrEqual, engine.date(to)
            )
            .groupBy("local_authority").groupBy("age_range").all()
            .map {
                (
                    try $0.decode(column: "local_authority", as: String.self), try $0.decode(column: "age_range", as: String.self),
                    try $0.decode(column: "s", as: Int.self), try $0.decode(column: "f", as: Int.self), try $0.decode(column: "a", as: Int.self)
                )
            }
    }
}

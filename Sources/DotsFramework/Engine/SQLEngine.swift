import DotsCore
import Foundation

/// The two engines a Dots store runs on: the one name the store, the framework's SQL compiler and the tests use.
/// Here, where the generated SQL differs between them. Everything else the compiler writes is standard SQL both
/// SQLite (3.39+) and PostgreSQL (13+) run unchanged: CTEs, window functions, `VALUES`, `UNION ALL`.
public enum SQLEngine: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite, postgres

    public var description: String { rawValue }

    /// A quoted text literal. Only values the framework validator has checked against code lists reach here, but
    /// quoting still doubles any `'`, so a literal can never end early.
    public func text(_ value: String) -> String { "'" + value.replacingOccurrences(of: "'", with: "''") + "'" }

    public func date(_ d: CalendarDate) -> String { self == .postgres ? "DATE '\(d)'" : "'\(d)'" }

    /// A Y/N column read as true (SQLite stores 1/0, PostgreSQL a boolean).
    public func isTrue(_ column: String) -> String { self == .postgres ? "\(column) IS TRUE" : "\(column) = 1" }
    public func isFalse(_ column: String) -> String { self == .postgres ? "\(column) IS FALSE" : "\(column) = 0" }

    /// The UK calendar date of a date or date-time column. Date-times are stored as instants; the date a person in
    /// England would give is the local one, an hour ahead of UTC in summer. PostgreSQL knows the zone; for SQLite
    /// the summer-time ranges of the years in play are written out (from the same table `UKTime` uses).
    public func ukDay(_ column: String, isDateTime: Bool, years: ClosedRange<Int>) -> String {
        guard isDateTime else { return column }
        if self == .postgres { return "(\(column) AT TIME ZONE 'Europe/London')::date" }
        let summer = years.map { "(\(column) >= '\(UKTime.bstStart($0))' AND \(column) < '\(UKTime.bstEnd($0))')" }
        return "date(\(column), CASE WHEN \(summer.joined(separator: " OR ")) THEN '+1 hours' ELSE '+0 hours' END)"
    }

    /// Months since year 0 (`year * 12 + month - 1`, as `YearMonth.index`) of a UK day expression.
    public func monthIndex(_ day: String) -> String {
        self == .postgres
            ? "(EXTRACT(YEAR FROM \(day))::int * 12 + EXTRACT(MONTH FROM \(day))::int - 1)"
            : "(CAST(substr(\(day), 1, 4) AS INTEGER) * 12 + CAST(substr(\(day), 6, 2) AS INTEGER) - 1)"
    }

    /// The month index of a `YYYY-MM` text column (a degraded date of birth).
    public func yearMonthIndex(_ column: String) -> String {
        "(CAST(substr(\(column), 1, 4) AS INTEGER) * 12 + CAST(substr(\(column), 6, 2) AS INTEGER) - 1)"
    }

    /// Whole days since a fixed day, for day windows.
    public func dayNumber(_ day: String) -> String {
        self == .postgres ? "(\(day) - DATE '2000-01-01')" : "CAST(julianday(\(day)) - 2451544.5 AS INTEGER)"
    }

    /// Elapsed real time between two columns, in hours (instants) or days (dates): real hours across clock changes.
    public func elapsed(from: String, to: String, isDateTime: Bool, unit: MeasureSpec.DurationUnit) -> String {
        let hours: String, days: String
        if isDateTime {
            hours =
                self == .postgres
                ? "(CAST(EXTRACT(EPOCH FROM (\(to) - \(from))) AS DOUBLE PRECISION) / 3600.0)" : "((unixepoch(\(to)) - unixepoch(\(from))) / 3600.0)"
            days = "(\(hours) / 24.0)"
        } else {
            days = self == .postgres ? "CAST(\(to) - \(from) AS DOUBLE PRECISION)" : "(julianday(\(to)) - julianday(\(from)))"
            hours = "(\(days) * 24.0)"
        }
        return unit == .hours ? hours : days
    }
}

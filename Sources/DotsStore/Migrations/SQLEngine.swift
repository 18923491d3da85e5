import DotsCore
import DotsFramework
import FluentKit
import SQLKit

/// Where the store's own SQL differs between the engines (column types); the framework's differences are in
/// DotsFramework's `SQLEngine`.
extension SQLEngine {
    init(_ database: any SQLDatabase) {
        self = database.dialect.name == "sqlite" ? .sqlite : .postgres
    }

    /// The column type a field is stored as.
    func columnType(_ type: FieldType) -> String {
        switch (type, self) {
        case (.date, .postgres): "DATE"
        case (.dateTime, .postgres): "TIMESTAMPTZ"
        case (.boolean, .postgres): "BOOLEAN"
        case (.boolean, .sqlite), (.integer, _): "INTEGER"
        default: "TEXT"
        }
    }

    var timestampType: String { self == .postgres ? "TIMESTAMPTZ" : "TEXT" }
    var dateType: String { self == .postgres ? "DATE" : "TEXT" }
}

extension Database {
    /// Every Dots store is a SQL database; Fluent's drivers for SQLite and PostgreSQL both are.
    var sql: any SQLDatabase { self as! any SQLDatabase }
}

extension SQLEngine {
    /// A date literal the column type accepts. Safe to inline: a `CalendarDate` prints only digits and hyphens.
    func date(_ d: CalendarDate) -> any SQLExpression {
        self == .postgres ? SQLRaw("DATE '\(d)'") : SQLBind(d.description)
    }

    /// An instant literal; as safe as `date(_:)`.
    func timestamp(_ i: Instant) -> any SQLExpression {
        self == .postgres ? SQLRaw("TIMESTAMPTZ '\(i)'") : SQLBind(i.description)
    }

    /// Selects a date column as `YYYY-MM-DD` text.
    func dateText(_ column: String) -> String {
        self == .postgres ? "to_char(\(column), 'YYYY-MM-DD')" : column
    }

    /// Selects a timestamp column as `YYYY-MM-DDTHH:MM:SSZ` text.
    func timestampText(_ column: String) -> String {
        self == .postgres ? "to_char(\(column) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')" : column
    }
}

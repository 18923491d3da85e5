import DotsCore
import DotsIntake

/// Builders for small CSV fixtures, with a clock pinned to 24 November 2026.
enum Fixture {
    static let now = Instant(iso: "2026-11-24T12:00:00Z")!
    static let context = ValidationContext(now: now)

    /// A valid row for any dataset, from the examples its schema documents.
    static func row(_ schema: DatasetSchema, _ overrides: [String: String] = [:]) -> [String] {
        schema.fields.map { overrides[$0.name] ?? $0.example }
    }

    static func csv(_ schema: DatasetSchema, rows: [[String]], header: [String]? = nil) -> [UInt8] {
        Array(((header ?? schema.fieldNames).joined(separator: ",") + "\n" + rows.map { CSVText.line($0) }.joined()).utf8)
    }

    static func validate(_ schema: DatasetSchema, _ bytes: [UInt8], context: ValidationContext = context) -> IntakeReport {
        var report = IntakeReport()
        _ = TableValidator(schema: schema, context: context).validate(file: "\(schema.dataset.rawValue).csv", bytes: bytes, into: &report)
        return report
    }
}

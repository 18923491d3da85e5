import DotsCore

/// How a file's header lines up with a schema: which file column holds each schema field.
public struct HeaderMap: Sendable {
    /// For each schema field, the file column holding it (nil if missing).
    public let columnOfField: [Int?]
    public let headerCount: Int
    /// Header problems; `isFatal` ones stop row checks.
    public let issues: [IntakeIssue]
    public let isFatal: Bool

    /// Normalises a header name: trimmed, lower case, spaces and hyphens as underscores.
    public static func normalise(_ name: String) -> String {
        String(name.trimmingSpaces.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }

    public init(header: [String], schema: DatasetSchema, file: String, refuseClearIdentifiers: Bool) {
        let names = header.map(HeaderMap.normalise)
        headerCount = names.count
        var issues: [IntakeIssue] = []
        var fatal = false

        if names.count == 1, header[0].contains(";") || header[0].contains("\t") {
            issues.append(
                IntakeIssue(
                    .wrongDelimiter, file: file, row: 1, value: String(header[0].prefix(60)),
                    rule: "the header is one column holding \(header[0].contains(";") ? "semicolons" : "tabs")"))
            columnOfField = Array(repeating: nil, count: schema.fields.count)
            self.issues = issues
            isFatal = true
            return
        }
        if refuseClearIdentifiers {
            let clear = names.filter { PeopleSchema.clearIdentifierColumns.contains($0) }
            if !clear.isEmpty {
                // Nothing else about such a file matters: it must not be here at all.
                columnOfField = Array(repeating: nil, count: schema.fields.count)
                self.issues = [
                    IntakeIssue(
                        .clearIdentifier, file: file, row: 1, column: clear.joined(separator: ", "),
                        rule: "the hub accepts only prepared submissions, and these columns hold clear identifiers")
                ]
                isFatal = true
                return
            }
        }
        var seen: [String: Int] = [:]
        for (i, n) in names.enumerated() {
            if n.isEmpty {
                issues.append(IntakeIssue(.blankHeader, file: file, row: 1, column: "column \(i + 1)", rule: "the header row has no name for column \(i + 1)"))
                continue
            }
            if seen[n] != nil {
                issues.append(IntakeIssue(.duplicateColumn, file: file, row: 1, column: n, rule: "the column \(n) appears more than once"))
                fatal = true
            }
            seen[n] = seen[n] ?? i
        }
        let known = Set(schema.fieldNames)
        for (i, n) in names.enumerated() where !n.isEmpty && !known.contains(n) && !(refuseClearIdentifiers && PeopleSchema.clearIdentifierColumns.contains(n))
        {
            issues.append(
                IntakeIssue(
                    .extraColumn, file: file, row: 1, column: header[i],
                    rule: "\(schema.dataset.rawValue) has no column called \(header[i])"))
        }
        columnOfField = schema.fields.map { seen[$0.name] }
        for (k, f) in schema.fields.enumerated() where columnOfField[k] == nil && !f.mayBeAbsent {
            issues.append(
                IntakeIssue(
                    .missingColumn, file: file, row: 1, column: f.name,
                    rule: "\(schema.dataset.rawValue) needs a column called \(f.name) (\(f.title))"))
        }
        self.issues = issues
        isFatal = fatal
    }
}

/// One problem found in an extract or submission, located as a person would look for it.
public struct IntakeIssue: Sendable, Codable, Hashable {
    public enum Severity: String, Sendable, Codable {
        /// The submission is refused until it is fixed.
        case error
        /// Reported, but the data goes on.
        case warning
    }

    public let code: IssueCode
    public let severity: Severity
    /// The file's name (not its full path, so reports can be shared).
    public let file: String
    /// Numbered as a spreadsheet shows it: the header is row 1, the first record row 2. Nil for file-level problems.
    public let row: Int?
    public let column: String?
    /// The value as found, cut to 100 characters (file and column names to 200, the rule to 1,000). Never set for identifier columns, so reports carry no identifiers.
    public let value: String?
    /// What the value broke, in plain words.
    public let rule: String

    public init(
        _ code: IssueCode, severity: Severity = .error, file: String, row: Int? = nil, column: String? = nil,
        value: String? = nil, rule: String
    ) {
        self.code = code
        self.severity = severity
        // Every echoed part is bounded: a file can put anything, of any length, in a header or a cell.
        self.file = Excerpt.of(file, limit: 200)
        self.row = row
        self.column = column.map { Excerpt.of($0, limit: 200) }
        self.value = value.flatMap { $0.isEmpty ? nil : Excerpt.of($0) }
        self.rule = Excerpt.of(rule, limit: 1_000)
    }

    public var fix: String { code.fix }

    /// One line for people: where, what, and how to fix it.
    public var message: String {
        var place = file
        if let row { place += " row \(row)" }
        if let column { place += ", column \(column)" }
        var text = "\(place): \(rule)"
        if let value { text += " (found \"\(value)\")" }
        return "\(text) [\(code.rawValue)]. Fix: \(fix)"
    }

    enum CodingKeys: String, CodingKey { case code, severity, file, row, column, value, rule, fix }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(severity, forKey: .severity)
        try c.encode(file, forKey: .file)
        try c.encodeIfPresent(row, forKey: .row)
        try c.encodeIfPresent(column, forKey: .column)
        try c.encodeIfPresent(value, forKey: .value)
        try c.encode(rule, forKey: .rule)
        try c.encode(fix, forKey: .fix)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(IssueCode.self, forKey: .code)
        severity = try c.decode(Severity.self, forKey: .severity)
        file = try c.decode(String.self, forKey: .file)
        row = try c.decodeIfPresent(Int.self, forKey: .row)
        column = try c.decodeIfPresent(String.self, forKey: .column)
        value = try c.decodeIfPresent(String.self, forKey: .value)
        rule = try c.decode(String.self, forKey: .rule)
    }
}

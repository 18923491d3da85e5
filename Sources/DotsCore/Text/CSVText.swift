/// Writing CSV text (RFC 4180): values with a comma, quote or line break are quoted, quotes doubled.
public enum CSVText {
    public static func escape(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return value }
        var out = "\""
        for ch in value {
            if ch == "\"" { out += "\"\"" } else { out.append(ch) }
        }
        return out + "\""
    }

    /// One line, ending in `\n`.
    public static func line(_ values: [String]) -> String {
        values.map(escape).joined(separator: ",") + "\n"
    }

    /// One line of free text people typed, for a file likely to be opened in a spreadsheet: a value starting with
    /// `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'` so it is shown, never run as a formula
    /// (OWASP's advice on CSV injection).
    public static func textLine(_ values: [String]) -> String {
        line(
            values.map { v in
                guard let first = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return v }
                return "'" + v
            })
    }
}

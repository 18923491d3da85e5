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
}

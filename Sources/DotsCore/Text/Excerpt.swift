/// A bounded copy of text someone sent, for echoing it back in a message, report or page: a 60 MB header line
/// must not become a 60 MB report row.
public enum Excerpt {
    /// `text` cut to `limit` characters, with an ellipsis when cut; control characters shown as `�`.
    public static func of(_ text: some StringProtocol, limit: Int = 100) -> String {
        var out = ""
        var count = 0
        for ch in text {
            if count == limit { return out + "…" }
            out.append(ch.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\t" } ? "\u{FFFD}" : ch)
            count += 1
        }
        return out
    }
}

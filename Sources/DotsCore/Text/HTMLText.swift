/// Text made safe for HTML element content and quoted attributes.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }

    /// Appends `text` with `& < > " '` replaced by their entities. The five are ASCII, so every byte of anything else
    /// (every letter of a Unicode name included) is copied as it is, a run at a time: this runs for every value of
    /// every page.
    public static func escape(_ text: String, into out: inout String) {
        let bytes = text.utf8
        var runStart = bytes.startIndex
        var i = runStart
        while i != bytes.endIndex {
            let entity: String? =
                switch bytes[i] {
                case UInt8(ascii: "&"): "&amp;"
                case UInt8(ascii: "<"): "&lt;"
                case UInt8(ascii: ">"): "&gt;"
                case UInt8(ascii: "\""): "&quot;"
                case UInt8(ascii: "'"): "&#39;"
                default: nil
                }
            if let entity {
                // An ASCII byte always starts a character, so the run before it is whole characters.
                out += text[runStart..<i]
                out += entity
                runStart = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        if runStart == bytes.startIndex {
            out += text
        } else {
            out += text[runStart...]
        }
    }
}

/// Escaping text for HTML: the one implementation the web app's `HTML` values and the reports' documents share.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }

    public static func escape(_ text: String, into out: inout String) {
        out.reserveCapacity(out.utf8.count + text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
    }
}

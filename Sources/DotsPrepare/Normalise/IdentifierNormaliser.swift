import DotsCore
import Foundation

/// Brings identifiers to one form before they are pseudonymised, so the same person gets the same pseudonym
/// whichever agency recorded them and however they typed it.
public enum IdentifierNormaliser {
    /// Upper case A-Z only: accents folded (Zoë → ZOE), punctuation, spaces and digits removed.
    public static func name(_ raw: String) -> String? {
        let folded = transliterated(raw).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_GB")).uppercased()
        let letters = folded.unicodeScalars.filter { $0.value >= 65 && $0.value <= 90 }
        let s = String(String.UnicodeScalarView(letters))
        return s.isEmpty ? nil : s
    }

    /// A first name normalised like `name(_:)`, with a common nickname replaced by its formal name (Bill → WILLIAM).
    public static func firstName(_ raw: String) -> String? {
        name(raw).map { Nicknames.formalName[$0] ?? $0 }
    }

    /// Letters that are not accented forms of a Latin letter, so folding leaves them alone (Ł in Łukasz).
    static let letters: [Character: String] = [
        "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "ß": "SS", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe",
        "Þ": "TH", "þ": "th", "ı": "i", "Ħ": "H", "ħ": "h",
    ]

    static func transliterated(_ s: String) -> String {
        s.contains(where: { letters[$0] != nil }) ? s.map { letters[$0] ?? String($0) }.joined() : s
    }

    /// A date of birth written `YYYY-MM-DD`, `DD/MM/YYYY` or `DD-MM-YYYY`.
    public static func birthDate(_ raw: String) -> CalendarDate? {
        let t = raw.trimmingSpaces
        if let d = CalendarDate(iso: t) { return d }
        let parts = t.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// A unique pupil number: its check letter, 11 digits, then a digit or letter (13 characters), upper case, with
    /// the check letter right (`UniquePupilNumber`).
    public static func upn(_ raw: String) -> String? {
        let s = raw.uppercased().filter { !$0.isWhitespace }
        return UniquePupilNumber.isValid(s) ? s : nil
    }

    /// Other exact identifiers: upper case, spaces removed.
    public static func exactID(_ raw: String) -> String? {
        let s = raw.uppercased().filter { !$0.isWhitespace }
        return s.isEmpty ? nil : s
    }
}

import DotsCore
import Foundation

/// Shared checks on free text, so every form limits and words them the same way.
public enum TextRules {
    public static let shortLimit = 200
    public static let longLimit = 4_000

    public static func trimmed(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A required short text: present and not too long.
    public static func required(_ value: String, field: String, label: String, limit: Int = shortLimit, into problems: inout [InputProblem]) {
        let t = trimmed(value)
        if t.isEmpty {
            problems.append(InputProblem(field, "Enter \(label)"))
        } else if t.count > limit {
            problems.append(InputProblem(field, "\(capitalised(label)) must be \(limit) characters or fewer"))
        }
    }

    /// An optional text: not too long.
    public static func optional(_ value: String, field: String, label: String, limit: Int = longLimit, into problems: inout [InputProblem]) {
        if trimmed(value).count > limit { problems.append(InputProblem(field, "\(capitalised(label)) must be \(limit) characters or fewer")) }
    }

    static func capitalised(_ s: String) -> String {
        var words = s.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        // "the system" → "System": drop a leading article for a sentence that starts with the noun.
        if let first = words.first, ["a", "an", "the", "your", "its"].contains(first), words.count > 1 { words.removeFirst() }
        let joined = words.joined(separator: " ")
        return joined.prefix(1).uppercased() + joined.dropFirst()
    }
}

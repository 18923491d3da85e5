import Foundation

/// Suggested themes for text nobody has coded yet, by a method anyone can check: the codebook's words and
/// phrases found in the text, shown with the words that matched. Suggestions only: a person applies a theme.
public enum ThemeSuggester {
    public struct Suggestion: Sendable, Equatable {
        public var theme: String
        /// The codebook's keywords found, as written in the codebook.
        public var matched: [String]
    }

    /// Themes whose keywords occur in `text`, most matches first (ties in codebook order).
    public static func suggest(_ text: String, codebook: Codebook) -> [Suggestion] {
        let words = tokens(text)
        var out: [(Int, Suggestion)] = []
        for (i, theme) in codebook.themes.enumerated() {
            let matched = theme.keywords.filter { matches($0, in: words) }
            if !matched.isEmpty { out.append((i, Suggestion(theme: theme.id, matched: matched))) }
        }
        return out.sorted { ($0.1.matched.count, -$0.0) > ($1.1.matched.count, -$1.0) }.map(\.1)
    }

    /// Lower-case words: letters, digits and apostrophes ("didn't" stays one word).
    static func tokens(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }.map(String.init)
    }

    /// A keyword of one or more words matches consecutive tokens; a trailing `*` on its last word matches any ending.
    static func matches(_ keyword: String, in words: [String]) -> Bool {
        let parts = tokens(keyword.replacingOccurrences(of: "*", with: ""))
        guard !parts.isEmpty, words.count >= parts.count else { return false }
        let prefixLast = keyword.hasSuffix("*")
        for start in 0...(words.count - parts.count) {
            var ok = true
            for (j, p) in parts.enumerated() {
                let w = words[start + j]
                let last = j == parts.count - 1
                if last && prefixLast ? !w.hasPrefix(p) : w != p {
                    ok = false
                    break
                }
            }
            if ok { return true }
        }
        return false
    }
}

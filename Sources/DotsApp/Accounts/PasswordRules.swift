import Foundation

/// The password rule and generated passwords. Following NCSC guidance the rule is length, not composition: at
/// least 12 characters, not one of the commonest passwords or built from them, and at most 72 bytes, because
/// bcrypt ignores every byte past the 72nd (a longer password would silently be only its beginning).
public enum PasswordRules {
    public static let minimumLength = 12
    public static let maximumBytes = 72

    /// What is wrong with a proposed password, in words for the form; nil when it is acceptable.
    public static func problem(_ password: String, email: String) -> String? {
        if password.count < minimumLength { return "Enter a password of at least \(minimumLength) characters" }
        if password.utf8.count > maximumBytes { return "Enter a password of \(maximumBytes) characters or fewer (fewer if it has accented letters or symbols)" }
        let lowered = password.lowercased()
        let local = String(email.lowercased().split(separator: "@").first ?? "")
        if lowered == email.lowercased() || (local.count >= 4 && lowered.contains(local)) { return "Your password must not contain your email address" }
        // A common password padded out ("password1234", "qwertyqwerty!") is still a common password.
        let rest = common.sorted { $0.count > $1.count }.reduce(lowered) { $0.replacingOccurrences(of: $1, with: "") }
        if rest.count < 6 || Set(lowered).count < 5 || isRun(lowered) { return "Choose a less common password: a few unrelated words work well" }
        return nil
    }

    /// True for runs such as "abcdefghijkl" or "123456789012": each character one after the last, or the same.
    static func isRun(_ s: String) -> Bool {
        let v = s.unicodeScalars.map(\.value)
        guard v.count > 1 else { return true }
        let steps = Set(zip(v, v.dropFirst()).map { Int($1) - Int($0) })
        return steps.count == 1 && [0, 1, -1].contains(steps.first!)
    }

    /// Fragments of the commonest passwords in breach lists (NCSC's top 100,000 begins with these), and words
    /// people use for work systems. A password left with fewer than six characters once they are removed is refused.
    static let common = [
        "password", "passw0rd", "p@ssword", "p@ssw0rd", "123456", "12345", "654321", "111111", "000000", "121212", "123123", "abc123",
        "qwerty", "qwertyuiop", "asdfgh", "asdf", "zxcvbn", "1q2w3e", "1qaz2wsx", "letmein", "welcome", "iloveyou", "admin", "administrator",
        "dragon", "monkey", "football", "baseball", "superman", "batman", "master", "shadow", "sunshine", "princess", "trustno1", "starwars",
        "whatever", "freedom", "hello", "charlie", "donald", "login", "secret", "changeme", "default", "summer", "winter", "spring", "autumn",
        "january", "february", "september", "october", "november", "december", "london", "england", "liverpool", "chelsea", "arsenal",
        "stoke", "staffordshire", "police", "council", "safeguarding", "partnership", "dots", "nhs", "school", "social", "welcome1",
    ]

    /// A random password for new and reset accounts: 16 characters from 56 (about 93 bits).
    public static func generate() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var rng = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String((0..<4).map { _ in alphabet.randomElement(using: &rng)! }) }.joined(separator: "-")
    }
}

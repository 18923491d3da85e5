import Foundation
import Vapor

/// Password hashing (bcrypt, cost 12) and the password rule. Following NCSC guidance the rule is length, not
/// composition: at least 12 characters, and not one of the commonest passwords.
enum Passwords {
    static let minimumLength = 12
    static let cost = 12

    static func hash(_ password: String) throws -> String { try Bcrypt.hash(password, cost: cost) }

    static func verify(_ password: String, hash: String) -> Bool { (try? Bcrypt.verify(password, created: hash)) ?? false }

    /// What is wrong with a proposed password, in words for the form; nil when it is acceptable.
    static func problem(_ password: String, email: String) -> String? {
        if password.count < minimumLength { return "Enter a password of at least \(minimumLength) characters" }
        if password.count > 200 { return "Enter a password of 200 characters or fewer" }
        let lowered = password.lowercased()
        if lowered == email.lowercased() { return "Your password must not be your email address" }
        // A common password padded out to 12 characters ("password1234") is still a common password.
        let rest = common.reduce(lowered) { $0.replacingOccurrences(of: $1, with: "") }
        if rest.count < 6 || Set(lowered).count < 5 { return "Choose a less common password: a few unrelated words work well" }
        return nil
    }

    static let common = ["password", "123456", "qwerty", "letmein", "welcome", "iloveyou", "admin", "dragon", "monkey"]

    /// A random password for demo accounts: four words would be friendlier, but random text needs no word list.
    static func generate() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var rng = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String((0..<4).map { _ in alphabet.randomElement(using: &rng)! }) }.joined(separator: "-")
    }
}

/// Hashing and checking passwords: a seam so the use cases need no web framework (bcrypt, in DotsBcrypt, is
/// the implementation Dots runs; tests use the same).
public protocol PasswordHashing: Sendable {
    func hash(_ password: String) throws -> String
    /// False for a wrong password or an unreadable hash; never throws, so a caller cannot tell the two apart.
    func verify(_ password: String, hash: String) -> Bool
}

import DotsApp
import Vapor

/// bcrypt (cost 12) as Dots' password hasher. Vapor ships a maintained bcrypt; this adapter keeps it out of the
/// use cases, which see only `PasswordHashing`.
public struct BcryptHasher: PasswordHashing {
    public let cost: Int

    public init(cost: Int = 12) { self.cost = cost }

    public func hash(_ password: String) throws -> String { try Bcrypt.hash(password, cost: cost) }

    public func verify(_ password: String, hash: String) -> Bool { (try? Bcrypt.verify(password, created: hash)) ?? false }
}

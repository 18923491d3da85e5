import DotsCore
import DotsStore

/// One account per role for `dots demo`, each with a fresh random password every run (printed once, never
/// stored but as a hash). Running the demo again resets the same accounts rather than adding more.
public enum DemoAccounts {
    public struct Credential: Sendable {
        public let role: Role
        public let email: String
        public let password: String
        public let agencyID: String?
    }

    /// The agency the demo's agency data lead acts for.
    public static let leadAgency = "staffs-police"

    public static func ensure(store: HubStore, clock: any DotsCore.Clock = SystemClock()) async throws -> [Credential] {
        let service = AccountService(store: store, clock: clock)
        var out: [Credential] = []
        for role in Role.allCases {
            let email = "\(role.rawValue)@dots.example"
            let password = Passwords.generate()
            let agency = role.needsAgency ? leadAgency : nil
            if let existing = try await store.account(email: email) {
                try await store.setPassword(accountID: existing.id, hash: try Passwords.hash(password), at: clock.now())
            } else {
                try await service.create(email: email, name: "Demo \(role.title)", role: role, agencyID: agency, password: password)
            }
            out.append(Credential(role: role, email: email, password: password, agencyID: agency))
        }
        return out
    }
}

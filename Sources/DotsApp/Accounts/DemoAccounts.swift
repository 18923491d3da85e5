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
    /// The agency the demo's MACE practitioner works for (its young people's voice is theirs to record and read).
    public static let practitionerAgency = "staffs-csc"

    public static func ensure(_ accounts: AccountService, caller: Caller) async throws -> [Credential] {
        var out: [Credential] = []
        for role in Role.allCases {
            let email = "\(role.rawValue)@dots.example"
            let password = PasswordRules.generate()
            let agency = role.needsAgency ? leadAgency : role == .practitioner ? practitionerAgency : nil
            if let existing = try await accounts.store.account(email: email) {
                try await accounts.setPassword(existing, password)
            } else {
                try await accounts.create(email: email, name: "Demo \(role.title)", role: role, agencyID: agency, password: password, by: caller)
            }
            out.append(Credential(role: role, email: email, password: password, agencyID: agency))
        }
        return out
    }
}

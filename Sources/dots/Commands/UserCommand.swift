import ArgumentParser
import DotsCore
import DotsStore
import DotsWeb
import Foundation

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Accounts for the web app.", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account (the first should be an admin). The password is read from $DOTS_PASSWORD, else asked for; it is never a command-line argument, which other users could see.")
        @Option(help: "Email address, used to sign in.") var email: String
        @Option(help: "The person's name.") var name: String
        @Option(help: "admin, analyst, agency-lead, strategic-lead or practitioner.") var role: String
        @Option(help: "For an agency-lead: the agency id (`dots partnership`).") var agency: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("--role must be one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let password: String
            if let env = ProcessInfo.processInfo.environment["DOTS_PASSWORD"] { password = env } else {
                guard let typed = getpass("Password for \(email): ") else { throw ValidationError("No password given.") }
                password = String(cString: typed)
            }
            do {
                let account = try await store.withStore { try await AccountService(store: $0).create(email: email, name: name, role: role, agencyID: agency, password: password) }
                print("Added \(account.email) as \(role.title)\(account.agencyID.map { " for \($0)" } ?? "").")
            } catch let e as AccountService.FieldError { throw ValidationError(e.message + ".") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts (never passwords).")
        @OptionGroup var store: StoreOptions
        func run() async throws {
            for a in try await store.withStore({ try await $0.allAccounts() }) {
                print([a.email, a.role.rawValue, a.agencyID ?? "-", a.name, a.disabled ? "disabled" : "active"].joined(separator: "\t"))
            }
        }
    }
}

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "API tokens for automated use of the API.", subcommands: [Issue.self])

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue an API token acting as an account; it is shown once and stored only as a digest.")
        @Option(help: "The account's email.") var email: String
        @Option(help: "What the token is for, e.g. `police nightly upload`.") var label: String
        @OptionGroup var store: StoreOptions
        func run() async throws {
            let token = try await store.withStore { hub in
                guard let account = try await hub.account(email: email) else { throw ValidationError("There is no account for \(email).") }
                return try await AccountService(store: hub).issueAPIToken(for: account, label: label)
            }
            print(token)
        }
    }
}

import ArgumentParser
import DotsApp
import DotsBcrypt
import DotsCore
import DotsStore
import Foundation

/// The command line acts as the hub's operator (`Caller.commandLine`): the use cases audit it as such.
var commandLineCaller: Caller { .commandLine(user: ProcessInfo.processInfo.environment["USER"] ?? "operator") }

/// An `InvalidInput`, `AccessDenied` or `NotFound` as a command-line error (exit status 64 with the words).
func commandLineError(_ error: any Error) -> any Error {
    switch error {
    case let e as InvalidInput: ValidationError(e.problems.map { "\($0.field): \($0.message)." }.joined(separator: "\n"))
    case let e as AccessDenied: ValidationError(e.reason)
    case let e as NotFound: ValidationError(e.reason)
    default: error
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Accounts for the web app.", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Add an account (the first should be an admin). The password is read from $DOTS_PASSWORD, else asked for; it is never a command-line argument, which other users could see."
        )
        @Option(help: "Email address, used to sign in.") var email: String
        @Option(help: "The person's name.") var name: String
        @Option(help: "admin, analyst, agency-lead, strategic-lead or practitioner.") var role: String
        @Option(help: "For an agency-lead (required) or a practitioner (whose young people's voice they record): the agency id (`dots partnership`).")
        var agency: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("--role must be one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let password: String
            if let env = ProcessInfo.processInfo.environment["DOTS_PASSWORD"] {
                password = env
            } else {
                guard let typed = getpass("Password for \(email): ") else { throw ValidationError("No password given.") }
                password = String(cString: typed)
            }
            do {
                let account = try await store.withStore {
                    try await AccountService(store: $0, hasher: BcryptHasher())
                        .create(email: email, name: name, role: role, agencyID: agency, password: password, by: commandLineCaller)
                }
                print("Added \(account.email) as \(role.title)\(account.agencyID.map { " for \($0)" } ?? "").")
            } catch { throw commandLineError(error) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts (never passwords).")
        @OptionGroup var store: StoreOptions
        func run() async throws {
            let accounts = try await store.withStore { try await AccountService(store: $0, hasher: BcryptHasher()).accounts(by: commandLineCaller) }
            for a in accounts {
                print([a.email, a.role.rawValue, a.agencyID ?? "-", a.name, a.disabled ? "disabled" : "active"].joined(separator: "\t"))
            }
        }
    }
}

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "API tokens for automated use of the API.", subcommands: [Issue.self, List.self, Revoke.self])

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue an API token acting as an account; it is shown once and stored only as a digest.")
        @Option(help: "The account's email.") var email: String
        @Option(help: "What the token is for, e.g. `police nightly upload`.") var label: String
        @Option(help: "Days until the token expires (1 to 366); without it the token lasts until revoked.") var days: Int?
        @OptionGroup var store: StoreOptions
        func run() async throws {
            do {
                let (token, record) = try await store.withStore {
                    try await AccountService(store: $0, hasher: BcryptHasher()).issueAPIToken(email: email, label: label, days: days, by: commandLineCaller)
                }
                print(token)
                note(
                    "Token \(record.id) issued\(record.expiresAt.map { ", expires \(UKTime.display($0))" } ?? ""). Revoke it with `dots token revoke \(record.id)`."
                )
            } catch { throw commandLineError(error) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List API tokens: id, account, label, issued, expires, last used, status (never the token).")
        @OptionGroup var store: StoreOptions
        func run() async throws {
            let (tokens, accounts) = try await store.withStore { hub in
                let service = try AccountService(store: hub, hasher: BcryptHasher())
                return (try await service.apiTokens(by: commandLineCaller), try await service.accounts(by: commandLineCaller))
            }
            let emails = Dictionary(accounts.map { ($0.id, $0.email) }, uniquingKeysWith: { a, _ in a })
            let now = SystemClock().now()
            for t in tokens {
                let status = t.revokedAt != nil ? "revoked" : t.isLive(at: now) ? "live" : "expired"
                print(
                    [
                        t.id, emails[t.accountID] ?? t.accountID, t.label, t.createdAt.description, t.expiresAt?.description ?? "never",
                        t.lastUsedAt?.description ?? "never", status,
                    ].joined(separator: "\t"))
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke an API token by its id (from `dots token list` or the Accounts page).")
        @Argument(help: "The token's id: 12 hex digits.") var id: String
        @OptionGroup var store: StoreOptions
        func run() async throws {
            do {
                try await store.withStore { try await AccountService(store: $0, hasher: BcryptHasher()).revokeAPIToken(id: id, by: commandLineCaller) }
                print("Revoked \(id).")
            } catch { throw commandLineError(error) }
        }
    }
}

import ArgumentParser
import DotsApp
import DotsCore
import DotsStore

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The audit log: who did what, to which record.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that no audit record has been changed, removed or inserted since it was written (each record carries the hash of the one before).",
            discussion:
                "Exits 1 when the chain is broken, naming the first record that does not hold. Prints the last record's hash: keep it somewhere else, and a log rewritten from the start is caught too."
        )
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let verdict = try await store.withStore { try await AuditLog(store: $0, clock: SystemClock()).verify() }
            if let broken = verdict.broken {
                print("The audit log does not hold: \(broken.reason) (\(verdict.records) records).")
                throw ExitCode(1)
            }
            print("The audit log holds: \(verdict.records) records, each following the one before. Last hash: \(verdict.head)")
        }
    }
}

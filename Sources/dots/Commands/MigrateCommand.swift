import ArgumentParser
import DotsStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or upgrade the hub store (migrations are append-only).")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let applied = try await store.withStore { try await $0.appliedMigrations() }
        print("\(store.location()) is at migration \(applied.last ?? "none") (\(applied.count) applied).")
    }
}

import ArgumentParser
import DotsStore
import Foundation

/// Where the hub store is: `--database`, else `DATABASE_URL`, else `dots-data/dots.sqlite`.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "A SQLite file path or a postgres:// URL (default: $DATABASE_URL, else dots-data/dots.sqlite).")
    var database: String?

    func location(defaultPath: String = "dots-data/dots.sqlite") -> StoreLocation {
        if let database { return StoreLocation.parse(database) }
        return StoreLocation.fromEnvironment(ProcessInfo.processInfo.environment, defaultPath: defaultPath)
    }

    /// Opens and migrates the store, runs `body`, and always shuts the store down.
    func withStore<T>(defaultPath: String = "dots-data/dots.sqlite", _ body: (HubStore) async throws -> T) async throws -> T {
        let store = try HubStore(location: location(defaultPath: defaultPath))
        do {
            try await store.migrate()
            let result = try await body(store)
            await store.shutdown()
            return result
        } catch {
            await store.shutdown()
            throw error
        }
    }
}

/// Writes to standard error (progress and notes), keeping standard output for results.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

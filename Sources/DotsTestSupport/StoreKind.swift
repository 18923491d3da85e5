import DotsFramework
import DotsStore
import Foundation

/// The engines every store test runs on: the store's own `SQLEngine`, named for what a test takes.
public typealias StoreKind = SQLEngine

extension SQLEngine {
    /// PostgreSQL for tests: `DOTS_TEST_POSTGRES_URL`, which `scripts/test` sets after starting a throwaway server.
    public static var postgresURL: String? { ProcessInfo.processInfo.environment["DOTS_TEST_POSTGRES_URL"] }

    /// Set by `scripts/test`: a missing server is then a failure, never a silent skip.
    public static var postgresRequired: Bool { ProcessInfo.processInfo.environment["DOTS_REQUIRE_POSTGRES"] == "1" }

    /// The engines available here: both under `scripts/test`; SQLite alone for a bare `swift test` with no server.
    public static var available: [StoreKind] {
        postgresURL != nil || postgresRequired ? allCases : [.sqlite]
    }
}

public struct MissingPostgres: Error, CustomStringConvertible {
    public var description: String { "DOTS_REQUIRE_POSTGRES is set but DOTS_TEST_POSTGRES_URL is not: run the tests with scripts/test." }
}

/// Runs `body` against a fresh, migrated store of `kind`: a temporary SQLite file, or a throwaway PostgreSQL
/// schema. Cleans up afterwards, whatever happens.
public func withStore<T>(_ kind: StoreKind, _ body: (HubStore) async throws -> T) async throws -> T {
    let token = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
    let location: StoreLocation
    var cleanup: (HubStore) async -> Void = { _ in }
    switch kind {
    case .sqlite:
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-test-\(token)").path
        location = .sqlite(path: dir + "/dots.sqlite")
        cleanup = { _ in try? FileManager.default.removeItem(atPath: dir) }
    case .postgres:
        guard let url = StoreKind.postgresURL else { throw MissingPostgres() }
        let schema = "t_\(token)"
        location = .postgres(url: url, schema: schema)
        cleanup = { store in try? await store.dropSchema(schema) }
    }
    let store = try HubStore(location: location)
    do {
        try await store.migrate()
        let result = try await body(store)
        await cleanup(store)
        await store.shutdown()
        return result
    } catch {
        await cleanup(store)
        await store.shutdown()
        throw error
    }
}

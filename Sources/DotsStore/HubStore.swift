import DotsCore
import DotsFramework
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// The hub's store: one interface over a SQLite file or a PostgreSQL server, with versioned migrations.
public final class HubStore: Sendable {
    public let location: StoreLocation
    let databases: Databases
    let threadPool: NIOThreadPool
    let logger: Logger
    let id: DatabaseID
    /// Audit records written together (group commit).
    let auditBatcher = AuditBatcher()
    /// Read-only connections with kept statements for the short reads pages make (SQLite only; `pageRows`).
    let readers: SQLiteReaders?
    /// Where the audit chain is: a SQLite store's own file beside it (`AuditChainFile`), else the store itself.
    let auditID: DatabaseID

    /// Opens (creating if needed) the store. Call `migrate()` before use and `shutdown()` when done.
    /// The default logger says only what needs attention; migrations' progress is logged at debug.
    public static func defaultLogger() -> Logger {
        var logger = Logger(label: "dots.store")
        logger.logLevel = .warning
        return logger
    }

    public init(location: StoreLocation, logger: Logger = HubStore.defaultLogger()) throws {
        self.location = location
        self.logger = logger
        threadPool = NIOThreadPool(numberOfThreads: 2)
        threadPool.start()
        databases = Databases(threadPool: threadPool, on: MultiThreadedEventLoopGroup.singleton)
        switch location {
        case .sqlite(let path):
            let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            id = .sqlite
            let chain = Self.auditChainPath(forStore: path)
            // The readers see the chain as `chain.audit_events` (a journey lists who has viewed it).
            readers = SQLiteReaders(path: path, attached: [("chain", chain)])
            databases.use(.sqlite(.file(path), connectionPoolTimeout: Self.connectionWait, sqlLogLevel: .trace), as: id)
            auditID = DatabaseID(string: "dots-audit-chain")
            databases.use(.sqlite(.file(chain), connectionPoolTimeout: Self.connectionWait, sqlLogLevel: .trace), as: auditID)
        case .postgres(let url, let schema):
            var configuration: SQLPostgresConfiguration
            do { configuration = try SQLPostgresConfiguration(url: url) } catch {
                throw StoreError.cannotOpen(location.description, reason: "the DATABASE_URL is not a valid postgres:// URL")
            }
            if let schema { configuration.searchPath = [schema] }
            id = .psql
            auditID = .psql
            readers = nil
            databases.use(
                .postgres(
                    configuration: configuration, connectionPoolTimeout: Self.connectionWait, encodingContext: .default, decodingContext: .default,
                    sqlLogLevel: .trace), as: id)
        }
    }

    /// How long a query waits for a connection. Long: a framework run's slow query holds a connection (SQLite has
    /// one per event loop) for as long as it takes, and the queries behind it must wait, not fail.
    static let connectionWait: TimeAmount = .minutes(10)

    var database: any Database {
        databases.database(id, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    var sql: any SQLDatabase { database as! any SQLDatabase }

    /// The database holding the audit chain (`AuditChainFile`).
    var auditDatabase: any Database {
        databases.database(auditID, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    var auditSQL: any SQLDatabase { auditDatabase as! any SQLDatabase }
    var engine: SQLEngine { location.engine }

    static func migrations() -> Migrations {
        let m = Migrations()
        m.add(M0001_CreateReferenceTables(), to: nil)
        m.add(M0002_CreateSubmissions(), to: nil)
        m.add(M0003_CreateDatasetTables(), to: nil)
        m.add(M0004_AddLinkageIdentifiers(), to: nil)
        m.add(M0005_CreateLinkageTables(), to: nil)
        m.add(M0006_CreateStoreMeta(), to: nil)
        m.add(M0007_CreateFrameworkTables(), to: nil)
        m.add(M0008_CreateAccountTables(), to: nil)
        m.add(M0009_CreateIntakeReports(), to: nil)
        m.add(M0010_CreateGovernanceTables(), to: nil)
        m.add(M0011_StoreLinkagePerSubmission(), to: nil)
        m.add(M0012_APITokenLifecycle(), to: nil)
        m.add(M0013_CreateFrameworkJobs(), to: nil)
        m.add(M0014_CreateCommentary(), to: nil)
        m.add(M0015_CreatePublishedReports(), to: nil)
        m.add(M0016_CreateVoiceTables(), to: nil)
        m.add(M0017_ChainAuditLog(), to: nil)
        m.add(M0018_CreateReturnTables(), to: nil)
        m.add(M0019_AddPeopleMarkers(), to: nil)
        m.add(M0020_CreateAreaTables(), to: nil)
        m.add(M0021_CreateAreaStopsTable(), to: nil)
        m.add(M0022_CreateAnnexATables(), to: nil)
        m.add(M0023_IndexAuditTargets(), to: nil)
        m.add(M0024_CreateContextTables(), to: nil)
        m.add(M0025_CreateBoundaries(), to: nil)
        m.add(M0026_IndexPersonRecords(), to: nil)
        m.add(M0027_CreateContextDatasets(), to: nil)
        m.add(M0028_AddErrorTolerantKeys(), to: nil)
        m.add(M0029_AddHomeLSOA(), to: nil)
        return m
    }

    /// Applies any migrations not yet applied, then refreshes the partnership reference data.
    public func migrate(model: PartnershipModel = ReferencePartnership.model) async throws {
        if case .postgres(_, let schema?) = location {
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        }
        if case .sqlite = location {
            // WAL lets readers (the web app) carry on while a submission loads.
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
        // Whether the chain's file was there before anything below opens (and so creates) it.
        let chainExisted = auditChainPath.map { FileManager.default.fileExists(atPath: $0) }
        let migrator = Migrator(
            databases: databases, migrations: HubStore.migrations(), logger: logger,
            on: MultiThreadedEventLoopGroup.singleton.any())
        do {
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
        } catch {
            throw StoreError.cannotOpen(location.description, reason: String(describing: error))
        }
        if let path = auditChainPath, let chainExisted { try await prepareAuditChainFile(path, existed: chainExisted) }
        try await ReferenceDataSeeder(model: model).seedIfChanged(sql)
    }

    /// Names of migrations applied, in order.
    public func appliedMigrations() async throws -> [String] {
        try await sql.raw("SELECT name FROM _fluent_migrations ORDER BY batch, name").all().map { try $0.decode(column: "name", as: String.self) }
    }

    public func shutdown() async {
        readers?.close()
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
    }

    /// Drops a PostgreSQL schema and everything in it (for tests' throwaway schemas).
    public func dropSchema(_ schema: String) async throws {
        try await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
}

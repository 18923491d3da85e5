import DotsCore
import DotsFramework
import DotsStore
import DotsTestSupport
import Foundation
import Testing

/// Rows handed to the store from memory.
struct MemoryRows: RowBatchSource, Sendable {
    let schema: DatasetSchema
    var rows: [[CellValue]]
    mutating func nextBatch(size: Int) -> RowBatch? {
        guard !rows.isEmpty else { return nil }
        let batch = Array(rows.prefix(size))
        rows.removeFirst(batch.count)
        return RowBatch(schema: schema, rows: batch)
    }
}

@Suite("The hub store, on SQLite and PostgreSQL")
struct StoreTests {
    static let received = Instant(iso: "2026-11-24T12:00:00Z")!

    func record(_ dataset: Dataset, _ agency: String = "staffs-police", period: String = "2025-26", rows: Int, id: String = UUID().uuidString)
        -> SubmissionRecord
    {
        SubmissionRecord(
            id: id, agency: agency, dataset: dataset, period: Period(parsing: period)!, status: .current, rows: rows, bytes: 1,
            checksum: "abc", receivedAt: Self.received, submittedBy: "test", source: "test.csv", keyID: "k1", schemaVersion: 1)
    }

    /// Missing episodes with the given ids, starting 14 June 2025 at 20:30 UTC.
    func episodes(_ ids: [String]) -> MemoryRows {
        let start = Instant(iso: "2025-06-14T20:30:00Z")!
        return MemoryRows(
            schema: Dataset.missingEpisodes.schema,
            rows: ids.map { id in
                [
                    .text(id), .text("P1"), .instant(start), .instant(Instant(seconds: start.seconds + 3600 * 10)), .text("M"), .text("home"),
                    .boolean(false), .text("E06000021"), .null, .null, .null,
                ]
            })
    }

    @Test("Migrations apply once, in order, and re-running them changes nothing", arguments: StoreKind.available)
    func migrations(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            #expect(
                try await store.appliedMigrations() == [
                    "0001_CreateReferenceTables", "0002_CreateSubmissions", "0003_CreateDatasetTables", "0004_AddLinkageIdentifiers",
                    "0005_CreateLinkageTables", "0006_CreateStoreMeta", "0007_CreateFrameworkTables", "0008_CreateAccountTables",
                    "0009_CreateIntakeReports", "0010_CreateGovernanceTables", "0011_StoreLinkagePerSubmission",
                    "0012_APITokenLifecycle", "0013_CreateFrameworkJobs", "0014_CreateCommentary", "0015_CreatePublishedReports", "0016_CreateVoiceTables",
                    "0017_ChainAuditLog", "0018_CreateReturnTables", "0019_AddPeopleMarkers", "0020_CreateAreaTables", "0021_CreateAreaStopsTable",
                    "0022_CreateAnnexATables", "0023_IndexAuditTargets", "0024_CreateContextTables", "0025_CreateBoundaries", "0026_IndexPersonRecords",
                    "0027_CreateContextDatasets", "0028_AddErrorTolerantKeys", "0029_AddHomeLSOA",
                ])
            try await store.migrate()
            #expect(try await store.appliedMigrations().count == 29)
            let areas = try await store.textRows("SELECT COUNT(*) AS n FROM areas")
            #expect(areas.first?["n"] == "11")
            let members = try await store.textRows("SELECT COUNT(*) AS n FROM partnership_members WHERE partnership_id = 'joint-ce' AND member_kind = 'area'")
            #expect(members.first?["n"] == "9")
        }
    }

    @Test("Every dataset table has exactly the schema's columns", arguments: StoreKind.available)
    func columnsMatchSchemas(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            for ds in Dataset.allCases {
                let query =
                    kind == .sqlite
                    ? "SELECT name AS c FROM pragma_table_info('\(ds.rawValue)')"
                    : "SELECT column_name AS c FROM information_schema.columns WHERE table_name = '\(ds.rawValue)' AND table_schema = current_schema()"
                let columns = Set(try await store.textRows(query).compactMap { $0["c"] })
                #expect(columns == Set(["submission_id", "agency_id"] + ds.schema.fieldNames), "\(ds.rawValue)")
            }
        }
    }

    @Test(
        "Every dataset about a young person is indexed by (agency_id, person_id): a journey reads one young person's rows from each",
        arguments: StoreKind.available)
    func personIndexes(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            for ds in Dataset.allCases where ds.schema.fieldNames.contains("person_id") {
                let query =
                    kind == .sqlite
                    ? "SELECT sql AS d FROM sqlite_master WHERE type = 'index' AND tbl_name = '\(ds.rawValue)' AND sql IS NOT NULL"
                    : "SELECT indexdef AS d FROM pg_indexes WHERE tablename = '\(ds.rawValue)' AND schemaname = current_schema()"
                let definitions = try await store.textRows(query).compactMap { $0["d"] }
                #expect(
                    definitions.contains { $0.replacingOccurrences(of: "\"", with: "").hasSuffix("(agency_id, person_id)") }, "\(ds.rawValue): \(definitions)")
            }
        }
    }

    @Test("Values keep their types: dates, UTC instants, booleans, nulls", arguments: StoreKind.available)
    func roundTrip(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let r = record(.missingEpisodes, rows: 1)
            _ = try await store.accept([IncomingFile(record: r, rows: episodes(["E1"]))])
            let start = kind == .sqlite ? "start_datetime" : "to_char(start_datetime AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
            let flag = kind == .sqlite ? "placed_by_other_la" : "CAST(placed_by_other_la AS INTEGER)"
            let row = try #require(try await store.textRows("SELECT \(start) AS s, \(flag) AS p, rhi_offered_datetime AS o FROM missing_episodes").first)
            #expect(row["s"] == "2025-06-14T20:30:00Z")
            #expect(row["p"] == "0")
            #expect(row["o"] == nil)
            let log = try await store.submissions()
            #expect(log == [r])
        }
    }

    @Test("Resubmitting a period replaces it in one go, and the log keeps the old one", arguments: StoreKind.available)
    func replacement(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let first = record(.missingEpisodes, rows: 3, id: "s1")
            _ = try await store.accept([IncomingFile(record: first, rows: episodes(["E1", "E2", "E3"]))])
            let other = record(.missingEpisodes, period: "2024-25", rows: 1, id: "s0")
            _ = try await store.accept([IncomingFile(record: other, rows: episodes(["E0"]))])
            let second = record(.missingEpisodes, rows: 2, id: "s2")
            _ = try await store.accept([IncomingFile(record: second, rows: episodes(["E4", "E5"]))])
            #expect(try await store.rowCount(.missingEpisodes) == 3)
            let ids = Set(try await store.textRows("SELECT episode_id AS e FROM missing_episodes").compactMap { $0["e"] })
            #expect(ids == ["E0", "E4", "E5"])
            let log = try await store.submissions()
            #expect(log.first { $0.id == "s1" }?.status == .superseded)
            #expect(log.first { $0.id == "s1" }?.supersededBy == "s2")
            #expect(Set(try await store.currentSubmissions().map(\.id)) == ["s0", "s2"])
        }
    }

    @Test("A period overlapping a current one is refused and nothing changes", arguments: StoreKind.available)
    func overlap(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            _ = try await store.accept([IncomingFile(record: record(.missingEpisodes, rows: 1, id: "fy"), rows: episodes(["E1"]))])
            await #expect(throws: StoreError.self) {
                try await store.accept([IncomingFile(record: record(.missingEpisodes, period: "2025-26 Q1", rows: 1), rows: episodes(["E2"]))])
            }
            #expect(try await store.rowCount(.missingEpisodes) == 1)
            #expect(try await store.submissions().count == 1)
        }
    }

    @Test("A failure part-way through a submission leaves the store exactly as it was", arguments: StoreKind.available)
    func atomicity(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let before = record(.missingEpisodes, rows: 1, id: "kept")
            _ = try await store.accept([IncomingFile(record: before, rows: episodes(["E0"]))])
            // The second file breaks a NOT NULL column in its last row, after the first file has loaded.
            var bad = episodes(["E1", "E2"])
            bad.rows[1][2] = .null
            await #expect(throws: (any Error).self) {
                try await store.accept([
                    IncomingFile(record: record(.missingEpisodes, rows: 1, id: "new"), rows: episodes(["E9"])),
                    IncomingFile(record: record(.missingEpisodes, "rhi-provider", rows: 2), rows: bad),
                ])
            }
            #expect(Set(try await store.textRows("SELECT episode_id AS e FROM missing_episodes").compactMap { $0["e"] }) == ["E0"])
            #expect(try await store.submissions() == [before])
        }
    }

    @Test("Rejected submissions are logged without touching any data", arguments: StoreKind.available)
    func rejectedLog(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.recordRejected(record(.missingEpisodes, rows: 10, id: "r1"))
            let log = try await store.submissions()
            #expect(log.map(\.status) == [.rejected])
            #expect(log.first?.rows == 0)
            #expect(try await store.currentSubmissions().isEmpty)
            #expect(try await store.rowCount(.missingEpisodes) == 0)
        }
    }

    @Test("Large submissions load in many batches", arguments: StoreKind.available)
    func manyBatches(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let ids = (1...25_000).map { "E\($0)" }
            _ = try await store.accept([IncomingFile(record: record(.missingEpisodes, rows: ids.count), rows: episodes(ids))])
            #expect(try await store.rowCount(.missingEpisodes) == 25_000)
            #expect(try await store.rowCount(.missingEpisodes, agency: "staffs-police") == 25_000)
            #expect(try await store.rowCount(.missingEpisodes, agency: "rhi-provider") == 0)
            if kind == .postgres {
                // The planner knows the rows as soon as they are in (the loader analyses the table it filled).
                let known = try await store.textRows("SELECT CAST(reltuples AS BIGINT) AS n FROM pg_class WHERE oid = to_regclass('missing_episodes')")
                #expect(known == [["n": "25000"]])
            }
        }
    }

    @Test("Passwords never show when a store location is printed")
    func redaction() {
        let loc = StoreLocation.parse("postgres://dots:s3cret@db.example:5432/dots")
        #expect(!loc.description.contains("s3cret"))
        #expect(loc.engine == .postgres)
        #expect(StoreLocation.parse("data/dots.sqlite") == .sqlite(path: "data/dots.sqlite"))
        #expect(StoreLocation.fromEnvironment([:], defaultPath: "x.sqlite") == .sqlite(path: "x.sqlite"))
    }
}

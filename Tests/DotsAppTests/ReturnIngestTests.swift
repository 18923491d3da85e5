import DotsApp
import DotsCore
import DotsFramework
import DotsGeography
import DotsIntake
import DotsPrepare
import DotsStore
import DotsTestSupport
import Foundation
import Testing

@Suite("A local authority's returns, year after year, on both engines")
struct ReturnIngestTests {
    static let now = FixedClock(Instant(iso: "2026-11-24T12:00:00Z")!)
    static let keyHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
    static let la860 = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/returns/la860").path

    func prepare(_ input: String, _ output: String, period: String? = nil, carry: String? = nil) throws -> PreparePipeline.Result {
        try PreparePipeline(keyProvider: StaticKeyProvider(encoded: Self.keyHex), clock: Self.now)
            .run(input: input, output: output, agency: "staffs-csc", period: period.flatMap(Period.init(parsing:)), la: "860", carryPeopleFrom: carry)
    }

    @Test(
        "Next year's return: the care episode open at the year end is replaced by its later copy (never counted twice), and last year's children are kept",
        arguments: StoreKind.available)
    func nextYear(kind: StoreKind) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-returns-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/y2", withIntermediateDirectories: true)
        // 2022-23: only C2001 is looked after; the episode that began on 20 March 2021 ended on 30 June 2022.
        try "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC2001,1,15/06/2007,MWBC,,,\n".write(toFile: dir + "/y2/header.csv", atomically: true, encoding: .utf8)
        try """
        CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
        C2001,20/03/2021,S,C2,N4,U4,PR1,30/06/2022,E4A,,ST16 2,DE14 1,

        """.write(toFile: dir + "/y2/episodes.csv", atomically: true, encoding: .utf8)
        let first = try prepare(Self.la860, dir + "/p1")
        #expect(first.output != nil, "\(first.report.summary())")
        // The same year prepared without last year's package: ingested below, and refused.
        _ = try prepare(dir + "/y2", dir + "/p2-alone", period: "2022-23")
        let second = try prepare(dir + "/y2", dir + "/p2", period: "2022-23", carry: dir + "/p1")
        #expect(second.output != nil, "\(second.report.summary())")
        try await withStore(kind) { store in
            let service = IngestService(store: store, clock: Self.now, submittedBy: "tester")
            let one = try await service.ingest(path: dir + "/p1", options: .init(agency: "staffs-csc"))
            #expect(one.report.isValid, "\(one.report.summary())")
            #expect(try await store.rowCount(.careEpisodes) == 3)
            // Without last year's children, the people file would leave their records without a person: refused.
            let refused = try await service.ingest(path: dir + "/p2-alone", options: .init(agency: "staffs-csc"))
            #expect(refused.report.issues.contains { $0.code == .orphanedEvents })
            let two = try await service.ingest(path: dir + "/p2", options: .init(agency: "staffs-csc"))
            #expect(two.report.isValid, "\(two.report.summary())")
            #expect(try await store.rowCount(.people, agency: "staffs-csc") == 3)
            let rows = try await store.textRows(
                "SELECT CAST(end_date AS TEXT) AS end_date, submission_id FROM care_episodes WHERE episode_id = '860-C2001-E2021-03-20'")
            #expect(rows.count == 1)
            #expect(rows.first?["end_date"]?.hasPrefix("2022-06-30") == true)
            #expect(rows.first?["submission_id"] == two.accepted.first { $0.dataset == .careEpisodes }?.id)
            #expect(try await store.rowCount(.careEpisodes) == 3)
        }
    }

    @Test(
        "The default framework counts what the returns hold: social care's missing from care, exploitation named in assessments", arguments: StoreKind.available
    )
    func frameworkCounts(kind: StoreKind) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-returns-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try prepare(Self.la860, dir).output != nil)
        try await withStore(kind) { store in
            let one = try await IngestService(store: store, clock: Self.now, submittedBy: "tester").ingest(path: dir, options: .init(agency: "staffs-csc"))
            #expect(one.report.isValid, "\(one.report.summary())")
            let spec = try FrameworkService.load(DefaultFramework.yaml)
            _ = try await FrameworkService(store: store, clock: Self.now, runBy: "tester").compute(spec)
            let cells = try await store.frameworkResults()
            func total(_ id: String) -> IndicatorCell? {
                cells.first { $0.indicatorID == id && $0.period == "2021-22" && $0.scope == "all" && $0.breakdown == "total" && $0.stat == "value" }
            }
            // Worked from Tests/Fixtures/returns: C1001 missing from care on 3 February and 10 March 2022, C2001 on
            // 1 April 2021; all three aged 13 or 14.
            #expect(total("missing-from-care-recorded")?.numerator == 3)
            // No police data: none of the two children is known to the police as missing.
            #expect(total("missing-from-care-police-overlap")?.numerator == 0)
            #expect(total("missing-from-care-police-overlap")?.denominator == 2)
            // C1001's assessment of 12 May 2021 named 11A, 24A and 10A; C1002 had no assessment.
            #expect(total("cin-exploitation-factors")?.numerator == 1)
            #expect(total("cin-exploitation-screened")?.denominator == 1)
            #expect(total("cin-exploitation-screened")?.numerator == 0)
            // C1001's plan began on 25 May 2021; C1002's on 1 March 2021, before the year.
            #expect(total("protection-plans-ce-risk")?.denominator == 1)
            // No placement in semi-independent or independent living.
            #expect(total("care-semi-independent")?.numerator ?? 0 == 0)
        }
    }

    @Test("A people file made before the returns' markers and the error-tolerant keys (schema 2) is still accepted", arguments: StoreKind.available)
    func olderPeopleFile(kind: StoreKind) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-returns-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let columns = Dataset.people.schema.fields.filter { $0.sinceVersion < 3 }.map(\.name)
        // Schema 3 added the two markers, schema 4 the four keys that survive typing errors, schema 5 the home LSOA:
        // none of them here.
        #expect(
            !columns.contains("uasc") && !columns.contains("first_name_phonetic") && !columns.contains("home_lsoa")
                && columns.count == Dataset.people.schema.fields.count - 7)
        let row = columns.map { ["person_id": "P1", "birth_year_month": "2010-02", "sex": "F", "looked_after": "Y"][$0] ?? "" }
        try (columns.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n").write(toFile: dir + "/people.csv", atomically: true, encoding: .utf8)
        try await withStore(kind) { store in
            let out = try await IngestService(store: store, clock: Self.now, submittedBy: "tester").ingest(path: dir, options: .init(agency: "staffs-csc"))
            #expect(out.report.isValid, "\(out.report.summary())")
            let rows = try await store.textRows("SELECT person_id, uasc, is_parent, dob_month_day_pseudonym FROM people")
            #expect(rows.count == 1 && rows.first?["uasc"] == nil && rows.first?["is_parent"] == nil && rows.first?["dob_month_day_pseudonym"] == nil)
        }
    }

    @Test(
        "Street-level crime and stop and search go in together as counts by area, without any people, and the framework's profile passes them by",
        arguments: StoreKind.available)
    func areaCrime(kind: StoreKind) async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("dots-police-\(UUID().uuidString)").path
        let dir = base + "/package", police = base + "/force"
        defer { try? FileManager.default.removeItem(atPath: base) }
        // A force's month of downloads, both kinds in one folder.
        let fixtures = URL(fileURLWithPath: Self.la860).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("police")
        try FileManager.default.createDirectory(atPath: police, withIntermediateDirectories: true)
        for kind in ["street", "stop-search"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent(kind).path) {
                try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent(kind).appendingPathComponent(name).path, toPath: police + "/" + name)
            }
        }
        let prepared = try PreparePipeline(keyProvider: StaticKeyProvider(encoded: Self.keyHex), clock: Self.now)
            .run(input: police, output: dir, agency: "staffs-police", period: nil)
        #expect(prepared.output != nil, "\(prepared.report.summary())")
        try await withStore(kind) { store in
            let out = try await IngestService(store: store, clock: Self.now, submittedBy: "tester").ingest(path: dir, options: .init(agency: "staffs-police"))
            #expect(out.report.isValid, "\(out.report.summary())")
            #expect(try await store.rowCount(.areaCrime) == 5)
            let drugs = try await store.textRows("SELECT SUM(crimes) AS n FROM area_crime WHERE crime_type = 'drugs'")
            #expect(drugs.first?["n"] == "3")
            // Tests/Fixtures/police/README.md: 5 rows from 6 searches placed in the partnership; 2 of children found with drugs in Stoke-on-Trent.
            #expect(try await store.rowCount(.areaStops) == 5)
            let stops = try await store.textRows("SELECT SUM(searches) AS n, SUM(found) AS f, SUM(arrests) AS a FROM area_stops")
            #expect(stops.first?["n"] == "6" && stops.first?["f"] == "3" && stops.first?["a"] == "3")
            let children = try await store.textRows(
                "SELECT SUM(found) AS n FROM area_stops WHERE age_range = '10-17' AND search_object = 'controlled-drugs' AND local_authority = 'E06000021'")
            #expect(children.first?["n"] == "2")
            let profile = try await store.frameworkProfile()
            #expect(profile.datasets[.areaCrime] == nil && profile.datasets[.areaStops] == nil)

            // The places page's figures, worked from the README's table: exact with no threshold, then as published.
            var open = try FrameworkService.load()
            open.disclosure.base.threshold = 0
            let caller = Caller(accountID: "b", name: "Board", role: .strategicLead, agencyID: nil, channel: .page)
            let exact = try await PlacesService(store: store, spec: open).context(by: caller)
            #expect(exact.crimeMonths.map { "\($0.first) \($0.last)" } == "2025-04-01 2025-05-01")
            #expect(exact.stopMonths.map { "\($0.first) \($0.last)" } == "2025-04-01 2025-05-01")
            let by = Dictionary(uniqueKeysWithValues: exact.districts.map { ($0.area.name, $0) })
            #expect(by["Stoke-on-Trent"]!.crimes.filter { $0.value.shown != 0 }.mapValues(\.shown) == [.drugs: 3, .antiSocialBehaviour: 1])
            #expect(by["Stafford"]!.crimes.filter { $0.value.shown != 0 }.mapValues(\.shown) == [.violentCrime: 1, .possessionOfWeapons: 1])
            #expect(by["Tamworth"]!.crimes.values.allSatisfy { $0.shown == 0 })
            let stoke = by["Stoke-on-Trent"]!, stafford = by["Stafford"]!, tamworth = by["Tamworth"]!
            #expect([stoke.childSearches, stoke.childFound, stoke.childArrests, stoke.searches].map(\.shown) == [3, 2, 2, 3])
            #expect([stafford.childSearches, stafford.searches].map(\.shown) == [0, 2])
            #expect([tamworth.childSearches, tamworth.searches].map(\.shown) == [0, 1])
            // Per 10,000 aged 10 to 17: Stoke-on-Trent's three searches of 10 to 17 year olds over its 24,319 children of
            // those ages (ONS mid-2020: 3,172 + 3,133 + 3,354 + 3,023 + 2,994 + 3,023 + 2,848 + 2,772).
            #expect(stoke.searchesAged10To17.shown == 3 && abs((stoke.ratePer10kAged10To17 ?? 0) - 30_000.0 / 24_319) < 1e-9)
            #expect(tamworth.searchesAged10To17.shown == 0 && tamworth.ratePer10kAged10To17 == 0, "an 18 to 24 year old is not counted")
            let published = try await PlacesService(store: store, spec: try FrameworkService.load()).context(by: caller)
            let stokeShown = published.districts.first { $0.area.name == "Stoke-on-Trent" }!
            #expect(stokeShown.crimes[.drugs]!.text == "c" && stokeShown.crimes[.burglary]!.text == "0", "1 to 5 hidden; a true zero shown")
            #expect(stokeShown.childSearches.text == "c")
            #expect(stokeShown.searchesAged10To17.text == "c" && stokeShown.ratePer10kAged10To17 == nil, "a rate would give a hidden count away")

            // LSOAs, once a partnership imports their boundaries (Tests/Fixtures/geography): admins only, placed in
            // their districts; then the places page can show Stoke-on-Trent's by LSOA.
            let geography = GeographyService(store: store, clock: Self.now)
            let file = fixtures.deletingLastPathComponent().appendingPathComponent("geography/lsoa-fixture.geojson")
            let bytes = [UInt8](try Data(contentsOf: file))
            await #expect(throws: AccessDenied.self) {
                try await geography.importBoundaries(bytes, file: "lsoa-fixture.geojson", attribution: "test", by: caller)
            }
            #expect(try await PlacesService(store: store, spec: open).finer(district: "E06000021", type: .drugs, by: caller) == nil, "none imported yet")
            let admin = Caller.commandLine(user: "tester")
            await #expect(throws: GeographyService.ImportError.self) {
                try await geography.importBoundaries(bytes, file: "lsoa-fixture.geojson", attribution: " ", by: admin)
            }
            let districtFile = Array(
                #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"lad20cd":"E07000197","lad20nm":"Stafford"},"geometry":{"type":"Polygon","coordinates":[[[-2.1,52.8],[-2.0,52.8],[-2.0,52.9],[-2.1,52.8]]]}}]}"#
                    .utf8)
            await #expect(
                throws: GeographyService.ImportError(
                    description: "d.geojson: E07000197 (Stafford) is a district code: import wards, LSOAs or MSOAs (districts come with Dots)")
            ) { try await geography.importBoundaries(districtFile, file: "d.geojson", attribution: "test", by: admin) }
            let imported = try await geography.importBoundaries(bytes, file: "lsoa-fixture.geojson", attribution: "Invented for tests", by: admin)
            #expect(imported == .init(levels: [.lsoa: 3], outside: ["E01099003"]))
            let finer = try #require(try await PlacesService(store: store, spec: open).finer(district: "E06000021", type: .drugs, by: caller))
            // The README's three drugs crimes in Stoke-on-Trent 001A (April 2, May 1); none in 002B.
            #expect(finer.crimes.mapValues(\.shown) == ["E01099001": 3, "E01099004": 0])
            #expect(finer.boundaries.attribution == "Invented for tests")
            let finerShown = try #require(
                try await PlacesService(store: store, spec: try FrameworkService.load()).finer(district: "E06000021", type: .drugs, by: caller))
            #expect(finerShown.crimes["E01099001"]?.text == "c")
            #expect(try await store.auditEvents(action: "geography.import", target: "lsoa-fixture.geojson").count == 1)
        }
    }

    @Test(
        "Successive Annex A lists overlap by design: the later is accepted, the contacts it repeats replace their earlier copies, and each snapshot is kept",
        arguments: StoreKind.available)
    func annexAListsOverlap(kind: StoreKind) async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("dots-annexa-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        // liiatools' public sample workbook (Tests/Fixtures/public/liiatools-0.2.0), as at two days three months apart.
        let sample = URL(fileURLWithPath: Self.la860).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("public/liiatools-0.2.0/Annex_A.xlsx")
        try FileManager.default.createDirectory(atPath: base + "/in", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sample.path, toPath: base + "/in/Annex_A.xlsx")
        let march = try prepare(base + "/in", base + "/march", period: "2020-04-01/2021-03-31")
        let june = try prepare(base + "/in", base + "/june", period: "2020-07-01/2021-06-30", carry: base + "/march")
        #expect(march.output != nil && june.output != nil, "\(march.report.summary()) \(june.report.summary())")
        try await withStore(kind) { store in
            let ingest = IngestService(store: store, clock: Self.now, submittedBy: "tester")
            let first = try await ingest.ingest(path: base + "/march", options: .init(agency: "staffs-csc"))
            #expect(first.report.isValid, "\(first.report.summary())")
            let second = try await ingest.ingest(path: base + "/june", options: .init(agency: "staffs-csc"))
            #expect(second.report.isValid, "\(second.report.summary())")
            // List 1 holds 5 contacts, List 2 five assessments, List 8 five children (read from the sheet by hand).
            #expect(try await store.rowCount(.contacts) == 5, "never counted twice")
            #expect(try await store.rowCount(.earlyHelpAssessments) == 5)
            let snapshots = try await store.textRows(
                "SELECT CAST(snapshot_date AS TEXT) AS snapshot_date, COUNT(*) AS n FROM care_snapshot GROUP BY snapshot_date ORDER BY snapshot_date")
            #expect(snapshots.map { "\($0["snapshot_date"]!)=\($0["n"]!)" } == ["2021-03-31=5", "2021-06-30=5"])
            let police = try await store.textRows("SELECT COUNT(*) AS n FROM contacts WHERE contact_source = '6'")
            #expect(police.first?["n"] == "3")
        }
    }

    @Test("An id used again by another year's file for another episode (row numbers) replaces nothing", arguments: StoreKind.available)
    func reusedIDs(kind: StoreKind) async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("dots-reused-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let people = Dataset.people.schema.fieldNames
        let episodes = Dataset.missingEpisodes.schema.fieldNames
        for (year, start) in [("a", "2024-06-01 10:00"), ("b", "2025-06-01 10:00")] {
            try FileManager.default.createDirectory(atPath: "\(base)/\(year)", withIntermediateDirectories: true)
            let person = ["person_id": "P1", "birth_year_month": "2010-02", "sex": "F", "looked_after": "Y"]
            try (people.joined(separator: ",") + "\n" + people.map { person[$0] ?? "" }.joined(separator: ",") + "\n")
                .write(toFile: "\(base)/\(year)/people.csv", atomically: true, encoding: .utf8)
            let episode = ["episode_id": "1", "person_id": "P1", "start_datetime": start, "end_datetime": "", "missing_type": "M", "missing_from": "care"]
            try (episodes.joined(separator: ",") + "\n" + episodes.map { episode[$0] ?? "" }.joined(separator: ",") + "\n")
                .write(toFile: "\(base)/\(year)/missing_episodes.csv", atomically: true, encoding: .utf8)
        }
        try await withStore(kind) { store in
            let service = IngestService(store: store, clock: Self.now, submittedBy: "tester")
            let a = try await service.ingest(path: "\(base)/a", options: .init(agency: "staffs-csc", period: Period(parsing: "2024-25")))
            let b = try await service.ingest(path: "\(base)/b", options: .init(agency: "staffs-csc", period: Period(parsing: "2025-26")))
            #expect(a.report.isValid && b.report.isValid, "\(a.report.summary()) \(b.report.summary())")
            // Episode "1" of 2024-25 (still open) and episode "1" of 2025-26 began on different days: two episodes.
            #expect(try await store.rowCount(.missingEpisodes) == 2)
        }
    }
}

import DotsCore
import DotsGeography
import DotsIntake
import Foundation
import Testing

@testable import DotsPrepare

@Suite("Statutory returns read as they are: CIN census XML and SSDA903 CSV tables")
struct ReturnReaderTests {
    static let keyHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// Synthetic returns of one local authority, 2021-22 (Tests/Fixtures/returns/README.md works the values).
    static let la860 = fixtures.appendingPathComponent("returns/la860").path
    let now = Instant(iso: "2026-11-24T12:00:00Z")!

    func tempDir() -> String { FileManager.default.temporaryDirectory.appendingPathComponent("dots-returns-\(UUID().uuidString)").path }

    func rows(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    func extract(_ xml: String, la: String? = nil) throws -> ReturnExtract {
        try CINCensusReader().read(Data(xml.utf8), file: "cin.xml", la: la)
    }

    @Test("A local authority's CIN census and SSDA903 tables become one package: one person per child, every episode, the year")
    func fixtureFolder() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try PreparePipeline(keyProvider: StaticKeyProvider(encoded: Self.keyHex), clock: FixedClock(now))
            .run(input: Self.la860, output: dir, agency: "staffs-csc", period: nil)
        #expect(result.report.isValid, "\(result.report.summary())")
        #expect(result.report.issues.filter { $0.code == .returnRule }.isEmpty)
        #expect(result.returns.count == 2)
        #expect(result.returns.last?.contains("Header, Episodes, Missing, UASC read") == true)
        let source = try SubmissionSource.load(path: dir)
        // The CIN census header's year.
        #expect(source.period?.description == "2021-22")
        let counts = Dictionary(uniqueKeysWithValues: try source.files.map { ($0.dataset!, try rows(dir + "/" + $0.name).count) })
        #expect(
            counts == [
                .people: 3, .cinEpisodes: 3, .cinAssessments: 2, .section47Enquiries: 1, .protectionPlans: 2, .careEpisodes: 3, .missingEpisodes: 3,
            ])
        let people = try rows(dir + "/people.csv")
        #expect(people.map { $0["person_id"]! } == ["860-C1001", "860-C1002", "860-C2001"])
        // C1001 is in both returns: looked after (an episode still open) and female, as both say.
        #expect(people[0]["looked_after"] == "Y" && people[0]["sex"] == "F" && people[0]["birth_year_month"] == "2008-02")
        #expect(people[1]["sex"] == "M" && people[1]["ethnicity"] == "MWBC")
        // The SSDA903 UASC table lists C2001 alone; C1002, in the CIN census only, is not known either way.
        #expect(people.map { $0["uasc"]! } == ["N", "", "Y"])
        let episodes = try rows(dir + "/cin_episodes.csv")
        #expect(episodes.map { $0["episode_id"]! } == ["860-C1001-R2021-05-10", "860-C1001-R2022-01-10", "860-C1002-R2021-02-01"])
        #expect(episodes.map { $0["referral_nfa"]! } == ["N", "N", "Y"])
        let assessments = try rows(dir + "/cin_assessments.csv")
        #expect(assessments[0]["factors"] == "11A;24A;10A" && assessments[0]["episode_id"] == "860-C1001-R2021-05-10")
        let care = try rows(dir + "/care_episodes.csv")
        #expect(care.map { $0["placement_area"]! } == ["E06000021", "E07000192", "E07000193"])
        #expect(care.map { $0["episode_id"]! } == ["860-C1001-E2021-12-01", "860-C1001-E2022-01-15", "860-C2001-E2021-03-20"])
        let missing = try rows(dir + "/missing_episodes.csv")
        #expect(missing.allSatisfy { $0["missing_from"] == "care" })
        #expect(missing.map { $0["start_datetime"]! } == ["2022-02-03", "2022-03-10", "2021-04-01"])
        // Nothing clear leaves: no date of birth, and the hub's own checks pass.
        for file in try FileManager.default.contentsOfDirectory(atPath: dir) {
            let text = try String(contentsOfFile: dir + "/" + file, encoding: .utf8)
            #expect(!text.contains("2008-02-29") && !text.contains("29/02/2008"), "\(file)")
        }
        let hub = SubmissionValidator(model: ReferencePartnership.model, context: ValidationContext(period: source.period, now: now)).validate(source)
        #expect(hub.isValid, "\(hub.summary())")
    }

    @Test("An episode that began before the year is the year's while it was open; one that had ended is refused")
    func openDuringPeriod() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,1,01/01/2008,WBRI,,,\n".write(toFile: dir + "/in/h.csv", atomically: true, encoding: .utf8)
        try """
        CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
        A1,10/03/2021,S,C2,N1,U6,PR1,31/03/2021,X1,,,,
        A1,31/03/2021,P,C2,N1,U4,PR1,01/04/2021,X1,,,,
        A1,01/04/2021,P,C2,N1,K2,PR1,,,,,,

        """.write(toFile: dir + "/in/e.csv", atomically: true, encoding: .utf8)
        let result = try PreparePipeline(keyProvider: StaticKeyProvider(encoded: Self.keyHex), clock: FixedClock(now))
            .run(input: dir + "/in", output: dir + "/out", agency: "staffs-csc", period: Period(parsing: "2021-22"), la: "860")
        // Only the first ended (31 March) before the year began (1 April 2021); the second was open on 1 April.
        let outside = result.report.issues.filter { $0.code == .outsidePeriod }
        #expect(outside.count == 1)
        #expect(outside.first?.row == 2 && outside.first?.rule.contains("had ended before the period began") == true)
        #expect(result.output == nil)
    }

    @Test("The liiatools fake CIN census: read, its DfE rule breaks named, its 1970 dates refused for 2021-22")
    func liiatoolsCIN() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("public/liiatools-0.2.0/cin-2022.xml"))
        let out = try CINCensusReader().read(data, file: "cin-2022.xml", la: nil)
        #expect(out.rows[.people]?.map { $0["person_id"]! } == ["201-DfEX0000001"])
        #expect(out.rows[.cinAssessments]?.first?["factors"] == "2A;2B")
        #expect(out.period?.description == "2021-22")
        // Assessment, section 47 and plan all start before the 1970-10-06 referral (values read from the file).
        #expect(Set(out.issues.map { $0.rule.prefix(15) }) == ["DfE rule 1103: ", "DfE rule 2889: ", "DfE rule 1105: "])
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: dir + "/in/cin-2022.xml"))
        let result = try PreparePipeline(keyProvider: StaticKeyProvider(encoded: Self.keyHex), clock: FixedClock(now))
            .run(input: dir + "/in", output: dir + "/out", agency: "staffs-csc", period: nil)
        #expect(result.report.issues.filter { $0.code == .outsidePeriod }.count == 4)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    static func cin(year: Int = 2022, _ children: String) -> String {
        """
        <Message><Header><CollectionDetails><Collection>CIN</Collection><Year>\(year)</Year></CollectionDetails>
        <Source><LEA>860</LEA></Source></Header><Children>\(children)</Children></Message>
        """
    }

    static func child(_ id: String, _ details: String) -> String {
        "<Child><ChildIdentifiers><LAchildID>\(id)</LAchildID><GenderCurrent>1</GenderCurrent></ChildIdentifiers>\(details)</Child>"
    }

    @Test("The CIN census rules Dots checks, each by its DfE number")
    func cinRules() throws {
        func rules(_ xml: String) throws -> [String] {
            try extract(xml).issues.map { String($0.rule.prefix { $0 != ":" }) }
        }
        let factors = { (codes: [String], authorised: Bool) in
            "<Assessments><AssessmentActualStartDate>2021-06-01</AssessmentActualStartDate>\(authorised ? "<AssessmentAuthorisationDate>2021-06-30</AssessmentAuthorisationDate>" : "")<FactorsIdentifiedAtAssessment>\(codes.map { "<AssessmentFactors>\($0)</AssessmentFactors>" }.joined())</FactorsIdentifiedAtAssessment></Assessments>"
        }
        let referral = "<CINreferralDate>2021-05-01</CINreferralDate><ReferralSource>6</ReferralSource>"
        #expect(try rules(Self.cin(Self.child("A", "<CINdetails>\(referral)\(factors(["11A"], true))</CINdetails>"))) == [])
        #expect(try rules(Self.cin(Self.child("A", "<CINdetails>\(referral)\(factors(["21", "11A"], true))</CINdetails>"))) == ["DfE rule 8869"])
        #expect(try rules(Self.cin(Self.child("A", "<CINdetails>\(referral)\(factors(["11A", "11A"], true))</CINdetails>"))) == ["DfE rule 8898"])
        #expect(try rules(Self.cin(Self.child("A", "<CINdetails>\(referral)\(factors(["11A"], false))</CINdetails>"))) == ["DfE rule 8614"])
        #expect(
            try rules(Self.cin(Self.child("A", "<CINdetails>\(referral)<CINclosureDate>2021-06-01</CINclosureDate></CINdetails>"))) == ["DfE rule 8805"])
        #expect(try rules(Self.cin(Self.child("A", "<CINdetails>\(referral)<ReasonForClosure>RC7</ReasonForClosure></CINdetails>"))) == ["DfE rule 8810"])
        // Two episodes: the second referred (2021-05-20) before the first closed (2021-06-01).
        let overlapping =
            "<CINdetails>\(referral)<CINclosureDate>2021-06-01</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure></CINdetails><CINdetails><CINreferralDate>2021-05-20</CINreferralDate></CINdetails>"
        #expect(try rules(Self.cin(Self.child("A", overlapping))) == ["DfE rule 8820"])
        let plan = { (start: String, end: String?) in
            "<ChildProtectionPlans><CPPstartDate>\(start)</CPPstartDate>\(end.map { "<CPPendDate>\($0)</CPPendDate>" } ?? "")<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse></ChildProtectionPlans>"
        }
        #expect(
            try rules(Self.cin(Self.child("A", "<CINdetails>\(referral)\(plan("2021-06-01", nil))\(plan("2021-07-01", nil))</CINdetails>"))) == [
                "DfE rule 8935", "DfE rule 8940",
            ])
        #expect(
            try rules(Self.cin(Self.child("A", "<CINdetails>\(referral)\(plan("2021-06-01", "2021-07-02"))\(plan("2021-07-01", nil))</CINdetails>"))) == [
                "DfE rule 8940"
            ])
        #expect(try rules(Self.cin(Self.child("A", "<CINdetails>\(referral)\(plan("2021-06-01", "2021-07-01"))\(plan("2021-07-01", nil))</CINdetails>"))) == [])
        // Two children under one id: an error, and the second is not read.
        let twice = try extract(Self.cin(Self.child("A", "") + Self.child("A", "")))
        #expect(twice.issues.map(\.severity) == [.error] && twice.rows[.people]?.count == 1)
    }

    @Test("Assessment factors are checked against the census year: 18A until 2019-20, 18B from 2020-21, 24A from 2021-22")
    func factorYears() throws {
        func refused(_ code: String, year: Int) throws -> Bool {
            let xml = Self.cin(
                year: year,
                Self.child(
                    "A",
                    "<CINdetails><CINreferralDate>2019-05-01</CINreferralDate><Assessments><AssessmentActualStartDate>2019-06-01</AssessmentActualStartDate><AssessmentAuthorisationDate>2019-06-30</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment><AssessmentFactors>\(code)</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments></CINdetails>"
                ))
            return try extract(xml).issues.contains { $0.code == .codeError && $0.value == code }
        }
        #expect(try !refused("18A", year: 2020))
        #expect(try refused("18A", year: 2021))
        #expect(try refused("18B", year: 2020))
        #expect(try !refused("18B", year: 2021))
        #expect(try refused("24A", year: 2021))
        #expect(try !refused("24A", year: 2022))
        #expect(try !refused("2B", year: 2022))
        #expect(AssessmentFactor.allCases.count == 44)
    }

    @Test("Both boolean styles and both sex codings are read")
    func codings() {
        #expect(["true", "TRUE", "1", "false", "FALSE", "0"].map { yesNo($0) } == ["Y", "Y", "Y", "N", "N", "N"])
        #expect(["1", "2", "0", "9", "M", "F", "U"].map { sexCode($0) } == ["M", "F", "U", "U", "M", "F", "U"])
        #expect(isoDate("29/02/2024") == "2024-02-29" && isoDate("2024-02-29") == "2024-02-29" && isoDate("31/02/2024") == "31/02/2024")
    }

    @Test("The SSDA903 rules Dots checks, each by its DfE number")
    func ssda903Rules() {
        func table(_ name: String, _ text: String) -> SSDA903Reader.Table { .init(name: name, file: name + ".csv", bytes: Array(text.utf8)) }
        let header = table("Header", "CHILD,SEX,DOB,ETHNIC,UPN\nA,1,01/06/2010,WBRI,\n")
        let head = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\n"
        func rules(_ tables: [SSDA903Reader.Table]) -> [String] {
            SSDA903Reader().read(tables, la: "860").issues.map { String($0.rule.prefix { $0 != ":" }) }
        }
        #expect(rules([header, table("Episodes", head + "A,01/04/2021,S,C2,N1,U6,PR1,01/05/2021,X1\nA,01/05/2021,P,C2,N1,U4,PR1,,\n")]) == [])
        #expect(rules([header, table("Episodes", head + "A,01/04/2021,S,C2,N1,U6,PR1,,\nA,01/05/2021,P,C2,N1,U4,PR1,,\n")]) == ["DfE rule 142"])
        #expect(rules([header, table("Episodes", head + "A,01/04/2021,S,C2,N1,U6,PR1,10/05/2021,X1\nA,01/05/2021,P,C2,N1,U4,PR1,,\n")]) == ["DfE rule 501"])
        let episodes = table("Episodes", head + "A,01/04/2021,S,C2,N1,U6,PR1,,\n")
        #expect(rules([header, episodes, table("Missing", "CHILD,MISSING,MIS_START,MIS_END\nA,M,01/03/2021,02/03/2021\n")]) == ["DfE rule 581"])
        #expect(
            rules([header, episodes, table("Missing", "CHILD,MISSING,MIS_START,MIS_END\nA,M,01/03/2009,02/03/2009\n")]) == ["DfE rule 586", "DfE rule 581"])
    }

    @Test("Returns beside other files, a 903 without its authority, or a header disagreeing with --la-code are refused plainly")
    func refusals() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "CHILD,DECOM,RNE,LS,PLACE\nA,01/04/2021,S,C2,U6\n".write(toFile: dir + "/e.csv", atomically: true, encoding: .utf8)
        let files = try #require(try ReturnFolder.files(at: dir))
        #expect(throws: ReturnReadError.self) { try ReturnFolder.read(files, la: nil) }
        #expect(try ReturnFolder.read(files, la: "860").rows[.careEpisodes]?.count == 1)
        try "person_id,sex\nP1,F\n".write(toFile: dir + "/people.csv", atomically: true, encoding: .utf8)
        #expect(throws: ReturnReadError.self) { try ReturnFolder.files(at: dir) }
        // A folder of Dots' own CSVs is no return folder.
        try FileManager.default.removeItem(atPath: dir + "/e.csv")
        #expect(try ReturnFolder.files(at: dir) == nil)
        #expect(throws: ReturnReadError.self) { try extract(Self.cin(""), la: "861") }
        #expect(throws: ReturnReadError.self) { try extract("<Message><Children>", la: "860") }
    }

    @Test("data.police.uk street-level crime is counted by month, LSOA and type; no location and other authorities left out")
    func policeStreetCrime() throws {
        let folder = Self.fixtures.appendingPathComponent("police/street").path
        let files = try #require(try ReturnFolder.files(at: folder))
        #expect(files.allSatisfy { $0.format == .policeStreetCrimeCSV })
        let out = try ReturnFolder.read(files, la: nil)
        // Worked in Tests/Fixtures/police/README.md.
        let rows = try #require(out.rows[.areaCrime])
        #expect(
            rows.map { "\($0["record_id"]!)=\($0["crimes"]!)" } == [
                "2025-04/E01099001/anti-social-behaviour=1", "2025-04/E01099001/drugs=2", "2025-04/E01099002/violent-crime=1",
                "2025-05/E01099001/drugs=1", "2025-05/E01099002/possession-of-weapons=1",
            ])
        #expect(rows.first?["local_authority"] == "E06000021" && rows[2]["local_authority"] == "E07000197")
        #expect(out.summary.first?.contains("8 crimes in 2 files") == true)
        #expect(out.summary.first?.contains("1 with no location, 1 in 1 local authority outside the partnership") == true)
        #expect(out.period?.description == "2025-26")
        // Nothing about a crime but its month, area and type leaves: no points, streets, ids or outcomes.
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try PreparePipeline(keyProvider: StaticKeyProvider(encoded: Self.keyHex), clock: FixedClock(now))
            .run(input: folder, output: dir, agency: "staffs-police", period: nil)
        #expect(result.report.isValid, "\(result.report.summary())")
        let text = try String(contentsOfFile: dir + "/area_crime.csv", encoding: .utf8)
        for secret in ["-2.18", "53.01", "Made Up Street", "a1f000", "Under investigation"] { #expect(!text.contains(secret)) }
    }

    @Test("data.police.uk stop and search is placed in its district and counted by UK month, age range and object; nothing else leaves")
    func policeStopSearch() throws {
        let folder = Self.fixtures.appendingPathComponent("police/stop-search").path
        let files = try #require(try ReturnFolder.files(at: folder))
        #expect(files.map(\.format) == [.policeStopAndSearchCSV])
        let out = try ReturnFolder.read(files, la: nil)
        // Worked in Tests/Fixtures/police/README.md.
        let rows = try #require(out.rows[.areaStops])
        #expect(
            rows.map { "\($0["record_id"]!)=\($0["searches"]!),\($0["found"]!),\($0["arrests"]!)" } == [
                "2025-04/E06000021/10-17/controlled-drugs=2,1,1", "2025-04/E07000197/over-34/stolen-goods=1,0,1",
                "2025-04/E07000197/unknown/unavailable=1,0,0", "2025-04/E07000199/18-24/offensive-weapons=1,1,0",
                "2025-05/E06000021/10-17/controlled-drugs=1,1,1",
            ])
        #expect(rows.last?["month_start"] == "2025-05-01" && rows.last?["local_authority"] == "E06000021")
        #expect(out.summary.first?.contains("8 searches in 1 file counted into 5 rows") == true)
        #expect(out.summary.first?.contains("1 with no location, 1 outside the partnership's districts") == true)
        #expect(out.summary.first?.contains("Open Government Licence") == true, "the boundaries' attribution travels with what they made")
        #expect(out.issues.isEmpty && out.period?.description == "2025-26")
        // Only counts leave the force: no point, time, ethnicity, legislation or operation.
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try PreparePipeline(keyProvider: StaticKeyProvider(encoded: Self.keyHex), clock: FixedClock(now))
            .run(input: folder, output: dir, agency: "staffs-police", period: nil)
        #expect(result.report.isValid, "\(result.report.summary())")
        let text = try String(contentsOfFile: dir + "/area_stops.csv", encoding: .utf8)
        for secret in ["53.02", "-2.17", "21:40", "Black", "Misuse of Drugs", "Operation Madeup", "Male"] { #expect(!text.contains(secret), "\(secret)") }
    }

    @Test("A search's month is its UK month: a UTC time late on a summer month's last day is the next month; in winter it is not")
    func stopSearchMonths() {
        func month(_ s: String) -> String? { PoliceStopSearchReader.ukMonth(s)?.description }
        #expect(month("2025-04-30T23:30:00+00:00") == "2025-05")
        #expect(month("2025-04-30T23:30:00+01:00") == "2025-04")
        #expect(month("2025-01-31T23:30:00+00:00") == "2025-01")
        #expect(month("2025-01-31T23:30:00Z") == "2025-01")
        // BST began at 01:00 UTC on 30 March 2025 and ended at 01:00 UTC on 26 October 2025.
        #expect(month("2025-03-31T23:30:00+00:00") == "2025-04")
        #expect(month("2025-10-31T23:30:00+00:00") == "2025-10")
        #expect(month("2024-02-29T23:59:59+00:00") == "2024-02", "a leap day")
        #expect(month("2025-04-30") == "2025-04" && month("2025-04-30T23:30:00") == "2025-04", "no offset: UK time as written")
        for bad in ["", "30/04/2025", "2025-04-31T10:00:00+01:00", "2025-04-30T24:00:00+01:00", "2025-04-30T10:00:00+0100"] {
            #expect(month(bad) == nil, "\(bad)")
        }
    }

    @Test("A stop and search row Dots cannot count is reported with its file, row, column and value, and the rest still counted")
    func stopSearchErrors() throws {
        let csv = """
            Type,Date,Latitude,Longitude,Age range,Object of search,Outcome,Outcome linked to object of search
            Person search,2025-04-03T21:40:00+01:00,53.025,-2.177,11-17,Controlled drugs,Arrest,True
            Person search,2025-04-03T21:40:00+01:00,53.025,-2.177,10-17,Drugz,Arrest,True
            Person search,03/04/2025,53.025,-2.177,10-17,Controlled drugs,Arrest,True
            Person search,2025-04-03T21:40:00+01:00,53.025,-2.177,10-17,Controlled drugs,Arrest,True
            """
        let out = PoliceStopSearchReader(districts: try ReferenceBoundaries.districts()).read([("s.csv", Array(csv.utf8))])
        #expect(
            out.issues.map { "\($0.row ?? 0) \($0.column ?? "") \($0.value ?? "")" } == ["2 Age range 11-17", "3 Object of search Drugz", "4 Date 03/04/2025"])
        #expect(out.issues[0].rule.contains("10-17") && out.issues[1].rule.contains("Controlled drugs"))
        #expect(out.rows[.areaStops]?.count == 1)
    }

    @Test("Ofsted's Annex A sample (liiatools): Lists 1, 2 and 8 read as the template lays them out, the others named with why")
    func annexA() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("public/liiatools-0.2.0/Annex_A.xlsx")))
        #expect(throws: ReturnReadError.self) { try AnnexAReader().read(bytes, file: "Annex_A.xlsx", la: nil, asAt: nil) }
        let out = try AnnexAReader().read(bytes, file: "Annex_A.xlsx", la: "860", asAt: CalendarDate(iso: "2021-03-31"))
        let people = try #require(out.rows[.people]), care = try #require(out.rows[.careSnapshot])
        let contacts = try #require(out.rows[.contacts]), help = try #require(out.rows[.earlyHelpAssessments])
        #expect(care.count == 5 && contacts.count == 5 && help.count == 5)
        #expect(people.count == Set(people.map { $0["person_id"]! }).count, "a child in several lists is one person")
        // Read from the sheets by hand. List 1's first rows: 9212044, "Female", "a) WBRI", 2015-01-25, contact
        // 2020-09-16, "q) 6: Police"; 11973218, "b) Female", "k) APKN", no date of birth.
        #expect(people[0]["person_id"] == "860-9212044" && people[0]["sex"] == "F" && people[0]["ethnicity"] == "WBRI")
        #expect(people[0]["date_of_birth"] == "2015-01-25" && people[1]["ethnicity"] == "APKN" && people[1]["date_of_birth"] == "")
        #expect(contacts[0] == ["contact_id": "860-9212044-C2020-09-16", "person_id": "860-9212044", "contact_date": "2020-09-16", "contact_source": "6"])
        // List 2's first: 612306, start 2020-09-16, completed 2020-09-30; the organisation is not read.
        #expect(help[0] == ["assessment_id": "860-612306-H2020-09-16", "person_id": "860-612306", "start_date": "2020-09-16", "completed_date": "2020-09-30"])
        // List 8's first child: 1761444, "b) Female", "s) NOBT", "E1: Placement order", "N1 - Abuse or Neglect",
        // "f) U6: Foster placement - not FFA", "e) PR4 - Private provision".
        let child = try #require(people.first { $0["person_id"] == "860-1761444" })
        #expect(child["sex"] == "F" && child["ethnicity"] == "NOBT" && child["uasc"] == "N" && child["looked_after"] == "Y")
        #expect(care[0]["legal_status"] == "E1" && care[0]["category_of_need"] == "N1" && care[0]["placement"] == "U6")
        #expect(care[0]["placement_provider"] == "PR4" && care[0]["snapshot_date"] == "2021-03-31" && care[0]["placements_12m"] == "1")
        #expect(out.period?.description == "2020-04-01/2021-03-31")
        let summary = try #require(out.summary.first)
        #expect(summary.contains("List 1 read (5 contacts), List 2 read (5 early help assessments), List 8 read (5 children looked after)"))
        #expect(summary.contains("List 3 (the CIN census holds them in full)") && summary.contains("List 11 (adopters: adults)"))
        // No worker's name, team or organisation reaches any row.
        let text = out.rows.values.flatMap { $0 }.flatMap(\.values).joined(separator: "|")
        for never in ["Hazlett", "Eugene Swift", "Children in Care Team", "Top Town Academy", "Early Help Locality"] {
            #expect(!text.contains(never), "\(never)")
        }
        // Not Annex A: a workbook without List 1, 2 or 8 is refused with a pointer to --mapping.
        do {
            _ = try AnnexAReader().read(try WorkbookTests.builtWorkbook(), file: "contacts.xlsx", la: "860", asAt: nil)
            Issue.record("a workbook with no list was read as Annex A")
        } catch let e as ReturnReadError { #expect(e.problem.contains("not Ofsted's Annex A (it has no List 1, 2 or 8)") && e.problem.contains("--mapping")) }
        #expect(AnnexAReader.listNumber("List 8") == 8 && AnnexAReader.listNumber(" list  10 ") == 10 && AnnexAReader.listNumber("Listing") == nil)
        #expect(AnnexAReader.code("E1: Placement order") == "E1" && AnnexAReader.code("N1 - Abuse or Neglect") == "N1" && AnnexAReader.code("WBRI") == "WBRI")
        #expect(AnnexAReader.whole("1.0") == "1" && AnnexAReader.whole("2") == "2")
    }
}

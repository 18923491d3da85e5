import Crypto
import DotsCore
import DotsIntake
import DotsPrepare
import Foundation
import Testing

@Suite("Pseudonymising at source")
struct PrepareTests {
    /// Bytes 0x00…0x1f: a test key whose HMACs were computed independently with Python's hmac module.
    static let keyHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
    let key = try! LinkageKey(encoded: keyHex)
    let now = Instant(iso: "2026-11-24T12:00:00Z")!

    @Test("Pseudonyms are HMAC-SHA-256 of a domain label and the normalised value")
    func knownVectors() {
        let p = PersonPseudonymiser(key: key)
        #expect(p.pseudonym("nhs", "9434765919") == "802eae953ba6a3bce3566aa433ccf39d89c473d060ba328d7f91bece22a22d67")
        #expect(p.pseudonym("name-dob", "ZOE|OBRIEN|2010-02-28") == "d98dd792c7fad94391caf40285d30cca44e1671c7505444e6b52f251e7bc2d6e")
        #expect(key.id == "615d07e431f7ea5a")
    }

    @Test("A key never prints itself")
    func keyRedacted() {
        #expect(!String(describing: key).contains("0001020304"))
        #expect(String(describing: key).contains(key.id))
    }

    @Test("Short, malformed or absent keys are clear errors", arguments: ["", "abcd", "not a key at all!", String(repeating: "0", count: 62)])
    func badKeys(text: String) {
        #expect(throws: KeyError.self) { try LinkageKey(encoded: text) }
    }

    @Test("No key anywhere is a clear error naming both ways to give one")
    func missingKey() {
        let provider = FileOrEnvironmentKeyProvider(file: nil, environment: [:])
        #expect(throws: KeyError.missing) { try provider.linkageKey() }
        #expect(KeyError.missing.description.contains("DOTS_LINKAGE_KEY"))
    }

    @Test("The same child written differently by two agencies gets the same pseudonyms")
    func variantsAgree() {
        let p = PersonPseudonymiser(key: key)
        let a = p.transform(
            [
                "person_id": "A1", "first_name": "Zoë", "surname": "O'Brien", "date_of_birth": "2010-02-28",
                "nhs_number": "943 476 5919", "postcode": "st4 1ab", "sex": "F",
            ], file: "people.csv", row: 2)
        let b = p.transform(
            [
                "person_id": "B7", "first_name": "ZOE", "surname": "OBRIEN", "date_of_birth": "28/02/2010",
                "nhs_number": "9434765919", "postcode": "ST41AB", "sex": "F",
            ], file: "people.csv", row: 2)
        #expect(a.warnings.isEmpty && b.warnings.isEmpty)
        #expect(a.values["nhs_pseudonym"] == p.pseudonym("nhs", "9434765919"))
        #expect(a.values["name_dob_pseudonym"] == "d98dd792c7fad94391caf40285d30cca44e1671c7505444e6b52f251e7bc2d6e")
        #expect(a.values["birth_year_month"] == "2010-02")
        #expect(a.values["home_area"] == "E06000021")
        // Every pseudonym and encoding agrees, whatever the formatting.
        #expect(a.values.filter { $0.key != "person_id" } == b.values.filter { $0.key != "person_id" })
    }

    @Test(
        "Names fold accents, case and punctuation",
        arguments: [
            ("Siobhán", "SIOBHAN"), ("Nguyễn", "NGUYEN"), ("Smith-Jones", "SMITHJONES"), ("  le roux ", "LEROUX"), ("Łukasz", "LUKASZ"), ("123", nil),
        ])
    func names(raw: String, expected: String?) {
        #expect(IdentifierNormaliser.name(raw) == expected)
    }

    @Test("Bad identifiers are dropped with a warning; the row still goes")
    func badIdentifiers() {
        let p = PersonPseudonymiser(key: key)
        let out = p.transform(
            [
                "person_id": "A1", "first_name": "J", "surname": "", "date_of_birth": "31/02/2010",
                "nhs_number": "943 476 5918", "upn": "X", "postcode": "M1 1AE", "sex": "M",
            ], file: "people.csv", row: 5)
        #expect(Set(out.warnings.map(\.code)) == [.invalidNHSNumber, .invalidIdentifier, .missingValue, .unknownPostcode])
        #expect(out.warnings.allSatisfy { $0.severity == .warning && $0.row == 5 && $0.value == nil })
        #expect(out.warnings.filter { $0.code == .invalidIdentifier }.map(\.column) == ["upn", "date_of_birth", "first_name"])
        for absent in ["nhs_pseudonym", "upn_pseudonym", "name_dob_pseudonym", "birth_year_month", "surname_bloom", "home_area"] {
            #expect(out.values[absent] == nil, "\(absent)")
        }
        // What there is still goes: a one-letter first name, and a postcode outside the partnership (no area).
        #expect(out.values["first_name_bloom"] != nil && out.values["postcode_pseudonym"] != nil)
        #expect(out.values["person_id"] == "A1")
    }

    @Test("A date of birth after the day of preparing (a mistyped year) is left out with a warning, not refused at the hub")
    func futureBirthDate() {
        let p = PersonPseudonymiser(key: key, today: CalendarDate(iso: "2026-11-24")!)
        let row: [String: String] = ["person_id": "A1", "first_name": "Ann", "surname": "Lee", "date_of_birth": "2060-01-15", "sex": "F"]
        let out = p.transform(row, file: "people.csv", row: 7)
        #expect(out.warnings.map(\.column) == ["date_of_birth"] && out.warnings[0].rule.contains("2060-01-15 is after today (2026-11-24)"))
        for absent in ["birth_year_month", "dob_pseudonym", "name_dob_pseudonym"] { #expect(out.values[absent] == nil, "\(absent)") }
        // Today itself is not after today; without a day, nothing is checked.
        #expect(p.transform(row.merging(["date_of_birth": "2026-11-24"]) { $1 }, file: "people.csv", row: 7).warnings.isEmpty)
        #expect(PersonPseudonymiser(key: key).transform(row, file: "people.csv", row: 7).values["birth_year_month"] == "2060-01")
    }

    /// A small extract: people with clear identifiers, and one missing episode.
    func writeExtract(_ dir: String, badRow: Bool = false) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let people = """
            person_id,first_name,surname,date_of_birth,nhs_number,upn,local_id,postcode,sex,ethnicity,looked_after,send
            P1,Zoë,O'Brien,2010-02-28,943 476 5919,F801200100001,,ST4 1AB,F,WBRI,N,
            P2,Łukasz,Nowak,14/07/2011,,,PNC12/345678,B79 7XY,M,WOTH,Y,K

            """
        let episodes = """
            episode_id,person_id,start_datetime,end_datetime,missing_type,missing_from,placed_by_other_la,found_area,rhi_offered_datetime,rhi_accepted_datetime,rhi_completed_datetime
            E1,P1,2025-06-14 21:30,2025-06-15 08:10,M,home,,E06000021,,,
            E2,\(badRow ? "P9" : "P2"),2025-07-01 20:00,2025-07-02 09:00,A,care,N,E07000199,,,

            """
        try people.write(toFile: dir + "/people.csv", atomically: true, encoding: .utf8)
        try episodes.write(toFile: dir + "/missing_episodes.csv", atomically: true, encoding: .utf8)
    }

    func tempDir() -> String { FileManager.default.temporaryDirectory.appendingPathComponent("dots-prep-\(UUID().uuidString)").path }

    @Test("A prepared package holds no clear identifier and passes the hub's checks")
    func packageHasNoIdentifiers() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeExtract(dir + "/in")
        let result = try PreparePipeline(keyProvider: StaticKeyProvider(encoded: Self.keyHex), clock: FixedClock(now))
            .run(input: dir + "/in", output: dir + "/out", agency: "staffs-police", period: Period(parsing: "2025-26"))
        #expect(result.report.isValid)
        #expect(result.output == dir + "/out")
        for file in try FileManager.default.contentsOfDirectory(atPath: dir + "/out") {
            let text = try String(contentsOfFile: dir + "/out/" + file, encoding: .utf8)
            // The keys that survive typing errors carry nothing clear either: no sound code, no names joined, no
            // day and month, and none of them as an unkeyed hash (what someone without the key could recompute).
            let derived = ["Z000", "O165", "L220", "N200", "OBRIEN|ZOE", "LUKASZ|NOWAK", "2|28", "7|14"]
            let unkeyed = derived.map { SHA256.hash(data: Data($0.utf8)).map { String(format: "%02x", $0) }.joined() }
            for secret in [
                "Zoë", "O'Brien", "Łukasz", "Nowak", "2010-02-28", "14/07/2011", "943 476 5919", "9434765919", "ST4 1AB", "B79 7XY", "F801200100001",
                "PNC12/345678", Self.keyHex,
            ] + derived + unkeyed {
                #expect(!text.contains(secret), "\(file) contains \(secret)")
            }
        }
        let source = try SubmissionSource.load(path: dir + "/out")
        #expect(source.agency == "staffs-police" && source.keyID == key.id && source.period?.description == "2025-26")
        let hub = SubmissionValidator(model: ReferencePartnership.model, context: ValidationContext(now: now)).validate(source)
        #expect(hub.isValid, "\(hub.summary())")
        #expect(hub.rows == 4)
    }

    @Test("With home LSOAs (--home-lsoa) the package carries them beside the districts and still passes the hub's checks")
    func packageWithHomeLSOAs() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeExtract(dir + "/in")
        let result = try PreparePipeline(
            keyProvider: StaticKeyProvider(encoded: Self.keyHex), clock: FixedClock(now), postcodeLSOAs: ["ST4 1AB": "E01099004"]
        )
        .run(input: dir + "/in", output: dir + "/out", agency: "staffs-police", period: Period(parsing: "2025-26"))
        #expect(result.report.isValid)
        let people = try String(contentsOfFile: dir + "/out/people.csv", encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let column = try #require(people[0].firstIndex(of: "home_lsoa"))
        #expect(people[1][column] == "E01099004" && people[2][column] == "", "P1's postcode has an LSOA; P2's is not in the lookup")
        let hub = SubmissionValidator(model: ReferencePartnership.model, context: ValidationContext(now: now)).validate(
            try SubmissionSource.load(path: dir + "/out"))
        #expect(hub.isValid, "\(hub.summary())")
    }

    @Test("An extract with an error writes nothing at all")
    func invalidWritesNothing() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeExtract(dir + "/in", badRow: true)
        let result = try PreparePipeline(keyProvider: StaticKeyProvider(encoded: Self.keyHex), clock: FixedClock(now))
            .run(input: dir + "/in", output: dir + "/out", agency: "staffs-police", period: nil)
        #expect(!result.report.isValid)
        #expect(result.report.issues.map(\.code) == [.unknownPerson])
        #expect(result.output == nil)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("out") }.isEmpty)
    }

    @Test("An extract of events alone is prepared against the people of the agency's last package, and only those")
    func eventsAgainstLastPackage() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeExtract(dir + "/in")
        let pipeline = PreparePipeline(keyProvider: StaticKeyProvider(encoded: Self.keyHex), clock: FixedClock(now))
        #expect(try pipeline.run(input: dir + "/in", output: dir + "/first", agency: "staffs-police", period: Period(parsing: "2025-26")).output != nil)
        // Next quarter: missing episodes only, for P1 and P2 (sent last time) and P3 (never sent).
        try FileManager.default.createDirectory(atPath: dir + "/next", withIntermediateDirectories: true)
        let header = Dataset.missingEpisodes.extractSchema.fieldNames.joined(separator: ",")
        try "\(header)\nE3,P1,2025-10-01 20:00,,M,home,,,,,\nE4,P2,2025-10-02 20:00,,M,home,,,,,\n".write(
            toFile: dir + "/next/missing_episodes.csv", atomically: true, encoding: .utf8)
        // Without the last package, every event's person is unknown.
        let alone = try pipeline.run(input: dir + "/next", output: dir + "/second", agency: "staffs-police", period: nil)
        #expect(alone.report.issues.map(\.code) == [.unknownPerson, .unknownPerson] && alone.output == nil)
        #expect(IssueCode.unknownPerson.fix.contains("--people-from"))
        // With it, they are known: the package folder or its people.csv.
        let known = try PeopleManifest.load(dir + "/first")
        #expect(known == ["P1", "P2"])
        #expect(try PeopleManifest.load(dir + "/first/people.csv") == known)
        let next = try pipeline.run(input: dir + "/next", output: dir + "/second", agency: "staffs-police", period: nil, knownPeople: known)
        #expect(next.report.isValid, "\(next.report.summary())")
        #expect(FileManager.default.fileExists(atPath: dir + "/second/missing_episodes.csv"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/second/people.csv"))
        // Someone the agency has never sent is still refused.
        try "\(header)\nE5,P3,2025-10-03 20:00,,M,home,,,,,\n".write(toFile: dir + "/next/missing_episodes.csv", atomically: true, encoding: .utf8)
        let stranger = try pipeline.run(input: dir + "/next", output: dir + "/third", agency: "staffs-police", period: nil, knownPeople: known)
        #expect(stranger.report.issues.map(\.code) == [.unknownPerson] && stranger.report.issues.first?.value == "P3")
        // A file that is not a package or has no person_id column says so.
        #expect(throws: PeopleManifest.ReadError.self) { try PeopleManifest.load(dir + "/next/missing_episodes.csv.missing") }
        try "a,b\n1,2\n".write(toFile: dir + "/other.csv", atomically: true, encoding: .utf8)
        #expect(throws: PeopleManifest.ReadError.self) { try PeopleManifest.load(dir + "/other.csv") }
    }

    @Test("A UPN with the wrong check letter is left out with a warning naming the DfE rule; UN1 to UN5 mean not known, without one")
    func upnCheckLetters() {
        let p = PersonPseudonymiser(key: key)
        let good = p.transform(["person_id": "1", "upn": "f801200100001"], file: "people.csv", row: 2)
        // (Other warnings, a blank name and date of birth, are not about the UPN.)
        #expect(good.values["upn_pseudonym"] == p.pseudonym("upn", "F801200100001") && !good.warnings.contains { $0.column == "upn" })
        let wrong = p.transform(["person_id": "2", "upn": "A801200100001"], file: "people.csv", row: 3)
        #expect(wrong.values["upn_pseudonym"] == nil)
        #expect(wrong.warnings.filter { $0.column == "upn" }.map(\.rule).first?.contains("rule 168") == true)
        let unknown = p.transform(["person_id": "3", "upn": "UN3"], file: "people.csv", row: 4)
        #expect(unknown.values["upn_pseudonym"] == nil && !unknown.warnings.contains { $0.column == "upn" })
    }

    @Test("A column blank on every row is one warning for the file, not one per row; a few blanks are still named by row")
    func blankColumnsOnce() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        // Like an SSDA903 Header table: no names at all; one of three without a date of birth.
        let fields = Dataset.people.extractSchema.fieldNames
        func row(_ v: [String: String]) -> String { fields.map { v[$0] ?? "" }.joined(separator: ",") }
        let rows = [
            row(["person_id": "C1", "date_of_birth": "2010-02-28", "sex": "F"]), row(["person_id": "C2", "sex": "M"]),
            row(["person_id": "C3", "date_of_birth": "2012-05-06", "sex": "M"]),
        ]
        try ([fields.joined(separator: ",")] + rows).joined(separator: "\n").appending("\n").write(
            toFile: dir + "/in/people.csv", atomically: true, encoding: .utf8)
        let result = try PreparePipeline(keyProvider: StaticKeyProvider(encoded: Self.keyHex), clock: FixedClock(now))
            .run(input: dir + "/in", output: dir + "/out", agency: "staffs-csc", period: nil)
        #expect(result.report.isValid)
        let blanks = result.report.issues.filter { $0.code == .missingValue }
        #expect(blanks.filter { $0.column == "first_name" }.count == 1 && blanks.filter { $0.column == "surname" }.count == 1)
        #expect(blanks.first { $0.column == "first_name" }?.row == nil)
        #expect(
            blanks.first { $0.column == "surname" }?.rule
                == "surname is blank on every row (3): the extract does not hold it, so people will link on other identifiers only")
        #expect(blanks.filter { $0.column == "date_of_birth" }.map(\.row) == [3])
    }

    @Test("Nicknames become the formal name before pseudonymising")
    func nicknames() {
        let p = PersonPseudonymiser(key: key)
        let bill = p.transform(["person_id": "1", "first_name": "Bill", "surname": "Smith", "date_of_birth": "2011-05-06"], file: "p", row: 2)
        let william = p.transform(["person_id": "2", "first_name": "WILLIAM", "surname": "Smith", "date_of_birth": "2011-05-06"], file: "p", row: 2)
        #expect(bill.values["first_name_pseudonym"] == william.values["first_name_pseudonym"])
        #expect(bill.values["name_dob_pseudonym"] == william.values["name_dob_pseudonym"])
    }

    @Test("Swapped day and month agree on the unordered date-of-birth pseudonym only")
    func swappedDates() {
        let p = PersonPseudonymiser(key: key)
        let a = p.transform(["person_id": "1", "date_of_birth": "2011-05-06"], file: "p", row: 2).values
        let b = p.transform(["person_id": "2", "date_of_birth": "2011-06-05"], file: "p", row: 2).values
        #expect(a["dob_pseudonym"] != b["dob_pseudonym"])
        #expect(a["dob_unordered_pseudonym"] == b["dob_unordered_pseudonym"])
    }

    @Test(
        "Soundex codes, worked by the National Archives' rules",
        arguments: [
            ("ROBERT", "R163"), ("RUPERT", "R163"), ("ASHCRAFT", "A261"), ("TYMCZAK", "T522"), ("PFISTER", "P236"), ("HONEYMAN", "H555"),
            ("LEE", "L000"), ("A", "A000"), ("CHARLOTTE", "C643"), ("CHARLOTE", "C643"), ("HENDERSON", "H536"), ("HENDERSEN", "H536"),
        ])
    func soundex(name: String, code: String) {
        #expect(Soundex.code(name) == code)
    }

    @Test("Soundex of nothing is nothing")
    func soundexEmpty() {
        #expect(Soundex.code("") == nil)
    }

    @Test("The keys that survive typing errors: a name's sound, both names in either order, day and month whatever the year")
    func errorTolerantKeys() {
        let p = PersonPseudonymiser(key: key)
        func row(_ first: String, _ surname: String, _ dob: String) -> [String: String] {
            p.transform(["person_id": "1", "first_name": first, "surname": surname, "date_of_birth": dob], file: "p", row: 2).values
        }
        let a = row("Charlotte", "Henderson", "2010-03-15")
        // A typing error after the first letter keeps the sound code, not the name's pseudonym.
        let typo = row("Charlote", "Hendersen", "2010-03-15")
        #expect(a["first_name_pseudonym"] != typo["first_name_pseudonym"] && a["surname_pseudonym"] != typo["surname_pseudonym"])
        #expect(a["first_name_phonetic"] == typo["first_name_phonetic"] && a["surname_phonetic"] == typo["surname_phonetic"])
        #expect(a["first_name_phonetic"] == p.pseudonym("first_name-soundex", "C643"), "HMAC of a domain and the code")
        // Each field's sound is keyed apart: the same code as a first name and as a surname differ.
        let same = row("Henderson", "Henderson", "2010-03-15")
        #expect(same["first_name_phonetic"] != same["surname_phonetic"])
        // Names in each other's fields agree on the unordered key only; nicknames are not mapped there, so swapping
        // cannot change it.
        let swapped = row("Henderson", "Charlotte", "2010-03-15")
        #expect(swapped["names_unordered_pseudonym"] == a["names_unordered_pseudonym"] && swapped["first_name_pseudonym"] != a["first_name_pseudonym"])
        #expect(row("Bill", "Smith", "2010-03-15")["names_unordered_pseudonym"] == row("Smith", "Bill", "2010-03-15")["names_unordered_pseudonym"])
        #expect(row("Charlotte", "", "2010-03-15")["names_unordered_pseudonym"] == nil, "both names are needed")
        // A mistyped year keeps the day and month; swapped day and month do not.
        let year = row("Charlotte", "Henderson", "2011-03-15")
        #expect(year["dob_month_day_pseudonym"] == a["dob_month_day_pseudonym"] && year["dob_pseudonym"] != a["dob_pseudonym"])
        #expect(row("Charlotte", "Henderson", "2010-15-03")["dob_month_day_pseudonym"] == nil, "not a date: nothing")
        #expect(row("Charlotte", "Henderson", "2010-04-15")["dob_month_day_pseudonym"] != a["dob_month_day_pseudonym"])
        #expect(a["dob_month_day_pseudonym"] == p.pseudonym("dob-month-day", "3|15"))
    }

    func dice(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let both = zip(a, b).reduce(0) { $0 + ($1.0 & $1.1).nonzeroBitCount }
        let total = a.reduce(0) { $0 + $1.nonzeroBitCount } + b.reduce(0) { $0 + $1.nonzeroBitCount }
        return 2 * Double(both) / Double(total)
    }

    @Test("Bloom encodings of similar names overlap more than those of different names, and depend on the key and birth year")
    func bloomSimilarity() throws {
        let e = BloomEncoder(key: key)
        let jayden = try #require(e.encode(field: "surname", value: "WHITEHOUSE", salt: "2010"))
        let typo = try #require(e.encode(field: "surname", value: "WHITEHOSUE", salt: "2010"))
        let other = try #require(e.encode(field: "surname", value: "OKAFOR", salt: "2010"))
        #expect(jayden.count == 64)
        #expect(dice(jayden, jayden) == 1)
        #expect(dice(jayden, typo) > 0.7)
        #expect(dice(jayden, other) < 0.4)
        #expect(e.encode(field: "surname", value: "WHITEHOUSE", salt: "2011") != jayden)
        let otherKey = BloomEncoder(key: try LinkageKey(encoded: String(repeating: "ab", count: 32)))
        #expect(otherKey.encode(field: "surname", value: "WHITEHOUSE", salt: "2010") != jayden)
        #expect(e.encode(field: "surname", value: "", salt: "2010") == nil)
    }

    @Test("A key other than the partnership's current one is refused before anything is written")
    func wrongKey() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeExtract(dir + "/in")
        let pipeline = PreparePipeline(keyProvider: StaticKeyProvider(encoded: Self.keyHex), clock: FixedClock(now))
        #expect(throws: KeyError.wrongKey(found: key.id, expected: "0123456789abcdef")) {
            try pipeline.run(input: dir + "/in", output: dir + "/out", agency: "staffs-police", period: nil, expectedKeyID: "0123456789abcdef")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
        #expect(try pipeline.run(input: dir + "/in", output: dir + "/out", agency: "staffs-police", period: nil, expectedKeyID: key.id).output != nil)
    }

    @Test("Another key gives other pseudonyms and another key id, so mixing keys is caught")
    func otherKey() throws {
        let other = try LinkageKey(encoded: String(repeating: "ab", count: 32))
        #expect(other.id != key.id)
        #expect(PersonPseudonymiser(key: other).pseudonym("nhs", "9434765919") != PersonPseudonymiser(key: key).pseudonym("nhs", "9434765919"))
    }

    @Test("A mapping file prepares an extract in another shape (an SSDA903-style missing table) without code changes")
    func mapping() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try """
        CHILD,FORENAME,SURNAME,DOB,NHS_NO,GENDER,ETHNIC,POSTCODE,SOCIAL_WORKER_NOTES
        C1,Zoë,O'Brien,28/02/2010,943 476 5919,2,WBRI,ST4 1AB,"private, never sent"

        """.write(toFile: dir + "/in/header.csv", atomically: true, encoding: .utf8)
        try """
        CHILD,DOB,MISSING,MIS_START,MIS_END
        C1,28/02/2010,M,14/06/2025 21:30,15/06/2025 08:10
        C1,28/02/2010,A,01/07/2025,

        """.write(toFile: dir + "/in/missing.csv", atomically: true, encoding: .utf8)
        try """
        { "datasets": {
            "people": { "file": "header.csv", "dateFormat": "DD/MM/YYYY",
                        "columns": { "person_id": "CHILD", "first_name": "FORENAME", "surname": "SURNAME", "date_of_birth": "DOB",
                                     "nhs_number": "NHS_NO", "sex": "GENDER", "ethnicity": "ETHNIC", "postcode": "POSTCODE", "looked_after": "=Y" },
                        "values": { "sex": { "1": "M", "2": "F", "0": "U", "9": "U" } } },
            "missing_episodes": { "file": "missing.csv", "dateFormat": "DD/MM/YYYY",
                        "columns": { "episode_id": "@row", "person_id": "CHILD", "start_datetime": "MIS_START", "end_datetime": "MIS_END",
                                     "missing_type": "MISSING", "missing_from": "=care" } } } }
        """.write(toFile: dir + "/mapping.json", atomically: true, encoding: .utf8)
        let mapping = try ExtractMapping.load(dir + "/mapping.json")
        let result = try PreparePipeline(keyProvider: StaticKeyProvider(encoded: Self.keyHex), clock: FixedClock(now))
            .run(input: dir + "/in", output: dir + "/out", agency: "staffs-csc", period: nil, mapping: mapping)
        #expect(result.report.isValid, "\(result.report.summary())")
        let people = try String(contentsOfFile: dir + "/out/people.csv", encoding: .utf8)
        #expect(people.contains(PersonPseudonymiser(key: key).pseudonym("nhs", "9434765919")))
        #expect(people.contains(",2010-02,F,WBRI,E06000021,,Y,"))
        #expect(!people.contains("private") && !people.contains("Zoë"))
        let episodes = try String(contentsOfFile: dir + "/out/missing_episodes.csv", encoding: .utf8).split(separator: "\n")
        #expect(episodes[1].hasPrefix("2,C1,2025-06-14 21:30,2025-06-15 08:10,M,care,"))
        #expect(episodes[2].hasPrefix("3,C1,2025-07-01,,A,care,"))
    }

    @Test("A survey export (Bright Spots style) is prepared as voice_feedback with a mapping: answers recoded, free text left behind")
    func surveyImport() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try """
        CHILD,FORENAME,SURNAME,DOB,NHS_NO,GENDER
        C1,Zoë,O'Brien,28/02/2010,943 476 5919,2
        C2,Ali,Khan,01/09/2011,,1

        """.write(toFile: dir + "/in/children.csv", atomically: true, encoding: .utf8)
        // A survey tool's export: its own labels, and a comments column that must never leave the agency.
        try """
        RESPONSE,CHILD,COMPLETED,Q_SAFE,Q_TRUSTED_ADULT,Q_LISTEN,Q_COMMENTS
        R1,C1,03/02/2026,All or most of the time,Yes,Sometimes,"I like my carer, Zoë's school is rubbish"
        R2,C2,04/02/2026,Hardly ever,Don't know,No,
        R3,C1,05/03/2026,,No,,

        """.write(toFile: dir + "/in/survey.csv", atomically: true, encoding: .utf8)
        try """
        { "datasets": {
            "people": { "file": "children.csv", "dateFormat": "DD/MM/YYYY",
                        "columns": { "person_id": "CHILD", "first_name": "FORENAME", "surname": "SURNAME", "date_of_birth": "DOB",
                                     "nhs_number": "NHS_NO", "sex": "GENDER" },
                        "values": { "sex": { "1": "M", "2": "F" } } },
            "voice_feedback": { "file": "survey.csv", "dateFormat": "DD/MM/YYYY",
                        "columns": { "feedback_id": "RESPONSE", "person_id": "CHILD", "feedback_date": "COMPLETED", "source": "=survey",
                                     "respondent": "=child", "feel_safe": "Q_SAFE", "trusted_adult": "Q_TRUSTED_ADULT", "listened_to": "Q_LISTEN" },
                        "values": { "feel_safe": { "All or most of the time": "yes", "Sometimes": "mostly", "Hardly ever": "not_really", "Never": "not_really" },
                                    "trusted_adult": { "Yes": "Y", "No": "N", "Don't know": "" },
                                    "listened_to": { "Yes": "yes", "Sometimes": "sometimes", "No": "no" } } } } }
        """.write(toFile: dir + "/mapping.json", atomically: true, encoding: .utf8)
        let mapping = try ExtractMapping.load(dir + "/mapping.json")
        let result = try PreparePipeline(keyProvider: StaticKeyProvider(encoded: Self.keyHex), clock: FixedClock(now))
            .run(input: dir + "/in", output: dir + "/out", agency: "staffs-csc", period: nil, mapping: mapping)
        #expect(result.report.isValid, "\(result.report.summary())")
        let rows = try String(contentsOfFile: dir + "/out/voice_feedback.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rows[0] == "feedback_id,person_id,feedback_date,source,respondent,feel_safe,trusted_adult,listened_to")
        #expect(rows[1] == "R1,C1,2026-02-03,survey,child,yes,Y,sometimes")
        #expect(rows[2] == "R2,C2,2026-02-04,survey,child,not_really,,no")
        #expect(rows[3] == "R3,C1,2026-03-05,survey,child,,N,")
        let everything = try FileManager.default.contentsOfDirectory(atPath: dir + "/out").map {
            try String(contentsOfFile: dir + "/out/" + $0, encoding: .utf8)
        }
        .joined()
        #expect(!everything.contains("I like my") && !everything.contains("rubbish"), "free text never leaves the agency")
    }

    @Test("A mapping that names a column the file lacks says which, and what the file has")
    func badMapping() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "A,B\n1,2\n".write(toFile: dir + "/p.csv", atomically: true, encoding: .utf8)
        try #"{"datasets": {"people": {"file": "p.csv", "columns": {"person_id": "CHILD"}}}}"#.write(toFile: dir + "/m.json", atomically: true, encoding: .utf8)
        let mapping = try ExtractMapping.load(dir + "/m.json")
        #expect(throws: ExtractMapping.MappingError.self) { try mapping.apply(folder: dir, agency: "x", period: nil) }
        do { _ = try mapping.apply(folder: dir, agency: "x", period: nil) } catch let e as ExtractMapping.MappingError {
            #expect(e.description.contains("CHILD") && e.description.contains("A, B"))
        }
        try #"{"datasets": {"people": {"file": "p.csv", "columns": {"shoe_size": "A"}}}}"#.write(toFile: dir + "/m2.json", atomically: true, encoding: .utf8)
        #expect(throws: ExtractMapping.MappingError.self) { try ExtractMapping.load(dir + "/m2.json") }
    }

    @Test("A misspelt key in a mapping is refused with the nearest valid name, never ignored")
    func misspeltKeys() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        func problem(_ json: String) -> String? {
            try? json.write(toFile: dir + "/m.json", atomically: true, encoding: .utf8)
            do {
                _ = try ExtractMapping.load(dir + "/m.json")
                return nil
            } catch { return "\(error)" }
        }
        // "dateformat" would leave day-first dates unconverted without a word.
        let date = problem(#"{"datasets": {"people": {"file": "p.csv", "columns": {"person_id": "CHILD"}, "dateformat": "DD/MM/YYYY"}}}"#)
        #expect(date?.contains("people has a key dateformat that the mapping format does not have; Did you mean dateFormat?") == true, "\(date ?? "")")
        let top = problem(#"{"dataset": {}, "datasets": {}}"#)
        #expect(top?.contains("the file has a key dataset") == true && top?.contains("Did you mean datasets?") == true, "\(top ?? "")")
        // A value recoding for a column the dataset does not have, named with the nearest.
        let values = problem(#"{"datasets": {"people": {"file": "p.csv", "columns": {"person_id": "CHILD"}, "values": {"sexx": {"1": "M"}}}}}"#)
        #expect(values?.contains("people has no column sexx; Did you mean sex?") == true, "\(values ?? "")")
        // Nothing near: no guess.
        #expect(problem(#"{"datasets": {"people": {"file": "p.csv", "columns": {}, "zzzzzzzz": 1}}}"#)?.contains("Did you mean") == false)
        #expect(problem(#"{"datasets": {"people": {"file": "p.csv", "columns": {"person_id": "CHILD"}, "dateFormat": "DD/MM/YYYY"}}}"#) == nil)
    }

    @Test("A day-first date that does not exist is left as the file holds it, so the report shows what was written")
    func impossibleDates() {
        #expect(ExtractMapping.isoDate("14/06/2025 21:30", format: "DD/MM/YYYY") == "2025-06-14 21:30")
        #expect(ExtractMapping.isoDate("29/02/2024", format: "DD/MM/YYYY") == "2024-02-29")
        #expect(ExtractMapping.isoDate("29/02/2025", format: "DD/MM/YYYY") == "29/02/2025")
        #expect(ExtractMapping.isoDate("31/02/2024", format: "DD/MM/YYYY") == "31/02/2024")
        #expect(ExtractMapping.isoDate("06/14/2025", format: "MM/DD/YYYY") == "2025-06-14")
        #expect(ExtractMapping.isoDate("14/06/2025", format: "MM/DD/YYYY") == "14/06/2025")
    }
}

@Suite("Mappings stay in their folder")
struct MappingTraversalTests {
    @Test("A mapping naming ../ or a folder is refused, whether loaded from a file or built in code")
    func traversal() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-map-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("extract"), withIntermediateDirectories: true)
        try Data("CHILD\n1\n".utf8).write(to: dir.appendingPathComponent("children.csv"))
        for bad in ["../children.csv", "/tmp/children.csv", "sub/children.csv"] {
            let file = dir.appendingPathComponent("mapping.json")
            try Data("{\"datasets\": {\"people\": {\"file\": \"\(bad)\", \"columns\": {\"person_id\": \"CHILD\"}}}}".utf8).write(to: file)
            #expect(throws: ExtractMapping.MappingError.self, "\(bad)") { try ExtractMapping.load(file.path) }
            let built = try JSONDecoder().decode(ExtractMapping.self, from: Data("{\"datasets\": {\"people\": {\"file\": \"\(bad)\", \"columns\": {}}}}".utf8))
            #expect(throws: ExtractMapping.MappingError.self) { try built.apply(folder: dir.appendingPathComponent("extract").path, agency: nil, period: nil) }
        }
    }
}

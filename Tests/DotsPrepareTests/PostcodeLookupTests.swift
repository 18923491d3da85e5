import DotsCore
import DotsPrepare
import Foundation
import Testing

@Suite("The ONS postcode directory at the agency: each home postcode's own district, not its outward code's")
struct PostcodeLookupTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/geography/postcode-directory-fixture.csv").path
    let key = try! LinkageKey(encoded: PrepareTests.keyHex)

    func written(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dots-pcd-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("The fixture (NSPL's layout): four postcodes placed, a pseudo-code and a blank district left out and counted")
    func fixture() throws {
        var lookup = PostcodeLookup()
        try lookup.read(Self.fixture)
        #expect(
            lookup.districts == ["ST7 9ZZ": "E06000021", "ST7 9ZY": "E06000049", "ST4 9ZZ": "E06000021", "LL11 9ZZ": "W06000006"])
        #expect(lookup.skipped == 2 && lookup.firstSkipped == "\(Self.fixture) row 5: postcode \"ZZ99 3WZ\", district \"E99999999\"")
    }

    @Test("A home postcode takes the directory's district; one it does not hold falls back to its outward code's")
    func placed() throws {
        var lookup = PostcodeLookup()
        try lookup.read(Self.fixture)
        let p = PersonPseudonymiser(key: key, postcodeAreas: lookup.areas())
        func area(_ postcode: String) -> String? {
            p.transform(
                ["person_id": "A1", "first_name": "Ann", "surname": "Lee", "date_of_birth": "2010-05-01", "postcode": postcode], file: "people.csv", row: 2
            )
            .values["home_area"]
        }
        // ST7 is Newcastle-under-Lyme's outward code in Dots' own table; the directory puts ST7 9ZZ in Stoke-on-Trent.
        #expect(PostcodeDistricts.area(forOutwardCode: "ST7") == "E07000195")
        #expect(area("st79zz") == "E06000021")
        #expect(area("ST7 9ZY") == "E06000049", "outside the partnership: its real district, which the framework counts as outside")
        #expect(area("ST7 2AB") == "E07000195", "not in the directory: the outward code's district, as without one")
        #expect(PersonPseudonymiser(key: key).transform(["person_id": "A1", "postcode": "ST7 9ZZ"], file: "p.csv", row: 2).values["home_area"] == "E07000195")
        // Nothing of the directory leaves the agency but the district: the package row has the same fields, and the
        // same pseudonyms, with it as without it.
        let person = ["person_id": "A1", "first_name": "Ann", "surname": "Lee", "date_of_birth": "2010-05-01", "postcode": "ST7 9ZZ"]
        let with = p.transform(person, file: "people.csv", row: 2).values
        let without = PersonPseudonymiser(key: key).transform(person, file: "people.csv", row: 2).values
        #expect(Set(with.keys) == Set(without.keys) && with.filter { $0.key != "home_area" } == without.filter { $0.key != "home_area" })
    }

    @Test("ONSPD's and newer files' headers are found; several files add up")
    func headers() throws {
        var lookup = PostcodeLookup()
        try lookup.read(
            try written("pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward\nST5 9ZZ,ST5  9ZZ,ST5 9ZZ,199801,,E10000028,E58000001,E07000195,E05099001\n"))
        try lookup.read(try written("PCDS,LAD25CD,LSOA21CD\r\n\"B78 9ZZ\",\"E07000199\",\"E01099009\"\r\n"))
        #expect(lookup.districts == ["ST5 9ZZ": "E07000195", "B78 9ZZ": "E07000199"] && lookup.skipped == 0)
        #expect(PostcodeLookup.isDistrictColumn("lad23cd") && !PostcodeLookup.isDistrictColumn("lad2cd") && !PostcodeLookup.isDistrictColumn("ladcd"))
    }

    @Test("A file that is not a postcode directory is refused, naming the file, the row and the columns, with what to give")
    func refused() throws {
        func refusal(_ path: String) -> PostcodeLookup.ReadError? {
            var lookup = PostcodeLookup()
            return #expect(throws: PostcodeLookup.ReadError.self) { try lookup.read(path) }
        }
        let noDistrict = try written("pcds,lsoa21\nST7 9ZZ,E01099001\n")
        let e = refusal(noDistrict)
        #expect(e?.file == noDistrict && e?.problem.contains("row 1") == true && e?.problem.contains("pcds, lsoa21") == true)
        #expect(e?.fix.contains("oslaua") == true && e?.fix.contains("ONSPD") == true)
        let cut = try written("pcds,laua\nST5 9ZZ,E07000195\n\"ST7 9ZY,E06000049\n")
        #expect(refusal(cut)?.problem.contains("row 3") == true)
        let missing = refusal("/no/such/directory.csv")
        #expect(missing?.file == "/no/such/directory.csv" && missing?.problem.contains("cannot be read") == true)
        #expect(refusal(try written(""))?.problem == "is empty")

        // A refused file adds nothing, not even the rows before its fault.
        var lookup = PostcodeLookup()
        try lookup.read(Self.fixture)
        let before = lookup
        do { try lookup.read(cut) } catch {}
        #expect(lookup == before)
    }
}

@Suite("The home LSOA from the postcode directory (dots prepare --home-lsoa)")
struct HomeLSOATests {
    let key = try! LinkageKey(encoded: PrepareTests.keyHex)

    @Test("Read only when asked for: the fixture's LSOAs, a blank or pseudo LSOA left blank while the district counts")
    func read() throws {
        var plain = PostcodeLookup()
        try plain.read(PostcodeLookupTests.fixture)
        #expect(plain.lsoas.isEmpty, "without --home-lsoa the column is not read")
        var lookup = PostcodeLookup(withLSOAs: true)
        try lookup.read(PostcodeLookupTests.fixture)
        #expect(lookup.lsoas == ["ST7 9ZZ": "E01099001", "ST7 9ZY": "E01099005", "ST4 9ZZ": "E01099004"])
        #expect(lookup.districts == plain.districts, "the districts are the same either way")
        // 2021 LSOAs are preferred to 2011's; a Welsh LSOA (W01) is not one the framework's boundaries can hold.
        var both = PostcodeLookup(withLSOAs: true)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dots-lsoa-\(UUID().uuidString).csv").path
        try Data("pcds,laua,lsoa11,lsoa21\nST5 9ZZ,E07000195,E01011111,E01022222\nST5 9ZY,E07000195,E01011112,\nLL11 9ZZ,W06000006,,W01000001\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        try both.read(path)
        #expect(both.lsoas == ["ST5 9ZZ": "E01022222"], "lsoa21 is read; a blank one is blank, not the 2011 code")
        #expect(both.districts.count == 3)
    }

    @Test("Asked for, a directory without an LSOA column is refused with what to give")
    func refused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dots-lsoa-\(UUID().uuidString).csv").path
        try Data("pcds,laua\nST5 9ZZ,E07000195\n".utf8).write(to: URL(fileURLWithPath: path))
        var lookup = PostcodeLookup(withLSOAs: true)
        let e = #expect(throws: PostcodeLookup.ReadError.self) { try lookup.read(path) }
        #expect(e?.problem.contains("no LSOA column") == true && e?.fix.contains("lsoa21") == true && e?.fix.contains("--home-lsoa") == true)
        #expect(lookup.districts.isEmpty && lookup.lsoas.isEmpty)
    }

    @Test("The package row carries the home LSOA only when given, beside the district; nothing else changes")
    func packageRow() throws {
        var lookup = PostcodeLookup(withLSOAs: true)
        try lookup.read(PostcodeLookupTests.fixture)
        let person = ["person_id": "A1", "first_name": "Ann", "surname": "Lee", "date_of_birth": "2010-05-01", "postcode": "st7 9zz"]
        let with = PersonPseudonymiser(key: key, postcodeAreas: lookup.areas(), postcodeLSOAs: lookup.lsoas).transform(person, file: "p.csv", row: 2).values
        let without = PersonPseudonymiser(key: key, postcodeAreas: lookup.areas()).transform(person, file: "p.csv", row: 2).values
        #expect(with["home_lsoa"] == "E01099001" && with["home_area"] == "E06000021")
        #expect(without["home_lsoa"] == nil)
        #expect(with.filter { $0.key != "home_lsoa" } == without)
        // A postcode the directory does not hold has no LSOA (its outward code's district still places it).
        let elsewhere = PersonPseudonymiser(key: key, postcodeAreas: lookup.areas(), postcodeLSOAs: lookup.lsoas)
            .transform(["person_id": "A2", "postcode": "ST7 2AB"], file: "p.csv", row: 3).values
        #expect(elsewhere["home_lsoa"] == nil && elsewhere["home_area"] == "E07000195")
    }
}

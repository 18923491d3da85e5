import DotsCore
import Testing

@Suite("Identifier rules")
struct RulesTests {
    @Test(
        "NHS numbers pass only with the right modulus-11 check digit",
        arguments: [
            ("9434765919", "9434765919"), ("943 476 5919", "9434765919"), ("943-476-5919", "9434765919"),
            ("9434765918", nil), ("943476591", nil), ("94347659190", nil), ("94347659I9", nil), ("", nil),
        ])
    func nhsNumbers(raw: String, expected: String?) {
        #expect(NHSNumber.normalised(raw) == expected)
    }

    @Test("A remainder giving check value 10 makes the number unusable")
    func checkTen() {
        // 1*10 + 0*9 + ... + 0*2 = 10; 11 - (10 % 11) = 1 → check digit 1.
        #expect(NHSNumber.checkDigit([1, 0, 0, 0, 0, 0, 0, 0, 0]) == 1)
        // 0...0 then 1 at weight 2: sum 2, 11 - 2 = 9.
        #expect(NHSNumber.checkDigit([0, 0, 0, 0, 0, 0, 0, 0, 1]) == 9)
        // Sum 1 is impossible, but sum 12 (weight 10 + weight 2) → 11 - 1 = 10: unusable.
        #expect(NHSNumber.checkDigit([1, 0, 0, 0, 0, 0, 0, 0, 1]) == nil)
    }

    @Test(
        "Postcodes normalise to upper case with one space",
        arguments: [
            ("st4 1ab", "ST4 1AB"), ("B781AA", "B78 1AA"), (" ws11  2xy ", "WS11 2XY"), ("ST41", nil), ("12345", nil), ("ST4 1A", nil),
        ])
    func postcodes(raw: String, expected: String?) {
        #expect(Postcode.normalised(raw) == expected)
    }

    @Test("Postcodes in ASCII, read byte by byte, normalise exactly as by Unicode's letters and numbers")
    func postcodesByteByByte() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("STWBsw0123456789 -.'ZzAa\t")
        var cases = ["st4 1ab", "ST4 1AB", "st4-1ab", "ZZ99 3WZ", "GIR 0AA", "ST41 AB", "S T 4 1 A B", "ST4 1AB X", "", " ", "1ST 4AB"]
        for _ in 0..<5000 { cases.append(String((0..<Int.random(in: 0...10, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })) }
        for c in cases { #expect(Postcode.normalised(c) == Postcode.normalisedUnicode(c), "\(c)") }
        // Not ASCII: Unicode's rules (a letter outside ASCII makes it no postcode; an en dash is dropped).
        #expect(Postcode.normalised("ST4 1ÅB") == nil && Postcode.normalised("ST4–1AB") == "ST4 1AB")
    }

    @Test("Postcode districts map to the partnership's local areas")
    func postcodeAreas() {
        #expect(Postcode.outwardCode("ST4 1AB") == "ST4")
        #expect(PostcodeDistricts.area(forOutwardCode: "ST4") == "E06000021")
        #expect(PostcodeDistricts.area(forOutwardCode: "B79") == "E07000199")
        #expect(PostcodeDistricts.area(forOutwardCode: "M1") == nil)
        let covered = Set(PostcodeDistricts.referenceAreas.values)
        #expect(covered == Set(ReferenceGeography.localAreas.map(\.code)))
    }

    @Test("ONS codes are read by their entity prefix")
    func areaLevels() {
        #expect(Area.level(ofCode: "E10000028") == .county)
        #expect(Area.level(ofCode: "E06000021") == .unitary)
        #expect(Area.level(ofCode: "E07000197") == .district)
        #expect(Area.level(ofCode: "E01014210") == .lsoa)
        #expect(Area.level(ofCode: "E0700019") == nil)
        #expect(Area.level(ofCode: "W06000001") == nil)
    }

    @Test("Nicknames lead back to their formal name")
    func nicknames() {
        #expect(Nicknames.formalName["BILL"] == "WILLIAM")
        #expect(Nicknames.nicknames(of: "ELIZABETH").contains("LIZ"))
    }

    @Test("A UPN's check letter, worked by hand, and the DfE's codes for a UPN not known")
    func upnCheckLetter() {
        // 8 0 1 2 0 0 1 0 0 0 0 1 weighted 2 to 13: 16 + 4 + 10 + 8 + 13 = 51; 51 mod 23 = 5, the 6th letter: F.
        #expect(UniquePupilNumber.checkLetter("801200100001") == "F")
        #expect(UniquePupilNumber.isValid("F801200100001"))
        #expect(!UniquePupilNumber.isValid("A801200100001"))
        // A temporary UPN ends in a letter, valued by its place (A = 0): 18 + 9 + 10 + 10 + 22 + 36 + 0 = 105;
        // 105 mod 23 = 13, the 14th letter (no I, O or S): P.
        #expect(UniquePupilNumber.checkLetter("93020000123A") == "P")
        #expect(UniquePupilNumber.isValid("P93020000123A"))
        // I, O and S are never used; wrong lengths and other characters are not UPNs.
        #expect(UniquePupilNumber.checkLetter("93020000123I") == nil)
        #expect(!UniquePupilNumber.isValid("F80120010000") && !UniquePupilNumber.isValid("F80120010000X1") && !UniquePupilNumber.isValid("F80120010000-"))
        #expect(UniquePupilNumber.letters.count == 23)
        #expect(UniquePupilNumber.unknownCodes.contains("UN3") && !UniquePupilNumber.isValid("UN3"))
    }
}

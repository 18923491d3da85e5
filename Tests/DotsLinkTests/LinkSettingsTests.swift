import DotsCore
import DotsLink
import Foundation
import Testing

@Suite("Linkage settings and the blocking keys that survive typing errors")
struct LinkSettingsTests {
    @Test("Settings saved before a field existed read it as its default; the defaults round-trip")
    func olderSettings() throws {
        let old = #"{"version":1,"blockingRules":[["nhs"]],"maxBlockSize":50,"trainingRules":[["dob","sex"]],"matchThreshold":0.9}"#
        let s = try JSONDecoder().decode(LinkageSettings.self, from: Data(old.utf8))
        #expect(s.blockingRules == [[.nhs]] && s.maxBlockSize == 50 && s.matchThreshold == 0.9)
        #expect(s.nameBands == LinkageSettings().nameBands && s.nameBandBits == LinkageSettings().nameBandBits && s.seed == 1)
        #expect(try JSONDecoder().decode(LinkageSettings.self, from: try LinkageSettings().json()) == LinkageSettings())
        var bad = LinkageSettings()
        bad.nameBands = 0
        bad.nameBandBits = 600
        #expect(bad.problems() == ["nameBands: 1 to 64", "nameBandBits: 1 to 512"])
    }

    static func bits(_ set: [Int]) -> BloomBits {
        var bytes = [UInt8](repeating: 0, count: 64)
        for b in set { bytes[b / 8] |= 1 << UInt8(b % 8) }
        return BloomBits(bytes: bytes)!
    }

    @Test("A band's key reads only its sampled bits, needs three of them set, and never reads a missing encoding")
    func bandKeys() {
        // One band sampling every position: any difference changes the key.
        let all = NameBands(count: 1, bits: 512, seed: 7)
        let a = Self.bits([1, 2, 3, 100]), b = Self.bits([1, 2, 3, 101])
        #expect(all.key(a, band: 0) != 0 && all.key(a, band: 0) == all.key(Self.bits([1, 2, 3, 100]), band: 0))
        #expect(all.key(a, band: 0) != all.key(b, band: 0))
        #expect(all.key(Self.bits([1, 2]), band: 0) == 0, "two set bits are too few to block on")
        #expect(all.key(nil, band: 0) == 0)
        // A band sampling a few positions: bits outside them do not matter.
        let few = NameBands(count: 2, bits: 8, seed: 7)
        let full = Self.bits(Array(0..<512))
        let k0 = few.key(full, band: 0)
        #expect(k0 != 0 && k0 != few.key(full, band: 1), "bands are keyed apart")
        // Clearing one bit the band does not sample leaves its key alone; some such bit exists (8 of 512 sampled).
        let unsampled = (0..<512).first { p in few.key(Self.bits((0..<512).filter { $0 != p }), band: 0) == k0 }
        #expect(unsampled != nil)
        // The same seed samples the same positions.
        #expect(NameBands(count: 2, bits: 8, seed: 7).key(full, band: 1) == few.key(full, band: 1))
    }

    @Test("A rule with bands is tried once per band and counted as one rule; the month of birth matches across years")
    func bandRules() {
        var b = RecordBuilder()
        // Encodings dense enough for every band's sample to hold three set bits; "near" differs in eight bits.
        let name = Data(Self.bitsBytes(Array(0..<300))).base64EncodedString()
        let near = Data(Self.bitsBytes(Array(0..<296) + [400, 401, 402, 403])).base64EncodedString()
        for (id, bloom, month) in [("1", name, "2010-03"), ("2", near, "2010-03"), ("3", name, "2011-03")] {
            b.add(agency: "A", row: ["agency_id": "A", "person_id": id, "first_name_bloom": bloom, "surname_pseudonym": "s", "birth_year_month": month])
        }
        let records = b.records
        let blocker = Blocker(rules: [[.surname, .firstNameBands]], maxBlockSize: 10, bands: NameBands(count: 4, bits: 16, seed: 1))
        let pairs = blocker.pairs(records)
        #expect(pairs.pairsPerRule.count == 1)
        // 1 and 2 meet (similar encodings, same surname), each pair once however many bands agree; 3 has the same
        // encoding (here unsalted) and meets them too.
        #expect(Set(zip(pairs.left, pairs.right).map { "\($0)-\($1)" }) == ["0-1", "0-2", "1-2"] && pairs.count == 3)
        // Names whose encodings differ in most of their bits do not meet on a band.
        let other = Data(Self.bitsBytes(Array(200..<500))).base64EncodedString()
        var c = RecordBuilder()
        for (id, bloom) in [("1", name), ("2", other)] {
            c.add(agency: "A", row: ["agency_id": "A", "person_id": id, "first_name_bloom": bloom, "surname_pseudonym": "s", "birth_year_month": "2010-03"])
        }
        #expect(blocker.pairs(c.records).count == 0)
        let months = Blocker(rules: [[.surname, .birthMonthOfYear]], maxBlockSize: 10).pairs(records)
        #expect(Set(zip(months.left, months.right).map { "\($0)-\($1)" }) == ["0-1", "0-2", "1-2"], "March, whatever the year")
        let years = Blocker(rules: [[.surname, .birthYear]], maxBlockSize: 10).pairs(records)
        #expect(Set(zip(years.left, years.right).map { "\($0)-\($1)" }) == ["0-1"])
    }

    @Test("Settings version 2: a date of birth in the same month of another year is its own level; version 1 keeps five")
    func yearMistyped() throws {
        var b = RecordBuilder()
        for (id, dob, month) in [("1", "d1", "2010-03"), ("2", "d2", "2011-03"), ("3", "d3", "2020-03"), ("4", "d4", "2011-05")] {
            b.add(agency: "A", row: ["agency_id": "A", "person_id": id, "dob_pseudonym": dob, "birth_year_month": month])
        }
        let r = b.records
        var two = LinkageSettings()
        two.version = 2
        let v2 = Comparator(settings: two)
        let dob = v2.comparisons.firstIndex { $0.name == .dob }!
        #expect(v2.comparisons[dob].levels == ["exact", "day and month swapped", "same month", "within a month", "same month, another year", "different"])
        var l = [UInt8](repeating: 0, count: v2.comparisons.count)
        v2.levels(r[0], r[1], into: &l)
        #expect(l[dob] == 5, "a year out")
        v2.levels(r[0], r[2], into: &l)
        #expect(l[dob] == 5, "ten years out")
        v2.levels(r[0], r[3], into: &l)
        #expect(l[dob] == 6, "another month and year")
        // A run saved with version 1 settings is compared, and so explained, with version 1's levels.
        let old = try JSONDecoder().decode(LinkageSettings.self, from: Data(#"{"version":1}"#.utf8))
        let v1 = Comparator(settings: old)
        #expect(v1.comparisons[dob].levelCount == 6)
        v1.levels(r[0], r[1], into: &l)
        #expect(l[dob] == 5 && v1.comparisons[dob].label(5) == "different")
        #expect(two.problems().isEmpty && old.problems().isEmpty)
    }

    static func bitsBytes(_ set: [Int]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 64)
        for b in set { bytes[b / 8] |= 1 << UInt8(b % 8) }
        return bytes
    }
}

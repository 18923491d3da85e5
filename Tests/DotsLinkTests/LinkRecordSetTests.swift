import DotsCore
import DotsLink
import Foundation
import Testing

@Suite("Linkage record sets: one people submission in the form linkage reads")
struct LinkRecordSetTests {
    static let hexA = String(repeating: "0123456789abcdef", count: 4)
    static let hexB = "fedcba9876543210" + String(repeating: "0", count: 48)

    /// Rows in `RecordBuilder.columns` order without the agency: person id, thirteen pseudonyms (the last four the
    /// keys that survive typing errors: first name and surname sound, names in either order, day and month), two
    /// encodings, birth month, sex, area.
    static func row(
        _ id: String, nhs: String? = nil, surname: String? = nil, firstBloom: String? = nil, month: String? = nil,
        sex: String? = nil, area: String? = nil, sound: String? = nil
    ) -> [String?] {
        [id, nhs, nil, nil, nil, nil, surname, nil, nil, nil, nil, nil, sound, nil, firstBloom, nil, month, sex, area]
    }

    static let sample = LinkRecordSet(
        agency: "staffs-police",
        rows: [
            row("b-2", nhs: hexB, month: "2012-12", sex: "M", area: "E06000021"),
            row("Zoë-1", nhs: hexA, surname: "not-hex", firstBloom: bloom([0, 5, 511]), month: "2010-02", sex: "F", area: "E07000199", sound: hexB),
            row("a-3", area: "E06000021"),
            row("Émile-4", surname: "not-hex", sex: "U"),
        ])

    @Test("Records are in person-id order by UTF-8 bytes, with each field as linkage reads it")
    func building() {
        let s = Self.sample
        // Bytes: "Z" 0x5A < "a" 0x61 < "b" 0x62 < "É" 0xC3 0x89.
        #expect(s.personIDs == ["Zoë-1", "a-3", "b-2", "Émile-4"])
        #expect(s.count == 4 && s.agency == "staffs-police")
        let k = LinkRecordSet.pseudonymCount
        // A pseudonym's key is its first 16 hex digits; blank is 0; anything else hashes the same way every time.
        #expect(s.pseudonyms[0] == 0x0123_4567_89AB_CDEF && s.pseudonyms[2 * k] == 0xFEDC_BA98_7654_3210)
        #expect(s.pseudonyms[k] == 0 && s.pseudonyms[1] == 0)
        #expect(s.pseudonyms[5] != 0 && s.pseudonyms[5] == s.pseudonyms[3 * k + 5])
        #expect(LinkRecordSet.key(pseudonym: "not-hex") == s.pseudonyms[5] && LinkRecordSet.key(pseudonym: "") == 0)
        // The names in either order (pseudonym 11 of 13) is read into its own place.
        #expect(k == 13 && s.pseudonyms[11] == 0xFEDC_BA98_7654_3210 && s.pseudonyms[k + 11] == 0)
        let months: [Int32] = [24121, -1, 24155, -1]  // 2010 × 12 + (2 − 1), none, 2012 × 12 + (12 − 1), none
        #expect(s.birthMonths == months)
        #expect(s.sexes == [2, 0, 1, 0])
        #expect(s.areaNames == ["E07000199", "E06000021"] && s.areas == [1, 2, 2, 0])
        #expect(s.bloomFlags == [1, 0, 0, 0])
        let (word0, word7): (UInt64, UInt64) = (0b10_0001, 1 << 63)
        #expect(s.blooms[0] == word0 && s.blooms[7] == word7 && s.blooms[8..<16].allSatisfy { $0 == 0 })
    }

    @Test("A set reads back exactly as written, empty sets too")
    func roundTrip() throws {
        #expect(try LinkRecordSet(encoded: Self.sample.encoded()) == Self.sample)
        let empty = LinkRecordSet(agency: "stoke-csc", rows: [])
        #expect(try LinkRecordSet(encoded: empty.encoded()) == empty)
    }

    @Test("A cut-short, foreign or other-format body is an error, never a crash or a wrong set")
    func damaged() throws {
        let body = Self.sample.encoded()
        for length in 0..<body.count {
            #expect(throws: LinkRecordSet.DecodingError.self) { try LinkRecordSet(encoded: body.prefix(length)) }
        }
        #expect(throws: LinkRecordSet.DecodingError.notASet) { try LinkRecordSet(encoded: Data("not a set at all".utf8)) }
        var otherFormat = body
        otherFormat[4] = 99
        #expect(throws: LinkRecordSet.DecodingError.otherFormat(99)) { try LinkRecordSet(encoded: otherFormat) }
    }

    @Test("Building records from sets interns each pseudonym to one id, across agencies, however many keys share table slots")
    func interning() {
        // 3,000 keys that differ only in their high bits (so they crowd the same slots), over 10,000 records in two
        // agencies; the table grows several times on the way.
        func key(_ n: Int) -> String { String(format: "%016llx", UInt64(n) << 40) + String(repeating: "0", count: 48) }
        let source = (0..<10_000).map { ($0 * 7919) % 3_000 + 1 }
        var builder = RecordBuilder()
        builder.add(
            LinkRecordSet(agency: "a", rows: source.prefix(5_000).enumerated().map { Self.row(String(format: "%05d", $0.offset), nhs: key($0.element)) }))
        builder.add(
            LinkRecordSet(agency: "b", rows: source.dropFirst(5_000).enumerated().map { Self.row(String(format: "%05d", $0.offset), nhs: key($0.element)) }))
        let ids = builder.records.map(\.nhs)
        var keyOf: [Int32: Int] = [:], idOf: [Int: Int32] = [:]
        for (id, k) in zip(ids, source) {
            #expect(id > 0)
            #expect(keyOf[id, default: k] == k && idOf[k, default: id] == id)
            keyOf[id] = k
            idOf[k] = id
        }
        #expect(keyOf.count == 3_000)
        // Ids are given in order of first appearance: 1, 2, 3…
        #expect(ids.prefix(3) == [1, 2, 3])
    }
}

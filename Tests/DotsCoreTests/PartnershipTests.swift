import DotsCore
import Testing

@Suite("The reference partnership changes shape over time")
struct PartnershipTests {
    let model = ReferencePartnership.model

    @Test("Before the split one joint partnership covers all nine local areas")
    func beforeSplit() {
        let day = CalendarDate(iso: "2020-06-01")!
        #expect(model.partnership(id: "joint-scp")!.areaCodes(on: day).count == 9)
        #expect(model.partnership(id: "staffs-scp")!.areaCodes(on: day).isEmpty)
        #expect(model.partnership(id: "joint-ce")!.areaCodes(on: day).isEmpty)
    }

    @Test("After the split: Staffordshire's 8 districts, Stoke-on-Trent, and a joint CE sub-group over both")
    func afterSplit() {
        let day = ReferencePartnership.splitDate
        #expect(model.partnership(id: "joint-scp")!.areaCodes(on: day).isEmpty)
        #expect(Set(model.partnership(id: "staffs-scp")!.areaCodes(on: day)) == Set(ReferenceGeography.staffordshireDistricts.map(\.code)))
        #expect(model.partnership(id: "stoke-scp")!.areaCodes(on: day) == ["E06000021"])
        #expect(model.partnership(id: "joint-ce")!.areaCodes(on: day).count == 9)
        #expect(model.partnership(id: "joint-scp")!.areaCodes(on: day.adding(days: -1)).count == 9)
    }

    @Test("Countywide agencies belong to both partnerships and the sub-group; a council's only to its own")
    func agencyMembership() {
        let day = CalendarDate(iso: "2025-01-01")!
        #expect(Set(model.partnerships(ofAgency: "staffs-police", on: day).map(\.id)) == ["staffs-scp", "stoke-scp", "joint-ce"])
        #expect(Set(model.partnerships(ofAgency: "stoke-csc", on: day).map(\.id)) == ["stoke-scp", "joint-ce"])
    }

    @Test("The county's districts sit in Staffordshire; Stoke-on-Trent is its own authority")
    func localAuthorities() {
        #expect(ReferenceGeography.localAuthority(of: "E07000199")?.code == "E10000028")
        #expect(ReferenceGeography.localAuthority(of: "E06000021")?.code == "E06000021")
    }

    @Test("Every agency submits people, and every dataset is submitted by someone, but those Dots keeps from its own context records")
    func datasetsCovered() {
        #expect(model.agencies.allSatisfy { $0.datasets.contains(.people) })
        #expect(Set(model.agencies.flatMap(\.datasets)) == Set(Dataset.allCases).subtracting(Dataset.aboutContexts))
    }

    @Test("Partnerships to choose from: those in force, widest first (the default), then those that have ended")
    func forChoosing() {
        let today = CalendarDate(year: 2026, month: 12, day: 5)!
        #expect(ReferencePartnership.partnerships.forChoosing(on: today).map(\.id) == ["joint-ce", "staffs-scp", "stoke-scp", "joint-scp"])
        // Before the 2021 split only the joint partnership was in force.
        let before = CalendarDate(year: 2020, month: 6, day: 1)!
        #expect(ReferencePartnership.partnerships.forChoosing(on: before).first?.id == "joint-scp")
    }
}

import DotsCore
import DotsGeography
import DotsSynth
import Testing

/// The demo's invented small areas: the default the demo shows, and as many as a partnership's real LSOAs when asked.
@Suite("Invented small areas in LSOAs' shape")
struct InventedLSOAsTests {
    /// Areas by district, each placed as `dots geography import` places an ONS file's.
    static func placed(_ areas: [InventedLSOAs.Area]) throws -> [String: [String]] {
        let districts = try ReferenceBoundaries.districts()
        let set = BoundarySet(areas.map(\.boundary), attribution: InventedLSOAs.attribution)
        let result = set.placed(within: districts)
        #expect(result.outside.isEmpty)
        return Dictionary(grouping: result.placed, by: \.parent).mapValues { $0.map(\.boundary.code) }
    }

    @Test("By default at least 8 a district, 109 in all, each placed in the district it was made for")
    func demoDefault() throws {
        let areas = try InventedLSOAs.make()
        #expect(areas.count == 109)
        let byDistrict = try Self.placed(areas)
        #expect(byDistrict.count == ReferenceGeography.localAreas.count)
        #expect(byDistrict.values.allSatisfy { $0.count >= 8 })
        for a in areas { #expect(byDistrict[a.district]?.contains(a.code) == true) }
    }

    @Test("Asked for 80 a district (the partnership's real LSOAs number some 700), each district gets at least 80, codes and names unique")
    func asManyAsReal() throws {
        let areas = try InventedLSOAs.make(perDistrict: 80)
        let byDistrict = try Self.placed(areas)
        #expect(byDistrict.count == ReferenceGeography.localAreas.count)
        #expect(byDistrict.values.allSatisfy { $0.count >= 80 })
        #expect(Set(areas.map(\.code)).count == areas.count)
        #expect(Set(areas.map(\.name)).count == areas.count)
        for a in areas { #expect(byDistrict[a.district]?.contains(a.code) == true) }
    }
}

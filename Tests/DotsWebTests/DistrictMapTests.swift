import DotsApp
import DotsCore
import DotsStore
import DotsSynth
import DotsTestSupport
import Foundation
import Testing
import VaporTesting

@testable import DotsWeb

@Suite("District maps: published figures only, hatched where hidden, ONS attribution on every map")
struct DistrictMapTests {
    @Test("Shading steps are equal from the smallest shown value to the largest, whole for counts; fewer when fewer values differ")
    func bins() {
        // Counts: 2 to 12 is 11 whole numbers, in steps of 3 (11 / 5 rounded up): four keys, none fractional.
        let b = DistrictMap.bins([2, 4, 6, 8, 10, 12])
        #expect(b == [2...4, 5...7, 8...10, 11...12])
        #expect(DistrictMap.bin(4, in: b) == 0 && DistrictMap.bin(5, in: b) == 1 && DistrictMap.bin(12, in: b) == 3)
        #expect(DistrictMap.bins([5, 5]) == [5...5])
        #expect(DistrictMap.bins([1, 3]) == [1...2, 3...3])
        // Rates: equal steps between the smallest and largest.
        #expect(DistrictMap.bins([1.5, 2.5]) == [1.5...2.0, 2.0...2.5])
        #expect(DistrictMap.bin(2.2, in: DistrictMap.bins([1.5, 2.5])) == 1)
        #expect(DistrictMap.bins([]).isEmpty)
        #expect(DistrictMap.wrap("aa bb cc dd", width: 5) == ["aa bb", "cc dd"])
    }

    /// Each district's `<title>` on the map (`id`'s, else the first): "Name: figure".
    static func mapTitles(_ page: String, id: String? = nil) -> [String] {
        let opening = "<svg class=\"dots-chart dots-map\" role=\"img\" aria-labelledby=\"" + (id.map { "\($0)-title" } ?? "")
        guard let start = page.range(of: opening), let end = page.range(of: "</svg>", range: start.upperBound..<page.endIndex)
        else { return [] }
        return page[start.lowerBound..<end.lowerBound].components(separatedBy: "<path ").dropFirst().compactMap { part in
            part.range(of: "<title>").flatMap { t in
                part.range(of: "</title>", range: t.upperBound..<part.endIndex).map { String(part[t.upperBound..<$0.lowerBound]) }
            }
        }
    }

    @Test(
        "Every reader sees the same map of the published figures: an analyst's exact table does not unhide a district on the map",
        arguments: StoreKind.available)
    func publishedOnly(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await AccessTests.fixture(store)
            try await WebFixture.withApp(store) { app in
                var board = WebTestClient(app)
                _ = try await board.signIn("strategic-lead@example.org", WebFixture.password)
                var analyst = WebTestClient(app)
                _ = try await analyst.signIn("analyst@example.org", WebFixture.password)
                var hiddenSeen = 0
                for id in ["ce-cohort", "missing-episodes", "missing-children", "police-ce-incidents", "county-lines-incidents", "rhi-completed-72h"] {
                    let boards = try await board.send(.GET, "/framework/indicators/\(id)").body.string
                    let analysts = try await analyst.send(.GET, "/framework/indicators/\(id)").body.string
                    let titles = Self.mapTitles(boards)
                    guard !titles.isEmpty else { continue }
                    #expect(titles.count == 9, "\(id): the nine districts")
                    #expect(Self.mapTitles(analysts) == titles, "\(id): the analyst's map is the published one")
                    #expect(boards.contains("Office for National Statistics licensed under the Open Government Licence"))
                    hiddenSeen += titles.filter { $0.hasSuffix(": hidden to protect small numbers") }.count
                }
                #expect(hiddenSeen > 0, "the fixture has districts too small to show, so the test can fail")
            }
        }
    }

    @Test(
        "By LSOA a district at a time: the published figures on the map for every reader, the district's outline and both attributions; financial years only",
        arguments: StoreKind.available)
    func byLSOA(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await AccessTests.fixture(store)
            let stafford = try InventedLSOAs.make().filter { $0.district == "E07000197" }
            try await WebFixture.withApp(store) { app in
                var board = WebTestClient(app)
                _ = try await board.signIn("strategic-lead@example.org", WebFixture.password)
                var analyst = WebTestClient(app)
                _ = try await analyst.signIn("analyst@example.org", WebFixture.password)
                let path = "/framework/indicators/missing-children"
                // No district chosen: the choice, no map.
                let first = try await board.send(.GET, path).body.string
                #expect(first.contains("By LSOA within a district") && first.contains("<option value=\"E07000197\">Stafford</option>"))
                #expect(Self.mapTitles(first, id: "lsoa-map").isEmpty)
                let boards = try await board.send(.GET, path + "?within=E07000197").body.string
                let analysts = try await analyst.send(.GET, path + "?within=E07000197").body.string
                let titles = Self.mapTitles(boards, id: "lsoa-map")
                // The district's outline, then each of its LSOAs.
                #expect(titles.count == stafford.count + 1 && titles.first == "Stafford")
                #expect(Self.mapTitles(analysts, id: "lsoa-map") == titles, "the analyst's map is the published one")
                #expect(boards.contains("Invented small areas for the Dots demo") && boards.contains("Office for National Statistics"))
                let figures = titles.dropFirst().map { $0.components(separatedBy: ": ").last ?? "" }
                #expect(figures.contains("hidden to protect small numbers"), "the demo's LSOAs are small: some are hidden, so the test can fail")
                #expect(!figures.contains { Int($0).map { (1...5).contains($0) } ?? false }, "no LSOA is shown below the minimum group size")
                // The table: every LSOA of the district and its "not recorded"; exact for the analyst only.
                for page in [boards, analysts] {
                    #expect(stafford.allSatisfy { page.contains("\($0.name) (\($0.code))") } && page.contains("LSOA not recorded"))
                }
                #expect(!boards.contains("Cannock Chase 001A"), "one district at a time")
                // The CSV is what the page shows: this district's LSOAs only.
                let csv = try await board.send(.GET, "/framework/indicators/missing-children.csv?within=E07000197").body.string
                #expect(csv.contains("E07000197/") && !csv.contains("E07000192/"))
                // The API answers the same, a district at a time, as published.
                struct Detail: Decodable {
                    struct Figure: Decodable { let breakdown: String, group: String, numerator: String }
                    let breakdowns: [Figure]
                }
                let api = try JSONDecoder().decode(
                    Detail.self, from: Data(try await board.send(.GET, "/api/v1/framework/indicators/missing-children?within=E07000197").body.readableBytesView)
                )
                let lsoas = api.breakdowns.filter { $0.breakdown == "lsoa" }
                #expect(lsoas.count == stafford.count + 1 && lsoas.allSatisfy { $0.group.hasPrefix("E07000197/") })
                #expect(!lsoas.contains { Int($0.numerator).map { (1...5).contains($0) } ?? false })
                let none = try JSONDecoder().decode(
                    Detail.self, from: Data(try await board.send(.GET, "/api/v1/framework/indicators/missing-children").body.readableBytesView))
                #expect(!none.breakdowns.contains { $0.breakdown == "lsoa" } && none.breakdowns.contains { $0.breakdown == "district" })
                // Quarters have no figures by LSOA, and say where they are.
                let quarter = try await board.send(.GET, path + "?period=quarter&within=E07000197").body.string
                #expect(quarter.contains("Figures by LSOA are given for financial years only") && Self.mapTitles(quarter, id: "lsoa-map").isEmpty)
            }
        }
    }
}

import DotsApp
import DotsCore
import DotsFramework
import DotsStore
import DotsTestSupport
import DotsWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Partnership shapes over time in pages and the API")
struct PartnershipShapeTests {
    @Test("A period counts for a partnership only when it lies wholly inside the partnership's life")
    func periodsInside() {
        let joint = ReferencePartnership.partnerships.first { $0.id == "joint-scp" }!.valid
        let staffs = ReferencePartnership.partnerships.first { $0.id == "staffs-scp" }!.valid
        func cell(_ s: String, _ e: String) -> IndicatorCell {
            IndicatorCell(
                indicatorID: "x", period: ReportingPeriod(kind: .month, firstMonth: YearMonth(iso: s.prefix(7))!, lastMonth: YearMonth(iso: e.prefix(7))!),
                scope: "all", breakdown: "total", group: "all", stat: "value", numerator: 1, denominator: nil, value: 1)
        }
        #expect(FrameworkReport.inside(joint, cell("2021-03-01", "2021-03-31")))
        #expect(!FrameworkReport.inside(staffs, cell("2021-03-01", "2021-03-31")))
        #expect(FrameworkReport.inside(staffs, cell("2021-04-01", "2021-04-30")))
        // The financial quarter across the split (Jan-Mar 2021 is inside; Feb-Apr is neither's).
        #expect(!FrameworkReport.inside(joint, cell("2021-02-01", "2021-04-30")) && !FrameworkReport.inside(staffs, cell("2021-02-01", "2021-04-30")))
        #expect(FrameworkReport.inside(nil, cell("1999-01-01", "1999-01-31")))
    }

    @Test(
        "The joint partnership that ended in 2021 shows its life and no figures from after it; the two that followed read their own areas",
        arguments: StoreKind.available)
    func pagesRespectShapes(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await AccessTests.fixture(store)
            try await WebFixture.withApp(store) { app in
                var client = WebTestClient(app)
                _ = try await client.signIn("analyst@example.org", WebFixture.password)
                let joint = try await client.send(.GET, "/framework?partnership=joint-scp").body.string
                #expect(joint.contains("has existed from 29 September 2019 to 31 March 2021"))
                #expect(
                    joint.contains(
                        "It was then replaced by Staffordshire Safeguarding Children Partnership and Stoke-on-Trent Safeguarding Children Partnership"))
                let api = try await client.send(.GET, "/api/v1/framework?partnership=joint-scp").body.string
                #expect(!api.contains("\"latest\":{"), "the demo's data (2023-26) is all after the joint partnership ended")
                let stoke = try await client.send(.GET, "/api/v1/framework?partnership=stoke-scp").body.string
                #expect(stoke.contains("\"scope\":\"\(ReferenceGeography.stokeOnTrent.code)\""))
                #expect(stoke.contains("\"latest\":{"))
                let page = try await client.send(.GET, "/framework/indicators/missing-children?partnership=staffs-scp").body.string
                #expect(page.contains("has existed since 1 April 2021, covering Staffordshire"))
                let quality = try await client.send(.GET, "/quality?partnership=stoke-scp").body.string
                #expect(quality.contains("Stoke-on-Trent City Council Children") && !quality.contains("Staffordshire County Council Children"))
                #expect(quality.contains("Staffordshire Police"), "countywide agencies belong to both partnerships")
            }
        }
    }
}

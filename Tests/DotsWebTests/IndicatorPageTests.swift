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

@Suite("The indicator page's caveats and provenance")
struct IndicatorPageTests {
    @Test("Data quality caveats name each agency's measures that are not good, and provenance names the submissions used", arguments: StoreKind.available)
    func qualityCaveats(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await AccessTests.fixture(store)
            // What the page must say, worked out from the stored profiles.
            let missing = try await store.currentSubmissions(dataset: .missingEpisodes)
            var expected: [String] = []
            for s in missing.sorted(by: { $0.agency < $1.agency }) {
                for (d, v) in s.quality!.dimensions {
                    guard let v, d.rating(v) != .good else { continue }
                    expected.append("\(d.title.lowercased()) \(String(format: "%.1f%%", v * 100))")
                }
            }
            #expect(!expected.isEmpty, "the demo's full return is not all good (timeliness of new events above all)")
            try await WebFixture.withApp(store) { app in
                var client = WebTestClient(app)
                _ = try await client.signIn("strategic-lead@example.org", WebFixture.password)
                let page = try await client.send(.GET, "/framework/indicators/missing-children").body.string
                #expect(page.contains("Data quality caveats"))
                for e in expected { #expect(page.contains(e), "\(e)") }
                // The caveats qualify the figures for every reader; the review itself is not a strategic lead's to open.
                #expect(!page.contains("href=\"/quality\""))
                var lead = WebTestClient(app)
                _ = try await lead.signIn("agency-lead@example.org", WebFixture.password)
                let leads = try await lead.send(.GET, "/framework/indicators/missing-children").body.string
                #expect(leads.contains("Data quality caveats") && leads.contains("href=\"/quality\""))
                // Every reader is told how good the linkage behind the young people was (the run's own counts); only
                // those who may open the linkage page get the link to it.
                let run = try #require(try await store.linkageRunHistory(limit: 1).first)
                let line = "\(run.records.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB")))) person records joined into"
                #expect(page.contains(line) && leads.contains(line))
                #expect(page.contains("sent for clerical review") && !page.contains("href=\"/linkage\"") && !leads.contains("href=\"/linkage\""))
                var analyst = WebTestClient(app)
                _ = try await analyst.signIn("analyst@example.org", WebFixture.password)
                let analysts = try await analyst.send(.GET, "/framework/indicators/missing-children").body.string
                #expect(analysts.contains(line) && analysts.contains("href=\"/linkage\""))
                // A kind of period the indicator lacks: the page says what it shows instead, and the overview row too.
                let rolling = try await client.send(.GET, "/framework/indicators/repeat-missing?period=rolling-12-months").body.string
                #expect(rolling.contains("This indicator has no rolling 12 months figures: financial years are shown."))
                let overview = try await client.send(.GET, "/framework?period=rolling-12-months").body.string
                #expect(overview.contains("(financial years: it has no figures for the period chosen)"))
                // What we don't know includes data held but not submitted (the demo's data map: Stoke-on-Trent children's
                // social care holds missing episodes it has not submitted), and the coverage page agrees.
                #expect(
                    overview.contains(
                        "Stoke-on-Trent City Council Children&#39;s Social Care holds missing episodes (on the data map) but has not submitted it: submitting it would close this gap."
                    ))
                #expect(
                    overview.contains("are data an agency holds but has not submitted") || overview.contains("is data an agency holds but has not submitted"))
                // Young adults (care leavers) are counted apart, on the indicator's page and in its CSV, never among children.
                #expect(page.contains("Young adults aged 18–25, counted apart"))
                #expect(overview.contains("Young adults aged 18–25 (such as care leavers) in missing episodes"))
                let csv = try await client.send(.GET, "/framework/indicators/missing-children.csv").body.string
                #expect(csv.contains("missing-children-ages-18-25,"))
                let store18 = try await store.frameworkResults().filter { $0.indicatorID == "missing-children-ages-18-25" && $0.breakdown == "total" }
                #expect(store18.contains { ($0.numerator ?? 0) > 0 }, "the demo holds young adults who went missing")
                // Received at 10:00 UTC on 20 April 2026, shown in UK time: 11:00 BST.
                #expect(page.contains("Staffordshire Police (\(missing.first { $0.agency == "staffs-police" }!.period), received 20 Apr 2026, 11:00)"))
            }
        }
    }

    @Test("A local authority total published rounded says so beside the count, on the page and in the CSV", arguments: StoreKind.available)
    func roundedTotalsSaySo(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await AccessTests.fixture(store)
            let spec = try FrameworkService.load()
            try await WebFixture.withApp(store) { app in
                var client = WebTestClient(app)
                _ = try await client.signIn("strategic-lead@example.org", WebFixture.password)
                var found = 0
                for ind in spec.indicators where found < 2 {
                    for area in ["E06000021", "E10000028"] {
                        let query = "area=\(area)&period=quarter"
                        let csv = try await client.send(.GET, "/framework/indicators/\(ind.id).csv?\(query)").body.string
                        // indicator_id, period_kind, period, start, end, scope, breakdown, group, stat, num, den, value, status, note, suppression
                        let rows: [[String]] = csv.split(separator: "\n").dropFirst().map { line in
                            line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                        }
                        guard let row = rows.first(where: { Self.isRoundedTotal($0, area: area) }) else { continue }
                        found += 1
                        // Published rounded to 5, never the exact count.
                        #expect(Int(row[9]).map { $0 % 5 == 0 } == true, "\(row)")
                        let page = try await client.send(.GET, "/framework/indicators/\(ind.id)?\(query)").body.string
                        #expect(page.contains("\(row[9]) <span class=\"dots-body-s\">(rounded)</span>"), "\(ind.id) \(area)")
                        #expect(page.contains("Rounded to the nearest 5 for"))
                    }
                }
                #expect(found > 0, "the fixture's partnership has local authority totals that are rounded rather than hidden")
            }
        }
    }

    static func isRoundedTotal(_ row: [String], area: String) -> Bool {
        row.count > 14 && row[5] == area && row[6] == "total" && row[14] == "rounded"
    }
}

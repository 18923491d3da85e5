import DotsApp
import DotsCore
import DotsFramework
import Testing

@Suite("What a reader sees when a figure is withheld: the reason, the nearest published figure, RAG only when safe")
struct NearestSafeViewTests {
    static let spec = try! FrameworkService.load()
    static let indicator = spec.indicators.first { $0.id == "rhi-completed-72h" }!
    static let quarter = ReportingPeriod(kind: .quarter, firstMonth: YearMonth(year: 2026, month: 1)!, lastMonth: YearMonth(year: 2026, month: 3)!)
    static let year = ReportingPeriod(kind: .financialYear, firstMonth: YearMonth(year: 2025, month: 4)!, lastMonth: YearMonth(year: 2026, month: 3)!)

    static func cell(_ period: ReportingPeriod, _ num: Int, _ den: Int) -> IndicatorCell {
        IndicatorCell(
            indicatorID: indicator.id, period: period, scope: "all", breakdown: "total", group: "all", stat: "value", numerator: num, denominator: den,
            value: Double(num) / Double(den) * 100)
    }

    static func publish(_ cells: [IndicatorCell]) -> [PublishedCell] {
        DisclosureControl().publish(cells, measure: indicator.measure, additiveBreakdowns: [], monthly: false)
    }

    @Test("A small base withholds the percentage but not its RAG (its counts are shown, so it can be worked out)")
    func smallBase() throws {
        // 6 of 8 = 75%: both counts above 5 are shown, the base is under 10, the target is 75 (green).
        let p = try #require(Self.publish([Self.cell(Self.quarter, 6, 8)]).first)
        #expect(p.value == "c" && p.numerator == "6" && p.denominator == "8")
        #expect(FrameworkReport.rag(p, Self.indicator) == "green")
        #expect(FrameworkReport.withheldReason(p) == "too few for a reliable figure in 2025-26 Q4")
    }

    @Test("A hidden count withholds the RAG too: it would narrow the count")
    func hiddenCount() throws {
        let p = try #require(Self.publish([Self.cell(Self.quarter, 3, 40)]).first)
        #expect(p.value == "c" && p.numerator == "c")
        #expect(FrameworkReport.rag(p, Self.indicator) == nil)
        #expect(FrameworkReport.withheldReason(p) == "too few to show for 2025-26 Q4 without identifying children")
    }

    @Test("The nearest published figure is the latest of another kind of period that can be shown")
    func nearest() {
        let published = Self.publish([Self.cell(Self.quarter, 3, 40)]) + Self.publish([Self.cell(Self.year, 38, 111)])
        let run = FrameworkRunRecord(
            id: "r", computedAt: Instant(seconds: 0), frameworkName: "x", frameworkVersion: "1", frameworkChecksum: "sha256:0", linkageRunID: nil,
            submissions: [], indicators: 1, cells: 2, seconds: 0, runBy: "test")
        let report = FrameworkReport(spec: Self.spec, cells: published, gaps: [], run: run)
        let near = report.nearestPublished(Self.indicator, scope: "all", besides: .quarter)
        #expect(near?.cell.period == "2025-26" && near?.value == "34.2")
        #expect(report.nearestPublished(Self.indicator, scope: "all", besides: .financialYear) == nil)
    }
}

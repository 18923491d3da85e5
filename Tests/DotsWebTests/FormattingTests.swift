import DotsApp
import DotsFramework
import Foundation
import Testing

@testable import DotsWeb

@Suite("Figures' labels read as words")
struct FormattingTests {
    @Test("Age bands with a dash, sex in full, areas by name, other codes without hyphens")
    func groupNames() {
        #expect(Formatting.groupName("age", "0-9") == "0–9")
        #expect(Formatting.groupName("age", "10-13") == "10–13")
        #expect(Formatting.groupName("age", "18+") == "18+")
        #expect(Formatting.groupName("sex", "F") == "Female")
        #expect(Formatting.groupName("sex", "M") == "Male")
        #expect(Formatting.groupName("sex", "U") == "Not known or not recorded")
        #expect(Formatting.groupName("sex", "unknown") == "Not recorded")
        #expect(Formatting.groupName("la", "E06000021") == "Stoke-on-Trent")
        #expect(Formatting.groupName("exploitation-type", "county-lines") == "County lines")
    }

    @Test("A trend chart's axis reaches the indicator's target, which is drawn and labelled")
    func chartTarget() {
        let chart = TrendChart(title: "Interviews within 72 hours", labels: ["Q1", "Q2", "Q3"], values: [30, 42, 38], format: { "\(Int($0))%" }, target: 75)
        let svg = chart.svg(id: "t").markup
        #expect(svg.contains(">Target 75%</text>"))
        #expect(svg.contains(">100%</text>"), "the axis top is a round number above the target, not 50%")
        let plain = TrendChart(title: "t", labels: ["Q1", "Q2"], values: [30, 42], format: { "\(Int($0))%" }).svg(id: "p").markup
        #expect(plain.contains(">50%</text>") && !plain.contains("Target"), "without a target the axis fits the data")
    }

    @Test("Definitions name fields and codes as the schemas title them, never by their column names")
    func measureWords() throws {
        let spec = try FrameworkService.load()
        for ind in spec.indicators {
            let (numerator, denominator) = MeasureText.describe(ind)
            #expect(!numerator.contains("_") && !denominator.contains("_"), "\(ind.id): \(numerator) / \(denominator)")
        }
        let rhi = try #require(spec.indicators.first { $0.id == "rhi-completed-72h" })
        #expect(MeasureText.describe(rhi).numerator == "missing episodes where return interview completed was within 72 hours of end")
    }

    @Test("A chart's period labels never overlap, and the latest period is always labelled")
    func chartLabels() {
        let labels = (1...12).map { String(format: "2025-%02d-Q", $0) }
        let svg = TrendChart(title: "t", labels: labels, values: labels.map { _ in 10 }, format: { "\(Int($0))" }).svg(id: "l").markup
        let xs = svg.components(separatedBy: "text-anchor=\"middle\"").count - 1
        // 10 characters need about 142 of the 568 units of plot: every third quarter, counted back from the last.
        #expect(xs == 4)
        #expect(svg.contains(">\(labels[11])</text>") && svg.contains(">\(labels[8])</text>") && !svg.contains(">\(labels[10])</text>"))
    }
}

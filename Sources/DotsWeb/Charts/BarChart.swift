import Foundation

/// Horizontal bars, one a row, each label on its own line above its bar (labels such as a path through services are
/// long): drawn on the server as SVG; pages give the same figures as a table.
struct BarChart {
    var title: String
    var bars: [(label: String, value: Int)]
    var width = 640.0

    func svg(id: String) -> HTML {
        // Room for the label to grow: on a phone the stylesheet enlarges chart text so that, scaled down, it stays readable.
        let row = 62.0, top = 8.0, labelW = 60.0
        let height = top + Double(bars.count) * row + 8
        let hi = Double(bars.map(\.value).max() ?? 1)
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var out: HTML =
            "<svg class=\"dots-chart\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\">"
        out += "<title id=\"\(id)-title\">\(title)</title>"
        out += "<desc id=\"\(id)-desc\">\(bars.map { "\($0.label): \($0.value)" }.joined(separator: "; ")). The table gives the same figures.</desc>"
        for (i, b) in bars.enumerated() {
            let y = top + Double(i) * row
            let w = hi > 0 ? (width - labelW) * Double(b.value) / hi : 0
            out += "<text x=\"0\" y=\"\(f(y + 24))\">\(b.label)</text>"
            out += "<rect x=\"0\" y=\"\(f(y + 32))\" width=\"\(f(max(w, 1)))\" height=\"20\" fill=\"#004f4a\"/>"
            out += "<text x=\"\(f(max(w, 1) + 6))\" y=\"\(f(y + 48))\">\(b.value)</text>"
        }
        return out + "</svg>"
    }
}

import Foundation

/// A line chart of an indicator over time, drawn on the server as SVG with a title and description for
/// assistive technology; pages also give the same figures as a table.
struct TrendChart {
    var title: String
    var labels: [String]
    var values: [Double?]
    var format: (Double) -> String
    var width = 640.0
    var height = 260.0
    /// The top of the axis, when it is fixed (100 for percentages); otherwise a round number above the data.
    var maxValue: Double? = nil
    /// The indicator's target, drawn as a dashed line: the axis always reaches it.
    var target: Double? = nil

    func svg(id: String) -> HTML {
        let left = 56.0, right = 16.0, top = 16.0, bottom = 48.0
        let plotW = width - left - right, plotH = height - top - bottom
        let known = values.compactMap { $0 }
        let hi = maxValue.map { max($0, target ?? 0) } ?? niceMax(max(known.max() ?? 1, target ?? 0))
        let n = max(values.count, 1)
        let step = n > 1 ? plotW / Double(n - 1) : 0
        func x(_ i: Int) -> Double { left + Double(i) * step }
        func y(_ v: Double) -> Double { top + plotH - (hi == 0 ? 0 : v / hi * plotH) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var out: HTML =
            "<svg class=\"dots-chart\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\">"
        out += "<title id=\"\(id)-title\">\(title)</title>"
        out += "<desc id=\"\(id)-desc\">\(TrendText.describe(labels: labels, values: values, format: format))</desc>"
        for k in 0...4 {
            let v = hi * Double(k) / 4, yy = y(v)
            out += "<line x1=\"\(f(left))\" y1=\"\(f(yy))\" x2=\"\(f(width - right))\" y2=\"\(f(yy))\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>"
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(yy + 4))\" text-anchor=\"end\">\(format(v))</text>"
        }
        // Labels never overlap, at the phone's larger text too (24 units high, about 13 wide a character), and
        // are counted back from the latest period, which is always labelled.
        let widest = Double(labels.map(\.count).max() ?? 1) * 13 + 12
        let every = max(1, Int((Double(n) * widest / plotW).rounded(.up)))
        for (i, label) in labels.enumerated() where (n - 1 - i) % every == 0 {
            out += "<text x=\"\(f(x(i)))\" y=\"\(f(height - bottom + 18))\" text-anchor=\"middle\">\(label)</text>"
        }
        if let target {
            let ty = y(target)
            out +=
                "<line x1=\"\(f(left))\" y1=\"\(f(ty))\" x2=\"\(f(width - right))\" y2=\"\(f(ty))\" stroke=\"#0b0c0c\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            out += "<text x=\"\(f(width - right))\" y=\"\(f(ty - 6))\" text-anchor=\"end\">Target \(format(target))</text>"
        }
        out += "<path d=\"\(ChartPath.line(values, x: x, y: y))\" fill=\"none\" stroke=\"#004f4a\" stroke-width=\"3\"/>"
        for (i, v) in values.enumerated() {
            guard let v else { continue }
            out += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"4\" fill=\"#004f4a\"/>"
        }
        return out + "</svg>"
    }

    /// A round number at or above the largest value, for the top of the axis.
    func niceMax(_ v: Double) -> Double {
        guard v > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(v)))
        for m in [1.0, 2, 2.5, 5, 10] where m * magnitude >= v { return m * magnitude }
        return 10 * magnitude
    }
}

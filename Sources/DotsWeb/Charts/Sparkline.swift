import Foundation

/// A small trend line for the overview. Decorative (`aria-hidden`): the figures beside it and the text
/// alternative from `TrendText` carry the meaning. Hidden or unavailable values break the line.
struct Sparkline {
    var values: [Double?]
    var width = 120.0
    var height = 32.0

    func svg() -> HTML {
        let known = values.compactMap { $0 }
        guard known.count >= 2, let lo = known.min(), let hi = known.max() else { return "" }
        let span = hi - lo == 0 ? 1 : hi - lo
        let step = values.count > 1 ? (width - 4) / Double(values.count - 1) : 0
        let path = ChartPath.line(values, x: { 2 + Double($0) * step }, y: { height - 3 - ($0 - lo) / span * (height - 6) })
        return
            "<svg class=\"dots-sparkline\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" aria-hidden=\"true\" focusable=\"false\"><path d=\"\(path)\" fill=\"none\" stroke=\"#004f4a\" stroke-width=\"2\"/></svg>"
    }
}

/// An SVG path through the known values; a hidden or unavailable value lifts the pen, so the line breaks there.
enum ChartPath {
    static func line(_ values: [Double?], x: (Int) -> Double, y: (Double) -> Double) -> String {
        var path = "", pen = false
        for (i, v) in values.enumerated() {
            guard let v else { pen = false; continue }
            path += (pen ? "L" : "M") + String(format: "%.1f %.1f ", x(i), y(v))
            pen = true
        }
        return path
    }
}

/// The words a chart stands for: first and last values and the direction between them.
enum TrendText {
    static func describe(labels: [String], values: [Double?], format: (Double) -> String) -> String {
        let pairs = zip(labels, values).compactMap { l, v in v.map { (l, $0) } }
        guard let first = pairs.first, let last = pairs.last, pairs.count >= 2 else {
            return pairs.isEmpty ? "No figures can be shown for this trend." : "One figure: \(format(pairs[0].1)) in \(pairs[0].0)."
        }
        let direction = last.1 > first.1 ? "up" : last.1 < first.1 ? "down" : "unchanged"
        let hidden = values.count - pairs.count
        return "From \(format(first.1)) in \(first.0) to \(format(last.1)) in \(last.0) (\(direction)), over \(values.count) periods"
            + (hidden > 0 ? "; \(hidden) not shown (hidden to protect small numbers, or not available)." : ".")
    }
}

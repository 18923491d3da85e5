import DotsGeography
import Foundation

/// A district choropleth drawn on the server as SVG, from ONS boundaries, with their attribution on the map
/// itself. Only figures that may be published are drawn: a hidden count is hatched and says so, never shaded;
/// pages give the same figures as a table.
struct DistrictMap {
    /// One area's figure as it may be shown.
    struct Shade {
        /// The number to shade by, nil when hidden or not available.
        var value: Double?
        /// What the reader is told: the published figure with its unit, or why there is none.
        var text: String
        var hidden: Bool
    }

    var title: String
    var boundaries: BoundarySet
    /// By ONS code; an area without an entry is outside what the map is about (another local authority).
    var shades: [String: Shade]
    var format: (Double) -> String
    var width = 480.0
    /// An area drawn beneath, unshaded, for where the small areas sit (a district around its LSOAs), with its own
    /// attribution, which the map then carries too.
    var outline: (boundary: Boundary, attribution: String)? = nil

    /// Every attribution the map's boundaries ask for.
    var credits: String {
        [outline?.attribution, boundaries.attribution].compactMap { $0 }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            .joined(separator: "; ")
    }

    /// The bundled ONS districts of the reference partnership, read once.
    static let reference: BoundarySet? = try? ReferenceBoundaries.districts()

    /// GOV.UK's blues, lightest to darkest: each step distinct for most colour vision.
    static let palette = ["#d2e2f1", "#9cc2e3", "#5694ca", "#1d70b8", "#003078"]

    /// Equal steps from the smallest shown value to the largest, at most five, fewer when fewer values differ.
    /// Whole numbers (counts) step by whole numbers, so no key reads "8 to 9.4".
    static func bins(_ values: [Double]) -> [ClosedRange<Double>] {
        guard let lo = values.min(), let hi = values.max() else { return [] }
        let k = min(palette.count, Set(values).count)
        guard k > 1 else { return [lo...hi] }
        if values.allSatisfy({ $0 == $0.rounded() }) {
            let step = ((hi - lo + 1) / Double(k)).rounded(.up)
            return stride(from: lo, through: hi, by: step).map { $0...min($0 + step - 1, hi) }
        }
        let step = (hi - lo) / Double(k)
        return (0..<k).map { i in (lo + step * Double(i))...(i == k - 1 ? hi : lo + step * Double(i + 1)) }
    }

    static func bin(_ v: Double, in bins: [ClosedRange<Double>]) -> Int {
        bins.firstIndex { v <= $0.upperBound } ?? max(bins.count - 1, 0)
    }

    func svg(id: String) -> HTML {
        let projection = MapProjection(fitting: boundaries.boundaries + [outline?.boundary].compactMap { $0 }, width: width)
        let bins = Self.bins(shades.values.compactMap(\.value))
        var keys: [(fill: String, label: String)] = bins.enumerated().map { i, r in
            (Self.palette[i], r.lowerBound == r.upperBound ? format(r.lowerBound) : "\(format(r.lowerBound)) to \(format(r.upperBound))")
        }
        if shades.values.contains(where: \.hidden) { keys.append(("url(#\(id)-hatch)", "Hidden to protect small numbers")) }
        if shades.values.contains(where: { $0.value == nil && !$0.hidden }) { keys.append(("#ffffff", "No figure")) }
        if shades.count < boundaries.boundaries.count { keys.append(("#f3f2f1", "Outside this area")) }
        // Short lines, far apart: on a phone the stylesheet enlarges chart text so that, scaled down, it stays readable.
        let credit = Self.wrap(credits, width: 45)
        let legendTop = projection.height + 16, creditTop = legendTop + Double(keys.count) * 30 + 8
        let height = (creditTop + Double(credit.count) * 22 + 6).rounded(.up)
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var out: HTML =
            "<svg class=\"dots-chart dots-map\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\">"
        out += "<title id=\"\(id)-title\">\(title)</title>"
        let described = boundaries.boundaries.compactMap { b in shades[b.code].map { "\(b.name) \($0.text)" } }.joined(separator: "; ")
        out += "<desc id=\"\(id)-desc\">\(described). The table gives the same figures.</desc>"
        out +=
            "<defs><pattern id=\"\(id)-hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#f3f2f1\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#505a5f\" stroke-width=\"3\"/></pattern></defs>"
        if let outline {
            out +=
                "<path d=\"\(projection.path(outline.boundary))\" fill=\"#f3f2f1\" fill-rule=\"evenodd\" stroke=\"#505a5f\" stroke-width=\"2\"><title>\(outline.boundary.name)</title></path>"
        }
        for b in boundaries.boundaries {
            let fill: String
            let text: String
            if let s = shades[b.code] {
                fill = s.value.map { Self.palette[Self.bin($0, in: bins)] } ?? (s.hidden ? "url(#\(id)-hatch)" : "#ffffff")
                text = "\(b.name): \(s.text)"
            } else {
                fill = "#f3f2f1"
                text = "\(b.name): outside this area"
            }
            out +=
                "<path d=\"\(projection.path(b))\" fill=\"\(fill)\" fill-rule=\"evenodd\" stroke=\"#0b0c0c\" stroke-width=\"1\"><title>\(text)</title></path>"
        }
        for (i, k) in keys.enumerated() {
            let y = legendTop + Double(i) * 30
            out += "<rect x=\"0\" y=\"\(f(y))\" width=\"24\" height=\"16\" fill=\"\(k.fill)\" stroke=\"#0b0c0c\"/>"
            out += "<text x=\"32\" y=\"\(f(y + 13))\">\(k.label)</text>"
        }
        for (i, line) in credit.enumerated() {
            out += "<text class=\"dots-map__credit\" x=\"0\" y=\"\(f(creditTop + 16 + Double(i) * 22))\">\(line)</text>"
        }
        return out + "</svg>"
    }

    /// Words into lines of at most `width` characters (a longer word gets a line of its own).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

import Foundation

/// Fits a set of boundaries into a drawing `width` units wide, north up, and turns them into SVG path data. An
/// equirectangular projection with longitude scaled by the cosine of the middle latitude: over a county a few tens
/// of kilometres across it is within a fraction of a percent of a conformal one, and needs no library.
public struct MapProjection: Sendable {
    public let width: Double
    public let height: Double
    let minLongitude: Double, maxLatitude: Double, scale: Double, squeeze: Double

    public init(fitting boundaries: [Boundary], width: Double) {
        let boxes = boundaries.map(\.box)
        let minLon = boxes.map(\.min.longitude).min() ?? 0, maxLon = boxes.map(\.max.longitude).max() ?? 1
        let minLat = boxes.map(\.min.latitude).min() ?? 0, maxLat = boxes.map(\.max.latitude).max() ?? 1
        squeeze = cos((minLat + maxLat) / 2 * .pi / 180)
        minLongitude = minLon
        maxLatitude = maxLat
        let span = max((maxLon - minLon) * squeeze, 1e-9)
        scale = width / span
        self.width = width
        height = (maxLat - minLat) * scale
    }

    /// Where a point falls in the drawing: x east from the left edge, y south from the top.
    public func project(_ p: Boundary.Point) -> (x: Double, y: Double) {
        ((p.longitude - minLongitude) * squeeze * scale, (maxLatitude - p.latitude) * scale)
    }

    /// SVG path data for a boundary: each ring a closed subpath (draw with `fill-rule="evenodd"` so holes stay
    /// holes), points rounded to a tenth of a unit and a point that rounds onto the one before left out, so a
    /// detailed boundary does not make a heavy page.
    public func path(_ boundary: Boundary) -> String {
        var out = ""
        for polygon in boundary.polygons {
            for ring in polygon {
                var last: (Int, Int)?
                var points = 0
                for p in ring {
                    let (x, y) = project(p)
                    let q = (Int((x * 10).rounded()), Int((y * 10).rounded()))
                    if let last, last == q { continue }
                    out += (points == 0 ? "M" : "L") + Self.text(q.0) + "," + Self.text(q.1)
                    last = q
                    points += 1
                }
                if points > 0 { out += "Z" }
            }
        }
        return out
    }

    /// A tenth-units integer as decimal text: 1234 is "123.4", -5 is "-0.5".
    static func text(_ tenths: Int) -> String {
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
    }
}

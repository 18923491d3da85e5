import DotsCore
import DotsGeography
import Foundation

/// Invented small areas in the shape of ONS's LSOAs, for the demo: a grid of squares over each reference district,
/// kept where all four corners lie inside it (so each is placed in its own district on import, `BoundarySet.placed`),
/// with invented codes (E0109xxxx is no real LSOA's) and names in ONS's style ("Stafford 004A"). Real LSOAs follow
/// streets and population; these follow nothing, and the demo's map says they are invented. Drawn over the ONS
/// district boundaries, so their attribution is kept.
public enum InventedLSOAs {
    public struct Area: Sendable, Equatable {
        public let code: String
        public let name: String
        public let district: String
        public let boundary: Boundary
    }

    public static let attribution =
        "Invented small areas for the Dots demo (not ONS LSOAs), drawn within district boundaries from the Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2021"

    /// Squares from about 4.7 km by 5 km down to 1.2 km by 1.2 km at the partnership's latitude: each district gets
    /// the largest that gives it at least `perDistrict` areas. Larger and fewer than real LSOAs (some 700 here), so
    /// that the demo's few thousand young people show on a map and are not all hidden as small numbers.
    static let steps: [(longitude: Double, latitude: Double)] = [(0.07, 0.045), (0.05, 0.032), (0.035, 0.022), (0.025, 0.016), (0.018, 0.011)]
    /// The demo's default: at least 8 areas a district, 109 in all.
    public static let defaultPerDistrict = 8

    /// Every invented area, district by district in the partnership's order, west to east then south to north.
    /// `perDistrict`: at least so many in each district; above what the five sizes give, smaller squares (each step
    /// 0.7 times the last) until there are, so a partnership of real LSOAs' number can be imitated (some 80 a
    /// district here: `benchmarks/framework/lsoa.sh`).
    public static func make(perDistrict: Int = defaultPerDistrict) throws -> [Area] {
        let districts = try ReferenceBoundaries.districts().boundaries
        var out: [Area] = []
        for local in ReferenceGeography.localAreas {
            guard let d = districts.first(where: { $0.code == local.code }) else { continue }
            var squares: [[Boundary.Point]] = []
            var step = steps[0]
            for n in 0..<(steps.count + 12) {
                step = n < steps.count ? steps[n] : (step.longitude * 0.7, step.latitude * 0.7)
                squares = grid(d, step)
                if squares.count >= perDistrict { break }
            }
            for (n, corners) in squares.enumerated() {
                let code = "E0109" + String(format: "%04d", out.count)
                let name = "\(local.name) \(String(format: "%03d", n / 2 + 1))\(n % 2 == 0 ? "A" : "B")"
                out.append(Area(code: code, name: name, district: local.code, boundary: Boundary(code: code, name: name, polygons: [[corners]])))
            }
        }
        return out
    }

    /// The squares of one size whose four corners lie inside the district.
    static func grid(_ d: Boundary, _ step: (longitude: Double, latitude: Double)) -> [[Boundary.Point]] {
        var out: [[Boundary.Point]] = []
        var lon = d.box.min.longitude
        while lon < d.box.max.longitude {
            var lat = d.box.min.latitude
            while lat < d.box.max.latitude {
                let corners = [(lon, lat), (lon + step.longitude, lat), (lon + step.longitude, lat + step.latitude), (lon, lat + step.latitude)]
                    .map { Boundary.Point(longitude: $0.0, latitude: $0.1) }
                if corners.allSatisfy(d.contains) { out.append(corners) }
                lat += step.latitude
            }
            lon += step.longitude
        }
        return out
    }

    /// The areas as ONS publishes LSOA boundaries: a GeoJSON FeatureCollection with `LSOA21CD` and `LSOA21NM`.
    public static func geoJSON(_ areas: [Area]) -> String {
        func f(_ v: Double) -> String { String(format: "%.5f", v) }
        let features = areas.map { a in
            let ring = (a.boundary.polygons[0][0] + [a.boundary.polygons[0][0][0]]).map { "[\(f($0.longitude)),\(f($0.latitude))]" }.joined(separator: ",")
            return
                #"{"type":"Feature","properties":{"LSOA21CD":"\#(a.code)","LSOA21NM":"\#(a.name)"},"geometry":{"type":"Polygon","coordinates":[[\#(ring)]]}}"#
        }
        return #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",\n") + "]}\n"
    }

    /// The area a postcode lies in within its district: fixed by the postcode (FNV-1a), so every run agrees.
    public static func area(of postcode: String, in areas: [Area]) -> Area? {
        guard !areas.isEmpty else { return nil }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in postcode.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return areas[Int(h % UInt64(areas.count))]
    }
}

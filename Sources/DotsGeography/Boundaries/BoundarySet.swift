import DotsCore
import Foundation

/// A set of area boundaries read from GeoJSON (a FeatureCollection of Polygons and MultiPolygons, with the area's
/// code and name as properties), and the one question the agency side asks of it: which area is this point in.
public struct BoundarySet: Sendable {
    public let boundaries: [Boundary]
    /// The attribution the source's licence asks to be shown with anything drawn from it.
    public let attribution: String

    public init(_ boundaries: [Boundary], attribution: String) {
        self.boundaries = boundaries
        self.attribution = attribution
    }

    /// The area the point is in, or nil when it is in none of them.
    public func area(containing p: Boundary.Point) -> Boundary? {
        for b in boundaries {
            let box = b.box
            guard p.longitude >= box.min.longitude, p.longitude <= box.max.longitude, p.latitude >= box.min.latitude, p.latitude <= box.max.latitude
            else { continue }
            if b.contains(p) { return b }
        }
        return nil
    }

    /// What is wrong with a boundary file, said so that its maker can fix it.
    public struct ReadError: Error, CustomStringConvertible, Equatable {
        public let file: String
        public let problem: String
        public var description: String { "\(file): \(problem)" }
    }

    /// Reads a GeoJSON FeatureCollection.
    /// - Parameters:
    ///   - codeProperty, nameProperty: the properties naming each area (ONS files name them by year: `lad20cd`,
    ///     `lad20nm`; `wd23cd`; `LSOA21CD`); nil to take the first property ending in `cd` and `nm`.
    public static func geoJSON(
        _ bytes: [UInt8], file: String, codeProperty: String? = nil, nameProperty: String? = nil, attribution: String
    ) throws(ReadError) -> BoundarySet {
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: Data(bytes)) } catch {
            throw ReadError(file: file, problem: "is not JSON (\(error.localizedDescription))")
        }
        guard let root = json as? [String: Any], root["type"] as? String == "FeatureCollection", let features = root["features"] as? [[String: Any]]
        else { throw ReadError(file: file, problem: "is not a GeoJSON FeatureCollection") }
        var out: [Boundary] = []
        for (i, feature) in features.enumerated() {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            func property(_ given: String?, suffix: String) -> String? {
                if let given { return properties[given].map { "\($0)" } }
                return properties.keys.sorted().first { $0.lowercased().hasSuffix(suffix) }.flatMap { properties[$0].map { "\($0)" } }
            }
            guard let code = property(codeProperty, suffix: "cd"), !code.isEmpty else {
                throw ReadError(
                    file: file,
                    problem: "feature \(i + 1) has no \(codeProperty ?? "area code property (one ending in cd)"): properties are \(properties.keys.sorted())")
            }
            let name = property(nameProperty, suffix: "nm") ?? code
            guard let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String else {
                throw ReadError(file: file, problem: "feature \(i + 1) (\(code)) has no geometry")
            }
            let polygons: [[[Boundary.Point]]]
            switch type {
            case "Polygon": polygons = [try rings(geometry["coordinates"], file: file, code: code)]
            case "MultiPolygon":
                guard let list = geometry["coordinates"] as? [Any] else { throw ReadError(file: file, problem: "\(code): MultiPolygon without coordinates") }
                var each: [[[Boundary.Point]]] = []
                for polygon in list { each.append(try rings(polygon, file: file, code: code)) }
                polygons = each
            default: throw ReadError(file: file, problem: "\(code) is a \(type); an area must be a Polygon or MultiPolygon")
            }
            out.append(Boundary(code: code, name: name, polygons: polygons))
        }
        return BoundarySet(out, attribution: attribution)
    }

    private static func rings(_ value: Any?, file: String, code: String) throws(ReadError) -> [[Boundary.Point]] {
        guard let rings = value as? [[[Any]]] else { throw ReadError(file: file, problem: "\(code): a polygon's coordinates are not rings of positions") }
        var out: [[Boundary.Point]] = []
        for ring in rings {
            var points: [Boundary.Point] = []
            for position in ring {
                guard position.count >= 2, let x = (position[0] as? NSNumber)?.doubleValue, let y = (position[1] as? NSNumber)?.doubleValue,
                    (-180...180).contains(x), (-90...90).contains(y)
                else { throw ReadError(file: file, problem: "\(code): \(position) is not a longitude and latitude in degrees (WGS 84)") }
                points.append(Boundary.Point(longitude: x, latitude: y))
            }
            guard points.count >= 4 else { throw ReadError(file: file, problem: "\(code): a ring has \(points.count) positions; GeoJSON needs at least 4") }
            out.append(points)
        }
        guard !out.isEmpty else { throw ReadError(file: file, problem: "\(code): a polygon with no rings") }
        return out
    }
}

import DotsCore

/// One area's boundary: its ONS code and name, and its polygons in WGS 84 longitude and latitude. Each polygon is an
/// outer ring and any holes (GeoJSON's order); rings need not repeat their first point at the end.
public struct Boundary: Sendable, Hashable {
    public let code: String
    public let name: String
    public let polygons: [[[Point]]]
    /// The smallest box holding every ring, for a quick "certainly not here".
    public let box: (min: Point, max: Point)

    public init(code: String, name: String, polygons: [[[Point]]]) {
        self.code = code
        self.name = name
        self.polygons = polygons
        let all = polygons.flatMap { $0.flatMap { $0 } }
        box = (
            Point(longitude: all.map(\.longitude).min() ?? 0, latitude: all.map(\.latitude).min() ?? 0),
            Point(longitude: all.map(\.longitude).max() ?? 0, latitude: all.map(\.latitude).max() ?? 0)
        )
    }

    public static func == (l: Boundary, r: Boundary) -> Bool { l.code == r.code && l.name == r.name && l.polygons == r.polygons }
    public func hash(into h: inout Hasher) {
        h.combine(code)
        h.combine(polygons)
    }

    /// A position: longitude (x) and latitude (y) in degrees.
    public struct Point: Sendable, Hashable {
        public let longitude: Double
        public let latitude: Double
        public init(longitude: Double, latitude: Double) {
            self.longitude = longitude
            self.latitude = latitude
        }
    }

    /// Whether the point lies inside: inside some polygon's outer ring and in none of its holes (even-odd rule,
    /// by casting a ray east). A point exactly on an edge may fall either side; points are snapped to street
    /// locations anyway, never to a boundary.
    public func contains(_ p: Point) -> Bool {
        polygons.contains { polygon in
            guard let outer = polygon.first, Self.ring(outer, contains: p) else { return false }
            return !polygon.dropFirst().contains { Self.ring($0, contains: p) }
        }
    }

    static func ring(_ ring: [Point], contains p: Point) -> Bool {
        guard ring.count >= 3 else { return false }
        var inside = false
        var j = ring.count - 1
        for i in ring.indices {
            let a = ring[i], b = ring[j]
            // The edge crosses the point's latitude, and the crossing is east of the point.
            if (a.latitude > p.latitude) != (b.latitude > p.latitude) {
                let x = a.longitude + (p.latitude - a.latitude) / (b.latitude - a.latitude) * (b.longitude - a.longitude)
                if p.longitude < x { inside.toggle() }
            }
            j = i
        }
        return inside
    }
}

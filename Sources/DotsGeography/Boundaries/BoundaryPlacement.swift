import DotsCore

extension Boundary {
    /// The polygons as GeoJSON's nested arrays of [longitude, latitude]: how a boundary is kept in the store.
    public var coordinates: [[[[Double]]]] { polygons.map { $0.map { $0.map { [$0.longitude, $0.latitude] } } } }

    public init(code: String, name: String, coordinates: [[[[Double]]]]) {
        self.init(
            code: code, name: name,
            polygons: coordinates.map { $0.map { $0.compactMap { $0.count >= 2 ? Point(longitude: $0[0], latitude: $0[1]) : nil } } })
    }
}

extension BoundarySet {
    /// Which of `districts` each boundary lies in: the district holding most of its outer rings' points (small areas
    /// share edges with their district, so a point on the edge may fall either side; the majority does not). Areas
    /// with no point in any district are outside, by code.
    public func placed(within districts: BoundarySet) -> (placed: [(boundary: Boundary, parent: String)], outside: [String]) {
        var placed: [(Boundary, String)] = []
        var outside: [String] = []
        for b in boundaries {
            var votes: [String: Int] = [:]
            for polygon in b.polygons {
                for p in polygon.first ?? [] {
                    if let d = districts.area(containing: p) { votes[d.code, default: 0] += 1 }
                }
            }
            if let best = votes.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) { placed.append((b, best.key)) } else { outside.append(b.code) }
        }
        return (placed, outside)
    }
}

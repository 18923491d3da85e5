import Crypto
import DotsCore
import Foundation
import Testing

@testable import DotsGeography

@Suite("Area boundaries: reading GeoJSON and placing a point")
struct BoundaryTests {
    typealias P = Boundary.Point

    /// A 4 × 4 square at the origin with a 2 × 2 hole in its middle, and a second square far east: worked by hand.
    static let squares = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"xx01cd":"A1","xx01nm":"Ring"},"geometry":{"type":"Polygon","coordinates":[
          [[0,0],[4,0],[4,4],[0,4],[0,0]],
          [[1,1],[1,3],[3,3],[3,1],[1,1]]]}},
        {"type":"Feature","properties":{"xx01cd":"B2","xx01nm":"Islands"},"geometry":{"type":"MultiPolygon","coordinates":[
          [[[10,0],[11,0],[11,1],[10,1],[10,0]]],
          [[[20,0],[21,0],[21,1],[20,1],[20,0]]]]}}
        ]}
        """

    @Test("Inside the ring, in its hole, outside, and in either island of a MultiPolygon")
    func pointsInPolygons() throws {
        let set = try BoundarySet.geoJSON(Array(Self.squares.utf8), file: "squares.geojson", attribution: "test")
        #expect(set.boundaries.map(\.code) == ["A1", "B2"] && set.boundaries.map(\.name) == ["Ring", "Islands"])
        #expect(set.area(containing: P(longitude: 0.5, latitude: 0.5))?.code == "A1")
        #expect(set.area(containing: P(longitude: 3.5, latitude: 2))?.code == "A1")
        #expect(set.area(containing: P(longitude: 2, latitude: 2)) == nil, "in the hole")
        #expect(set.area(containing: P(longitude: 5, latitude: 2)) == nil)
        #expect(set.area(containing: P(longitude: -0.1, latitude: 2)) == nil)
        #expect(set.area(containing: P(longitude: 10.5, latitude: 0.5))?.code == "B2")
        #expect(set.area(containing: P(longitude: 20.5, latitude: 0.5))?.code == "B2")
        #expect(set.area(containing: P(longitude: 15, latitude: 0.5)) == nil, "between the islands, inside their joint box")
    }

    @Test("A file that is not area boundaries is refused, saying what is wrong")
    func refusals() {
        func problem(_ text: String) -> String? {
            do {
                _ = try BoundarySet.geoJSON(Array(text.utf8), file: "f.geojson", attribution: "")
                return nil
            } catch { return error.problem }
        }
        #expect(problem("not json")?.hasPrefix("is not JSON") == true)
        #expect(problem(#"{"type":"Feature"}"#) == "is not a GeoJSON FeatureCollection")
        #expect(problem(#"{"type":"FeatureCollection","features":[{"properties":{},"geometry":null}]}"#)?.contains("feature 1 has no area code") == true)
        #expect(
            problem(#"{"type":"FeatureCollection","features":[{"properties":{"acd":"X"},"geometry":{"type":"Point","coordinates":[0,0]}}]}"#)
                == "X is a Point; an area must be a Polygon or MultiPolygon")
        #expect(
            problem(#"{"type":"FeatureCollection","features":[{"properties":{"acd":"X"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}}]}"#)
                == "X: a ring has 3 positions; GeoJSON needs at least 4")
        #expect(
            problem(
                #"{"type":"FeatureCollection","features":[{"properties":{"acd":"X"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,200],[0,0]]]}}]}"#
            )?
            .contains("is not a longitude and latitude") == true)
    }

    @Test("The bundled ONS districts are the shared file, unchanged, and place each town in its district")
    func referenceDistricts() throws {
        let digest = SHA256.hash(data: try ReferenceBoundaries.bytes()).map { String(format: "%02x", $0) }.joined()
        #expect(digest == "5c927797ad631faff1142d6003232d9cb21aa0c914f6ac33f7f44307fae4b54c")
        let set = try ReferenceBoundaries.districts()
        #expect(Set(set.boundaries.map(\.code)) == Set(ReferenceGeography.localAreas.map(\.code)))
        #expect(set.attribution.contains("Open Government Licence") && set.attribution.contains("Crown copyright"))
        // Town centres, from any map.
        let towns: [(String, Double, Double, String?)] = [
            ("Hanley", 53.0250, -2.1770, "E06000021"), ("Cannock", 52.6910, -2.0317, "E07000192"),
            ("Burton upon Trent", 52.8019, -1.6425, "E07000193"), ("Lichfield", 52.6836, -1.8262, "E07000194"),
            ("Newcastle-under-Lyme", 53.0109, -2.2278, "E07000195"), ("Codsall", 52.6268, -2.1950, "E07000196"),
            ("Stafford", 52.8066, -2.1171, "E07000197"), ("Leek", 53.1054, -2.0235, "E07000198"), ("Tamworth", 52.6337, -1.6910, "E07000199"),
            ("Birmingham", 52.4862, -1.8904, nil), ("Crewe", 53.0979, -2.4400, nil),
        ]
        for (town, lat, lon, code) in towns {
            #expect(set.area(containing: P(longitude: lon, latitude: lat))?.code == code, "\(town)")
        }
    }
}

@Suite("Drawing boundaries: the projection and SVG paths")
struct MapProjectionTests {
    typealias P = Boundary.Point

    @Test("At the equator a degree is a degree: a 2 × 1 box about it fills 200 × 100, north up; rings close and holes stay")
    func equator() {
        let b = Boundary(
            code: "A", name: "A",
            polygons: [
                [[P(longitude: 0, latitude: -0.5), P(longitude: 2, latitude: -0.5), P(longitude: 2, latitude: 0.5), P(longitude: 0, latitude: 0.5)]]
            ])
        let m = MapProjection(fitting: [b], width: 200)
        #expect(m.height == 100)
        #expect(m.project(P(longitude: 0, latitude: 0.5)) == (0, 0))
        #expect(m.project(P(longitude: 2, latitude: -0.5)) == (200, 100))
        #expect(m.path(b) == "M0,100L200,100L200,0L0,0Z")
    }

    @Test("At 60° north a degree of longitude is half a degree of latitude; points that round together are drawn once")
    func north() {
        let b = Boundary(
            code: "B", name: "B",
            polygons: [
                [
                    [P(longitude: 0, latitude: 59), P(longitude: 2, latitude: 59), P(longitude: 2, latitude: 61), P(longitude: 2.000_001, latitude: 61)],
                    [P(longitude: 0.5, latitude: 59.5), P(longitude: 1, latitude: 59.5), P(longitude: 1, latitude: 60)],
                ]
            ])
        let m = MapProjection(fitting: [b], width: 100)
        // cos 60° = 0.5: 2 degrees east span 1 degree's width, so the box is 100 wide and 200 high.
        #expect(abs(m.height - 200) < 1e-3, "the stray point just east widens the box by a millionth of a degree")
        #expect(m.path(b) == "M0,200L100,200L100,0ZM25,150L50,150L50,100Z")
    }

    @Test("The reference districts draw as nine paths inside the drawing")
    func districts() throws {
        let set = try ReferenceBoundaries.districts()
        let m = MapProjection(fitting: set.boundaries, width: 480)
        #expect(set.boundaries.count == 9)
        #expect(m.height > 480 && m.height < 960, "Staffordshire and Stoke are taller than wide")
        for b in set.boundaries {
            let path = m.path(b)
            #expect(path.hasPrefix("M") && path.hasSuffix("Z"))
            let numbers = path.split { "MLZ,".contains($0) }.compactMap { Double($0) }
            #expect(numbers.allSatisfy { $0 >= -0.05 && $0 <= max(480, m.height) + 0.05 })
        }
    }
}

@Suite("Imported boundaries placed in their districts")
struct BoundaryPlacementTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/geography/lsoa-fixture.geojson")

    @Test("Tests/Fixtures/geography: two LSOAs in Stoke-on-Trent, one in Stafford, Walsall's left out; coordinates round-trip")
    func placed() throws {
        let set = try BoundarySet.geoJSON([UInt8](try Data(contentsOf: Self.fixture)), file: "lsoa-fixture.geojson", attribution: "test")
        let (placed, outside) = set.placed(within: try ReferenceBoundaries.districts())
        #expect(
            Dictionary(uniqueKeysWithValues: placed.map { ($0.boundary.code, $0.parent) }) == [
                "E01099001": "E06000021", "E01099004": "E06000021", "E01099002": "E07000197",
            ])
        #expect(outside == ["E01099003"])
        #expect(placed.map(\.boundary.name).sorted() == ["Stafford 004B", "Stoke-on-Trent 001A", "Stoke-on-Trent 002B"])
        for b in set.boundaries { #expect(Boundary(code: b.code, name: b.name, coordinates: b.coordinates) == b) }
    }
}

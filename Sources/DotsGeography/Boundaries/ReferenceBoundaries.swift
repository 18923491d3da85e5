import Foundation

/// The reference partnership's district boundaries, bundled with Dots (Resources/README.md says where they come from).
public enum ReferenceBoundaries {
    /// ONS's attribution, which the Open Government Licence asks to be kept with the data and anything drawn from it.
    public static let attribution =
        "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2021"

    /// The bundled file's bytes.
    public static func bytes() throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "lad20-staffordshire-stoke", withExtension: "geojson") else {
            throw BoundarySet.ReadError(file: "lad20-staffordshire-stoke.geojson", problem: "is missing from the build's resources")
        }
        return [UInt8](try Data(contentsOf: url))
    }

    /// Stoke-on-Trent and Staffordshire's eight districts (ONS Local Authority Districts, December 2020).
    public static func districts() throws -> BoundarySet {
        try BoundarySet.geoJSON(
            try bytes(), file: "lad20-staffordshire-stoke.geojson", codeProperty: "lad20cd", nameProperty: "lad20nm", attribution: attribution)
    }
}

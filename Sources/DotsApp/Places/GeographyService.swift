import DotsCore
import DotsGeography
import DotsStore

/// Area boundaries finer than the districts Dots bundles: a partnership imports ONS ward, LSOA or MSOA boundary
/// files (GeoJSON), and maps can then show those areas. Each area is placed in the district that holds it; areas
/// outside the partnership are left out and named. Admins and the command line only; audited.
public struct GeographyService: Sendable {
    let store: HubStore
    let audit: AuditLog

    public init(store: HubStore, clock: any TimeSource = SystemClock()) {
        self.store = store
        audit = AuditLog(store: store, clock: clock)
    }

    public struct Imported: Sendable, Equatable {
        /// Areas kept, by level.
        public let levels: [Area.Level: Int]
        /// Codes of areas outside the partnership, left out.
        public let outside: [String]

        public init(levels: [Area.Level: Int], outside: [String]) {
            self.levels = levels
            self.outside = outside
        }
    }

    /// A boundary file that cannot be imported, in words: the file and what is wrong with it.
    public struct ImportError: Error, Equatable, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    static let levels: Set<Area.Level> = [.ward, .lsoa, .msoa]

    public func importBoundaries(
        _ bytes: [UInt8], file: String, attribution: String, codeProperty: String? = nil, nameProperty: String? = nil, by caller: Caller
    ) async throws -> Imported {
        try caller.require(.manageGeography)
        guard !attribution.trimmingSpaces.isEmpty else {
            throw ImportError(
                description: "\(file): give the file's attribution (--attribution), as its licence asks; ONS files: \(ReferenceBoundaries.attribution)")
        }
        let set: BoundarySet
        do { set = try BoundarySet.geoJSON(bytes, file: file, codeProperty: codeProperty, nameProperty: nameProperty, attribution: attribution) } catch {
            throw ImportError(description: error.description)
        }
        for b in set.boundaries {
            guard let level = Area.level(ofCode: b.code), Self.levels.contains(level) else {
                throw ImportError(
                    description:
                        "\(file): \(b.code) (\(b.name)) is \(Area.level(ofCode: b.code).map { "a \($0.rawValue) code" } ?? "not an ONS area code"): import wards, LSOAs or MSOAs (districts come with Dots)"
                )
            }
        }
        let (placed, outside) = set.placed(within: try ReferenceBoundaries.districts())
        guard !placed.isEmpty else {
            throw ImportError(description: "\(file): none of its \(set.boundaries.count) areas lies in the partnership's districts")
        }
        try await store.saveBoundaries(
            placed.map { p in
                .init(
                    code: p.boundary.code, name: p.boundary.name, level: Area.level(ofCode: p.boundary.code)!, parent: p.parent,
                    attribution: attribution.trimmingSpaces, coordinates: p.boundary.coordinates)
            })
        var levels: [Area.Level: Int] = [:]
        for p in placed { levels[Area.level(ofCode: p.boundary.code)!, default: 0] += 1 }
        try await audit.record(caller, "geography.import", file, "\(placed.count) areas; \(outside.count) outside")
        return Imported(levels: levels, outside: outside.sorted())
    }
}

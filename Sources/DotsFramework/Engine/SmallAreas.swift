import DotsCore

/// The LSOAs a partnership has imported (`dots geography import`), each in its district: the groups of the LSOA
/// breakdown. A group is named `district/LSOA`, so where it belongs is read from its name, and each district has a
/// group of its own for young people whose LSOA is not recorded (or not imported): a district's groups add up to
/// its figure, which disclosure control relies on to keep a hidden LSOA from being worked out.
public struct SmallAreas: Sendable, Equatable {
    /// District code → its LSOAs' codes, sorted.
    public private(set) var byDistrict: [String: [String]] = [:]

    public static let none = SmallAreas()
    /// The last part of the group for a district's young people with no imported LSOA.
    public static let notRecorded = "not-recorded"

    public init() {}

    /// `areas` as (LSOA code, district code); those in districts outside the partnership are left out.
    public init(_ areas: [(code: String, district: String)]) {
        let districts = Set(ReferenceGeography.localAreas.map(\.code))
        for a in areas where districts.contains(a.district) { byDistrict[a.district, default: []].append(a.code) }
        for d in byDistrict.keys { byDistrict[d]!.sort() }
    }

    public var isEmpty: Bool { byDistrict.isEmpty }
    public var count: Int { byDistrict.values.reduce(0) { $0 + $1.count } }

    /// The group of `lsoa` (or `notRecorded`) in `district`.
    public static func group(_ district: String, _ lsoa: String) -> String { "\(district)/\(lsoa)" }

    /// A group's district and LSOA (or `notRecorded`); nil for `unknown`.
    public static func parts(of group: String) -> (district: String, lsoa: String)? {
        guard let slash = group.firstIndex(of: "/") else { return nil }
        return (String(group[..<slash]), String(group[group.index(after: slash)...]))
    }

    /// Every group, district by district in the partnership's order (each district's LSOAs, then its not-recorded
    /// group), then `unknown` for a home outside the partnership's districts or not recorded.
    public var groups: [String] {
        ReferenceGeography.localAreas.flatMap { d in (byDistrict[d.code] ?? []).map { Self.group(d.code, $0) } + [Self.group(d.code, Self.notRecorded)] }
            + [BreakdownColumn.unknown]
    }
}

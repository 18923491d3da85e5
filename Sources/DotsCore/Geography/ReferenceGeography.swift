/// The areas of the reference partnership (Staffordshire and Stoke-on-Trent), with their ONS codes.
public enum ReferenceGeography {
    public static let westMidlands = Area(code: "E12000005", name: "West Midlands", level: .region)
    public static let staffordshire = Area(code: "E10000028", name: "Staffordshire", level: .county, parent: "E12000005")
    public static let stokeOnTrent = Area(code: "E06000021", name: "Stoke-on-Trent", level: .unitary, parent: "E12000005")

    /// Staffordshire's eight districts.
    public static let staffordshireDistricts: [Area] = [
        ("E07000192", "Cannock Chase"), ("E07000193", "East Staffordshire"), ("E07000194", "Lichfield"),
        ("E07000195", "Newcastle-under-Lyme"), ("E07000196", "South Staffordshire"), ("E07000197", "Stafford"),
        ("E07000198", "Staffordshire Moorlands"), ("E07000199", "Tamworth"),
    ].map { Area(code: $0.0, name: $0.1, level: .district, parent: "E10000028") }

    /// The nine lower-tier areas children live in: eight districts and the unitary city.
    public static var localAreas: [Area] { staffordshireDistricts + [stokeOnTrent] }

    public static var all: [Area] { [westMidlands, staffordshire, stokeOnTrent] + staffordshireDistricts }

    public static func area(code: String) -> Area? { all.first { $0.code == code } }

    /// The upper-tier local authority (county or unitary) responsible for a lower-tier area.
    public static func localAuthority(of code: String) -> Area? {
        guard let a = area(code: code) else { return nil }
        switch a.level {
        case .county, .unitary: return a
        case .district: return a.parent.flatMap { area(code: $0) }
        default: return nil
        }
    }
}

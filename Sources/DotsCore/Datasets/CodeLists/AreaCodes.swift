/// The crime types data.police.uk publishes street-level crime under (its own categories, by the slugs its API
/// uses), for area-level context.
public enum PoliceCrimeType: String, CodeList {
    case antiSocialBehaviour = "anti-social-behaviour", bicycleTheft = "bicycle-theft", burglary
    case criminalDamageArson = "criminal-damage-arson", drugs, otherCrime = "other-crime", otherTheft = "other-theft"
    case possessionOfWeapons = "possession-of-weapons", publicOrder = "public-order", robbery, shoplifting
    case theftFromThePerson = "theft-from-the-person", vehicleCrime = "vehicle-crime", violentCrime = "violent-crime"
    public static let listName = "police-crime-type"
    public static let source = "data.police.uk street-level crime categories"
    public var label: String {
        switch self {
        case .antiSocialBehaviour: "Anti-social behaviour"
        case .bicycleTheft: "Bicycle theft"
        case .burglary: "Burglary"
        case .criminalDamageArson: "Criminal damage and arson"
        case .drugs: "Drugs"
        case .otherCrime: "Other crime"
        case .otherTheft: "Other theft"
        case .possessionOfWeapons: "Possession of weapons"
        case .publicOrder: "Public order"
        case .robbery: "Robbery"
        case .shoplifting: "Shoplifting"
        case .theftFromThePerson: "Theft from the person"
        case .vehicleCrime: "Vehicle crime"
        case .violentCrime: "Violence and sexual offences"
        }
    }

    /// The type named as data.police.uk's CSV files write it ("Violence and sexual offences"), case aside.
    public init?(csvName: String) {
        let name = csvName.trimmingSpaces.lowercased()
        guard let type = Self.allCases.first(where: { $0.label.lowercased() == name }) else { return nil }
        self = type
    }
}

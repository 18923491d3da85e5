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

/// What a stop and search looked for, as data.police.uk's stop and search files name it.
public enum SearchObject: String, CodeList {
    case controlledDrugs = "controlled-drugs", offensiveWeapons = "offensive-weapons", stolenGoods = "stolen-goods"
    case theftArticles = "articles-for-theft", damageArticles = "articles-for-criminal-damage", firearms
    case evidence = "evidence-of-offences", threatOrHarm = "anything-to-threaten-or-harm", fireworks, crossbows
    case psychoactive = "psychoactive-substances", dutyNotPaid = "goods-duty-not-paid", gameOrPoaching = "game-or-poaching-equipment"
    case wildlife = "evidence-of-wildlife-offences", sealsOrHunting = "seals-or-hunting-equipment", unavailable
    public static let listName = "search-object"
    public static let source = "data.police.uk stop and search: object of search"
    public var label: String {
        switch self {
        case .controlledDrugs: "Controlled drugs"
        case .offensiveWeapons: "Offensive weapons"
        case .stolenGoods: "Stolen goods"
        case .theftArticles: "Article for use in theft"
        case .damageArticles: "Articles for use in criminal damage"
        case .firearms: "Firearms"
        case .evidence: "Evidence of offences under the Act"
        case .threatOrHarm: "Anything to threaten or harm anyone"
        case .fireworks: "Fireworks"
        case .crossbows: "Crossbows"
        case .psychoactive: "Psychoactive substances"
        case .dutyNotPaid: "Goods on which duty has not been paid etc."
        case .gameOrPoaching: "Game or poaching equipment"
        case .wildlife: "Evidence of wildlife offences"
        case .sealsOrHunting: "Seals or hunting equipment"
        case .unavailable: "Detailed object of search unavailable"
        }
    }

    /// The object as the CSV writes it, case aside; a blank object is "unavailable", as data.police.uk words it.
    public init?(csvName: String) {
        let name = csvName.trimmingSpaces.lowercased()
        if name.isEmpty {
            self = .unavailable
            return
        }
        guard let object = Self.allCases.first(where: { $0.label.lowercased() == name }) else { return nil }
        self = object
    }
}

/// The age ranges data.police.uk publishes for the person searched.
public enum SearchAgeRange: String, CodeList {
    case under10 = "under-10", from10To17 = "10-17", from18To24 = "18-24", from25To34 = "25-34", over34 = "over-34", unknown
    public static let listName = "search-age-range"
    public static let source = "data.police.uk stop and search: age range"
    public var label: String {
        switch self {
        case .under10: "under 10"
        case .from10To17: "10-17"
        case .from18To24: "18-24"
        case .from25To34: "25-34"
        case .over34: "over 34"
        case .unknown: "not recorded"
        }
    }

    /// The range as the CSV writes it; blank (a vehicle search, or not recorded) is unknown.
    public init?(csvName: String) {
        let name = csvName.trimmingSpaces.lowercased()
        if name.isEmpty {
            self = .unknown
            return
        }
        guard let range = Self.allCases.first(where: { $0.label == name }) else { return nil }
        self = range
    }

    /// Children: the two ranges under 18.
    public var isChild: Bool { self == .under10 || self == .from10To17 }
}

/// ONS mid-year population estimates of children by single year of age (0-17), for the areas of the reference
/// partnership: the denominators of every rate per 10,000 children.
///
/// Source: Office for National Statistics, "Population estimates for the UK, England and Wales, Scotland and
/// Northern Ireland: mid-2020", table MYE2 (all persons, by single year of age), Open Government Licence v3.0.
/// https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates/datasets/populationestimatesforukenglandandwalesscotlandandnorthernireland
/// The county is the sum of its eight districts (the published county row agrees: 171,275 children aged 0-17).
public struct PopulationEstimates: Sendable, Equatable {
    public let source: String
    /// The mid-year the estimates describe.
    public let year: Int
    /// Children by single year of age 0...17, keyed by the ONS code of a district or unitary authority.
    public let childrenByAge: [String: [Int]]

    public init(source: String, year: Int, childrenByAge: [String: [Int]]) {
        self.source = source
        self.year = year
        self.childrenByAge = childrenByAge
    }

    /// Children aged `ages` living in the given lower-tier areas (districts or unitary authorities); nil when an
    /// area has no estimate, so a rate is never computed on a partial denominator.
    public func children(in areas: [String], ages: ClosedRange<Int> = 0...17) -> Int? {
        var total = 0
        for code in areas {
            guard let byAge = childrenByAge[code] else { return nil }
            for age in ages where age >= 0 && age < byAge.count { total += byAge[age] }
        }
        return total
    }

    /// The ONS mid-2020 estimates shipped with Dots.
    public static let onsMid2020 = PopulationEstimates(
        source: "ONS mid-2020 population estimates (MYE2, persons by single year of age), Open Government Licence v3.0",
        year: 2020,
        childrenByAge: [
            "E06000021": [3136, 3277, 3208, 3344, 3426, 3382, 3656, 3557, 3541, 3459, 3172, 3133, 3354, 3023, 2994, 3023, 2848, 2772],  // Stoke-on-Trent
            "E07000192": [1033, 1105, 1119, 1083, 1072, 1089, 1133, 1227, 1133, 1194, 1164, 1189, 1206, 1154, 1176, 1067, 1129, 1026],  // Cannock Chase
            "E07000193": [1378, 1363, 1401, 1507, 1489, 1516, 1576, 1511, 1606, 1508, 1522, 1497, 1515, 1395, 1410, 1414, 1421, 1329],  // East Staffordshire
            "E07000194": [965, 982, 1052, 1121, 1027, 1081, 1084, 1122, 1225, 1261, 1199, 1174, 1178, 1191, 1225, 1127, 1138, 1131],  // Lichfield
            "E07000195": [1136, 1073, 1189, 1228, 1246, 1284, 1344, 1303, 1343, 1452, 1320, 1417, 1422, 1351, 1366, 1421, 1312, 1317],  // Newcastle-under-Lyme
            "E07000196": [935, 897, 1053, 1060, 1115, 1063, 1038, 1130, 1207, 1181, 1140, 1095, 1134, 1246, 1173, 1175, 1183, 1133],  // South Staffordshire
            "E07000197": [1227, 1370, 1329, 1372, 1457, 1457, 1467, 1536, 1494, 1558, 1495, 1583, 1664, 1584, 1520, 1490, 1396, 1396],  // Stafford
            "E07000198": [759, 751, 823, 890, 910, 931, 934, 1001, 986, 1097, 1122, 1091, 1141, 1057, 1050, 1130, 1088, 1034],  // Staffordshire Moorlands
            "E07000199": [863, 813, 900, 899, 956, 889, 912, 968, 973, 958, 1014, 1040, 1017, 919, 894, 843, 964, 841],  // Tamworth
        ])
}

import DotsCore

/// How each breakdown is read from a dataset row and its person record, and the groups it can take. Every row
/// falls in exactly one group of a breakdown (missing values in `unknown`), so groups add up to the total, which
/// disclosure control relies on; exploitation type is the exception, since one screening can name several.
public struct BreakdownColumn: Sendable {
    public let breakdown: Breakdown
    /// The SQL expression over `e` (the dataset row) and `p` (the agency's person record).
    public let expression: String
    /// Every group it can take, in display order; groups with no rows are shown as true zeros.
    public let groups: [String]
    /// False when one row can count in several groups.
    public let additive: Bool

    public static let unknown = "unknown"

    /// The column for `breakdown` on `dataset`, or nil when the dataset does not record it.
    /// `smallAreas` are the imported LSOAs, the LSOA breakdown's groups: with none there is no such breakdown.
    public static func of(
        _ breakdown: Breakdown, dataset: Dataset, dialect: SQLEngine, ageExpression: String, smallAreas: SmallAreas = .none
    ) -> BreakdownColumn? {
        let schema = dataset.schema
        let u = dialect.text(unknown)
        // Where a row is: its young person's home area, or a context's own area.
        let area = dataset.isAboutPeople ? "p.home_area" : "e.area"
        switch breakdown {
        case .partnership:
            return nil  // results are always given per local authority and in total: a partnership is a set of them
        case .la:
            let cases = ReferenceGeography.localAreas.map {
                "WHEN \(dialect.text($0.code)) THEN \(dialect.text(ReferenceGeography.localAuthority(of: $0.code)!.code))"
            }
            return .init(
                breakdown: .la, expression: "CASE \(area) \(cases.joined(separator: " ")) ELSE \(u) END",
                groups: [ReferenceGeography.staffordshire.code, ReferenceGeography.stokeOnTrent.code, unknown], additive: true)
        case .district:
            let codes = ReferenceGeography.localAreas.map(\.code)
            return .init(
                breakdown: .district,
                expression: "CASE WHEN \(area) IN (\(codes.map(dialect.text).joined(separator: ", "))) THEN \(area) ELSE \(u) END",
                groups: codes + [unknown], additive: true)
        case .lsoa:
            guard dataset.isAboutPeople, !smallAreas.isEmpty else { return nil }
            // The home LSOA counts where it is an imported LSOA of the home district (the agency reads both from
            // the same postcode); anything else counts in the district's not-recorded group, so the district's
            // groups add up to the district's cell.
            let codes = ReferenceGeography.localAreas.map(\.code).map(dialect.text).joined(separator: ", ")
            let lsoa =
                "(SELECT b.code FROM boundaries b WHERE b.code = p.home_lsoa AND b.level = \(dialect.text(Area.Level.lsoa.rawValue)) AND b.parent = p.home_area)"
            return .init(
                breakdown: .lsoa,
                expression:
                    "CASE WHEN p.home_area IN (\(codes)) THEN p.home_area || '/' || COALESCE(\(lsoa), \(dialect.text(SmallAreas.notRecorded))) ELSE \(u) END",
                groups: smallAreas.groups, additive: true)
        case .ageBand:
            return .init(
                breakdown: .ageBand,
                expression: """
                    CASE WHEN \(ageExpression) IS NULL THEN \(u) WHEN \(ageExpression) < 10 THEN '0-9' WHEN \(ageExpression) < 14 THEN '10-13' \
                    WHEN \(ageExpression) < 16 THEN '14-15' WHEN \(ageExpression) < 18 THEN '16-17' ELSE '18+' END
                    """, groups: ["0-9", "10-13", "14-15", "16-17", "18+", unknown], additive: true)
        case .sex:
            return .init(breakdown: .sex, expression: "COALESCE(p.sex, \(u))", groups: Sex.allCases.map(\.rawValue) + [unknown], additive: true)
        case .ethnicityGroup:
            return .init(
                breakdown: .ethnicityGroup,
                expression: """
                    CASE WHEN p.ethnicity IS NULL OR p.ethnicity IN ('REFU', 'NOBT') THEN 'not-recorded' WHEN p.ethnicity = 'CHNE' THEN 'asian' \
                    WHEN substr(p.ethnicity, 1, 1) = 'W' THEN 'white' WHEN substr(p.ethnicity, 1, 1) = 'M' THEN 'mixed' \
                    WHEN substr(p.ethnicity, 1, 1) = 'A' THEN 'asian' WHEN substr(p.ethnicity, 1, 1) = 'B' THEN 'black' ELSE 'other' END
                    """, groups: ["white", "mixed", "asian", "black", "other", "not-recorded"], additive: true)
        case .riskLevel:
            let field = schema.field("risk_level") != nil ? "risk_level" : schema.field("risk_before") != nil ? "risk_before" : nil
            guard let field else { return nil }
            return .init(
                breakdown: .riskLevel, expression: "COALESCE(e.\(field), \(u))", groups: RiskLevel.allCases.map(\.rawValue) + [unknown], additive: true)
        case .exploitationType:
            // Exploded by the compiler: see `exploitationTypes`.
            return .init(breakdown: .exploitationType, expression: "x.code", groups: ExploitationType.allCases.map(\.rawValue), additive: false)
        case .agency:
            return .init(breakdown: .agency, expression: "e.agency_id", groups: [], additive: true)
        case .lookedAfter:
            return .init(
                breakdown: .lookedAfter,
                expression: "CASE WHEN \(dialect.isTrue("p.looked_after")) THEN 'yes' WHEN \(dialect.isFalse("p.looked_after")) THEN 'no' ELSE \(u) END",
                groups: ["yes", "no", unknown], additive: true)
        }
    }

    /// For the exploitation-type breakdown: a condition saying row `e` names type `x.code`, or nil when the
    /// dataset records no exploitation type.
    static func exploitationTypes(dataset: Dataset, dialect: SQLEngine) -> String? {
        switch dataset {
        case .ceScreenings:
            return "(';' || e.exploitation_types || ';') LIKE ('%;' || x.code || ';%')"
        case .policeIncidents:
            return
                "((x.code = 'CSE' AND \(dialect.isTrue("e.cse_flag"))) OR (x.code = 'CCE' AND \(dialect.isTrue("e.cce_flag"))) OR (x.code = 'CL' AND \(dialect.isTrue("e.county_lines_flag"))))"
        case .nrmReferrals:
            return
                "((x.code = 'CSE' AND e.exploitation_type = 'sexual') OR (x.code = 'CCE' AND e.exploitation_type = 'criminal') OR (x.code = 'CL' AND \(dialect.isTrue("e.county_lines"))) OR (x.code = 'TRAF' AND e.exploitation_type IN ('labour', 'domestic_servitude', 'organ_harvesting')))"
        default:
            return nil
        }
    }
}

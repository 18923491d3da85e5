import DotsCore
import Foundation

/// Works out, for each indicator and question, whether the data can answer it and, if not, why.
public struct GapFinder: Sendable {
    public let profile: DataProfile
    /// Below this share of rows with a value, a field is "mostly empty".
    public var mostlyEmpty = 0.5
    /// Above this share of rows with intake warnings, figures carry a quality caveat.
    public var warningShare = 0.1
    /// Whether the partnership has imported LSOAs: without them there is no LSOA breakdown, so an empty home LSOA
    /// is no gap in it.
    public var smallAreasImported = false

    public init(profile: DataProfile, smallAreasImported: Bool = false) {
        self.profile = profile
        self.smallAreasImported = smallAreasImported
    }

    /// The fields an indicator's filters and measure need (they block), and those its breakdowns need (caveats).
    static func fields(_ ind: IndicatorSpec) -> (needed: [String], breakdowns: [String]) {
        var needed: [String] = []
        for f in ind.filters {
            switch f {
            case .values(let field, _): needed.append(field)
            case .age: needed.append("person.birth_year_month")
            case .agencyKind: break
            }
        }
        // Outcome fields (a numerator's, the second time of `within` or `duration`) are blank when the outcome has
        // not happened, so their emptiness is the answer, not a gap; the starting point must be there.
        switch ind.measure {
        case .within(let from, _, _), .duration(let from, _, _, _): needed.append(from)
        case .snapshot(let start, _): needed.append(start)
        default: break
        }
        var breakdowns: [String] = []
        for b in ind.breakdowns {
            switch b {
            case .la, .district: breakdowns.append(ind.dataset.isAboutPeople ? "person.home_area" : "area")
            case .ageBand: breakdowns.append("person.birth_year_month")
            case .sex: breakdowns.append("person.sex")
            case .ethnicityGroup: breakdowns.append("person.ethnicity")
            case .lookedAfter: breakdowns.append("person.looked_after")
            case .lsoa: breakdowns.append("person.home_lsoa")
            case .riskLevel: breakdowns.append(ind.dataset.schema.field("risk_level") != nil ? "risk_level" : "risk_before")
            default: break
            }
        }
        return (needed, breakdowns)
    }

    public func gaps(for ind: IndicatorSpec) -> [DataGap] {
        guard let d = profile.datasets[ind.dataset], d.rows > 0 else {
            if Dataset.aboutContexts.contains(ind.dataset) {
                return [
                    DataGap(
                        kind: .neverSubmitted, indicatorID: ind.id, blocking: true,
                        detail:
                            "no contexts of harm are recorded in Dots yet (\(ind.dataset.rawValue)): MACE practitioners and agency data leads opening the peer groups, places, schools and online spaces they work with (Contexts) would close this gap"
                    )
                ]
            }
            return [
                DataGap(
                    kind: .neverSubmitted, indicatorID: ind.id, blocking: true,
                    detail:
                        "no agency has submitted \(ind.dataset.schema.title.lowercased()) (\(ind.dataset.rawValue)) to Dots: an agency that holds it (see the data map) submitting it would close this gap"
                )
            ]
        }
        var gaps: [DataGap] = []
        let (needed, all) = Self.fields(ind)
        let breakdowns = all.filter { smallAreasImported || $0 != "person.home_lsoa" }
        for field in needed + breakdowns {
            let share = d.share(field)
            let blocking = needed.contains(field)
            if share == 0 {
                gaps.append(
                    DataGap(
                        kind: .fieldEmpty, indicatorID: ind.id, blocking: blocking,
                        detail: "\(describe(field, ind.dataset)) is never recorded"
                            + (blocking
                                ? ""
                                : field == "person.home_lsoa"
                                    ? ", so the breakdown by LSOA counts everyone in their district's \"LSOA not recorded\""
                                    : ", so that breakdown shows everyone as unknown")
                            + closedBy(d, field, ind.dataset)))
            } else if share < mostlyEmpty {
                gaps.append(
                    DataGap(
                        kind: .fieldMostlyEmpty, indicatorID: ind.id, blocking: blocking,
                        detail: "\(describe(field, ind.dataset)) is recorded for only \(percent(share)) of rows" + closedBy(d, field, ind.dataset)))
            }
        }
        if d.rows > 0, Double(d.warnings) / Double(d.rows) > warningShare {
            // Whose rows drew the warnings, worst first, when the store says.
            let who = d.byAgency.filter { $0.value.rows > 0 && Double($0.value.warnings) / Double($0.value.rows) > warningShare }
                .sorted { Double($0.value.warnings) / Double($0.value.rows) > Double($1.value.warnings) / Double($1.value.rows) }
                .map { "\(Self.name($0.key)) (\(percent(Double($0.value.warnings) / Double($0.value.rows))))" }
            gaps.append(
                DataGap(
                    kind: .lowQuality, indicatorID: ind.id, blocking: false,
                    detail:
                        "\(percent(Double(d.warnings) / Double(d.rows))) of \(ind.dataset.rawValue) rows drew warnings at intake (see the data quality report)"
                        + (who.isEmpty
                            ? ""
                            : ": \(Self.list(who)) fixing the warned rows at source and submitting again would close this gap")))
        }
        if profile.linkageRunID == nil {
            switch ind.measure {
            case .overlap(let agencies, let with, _):
                let sameAgencies = with.map { Set(profile.datasets[$0]?.agencies ?? []) == Set(d.agencies) } ?? false
                if agencies != nil || !sameAgencies {
                    gaps.append(
                        DataGap(
                            kind: .notLinked, indicatorID: ind.id, blocking: true,
                            detail:
                                "linkage has not run, so young people cannot be matched across agencies: an analyst running `dots link` would close this gap"))
                }
            case .people, .rate(of: .people), .percentage(_, of: .people), .repeats, .snapshot:
                if d.agencies.count > 1 {
                    gaps.append(
                        DataGap(
                            kind: .notLinked, indicatorID: ind.id, blocking: false,
                            detail:
                                "linkage has not run, so a young person known to several agencies is counted once per agency: an analyst running `dots link` would close this gap"
                        ))
                }
            default: break
            }
        }
        if case .overlap(_, let with?, _) = ind.measure, profile.datasets[with] == nil {
            gaps.append(
                DataGap(kind: .neverSubmitted, indicatorID: ind.id, blocking: true, detail: "no agency has submitted \(with.rawValue), which the overlap needs")
            )
        }
        return gaps
    }

    /// Periods an indicator cannot be given for, with the reason: those the submitted data does not fully cover.
    public func unavailablePeriods(for ind: IndicatorSpec, periods: [ReportingPeriod]) -> [String: String] {
        guard let d = profile.datasets[ind.dataset] else { return [:] }
        var out: [String: String] = [:]
        for p in periods where p.end > d.last || p.start < d.first {
            out[p.label] = p.end > d.last ? "the data submitted only runs to \(d.last)" : "the data submitted starts on \(d.first)"
        }
        return out
    }

    /// Whose submissions leave a field short, with what each records, and what would close the gap.
    func closedBy(_ d: DataProfile.DatasetProfile, _ field: String, _ ds: Dataset) -> String {
        let short = d.byAgency.filter { $0.value.rows > 0 && $0.value.share(field) < mostlyEmpty }.sorted { $0.key < $1.key }
        guard !short.isEmpty else { return "" }
        let who = short.map { "\(Self.name($0.key)) (\(percent($0.value.share(field))))" }
        // The home LSOA is not recorded but derived at the agency, from the postcode directory.
        let what =
            field == "person.home_lsoa"
            ? "preparing their people file with ONS's postcode directory (dots prepare --postcode-lookup FILE --home-lsoa)"
            : field.hasPrefix("person.") ? "recording it on their people file" : "recording it"
        return ": \(Self.list(who)) \(what) and submitting \(ds.rawValue) again would close this gap"
    }

    static func name(_ agency: String) -> String { ReferencePartnership.model.agencyName(agency) }

    /// "a", "a and b", "a, b and c".
    public static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    func describe(_ field: String, _ ds: Dataset) -> String {
        if field == "person.home_lsoa" { return "the young person's home LSOA" }
        return field.hasPrefix("person.") ? "the young person's \(field.dropFirst(7).replacingOccurrences(of: "_", with: " "))" : "\(ds.rawValue).\(field)"
    }

    func percent(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }
}

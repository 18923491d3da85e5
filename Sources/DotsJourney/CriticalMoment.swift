import DotsCore

/// The moments in a young person's life that open a window to help: the Child Safeguarding Practice Review
/// Panel's "It was hard to escape" (2020, chapter 8) names arrest, attending hospital after an injury, exclusion
/// from school, going missing and being found out of area. Each is recognised from the records partners already
/// send; where a dataset holds only something near the moment, the label says what it is.
public enum CriticalMoment: String, CaseIterable, Sendable, Codable, Comparable {
    case wentMissing = "went-missing"
    case foundOutOfArea = "found-out-of-area"
    case excluded
    case suspected
    case injury

    public var label: String {
        switch self {
        case .wentMissing: "Went missing"
        case .foundOutOfArea: "Found out of area"
        case .excluded: "Excluded from school"
        // Police records say the child's part in an incident, not whether they were arrested.
        case .suspected: "Suspect in a police incident (the nearest record of an arrest)"
        case .injury: "Emergency department after an assault or self-harm"
        }
    }

    public static func < (l: CriticalMoment, r: CriticalMoment) -> Bool {
        allCases.firstIndex(of: l)! < allCases.firstIndex(of: r)!
    }

    /// The critical moments one record shows. `homeAreas` are the partnership's own district, unitary and county
    /// codes: a child found in any other district-level area was found out of area. A finer code (ward, LSOA)
    /// cannot be placed without a lookup, so it is not counted either way.
    public static func of(_ row: RecordRow, homeAreas: Set<String>) -> [CriticalMoment] {
        var out: [CriticalMoment] = []
        switch row.dataset {
        case .missingEpisodes:
            if row["missing_type"] == MissingType.missing.rawValue { out.append(.wentMissing) }
            if let found = row["found_area"], let level = Area.level(ofCode: found), [.district, .unitary, .county].contains(level),
                !homeAreas.contains(found)
            {
                out.append(.foundOutOfArea)
            }
        case .educationEvents:
            if let type = row["event_type"], [EducationEventType.permanentExclusion.rawValue, EducationEventType.suspension.rawValue].contains(type) {
                out.append(.excluded)
            }
        case .policeIncidents:
            if row["role"] == IncidentRole.suspect.rawValue { out.append(.suspected) }
        case .healthContacts:
            let reasons = Set(row.codes("reasons"))
            if row["setting"] == HealthSetting.emergencyDepartment.rawValue,
                !reasons.isDisjoint(with: [HealthReason.assault.rawValue, HealthReason.selfHarm.rawValue])
            {
                out.append(.injury)
            }
        default: break
        }
        return out
    }
}

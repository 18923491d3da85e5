/// The reference partnership, Staffordshire and Stoke-on-Trent: one joint Safeguarding Children Partnership
/// that split into two, keeping a joint child exploitation sub-group. The split date is illustrative
/// (the learning report places it during 2020-21); everything else follows the report.
public enum ReferencePartnership {
    static let origin = CalendarDate(year: 2019, month: 9, day: 29)!
    /// The first day of the two separate partnerships.
    public static let splitDate = CalendarDate(year: 2021, month: 4, day: 1)!
    static let always = DateRange(from: origin)
    static let beforeSplit = DateRange(from: origin, to: splitDate.adding(days: -1))
    static let afterSplit = DateRange(from: splitDate)

    static let staffsCodes = ReferenceGeography.staffordshireDistricts.map(\.code)
    static let stokeCodes = [ReferenceGeography.stokeOnTrent.code]

    public static let agencies: [Agency] = [
        Agency(
            id: "staffs-csc", name: "Staffordshire County Council Children's Social Care", kind: .socialCare,
            areas: staffsCodes,
            datasets: [.people, .ceScreenings, .missingEpisodes, .maceDiscussions, .nrmReferrals, .voiceFeedback] + Dataset.returns + Dataset.annexA,
            valid: always),
        Agency(
            id: "stoke-csc", name: "Stoke-on-Trent City Council Children's Social Care", kind: .socialCare,
            areas: stokeCodes,
            datasets: [.people, .ceScreenings, .missingEpisodes, .maceDiscussions, .nrmReferrals, .voiceFeedback] + Dataset.returns + Dataset.annexA,
            valid: always),
        Agency(
            id: "staffs-police", name: "Staffordshire Police", kind: .police, areas: staffsCodes + stokeCodes,
            datasets: [.people, .policeIncidents, .missingEpisodes, .nrmReferrals, .areaCrime, .areaStops], valid: always),
        Agency(
            id: "uhnm-ed", name: "University Hospitals of North Midlands (emergency departments)", kind: .health,
            areas: staffsCodes + stokeCodes, datasets: [.people, .healthContacts], valid: always),
        Agency(
            id: "mpft-sh", name: "Midlands Partnership University NHS FT (sexual health)", kind: .health,
            areas: staffsCodes + stokeCodes, datasets: [.people, .healthContacts], valid: always),
        Agency(
            id: "staffs-education", name: "Staffordshire County Council Education", kind: .education,
            areas: staffsCodes, datasets: [.people, .educationEvents], valid: always),
        Agency(
            id: "stoke-education", name: "Stoke-on-Trent City Council Education", kind: .education,
            areas: stokeCodes, datasets: [.people, .educationEvents], valid: always),
        Agency(
            id: "staffs-yjs", name: "Staffordshire Youth Justice Service", kind: .youthJustice,
            areas: staffsCodes, datasets: [.people, .youthJustice], valid: always),
        Agency(
            id: "stoke-yjs", name: "Stoke-on-Trent Youth Justice Service", kind: .youthJustice,
            areas: stokeCodes, datasets: [.people, .youthJustice], valid: always),
        Agency(
            id: "rhi-provider", name: "Return Home Interview Service (commissioned, Staffordshire and Stoke)",
            kind: .returnInterviews, areas: staffsCodes + stokeCodes, datasets: [.people, .missingEpisodes], valid: always),
    ]

    static let countywide = ["staffs-police", "uhnm-ed", "mpft-sh", "rhi-provider"]
    static let staffsOnly = ["staffs-csc", "staffs-education", "staffs-yjs"]
    static let stokeOnly = ["stoke-csc", "stoke-education", "stoke-yjs"]

    public static let partnerships: [Partnership] = [
        Partnership(
            id: "joint-scp", name: "Staffordshire and Stoke-on-Trent Safeguarding Children Partnership",
            kind: .safeguardingPartnership, valid: beforeSplit,
            areas: (staffsCodes + stokeCodes).map { .init($0, beforeSplit) },
            agencies: agencies.map { .init($0.id, beforeSplit) }),
        Partnership(
            id: "staffs-scp", name: "Staffordshire Safeguarding Children Partnership",
            kind: .safeguardingPartnership, valid: afterSplit,
            areas: staffsCodes.map { .init($0, afterSplit) },
            agencies: (staffsOnly + countywide).map { .init($0, afterSplit) }),
        Partnership(
            id: "stoke-scp", name: "Stoke-on-Trent Safeguarding Children Partnership",
            kind: .safeguardingPartnership, valid: afterSplit,
            areas: stokeCodes.map { .init($0, afterSplit) },
            agencies: (stokeOnly + countywide).map { .init($0, afterSplit) }),
        Partnership(
            id: "joint-ce", name: "Staffordshire and Stoke-on-Trent Joint Child Exploitation Sub-group",
            kind: .subGroup, valid: afterSplit,
            areas: (staffsCodes + stokeCodes).map { .init($0, afterSplit) },
            agencies: agencies.map { .init($0.id, afterSplit) }),
    ]

    public static let model = PartnershipModel(areas: ReferenceGeography.all, agencies: agencies, partnerships: partnerships)
}

/// The canonical datasets agencies submit to the partnership hub.
public enum Dataset: String, Sendable, Codable, CaseIterable, Comparable {
    case people
    case ceScreenings = "ce_screenings"
    case missingEpisodes = "missing_episodes"
    case policeIncidents = "police_incidents"
    case nrmReferrals = "nrm_referrals"
    case healthContacts = "health_contacts"
    case educationEvents = "education_events"
    case youthJustice = "youth_justice"
    case maceDiscussions = "mace_discussions"
    case voiceFeedback = "voice_feedback"

    /// The schema a submission of this dataset must follow on the hub.
    public var schema: DatasetSchema {
        switch self {
        case .people: PeopleSchema.submission
        case .ceScreenings: EventSchemas.ceScreenings
        case .missingEpisodes: EventSchemas.missingEpisodes
        case .policeIncidents: EventSchemas.policeIncidents
        case .nrmReferrals: EventSchemas.nrmReferrals
        case .healthContacts: EventSchemas.healthContacts
        case .educationEvents: EventSchemas.educationEvents
        case .youthJustice: EventSchemas.youthJustice
        case .maceDiscussions: EventSchemas.maceDiscussions
        case .voiceFeedback: EventSchemas.voiceFeedback
        }
    }

    /// The schema of the agency's raw extract, before `dots prepare`. Only `people` differs:
    /// it carries the clear identifiers that never leave the agency.
    public var extractSchema: DatasetSchema { self == .people ? PeopleSchema.extract : schema }

    /// The datasets of the first release, whose tables migration 0003 creates; each later dataset's table comes
    /// with a migration of its own.
    public static let original: [Dataset] = [
        .people, .ceScreenings, .missingEpisodes, .policeIncidents, .nrmReferrals, .healthContacts, .educationEvents, .youthJustice, .maceDiscussions,
    ]

    public static func < (l: Dataset, r: Dataset) -> Bool {
        allCases.firstIndex(of: l)! < allCases.firstIndex(of: r)!
    }
}

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
    case cinEpisodes = "cin_episodes"
    case cinAssessments = "cin_assessments"
    case section47Enquiries = "section47_enquiries"
    case protectionPlans = "protection_plans"
    case careEpisodes = "care_episodes"
    case areaCrime = "area_crime"
    case careSnapshot = "care_snapshot"
    case areaStops = "area_stops"
    case contacts
    case earlyHelpAssessments = "early_help_assessments"
    case contextRecords = "context_records"
    case contextReviews = "context_reviews"
    case contextChildren = "context_children"

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
        case .cinEpisodes: EventSchemas.cinEpisodes
        case .cinAssessments: EventSchemas.cinAssessments
        case .section47Enquiries: EventSchemas.section47Enquiries
        case .protectionPlans: EventSchemas.protectionPlans
        case .careEpisodes: EventSchemas.careEpisodes
        case .areaCrime: AreaSchemas.areaCrime
        case .careSnapshot: EventSchemas.careSnapshot
        case .areaStops: AreaSchemas.areaStops
        case .contacts: EventSchemas.contacts
        case .earlyHelpAssessments: EventSchemas.earlyHelpAssessments
        case .contextRecords: ContextSchemas.contextRecords
        case .contextReviews: ContextSchemas.contextReviews
        case .contextChildren: ContextSchemas.contextChildren
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

    /// The datasets the statutory returns fill (migration 0018 creates their tables).
    public static let returns: [Dataset] = [.cinEpisodes, .cinAssessments, .section47Enquiries, .protectionPlans, .careEpisodes]

    /// Datasets about places, not people (migration 0020 creates area_crime's table, 0021 area_stops').
    public static let areaLevel: [Dataset] = [.areaCrime, .areaStops]

    /// Ofsted's Annex A lists Dots reads (migration 0020 creates care_snapshot's table, 0022 the others). Each
    /// list covers the twelve months to its date, so successive lists overlap: their periods may, and a later list's
    /// copy of a row replaces the earlier (never counted twice).
    public static let annexA: [Dataset] = [.careSnapshot, .contacts, .earlyHelpAssessments]

    /// Whether successive submissions may cover overlapping periods, a later copy of a row replacing the earlier:
    /// the rolling twelve-month lists of Annex A.
    public var isRollingList: Bool { Self.annexA.contains(self) }

    /// The datasets Dots keeps from its own context records (migration 0027 creates their tables), rewritten at every
    /// framework run under `contextsSubmissionID`: a context, a review due, a young person linked by the partnership's
    /// id. No agency's person record is named, so nothing about a person joins them but the framework's counts.
    public static let aboutContexts: [Dataset] = [.contextRecords, .contextReviews, .contextChildren]

    /// The submission id of the rows Dots writes to `aboutContexts` from its own records.
    public static let contextsSubmissionID = "dots-contexts"

    /// Whether the dataset's rows are about an agency's person record (every dataset but the area-level ones and
    /// those about contexts; people itself too).
    public var isAboutPeople: Bool { !Self.areaLevel.contains(self) && !Self.aboutContexts.contains(self) }

    /// Whether the framework's indicators may count it: every dataset but the area-level ones, which are context
    /// beside them.
    public var isCounted: Bool { !Self.areaLevel.contains(self) }

    /// For a dataset about contexts, what one counted unit is (`who` in the framework's queries): the young person
    /// by the partnership's id, or else the record itself; nil for datasets about an agency's person records.
    public var contextUnit: String? {
        switch self {
        case .contextChildren: "partnership_person_id"
        case .contextRecords: "context_id"
        case .contextReviews: "review_id"
        default: nil
        }
    }

    public static func < (l: Dataset, r: Dataset) -> Bool {
        allCases.firstIndex(of: l)! < allCases.firstIndex(of: r)!
    }
}

/// What each role may do: the one place role checks live. The web app's routes and the API ask it, and the
/// tests walk every route for every role against it.
public enum Permission: String, CaseIterable, Sendable {
    /// The framework overview and indicator pages (figures as `exactFigures` allows).
    case viewFramework
    /// Figures without disclosure control: small numbers visible. Everyone else sees `c`.
    case exactFigures
    /// The submission log and data quality: all agencies', or the own agency's when `agencyScoped`.
    case viewSubmissions
    /// Upload an extract or package (an agency data lead for their own agency only).
    case submitData
    /// Accounts: create, change roles.
    case manageAccounts
    /// API tokens for automated submissions.
    case manageTokens
    /// The partnership's method: the maturity heatmap, the data map, action plans and data leads meetings.
    case viewGovernance
    /// Complete and submit a data-maturity self-assessment (an agency data lead for their own agency only).
    case assessMaturity
    /// Open a new round of self-assessment.
    case manageRounds
    /// Record and edit datasets on the data map (an agency data lead for their own agency only).
    case editDataMap
    /// Create and update actions (an agency data lead for their own agency's actions; anyone may update an action they own).
    case manageActions
    /// Record data leads meetings.
    case recordMeetings
    /// Ask for the framework's figures to be recomputed now (they are also recomputed after every accepted submission).
    case recomputeFramework
    /// Write commentary on a question or indicator, and read commentary not yet approved.
    case writeCommentary
    /// Approve or return someone else's commentary (never one's own).
    case approveCommentary
    /// Build a report for the Safeguarding Partnership from a framework run.
    case buildReports
    /// Issue one-time feedback codes, record what a young person or family said, and act on unsafe-now alerts:
    /// for the caller's own agency (practitioners and agency data leads whose account names one).
    case recordVoice
    /// Read feedback: practitioners and agency data leads their own agency's as written, analysts everyone's
    /// de-identified (`voiceText`); every read audited.
    case readVoice
    /// Code free text to the codebook's themes (practitioners their own agency's text as written; analysts
    /// de-identified text; see `voiceText`).
    case codeVoice
    /// The codebook, agreement samples, quotes (propose and approve) and "you said, we did".
    case manageVoice
    /// A partnership's voice settings: what someone who feels unsafe is told, retention, the fewest for a quote.
    case voiceSettings
    /// A young person's journey across agencies, for a stated purpose, every view audited: operational roles
    /// only, and only young people the caller's agency holds (a MACE practitioner: or who have been to MACE).
    case viewJourneys
    /// Who has viewed a young person's journey: agency data leads, for young people their agency holds.
    case seeJourneyViewers
    /// Contexts of harm as records: open one, move it on, link young people (whom the caller may see) to it, review
    /// and end links. Operational roles only; everyone else sees counts.
    case workWithContexts
    /// Import area boundaries finer than the bundled districts (wards, LSOAs, MSOAs) for maps.
    case manageGeography
    /// How good linkage was (match rates, who is known to one agency, run history) and the clerical review queue,
    /// with confirm and reject: the analysts who answer for linkage, and admins.
    case reviewLinkage
}

public struct AccessPolicy: Sendable {
    public static func allows(_ role: Role, _ permission: Permission) -> Bool {
        switch permission {
        case .viewFramework: true
        case .exactFigures: role == .admin || role == .analyst
        case .viewSubmissions: role == .admin || role == .analyst || role == .agencyLead
        case .submitData: role == .admin || role == .agencyLead
        case .manageAccounts: role == .admin
        case .manageTokens: role == .admin || role == .agencyLead
        // MACE practitioners work case by case: the partnership's planning is not theirs to need.
        case .viewGovernance: role != .practitioner
        case .assessMaturity, .editDataMap: role == .admin || role == .agencyLead
        case .manageRounds, .recordMeetings, .recomputeFramework: role == .admin || role == .analyst
        case .writeCommentary, .approveCommentary, .buildReports: role == .admin || role == .analyst
        case .manageActions: role == .admin || role == .analyst || role == .agencyLead
        case .recordVoice: role == .practitioner || role == .agencyLead
        case .readVoice: role != .strategicLead
        case .codeVoice: role == .practitioner || role == .analyst || role == .admin
        case .manageVoice: role == .admin || role == .analyst
        case .voiceSettings: role == .admin
        // Person-level records are for people working with the young person, never for planning or analysis.
        case .viewJourneys: role == .practitioner || role == .agencyLead
        case .seeJourneyViewers: role == .agencyLead
        case .workWithContexts: role == .practitioner || role == .agencyLead
        case .manageGeography: role == .admin
        case .reviewLinkage: role == .admin || role == .analyst
        }
    }

    /// How a role may read the free text young people and families gave: as written only for the agency that
    /// holds the young person (its practitioners and data lead), with identifiers taken out for the partnership's
    /// analysts, not at all for anyone else. Every read is audited.
    public static func voiceText(_ role: Role, agencyID: String?) -> VoiceTextAccess {
        switch role {
        case .practitioner, .agencyLead: agencyID.map { .asWritten(agency: $0) } ?? .none
        case .analyst, .admin: .deidentified
        case .strategicLead: .none
        }
    }

    /// The agency whose rows this person may see, or nil for every agency. Agency data leads see their own only.
    public static func agencyScope(_ role: Role, agencyID: String?) -> AgencyScope {
        role == .agencyLead ? .only(agencyID ?? "") : .all
    }
}

public enum VoiceTextAccess: Sendable, Equatable {
    /// The words as written, for records of this agency only.
    case asWritten(agency: String)
    /// Every agency's records, with names, places, schools, dates and numbers replaced by placeholders.
    case deidentified
    case none
}

public enum AgencyScope: Sendable, Equatable {
    case all
    case only(String)

    /// The one agency in scope, or nil for all: what a query filters on.
    public var agencyID: String? {
        if case .only(let id) = self { id } else { nil }
    }

    public func includes(_ agencyID: String) -> Bool {
        switch self {
        case .all: true
        case .only(let id): id == agencyID
        }
    }
}

/// An organisation that holds data about children and submits extracts to the partnership.
public struct Agency: Hashable, Sendable, Codable, Identifiable {
    /// What sort of organisation this is; also used as the referral-source code list.
    public enum Kind: String, Sendable, Codable, CaseIterable, CodeList {
        case socialCare = "social_care", police, health, education, youthJustice = "youth_justice"
        case returnInterviews = "rhi_provider", voluntary = "vcs", family, selfReferral = "self", other

        public static let listName = "agency-kind"
        public static let source = "Dots (agency types of an English safeguarding partnership)"
        public var label: String {
            switch self {
            case .socialCare: "Children's social care"
            case .police: "Police"
            case .health: "Health"
            case .education: "Education"
            case .youthJustice: "Youth justice service"
            case .returnInterviews: "Return home interview provider"
            case .voluntary: "Voluntary and community sector"
            case .family: "Family member or carer"
            case .selfReferral: "The young person"
            case .other: "Other"
            }
        }
    }

    public let id: String
    public let name: String
    public let kind: Kind
    /// ONS codes of the areas whose children it serves.
    public let areas: [String]
    /// The datasets it is expected to submit.
    public let datasets: [Dataset]
    public let valid: DateRange

    public init(id: String, name: String, kind: Kind, areas: [String], datasets: [Dataset], valid: DateRange) {
        self.id = id
        self.name = name
        self.kind = kind
        self.areas = areas
        self.datasets = datasets
        self.valid = valid
    }
}

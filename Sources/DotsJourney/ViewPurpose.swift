/// Why someone is opening a young person's records. Every view asks for one and the audit log keeps it, so a
/// view can later be checked against what it was for; there is no "just looking".
public enum ViewPurpose: String, CaseIterable, Sendable, Codable {
    case maceMeeting = "mace-meeting"
    case referral
    case strategyDiscussion = "strategy-discussion"
    case caseReview = "case-review"
    case safetyPlanning = "safety-planning"

    public var label: String {
        switch self {
        case .maceMeeting: "Preparing for or recording a MACE meeting"
        case .referral: "Making or screening a referral"
        case .strategyDiscussion: "A strategy discussion"
        case .caseReview: "Reviewing the young person's plan or case"
        case .safetyPlanning: "Safety planning with the young person"
        }
    }
}

/// How feedback from a child, young person or family reached the partnership.
public enum VoiceSource: String, CodeList, Codable {
    case form, survey, returnInterview = "return_interview", mace, review, directWork = "direct_work"
    public static let listName = "voice-source"
    public static let source = "Dots"
    public var label: String {
        switch self {
        case .form: "Their own feedback form (one-time code)"
        case .survey: "A survey (for example Bright Spots)"
        case .returnInterview: "Return home interview"
        case .mace: "MACE meeting"
        case .review: "Review (child in care, child protection, plan)"
        case .directWork: "Direct work"
        }
    }
}

/// Who gave the feedback.
public enum VoiceRespondent: String, CodeList, Codable {
    case youngPerson = "child", parentCarer = "parent_carer"
    public static let listName = "voice-respondent"
    public static let source = "Dots"
    public var label: String { self == .youngPerson ? "Child or young person" : "Parent or carer" }
}

/// "Do you feel safe?": the answers the form offers, in the words of the 4 Rs and Bright Spots surveys' scale
/// collapsed to four. `unsafeNow` raises an alert to the practitioner at once.
public enum FeelSafe: String, CodeList, Codable {
    case yes, mostly, notReally = "not_really", unsafeNow = "unsafe_now"
    public static let listName = "feel-safe"
    public static let source = "Dots (after Coram Voice Bright Spots)"
    public var label: String {
        switch self {
        case .yes: "Yes"
        case .mostly: "Mostly"
        case .notReally: "Not really"
        case .unsafeNow: "No, I feel unsafe right now"
        }
    }
}

/// "Do you feel listened to?"
public enum ListenedTo: String, CodeList, Codable {
    case yes, sometimes, no
    public static let listName = "listened-to"
    public static let source = "Dots (after Coram Voice Bright Spots)"
    public var label: String {
        switch self {
        case .yes: "Yes"
        case .sometimes: "Sometimes"
        case .no: "No"
        }
    }
}

/// The kinds of context in which young people may be harmed outside their families (the Contextual Safeguarding
/// approach): what a context record (`DotsContexts`) and the datasets Dots keeps from them name.
public enum ContextKind: String, CodeList, Codable {
    case peerGroup = "peer-group", place, school, online
    public static let listName = "context-kind"
    public static let source = "Dots: the Contextual Safeguarding approach's contexts"
    public var label: String {
        switch self {
        case .peerGroup: "Peer group"
        case .place: "Place or neighbourhood"
        case .school: "School or college"
        case .online: "Online space"
        }
    }
}

/// What the work about a context made of it, as its review or closure judged it.
public enum ContextOutcome: String, CodeList, Codable {
    case safer, noChange = "no-change", lessSafe = "less-safe"
    public static let listName = "context-outcome"
    public static let source = "Dots: the Contextual Safeguarding approach's outcomes for a context"
    public var label: String {
        switch self {
        case .safer: "Safer"
        case .noChange: "No change"
        case .lessSafe: "Less safe"
        }
    }
}

/// How far the information linking a young person to a context can be relied on (after Leeds' peer-mapping protocol).
public enum ContextLinkReliability: String, CodeList, Codable {
    case seen, reportedCorroborated = "reported-corroborated", reported, suspected
    public static let listName = "context-link-reliability"
    public static let source = "Dots, after Leeds' peer-mapping protocol"
    public var label: String {
        switch self {
        case .seen: "Seen or known directly by a practitioner"
        case .reportedCorroborated: "Reported, and corroborated by another source"
        case .reported: "Reported by one source, not corroborated"
        case .suspected: "Suspected: not yet reported by anyone"
        }
    }
}

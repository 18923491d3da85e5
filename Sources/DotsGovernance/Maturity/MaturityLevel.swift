/// The five stages of data maturity, named as the Data Orchard Data Maturity Framework (v2.1, January 2022,
/// CC BY-NC-SA 4.0, https://dataorchard.org.uk/resources/data-maturity-framework) names them. The CDDO's Data
/// Maturity Assessment for Government uses the same scale, starting at "Beginning".
public enum MaturityLevel: Int, Sendable, Codable, CaseIterable, Comparable {
    case unaware = 1, emerging, learning, developing, mastering

    public var title: String {
        switch self {
        case .unaware: "Unaware"
        case .emerging: "Emerging"
        case .learning: "Learning"
        case .developing: "Developing"
        case .mastering: "Mastering"
        }
    }

    public init?(name: String) {
        guard let level = Self.allCases.first(where: { $0.title.lowercased() == name.lowercased() }) else { return nil }
        self = level
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// The six areas of the partnership's data-maturity conversations (the learning report), each mapped to the
/// published frameworks' themes so results can be read beside them.
public enum MaturityArea: String, Sendable, Codable, CaseIterable {
    case collection, systems, recording, analysis, sharing
    case decisionMaking = "decision-making"

    public var title: String {
        switch self {
        case .collection: "Data collection"
        case .systems: "Systems"
        case .recording: "Recording"
        case .analysis: "Analysis"
        case .sharing: "Sharing"
        case .decisionMaking: "Decision making"
        }
    }

    /// The Data Orchard theme(s) and CDDO topic(s) this area corresponds to.
    public var publishedThemes: String {
        switch self {
        case .collection: "Data Orchard: Data; CDDO: Knowing the data you have"
        case .systems: "Data Orchard: Tools; CDDO: Having the right tools"
        case .recording: "Data Orchard: Data, Culture; CDDO: Managing your data"
        case .analysis: "Data Orchard: Analysis, Skills; CDDO: Having the right data skills and knowledge"
        case .sharing: "Data Orchard: Culture; CDDO: Engaging with others, Protecting your data"
        case .decisionMaking: "Data Orchard: Uses, Leadership; CDDO: Making decisions with data, Setting your data direction"
        }
    }
}

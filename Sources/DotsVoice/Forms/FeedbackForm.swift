import DotsCore

/// A feedback form a child, young person, parent or carer fills in themselves: plain words, every item optional.
/// Declared, not coded into pages: the web renders it, the use case checks answers against it, and a test scores
/// its wording for reading ease (docs/voice.md).
public struct FeedbackForm: Sendable, Equatable {
    public enum Version: String, Sendable, Codable, CaseIterable {
        case young8to11 = "8-11", young12to17 = "12-17", parentCarer = "parent-carer"

        public var title: String {
            switch self {
            case .young8to11: "Ages 8 to 11"
            case .young12to17: "Ages 12 to 17"
            case .parentCarer: "Parents and carers"
            }
        }

        public var respondent: VoiceRespondent { self == .parentCarer ? .parentCarer : .youngPerson }
    }

    public struct Option: Sendable, Equatable {
        public var value: String
        public var label: String
    }

    public struct Item: Sendable, Equatable, Identifiable {
        public enum Kind: Sendable, Equatable {
            case choice([Option])
            /// Free text, up to `limit` characters.
            case text(limit: Int)
        }

        public var id: String
        public var question: String
        public var hint: String?
        public var kind: Kind

        public var options: [Option] {
            if case .choice(let o) = kind { o } else { [] }
        }
        public var isText: Bool {
            if case .text = kind { true } else { false }
        }
    }

    public var version: Version
    public var title: String
    public var intro: [String]
    /// What will happen to their words, shown before the first question.
    public var whatHappens: [String]
    public var items: [Item]

    public func item(_ id: String) -> Item? { items.first { $0.id == id } }

    /// Every sentence a young person reads on the form, for the reading-ease check.
    public var wording: [String] {
        [title] + intro + whatHappens + items.flatMap { [$0.question] + ($0.hint.map { [$0] } ?? []) + $0.options.map(\.label) }
    }

    public static func of(_ version: Version) -> FeedbackForm {
        switch version {
        case .young8to11: DefaultForms.young8to11
        case .young12to17: DefaultForms.young12to17
        case .parentCarer: DefaultForms.parentCarer
        }
    }

    /// The structured items the hub's `voice_feedback` dataset counts, and the item that asks for consent.
    public static let feelSafe = "feel_safe", trustedAdult = "trusted_adult", listenedTo = "listened_to", consent = "consent", contact = "contact"
    /// Free-text items.
    public static let whatHelped = "what_helped", whatWorse = "what_worse", anythingElse = "anything_else"
    public static let textItems = [whatHelped, whatWorse, anythingElse]
}

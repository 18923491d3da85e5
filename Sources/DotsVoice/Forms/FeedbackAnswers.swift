import DotsCore
import DotsGovernance

/// Answers to a feedback form, checked against it: a choice is one of its options, a text within its limit;
/// anything may be left out. Unknown items are dropped, never stored.
public struct FeedbackAnswers: Sendable, Codable, Equatable {
    /// Choice items, by item id: the option's value.
    public var choices: [String: String]
    /// Free text, by item id: trimmed, never empty.
    public var texts: [String: String]

    public init(choices: [String: String] = [:], texts: [String: String] = [:]) {
        self.choices = choices
        self.texts = texts
    }

    /// Reads a submitted form's fields (item id → value), keeping what the form asks and refusing what it cannot hold.
    public static func read(_ fields: [String: String], form: FeedbackForm) throws(InvalidInput) -> FeedbackAnswers {
        var out = FeedbackAnswers()
        var problems: [InputProblem] = []
        for item in form.items {
            let value = TextRules.trimmed(fields[item.id] ?? "")
            guard !value.isEmpty else { continue }
            switch item.kind {
            case .choice(let options):
                if options.contains(where: { $0.value == value }) {
                    out.choices[item.id] = value
                } else {
                    problems.append(InputProblem(item.id, "Choose one of the answers, or leave it blank"))
                }
            case .text(let limit):
                if value.count > limit {
                    problems.append(InputProblem(item.id, "Write \(limit) characters or fewer (you wrote \(value.count))"))
                } else {
                    out.texts[item.id] = value
                }
            }
        }
        guard problems.isEmpty else { throw InvalidInput(problems) }
        return out
    }

    /// They said they (or, on the parents' form, their child) feel unsafe right now.
    public var unsafeNow: Bool { choices[FeedbackForm.feelSafe] == FeelSafe.unsafeNow.rawValue }

    /// Consent as chosen; nothing chosen keeps the words to their record (the safest reading of silence).
    public var consent: Consent { choices[FeedbackForm.consent].flatMap(Consent.init(rawValue:)) ?? .recordOnly }

    public var isEmpty: Bool { choices.isEmpty && texts.isEmpty }
}

import DotsCore

/// A round of self-assessment: every agency assesses itself against the questionnaire the round pins, so later
/// rounds can change the questionnaire without rewriting earlier results.
public struct MaturityRound: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var opened: CalendarDate
    /// When agencies are asked to have submitted by; nil when open-ended.
    public var closes: CalendarDate?
    public var questionnaire: MaturityQuestionnaire

    public init(id: String, title: String, opened: CalendarDate, closes: CalendarDate?, questionnaire: MaturityQuestionnaire) {
        self.id = id
        self.title = title
        self.opened = opened
        self.closes = closes
        self.questionnaire = questionnaire
    }

    /// Checks a new round's title and dates.
    public static func check(title: String, opened: CalendarDate?, closes: CalendarDate?, closesText: String) -> [InputProblem] {
        var problems: [InputProblem] = []
        TextRules.required(title, field: "title", label: "a title for the round", limit: 120, into: &problems)
        if opened == nil { problems.append(InputProblem("opened", "Enter the date the round opens as a real date, for example 2026-09-01")) }
        if closes == nil, !TextRules.trimmed(closesText).isEmpty {
            problems.append(InputProblem("closes", "Enter the closing date as a real date, for example 2026-12-31, or leave it blank"))
        }
        if let o = opened, let c = closes, c < o { problems.append(InputProblem("closes", "The closing date must be on or after the date the round opens")) }
        return problems
    }
}

/// One agency's assessment in one round: a draft until its data lead submits it; it can be reopened and
/// submitted again while the round runs (each submission is kept).
public struct MaturityAssessment: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable { case draft, submitted }

    public var roundID: String
    public var agencyID: String
    public var status: Status
    public var answers: [MaturityAnswer]
    public var updatedAt: Instant
    public var updatedBy: String
    public var submittedAt: Instant?
    /// How many times it has been submitted (1 the first time, 2 after a resubmission, …).
    public var submissions: Int

    public init(
        roundID: String, agencyID: String, status: Status, answers: [MaturityAnswer], updatedAt: Instant, updatedBy: String, submittedAt: Instant? = nil,
        submissions: Int = 0
    ) {
        self.roundID = roundID
        self.agencyID = agencyID
        self.status = status
        self.answers = answers
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
        self.submittedAt = submittedAt
        self.submissions = submissions
    }

    public func answer(_ questionID: String) -> MaturityAnswer? { answers.first { $0.questionID == questionID } }

    /// What stops answers being submitted: every question needs a statement or "don't know"; evidence is
    /// optional but bounded. Drafts may be partial, so only the length rule applies to them.
    public static func check(_ answers: [MaturityAnswer], questionnaire: MaturityQuestionnaire, submitting: Bool) -> [InputProblem] {
        var problems: [InputProblem] = []
        let known = Set(questionnaire.questions.map(\.id))
        for a in answers where !known.contains(a.questionID) {
            problems.append(InputProblem(a.questionID, "There is no question \(a.questionID) in this round's questionnaire"))
        }
        for q in questionnaire.questions {
            let a = answers.first { $0.questionID == q.id }
            if submitting, a == nil || a?.unanswered == true {
                problems.append(InputProblem("\(q.id)-level", "Choose the statement most like your agency, or \"I don't know\", for: \(q.text)"))
            }
            if let a { TextRules.optional(a.evidence, field: "\(q.id)-evidence", label: "the evidence note", limit: 2_000, into: &problems) }
        }
        return problems
    }
}

import DotsCore
import DotsFramework
import DotsGovernance
import DotsStore
import Foundation

/// Maturity rounds and self-assessments: opening a round, drafts and (re)submissions, what the partnership sees.
extension GovernanceService {
    public func openRound(title: String, opened: String, closes: String, questionnaire: MaturityQuestionnaire = DefaultQuestionnaire.load()) async throws -> MaturityRound {
        let o = Self.date(opened), c = Self.date(closes)
        let problems = MaturityRound.check(title: title, opened: o, closes: c, closesText: closes)
        guard problems.isEmpty, let o else { throw InvalidInput(problems) }
        let round = MaturityRound(id: Self.newID("round"), title: TextRules.trimmed(title), opened: o, closes: c, questionnaire: questionnaire)
        try await store.createMaturityRound(round)
        return round
    }

    public func round(_ id: String?) async throws -> MaturityRound? {
        let rounds = try await store.maturityRounds()
        guard let id else { return rounds.first }
        return rounds.first { $0.id == id }
    }

    /// Saves answers as a draft, or submits them (every question answered or "don't know"). Submitting again after a
    /// submission is a resubmission: the earlier one stays in the history and the newest counts.
    public func saveAssessment(round: MaturityRound, agency: String, answers: [MaturityAnswer], submit: Bool, by actor: Actor) async throws -> MaturityAssessment {
        let problems = MaturityAssessment.check(answers, questionnaire: round.questionnaire, submitting: submit)
        guard problems.isEmpty else { throw InvalidInput(problems) }
        let now = clock.now()
        var a = try await store.maturityAssessment(round: round.id, agency: agency)
            ?? MaturityAssessment(roundID: round.id, agencyID: agency, status: .draft, answers: [], updatedAt: now, updatedBy: actor.name)
        a.answers = answers.filter { !($0.unanswered && $0.evidence.isEmpty) }
        a.updatedAt = now
        a.updatedBy = actor.name
        if submit {
            a.status = .submitted
            a.submittedAt = now
            a.submissions += 1
        } else {
            a.status = .draft
        }
        try await store.saveMaturityAssessment(a)
        return a
    }

    /// The assessment each agency last submitted in a round (its working draft when it never has): what the
    /// partnership sees. A draft of a resubmission stays the agency's own until it is submitted.
    public func visibleAssessments(round: String) async throws -> [MaturityAssessment] {
        var out: [MaturityAssessment] = []
        for a in try await store.maturityAssessments(round: round) {
            if a.status == .submitted { out.append(a); continue }
            out.append(try await store.maturitySubmissions(round: round, agency: a.agencyID).last ?? a)
        }
        return out
    }

    /// The round's partnership view, against the round before it.
    /// - Parameter rounds: every round, when the caller has read them already.
    public func summary(round: MaturityRound, rounds: [MaturityRound]? = nil) async throws -> MaturitySummary {
        let rounds = if let rounds { rounds } else { try await store.maturityRounds() }
        let earlier = rounds.filter { $0.opened < round.opened || ($0.opened == round.opened && $0.id < round.id) }.first
        let previous = try await earlier.asyncMap { ($0, try await visibleAssessments(round: $0.id)) }
        return MaturitySummary(round: round, assessments: try await visibleAssessments(round: round.id), previous: previous,
                               agencies: ReferencePartnership.agencies.map(\.id))
    }
}

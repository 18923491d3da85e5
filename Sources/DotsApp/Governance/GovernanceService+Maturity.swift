import DotsCore
import DotsFramework
import DotsGovernance
import DotsStore
import Foundation

/// Maturity rounds and self-assessments: opening a round, drafts and (re)submissions, what the partnership sees.
extension GovernanceService {
    public func openRound(
        title: String, opened: String, closes: String, questionnaire: MaturityQuestionnaire = DefaultQuestionnaire.load(),
        by caller: Caller
    ) async throws -> MaturityRound {
        try caller.require(.manageRounds)
        let o = Self.date(opened), c = Self.date(closes)
        let problems = MaturityRound.check(title: title, opened: o, closes: c, closesText: closes)
        guard problems.isEmpty, let o else { throw InvalidInput(problems) }
        let round = MaturityRound(id: Self.newID("round"), title: TextRules.trimmed(title), opened: o, closes: c, questionnaire: questionnaire)
        try await store.createMaturityRound(round)
        try await audit.record(caller, "maturity.round.open", round.id)
        return round
    }

    /// Every round, newest first.
    public func rounds(by caller: Caller) async throws -> [MaturityRound] {
        try caller.require(.viewGovernance)
        return try await store.maturityRounds()
    }

    /// The round asked for, or the newest when `id` is nil; nil when none has been opened.
    public func round(_ id: String?, by caller: Caller) async throws -> MaturityRound? {
        try caller.require(.viewGovernance)
        return try await round(id)
    }

    func round(_ id: String?, among known: [MaturityRound]? = nil) async throws -> MaturityRound? {
        let rounds = if let known { known } else { try await store.maturityRounds() }
        guard let id else { return rounds.first }
        guard let r = rounds.first(where: { $0.id == id }) else { throw NotFound("There is no such round.") }
        return r
    }

    /// The round asked for (or the newest), or `NotFound` when there is none.
    func existingRound(_ id: String?) async throws -> MaturityRound {
        guard let r = try await round(id) else { throw NotFound("No round of self-assessment has been opened yet.") }
        return r
    }

    /// Saves answers as a draft, or submits them (every question answered or "don't know"). Submitting again after a
    /// submission is a resubmission: the earlier one stays in the history and the newest counts.
    public func saveAssessment(round id: String?, agency agencyID: String, answers: [MaturityAnswer], submit: Bool, by caller: Caller) async throws
        -> MaturityAssessment
    {
        let (agency, round) = try await editableAssessment(round: id, agency: agencyID, by: caller)
        let problems = MaturityAssessment.check(answers, questionnaire: round.questionnaire, submitting: submit)
        guard problems.isEmpty else { throw InvalidInput(problems) }
        let a = try await saveAssessment(round: round, agency: agency.id, answers: answers, submit: submit, by: caller.name)
        try await audit.record(caller, submit ? "maturity.submit" : "maturity.draft", "\(round.id)/\(agency.id)")
        return a
    }

    func saveAssessment(round: MaturityRound, agency: String, answers: [MaturityAnswer], submit: Bool, by name: String) async throws -> MaturityAssessment {
        let problems = MaturityAssessment.check(answers, questionnaire: round.questionnaire, submitting: submit)
        guard problems.isEmpty else { throw InvalidInput(problems) }
        let now = clock.now()
        var a =
            try await store.maturityAssessment(round: round.id, agency: agency)
            ?? MaturityAssessment(roundID: round.id, agencyID: agency, status: .draft, answers: [], updatedAt: now, updatedBy: name)
        a.answers = answers.filter { !($0.unanswered && $0.evidence.isEmpty) }
        a.updatedAt = now
        a.updatedBy = name
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
    func visibleAssessments(round: String) async throws -> [MaturityAssessment] {
        var out: [MaturityAssessment] = []
        for a in try await store.maturityAssessments(round: round) {
            if a.status == .submitted { out.append(a); continue }
            out.append(try await store.maturitySubmissions(round: round, agency: a.agencyID).last ?? a)
        }
        return out
    }

    /// The round's partnership view, against the round before it.
    /// - Parameter rounds: every round, when the caller has read them already.
    public func summary(round: MaturityRound, rounds: [MaturityRound]? = nil, by caller: Caller) async throws -> MaturitySummary {
        try caller.require(.viewGovernance)
        return try await summary(round: round, rounds: rounds)
    }

    func summary(round: MaturityRound, rounds: [MaturityRound]? = nil) async throws -> MaturitySummary {
        let rounds = if let rounds { rounds } else { try await store.maturityRounds() }
        let earlier = rounds.filter { $0.opened < round.opened || ($0.opened == round.opened && $0.id < round.id) }.first
        let previous = try await earlier.asyncMap { ($0, try await visibleAssessments(round: $0.id)) }
        return MaturitySummary(
            round: round, assessments: try await visibleAssessments(round: round.id), previous: previous,
            agencies: ReferencePartnership.agencies.map(\.id))
    }
}

extension GovernanceService {
    /// One agency's results in a round: what the partnership sees, and for those who may edit it the working draft.
    public struct AgencyMaturity: Sendable {
        public let agency: Agency
        public let round: MaturityRound
        /// The assessment the partnership sees (the last submitted, or the draft when never submitted).
        public let shown: MaturityAssessment?
        /// The working draft: only for the agency's own data lead and admins.
        public let draft: MaturityAssessment?
        public let row: MaturitySummary.Row?
        public let history: [MaturityAssessment]
    }

    /// Nil when no round has been opened.
    public func agencyMaturity(agency id: String?, round roundID: String?, by caller: Caller) async throws -> AgencyMaturity? {
        try caller.require(.viewGovernance)
        let agency = try Self.agency(id)
        guard let round = try await round(roundID) else { return nil }
        let summary = try await summary(round: round)
        let shown = try await visibleAssessments(round: round.id).first { $0.agencyID == agency.id }
        // The working draft is the agency's own (and the admin's) until submitted.
        let draft = caller.may(.assessMaturity, agency: agency.id) ? try await store.maturityAssessment(round: round.id, agency: agency.id) : nil
        return AgencyMaturity(
            agency: agency, round: round, shown: shown, draft: draft, row: summary.rows.first { $0.agencyID == agency.id },
            history: try await store.maturitySubmissions(round: round.id, agency: agency.id))
    }

    /// The agency and round a self-assessment form is for, when the caller may complete that agency's assessment.
    public func editableAssessment(round id: String?, agency agencyID: String?, by caller: Caller) async throws -> (agency: Agency, round: MaturityRound) {
        try caller.require(.assessMaturity)
        let agency = try Self.agency(agencyID)
        try caller.require(.assessMaturity, agency: agency.id, "You can complete only your own agency's assessment.")
        return (agency, try await existingRound(id))
    }

    /// The working draft a form starts from.
    public func assessmentDraft(round id: String?, agency agencyID: String?, by caller: Caller) async throws -> (
        agency: Agency, round: MaturityRound, draft: MaturityAssessment?
    ) {
        let (agency, round) = try await editableAssessment(round: id, agency: agencyID, by: caller)
        return (agency, round, try await store.maturityAssessment(round: round.id, agency: agency.id))
    }

    /// One agency's assessment: the working draft for those who may edit it, the last submission for everyone else.
    public func assessment(round id: String?, agency agencyID: String?, by caller: Caller) async throws -> MaturityAssessment {
        try caller.require(.viewGovernance)
        let agency = try Self.agency(agencyID)
        let round = try await existingRound(id)
        let a =
            caller.may(.assessMaturity, agency: agency.id)
            ? try await store.maturityAssessment(round: round.id, agency: agency.id)
            : try await visibleAssessments(round: round.id).first { $0.agencyID == agency.id && $0.submittedAt != nil }
        guard let a else { throw NotFound("\(agency.name) has no assessment in this round.") }
        return a
    }
}

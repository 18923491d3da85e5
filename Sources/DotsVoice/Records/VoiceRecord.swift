import DotsCore

/// One piece of feedback from a child, young person, parent or carer: given on their own form, recorded by a
/// practitioner, or imported from a survey. Tied to the young person by their agency's pseudonymous person id,
/// never a name. The free text is the most identifying thing Dots holds: only the recording agency's
/// practitioners and leads read it as written; analysts read it with identifiers taken out (`IdentifierScan`).
public struct VoiceRecord: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    /// The agency that holds the young person (and issued the code, or recorded it).
    public var agencyID: String
    /// The young person's id in that agency's `people` dataset.
    public var personID: String
    /// The statutory partnership it belongs to (its settings: the unsafe-now wording, retention).
    public var partnership: String
    public var date: CalendarDate
    public var source: VoiceSource
    public var respondent: VoiceRespondent
    public var formVersion: FeedbackForm.Version?
    public var answers: FeedbackAnswers
    public var consent: Consent
    /// Who recorded it: the practitioner, or "their own form".
    public var recordedBy: String
    public var recordedByAccount: String?
    public var recordedAt: Instant

    public init(
        id: String, agencyID: String, personID: String, partnership: String, date: CalendarDate, source: VoiceSource, respondent: VoiceRespondent,
        formVersion: FeedbackForm.Version?, answers: FeedbackAnswers, consent: Consent, recordedBy: String, recordedByAccount: String?,
        recordedAt: Instant
    ) {
        self.id = id
        self.agencyID = agencyID
        self.personID = personID
        self.partnership = partnership
        self.date = date
        self.source = source
        self.respondent = respondent
        self.formVersion = formVersion
        self.answers = answers
        self.consent = consent
        self.recordedBy = recordedBy
        self.recordedByAccount = recordedByAccount
        self.recordedAt = recordedAt
    }

    /// The row this record adds to the hub's `voice_feedback` dataset (structured answers only), or nil when the
    /// words are kept to the young person's record.
    public var datasetRow: [String: String]? {
        guard consent.counted else { return nil }
        var row = [
            "feedback_id": id, "person_id": personID, "feedback_date": date.description, "source": source.rawValue, "respondent": respondent.rawValue,
        ]
        for field in [FeedbackForm.feelSafe, FeedbackForm.trustedAdult, FeedbackForm.listenedTo] { row[field] = answers.choices[field] }
        return row
    }
}

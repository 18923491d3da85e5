import DotsCore
import DotsGovernance
import DotsStore
import DotsVoice
import Foundation

/// Practitioners' records of what young people and families said, and reading voice records.
extension VoiceService {
    /// What a practitioner recorded, as a form sends it (every field text; blank is "not said").
    public struct RecordInput: Sendable, Codable {
        public var person: String
        public var date: String
        public var source: String
        public var respondent: String
        public var partnership: String
        public var consent: String
        /// Item id → answer, for the form's items (choices and free text).
        public var answers: [String: String]

        public init(
            person: String = "", date: String = "", source: String = "", respondent: String = VoiceRespondent.youngPerson.rawValue, partnership: String = "",
            consent: String = "", answers: [String: String] = [:]
        ) {
            self.person = person
            self.date = date
            self.source = source
            self.respondent = respondent
            self.partnership = partnership
            self.consent = consent
            self.answers = answers
        }

        /// From a page's form fields: the items by their ids, everything else by name.
        public init(fields: [String: String]) {
            self.init(
                person: fields["person"] ?? "", date: fields["date"] ?? "", source: fields["source"] ?? "",
                respondent: fields["respondent"] ?? VoiceRespondent.youngPerson.rawValue, partnership: fields["partnership"] ?? "",
                consent: fields["consent"] ?? "", answers: fields.filter { FeedbackForm.of(.young12to17).item($0.key) != nil })
        }
    }

    /// The channels a practitioner records from (a young person's own form is not one).
    public static let practitionerSources: [VoiceSource] = [.returnInterview, .mace, .review, .directWork]

    /// A practitioner records what a young person or family said, with the channel, date and consent.
    public func recordVoice(_ input: RecordInput, by caller: Caller) async throws -> VoiceRecord {
        let agency = try ownAgency(caller)
        var problems: [InputProblem] = []
        let person = TextRules.trimmed(input.person)
        if person.isEmpty {
            problems.append(InputProblem("person", "Enter the young person's id in your agency's records"))
        } else if !(try await store.currentPersonIDs(agency: agency).contains(person)) {
            problems.append(InputProblem("person", "Your agency's records on the hub have no young person with the id \(person): check it"))
        }
        let date = CalendarDate(iso: TextRules.trimmed(input.date))
        if date == nil {
            problems.append(InputProblem("date", "Enter the date they said it, like 2026-03-14"))
        } else if let d = date, d > today {
            problems.append(InputProblem("date", "The date they said it cannot be in the future"))
        }
        let source = VoiceSource(rawValue: input.source).flatMap { Self.practitionerSources.contains($0) ? $0 : nil }
        if source == nil { problems.append(InputProblem("source", "Choose where they said it: a return interview, a MACE meeting, a review or direct work")) }
        let respondent = VoiceRespondent(rawValue: input.respondent)
        if respondent == nil { problems.append(InputProblem("respondent", "Choose who said it")) }
        let consent = Consent(rawValue: input.consent)
        if consent == nil { problems.append(InputProblem("consent", "Choose what they agreed may be done with their words")) }
        let choices = partnerships(of: agency)
        let partnership = choices.first { $0.id == input.partnership } ?? (choices.count == 1 ? choices.first : nil)
        if partnership == nil { problems.append(InputProblem("partnership", "Choose the partnership the young person lives in")) }
        var answers = FeedbackAnswers()
        do {
            answers = try FeedbackAnswers.read(input.answers, form: FeedbackForm.of(respondent == .parentCarer ? .parentCarer : .young12to17))
        } catch { problems += error.problems }
        // Consent is its own field here: the practitioner asked.
        answers.choices[FeedbackForm.consent] = nil
        if answers.isEmpty { problems.append(InputProblem("what_helped", "Record at least one answer or what they said")) }
        guard problems.isEmpty, let date, let source, let respondent, let consent, let partnership else { throw InvalidInput(problems) }
        let record = VoiceRecord(
            id: Self.newID("voice"), agencyID: agency, personID: person, partnership: partnership.id, date: date, source: source, respondent: respondent,
            formVersion: nil, answers: answers, consent: consent, recordedBy: caller.name, recordedByAccount: caller.accountID, recordedAt: clock.now())
        try await store.saveVoiceRecord(record)
        try await audit.record(caller, "voice.record", record.id, "\(agency):\(person)")
        await refresh("New feedback")
        return record
    }

    /// A voice record as one reader may see it.
    public struct Reading: Sendable {
        public var record: VoiceRecord
        /// The free text, as written or with identifiers replaced.
        public var texts: [String: String]
        public var deidentified: Bool
        /// The young person's id at their agency: only for their agency's readers.
        public var personID: String?
    }

    /// Records the caller may read, newest first, optionally one young person's (their agency's readers only):
    /// as written for the agency that holds the young person, de-identified for analysts, refused to anyone else.
    /// Every read is audited, naming the records.
    public func records(person: String? = nil, limit: Int = 200, by caller: Caller) async throws -> [Reading] {
        try caller.require(.readVoice)
        switch caller.voiceText {
        case .asWritten(let agency):
            let found = Array(try await store.voiceRecords(agency: agency, person: person.map(TextRules.trimmed)).prefix(limit))
            if !found.isEmpty { try await audit.record(caller, "voice.read", agency, found.map(\.id).joined(separator: " ")) }
            return found.map { Reading(record: $0, texts: $0.answers.texts, deidentified: false, personID: $0.personID) }
        case .deidentified:
            guard person == nil else { throw AccessDenied("Analysts read feedback de-identified, never by young person.") }
            let found = Array(try await store.voiceRecords().filter { $0.consent.counted }.prefix(limit))
            if !found.isEmpty { try await audit.record(caller, "voice.read.deidentified", "all", found.map(\.id).joined(separator: " ")) }
            return found.map { Reading(record: $0, texts: $0.answers.texts.mapValues(scan.redact), deidentified: true, personID: nil) }
        case .none:
            throw AccessDenied("Your role does not give access to young people's words: the voice summary shows what they said, in aggregate.")
        }
    }

    /// One record as the caller may read it (audited), or NotFound when it is not theirs to read.
    public func record(id: String, by caller: Caller) async throws -> Reading {
        try caller.require(.readVoice)
        guard let r = try await store.voiceRecord(id: id) else { throw NotFound("There is no such feedback.") }
        switch caller.voiceText {
        case .asWritten(let agency) where agency == r.agencyID && caller.can(.readVoice):
            try await audit.record(caller, "voice.read", agency, r.id)
            return Reading(record: r, texts: r.answers.texts, deidentified: false, personID: r.personID)
        case .deidentified where r.consent.counted:
            try await audit.record(caller, "voice.read.deidentified", "all", r.id)
            return Reading(record: r, texts: r.answers.texts.mapValues(scan.redact), deidentified: true, personID: nil)
        default:
            throw NotFound("There is no such feedback.")
        }
    }
}

import DotsCore
import DotsGovernance
import DotsStore
import DotsVoice
import Foundation

/// One-time codes and the form a young person, parent or carer fills in themselves.
extension VoiceService {
    public struct IssuedCode: Sendable {
        /// Shown once to the practitioner, to give to the young person; only its digest is kept.
        public let code: String
        public let record: FeedbackCode
    }

    /// Why a code does not open the form, in words for the person holding it.
    public enum CodeRefusal: Error, Sendable, Equatable {
        case notRecognised, expired, used, tooManyAttempts(seconds: Int64)

        public var message: String {
            switch self {
            case .notRecognised: "We do not recognise that code. Check it with the person who gave it to you."
            case .expired: "This code has run out. Ask the person who gave it to you for a new one."
            case .used: "This code has already been used to send feedback. Thank you. If you want to tell us more, ask for a new code."
            case .tooManyAttempts(let s): "Too many codes were tried. Wait \(s < 90 ? "\(s) seconds" : "\((s + 59) / 60) minutes") and try again."
            }
        }
    }

    /// A practitioner issues a code for one of their agency's young people (by the agency's own person id).
    public func issueCode(
        personID: String, version: FeedbackForm.Version, partnership: String? = nil, days: Int = FeedbackCode.defaultDays, by caller: Caller
    ) async throws -> IssuedCode {
        let agency = try ownAgency(caller)
        let person = TextRules.trimmed(personID)
        var problems: [InputProblem] = []
        if person.isEmpty {
            problems.append(InputProblem("person", "Enter the young person's id in your agency's records"))
        } else if !(try await store.currentPersonIDs(agency: agency).contains(person)) {
            problems.append(
                InputProblem(
                    "person", "Your agency's records on the hub have no young person with the id \(person): check it, or submit your people data first"))
        }
        let choices = partnerships(of: agency)
        let chosen = partnership.flatMap { p in choices.first { $0.id == p } } ?? (choices.count == 1 ? choices.first : nil)
        if chosen == nil { problems.append(InputProblem("partnership", "Choose the partnership the young person lives in")) }
        if !(1...FeedbackCode.maximumDays).contains(days) { problems.append(InputProblem("days", "A code lasts 1 to \(FeedbackCode.maximumDays) days")) }
        guard problems.isEmpty, let chosen else { throw InvalidInput(problems) }
        var rng = SystemRandomNumberGenerator()
        let code = FeedbackCodeFormat.generate(using: &rng)
        let now = clock.now()
        let record = FeedbackCode(
            id: Self.newID("code"), digest: Self.digest(code), agencyID: agency, personID: person, partnership: chosen.id, formVersion: version,
            issuedBy: caller.name, issuedByAccount: caller.accountID, issuedAt: now, expiresAt: Instant(seconds: now.seconds + Int64(days) * 86_400))
        try await store.saveFeedbackCode(record)
        try await audit.record(caller, "voice.code.issue", record.id, "\(agency):\(person)")
        return IssuedCode(code: code, record: record)
    }

    /// Codes the caller's agency issued, newest first (never the codes themselves).
    public func issuedCodes(by caller: Caller) async throws -> [FeedbackCode] {
        let agency = try ownAgency(caller)
        return try await store.feedbackCodes(agency: agency).sorted { ($0.issuedAt, $0.id) > ($1.issuedAt, $1.id) }
    }

    /// A practitioner withdraws a code not yet used (given to the wrong person, lost).
    public func withdrawCode(id: String, by caller: Caller) async throws {
        let agency = try ownAgency(caller)
        guard var c = try await store.feedbackCodes(agency: agency).first(where: { $0.id == id }) else { throw NotFound("There is no such code.") }
        guard c.state == .issued || c.state == .started else { return }
        c.state = .withdrawn
        c.draft = FeedbackAnswers()
        try await store.saveFeedbackCode(c)
        try await audit.record(caller, "voice.code.withdraw", c.id)
    }

    /// The stored digest of a code, from its normalised form (so "abcd efgh" and "ABCD-EFGH" are one code).
    static func digest(_ code: String) -> String { SecretTokens.digest("dots-feedback-code:" + (FeedbackCodeFormat.normalise(code) ?? code)) }

    /// The code someone typed, if it opens a form now. Wrong codes count against the address like wrong passwords.
    public func openCode(_ typed: String, address: String) async throws(CodeRefusal) -> FeedbackCode {
        let wait = await codeThrottle.wait(email: "feedback-code", address: address)
        guard wait == 0 else { throw .tooManyAttempts(seconds: wait) }
        guard FeedbackCodeFormat.normalise(typed) != nil, let found = try? await store.feedbackCode(digest: Self.digest(typed)) else {
            await codeThrottle.failed(email: "feedback-code", address: address)
            throw .notRecognised
        }
        return try check(found)
    }

    func check(_ code: FeedbackCode) throws(CodeRefusal) -> FeedbackCode {
        switch code.state {
        case .used: throw .used
        case .withdrawn: throw .notRecognised
        case .issued, .started: if clock.now() >= code.expiresAt { throw .expired }
        }
        return code
    }

    /// The form and the answers saved so far, for a code already opened (the form's cookie holds it: only its
    /// digest is stored, so the store alone cannot open anyone's form).
    public func form(code: String) async throws(CodeRefusal) -> (code: FeedbackCode, form: FeedbackForm) {
        guard FeedbackCodeFormat.normalise(code) != nil, let found = try? await store.feedbackCode(digest: Self.digest(code)) else { throw .notRecognised }
        let code = try check(found)
        return (code, FeedbackForm.of(code.formVersion))
    }

    public enum FormOutcome: Sendable {
        /// Saved for later: the same code opens it again until it runs out.
        case saved(until: Instant)
        /// Sent: the code is used up.
        case sent
    }

    /// Saves or sends the form. Saying they feel unsafe right now raises an alert to the practitioner at once,
    /// whether they save or send (once per code). Returns what happened and the partnership's settings, whose
    /// wording the page shows when they feel unsafe.
    public func answer(code typed: String, fields: [String: String], send: Bool) async throws -> (
        outcome: FormOutcome, unsafeNow: Bool, settings: VoiceSettings
    ) {
        var (code, form) = try await self.form(code: typed)
        let answers = try FeedbackAnswers.read(fields, form: form)
        let settings = try await settings(partnership: code.partnership)
        var alert: UnsafeAlert?
        if answers.unsafeNow, !(try await store.unsafeAlerts(agency: code.agencyID).contains { $0.codeID == code.id }) {
            alert = UnsafeAlert(
                id: Self.newID("alert"), codeID: code.id, agencyID: code.agencyID, personID: code.personID, practitionerAccount: code.issuedByAccount,
                practitioner: code.issuedBy, raisedAt: clock.now())
        }
        if send {
            let record = VoiceRecord(
                id: Self.newID("voice"), agencyID: code.agencyID, personID: code.personID, partnership: code.partnership, date: today, source: .form,
                respondent: code.formVersion.respondent, formVersion: code.formVersion, answers: answers, consent: answers.consent,
                recordedBy: "Their own form", recordedByAccount: nil, recordedAt: clock.now())
            code.state = .used
            code.draft = FeedbackAnswers()
            code.recordID = record.id
            try await store.submitFeedback(code: code, record: record, alert: alert)
            if alert != nil { await alertCounts.drop() }
            // The audit names the code and record, never what was said.
            try await audit.record(nil, "voice.form.send", code.id, record.id)
            if alert != nil { try await audit.record(nil, "voice.alert.raise", code.id) }
            await refresh("New feedback")
            return (.sent, answers.unsafeNow, settings)
        }
        code.state = .started
        code.draft = answers
        try await store.saveFeedbackCode(code)
        if let alert {
            try await store.saveUnsafeAlert(alert)
            await alertCounts.drop()
            try await audit.record(nil, "voice.alert.raise", code.id)
        }
        return (.saved(until: code.expiresAt), answers.unsafeNow, settings)
    }

    // MARK: alerts

    /// How many alerts are open for the caller's agency (0 for anyone who does not record voice): pages show it.
    public func openAlertCount(by caller: Caller) async -> Int {
        guard let agency = try? ownAgency(caller) else { return 0 }
        let store = store
        return (try? await alertCounts.count(agency: agency, now: clock.now()) { try await store.openAlertCount(agency: agency) }) ?? 0
    }

    /// Open alerts for the caller's agency, the ones from codes the caller issued first.
    public func openAlerts(by caller: Caller) async throws -> [UnsafeAlert] {
        let agency = try ownAgency(caller)
        let mine = caller.accountID
        return try await store.unsafeAlerts(agency: agency, openOnly: true)
            .sorted { ($0.practitionerAccount == mine ? 0 : 1, -$0.raisedAt.seconds) < ($1.practitionerAccount == mine ? 0 : 1, -$1.raisedAt.seconds) }
    }

    /// Closes an alert with what was done (a call, a visit, a referral).
    public func acknowledgeAlert(id: String, action: String, by caller: Caller) async throws -> UnsafeAlert {
        let agency = try ownAgency(caller)
        guard var a = try await store.unsafeAlerts(agency: agency).first(where: { $0.id == id }) else { throw NotFound("There is no such alert.") }
        var problems: [InputProblem] = []
        TextRules.required(action, field: "action", label: "what you did", limit: 1_000, into: &problems)
        guard problems.isEmpty else { throw InvalidInput(problems) }
        guard a.isOpen else { return a }
        a.acknowledgedBy = caller.name
        a.acknowledgedAt = clock.now()
        a.action = TextRules.trimmed(action)
        try await store.saveUnsafeAlert(a)
        await alertCounts.drop()
        try await audit.record(caller, "voice.alert.close", a.id)
        return a
    }
}

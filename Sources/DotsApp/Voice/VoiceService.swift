import DotsCore
import DotsFramework
import DotsGovernance
import DotsStore
import DotsVoice
import Foundation

/// The voice of children, young people and families, as use cases shared by the web app and the CLI: one-time
/// codes and the form young people fill in themselves, practitioners' records, unsafe-now alerts, coding to
/// themes and agreement between coders, quotes and "you said, we did", each partnership's settings and
/// retention. Every method that acts for someone takes the `Caller`, asks `AccessPolicy`, keeps to the agency
/// whose young person it is, and writes the audit record (every read of words as written, too). The form itself
/// has no caller: the code is its authority, and nothing typed into it reaches a log.
public struct VoiceService: Sendable {
    let store: HubStore
    public let spec: FrameworkSpec
    public let clock: any TimeSource
    let audit: AuditLog
    let refresher: FrameworkRefresher?
    /// Wrong codes from one address are slowed like wrong passwords.
    let codeThrottle: LoginThrottle
    let scan: IdentifierScan
    /// Open alerts by agency, counted for every page view.
    let alertCounts = AlertCountCache()

    public init(store: HubStore, spec: FrameworkSpec, clock: any TimeSource = SystemClock(), refresher: FrameworkRefresher? = nil) {
        self.store = store
        self.spec = spec
        self.clock = clock
        self.refresher = refresher
        audit = AuditLog(store: store, clock: clock)
        codeThrottle = LoginThrottle(clock: clock)
        scan = IdentifierScan()
    }

    public var today: CalendarDate { UKTime.localDate(of: clock.now()) }

    static func newID(_ prefix: String) -> String { prefix + "-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12) }

    /// The statutory partnerships an agency belongs to today: where its young people's feedback is counted.
    public func partnerships(of agency: String) -> [Partnership] {
        ReferencePartnership.partnerships.filter { $0.kind == .safeguardingPartnership && $0.valid.contains(today) && $0.agencyIDs(on: today).contains(agency) }
    }

    /// The agency a caller records voice for: their account's, if the role allows it (pages ask this too, so the
    /// rule is here once).
    public func recordingAgency(by caller: Caller) throws(AccessDenied) -> String { try ownAgency(caller) }

    func ownAgency(_ caller: Caller) throws(AccessDenied) -> String {
        try caller.require(.recordVoice)
        guard case .asWritten(let agency) = caller.voiceText else {
            throw AccessDenied("Your account does not name the agency you work for: ask your partnership admin to add it.")
        }
        return agency
    }

    /// Queues a recomputation so voice indicators include new feedback (the framework's figures stay fresh).
    func refresh(_ reason: String) async {
        _ = try? await store.queueFrameworkJob(reason: reason, requestedBy: "Dots (voice)", at: clock.now())
        await refresher?.nudge()
    }

    // MARK: settings and retention

    /// A partnership's settings, or the standard ones until an admin sets its own.
    public func settings(partnership: String) async throws -> VoiceSettings {
        try await store.voiceSettings(partnership: partnership) ?? .standard(partnership)
    }

    public func updateSettings(_ s: VoiceSettings, by caller: Caller) async throws -> VoiceSettings {
        try caller.require(.voiceSettings)
        guard ReferencePartnership.partnerships.contains(where: { $0.id == s.partnership }) else { throw NotFound("There is no such partnership.") }
        var s = s
        s.unsafeMessage = TextRules.trimmed(s.unsafeMessage)
        let problems = s.problems()
        guard problems.isEmpty else { throw InvalidInput(problems) }
        s.updatedBy = caller.name
        s.updatedAt = clock.now()
        try await store.saveVoiceSettings(s)
        try await audit.record(caller, "voice.settings", s.partnership)
        return s
    }

    /// Deletes feedback older than each partnership's retention, with its codings and unpublished quotes; returns
    /// how many records went in each partnership.
    public func applyRetention(by caller: Caller) async throws -> [String: Int] {
        try caller.require(.voiceSettings)
        var out: [String: Int] = [:]
        for p in ReferencePartnership.partnerships {
            let months = try await settings(partnership: p.id).retentionMonths
            let cutoff = today.adding(months: -months)
            let n = try await store.deleteVoiceRecords(partnership: p.id, before: cutoff)
            if n > 0 {
                out[p.id] = n
                try await audit.record(caller, "voice.retention", p.id, "\(n) records before \(cutoff)")
            }
        }
        // Answers saved on a code that ran out before it was sent are no use to anyone: they go too.
        for var code in try await store.feedbackCodes() where !code.draft.isEmpty && clock.now() >= code.expiresAt {
            code.draft = FeedbackAnswers()
            try await store.saveFeedbackCode(code)
            try await audit.record(caller, "voice.retention.draft", code.id)
        }
        if !out.isEmpty { await refresh("Feedback past its retention deleted") }
        return out
    }
}

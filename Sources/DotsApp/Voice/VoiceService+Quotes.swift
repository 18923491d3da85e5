import DotsCore
import DotsFramework
import DotsGovernance
import DotsStore
import DotsVoice
import Foundation

/// Quotes for published outputs, "you said, we did", and the voice summary everyone may read.
extension VoiceService {
    /// The financial year a date falls in, as the framework labels it ("2025-26").
    public static func financialYear(_ d: CalendarDate) -> String {
        let y = d.month >= 4 ? d.year : d.year - 1
        return "\(y)-\(String(format: "%02d", (y + 1) % 100))"
    }

    /// Whether feedback given in partnership `own` counts towards `partnership`: its own, or a sub-group
    /// covering its whole area.
    static func counts(_ own: String, towards partnership: String) -> Bool {
        guard own != partnership else { return true }
        guard let p = ReferencePartnership.model.partnership(id: partnership), p.kind == .subGroup,
            let o = ReferencePartnership.model.partnership(id: own)
        else { return false }
        return Set(o.areas.map(\.id)).isSubset(of: Set(p.areas.map(\.id)))
    }

    static func belongs(_ r: VoiceRecord, to partnership: String) -> Bool { counts(r.partnership, towards: partnership) }

    /// Distinct young people whose feedback counts in a partnership's financial year: a quote's group.
    static func groupSize(_ records: [VoiceRecord], partnership: String, period: String) -> Int {
        Set(
            records.filter { $0.consent.counted && belongs($0, to: partnership) && financialYear($0.date) == period }.map { "\($0.agencyID):\($0.personID)" }
        ).count
    }

    public struct QuoteView: Sendable {
        public var quote: QuoteRequest
        public var gates: [QuoteRules.Gate]
        public var publishable: Bool { gates.allSatisfy(\.passed) }
    }

    /// A quote with its gates; `records` (every voice record) is read once by a caller judging several quotes.
    func view(_ q: QuoteRequest, records given: [VoiceRecord]? = nil) async throws -> QuoteView? {
        var records = given ?? []
        if given == nil { records = try await store.voiceRecords() }
        guard let record = records.first(where: { $0.id == q.recordID }), let original = record.answers.texts[q.item] else { return nil }
        let settings = try await settings(partnership: q.partnership)
        let group = Self.groupSize(records, partnership: q.partnership, period: q.period)
        return QuoteView(
            quote: q,
            gates: QuoteRules.gates(
                q, record: record, original: original, groupSize: group, minimumGroup: settings.minimumGroup, scan: scan, approved: q.state == .approved))
    }

    /// Proposes words for quoting: they start as the text de-identified; the proposer may cut them further.
    public func proposeQuote(recordID: String, item: String, text: String?, attribution: String, theme: String?, by caller: Caller) async throws
        -> QuoteView
    {
        try caller.require(.manageVoice)
        let reading = try await record(id: recordID, by: caller)
        guard let words = reading.texts[item] else { throw NotFound("That feedback has no such text.") }
        var problems: [InputProblem] = []
        let quoted = TextRules.trimmed(text ?? words)
        TextRules.required(quoted, field: "text", label: "the words to quote", limit: 600, into: &problems)
        TextRules.required(attribution, field: "attribution", label: "who said it, in words that identify no one", limit: 120, into: &problems)
        let attributionFindings = scan.scan(attribution)
        if !attributionFindings.isEmpty {
            problems.append(
                InputProblem(
                    "attribution", "Who said it must identify no one: take out \(attributionFindings.map { "\"\($0.text)\"" }.joined(separator: ", "))"))
        }
        if let theme, !theme.isEmpty, try await codebook().theme(theme) == nil { problems.append(InputProblem("theme", "Choose a theme from the codebook")) }
        guard problems.isEmpty else { throw InvalidInput(problems) }
        let q = QuoteRequest(
            id: Self.newID("quote"), recordID: recordID, item: item, text: quoted, attribution: TextRules.trimmed(attribution),
            partnership: reading.record.partnership, period: Self.financialYear(reading.record.date), theme: theme.flatMap { $0.isEmpty ? nil : $0 },
            proposedBy: caller.name, proposedByAccount: caller.accountID, proposedAt: clock.now())
        try await store.saveQuote(q)
        try await audit.record(caller, "voice.quote.propose", q.id, recordID)
        return try await view(q)!
    }

    /// Every quote with its gates, newest first.
    public func quotes(by caller: Caller) async throws -> [QuoteView] {
        try caller.require(.manageVoice)
        var out: [QuoteView] = []
        let records = try await store.voiceRecords()
        for q in try await store.quotes().reversed() { if let v = try await view(q, records: records) { out.append(v) } }
        return out
    }

    /// A second person approves a quote; refused while any other gate fails, and by the person who proposed it.
    public func approveQuote(id: String, by caller: Caller) async throws -> QuoteView {
        try caller.require(.manageVoice)
        guard var q = try await store.quotes().first(where: { $0.id == id }), let v = try await view(q) else { throw NotFound("There is no such quote.") }
        guard q.state == .awaitingApproval else { throw InvalidInput([InputProblem("id", "This quote is not awaiting approval (it is \(q.state.rawValue))")]) }
        guard let me = caller.accountID, me != q.proposedByAccount else {
            throw AccessDenied("A quote must be approved by someone other than the person who proposed it.")
        }
        let failing = v.gates.dropLast().filter { !$0.passed }
        guard failing.isEmpty else { throw InvalidInput(failing.map { InputProblem("quote", "\($0.name): \($0.detail)") }) }
        q.state = .approved
        q.reviewedBy = caller.name
        q.reviewedAt = clock.now()
        try await store.saveQuote(q)
        try await audit.record(caller, "voice.quote.approve", q.id)
        return try await view(q)!
    }

    /// Refuses (or withdraws) a quote, saying why.
    public func refuseQuote(id: String, note: String, by caller: Caller) async throws {
        try caller.require(.manageVoice)
        guard var q = try await store.quotes().first(where: { $0.id == id }) else { throw NotFound("There is no such quote.") }
        var problems: [InputProblem] = []
        TextRules.required(note, field: "note", label: "why", limit: 600, into: &problems)
        guard problems.isEmpty else { throw InvalidInput(problems) }
        q.state = q.proposedByAccount == caller.accountID ? .withdrawn : .refused
        q.reviewedBy = caller.name
        q.reviewedAt = clock.now()
        q.reviewNote = TextRules.trimmed(note)
        try await store.saveQuote(q)
        try await audit.record(caller, "voice.quote.refuse", q.id)
    }

    /// Quotes that may appear in a published output for a partnership (and a financial year): approved, and every
    /// gate still holding now.
    public func publishableQuotes(partnership: String, period: String? = nil) async throws -> [QuoteRequest] {
        var out: [QuoteRequest] = []
        let records = try await store.voiceRecords()
        for q in try await store.quotes() where q.state == .approved && Self.belongs(q, to: partnership) && (period == nil || q.period == period) {
            if let v = try await view(q, records: records), v.publishable { out.append(q) }
        }
        return out
    }

    static func belongs(_ q: QuoteRequest, to partnership: String) -> Bool { counts(q.partnership, towards: partnership) }

    // MARK: you said, we did

    public func recordSaidDid(partnership: String, theme: String, said: String, did: String, actionIDs: [String], by caller: Caller) async throws
        -> YouSaidWeDid
    {
        try caller.require(.manageVoice)
        var problems: [InputProblem] = []
        if ReferencePartnership.model.partnership(id: partnership) == nil { problems.append(InputProblem("partnership", "Choose a partnership")) }
        if try await codebook().theme(theme) == nil { problems.append(InputProblem("theme", "Choose a theme from the codebook")) }
        TextRules.required(said, field: "said", label: "what young people and families said", limit: 1_000, into: &problems)
        TextRules.required(did, field: "did", label: "what the partnership did", limit: 1_000, into: &problems)
        let saidFindings = scan.scan(said)
        if !saidFindings.isEmpty {
            problems.append(InputProblem("said", "Summarise without identifiers: take out \(saidFindings.map { "\"\($0.text)\"" }.joined(separator: ", "))"))
        }
        let known = Set(try await store.actions().map(\.id))
        let actions = actionIDs.map(TextRules.trimmed).filter { !$0.isEmpty }
        if let missing = actions.first(where: { !known.contains($0) }) { problems.append(InputProblem("actions", "There is no action \(missing) on the plan")) }
        guard problems.isEmpty else { throw InvalidInput(problems) }
        let e = YouSaidWeDid(
            id: Self.newID("said"), partnership: partnership, theme: theme, said: TextRules.trimmed(said), did: TextRules.trimmed(did), actionIDs: actions,
            recordedBy: caller.name, recordedAt: clock.now())
        try await store.saveSaidDid(e)
        try await audit.record(caller, "voice.said-did", e.id)
        return e
    }

    // MARK: the summary

    /// What young people and families said in a partnership, in aggregate, for every reader: how many gave
    /// feedback and how many raised each theme, per financial year (small counts hidden from those without
    /// exact figures, by the framework's disclosure rules), the quotes that may be published, and "you said, we did".
    public struct Summary: Sendable {
        public struct Row: Sendable {
            public var label: String
            /// By financial year: the count, or nil where it is hidden.
            public var counts: [String: Int?]
        }
        public var partnership: String
        public var years: [String]
        public var respondents: Row
        /// Of them, those whose words have been coded to themes: a theme's count is out of these, not all.
        public var coded: Row
        public var themes: [Row]
        public var quotes: [QuoteRequest]
        public var saidDid: [(entry: YouSaidWeDid, theme: String, actions: [ActionItem])]
        /// Counts from 1 to this are hidden ("fewer than …"), or 0 when the reader sees exact figures.
        public var hiddenUpTo: Int
    }

    public func summary(partnership: String, by caller: Caller) async throws -> Summary {
        try caller.require(.viewFramework)
        guard ReferencePartnership.model.partnership(id: partnership) != nil else { throw NotFound("There is no such partnership.") }
        return try await summary(partnership: partnership, hideUpTo: caller.can(.exactFigures) ? 0 : spec.disclosure.applied.threshold)
    }

    /// The summary with counts from 1 to `hideUpTo` hidden (a report's edition decides), quotes from `year` only
    /// when given.
    public func summary(partnership: String, hideUpTo threshold: Int, year: String? = nil) async throws -> Summary {
        let records = try await store.voiceRecords().filter { $0.consent.counted && Self.belongs($0, to: partnership) }
        let years = Array(Set(records.map { Self.financialYear($0.date) })).sorted()
        func hide(_ n: Int) -> Int? { n > 0 && n <= threshold ? nil : n }
        func row(_ label: String, _ rs: [VoiceRecord]) -> Summary.Row {
            var counts: [String: Int?] = [:]
            for y in years { counts[y] = hide(Set(rs.filter { Self.financialYear($0.date) == y }.map { "\($0.agencyID):\($0.personID)" }).count) }
            return Summary.Row(label: label, counts: counts)
        }
        let coding = Codings.current(try await store.codingEvents())
        let book = try await codebook()
        var themes: [Summary.Row] = []
        for t in book.themes {
            let ids = Set(coding.filter { $0.value.contains(t.id) }.map(\.key.recordID))
            themes.append(row(t.name, records.filter { ids.contains($0.id) }))
        }
        let codedIDs = Set(coding.keys.map(\.recordID))
        return Summary(
            partnership: partnership, years: years, respondents: row("Young people and families who gave feedback", records),
            coded: row("… whose words have been coded to themes", records.filter { codedIDs.contains($0.id) }), themes: themes,
            quotes: try await publishableQuotes(partnership: partnership, period: year), saidDid: try await saidDid(partnership: partnership),
            hiddenUpTo: threshold)
    }

    /// "You said, we did" for a partnership (and, for a sub-group, the partnerships it covers), newest first, with
    /// each theme's name and the actions as they stand on the plan: for every reader.
    public func saidDid(partnership: String, by caller: Caller) async throws -> [(entry: YouSaidWeDid, theme: String, actions: [ActionItem])] {
        try caller.require(.viewFramework)
        return try await saidDid(partnership: partnership)
    }

    func saidDid(partnership: String) async throws -> [(entry: YouSaidWeDid, theme: String, actions: [ActionItem])] {
        let book = try await codebook()
        let actions = Dictionary(uniqueKeysWithValues: try await store.actions().map { ($0.id, $0) })
        return try await store.saidDid().filter { Self.counts($0.partnership, towards: partnership) }
            .map { ($0, book.theme($0.theme)?.name ?? $0.theme, $0.actionIDs.compactMap { actions[$0] }) }
    }
}

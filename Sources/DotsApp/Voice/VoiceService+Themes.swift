import DotsCore
import DotsGovernance
import DotsStore
import DotsVoice
import Foundation

/// The codebook, coding free text to themes, and agreement between two coders.
extension VoiceService {
    /// The codebook in force: the latest published, or the standard one (version 1) until the partnership publishes its own.
    public func codebook() async throws -> Codebook {
        try await store.codebooks().last ?? Self.standardCodebook
    }

    static let standardCodebook = Codebook(
        version: 1, themes: DefaultCodebook.themes, publishedBy: "Dots (the standard codebook)", publishedAt: Instant(seconds: 0),
        note: "The themes Dots starts with.")

    /// Every version, oldest first.
    public func codebookHistory(by caller: Caller) async throws -> [Codebook] {
        try caller.require(.codeVoice)
        let stored = try await store.codebooks()
        return stored.isEmpty ? [Self.standardCodebook] : stored
    }

    /// Publishes a new version of the codebook (every earlier one kept; codings say which version they used).
    public func publishCodebook(themes: [Codebook.Theme], note: String, by caller: Caller) async throws -> Codebook {
        try caller.require(.manageVoice)
        let cleaned = themes.map {
            Codebook.Theme(
                id: TextRules.trimmed($0.id), name: TextRules.trimmed($0.name), definition: TextRules.trimmed($0.definition),
                examples: $0.examples.map(TextRules.trimmed).filter { !$0.isEmpty }, keywords: $0.keywords.map(TextRules.trimmed).filter { !$0.isEmpty })
        }
        let problems = Codebook.check(cleaned).map { InputProblem("themes", $0) }
        guard problems.isEmpty else { throw InvalidInput(problems) }
        if try await store.codebooks().isEmpty { try await store.saveCodebook(Self.standardCodebook) }
        let book = Codebook(
            version: try await codebook().version + 1, themes: cleaned, publishedBy: caller.name, publishedAt: clock.now(), note: TextRules.trimmed(note))
        try await store.saveCodebook(book)
        try await audit.record(caller, "voice.codebook.publish", "v\(book.version)")
        return book
    }

    /// A text to code, as the caller may read it, with its themes and the codebook's suggestions.
    public struct CodingItem: Sendable {
        public var unit: TextUnit
        public var record: VoiceRecord
        public var text: String
        public var deidentified: Bool
        public var themes: Set<String>
        public var suggestions: [ThemeSuggester.Suggestion]
        /// Every change to this text's working coding, oldest first (empty on a blind sample).
        public var history: [CodingEvent] = []
    }

    /// Free text the caller may code: their agency's as written (practitioners), or everyone's de-identified
    /// (analysts); uncoded first. Reading it is audited like any read.
    public func codingQueue(limit: Int = 100, by caller: Caller) async throws -> [CodingItem] {
        try caller.require(.codeVoice)
        let readings = try await records(limit: 10_000, by: caller)
        let book = try await codebook()
        let events = try await store.codingEvents()
        let current = Codings.current(events)
        let logs = Dictionary(grouping: events.filter { !$0.sample && !$0.theme.isEmpty }, by: \.unit)
        var items: [CodingItem] = []
        for r in readings {
            for item in FeedbackForm.textItems {
                guard let text = r.texts[item] else { continue }
                let unit = TextUnit(recordID: r.record.id, item: item)
                items.append(
                    CodingItem(
                        unit: unit, record: r.record, text: text, deidentified: r.deidentified, themes: current[unit] ?? [],
                        suggestions: (current[unit] ?? []).isEmpty ? ThemeSuggester.suggest(text, codebook: book) : [], history: logs[unit] ?? []))
            }
        }
        let coded = Set(current.keys)
        return Array(
            items.sorted { (coded.contains($0.unit) ? 1 : 0, $1.record.date, $0.unit) < (coded.contains($1.unit) ? 1 : 0, $0.record.date, $1.unit) }.prefix(
                limit))
    }

    /// Sets the themes on one text: every added and removed theme is logged with who and when.
    @discardableResult
    public func code(recordID: String, item: String, themes: Set<String>, sample: Bool = false, by caller: Caller) async throws -> [CodingEvent] {
        try caller.require(.codeVoice)
        let reading = try await record(id: recordID, by: caller)
        guard reading.texts[item] != nil else { throw NotFound("That feedback has no such text.") }
        let book = try await codebook()
        let unknown = themes.filter { book.theme($0) == nil }
        guard unknown.isEmpty else { throw InvalidInput([InputProblem("themes", "Not in the codebook: \(unknown.sorted().joined(separator: ", "))")]) }
        let unit = TextUnit(recordID: recordID, item: item)
        let events = try await store.codingEvents(record: recordID)
        if sample {
            // The second coder codes blind and must not be one who coded it first.
            let firstCoders = Set(events.filter { !$0.sample && $0.unit == unit }.map { $0.coderAccount ?? $0.coder })
            guard !firstCoders.contains(caller.accountID ?? caller.name) else {
                throw AccessDenied("You coded this text first: agreement needs a second coder.")
            }
        }
        let before: Set<String> =
            sample
            ? Codings.byCoder(events.filter(\.sample))[caller.accountID ?? caller.name]?[unit] ?? [] : Codings.current(events)[unit] ?? []
        let now = clock.now()
        var out: [CodingEvent] = []
        func event(_ theme: String, _ action: CodingEvent.Action) -> CodingEvent {
            CodingEvent(
                id: Self.newID("coding"), recordID: recordID, item: item, theme: theme, action: action, coder: caller.name, coderAccount: caller.accountID,
                codebookVersion: book.version, at: now, sample: sample)
        }
        out += themes.subtracting(before).sorted().map { event($0, .add) }
        out += before.subtracting(themes).sorted().map { event($0, .remove) }
        // Coding a text as having no theme is a decision too: logged, so agreement counts it.
        if out.isEmpty && themes.isEmpty && !events.contains(where: { $0.unit == unit && $0.sample == sample }) { out.append(event("", .remove)) }
        try await store.appendCodings(out)
        if !out.isEmpty { try await audit.record(caller, sample ? "voice.code.sample" : "voice.code", recordID, item) }
        return out
    }

    /// Every change to one text's themes, oldest first (who, when, which codebook).
    public func codingHistory(recordID: String, by caller: Caller) async throws -> [CodingEvent] {
        try caller.require(.codeVoice)
        _ = try await record(id: recordID, by: caller)
        return try await store.codingEvents(record: recordID).filter { !$0.theme.isEmpty }
    }

    // MARK: agreement

    /// Draws texts at random from those already coded, for a second coder to code blind.
    public func drawSample(size: Int, by caller: Caller) async throws -> AgreementSample {
        try caller.require(.manageVoice)
        guard (5...500).contains(size) else { throw InvalidInput([InputProblem("size", "Draw 5 to 500 texts")]) }
        let coded = Array(Set(try await store.codingEvents().filter { !$0.sample }.map(\.unit))).sorted()
        guard coded.count >= 5 else { throw InvalidInput([InputProblem("size", "Code at least 5 texts before drawing a sample (\(coded.count) so far)")]) }
        var rng = SystemRandomNumberGenerator()
        let sample = AgreementSample(
            id: Self.newID("sample"), units: Array(coded.shuffled(using: &rng).prefix(size)).sorted(), drawnBy: caller.name, drawnAt: clock.now(),
            codebookVersion: try await codebook().version)
        try await store.saveAgreementSample(sample)
        try await audit.record(caller, "voice.sample.draw", sample.id, "\(sample.units.count) texts")
        return sample
    }

    /// The latest sample's texts the caller may code as second coder, blind: their own sample coding only.
    public func sampleToCode(by caller: Caller) async throws -> (sample: AgreementSample, items: [CodingItem])? {
        try caller.require(.codeVoice)
        guard let sample = try await store.agreementSamples().first else { return nil }
        let events = try await store.codingEvents()
        let me = caller.accountID ?? caller.name
        let mine = Codings.byCoder(events.filter(\.sample))[me] ?? [:]
        let firstCoders = Dictionary(grouping: events.filter { !$0.sample }, by: \.unit).mapValues { Set($0.map { $0.coderAccount ?? $0.coder }) }
        var items: [CodingItem] = []
        for unit in sample.units where !(firstCoders[unit]?.contains(me) ?? false) {
            guard let reading = try? await record(id: unit.recordID, by: caller), let text = reading.texts[unit.item] else { continue }
            items.append(
                CodingItem(unit: unit, record: reading.record, text: text, deidentified: reading.deidentified, themes: mine[unit] ?? [], suggestions: []))
        }
        return (sample, items)
    }

    /// Agreement on the latest sample between the working coding and the second coder's, with how many texts
    /// of the sample both have coded.
    public func agreement(by caller: Caller) async throws -> (sample: AgreementSample, agreement: Agreement)? {
        try caller.require(.codeVoice)
        guard let sample = try await store.agreementSamples().first else { return nil }
        let events = try await store.codingEvents()
        let inSample = Set(sample.units)
        let codedFirst = Set(events.filter { !$0.sample }.map(\.unit)), codedSecond = Set(events.filter(\.sample).map(\.unit))
        let working = Codings.current(events), second = Codings.current(events, sample: true)
        var a: [TextUnit: Set<String>] = [:], b: [TextUnit: Set<String>] = [:]
        for u in inSample where codedFirst.contains(u) && codedSecond.contains(u) {
            a[u] = (working[u] ?? []).filter { !$0.isEmpty }
            b[u] = (second[u] ?? []).filter { !$0.isEmpty }
        }
        let book = try await codebook()
        return (sample, Agreement.measure(a, b, themes: book.themes.map(\.id)))
    }
}

import DotsCore
import DotsGovernance
import DotsStore
import DotsSynth
import DotsVoice

/// The demo's voice of children, young people and families, beside the Bright Spots-style survey social care
/// submits as an extract: invented words recorded by practitioners (return interviews, MACE, reviews, direct
/// work) and sent on young people's own forms, with consent; a first coding to the standard codebook by the
/// analyst, a blind second coding of a sample by the admin, quotes through their gates, "you said, we did" tied
/// to the action plan, and an unsafe-now alert waiting for the demo practitioner. Seeded once per store, from a
/// fixed seed.
public enum DemoVoice {
    public struct Summary: Sendable {
        public var records = 0
        public var coded = 0
        public var quotes = 0
        public var kappa: Double?
    }

    static let agencies: [(id: String, people: Int, sources: [(VoiceSource, Double)])] = [
        ("staffs-csc", 170, [(.review, 0.3), (.mace, 0.2), (.directWork, 0.3), (.form, 0.2)]),
        ("stoke-csc", 130, [(.review, 0.3), (.mace, 0.25), (.directWork, 0.25), (.form, 0.2)]),
        ("rhi-provider", 150, [(.returnInterview, 0.85), (.form, 0.15)]),
    ]

    public static func seed(_ voice: VoiceService, store: HubStore, today: CalendarDate) async throws -> Summary? {
        guard try await store.voiceRecords(since: nil).isEmpty else { return nil }
        var rng = SeededRandom(seed: 20_261_206)
        var summary = Summary()
        let first = CalendarDate(year: 2024, month: 4, day: 1)!
        let last = min(today, CalendarDate(year: 2026, month: 3, day: 31)!)
        let accounts = try await store.allAccounts()
        let analyst = accounts.first { $0.role == .analyst }, admin = accounts.first { $0.role == .admin }
        let practitioner = accounts.first { $0.role == .practitioner && $0.agencyID != nil }
        func caller(_ a: AccountRecord?, _ role: Role, _ name: String) -> Caller {
            Caller(accountID: a?.id, name: a?.name ?? name, role: role, agencyID: a?.agencyID, channel: .cli)
        }
        var records: [VoiceRecord] = []
        for (agency, count, sources) in agencies {
            let people = try await store.currentPersonIDs(agency: agency).sorted()
            guard !people.isEmpty, let partnership = voice.partnerships(of: agency).first else { continue }
            for _ in 0..<count {
                let person = rng.pick(people)
                let source = rng.weighted(sources)
                let parent = rng.chance(0.15)
                let risk = rng.int(0...3)
                var answers = FeedbackAnswers()
                if rng.chance(0.85) {
                    answers.choices[FeedbackForm.feelSafe] = rng.weighted([
                        (FeelSafe.yes.rawValue, [0.55, 0.45, 0.3, 0.2][risk]), (FeelSafe.mostly.rawValue, 0.3),
                        (FeelSafe.notReally.rawValue, [0.1, 0.2, 0.3, 0.4][risk]),
                    ])
                }
                if rng.chance(0.85) { answers.choices[FeedbackForm.trustedAdult] = rng.chance([0.85, 0.75, 0.65, 0.55][risk]) ? "Y" : "N" }
                if rng.chance(0.8) { answers.choices[FeedbackForm.listenedTo] = rng.weighted([("yes", 0.5), ("sometimes", 0.32), ("no", 0.18)]) }
                if rng.chance(0.8) { answers.texts[FeedbackForm.whatHelped] = SynthVoiceText.make(.helped, rng: &rng) }
                if rng.chance(0.65) { answers.texts[FeedbackForm.whatWorse] = SynthVoiceText.make(.worse, rng: &rng) }
                if rng.chance(0.3) { answers.texts[FeedbackForm.anythingElse] = SynthVoiceText.make(.anythingElse, rng: &rng) }
                let consent: Consent = rng.weighted([(.quote, 0.4), (.aggregate, 0.45), (.recordOnly, 0.15)])
                let date = CalendarDate(dayNumber: rng.int(first.dayNumber...last.dayNumber))
                let form: FeedbackForm.Version? = source == .form ? (parent ? .parentCarer : rng.chance(0.4) ? .young8to11 : .young12to17) : nil
                let r = VoiceRecord(
                    id: "voice-demo-\(Digits.pad(records.count + 1, 4))", agencyID: agency, personID: person, partnership: partnership.id, date: date,
                    source: source, respondent: parent ? .parentCarer : .youngPerson, formVersion: form, answers: answers, consent: consent,
                    recordedBy: source == .form ? "Their own form" : "Demo practitioner", recordedByAccount: nil,
                    recordedAt: Instant(utcDate: date, hour: 12))
                try await store.saveVoiceRecord(r)
                records.append(r)
            }
        }
        summary.records = records.count

        // The analyst codes 160 texts from the suggestions (with judgement: about one in six changed);
        // the admin codes a blind sample of 40 the same way.
        let first_ = caller(analyst, .analyst, "Demo partnership analyst"), second = caller(admin, .admin, "Demo partnership admin")
        let book = try await voice.codebook()
        let themeIDs = book.themes.map(\.id)
        func judged(_ text: String) -> Set<String> {
            var themes = Set(ThemeSuggester.suggest(text, codebook: book).prefix(2).map(\.theme))
            if rng.chance(0.17) { themes.insert(rng.pick(themeIDs)) }
            if rng.chance(0.1), let drop = themes.first { themes.remove(drop) }
            return themes
        }
        // 160 texts drawn across the years (the queue puts the newest first).
        var all = try await voice.codingQueue(limit: 10_000, by: first_)
        all.shuffle(using: &rng)
        let queue = Array(all.prefix(160))
        for item in queue {
            try await voice.code(recordID: item.unit.recordID, item: item.unit.item, themes: judged(item.text), by: first_)
        }
        summary.coded = queue.count
        if queue.count >= 5 {
            _ = try await voice.drawSample(size: min(40, queue.count), by: first_)
            if let (_, items) = try await voice.sampleToCode(by: second) {
                for item in items {
                    try await voice.code(recordID: item.unit.recordID, item: item.unit.item, themes: judged(item.text), sample: true, by: second)
                }
            }
            summary.kappa = try await voice.agreement(by: first_)?.agreement.pooledKappa
        }

        // Quotes: three from young people who agreed, approved by a second person; one from someone who did not
        // agree, which waits with its consent gate failing.
        let readable = try await voice.records(limit: 10_000, by: first_)
        var proposed = 0
        for reading in readable where reading.record.consent == .quote && reading.record.respondent == .youngPerson {
            guard let text = reading.texts[FeedbackForm.whatHelped] ?? reading.texts[FeedbackForm.whatWorse], text.count > 30 else { continue }
            let item = reading.texts[FeedbackForm.whatHelped] != nil ? FeedbackForm.whatHelped : FeedbackForm.whatWorse
            let v = try await voice.proposeQuote(recordID: reading.record.id, item: item, text: text, attribution: "A young person", theme: nil, by: first_)
            if v.gates.dropLast().allSatisfy(\.passed), second.accountID != nil {
                _ = try await voice.approveQuote(id: v.quote.id, by: second)
                summary.quotes += 1
            }
            proposed += 1
            if proposed == 4 { break }
        }
        if let aggregate = readable.first(where: { $0.record.consent == .aggregate && $0.texts[FeedbackForm.whatHelped] != nil }) {
            _ = try await voice.proposeQuote(
                recordID: aggregate.record.id, item: FeedbackForm.whatHelped, text: nil, attribution: "A young person", theme: nil, by: first_)
        }

        // You said, we did: two themes answered with actions on the plan.
        let actions = try await store.actions()
        for (partnership, theme, said, did, action) in [
            (
                "staffs-scp", "changes-and-waiting", "Young people told us they have too many workers and have to repeat their story.",
                "One named worker stays with a young person through MACE; the return interview goes to that worker.", actions.first?.id
            ),
            (
                "stoke-scp", "places", "Young people named the bus station and town centre parks as places they feel unsafe at night.",
                "The police and community safety partnership added those places to the disruption plan and evening patrols.", actions.dropFirst().first?.id
            ),
        ] {
            _ = try await voice.recordSaidDid(partnership: partnership, theme: theme, said: said, did: did, actionIDs: action.map { [$0] } ?? [], by: first_)
        }

        // An unsafe-now alert waiting for the demo practitioner: a code they issued, answered on the form.
        if let practitioner, let agency = practitioner.agencyID, let person = try await store.currentPersonIDs(agency: agency).sorted().first {
            let p = caller(practitioner, .practitioner, "Demo MACE practitioner")
            let issued = try await voice.issueCode(personID: person, version: .young12to17, by: p)
            _ = try await voice.answer(
                code: issued.code,
                fields: [
                    FeedbackForm.feelSafe: FeelSafe.unsafeNow.rawValue, FeedbackForm.anythingElse: "They know where I live now",
                    FeedbackForm.consent: "record-only",
                ],
                send: true)
            _ = try await voice.issueCode(personID: person, version: .young8to11, by: p)
        }
        return summary
    }
}

import DotsCore
import DotsGovernance
import Foundation
import Testing

@testable import DotsVoice

@Suite("Voice: forms, codes, agreement, suggestions, readability")
struct VoiceRulesTests {
    @Test("Kappa worked by hand: 10 texts, coders agree on 8, each applies the theme to 5 → 0.6")
    func kappaByHand() {
        #expect(abs(Agreement.kappa(4, 1, 1, 4)! - 0.6) < 1e-12)
        // Perfect agreement, and agreement no better than chance.
        #expect(Agreement.kappa(3, 0, 0, 7)! == 1)
        #expect(abs(Agreement.kappa(1, 1, 1, 1)!) < 1e-12)
        // Neither coder varied: undefined, not 1.
        #expect(Agreement.kappa(0, 0, 0, 5) == nil)
        #expect(Agreement.kappa(0, 0, 0, 0) == nil)
    }

    @Test("Agreement counts only texts both coded, per theme and pooled")
    func agreementMeasure() {
        func u(_ i: Int) -> TextUnit { TextUnit(recordID: "r\(i)", item: "what_helped") }
        var first: [TextUnit: Set<String>] = [:], second: [TextUnit: Set<String>] = [:]
        for i in 1...10 {
            first[u(i)] = i <= 5 ? ["a"] : []
            second[u(i)] = (i <= 4 || i == 6) ? ["a"] : []
        }
        first[u(11)] = ["a"]  // coded by the first coder only: not counted
        let m = Agreement.measure(first, second, themes: ["a", "b"])
        #expect(m.units == 10)
        #expect(m.themes[0].both == 4 && m.themes[0].firstOnly == 1 && m.themes[0].secondOnly == 1 && m.themes[0].neither == 4)
        #expect(abs(m.themes[0].kappa! - 0.6) < 1e-12)
        #expect(m.themes[1].kappa == nil)
        // Pooled: a = 4, b = 1, c = 1, d = 14 → po 0.9, pe (5·5 + 15·15)/400 = 0.625, κ = 0.275/0.375.
        #expect(abs(m.pooledKappa! - 0.275 / 0.375) < 1e-12)
        #expect(Agreement.words(0.6) == "moderate")
        #expect(Agreement.words(0.61) == "substantial")
    }

    @Test("Codings replay the log: a theme added then removed is gone; the blind sample is kept apart")
    func codingLog() {
        let t = Instant(seconds: 0)
        func e(_ id: String, _ theme: String, _ action: CodingEvent.Action, _ s: Int64, sample: Bool = false) -> CodingEvent {
            CodingEvent(
                id: id, recordID: "r1", item: "what_helped", theme: theme, action: action, coder: "A", coderAccount: sample ? "b" : "a", codebookVersion: 1,
                at: Instant(seconds: t.seconds + s), sample: sample)
        }
        let log = [e("3", "peers", .remove, 3), e("1", "peers", .add, 1), e("2", "school", .add, 2), e("4", "police", .add, 4, sample: true)]
        let unit = TextUnit(recordID: "r1", item: "what_helped")
        #expect(Codings.current(log)[unit] == ["school"])
        #expect(Codings.current(log, sample: true)[unit] == ["police"])
        #expect(Codings.byCoder(log)["b"]?[unit] == ["police"])
    }

    @Test("Suggestions come from the codebook's words, with what matched, most matches first")
    func suggestions() {
        let book = Codebook(version: 1, themes: DefaultCodebook.themes, publishedBy: "t", publishedAt: Instant(seconds: 0), note: "")
        let s = ThemeSuggester.suggest("The older lads at the bus station kept messaging me on Snapchat and my friends worried", codebook: book)
        // Two themes match twice; ties keep the codebook's order.
        #expect(s.prefix(2).map(\.theme) == ["places", "peers"])
        #expect(s[0].matched == ["bus*", "station"])
        #expect(s[1].matched == ["friend*", "older lads"])
        #expect(s.map(\.theme).contains("online"))
        #expect(ThemeSuggester.suggest("", codebook: book).isEmpty)
        // Whole words only: "bus" as a prefix of "business" matches because of "bus*", but "town" does not match "downtown".
        #expect(!ThemeSuggester.matches("town", in: ThemeSuggester.tokens("downtown")))
        #expect(ThemeSuggester.matches("worr*", in: ThemeSuggester.tokens("I was Worried")))
    }

    @Test("Syllables and reading ease worked by hand")
    func readabilityByHand() {
        #expect(Readability.syllables("table") == 2)
        #expect(Readability.syllables("make") == 1)
        #expect(Readability.syllables("the") == 1)
        #expect(Readability.syllables("happy") == 2)
        #expect(Readability.syllables("listened") == 3)  // over-counts the silent "e" of "-ed": conservative
        let r = Readability.of(["The cat sat on the mat."])
        #expect(r.sentences == 1 && r.words == 6 && r.syllables == 6)
        #expect(abs(r.readingEase - 116.145) < 1e-9)
        #expect(abs(r.grade - -1.45) < 1e-9)
        #expect(Readability.of([]).readingEase == 206.835)
    }

    /// The scores docs/voice.md promises: a ten-year-old can read the 8-11 form.
    @Test("The forms read easily: 8-11 at reading ease 80+ and grade 5 or below; 12-17 at 70+; parents' at 60+")
    func formsArePlain() {
        let young = Readability.of(FeedbackForm.of(.young8to11).wording)
        #expect(young.readingEase >= 80, "8-11 reading ease \(young.readingEase)")
        #expect(young.grade <= 5, "8-11 grade \(young.grade)")
        #expect(Readability.of(FeedbackForm.of(.young12to17).wording).readingEase >= 70)
        #expect(Readability.of(FeedbackForm.of(.parentCarer).wording).readingEase >= 60)
        let settings = Readability.of(VoiceSettings.defaultUnsafeMessage.split(separator: "\n").map(String.init))
        #expect(settings.readingEase >= 70, "the unsafe-now message \(settings.readingEase)")
    }

    @Test("Answers: choices must be offered, texts within limits, anything may be skipped; silence on consent keeps words to the record")
    func answers() throws {
        let form = FeedbackForm.of(.young8to11)
        let a = try FeedbackAnswers.read(["feel_safe": "mostly", "what_helped": "  my youth worker  ", "made_up": "x"], form: form)
        #expect(a.choices == ["feel_safe": "mostly"])
        #expect(a.texts == ["what_helped": "my youth worker"])
        #expect(a.consent == .recordOnly)
        #expect(!a.unsafeNow)
        #expect(try FeedbackAnswers.read([:], form: form).isEmpty)
        #expect(try FeedbackAnswers.read(["feel_safe": "unsafe_now"], form: form).unsafeNow)
        #expect(throws: InvalidInput.self) { try FeedbackAnswers.read(["feel_safe": "sometimes-ish"], form: form) }
        #expect(throws: InvalidInput.self) { try FeedbackAnswers.read(["what_helped": String(repeating: "é", count: 2_001)], form: form) }
    }

    @Test("Codes: no look-alikes, typed in any case with spaces or dashes")
    func codes() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let c = FeedbackCodeFormat.generate(using: &rng)
            #expect(c.count == 9 && c.dropFirst(4).first == "-")
            #expect(!c.contains { "01OIL".contains($0) })
            #expect(FeedbackCodeFormat.normalise(c.lowercased()) == c.replacingOccurrences(of: "-", with: ""))
        }
        #expect(FeedbackCodeFormat.normalise("abcd efgh") == "ABCDEFGH")
        #expect(FeedbackCodeFormat.normalise("ABCD-EFG0") == nil)
        #expect(FeedbackCodeFormat.normalise("ABCD-EFG") == nil)
        #expect(FeedbackCodeFormat.normalise("") == nil)
    }

    @Test("A record kept to the young person's record adds nothing to the counted dataset")
    func datasetRow() {
        var r = VoiceRecord(
            id: "v1", agencyID: "staffs-csc", personID: "P1", partnership: "staffs-scp", date: CalendarDate(year: 2025, month: 6, day: 1)!,
            source: .form, respondent: .youngPerson, formVersion: .young8to11,
            answers: FeedbackAnswers(choices: ["feel_safe": "yes", "trusted_adult": "Y"], texts: ["what_helped": "x"]), consent: .aggregate,
            recordedBy: "their own form", recordedByAccount: nil, recordedAt: Instant(seconds: 0))
        #expect(
            r.datasetRow == [
                "feedback_id": "v1", "person_id": "P1", "feedback_date": "2025-06-01", "source": "form", "respondent": "child", "feel_safe": "yes",
                "trusted_adult": "Y",
            ])
        r.consent = .recordOnly
        #expect(r.datasetRow == nil)
    }

    @Test("Codebooks: ids unique and well formed, names and definitions present")
    func codebookChecks() {
        #expect(Codebook.check(DefaultCodebook.themes).isEmpty)
        let bad = [
            Codebook.Theme(id: "Peers!", name: "", definition: "", examples: [], keywords: []),
            Codebook.Theme(id: "x", name: "X", definition: "d", examples: [], keywords: []),
            Codebook.Theme(id: "x", name: "Y", definition: "d", examples: [], keywords: []),
        ]
        #expect(Codebook.check(bad).count == 4)
        #expect(Codebook.check([]).count == 1)
    }
}

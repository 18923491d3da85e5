import DotsCore
import DotsFramework
import DotsGovernance
import Testing

/// Builds data map entries tersely for the tests.
func entry(_ id: String, agency: String, dataset: Dataset?, informs: [String] = [], name: String = "A dataset") -> DataMapEntry {
    DataMapEntry(
        id: id, agencyID: agency, name: name, dataset: dataset, informs: informs, system: "Liquidlogic", recorded: "Episodes",
        recordingMethod: .structured, coverage: "All children", coverageFrom: CalendarDate(iso: "2019-04-01"), coverageTo: nil, refresh: .monthly,
        access: "MASH analysts", sharingAgreement: "Staffordshire ISA 2024", lawfulBasis: .publicTask, qualityIssues: "", owner: "Head of performance",
        updatedAt: Instant(seconds: 0), updatedBy: "test")
}

@Suite("The data map joined to the framework: which questions the partnership's data can answer")
struct CoverageTests {
    /// Five questions: one dataset submitted; one held but not submitted; one not held; none (qualitative);
    /// an overlap of a submitted and a not-held dataset.
    static let yaml = """
        format: dots-framework/1
        name: Coverage fixture
        version: "1"
        themes:
          - id: t
            title: Theme
            questions:
              - id: q-submitted
                question: Are screenings rising?
                indicators:
                  - {id: i1, title: Screenings, definition: d, dataset: ce_screenings, measure: events, polarity: neither}
              - id: q-held
                question: Are missing episodes followed up?
                indicators:
                  - {id: i2, title: Missing, definition: d, dataset: missing_episodes, measure: events, polarity: neither}
              - id: q-not-held
                question: Are children referred to the NRM?
                indicators:
                  - {id: i3, title: NRM, definition: d, dataset: nrm_referrals, measure: events, polarity: neither}
              - id: q-voice
                question: What do young people tell us?
                sources: [Return interviews]
              - id: q-partly
                question: Are screened children also referred?
                indicators:
                  - {id: i4, title: Overlap, definition: d, dataset: ce_screenings, measure: {type: overlap, with: nrm_referrals}, polarity: neither}
        """

    func spec() throws -> FrameworkSpec {
        let (spec, problems) = FrameworkParser.parse(Self.yaml)
        #expect(problems.isEmpty, "\(problems)")
        return try #require(spec)
    }

    @Test("Submitted, held but not submitted, not held, no indicators, and partly")
    func statuses() throws {
        let entries = [
            entry("e1", agency: "staffs-csc", dataset: .ceScreenings),
            entry("e2", agency: "stoke-csc", dataset: .ceScreenings),
            entry("e3", agency: "staffs-csc", dataset: .missingEpisodes),
            entry("e4", agency: "rhi-provider", dataset: nil, informs: ["q-voice"], name: "Return interview narratives"),
        ]
        let coverage = DataCoverage.questions(try spec(), entries: entries, submitted: [.ceScreenings: ["staffs-csc"]])
        let by = Dictionary(uniqueKeysWithValues: coverage.map { ($0.questionID, $0) })
        #expect(coverage.map(\.questionID) == ["q-submitted", "q-held", "q-not-held", "q-voice", "q-partly"])

        // Submitted by Staffordshire, held but not submitted by Stoke-on-Trent: only partly answered.
        let submitted = try #require(by["q-submitted"])
        #expect(submitted.status == .partly)
        #expect(
            submitted.datasets == [DatasetCoverage(dataset: .ceScreenings, status: .submitted, submittedBy: ["staffs-csc"], heldNotSubmittedBy: ["stoke-csc"])])

        let held = try #require(by["q-held"])
        #expect(held.status == .unanswerable)
        #expect(held.datasets == [DatasetCoverage(dataset: .missingEpisodes, status: .heldNotSubmitted, submittedBy: [], heldNotSubmittedBy: ["staffs-csc"])])

        let notHeld = try #require(by["q-not-held"])
        #expect(notHeld.status == .unanswerable)
        #expect(notHeld.notHeld == [.nrmReferrals])
        #expect(notHeld.datasets[0].heldNotSubmittedBy.isEmpty)

        let voice = try #require(by["q-voice"])
        #expect(voice.status == .noIndicators && voice.datasets.isEmpty && voice.otherSources == ["e4"])

        let partly = try #require(by["q-partly"])
        #expect(partly.status == .partly)
        #expect(partly.datasets.map(\.dataset) == [.ceScreenings, .nrmReferrals])
        #expect(partly.datasets.map(\.status) == [.submitted, .notHeld])
    }

    @Test("An empty data map and no submissions: nothing is held, every question with indicators is unanswerable")
    func empty() throws {
        let coverage = DataCoverage.questions(try spec(), entries: [], submitted: [:])
        #expect(coverage.filter { $0.status == .unanswerable }.count == 4)
        #expect(coverage.flatMap(\.datasets).allSatisfy { $0.status == .notHeld })
    }

    @Test("A dataset submitted without a data map entry still counts as submitted (the data map lags the data)")
    func submittedWithoutEntry() throws {
        let coverage = DataCoverage.questions(try spec(), entries: [], submitted: [.missingEpisodes: ["stoke-csc"]])
        #expect(coverage[1].status == .answerable)
        #expect(coverage[1].datasets[0].heldNotSubmittedBy.isEmpty)
    }

    @Test("The default framework's questions each get a coverage row, and every indicator's datasets appear")
    func defaultFramework() throws {
        let spec = try #require(FrameworkParser.parse(DefaultFramework.yaml).spec)
        let coverage = DataCoverage.questions(spec, entries: [], submitted: [:])
        #expect(coverage.count == spec.questions.count)
        let needed = Set(spec.indicators.flatMap(DataCoverage.datasets(of:)))
        #expect(Set(coverage.flatMap(\.datasets).map(\.dataset)) == needed)
    }

    @Test("A data map entry names every missing field and rejects bad dates and unknown questions")
    func entryProblems() {
        var e = entry("x", agency: "nowhere", dataset: nil, informs: ["no-such-question"])
        e.name = "  "
        e.owner = ""
        e.coverageFrom = CalendarDate(iso: "2024-03-01")
        e.coverageTo = CalendarDate(iso: "2024-02-29")
        e.recorded = String(repeating: "x", count: 4_001)
        let fields = e.problems(questionIDs: ["q-voice"]).map(\.field)
        #expect(fields == ["agency", "name", "recorded", "owner", "coverageTo", "informs"])
        #expect(entry("ok", agency: "staffs-csc", dataset: .ceScreenings).problems(questionIDs: []).isEmpty)
    }
}

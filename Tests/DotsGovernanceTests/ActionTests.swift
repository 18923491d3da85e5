import DotsCore
import DotsGovernance
import Testing

@Suite("Action plans: views, overdue, and the actions Dots suggests")
struct ActionTests {
    let q = DefaultQuestionnaire.load()
    let today = CalendarDate(iso: "2026-11-24")!

    func action(_ id: String, agency: String?, owner: String? = nil, ownerName: String = "Sam", due: String, status: ActionStatus = .notStarted) -> ActionItem {
        ActionItem(
            id: id, title: "Action \(id)", detail: "", agencyID: agency, ownerID: owner, ownerName: ownerName, due: CalendarDate(iso: due)!,
            status: status, prompt: ActionPrompt(kind: .other), createdAt: Instant(seconds: 0), createdBy: "t", updatedAt: Instant(seconds: 0))
    }

    @Test("Overdue means open and due before today; due today, done or dropped is not overdue")
    func overdue() {
        #expect(action("a", agency: nil, due: "2026-11-23").isOverdue(on: today))
        #expect(!action("b", agency: nil, due: "2026-11-24").isOverdue(on: today))
        #expect(!action("c", agency: nil, due: "2026-01-01", status: .done).isOverdue(on: today))
        #expect(!action("d", agency: nil, due: "2026-01-01", status: .dropped).isOverdue(on: today))
        #expect(action("e", agency: nil, due: "2024-02-29", status: .blocked).isOverdue(on: today))
    }

    @Test("Views: mine (by account, or by name when the owner has no account), an agency's, the partnership's, overdue")
    func views() {
        let all = [
            action("1", agency: "staffs-police", owner: "acc-1", due: "2026-12-01"),
            action("2", agency: "staffs-police", ownerName: "ZOË Ødegaard", due: "2026-10-01"),
            action("3", agency: nil, owner: "acc-2", due: "2026-11-01", status: .done),
            action("4", agency: nil, owner: "acc-2", due: "2026-11-20"),
        ]
        func ids(_ v: ActionView) -> [String] { all.filter { v.includes($0, today: today) }.map(\.id) }
        #expect(ids(.mine(accountID: "acc-1", name: "Alex")) == ["1"])
        #expect(ids(.mine(accountID: "acc-9", name: "zoë ødegaard")) == ["2"])
        #expect(ids(.agency("staffs-police")) == ["1", "2"])
        #expect(ids(.partnership) == ["3", "4"])
        #expect(ids(.overdue) == ["2", "4"])
        #expect(ActionView.ordered(all).map(\.id) == ["2", "4", "1", "3"])
    }

    @Test("Checks on a new action name each missing or wrong field")
    func checks() {
        let p = ActionItem.check(
            title: "", ownerName: " ", dueText: "2027-02-30", due: CalendarDate(iso: "2027-02-30"), agencyID: "nowhere", detail: "",
            prompt: ActionPrompt(kind: .other))
        #expect(p.map(\.field) == ["title", "owner", "due", "agency"])
        #expect(p[2].message.contains("real date"))
        #expect(
            ActionItem.check(
                title: "Do it", ownerName: "Sam", dueText: "2028-02-29", due: CalendarDate(iso: "2028-02-29"), agencyID: nil, detail: "",
                prompt: ActionPrompt(kind: .other)
            ).isEmpty)
    }

    func answers(_ levels: [String: MaturityLevel?]) -> [MaturityAnswer] {
        q.questions.map { question in MaturityAnswer(questionID: question.id, level: levels.keys.contains(question.id) ? levels[question.id]! : .developing) }
    }

    @Test("Low maturity suggests raising it one level, per agency and, when typical, for the partnership")
    func maturitySuggestions() throws {
        // Police: sharing at Emerging (both questions), the rest Developing. Health: sharing Unaware/Emerging → lower median Unaware.
        let sharing = q.areas.first { $0.area == .sharing }!.questions.map(\.id)
        let police = answers([sharing[0]: .emerging, sharing[1]: .emerging])
        let health = answers([sharing[0]: .unaware, sharing[1]: .emerging])
        let s = ActionSuggester.suggest(
            questionnaire: q, maturity: ["staffs-police": police, "uhnm-ed": health], coverage: [], quality: [], existingKeys: [], today: today)
        #expect(s.map(\.key) == ["maturity:staffs-police:sharing", "maturity:uhnm-ed:sharing", "maturity:partnership:sharing"])
        let healthStep = try #require(s.first { $0.key == "maturity:uhnm-ed:sharing" })
        #expect(healthStep.title == "Move sharing from Unaware to Emerging")
        // The weakest question is the one at Unaware; the next step quotes its Emerging statement.
        let weakest = q.areas.first { $0.area == .sharing }!.questions[0]
        #expect(healthStep.detail.contains(weakest.statements[1]))
        #expect(healthStep.agencyID == "uhnm-ed" && healthStep.prompt == ActionPrompt(kind: .maturityArea, reference: "sharing", text: "Sharing: Unaware"))
        #expect(healthStep.due == CalendarDate(iso: "2027-02-23"))
        #expect(s.last?.agencyID == nil)
    }

    @Test("Don't know does not make an area low; an accepted suggestion is not made again")
    func dontKnowAndExisting() {
        let collection = q.areas.first { $0.area == .collection }!.questions.map(\.id)
        let dontKnow: [String: MaturityLevel?] = [collection[0]: nil, collection[1]: nil]
        let a = answers(dontKnow)
        #expect(ActionSuggester.suggest(questionnaire: q, maturity: ["staffs-csc": a], coverage: [], quality: [], existingKeys: [], today: today).isEmpty)
        let low = answers([collection[0]: .emerging])
        let keys = ActionSuggester.suggest(questionnaire: q, maturity: ["staffs-csc": low], coverage: [], quality: [], existingKeys: [], today: today).map(
            \.key)
        // One agency: its lower median Emerging → both the agency's and the partnership's suggestion.
        #expect(keys == ["maturity:staffs-csc:collection", "maturity:partnership:collection"])
        #expect(
            ActionSuggester.suggest(questionnaire: q, maturity: ["staffs-csc": low], coverage: [], quality: [], existingKeys: Set(keys), today: today).isEmpty)
    }

    @Test("Data gaps: a dataset nobody holds → find a source; held but not submitted → that agency submits it")
    func gapSuggestions() {
        let coverage = [
            QuestionCoverage(
                questionID: "q1", question: "Are children referred to the NRM?", themeID: "t", status: .unanswerable,
                datasets: [DatasetCoverage(dataset: .nrmReferrals, status: .notHeld, submittedBy: [], heldNotSubmittedBy: [])], otherSources: []),
            QuestionCoverage(
                questionID: "q2", question: "Are missing episodes followed up?", themeID: "t", status: .answerable,
                datasets: [DatasetCoverage(dataset: .missingEpisodes, status: .submitted, submittedBy: ["staffs-csc"], heldNotSubmittedBy: ["stoke-csc"])],
                otherSources: []),
            QuestionCoverage(
                questionID: "q3", question: "Are screened children referred?", themeID: "t", status: .partly,
                datasets: [
                    DatasetCoverage(dataset: .ceScreenings, status: .submitted, submittedBy: ["staffs-csc"], heldNotSubmittedBy: []),
                    DatasetCoverage(dataset: .nrmReferrals, status: .notHeld, submittedBy: [], heldNotSubmittedBy: []),
                ], otherSources: []),
        ]
        let s = ActionSuggester.suggest(questionnaire: q, maturity: [:], coverage: coverage, quality: [], existingKeys: [], today: today)
        #expect(s.map(\.key) == ["gap:not-held:nrm_referrals", "gap:submit:stoke-csc:missing_episodes"])
        #expect(s[0].detail.contains("2 strategic questions") && s[0].agencyID == nil)
        #expect(s[1].agencyID == "stoke-csc" && s[1].detail.contains("Are missing episodes followed up?"))
    }

    @Test("Poor data quality suggests an improvement naming the fields to fix; fair or good does not")
    func qualitySuggestions() {
        var poor = QualityProfile(schema: Dataset.missingEpisodes.schema)
        poor.rows = 100
        poor.duplicateRows = 10  // uniqueness 90%: Poor (below 95%)
        poor.inconsistentRows = 3  // consistency 97%: Needs attention, not Poor
        for i in poor.fields.indices { poor.fields[i].filled = 100 }
        let s = ActionSuggester.suggest(
            questionnaire: q, maturity: [:], coverage: [], quality: [QualityFinding(agencyID: "stoke-csc", dataset: .missingEpisodes, profile: poor)],
            existingKeys: [], today: today)
        #expect(s.map(\.key) == ["quality:stoke-csc:missing_episodes:uniqueness"])
        #expect(s[0].detail.contains("90%") && s[0].detail.contains("99%"))
    }
}

import DotsCore
import DotsGovernance
import DotsStore
import DotsTestSupport
import Testing

@Suite("The method's tables: documents round-trip, history is kept, a suggestion becomes one action")
struct GovernanceStoreTests {
    let q = DefaultQuestionnaire.load()
    let at = Instant(iso: "2026-03-29T00:30:00Z")!

    @Test("Rounds, drafts and every submission round-trip exactly, Unicode and unanswered notes included", arguments: StoreKind.available)
    func maturity(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let round = MaturityRound(id: "r1", title: "Rownd 1 — Ŵyl", opened: CalendarDate(iso: "2024-02-29")!, closes: nil, questionnaire: q)
            try await store.createMaturityRound(round)
            #expect(try await store.maturityRounds() == [round])
            var a = MaturityAssessment(
                roundID: "r1", agencyID: "uhnm-ed", status: .draft,
                answers: [
                    MaturityAnswer(questionID: "collection-what", level: .learning, evidence: "Zoë's audit, 2024"),
                    MaturityAnswer(questionID: "systems-fit", level: nil, evidence: "ask IT", unanswered: true),
                    MaturityAnswer(questionID: "sharing-agreements", level: nil),
                ],
                updatedAt: at, updatedBy: "Łucja")
            try await store.saveMaturityAssessment(a)
            #expect(try await store.maturityAssessment(round: "r1", agency: "uhnm-ed") == a)
            #expect(try await store.maturitySubmissions(round: "r1", agency: "uhnm-ed").isEmpty, "a draft is not a submission")
            a.status = .submitted; a.submittedAt = at; a.submissions = 1
            try await store.saveMaturityAssessment(a)
            a.answers.removeLast(); a.submissions = 2
            try await store.saveMaturityAssessment(a)
            let history = try await store.maturitySubmissions(round: "r1", agency: "uhnm-ed")
            #expect(history.map(\.submissions) == [1, 2] && history[0].answers.count == 3 && history[1].answers.count == 2)
            #expect(try await store.maturityAssessments(round: "r1").count == 1)
        }
    }

    @Test("An action's updates are numbered in order; one suggestion cannot become two actions", arguments: StoreKind.available)
    func actions(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            var a = ActionItem(
                id: "a1", title: "Submit missing episodes", detail: "", agencyID: "stoke-csc", ownerID: nil, ownerName: "Data lead",
                due: CalendarDate(iso: "2027-02-23")!, status: .notStarted, prompt: ActionPrompt(kind: .dataGap, reference: "stoke-csc/missing_episodes"),
                suggestionKey: "gap:submit:stoke-csc:missing_episodes", createdAt: at, createdBy: "t", updatedAt: at)
            try await store.saveAction(a, update: ActionUpdate(actionID: "a1", at: at, by: "t", note: "Created", status: .notStarted))
            a.status = .inProgress
            try await store.saveAction(a, update: ActionUpdate(actionID: "a1", at: at, by: "t", note: "Started", status: .inProgress))
            a.status = .done
            try await store.saveAction(a, update: ActionUpdate(actionID: "a1", at: at, by: "t", note: "Done", status: .done))
            #expect(try await store.actionUpdates(id: "a1").map(\.note) == ["Created", "Started", "Done"])
            #expect(try await store.action(id: "a1") == a)
            #expect(try await store.actionSuggestionKeys() == ["gap:submit:stoke-csc:missing_episodes"])
            var twin = a
            twin.id = "a2"
            await #expect(throws: (any Error).self) { try await store.saveAction(twin) }
            #expect(try await store.actions().map(\.id) == ["a1"], "the refused one left nothing behind")
        }
    }

    @Test("Data map entries and meetings round-trip; entries filter by agency", arguments: StoreKind.available)
    func dataMapAndMeetings(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let e = DataMapEntry(
                id: "d1", agencyID: "staffs-police", name: "Missing person reports", dataset: .missingEpisodes, informs: ["voice"], system: "COMPACT",
                recorded: "Episodes", recordingMethod: .mixed, coverage: "All", coverageFrom: CalendarDate(iso: "2019-04-01"), coverageTo: nil,
                refresh: .daily, access: "MPU", sharingAgreement: "", lawfulBasis: .publicTask, qualityIssues: "", owner: "Coordinator", updatedAt: at,
                updatedBy: "t")
            try await store.saveDataMapEntry(e)
            var changed = e
            changed.system = "COMPACT 2"
            try await store.saveDataMapEntry(changed)
            #expect(try await store.dataMapEntries() == [changed])
            #expect(try await store.dataMapEntries(agency: "uhnm-ed").isEmpty)
            let older = DataLeadsMeeting(
                id: "m1", heldOn: CalendarDate(iso: "2026-09-01")!, title: "Data leads", attendees: [.init(agencyID: "staffs-police", people: "Analyst")],
                notes: "", decisions: ["Meet bi-monthly"], createdAt: at, createdBy: "t")
            var newer = older
            newer.id = "m2"; newer.heldOn = CalendarDate(iso: "2026-11-03")!
            try await store.saveMeeting(older)
            try await store.saveMeeting(newer)
            #expect(try await store.meetings().map(\.id) == ["m2", "m1"])
            #expect(try await store.meeting(id: "m1") == older)
        }
    }
}

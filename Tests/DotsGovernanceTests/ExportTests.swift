import DotsCore
import DotsGovernance
import Foundation
import Testing

@Suite("Exports: CSV safe for spreadsheets, Markdown for board papers; the round's summary")
struct ExportTests {
    let q = DefaultQuestionnaire.load()
    let today = CalendarDate(iso: "2026-11-24")!

    func round(_ id: String) -> MaturityRound {
        MaturityRound(id: id, title: "Round \(id)", opened: CalendarDate(iso: "2026-09-01")!, closes: nil, questionnaire: q)
    }

    func assessment(_ round: String, _ agency: String, level: MaturityLevel, submitted: Bool = true) -> MaturityAssessment {
        MaturityAssessment(
            roundID: round, agencyID: agency, status: submitted ? .submitted : .draft,
            answers: q.questions.map { MaturityAnswer(questionID: $0.id, level: level) }, updatedAt: Instant(seconds: 0), updatedBy: "t",
            submittedAt: submitted ? Instant(seconds: 0) : nil, submissions: submitted ? 1 : 0)
    }

    @Test("The summary shows submitted agencies only, with change since the agency's previous submission")
    func summary() {
        let s = MaturitySummary(
            round: round("2"),
            assessments: [assessment("2", "staffs-csc", level: .developing), assessment("2", "stoke-csc", level: .learning, submitted: false)],
            previous: (round("1"), [assessment("1", "staffs-csc", level: .emerging)]), agencies: ["staffs-csc", "stoke-csc", "uhnm-ed"])
        #expect(s.submittedCount == 1)
        #expect(s.rows[0].level(.sharing) == .developing)
        #expect(s.rows[0].change[.sharing] == .some(2))
        #expect(MaturitySummary.changeText(s.rows[0].change[.sharing]) == "up 2 levels")
        #expect(s.rows[1].results.isEmpty && s.rows[1].status == .draft)
        #expect(s.rows[2].status == nil)
        let md = GovernanceExport.maturity(s, format: .md)
        #expect(md.contains("| Staffordshire County Council Children's Social Care | Developing (up 2 levels) | Developing (up 2 levels) |"))
        #expect(md.contains("(draft)") && md.contains("(not submitted)"))
        #expect(!md.lowercased().contains("overall score:"))
        let csv = GovernanceExport.maturity(s, format: .csv).split(separator: "\n")
        #expect(csv.count == 1 + 6 + 2)
        #expect(csv[1].hasPrefix("2,staffs-csc,") && csv[1].hasSuffix(",Developing,4,2,0,2,2"))
    }

    @Test("Free text that looks like a formula is neutralised in CSV; Markdown escapes pipes and line breaks")
    func csvInjection() {
        var e = entry("e1", agency: "staffs-police", dataset: .policeIncidents)
        e.qualityIssues = "=HYPERLINK(\"http://evil\")"
        e.owner = "Analyst | Team\nLead"
        let csv = GovernanceExport.dataMap([e], coverage: [], format: .csv)
        #expect(csv.contains("'=HYPERLINK"))
        let md = GovernanceExport.dataMap([e], coverage: [], format: .md)
        #expect(md.contains("Analyst \\| Team Lead"))
    }

    @Test("Actions export lists open first with overdue marked, and counts them")
    func actions() {
        let a = ActionItem(
            id: "a1", title: "-1 things", detail: "", agencyID: nil, ownerID: nil, ownerName: "Sam", due: CalendarDate(iso: "2026-11-01")!,
            status: .inProgress, prompt: ActionPrompt(kind: .dataGap, reference: "nrm_referrals", text: "NRM: not held"),
            createdAt: Instant(seconds: 0), createdBy: "t", updatedAt: Instant(seconds: 0))
        var b = a
        b.id = "a2"; b.title = "Closed one"; b.status = .done
        let md = GovernanceExport.actions([b, a], today: today, format: .md)
        #expect(md.contains("1 open (1 overdue), 1 closed"))
        #expect(md.range(of: "-1 things")!.lowerBound < md.range(of: "Closed one")!.lowerBound)
        #expect(md.contains("2026-11-01 (overdue)"))
        let csv = GovernanceExport.actions([a], today: today, format: .csv)
        #expect(csv.contains("a1,'-1 things,,Partnership,Sam,2026-11-01,in-progress,yes,data-gap"))
    }
}

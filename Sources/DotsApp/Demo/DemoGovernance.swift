import DotsCore
import DotsGovernance
import DotsStore

/// The demo partnership's method in motion: a first round of self-assessments (most agencies submitted, one in
/// draft, one not started), a data map, a data leads meeting and an action plan partly drawn from Dots'
/// suggestions. Levels are invented but shaped like the learning report's picture: agencies at very different
/// starting points, sharing and decision making weakest. Seeded once per store.
public enum DemoGovernance {
    /// Per agency, the level of each area in `MaturityArea.allCases` order (collection, systems, recording,
    /// analysis, sharing, decision making).
    static let profiles: [(agency: String, levels: [Int])] = [
        ("staffs-police", [4, 4, 3, 4, 3, 3]),
        ("staffs-csc", [3, 3, 3, 3, 3, 2]),
        ("stoke-csc", [3, 2, 3, 2, 3, 2]),
        ("uhnm-ed", [2, 3, 2, 2, 1, 2]),
        ("mpft-sh", [2, 2, 2, 1, 2, 2]),
        ("staffs-education", [2, 3, 3, 2, 2, 2]),
        ("stoke-education", [2, 2, 2, 2, 2, 1]),
        ("staffs-yjs", [3, 3, 4, 3, 3, 3]),
    ]

    static let evidence: [String: String] = [
        "staffs-police/analysis-who": "Monthly exploitation problem profile by the force analyst; shared at MACE.",
        "uhnm-ed/sharing-agreements": "No agreement covers ED safeguarding flags yet; sharing is case by case through the hospital safeguarding team.",
        "staffs-csc/decision-data": "Performance reports go to the CE sub-group quarterly, but decisions are rarely minuted against them.",
        "stoke-education/decision-data": "Exclusion data reaches the board once a year in the annual report.",
    ]

    public struct Summary: Sendable {
        public var assessments = 0
        public var datasets = 0
        public var actions = 0
        public var meetings = 0
    }

    public static func seed(_ service: GovernanceService) async throws -> Summary? {
        let store = service.store
        guard try await store.maturityRounds().isEmpty else { return nil }
        var summary = Summary()
        let today = service.today
        let operator_ = Caller(accountID: nil, name: "Demo partnership analyst", role: .analyst, agencyID: nil, channel: .cli)
        let round = try await service.openRound(
            title: "Round 1 (\(today.year))", opened: today.adding(days: -56).description, closes: today.adding(days: 21).description,
            by: operator_)
        let q = round.questionnaire
        for (i, profile) in profiles.enumerated() {
            var answers: [MaturityAnswer] = []
            for (a, section) in q.areas.enumerated() {
                let level = profile.levels[a]
                for (n, question) in section.questions.enumerated() {
                    // The first question sits at the area's level; the second at it or one above, so the lower median is the level.
                    let value = n == 0 ? level : min(5, level + (i + a) % 2)
                    let dontKnow = profile.agency == "mpft-sh" && question.id.hasPrefix("analysis") && n == 1
                    answers.append(
                        MaturityAnswer(
                            questionID: question.id, level: dontKnow ? nil : MaturityLevel(rawValue: value),
                            evidence: evidence["\(profile.agency)/\(question.id)"]
                                ?? (dontKnow ? "The analysis is done by the trust's central team; we need to ask them." : "")))
                }
            }
            _ = try await service.saveAssessment(round: round.id, agency: profile.agency, answers: answers, submit: true, by: lead(profile.agency))
            summary.assessments += 1
        }
        // Stoke youth justice has started but not finished; the return interview provider has not started.
        let partial = q.questions.prefix(5).map { MaturityAnswer(questionID: $0.id, level: .learning) }
        _ = try await service.saveAssessment(round: round.id, agency: "stoke-yjs", answers: partial, submit: false, by: lead("stoke-yjs"))

        for input in dataMap {
            _ = try await service.createDataMapEntry(input, by: lead(input.agencyID))
            summary.datasets += 1
        }

        let accounts = try await store.allAccounts()
        let analyst = accounts.first { $0.role == .analyst }
        let lead = accounts.first { $0.role == .agencyLead }
        let by = Caller(accountID: analyst?.id, name: analyst?.name ?? "Partnership analyst", role: .analyst, agencyID: nil, channel: .cli)
        let meeting = try await service.recordMeeting(
            .init(
                title: "Data leads network", heldOn: today.adding(days: -21).description,
                attendees: [
                    "staffs-police": "Force analyst", "staffs-csc": "Head of performance", "stoke-csc": "Performance lead",
                    "uhnm-ed": "Named nurse, safeguarding",
                    "staffs-education": "Inclusion data manager", "staffs-yjs": "YJS information officer",
                ],
                notes:
                    "Walked through the first round of self-assessments and the data map. Health and education data sharing came out weakest; agencies agreed the heatmap is for planning support, not for comparing agencies.",
                decisions:
                    "Keep the data leads meeting every two months as a network.\nEach agency brings one data map correction to the next meeting.\nAsk the board for a sharing agreement covering ED safeguarding flags."
            ),
            by: by)
        summary.meetings = 1

        // Accept some of Dots' suggestions (as a person would, from the suggestions page), then add the meeting's own.
        let suggestions = try await service.suggestions(by: by)
        let wanted = ["maturity:partnership:decision-making", "maturity:uhnm-ed:sharing", "gap:submit:stoke-csc:missing_episodes"]
        var created: [ActionItem] = []
        for key in wanted {
            guard let s = suggestions.first(where: { $0.key == key }) else { continue }
            var input = GovernanceService.ActionInput(s)
            if s.agencyID == nil {
                input.ownerID = analyst?.id ?? ""; input.ownerName = "Partnership analyst"
            } else {
                input.ownerName = "Data lead, \(ReferencePartnership.model.agencyName(s.agencyID ?? ""))"
            }
            created.append(try await service.createAction(input, by: by))
        }
        let fromMeeting: [GovernanceService.ActionInput] = [
            .init(
                title: "Draft an information sharing agreement for ED safeguarding flags",
                detail: "For the board's approval: which flags, lawful basis (public task, with the Schedule 1 safeguarding condition), retention.",
                ownerName: "Named nurse, safeguarding (UHNM)", due: today.adding(days: -7).description, promptKind: "meeting", promptReference: meeting.id,
                promptText: "Data leads network, \(meeting.heldOn)", meetingID: meeting.id),
            .init(
                title: "Add exploitation type to the police incident extract", detail: "The flag exists in the crime system but is not in the monthly extract.",
                agencyID: "staffs-police", ownerID: lead?.id ?? "", ownerName: "Force analyst", due: today.adding(days: 40).description, promptKind: "meeting",
                promptReference: meeting.id,
                promptText: "Data leads network, \(meeting.heldOn)", meetingID: meeting.id),
            .init(
                title: "Publish the partnership data map to agencies", ownerID: analyst?.id ?? "", ownerName: "Partnership analyst",
                due: today.adding(days: -14).description,
                promptKind: "meeting", promptReference: meeting.id, promptText: "Data leads network, \(meeting.heldOn)", meetingID: meeting.id),
        ]
        for input in fromMeeting {
            created.append(try await service.createAction(input, by: by))
        }
        if let published = created.first(where: { $0.title.hasPrefix("Publish") }) {
            _ = try await service.updateAction(
                id: published.id, .init(note: "Shared with every agency's data lead by email.", status: ActionStatus.done.rawValue), by: by)
        }
        if let police = created.first(where: { $0.agencyID == "staffs-police" }) {
            _ = try await service.updateAction(
                id: police.id, .init(note: "Extract change requested from the force's systems team.", status: ActionStatus.inProgress.rawValue), by: by)
        }
        summary.actions = created.count

        // Commentary: approved on a question and an indicator (an analyst writes, the admin approves), and one
        // awaiting approval, so a newcomer sees both sides.
        if let admin = accounts.first(where: { $0.role == .admin }), analyst != nil {
            let approver = Caller(accountID: admin.id, name: admin.name, role: .admin, agencyID: nil, channel: .cli)
            let notes: [GovernanceService.CommentaryInput] = [
                .init(
                    subject: "question", subjectID: "cohort", partnership: "joint-ce", period: "2025-26",
                    says:
                        "The number of children screened as at medium or high risk of exploitation is about level with a year ago; Stoke-on-Trent's share has grown.",
                    doesNotSay: "Screenings count children agencies have noticed, not every child at risk: schools and health screen few children yet.",
                    doing: "Education and health leads are piloting the screening tool this term (see the action plan)."),
                .init(
                    subject: "indicator", subjectID: "rhi-completed-72h", partnership: "joint-ce", period: "2025-26",
                    says: "Fewer than half of return home interviews are completed within 72 hours of a child coming back.",
                    doesNotSay: "Why interviews are late: the provider records when one was offered, not why it was not completed.",
                    doing: "The commissioner has asked the provider to record the reason for each late interview from next quarter."),
            ]
            for input in notes {
                let c = try await service.writeCommentary(input, by: by)
                _ = try await service.approveCommentary(id: c.id, by: approver)
            }
            _ = try await service.writeCommentary(
                .init(
                    subject: "indicator", subjectID: "missing-children", partnership: "stoke-scp", period: "2025-26",
                    says: "A draft for the next sub-group: children missing from home or care are counted once a period, however often they go missing."),
                by: by)
        }
        return summary
    }

    /// An agency's data lead in the demo, who completes its assessment and records its datasets.
    static func lead(_ agency: String) -> Caller {
        Caller(accountID: nil, name: "Demo \(agency) data lead", role: .agencyLead, agencyID: agency, channel: .cli)
    }

    static let dataMap: [GovernanceService.DataMapInput] = [
        .init(
            agencyID: "staffs-csc", name: "Exploitation screening tool", dataset: "ce_screenings", system: "Liquidlogic LCS",
            recorded: "Screening date, risk level, exploitation type, outcome", recordingMethod: "structured",
            coverage: "Every child screened for exploitation in Staffordshire",
            coverageFrom: "2019-04-01", refresh: "live", access: "Children's services practitioners; MASH; the performance team",
            sharingAgreement: "Staffordshire safeguarding ISA (2024)",
            lawfulBasis: "public-task", qualityIssues: "Exploitation type is left blank on about 1 in 10 screenings.",
            owner: "Head of performance, Staffordshire CSC"),
        .init(
            agencyID: "staffs-csc", name: "MACE meeting records", dataset: "mace_discussions", system: "Liquidlogic LCS (MACE module)",
            recorded: "Children discussed at MACE, date, risk before and after, actions", recordingMethod: "mixed",
            coverage: "Children discussed at the Staffordshire MACE",
            coverageFrom: "2020-09-01", refresh: "monthly", access: "MACE members", sharingAgreement: "Staffordshire safeguarding ISA (2024)",
            lawfulBasis: "public-task",
            qualityIssues: "Actions are free text.", owner: "MACE coordinator"),
        .init(
            agencyID: "stoke-csc", name: "Exploitation screening tool", dataset: "ce_screenings", system: "Mosaic",
            recorded: "Screening date, risk level, exploitation type",
            recordingMethod: "structured", coverage: "Every child screened for exploitation in Stoke-on-Trent", coverageFrom: "2021-04-01", refresh: "live",
            access: "Children's social care; the performance team", sharingAgreement: "Stoke-on-Trent children's ISA", lawfulBasis: "public-task",
            qualityIssues: "", owner: "Performance lead, Stoke CSC"),
        .init(
            agencyID: "stoke-csc", name: "Missing episodes (children in care)", dataset: "missing_episodes", system: "Mosaic",
            recorded: "Missing and absent episodes of children in care, return interview offered and completed", recordingMethod: "structured",
            coverage: "Children in care to Stoke-on-Trent", coverageFrom: "2021-04-01", refresh: "live", access: "Children's social care", sharingAgreement: "",
            lawfulBasis: "public-task",
            qualityIssues: "Not yet extracted for the partnership: the police and return interview provider supply episodes instead.",
            owner: "Performance lead, Stoke CSC"),
        .init(
            agencyID: "staffs-police", name: "Incidents with child exploitation flags", dataset: "police_incidents", system: "Niche RMS",
            recorded: "Incidents involving children, with exploitation and county lines flags and location", recordingMethod: "structured",
            coverage: "Incidents in Staffordshire and Stoke-on-Trent", coverageFrom: "2019-04-01", refresh: "daily",
            access: "Force analysts; public protection unit",
            sharingAgreement: "Staffordshire safeguarding ISA (2024)", lawfulBasis: "public-task",
            qualityIssues: "Exploitation type is missing from the monthly extract.", owner: "Force analyst"),
        .init(
            agencyID: "staffs-police", name: "Missing person reports", dataset: "missing_episodes", system: "COMPACT",
            recorded: "Missing episodes of children, found location",
            recordingMethod: "structured", coverage: "Every child reported missing", coverageFrom: "2019-04-01", refresh: "daily",
            access: "Missing persons unit",
            sharingAgreement: "Staffordshire safeguarding ISA (2024)", lawfulBasis: "public-task", qualityIssues: "", owner: "Missing persons coordinator"),
        .init(
            agencyID: "staffs-police", name: "Intelligence reports", informs: ["disruption"], system: "Niche RMS (intelligence)",
            recorded: "Intelligence about places, associates and exploiters", recordingMethod: "free-text", coverage: "Force-wide", coverageFrom: "2019-04-01",
            refresh: "live", access: "Vetted police staff only", sharingAgreement: "", lawfulBasis: "legal-obligation",
            qualityIssues: "Free text; cannot be shared as data, only as analysts' summaries.", owner: "Head of intelligence"),
        .init(
            agencyID: "uhnm-ed", name: "ED attendances with safeguarding flags", dataset: "health_contacts", system: "Symphony ED system",
            recorded: "Attendances of children with assault, self-harm or exploitation concern flags", recordingMethod: "mixed", coverage: "Royal Stoke ED",
            coverageFrom: "2022-01-01", refresh: "monthly", access: "Hospital safeguarding team", sharingAgreement: "", lawfulBasis: "public-task",
            qualityIssues: "Exploitation concern is a free-text note in about half of attendances.", owner: "Named nurse, safeguarding"),
        .init(
            agencyID: "staffs-education", name: "Suspensions, exclusions and children missing education", dataset: "education_events", system: "Capita One",
            recorded: "Suspensions, permanent exclusions, children missing education, elective home education", recordingMethod: "structured",
            coverage: "Staffordshire schools", coverageFrom: "2019-09-01", refresh: "weekly", access: "Inclusion service",
            sharingAgreement: "Staffordshire safeguarding ISA (2024)",
            lawfulBasis: "legal-obligation", qualityIssues: "Academies report suspensions late.", owner: "Inclusion data manager"),
        .init(
            agencyID: "staffs-yjs", name: "Youth justice case records", dataset: "youth_justice", system: "ChildView",
            recorded: "Offences, outcomes, assessments",
            recordingMethod: "structured", coverage: "Children known to Staffordshire YJS", coverageFrom: "2019-04-01", refresh: "monthly",
            access: "YJS practitioners",
            sharingAgreement: "Staffordshire safeguarding ISA (2024)", lawfulBasis: "public-task", qualityIssues: "", owner: "YJS information officer"),
        .init(
            agencyID: "rhi-provider", name: "Return home interviews", dataset: "missing_episodes", informs: ["voice"], system: "Provider case system",
            recorded: "Interviews offered and completed after missing episodes, and what the young person said", recordingMethod: "mixed",
            coverage: "Children returning from missing across the partnership", coverageFrom: "2020-04-01", refresh: "monthly",
            access: "Provider workers; the commissioning local authorities", sharingAgreement: "Return home interview contract schedule",
            lawfulBasis: "public-task",
            qualityIssues: "The young person's words are free text.", owner: "Service manager"),
    ]
}

import DotsApp
import DotsCore
import DotsGovernance
import DotsStore
import DotsTestSupport
import DotsWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("The partnership's method in the web app and API: maturity, data map, actions, meetings")
struct GovernanceWebTests {
    let q = DefaultQuestionnaire.load()

    static func signedIn(_ app: Application, _ role: Role) async throws -> WebTestClient {
        var client = WebTestClient(app)
        _ = try await client.signIn("\(role.rawValue)@example.org", WebFixture.password)
        return client
    }

    static func csrf(_ client: inout WebTestClient, _ path: String = "/account") async throws -> String {
        try #require(WebTestClient.csrf(in: try await client.send(.GET, path)))
    }

    static func openRound(_ store: HubStore, opened: String = "2026-10-01") async throws -> MaturityRound {
        try await GovernanceService(store: store, spec: try FrameworkService.load(), clock: WebFixture.clock).openRound(
            title: "Round 1", opened: opened, closes: "", by: .commandLine(user: "test"))
    }

    static func json(_ client: inout WebTestClient, _ method: HTTPMethod, _ path: String, _ body: String, csrf: String) async throws -> TestingHTTPResponse {
        try await client.send(method, path, body: ByteBuffer(string: body), headers: ["Content-Type": "application/json", "X-CSRF-Token": csrf])
    }

    @Test(
        "An agency data lead saves a draft, is told what is missing, submits, then resubmits; the heatmap shows only submissions",
        arguments: StoreKind.available)
    func assessment(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            let round = try await Self.openRound(store)
            var lead = try await Self.signedIn(app, .agencyLead)
            let form = try await lead.send(.GET, "/maturity/agencies/staffs-police/edit")
            #expect(form.status == .ok)
            #expect(form.body.string.contains("value=\"dont-know\"") && form.body.string.contains("name=\"level-collection-what\""))
            let token = try #require(WebTestClient.csrf(in: form))

            // A draft with one answer and an evidence note on an unanswered question.
            let draft = try await lead.send(
                .POST, "/maturity/agencies/staffs-police/edit",
                form: [
                    "csrf": token, "action": "draft", "level-collection-what": "3",
                    "evidence-systems-fit": "Niche extracts — ask Zoë",
                ])
            #expect(draft.status == .seeOther)
            let saved = try #require(try await store.maturityAssessment(round: round.id, agency: "staffs-police"))
            #expect(saved.status == .draft && saved.answers.count == 2)
            #expect(saved.answer("systems-fit")?.unanswered == true && saved.answer("systems-fit")?.evidence == "Niche extracts — ask Zoë")
            var heat = try await lead.send(.GET, "/maturity")
            #expect(heat.body.string.contains("0 of 10</strong> agencies have submitted"))
            #expect(heat.body.string.contains("In progress"))

            // Submitting with questions unanswered names each in the error summary, and keeps what was sent.
            let missing = try await lead.send(
                .POST, "/maturity/agencies/staffs-police/edit", form: ["csrf": token, "action": "submit", "level-collection-what": "4"])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("href=\"#collection-gaps-level\""))
            #expect(
                missing.body.string.components(separatedBy: "Choose the statement most like your agency").count - 1 == 2 * (q.questions.count - 1),
                "each missing question in the summary and beside it")
            #expect(missing.body.string.contains("id=\"collection-what-level-4\" name=\"level-collection-what\" type=\"radio\" value=\"4\" checked"))

            var all: [String: String] = ["csrf": token, "action": "submit"]
            for question in q.questions { all["level-\(question.id)"] = "2" }
            all["level-sharing-agreements"] = "dont-know"
            all["level-collection-what"] = "4"
            #expect(try await lead.send(.POST, "/maturity/agencies/staffs-police/edit", form: all).status == .seeOther)
            heat = try await lead.send(.GET, "/maturity")
            #expect(heat.body.string.contains("1 of 10</strong> agencies have submitted"))
            // Collection: Mastering? no: 4 and 2 → lower median Emerging; sharing: 2 and don't know → Emerging.
            let view = try await lead.send(.GET, "/maturity/agencies/staffs-police")
            #expect(view.body.string.contains("<td>Data collection</td><td><span class=\"dots-level dots-level--2\">Emerging</span></td><td>2 of 2</td>"))
            #expect(view.body.string.contains("<td>Sharing</td><td><span class=\"dots-level dots-level--2\">Emerging</span></td><td>1 of 2, 1 don't know</td>"))

            // A changed draft stays private: the partnership still sees the submission until the resubmission.
            var changed = all
            changed["level-collection-gaps"] = "5"
            changed["level-collection-what"] = "5"
            changed["action"] = "draft"
            #expect(try await lead.send(.POST, "/maturity/agencies/staffs-police/edit", form: changed).status == .seeOther)
            var analyst = try await Self.signedIn(app, .analyst)
            #expect(
                try await analyst.send(.GET, "/maturity/agencies/staffs-police").body.string.contains(
                    "<td>Data collection</td><td><span class=\"dots-level dots-level--2\">Emerging</span>"))
            changed["action"] = "submit"
            #expect(try await lead.send(.POST, "/maturity/agencies/staffs-police/edit", form: changed).status == .seeOther)
            let after = try await analyst.send(.GET, "/maturity/agencies/staffs-police").body.string
            #expect(after.contains("<td>Data collection</td><td><span class=\"dots-level dots-level--5\">Mastering</span>"))
            #expect(after.contains("submission 2; earlier ones are kept"))
            #expect(try await store.maturitySubmissions(round: round.id, agency: "staffs-police").count == 2)

            // Only the agency's own assessment; analysts see all but complete none.
            #expect(try await lead.send(.GET, "/maturity/agencies/staffs-csc/edit").status == .forbidden)
            #expect(try await lead.send(.POST, "/maturity/agencies/staffs-csc/edit", form: all).status == .forbidden)
            #expect(try await analyst.send(.GET, "/maturity/agencies/staffs-police/edit").status == .forbidden)
            #expect(try await store.auditEvents().filter { $0.action == "maturity.submit" }.count == 2)
        }
    }

    @Test("A second round shows change since the first; analysts open rounds, with errors for bad dates", arguments: StoreKind.available)
    func rounds(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            let first = try await Self.openRound(store, opened: "2025-10-01")
            let service = GovernanceService(store: store, spec: try FrameworkService.load(), clock: WebFixture.clock)
            let answers = { (level: MaturityLevel) in self.q.questions.map { MaturityAnswer(questionID: $0.id, level: level) } }
            _ = try await service.saveAssessment(round: first.id, agency: "uhnm-ed", answers: answers(.emerging), submit: true, by: .commandLine(user: "t"))
            var analyst = try await Self.signedIn(app, .analyst)
            let token = try await Self.csrf(&analyst, "/maturity")
            let bad = try await analyst.send(.POST, "/maturity/rounds", form: ["csrf": token, "title": "", "opened": "2026-02-30", "closes": "2026-01-01"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Enter a title for the round") && bad.body.string.contains("as a real date"))
            let ok = try await analyst.send(
                .POST, "/maturity/rounds", form: ["csrf": token, "title": "Round 2", "opened": "2026-10-01", "closes": "2026-12-31"])
            #expect(ok.status == .seeOther)
            let second = try #require(try await store.maturityRounds().first)
            #expect(second.title == "Round 2")
            _ = try await service.saveAssessment(round: second.id, agency: "uhnm-ed", answers: answers(.developing), submit: true, by: .commandLine(user: "t"))
            let heat = try await analyst.send(.GET, "/maturity").body.string
            #expect(heat.contains("Arrows show change since Round 1"))
            #expect(heat.contains("<span class=\"dots-visually-hidden\">up 2 levels</span>"))
            let api = try await analyst.send(.GET, "/api/v1/maturity").body.string
            #expect(api.contains("\"change\":2") && api.contains("\"previousRound\":\"\(first.id)\""))
            let old = try await analyst.send(.GET, "/maturity?round=\(first.id)").body.string
            #expect(old.contains("first round") && !old.contains("up 2 levels"))
            var lead = try await Self.signedIn(app, .agencyLead)
            #expect(
                try await lead.send(.POST, "/maturity/rounds", form: ["csrf": try await Self.csrf(&lead), "title": "x", "opened": "2026-01-01"]).status
                    == .forbidden)
            let csv = try await analyst.send(.GET, "/maturity/export.csv")
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            #expect(
                csv.body.string.contains("uhnm-ed,University Hospitals of North Midlands (emergency departments),submitted,collection,Developing,4,2,0,2,2"))
        }
    }

    @Test("The data map: errors by field, an agency records only its own, coverage shows held but not submitted", arguments: StoreKind.available)
    func dataMap(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            var lead = try await Self.signedIn(app, .agencyLead)
            let token = try await Self.csrf(&lead, "/datamap/new")
            let bad = try await lead.send(.POST, "/datamap", form: ["csrf": token, "name": "Missing person reports", "coverageFrom": "2024-02-30"])
            #expect(bad.status == .unprocessableEntity)
            for message in [
                "Enter the system it is held in", "Choose how it is recorded", "Enter the date coverage starts as a real date", "Choose the lawful basis",
            ] {
                #expect(bad.body.string.contains(message), "\(message)")
            }
            #expect(bad.body.string.contains("value=\"Missing person reports\""), "what was typed is kept")
            let form = [
                "csrf": token, "agencyID": "stoke-csc", "name": "Missing person reports", "dataset": "missing_episodes", "system": "COMPACT",
                "recorded": "Episodes",
                "recordingMethod": "structured", "coverage": "Every child", "coverageFrom": "2020-02-29", "refresh": "daily", "access": "MPU",
                "lawfulBasis": "public-task",
                "owner": "Missing persons coordinator", "informs[]": "voice",
            ]
            let ok = try await lead.send(.POST, "/datamap", form: form)
            #expect(ok.status == .seeOther)
            let entry = try #require(try await store.dataMapEntries().first)
            #expect(entry.agencyID == "staffs-police", "an agency data lead records for their own agency whatever the form says")
            #expect(entry.coverageFrom == CalendarDate(iso: "2020-02-29") && entry.informs == ["voice"])
            let detail = try await lead.send(.GET, "/datamap/\(entry.id)").body.string
            #expect(detail.contains("What do children and families tell us about their experience of help?"))
            #expect(detail.contains("How often are children going missing, and who goes missing again and again?"))

            var analyst = try await Self.signedIn(app, .analyst)
            let coverage = try await analyst.send(.GET, "/datamap/coverage").body.string
            #expect(coverage.contains("Held, not submitted"))
            #expect(coverage.contains("Not held by the partnership"))
            let apiCoverage = try await analyst.send(.GET, "/api/v1/datamap/coverage").body.string
            #expect(apiCoverage.contains("\"heldNotSubmittedBy\":[\"staffs-police\"]"))
            #expect(try await analyst.send(.GET, "/datamap/new").status == .forbidden, "the partnership sees the map; agencies keep their own entries")

            // Another agency's entry cannot be changed by this lead; the admin can.
            var admin = try await Self.signedIn(app, .admin)
            var other = form
            other["csrf"] = try await Self.csrf(&admin, "/datamap/new")
            other["agencyID"] = "uhnm-ed"
            #expect(try await admin.send(.POST, "/datamap", form: other).status == .seeOther)
            let theirs = try #require(try await store.dataMapEntries(agency: "uhnm-ed").first)
            #expect(try await lead.send(.GET, "/datamap/\(theirs.id)/edit").status == .forbidden)
            #expect(try await lead.send(.POST, "/datamap/\(theirs.id)/edit", form: form).status == .forbidden)
            var edit = form
            edit["system"] = "COMPACT 2"
            #expect(try await lead.send(.POST, "/datamap/\(entry.id)/edit", form: edit).status == .seeOther)
            #expect(try await store.dataMapEntry(id: entry.id)?.system == "COMPACT 2")

            // The API answers 422 with every problem by field, 201 when recorded.
            let apiBad = try await Self.json(&lead, .POST, "/api/v1/datamap", #"{"name": "x"}"#, csrf: token)
            #expect(apiBad.status == .unprocessableEntity)
            #expect(apiBad.body.string.contains("\"field\":\"system\""))
            let apiOK = try await Self.json(
                &lead, .POST, "/api/v1/datamap",
                #"{"name": "ED flags", "system": "Symphony", "recorded": "Flags", "recordingMethod": "mixed", "coverage": "ED", "refresh": "monthly", "access": "Safeguarding team", "lawfulBasis": "not-known", "owner": "Named nurse", "agencyID": "uhnm-ed"}"#,
                csrf: token)
            #expect(apiOK.status == .created)
            #expect(apiOK.body.string.contains("\"agencyID\":\"staffs-police\""))
            let export = try await analyst.send(.GET, "/datamap/export.csv").body.string
            #expect(export.split(separator: "\n").count == 4)

            // Removing: only an entry of one's own agency; by the API too; audited.
            #expect(try await lead.send(.POST, "/datamap/\(theirs.id)/delete", form: ["csrf": token]).status == .forbidden)
            #expect(try await lead.send(.DELETE, "/api/v1/datamap/\(theirs.id)", headers: ["X-CSRF-Token": token]).status == .forbidden)
            let removed = try await lead.send(.POST, "/datamap/\(entry.id)/delete", form: ["csrf": token])
            #expect(removed.status == .seeOther)
            #expect(
                try await lead.send(.GET, try #require(removed.headers.first(name: .location))).body.string.contains(
                    "Missing person reports was removed from the data map."))
            #expect(try await store.dataMapEntry(id: entry.id) == nil)
            let apiEntry = try #require(try await store.dataMapEntries(agency: "staffs-police").first)
            #expect(try await lead.send(.DELETE, "/api/v1/datamap/\(apiEntry.id)", headers: ["X-CSRF-Token": token]).status == .noContent)
            #expect(try await store.dataMapEntries(agency: "staffs-police").isEmpty)
            #expect(try await store.auditEvents().filter { $0.action == "datamap.delete" }.count == 2)
        }
    }

    @Test("Actions: create with errors then good, update, close; views, suggestions, exports and who may change what", arguments: StoreKind.available)
    func actions(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            var analyst = try await Self.signedIn(app, .analyst)
            let token = try await Self.csrf(&analyst, "/actions/new")
            let bad = try await analyst.send(.POST, "/actions", form: ["csrf": token, "title": "", "due": "2027-02-29"])
            #expect(bad.status == .unprocessableEntity)
            #expect(
                bad.body.string.contains("Enter what the action is") && bad.body.string.contains("Enter who owns it") && bad.body.string.contains("real date"))
            let analystAccount = try #require(try await store.account(email: "analyst@example.org"))
            let created = try await analyst.send(
                .POST, "/actions",
                form: [
                    "csrf": token, "title": "Agree a definition of exploitation concern", "ownerID": analystAccount.id,
                    "due": "2026-11-23", "promptKind": "question", "promptText": "Who is at risk?",
                ])
            #expect(created.status == .seeOther)
            let action = try #require(try await store.actions().first)
            #expect(action.ownerName == analystAccount.name && action.agencyID == nil)
            #expect(
                try await analyst.send(.GET, "/actions?view=overdue").body.string.contains("Agree a definition of exploitation concern"),
                "due yesterday (24 Nov is today)")
            #expect(try await analyst.send(.GET, "/actions?view=mine").body.string.contains("Agree a definition"))

            // Progress: a note and in progress with a new due date; an empty update is refused; dropping needs a reason.
            #expect(try await analyst.send(.POST, "/actions/\(action.id)", form: ["csrf": token]).status == .unprocessableEntity)
            #expect(
                try await analyst.send(
                    .POST, "/actions/\(action.id)", form: ["csrf": token, "status": "in-progress", "due": "2027-01-31", "note": "Draft shared"]
                ).status == .seeOther)
            #expect(try await analyst.send(.POST, "/actions/\(action.id)", form: ["csrf": token, "status": "dropped"]).status == .unprocessableEntity)
            #expect(
                try await analyst.send(.POST, "/actions/\(action.id)", form: ["csrf": token, "status": "done", "note": "Agreed at the board"]).status
                    == .seeOther)
            let history = try await store.actionUpdates(id: action.id)
            #expect(history.map(\.status) == [.notStarted, .inProgress, .done])
            #expect(history[1].due == CalendarDate(iso: "2027-01-31") && history[2].due == nil)
            let page = try await analyst.send(.GET, "/actions/\(action.id)").body.string
            #expect(page.contains("Agreed at the board") && page.contains("status: Done"))
            #expect(!(try await analyst.send(.GET, "/actions?view=overdue").body.string.contains("Agree a definition")), "closed actions are never overdue")

            // An agency data lead adds their own agency's actions only, and cannot update the partnership's.
            var lead = try await Self.signedIn(app, .agencyLead)
            let leadToken = try await Self.csrf(&lead, "/actions/new")
            #expect(
                try await lead.send(
                    .POST, "/actions",
                    form: [
                        "csrf": leadToken, "title": "Add exploitation type to the extract", "ownerName": "Force analyst",
                        "due": "2027-03-31", "agencyID": "", "promptKind": "data-quality",
                    ]
                ).status == .seeOther)
            let leads = try #require(try await store.actions().first { $0.title.hasPrefix("Add exploitation") })
            #expect(leads.agencyID == "staffs-police")
            #expect(try await lead.send(.POST, "/actions/\(action.id)", form: ["csrf": leadToken, "note": "x"]).status == .forbidden)
            #expect(try await lead.send(.GET, "/actions").body.string.contains("Staffordshire Police: action plan"))
            // A strategic lead who owns an action may update it, but not add one.
            var board = try await Self.signedIn(app, .strategicLead)
            let boardAccount = try #require(try await store.account(email: "strategic-lead@example.org"))
            let boardToken = try await Self.csrf(&board)
            #expect(try await board.send(.POST, "/actions", form: ["csrf": boardToken, "title": "x"]).status == .forbidden)
            let owned = try await GovernanceService(store: store, spec: try FrameworkService.load(), clock: WebFixture.clock)
                .createAction(.init(title: "Report to the board", ownerID: boardAccount.id, due: "2027-01-01"), by: .commandLine(user: "t"))
            #expect(try await board.send(.POST, "/actions/\(owned.id)", form: ["csrf": boardToken, "note": "On the agenda"]).status == .seeOther)
            #expect(try await board.send(.POST, "/actions/\(leads.id)", form: ["csrf": boardToken, "note": "x"]).status == .forbidden)

            // An action points at the indicator that prompted it, and links to it; a question id given as an indicator is refused.
            let wrong = try await analyst.send(
                .POST, "/actions",
                form: [
                    "csrf": token, "title": "Fix the figure", "ownerName": "Sam", "due": "2027-01-01",
                    "promptKind": "indicator", "promptReference": "missing",
                ])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("indicators for an action an indicator prompted"))
            #expect(
                try await analyst.send(
                    .POST, "/actions",
                    form: [
                        "csrf": token, "title": "Fix the figure", "ownerName": "Sam", "due": "2027-01-01",
                        "promptKind": "indicator", "promptReference": "missing-children",
                    ]
                ).status == .seeOther)
            let fix = try #require(try await store.actions().first { $0.title == "Fix the figure" })
            #expect(try await analyst.send(.GET, "/actions/\(fix.id)").body.string.contains("href=\"/framework/indicators/missing-children\""))

            // Exports and the printable plan.
            let csv = try await analyst.send(.GET, "/actions/export.csv?view=all").body.string
            #expect(csv.split(separator: "\n").count == 5)
            let printable = try await analyst.send(.GET, "/actions/print?view=partnership").body.string
            #expect(printable.contains("Report to the board") && !printable.contains("Add exploitation type") && printable.contains("Latest progress"))
            // The API: PATCH with a note, POST with problems.
            let patched = try await Self.json(
                &analyst, .PATCH, "/api/v1/actions/\(leads.id)", #"{"status": "blocked", "note": "Waiting on the supplier"}"#, csrf: token)
            #expect(patched.status == .ok && patched.body.string.contains("\"status\":\"blocked\""))
            let refused = try await Self.json(&analyst, .POST, "/api/v1/actions", #"{"title": "y", "ownerName": "Sam", "due": "soon"}"#, csrf: token)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("\"field\":\"due\""))
        }
    }

    @Test("Suggestions come from the store's maturity and data map, and an accepted one is not suggested again", arguments: StoreKind.available)
    func suggestions(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            let round = try await Self.openRound(store)
            let service = GovernanceService(store: store, spec: try FrameworkService.load(), clock: WebFixture.clock)
            _ = try await service.saveAssessment(
                round: round.id, agency: "mpft-sh",
                answers: q.questions.map { MaturityAnswer(questionID: $0.id, level: $0.id.hasPrefix("analysis") ? .unaware : .learning) },
                submit: true, by: .commandLine(user: "t"))
            var analyst = try await Self.signedIn(app, .analyst)
            let page = try await analyst.send(.GET, "/actions/suggestions").body.string
            #expect(page.contains("Move analysis from Unaware to Emerging"))
            #expect(page.contains("Find a source for"), "with an empty data map nothing is held")
            let accept = try await analyst.send(.GET, "/actions/new?suggestion=maturity%3Ampft-sh%3Aanalysis")
            #expect(
                accept.status == .ok && accept.body.string.contains("value=\"Move analysis from Unaware to Emerging\"")
                    && accept.body.string.contains("Suggested by Dots"))
            let token = try #require(WebTestClient.csrf(in: accept))
            #expect(
                try await analyst.send(
                    .POST, "/actions",
                    form: [
                        "csrf": token, "title": "Move analysis up a level (edited)", "ownerName": "Trust data lead", "due": "2027-02-23",
                        "agencyID": "mpft-sh", "promptKind": "maturity-area", "promptReference": "analysis", "suggestionKey": "maturity:mpft-sh:analysis",
                    ]
                ).status == .seeOther)
            #expect(!(try await analyst.send(.GET, "/actions/suggestions").body.string.contains("Move analysis from Unaware")))
            #expect(try await analyst.send(.GET, "/actions/new?suggestion=maturity%3Ampft-sh%3Aanalysis").status == .notFound)
            #expect(try await store.actionSuggestionKeys() == ["maturity:mpft-sh:analysis"])
            // An agency data lead is offered only their agency's suggestions.
            var lead = try await Self.signedIn(app, .agencyLead)
            #expect(!(try await lead.send(.GET, "/actions/suggestions").body.string.contains("Find a source for")))
            // Nor can they use up another agency's suggestion by its predictable key, or attach a meeting that does not exist.
            _ = try await service.saveAssessment(
                round: round.id, agency: "uhnm-ed",
                answers: q.questions.map { MaturityAnswer(questionID: $0.id, level: $0.id.hasPrefix("sharing") ? .unaware : .learning) },
                submit: true, by: .commandLine(user: "t"))
            let leadToken = try await Self.csrf(&lead, "/actions/new")
            let stolen = try await lead.send(
                .POST, "/actions",
                form: [
                    "csrf": leadToken, "title": "Taken", "ownerName": "Someone", "due": "2027-02-23",
                    "promptKind": "other", "suggestionKey": "maturity:uhnm-ed:sharing",
                ])
            #expect(stolen.status == .unprocessableEntity)
            #expect(try await store.actionSuggestionKeys() == ["maturity:mpft-sh:analysis"])
            let noMeeting = try await lead.send(
                .POST, "/actions",
                form: [
                    "csrf": leadToken, "title": "Taken", "ownerName": "Someone", "due": "2027-02-23",
                    "promptKind": "other", "meetingID": "meeting-that-does-not-exist",
                ])
            #expect(noMeeting.status == .unprocessableEntity)
        }
    }

    @Test("Data leads meetings: a future date is refused; the record shows who came, decisions and the actions raised", arguments: StoreKind.available)
    func meetings(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            var analyst = try await Self.signedIn(app, .analyst)
            let token = try await Self.csrf(&analyst, "/meetings/new")
            let future = try await analyst.send(.POST, "/meetings", form: ["csrf": token, "title": "Data leads network", "heldOn": "2026-11-25"])
            #expect(future.status == .unprocessableEntity)
            #expect(future.body.string.contains("today or in the past") && future.body.string.contains("Record at least one agency that attended"))
            let ok = try await analyst.send(
                .POST, "/meetings",
                form: [
                    "csrf": token, "title": "Data leads network", "heldOn": "2026-11-24", "attendee-staffs-police": "Force analyst",
                    "attendee-uhnm-ed": "Named nurse", "decisions": "Meet every two months\n\nBring one correction each",
                ])
            #expect(ok.status == .seeOther)
            let meeting = try #require(try await store.meetings().first)
            #expect(meeting.decisions == ["Meet every two months", "Bring one correction each"] && meeting.attendees.count == 2)
            let raise = try await analyst.send(.GET, "/actions/new?meeting=\(meeting.id)")
            #expect(raise.body.string.contains("Data leads network, 2026-11-24"))
            _ = try await analyst.send(
                .POST, "/actions",
                form: [
                    "csrf": token, "title": "Correct the data map", "ownerName": "Each data lead", "due": "2027-01-20",
                    "promptKind": "meeting", "meetingID": meeting.id, "promptText": "Data leads network, 2026-11-24",
                ])
            let page = try await analyst.send(.GET, "/meetings/\(meeting.id)").body.string
            #expect(page.contains("Force analyst") && page.contains("Bring one correction each") && page.contains("Correct the data map"))
            var lead = try await Self.signedIn(app, .agencyLead)
            #expect(try await lead.send(.GET, "/meetings/new").status == .forbidden)
            #expect(try await lead.send(.GET, "/meetings").status == .ok)
        }
    }

    @Test("The API: an assessment saved and submitted by PUT, with every problem by field; meetings recorded by POST", arguments: StoreKind.available)
    func api(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            let round = try await Self.openRound(store)
            var lead = try await Self.signedIn(app, .agencyLead)
            let token = try await Self.csrf(&lead)
            let bad = try await Self.json(
                &lead, .PUT, "/api/v1/maturity/staffs-police", #"{"answers": [{"questionID": "collection-what", "level": 7}], "submit": true}"#, csrf: token)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("\"field\":\"collection-what-level\""))
            let answers = q.questions.map { #"{"questionID": "\#($0.id)", "level": 3, "evidence": "API"}"# }.joined(separator: ",")
            let draft = try await Self.json(&lead, .PUT, "/api/v1/maturity/staffs-police", #"{"answers": [\#(answers)]}"#, csrf: token)
            #expect(draft.status == .ok && draft.body.string.contains("\"status\":\"draft\""))
            let submitted = try await Self.json(&lead, .PUT, "/api/v1/maturity/staffs-police", #"{"answers": [\#(answers)], "submit": true}"#, csrf: token)
            #expect(submitted.status == .ok && submitted.body.string.contains("\"status\":\"submitted\""))
            #expect(try await store.maturitySubmissions(round: round.id, agency: "staffs-police").count == 1)
            #expect(try await Self.json(&lead, .PUT, "/api/v1/maturity/uhnm-ed", #"{"answers": []}"#, csrf: token).status == .forbidden)
            var analyst = try await Self.signedIn(app, .analyst)
            let seen = try await analyst.send(.GET, "/api/v1/maturity").body.string
            #expect(seen.contains("\"levelNumber\":3") && seen.contains("\"status\":\"submitted\""))
            let analystToken = try await Self.csrf(&analyst)
            let meeting = try await Self.json(
                &analyst, .POST, "/api/v1/meetings",
                #"{"title": "Data leads", "heldOn": "2026-11-20", "attendees": {"stoke-csc": "Performance lead"}, "decisions": "One\nTwo"}"#, csrf: analystToken
            )
            #expect(meeting.status == .created)
            #expect(try await store.meetings().first?.decisions == ["One", "Two"])
            #expect(try await Self.json(&lead, .POST, "/api/v1/meetings", #"{"title": "x"}"#, csrf: token).status == .forbidden)
        }
    }
}

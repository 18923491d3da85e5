import DotsApp
import DotsCore
import DotsGovernance
import DotsStore
import Vapor

/// Data maturity: the heatmap, an agency's results, the self-assessment form, new rounds, exports.
struct MaturityRoutes {
    let context: WebContext
    var service: GovernanceService { context.governance }

    func register(_ app: Application) {
        app.get("maturity", use: heatmap)
        app.post("maturity", "rounds", use: openRound)
        app.get("maturity", "questionnaire", use: questionnaire)
        app.get("maturity", "export.csv") { try await export($0, .csv) }
        app.get("maturity", "export.md") { try await export($0, .md) }
        app.get("maturity", "agencies", ":agency", use: agency)
        app.get("maturity", "agencies", ":agency", "edit", use: form)
        app.post("maturity", "agencies", ":agency", "edit", use: save)
    }

    func layout(_ req: Request, _ title: String) -> Layout {
        Layout(title: title, user: req.currentUser, active: "maturity", csrf: req.currentUser?.csrfToken)
    }

    /// The round asked for (`?round=`), or the newest; nil when none has been opened.
    func round(_ req: Request, among rounds: [MaturityRound]? = nil) async throws -> MaturityRound? {
        let rounds = if let rounds { rounds } else { try await context.store.maturityRounds() }
        guard let id = req.query[String.self, at: "round"] else { return rounds.first }
        guard let r = rounds.first(where: { $0.id == id }) else { throw Abort(.notFound, reason: "There is no such round.") }
        return r
    }

    func heatmap(_ req: Request) async throws -> Response {
        let user = try req.require(.viewGovernance)
        let rounds = try await context.store.maturityRounds()
        guard let round = try await round(req, among: rounds) else {
            return page(layout(req, "Data maturity").render(MaturityPages.none(user, csrf: user.csrfToken ?? "")))
        }
        let summary = try await service.summary(round: round, rounds: rounds)
        return page(layout(req, "Data maturity").render(MaturityPages.heatmap(user, summary: summary, rounds: rounds, csrf: user.csrfToken ?? "")))
    }

    func openRound(_ req: Request) async throws -> Response {
        let user = try req.require(.manageRounds)
        let f = try GovernanceRouting.fields(req)
        do {
            let round = try await service.openRound(title: f["title"] ?? "", opened: f["opened"] ?? "", closes: f["closes"] ?? "")
            try await GovernanceRouting.audit(context, user, "maturity.round.open", round.id)
            return req.redirect(to: "/maturity?round=\(HTML.query(round.id))")
        } catch let e as InvalidInput {
            let html: String
            if let current = try await service.round(nil) {
                html = MaturityPages.heatmap(user, summary: try await service.summary(round: current), rounds: try await context.store.maturityRounds(),
                                             csrf: user.csrfToken ?? "", roundErrors: e.formErrors, roundForm: f)
            } else {
                html = MaturityPages.none(user, csrf: user.csrfToken ?? "", errors: e.formErrors, values: f)
            }
            return page(layout(req, "Error: Data maturity").render(html), status: .unprocessableEntity)
        }
    }

    func questionnaire(_ req: Request) async throws -> Response {
        _ = try req.require(.viewGovernance)
        let q = try await round(req)?.questionnaire ?? DefaultQuestionnaire.load()
        return page(layout(req, q.title).render(MaturityPages.questionnaire(q), backLink: ("/maturity", "Data maturity")))
    }

    func export(_ req: Request, _ format: GovernanceExport.Format) async throws -> Response {
        _ = try req.require(.viewGovernance)
        guard let round = try await round(req) else { throw Abort(.notFound, reason: "No round has been opened yet.") }
        return GovernanceRouting.download(GovernanceExport.maturity(try await service.summary(round: round), format: format), name: "dots-maturity-\(round.id)", format: format)
    }

    func agency(_ req: Request) async throws -> Response {
        let user = try req.require(.viewGovernance)
        let agency = try GovernanceRouting.agency(req.parameters.get("agency"))
        guard let round = try await round(req) else { return req.redirect(to: "/maturity") }
        let summary = try await service.summary(round: round)
        let shown = try await service.visibleAssessments(round: round.id).first { $0.agencyID == agency.id }
        // The working draft is the agency's own (and the admin's) until submitted.
        let draft = user.mayEdit(agency: agency.id) && user.can(.assessMaturity) ? try await context.store.maturityAssessment(round: round.id, agency: agency.id) : nil
        let history = try await context.store.maturitySubmissions(round: round.id, agency: agency.id)
        return page(layout(req, "Data maturity: \(agency.name)").render(
            MaturityPages.agency(user, agency: agency, round: round, shown: shown, draft: draft, row: summary.rows.first { $0.agencyID == agency.id },
                                 history: history, saved: req.query[String.self, at: "saved"]),
            backLink: ("/maturity?round=\(HTML.query(round.id))", "Data maturity")))
    }

    /// The agency and round a form is for, if this person may edit that agency's assessment.
    func editable(_ req: Request) async throws -> (CurrentUser, Agency, MaturityRound) {
        let user = try req.require(.assessMaturity)
        let agency = try GovernanceRouting.agency(req.parameters.get("agency"))
        guard user.mayEdit(agency: agency.id) else { throw Abort(.forbidden, reason: "You can complete only your own agency's assessment.") }
        guard let round = try await round(req) else { throw Abort(.notFound, reason: "No round has been opened yet.") }
        return (user, agency, round)
    }

    func form(_ req: Request) async throws -> Response {
        let (user, agency, round) = try await editable(req)
        let assessment = try await context.store.maturityAssessment(round: round.id, agency: agency.id)
        return page(layout(req, "Self-assessment: \(agency.name)").render(MaturityPages.form(agency: agency, round: round, assessment: assessment, csrf: user.csrfToken ?? ""),
                                                                          backLink: ("/maturity/agencies/\(agency.id)?round=\(HTML.query(round.id))", agency.name)))
    }

    /// Reads the form's answers: a statement's level, "dont-know", or nothing chosen (kept as unanswered when it has evidence).
    static func answers(_ f: [String: String], _ q: MaturityQuestionnaire) -> [MaturityAnswer] {
        q.questions.compactMap { question in
            let evidence = TextRules.trimmed(f["evidence-\(question.id)"] ?? "")
            switch f["level-\(question.id)"] {
            case "dont-know": return MaturityAnswer(questionID: question.id, level: nil, evidence: evidence)
            case let v?: if let level = Int(v).flatMap(MaturityLevel.init(rawValue:)) { return MaturityAnswer(questionID: question.id, level: level, evidence: evidence) }
            case nil: break
            }
            return evidence.isEmpty ? nil : MaturityAnswer(questionID: question.id, level: nil, evidence: evidence, unanswered: true)
        }
    }

    func save(_ req: Request) async throws -> Response {
        let (user, agency, round) = try await editable(req)
        let f = try GovernanceRouting.fields(req)
        let submit = f["action"] == "submit"
        do {
            _ = try await service.saveAssessment(round: round, agency: agency.id, answers: Self.answers(f, round.questionnaire), submit: submit, by: user.actor)
            try await GovernanceRouting.audit(context, user, submit ? "maturity.submit" : "maturity.draft", "\(round.id)/\(agency.id)")
            return req.redirect(to: "/maturity/agencies/\(agency.id)?round=\(HTML.query(round.id))&saved=\(submit ? "submitted" : "draft")")
        } catch let e as InvalidInput {
            let assessment = try await context.store.maturityAssessment(round: round.id, agency: agency.id)
            return page(layout(req, "Error: Self-assessment: \(agency.name)").render(
                MaturityPages.form(agency: agency, round: round, assessment: assessment, values: f, csrf: user.csrfToken ?? "", errors: e.formErrors),
                backLink: ("/maturity/agencies/\(agency.id)?round=\(HTML.query(round.id))", agency.name)), status: .unprocessableEntity)
        }
    }
}

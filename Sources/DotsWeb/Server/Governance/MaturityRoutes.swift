import DotsApp
import DotsCore
import DotsGovernance
import Vapor

/// Data maturity: the heatmap, an agency's results, the self-assessment form, new rounds, exports. Decodes,
/// calls `GovernanceService`, renders.
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

    /// The heatmap of the round asked for (or the newest), or the page that says none is open.
    func heatmapPage(_ req: Request, _ user: CurrentUser, errors: FormControls.Errors = [], values: [String: String] = [:]) async throws -> Response {
        let title = (errors.isEmpty ? "" : "Error: ") + "Data maturity"
        let status: HTTPResponseStatus = errors.isEmpty ? .ok : .unprocessableEntity
        let rounds = try await service.rounds(by: user.caller)
        guard let round = try await service.round(errors.isEmpty ? req.query[String.self, at: "round"] : nil, by: user.caller) else {
            return page(layout(req, title).render(MaturityPages.none(user, csrf: user.csrfToken ?? "", errors: errors, values: values)), status: status)
        }
        let summary = try await service.summary(round: round, rounds: rounds, by: user.caller)
        return page(
            layout(req, title).render(
                MaturityPages.heatmap(user, summary: summary, rounds: rounds, csrf: user.csrfToken ?? "", roundErrors: errors, roundForm: values)),
            status: status)
    }

    func heatmap(_ req: Request) async throws -> Response {
        try await heatmapPage(req, try req.signedIn())
    }

    func openRound(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let f = try GovernanceRouting.fields(req)
        do {
            let round = try await service.openRound(title: f["title"] ?? "", opened: f["opened"] ?? "", closes: f["closes"] ?? "", by: user.caller)
            return req.redirect(to: "/maturity?round=\(HTML.query(round.id))")
        } catch let e as InvalidInput {
            return try await heatmapPage(req, user, errors: e.formErrors, values: f)
        }
    }

    func questionnaire(_ req: Request) async throws -> Response {
        let q = try await service.round(req.query[String.self, at: "round"], by: try req.caller())?.questionnaire ?? DefaultQuestionnaire.load()
        return page(layout(req, q.title).render(MaturityPages.questionnaire(q), backLink: ("/maturity", "Data maturity")))
    }

    func export(_ req: Request, _ format: GovernanceExport.Format) async throws -> Response {
        let caller = try req.caller()
        let id = req.query[String.self, at: "round"]
        let text = try await service.exportMaturity(round: id, format: format, by: caller)
        let round = try await service.round(id, by: caller)
        return GovernanceRouting.download(text, name: "dots-maturity-\(round?.id ?? "round")", format: format)
    }

    func agency(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        guard let m = try await service.agencyMaturity(agency: req.parameters.get("agency"), round: req.query[String.self, at: "round"], by: user.caller) else {
            return req.redirect(to: "/maturity")
        }
        return page(
            layout(req, "Data maturity: \(m.agency.name)").render(
                MaturityPages.agency(
                    user, agency: m.agency, round: m.round, shown: m.shown, draft: m.draft, row: m.row, history: m.history,
                    saved: req.query[String.self, at: "saved"]),
                backLink: ("/maturity?round=\(HTML.query(m.round.id))", "Data maturity")))
    }

    func formPage(_ req: Request, _ user: CurrentUser, values: [String: String]? = nil, errors: FormControls.Errors = []) async throws -> Response {
        let (agency, round, draft) = try await service.assessmentDraft(
            round: req.query[String.self, at: "round"], agency: req.parameters.get("agency"), by: user.caller)
        let title = (errors.isEmpty ? "" : "Error: ") + "Self-assessment: \(agency.name)"
        return page(
            layout(req, title).render(
                MaturityPages.form(agency: agency, round: round, assessment: draft, values: values, csrf: user.csrfToken ?? "", errors: errors),
                backLink: ("/maturity/agencies/\(agency.id)?round=\(HTML.query(round.id))", agency.name)),
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func form(_ req: Request) async throws -> Response {
        try await formPage(req, try req.signedIn())
    }

    /// Reads the form's answers: a statement's level, "dont-know", or nothing chosen (kept as unanswered when it has evidence).
    static func answers(_ f: [String: String], _ q: MaturityQuestionnaire) -> [MaturityAnswer] {
        q.questions.compactMap { question in
            let evidence = TextRules.trimmed(f["evidence-\(question.id)"] ?? "")
            switch f["level-\(question.id)"] {
            case "dont-know": return MaturityAnswer(questionID: question.id, level: nil, evidence: evidence)
            case let v?:
                if let level = Int(v).flatMap(MaturityLevel.init(rawValue:)) {
                    return MaturityAnswer(questionID: question.id, level: level, evidence: evidence)
                }
            case nil: break
            }
            return evidence.isEmpty ? nil : MaturityAnswer(questionID: question.id, level: nil, evidence: evidence, unanswered: true)
        }
    }

    func save(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let (agency, round) = try await service.editableAssessment(
            round: req.query[String.self, at: "round"], agency: req.parameters.get("agency"), by: user.caller)
        let f = try GovernanceRouting.fields(req)
        let submit = f["action"] == "submit"
        do {
            _ = try await service.saveAssessment(
                round: round.id, agency: agency.id, answers: Self.answers(f, round.questionnaire), submit: submit, by: user.caller)
            return req.redirect(to: "/maturity/agencies/\(agency.id)?round=\(HTML.query(round.id))&saved=\(submit ? "submitted" : "draft")")
        } catch let e as InvalidInput {
            return try await formPage(req, user, values: f, errors: e.formErrors)
        }
    }
}

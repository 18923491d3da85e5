import DotsApp
import DotsCore
import Vapor

/// The data quality review, in pages and the API. Agency data leads see their own agency; the partnership sees all.
struct QualityRoutes {
    let context: WebContext

    struct DatasetQuality: Content {
        let agency: String, dataset: String, submission: String, status: String, receivedAt: String, rows: Int
        let completeness: Double?, validity: Double?, consistency: Double?, uniqueness: Double?, timeliness: Double?, medianLagDays: Int?
        let fieldsToFix: [FieldToFix]

        init(_ s: SubmissionRecord) {
            let q = s.quality
            agency = s.agency; dataset = s.dataset.rawValue; submission = s.id; status = s.status.rawValue
            receivedAt = s.receivedAt.description; rows = q?.rows ?? s.rows
            completeness = q?.completeness; validity = q?.validity; consistency = q?.consistency; uniqueness = q?.uniqueness
            timeliness = q?.timeliness; medianLagDays = q?.medianLagDays
            fieldsToFix = (q?.fieldsToFix ?? []).map { FieldToFix(field: $0.field, mainIssue: $0.mainIssue, errors: $0.errors, blanks: $0.blanks) }
        }
    }
    struct FieldToFix: Content { let field: String, mainIssue: String, errors: Int, blanks: Int }

    func register(_ app: Application) {
        app.get("quality", use: overview)
        app.get("quality", ":agency", ":dataset", use: detail)
        app.get("api", "v1", "quality", use: apiOverview)
        app.get("api", "v1", "quality", ":agency", ":dataset", use: apiDetail)
    }

    func layout(_ req: Request, _ title: String) -> Layout {
        Layout(title: title, user: req.currentUser, active: "quality", csrf: req.currentUser?.csrfToken)
    }

    static func partnershipForm(_ chosen: String?, today: CalendarDate) -> HTML {
        let options: [HTML] =
            ["<option value=\"\">Every agency</option>"]
            + ReferencePartnership.partnerships.forChoosing(on: today).map { p in
                "<option value=\"\(p.id)\"\(p.id == chosen ? " selected" : "")>\(p.name)</option>"
            }
        return """
            <form method="get" action="/quality" class="dots-filter">
              <div class="dots-form-group"><label class="dots-label" for="partnership">Partnership</label>
                <select class="dots-select" id="partnership" name="partnership">\(options.joined())</select></div>
              <button type="submit" class="dots-button dots-button--secondary">Show</button>
            </form>
            """
    }

    func overview(_ req: Request) async throws -> Response {
        let partnership = req.query[String.self, at: "partnership"]
        let o = try await context.quality.overview(partnership: partnership, by: try req.caller())
        let filter = o.choosesPartnership ? Self.partnershipForm(partnership, today: UKTime.localDate(of: context.clock.now())) : ""
        return page(layout(req, "Data quality").render(QualityPages.overview(scopeName: o.scopeName, agencies: o.agencies, current: o.current, filter: filter)))
    }

    func detail(_ req: Request) async throws -> Response {
        let h = try await context.quality.history(agency: req.parameters.get("agency"), dataset: req.parameters.get("dataset"), by: try req.caller())
        return page(
            layout(req, "Data quality: \(h.dataset.schema.title), \(h.agency.name)").render(
                QualityPages.detail(agency: h.agency, dataset: h.dataset, history: h.submissions), backLink: ("/quality", "Data quality")))
    }

    func apiOverview(_ req: Request) async throws -> [DatasetQuality] {
        try await context.quality.overview(by: try req.caller()).current.map(DatasetQuality.init)
    }

    /// Every submission of one dataset, newest first, rejected ones included (their quality was measured too).
    func apiDetail(_ req: Request) async throws -> [DatasetQuality] {
        try await context.quality.history(agency: req.parameters.get("agency"), dataset: req.parameters.get("dataset"), by: try req.caller()).submissions.map(
            DatasetQuality.init)
    }
}

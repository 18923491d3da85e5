import DotsCore
import DotsStore
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

    /// The agencies this person sees: their own, or (for the partnership) every agency, or those of one
    /// partnership as it is today (or was on its last day, if it has ended).
    func scoped(_ user: CurrentUser, partnership: String? = nil) -> (agencies: [Agency], agency: String?, name: String) {
        switch user.agencyScope {
        case .only(let own):
            return (ReferencePartnership.agencies.filter { $0.id == own }, own, "Showing \(SubmissionPages.agencyName(own))")
        case .all:
            guard let p = partnership.flatMap({ id in ReferencePartnership.partnerships.first { $0.id == id } }) else {
                return (ReferencePartnership.agencies, nil, "Showing every agency")
            }
            let today = UKTime.localDate(of: context.clock.now())
            let ids = Set(p.agencyIDs(on: p.valid.end.map { min($0, today) } ?? today))
            return (ReferencePartnership.agencies.filter { ids.contains($0.id) }, nil, "Showing the agencies of \(p.name)")
        }
    }

    static func partnershipForm(_ chosen: String?) -> String {
        let options = ["<option value=\"\">Every agency</option>"] + ReferencePartnership.partnerships.map { p in
            "<option value=\"\(p.id.html)\"\(p.id == chosen ? " selected" : "")>\(p.name.html)</option>"
        }
        return """
        <form method="get" action="/quality" class="dots-filter">
          <div class="dots-form-group"><label class="dots-label" for="partnership">Partnership</label>
            <select class="dots-select" id="partnership" name="partnership">\(options.joined())</select></div>
          <button type="submit" class="dots-button dots-button--secondary">Show</button>
        </form>
        """
    }

    /// The agency and dataset named in the path, if this person may see them.
    func target(_ req: Request, _ user: CurrentUser) throws -> (Agency, Dataset) {
        guard let a = req.parameters.get("agency").flatMap({ id in ReferencePartnership.agencies.first { $0.id == id } }),
              user.agencyScope.includes(a.id),
              let d = req.parameters.get("dataset").flatMap(Dataset.init(rawValue:)) else {
            throw Abort(.notFound, reason: "There is no such agency and dataset you can see.")
        }
        return (a, d)
    }

    func overview(_ req: Request) async throws -> Response {
        let user = try req.require(.viewSubmissions)
        let partnership = req.query[String.self, at: "partnership"]
        let scope = scoped(user, partnership: partnership)
        let ids = Set(scope.agencies.map(\.id))
        let current = try await context.store.currentSubmissions(agency: scope.agency).filter { ids.contains($0.agency) }
        let filter = user.agencyScope == .all ? Self.partnershipForm(partnership) : ""
        return page(layout(req, "Data quality").render(QualityPages.overview(scopeName: scope.name, agencies: scope.agencies, current: current, filter: filter)))
    }

    func detail(_ req: Request) async throws -> Response {
        let user = try req.require(.viewSubmissions)
        let (agency, dataset) = try target(req, user)
        let history = try await context.store.submissions(agency: agency.id, dataset: dataset)
        return page(layout(req, "Data quality: \(dataset.schema.title), \(agency.name)").render(
            QualityPages.detail(agency: agency, dataset: dataset, history: history), backLink: ("/quality", "Data quality")))
    }

    func apiOverview(_ req: Request) async throws -> [DatasetQuality] {
        let user = try req.require(.viewSubmissions)
        return try await context.store.currentSubmissions(agency: scoped(user).agency).map(DatasetQuality.init)
    }

    /// Every submission of one dataset, newest first, rejected ones included (their quality was measured too).
    func apiDetail(_ req: Request) async throws -> [DatasetQuality] {
        let user = try req.require(.viewSubmissions)
        let (agency, dataset) = try target(req, user)
        return try await context.store.submissions(agency: agency.id, dataset: dataset).map(DatasetQuality.init)
    }
}

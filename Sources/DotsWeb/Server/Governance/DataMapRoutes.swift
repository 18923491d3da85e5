import DotsApp
import DotsCore
import DotsGovernance
import DotsStore
import Vapor

/// The data map: the catalogue, a dataset's record and form, the coverage view, exports.
struct DataMapRoutes {
    let context: WebContext
    var service: GovernanceService { context.governance }

    /// A data map form as the browser sends it.
    struct Form: Content {
        var agencyID: String?, name: String?, dataset: String?, informs: [String]?, system: String?, recorded: String?, recordingMethod: String?
        var coverage: String?, coverageFrom: String?, coverageTo: String?, refresh: String?, access: String?, sharingAgreement: String?
        var lawfulBasis: String?, qualityIssues: String?, owner: String?

        func input(agency: String) -> GovernanceService.DataMapInput {
            .init(agencyID: agency, name: name ?? "", dataset: dataset ?? "", informs: informs ?? [], system: system ?? "", recorded: recorded ?? "",
                  recordingMethod: recordingMethod ?? "", coverage: coverage ?? "", coverageFrom: coverageFrom ?? "", coverageTo: coverageTo ?? "",
                  refresh: refresh ?? "", access: access ?? "", sharingAgreement: sharingAgreement ?? "", lawfulBasis: lawfulBasis ?? "",
                  qualityIssues: qualityIssues ?? "", owner: owner ?? "")
        }
    }

    func register(_ app: Application) {
        app.get("datamap", use: list)
        app.get("datamap", "new", use: newForm)
        app.post("datamap", use: create)
        app.get("datamap", "coverage", use: coverage)
        app.get("datamap", "export.csv") { try await export($0, .csv) }
        app.get("datamap", "export.md") { try await export($0, .md) }
        app.get("datamap", ":id", use: detail)
        app.get("datamap", ":id", "edit", use: editForm)
        app.post("datamap", ":id", "edit", use: update)
        app.post("datamap", ":id", "delete", use: remove)
    }

    func layout(_ req: Request, _ title: String) -> Layout {
        Layout(title: title, user: req.currentUser, active: "datamap", csrf: req.currentUser?.csrfToken)
    }

    func list(_ req: Request) async throws -> Response {
        let user = try req.require(.viewGovernance)
        let agency = req.query[String.self, at: "agency"].flatMap { $0.isEmpty ? nil : $0 }
        let entries = try await context.store.dataMapEntries(agency: agency)
        return page(layout(req, "Data map").render(DataMapPages.list(user, entries: entries, agency: agency, removed: req.query[String.self, at: "removed"])))
    }

    func entry(_ req: Request) async throws -> DataMapEntry {
        guard let e = try await context.store.dataMapEntry(id: req.parameters.get("id") ?? "") else { throw Abort(.notFound, reason: "There is no such dataset on the data map.") }
        return e
    }

    func detail(_ req: Request) async throws -> Response {
        let user = try req.require(.viewGovernance)
        let e = try await entry(req)
        return page(layout(req, e.name).render(DataMapPages.detail(user, e, spec: context.spec, saved: req.query[String.self, at: "saved"] != nil), backLink: ("/datamap", "Data map")))
    }

    func newForm(_ req: Request) async throws -> Response {
        let user = try req.require(.editDataMap)
        return page(layout(req, "Record a dataset").render(DataMapPages.form(user, spec: context.spec, input: .init(agencyID: user.agencyScope.agencyID ?? ""), id: nil, csrf: user.csrfToken ?? ""),
                                                           backLink: ("/datamap", "Data map")))
    }

    func create(_ req: Request) async throws -> Response {
        let user = try req.require(.editDataMap)
        let form = try req.content.decode(Form.self)
        // An agency data lead records for their own agency whatever the form says.
        let input = form.input(agency: user.agencyScope.agencyID ?? form.agencyID ?? "")
        return try await save(req, user, id: nil, input)
    }

    func editable(_ req: Request) async throws -> (CurrentUser, DataMapEntry) {
        let user = try req.require(.editDataMap)
        let e = try await entry(req)
        guard user.mayEdit(agency: e.agencyID) else { throw Abort(.forbidden, reason: "You can change only your own agency's datasets.") }
        return (user, e)
    }

    func editForm(_ req: Request) async throws -> Response {
        let (user, e) = try await editable(req)
        return page(layout(req, "Change a dataset").render(DataMapPages.form(user, spec: context.spec, input: .init(e), id: e.id, csrf: user.csrfToken ?? ""),
                                                           backLink: ("/datamap/\(e.id)", e.name)))
    }

    func update(_ req: Request) async throws -> Response {
        let (user, e) = try await editable(req)
        let form = try req.content.decode(Form.self)
        // The holding agency does not change on edit (an admin moving it would record it again).
        return try await save(req, user, id: e.id, form.input(agency: e.agencyID))
    }

    func remove(_ req: Request) async throws -> Response {
        let (user, e) = try await editable(req)
        try await service.removeDataMapEntry(e)
        try await GovernanceRouting.audit(context, user, "datamap.delete", e.id, e.name)
        return req.redirect(to: "/datamap?removed=\(HTML.query(e.name))")
    }

    func save(_ req: Request, _ user: CurrentUser, id: String?, _ input: GovernanceService.DataMapInput) async throws -> Response {
        do {
            let saved = try await service.saveDataMapEntry(id: id, input, by: user.actor)
            try await GovernanceRouting.audit(context, user, id == nil ? "datamap.create" : "datamap.update", saved.id)
            return req.redirect(to: "/datamap/\(saved.id)?saved=1")
        } catch let e as InvalidInput {
            return page(layout(req, "Error: \(id == nil ? "Record a dataset" : "Change a dataset")").render(
                DataMapPages.form(user, spec: context.spec, input: input, id: id, csrf: user.csrfToken ?? "", errors: e.formErrors), backLink: ("/datamap", "Data map")),
                        status: .unprocessableEntity)
        }
    }

    func coverage(_ req: Request) async throws -> Response {
        _ = try req.require(.viewGovernance)
        let gaps = Dictionary(grouping: try await context.store.frameworkGaps(), by: \.questionID).mapValues { $0.map(\.gap) }
        return page(layout(req, "What data could answer each question").render(
            DataMapPages.coverage(try await service.coverage(), spec: context.spec, entries: try await context.store.dataMapEntries(), gaps: gaps), backLink: ("/datamap", "Data map")))
    }

    func export(_ req: Request, _ format: GovernanceExport.Format) async throws -> Response {
        _ = try req.require(.viewGovernance)
        return GovernanceRouting.download(try await service.exportDataMap(format: format), name: "dots-datamap", format: format)
    }
}

import DotsApp
import DotsCore
import DotsGovernance
import Vapor

/// The data map: the catalogue, a dataset's record and form, the coverage view, exports. Decodes, calls
/// `GovernanceService`, renders.
struct DataMapRoutes {
    let context: WebContext
    var service: GovernanceService { context.governance }

    /// A data map form as the browser sends it.
    struct Form: Content {
        var agencyID: String?, name: String?, dataset: String?, informs: [String]?, system: String?, recorded: String?, recordingMethod: String?
        var coverage: String?, coverageFrom: String?, coverageTo: String?, refresh: String?, access: String?, sharingAgreement: String?
        var lawfulBasis: String?, qualityIssues: String?, owner: String?

        var input: GovernanceService.DataMapInput {
            .init(
                agencyID: agencyID ?? "", name: name ?? "", dataset: dataset ?? "", informs: informs ?? [], system: system ?? "", recorded: recorded ?? "",
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

    var id: (Request) -> String { { $0.parameters.get("id") ?? "" } }

    func list(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let agency = req.query[String.self, at: "agency"].flatMap { $0.isEmpty ? nil : $0 }
        let entries = try await service.dataMapEntries(agency: agency, by: user.caller)
        return page(layout(req, "Data map").render(DataMapPages.list(user, entries: entries, agency: agency, removed: req.query[String.self, at: "removed"])))
    }

    func detail(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let e = try await service.dataMapEntry(id: id(req), by: user.caller)
        return page(
            layout(req, e.name).render(
                DataMapPages.detail(user, e, spec: context.spec, saved: req.query[String.self, at: "saved"] != nil), backLink: ("/datamap", "Data map")))
    }

    func form(_ req: Request, _ user: CurrentUser, _ input: GovernanceService.DataMapInput, id: String?, errors: FormControls.Errors = []) -> Response {
        let title = (errors.isEmpty ? "" : "Error: ") + (id == nil ? "Record a dataset" : "Change a dataset")
        let html = DataMapPages.form(user, spec: context.spec, input: input, id: id, csrf: user.csrfToken ?? "", errors: errors)
        return page(
            layout(req, title).render(html, backLink: id.map { ("/datamap/\($0)", input.name) } ?? ("/datamap", "Data map")),
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func newForm(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        return form(req, user, try service.newDataMapInput(by: user.caller), id: nil)
    }

    func create(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let input = try req.content.decode(Form.self).input
        do {
            let saved = try await service.createDataMapEntry(input, by: user.caller)
            return req.redirect(to: "/datamap/\(saved.id)?saved=1")
        } catch let e as InvalidInput {
            return form(req, user, input, id: nil, errors: e.formErrors)
        }
    }

    func editForm(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let e = try await service.editableDataMapEntry(id: id(req), by: user.caller)
        return form(req, user, .init(e), id: e.id)
    }

    func update(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let existing = try await service.editableDataMapEntry(id: id(req), by: user.caller)
        var input = try req.content.decode(Form.self).input
        input.agencyID = existing.agencyID
        do {
            let saved = try await service.updateDataMapEntry(id: existing.id, input, by: user.caller)
            return req.redirect(to: "/datamap/\(saved.id)?saved=1")
        } catch let e as InvalidInput {
            return form(req, user, input, id: existing.id, errors: e.formErrors)
        }
    }

    func remove(_ req: Request) async throws -> Response {
        let removed = try await service.removeDataMapEntry(id: id(req), by: try req.caller())
        return req.redirect(to: "/datamap?removed=\(HTML.query(removed.name))")
    }

    func coverage(_ req: Request) async throws -> Response {
        let v = try await service.coverageView(by: try req.caller())
        return page(
            layout(req, "What data could answer each question").render(
                DataMapPages.coverage(v.coverage, spec: context.spec, entries: v.entries, gaps: v.gaps),
                backLink: ("/datamap", "Data map")))
    }

    func export(_ req: Request, _ format: GovernanceExport.Format) async throws -> Response {
        GovernanceRouting.download(try await service.exportDataMap(format: format, by: try req.caller()), name: "dots-datamap", format: format)
    }
}

import DotsApp
import DotsCore
import Vapor

/// The places around young people: calls `PlacesService` (which owns who may read it and what is hidden), renders.
struct PlacesRoutes {
    let context: WebContext

    func register(_ app: Application) {
        app.get("framework", "places", use: places)
    }

    func places(_ req: Request) async throws -> Response {
        let service = context.useCases.places
        let caller = try req.caller()
        let places = try await service.context(by: caller)
        let type = PoliceCrimeType(rawValue: req.query[String.self, at: "type"] ?? "") ?? .drugs
        let finerDistricts = try await service.districtsWithFinerAreas()
        let within = req.query[String.self, at: "within"] ?? finerDistricts.first?.code ?? ""
        let finer = try await service.finer(district: within, type: type, by: caller)
        let layout = Layout(title: "Places around young people", user: req.currentUser, active: "framework", csrf: req.currentUser?.csrfToken)
        return page(layout.render(PlacesPage.render(places, type: type, finerDistricts: finerDistricts, finer: finer), backLink: ("/framework", "Framework")))
    }
}

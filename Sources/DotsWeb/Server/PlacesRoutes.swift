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
        let places = try await context.useCases.places.context(by: try req.caller())
        let type = PoliceCrimeType(rawValue: req.query[String.self, at: "type"] ?? "") ?? .drugs
        let layout = Layout(title: "Places around young people", user: req.currentUser, active: "framework", csrf: req.currentUser?.csrfToken)
        return page(layout.render(PlacesPage.render(places, type: type), backLink: ("/framework", "Framework")))
    }
}

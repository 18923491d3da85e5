import DotsApp
import DotsCore
import Vapor

/// Cohort journeys: calls `CohortJourneyService` (which owns who may read it and what is hidden), renders.
struct CohortJourneyRoutes {
    let context: WebContext

    func register(_ app: Application) {
        app.get("framework", "journeys", use: cohort)
    }

    func cohort(_ req: Request) async throws -> Response {
        let view = try await context.useCases.cohortJourneys.view(by: try req.caller())
        let layout = Layout(title: "Journeys through services", user: req.currentUser, active: "framework", csrf: req.currentUser?.csrfToken)
        return page(layout.render(CohortJourneyPage.render(view), backLink: ("/framework", "Framework")))
    }
}

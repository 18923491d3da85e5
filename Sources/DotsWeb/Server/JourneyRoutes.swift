import DotsApp
import DotsCore
import DotsJourney
import Vapor

/// A young person's journey: decodes the lookup, calls `JourneyService` (which owns who may see whom, the
/// purpose and the audit), renders. The id travels in a POST body, never in an address that logs and
/// histories keep.
struct JourneyRoutes {
    let context: WebContext
    var journeys: JourneyService { context.useCases.journeys }

    func register(_ app: Application) {
        app.get("journeys", use: lookup)
        app.post("journeys", use: open)
    }

    func render(_ req: Request, _ title: String, _ main: HTML, status: HTTPResponseStatus = .ok) -> Response {
        let layout = Layout(title: title, user: req.currentUser, active: "journeys", csrf: req.currentUser?.csrfToken)
        let response = page(layout.render(main), status: status)
        // A young person's records are never kept by a browser or a proxy.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    func lookup(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let agency = try journeys.agency(of: user.caller)
        return render(req, "Find a young person", JourneyPages.lookup(agency: agency, practitioner: user.role == .practitioner, csrf: user.csrfToken ?? ""))
    }

    func open(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let agency = try journeys.agency(of: user.caller)
        let f = (try? req.content.decode([String: String].self)) ?? [:]
        let id = f["id"] ?? ""
        let lookup: JourneyService.Lookup = f["kind"] == "partnership" ? .partnershipID(id) : .agencyPersonID(id)
        func again(_ errors: [(field: String, message: String)], _ status: HTTPResponseStatus) -> Response {
            render(
                req, "Error: Find a young person",
                JourneyPages.lookup(agency: agency, practitioner: user.role == .practitioner, csrf: user.csrfToken ?? "", values: f, errors: errors),
                status: status)
        }
        do {
            let journey = try await journeys.open(lookup, purpose: ViewPurpose(rawValue: f["purpose"] ?? ""), by: user.caller)
            return render(req, "Young person \(journey.partnershipID)", JourneyPages.journey(journey, agency: agency))
        } catch let e as InvalidInput {
            return again(e.formErrors, .unprocessableEntity)
        } catch let e as NotFound {
            return again([("id", e.reason)], .notFound)
        }
    }
}

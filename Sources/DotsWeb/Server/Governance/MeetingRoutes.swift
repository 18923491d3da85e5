import DotsApp
import DotsCore
import DotsGovernance
import Vapor

/// The data leads network: meetings and the form to record one. Decodes, calls `GovernanceService`, renders.
struct MeetingRoutes {
    let context: WebContext
    var service: GovernanceService { context.governance }

    func register(_ app: Application) {
        app.get("meetings", use: list)
        app.get("meetings", "new", use: form)
        app.post("meetings", use: create)
        app.get("meetings", ":id", use: detail)
    }

    func layout(_ req: Request, _ title: String) -> Layout {
        Layout(title: title, user: req.currentUser, active: "meetings", csrf: req.currentUser?.csrfToken)
    }

    func list(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let meetings = try await service.meetings(by: user.caller)
        return page(
            layout(req, "Data leads network").render(MeetingPages.list(user, meetings: meetings, actions: try await service.actions(.all, by: user.caller))))
    }

    func detail(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let (m, actions) = try await service.meeting(id: req.parameters.get("id") ?? "", by: user.caller)
        return page(
            layout(req, m.title).render(
                MeetingPages.detail(user, m, actions: actions, today: service.today, saved: req.query[String.self, at: "saved"] != nil),
                backLink: ("/meetings", "Data leads network")))
    }

    func form(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        return page(
            layout(req, "Record a meeting").render(
                MeetingPages.form(input: try service.newMeetingInput(by: user.caller), csrf: user.csrfToken ?? ""),
                backLink: ("/meetings", "Data leads network")))
    }

    func create(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let f = try GovernanceRouting.fields(req)
        var attendees: [String: String] = [:]
        for a in ReferencePartnership.agencies {
            if let people = f["attendee-\(a.id)"], !TextRules.trimmed(people).isEmpty { attendees[a.id] = people }
        }
        let input = GovernanceService.MeetingInput(
            title: f["title"] ?? "", heldOn: f["heldOn"] ?? "", attendees: attendees, notes: f["notes"] ?? "", decisions: f["decisions"] ?? "")
        do {
            let m = try await service.recordMeeting(input, by: user.caller)
            return req.redirect(to: "/meetings/\(m.id)?saved=1")
        } catch let e as InvalidInput {
            return page(
                layout(req, "Error: Record a meeting").render(
                    MeetingPages.form(input: input, csrf: user.csrfToken ?? "", errors: e.formErrors), backLink: ("/meetings", "Data leads network")),
                status: .unprocessableEntity)
        }
    }
}

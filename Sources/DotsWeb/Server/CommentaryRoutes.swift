import DotsApp
import DotsCore
import DotsFramework
import DotsGovernance
import Vapor

/// Commentary on questions and indicators: the form to write, the approvers' queue, approve and send back.
/// Decodes, calls `GovernanceService`, renders; the rules (who writes, who approves, never one's own) are there.
struct CommentaryRoutes {
    let context: WebContext
    var service: GovernanceService { context.governance }

    func register(_ app: Application) {
        app.get("framework", "commentary", use: queue)
        app.get("framework", "commentary", "new", use: form)
        app.post("framework", "commentary", use: write)
        app.post("framework", "commentary", ":id", "approve", use: approve)
        app.post("framework", "commentary", ":id", "return", use: sendBack)
    }

    func layout(_ req: Request, _ title: String) -> Layout {
        Layout(title: title, user: req.currentUser, active: "framework", csrf: req.currentUser?.csrfToken)
    }

    /// What the commentary is on, in words (the question, or the indicator's title).
    func title(_ subject: String, _ id: String) -> String {
        subject == Commentary.Subject.question.rawValue
            ? context.spec.questions.first { $0.id == id }?.question ?? id : context.spec.indicators.first { $0.id == id }?.title ?? id
    }

    func queue(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let items = try await service.commentaryAwaitingApproval(by: user.caller)
        let done: String? =
            switch req.query[String.self, at: "done"] {
            case "approved": "Approved: it now shows on its page."
            case "returned": "Sent back to its author."
            case "written": "Sent for approval: another analyst approves it before anyone else reads it."
            default: nil
            }
        return page(
            layout(req, "Commentary awaiting approval").render(
                CommentaryPages.queue(
                    items, titles: { title($0.subject.rawValue, $0.subjectID) }, me: user.caller.accountID, csrf: user.csrfToken ?? "", done: done),
                backLink: ("/framework", "All questions")))
    }

    func form(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let input = try service.newCommentaryInput(
            subject: req.query[String.self, at: "subject"] ?? "", id: req.query[String.self, at: "id"] ?? "",
            partnership: req.query[String.self, at: "partnership"] ?? "", period: req.query[String.self, at: "period"] ?? "", by: user.caller)
        return page(
            layout(req, "Write commentary").render(
                CommentaryPages.form(input, title: "Commentary: \(title(input.subject, input.subjectID))", csrf: user.csrfToken ?? ""),
                backLink: (back(input), "Back")))
    }

    func write(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        // A body that does not decode is an empty form: the use case first checks who is asking, then says what is missing.
        let input = (try? req.content.decode(GovernanceService.CommentaryInput.self)) ?? GovernanceService.CommentaryInput()
        do {
            _ = try await service.writeCommentary(input, by: user.caller)
            return req.redirect(to: "/framework/commentary?done=written")
        } catch let e as InvalidInput {
            return page(
                layout(req, "Error: Write commentary").render(
                    CommentaryPages.form(
                        input, title: "Commentary: \(title(input.subject, input.subjectID))", csrf: user.csrfToken ?? "", errors: e.formErrors),
                    backLink: (back(input), "Back")),
                status: .unprocessableEntity)
        }
    }

    func approve(_ req: Request) async throws -> Response {
        _ = try await service.approveCommentary(id: req.parameters.get("id") ?? "", by: try req.caller())
        return req.redirect(to: "/framework/commentary?done=approved")
    }

    func sendBack(_ req: Request) async throws -> Response {
        struct Form: Content { var note: String? }
        let note = (try? req.content.decode(Form.self))?.note ?? ""
        _ = try await service.returnCommentary(id: req.parameters.get("id") ?? "", note: note, by: try req.caller())
        return req.redirect(to: "/framework/commentary?done=returned")
    }

    /// The page the commentary is about.
    func back(_ input: GovernanceService.CommentaryInput) -> String {
        let p = "partnership=\(HTML.query(input.partnership))"
        return input.subject == Commentary.Subject.indicator.rawValue ? "/framework/indicators/\(HTML.query(input.subjectID))?\(p)" : "/framework?\(p)"
    }
}

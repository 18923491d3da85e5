import DotsApp
import DotsCore
import DotsGovernance
import DotsStore
import Vapor

/// What the governance routes share: who is acting, the agency named in a path, form errors, audit.
extension CurrentUser {
    var actor: GovernanceService.Actor { .init(accountID: id, name: name) }

    /// Whether this person may change `agency`'s assessment or data map: their own agency, or any for an admin.
    func mayEdit(agency: String) -> Bool { agencyScope.includes(agency) }
}

extension InvalidInput {
    var formErrors: [(field: String, message: String)] { problems.map { ($0.field, $0.message) } }
}

enum GovernanceRouting {
    static func agency(_ id: String?) throws -> Agency {
        guard let a = id.flatMap(ReferencePartnership.model.agency(id:)) else {
            throw Abort(.notFound, reason: "There is no such agency in the partnership.")
        }
        return a
    }

    static func audit(_ context: WebContext, _ user: CurrentUser, _ action: String, _ target: String, _ detail: String? = nil) async throws {
        try await context.store.audit(AuditEvent(at: context.clock.now(), accountID: user.id, action: action, target: target, detail: detail))
    }

    /// A download: CSV or Markdown text.
    static func download(_ text: String, name: String, format: GovernanceExport.Format) -> Response {
        let type = format == .csv ? "text/csv; charset=utf-8" : "text/markdown; charset=utf-8"
        return Response(status: .ok, headers: ["Content-Type": type, "Content-Disposition": "attachment; filename=\"\(name).\(format.rawValue)\""], body: .init(string: text))
    }

    /// Form bodies as a flat dictionary (field → last value), for forms whose fields are named after questions.
    static func fields(_ req: Request) throws -> [String: String] {
        (try? req.content.decode([String: String].self)) ?? [:]
    }
}

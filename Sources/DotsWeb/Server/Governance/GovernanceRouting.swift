import DotsApp
import DotsCore
import DotsGovernance
import Vapor

extension InvalidInput {
    /// The problems as a form shows them, field by field.
    var formErrors: [(field: String, message: String)] { problems.map { ($0.field, $0.message) } }
}

/// What the governance routes share: downloads and flat form bodies.
enum GovernanceRouting {
    /// A download: CSV or Markdown text.
    static func download(_ text: String, name: String, format: GovernanceExport.Format) -> Response {
        let type = format == .csv ? "text/csv; charset=utf-8" : "text/markdown; charset=utf-8"
        return Response(
            status: .ok, headers: ["Content-Type": type, "Content-Disposition": "attachment; filename=\"\(name).\(format.rawValue)\""],
            body: .init(string: text))
    }

    /// Form bodies as a flat dictionary (field → last value), for forms whose fields are named after questions.
    static func fields(_ req: Request) throws -> [String: String] {
        (try? req.content.decode([String: String].self)) ?? [:]
    }
}

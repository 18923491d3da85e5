import DotsApp
import DotsCore
import DotsFramework
import DotsGovernance
import Vapor

/// The JSON API: what the pages show, for other tools. Same sign-in (session) or an API token
/// (`Authorization: Bearer dots_…`); the same `AccessPolicy` decides exact or disclosure-controlled figures.
struct APIRoutes {
    let context: WebContext

    struct Figure: Content {
        let period: String, periodKind: String, scope: String, breakdown: String, group: String, stat: String
        let numerator: String, denominator: String, value: String, status: String
        init(_ p: PublishedCell) {
            period = p.cell.period; periodKind = p.cell.periodKind; scope = p.cell.scope; breakdown = p.cell.breakdown; group = p.cell.group
            stat = p.cell.stat; numerator = p.numerator; denominator = p.denominator; value = p.value; status = p.cell.status.rawValue
        }
    }
    struct IndicatorSummary: Content { let id: String, title: String, latest: Figure?, yearEarlier: Figure?, rag: String? }
    /// Approved commentary (a second person approved it; nothing unapproved is ever in the API).
    struct Note: Content {
        let period: String, says: String, doesNotSay: String, doing: String, writtenBy: String, approvedBy: String?, approvedAt: String?
        init(_ c: Commentary) {
            period = c.period; says = c.says; doesNotSay = c.doesNotSay; doing = c.doing; writtenBy = c.writtenBy; approvedBy = c.reviewedBy
            approvedAt = c.reviewedAt?.description
        }
    }
    struct QuestionSummary: Content { let id: String, question: String, indicators: [IndicatorSummary], gaps: [String], commentary: Note? }
    struct Overview: Content {
        let framework: String, version: String, computedAt: String, scope: String, exactFigures: Bool
        /// The disclosure control the figures went through, in words; nil for exact figures.
        let disclosureControl: String?
        let questions: [QuestionSummary]
    }
    struct IndicatorDetail: Content {
        let id: String, title: String, definition: String, scope: String, exactFigures: Bool, disclosureControl: String?, trend: [Figure],
            breakdowns: [Figure], gaps: [String], commentary: Note?
    }

    func register(_ app: Application) {
        app.get("api", "openapi.json") { _ in
            Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(string: OpenAPIDocument.json))
        }
        app.get("api", "v1", "framework", use: overview)
        app.get("api", "v1", "framework", "indicators", ":id", use: indicator)
    }

    func loaded(_ req: Request) async throws -> (FrameworkResults.Reading, FrameworkFilter) {
        guard let reading = try await context.framework.reading(by: try req.caller()) else {
            throw NotFound("The framework has not been computed on this store yet.")
        }
        return (reading, FrameworkFilter(req, today: UKTime.localDate(of: context.clock.now())))
    }

    func overview(_ req: Request) async throws -> Overview {
        let (reading, filter) = try await loaded(req)
        let report = reading.report
        let notes = try await context.governance.questionCommentary(partnership: filter.partnership, by: try req.caller())
        let questions = report.spec.questions.map { q in
            QuestionSummary(
                id: q.id, question: q.question,
                indicators: q.indicators.map { ind in
                    let head = filter.kind(for: ind).flatMap { report.headline(ind, scope: filter.scope, kind: $0, within: filter.valid) }
                    return IndicatorSummary(
                        id: ind.id, title: ind.title, latest: head.map { Figure($0.latest) }, yearEarlier: head?.yearEarlier.map(Figure.init),
                        rag: head.flatMap { FrameworkReport.rag($0.latest, ind) })
                }, gaps: report.gaps.filter { $0.questionID == q.id }.map(\.gap.detail), commentary: notes[q.id].map(Note.init))
        }
        return Overview(
            framework: report.spec.name, version: report.spec.version, computedAt: report.run.computedAt.description, scope: filter.scope,
            exactFigures: reading.exact, disclosureControl: report.disclosureControl, questions: questions)
    }

    func indicator(_ req: Request) async throws -> IndicatorDetail {
        let (reading, filter) = try await loaded(req)
        let report = reading.report
        let id = req.parameters.get("id") ?? ""
        guard let ind = report.spec.indicators.first(where: { $0.id == id }) else { throw NotFound("There is no indicator \(Excerpt.of(id)).") }
        var view = IndicatorPage(report: report, indicator: ind, question: nil, filter: filter, exact: reading.exact)
        // As on the page, figures by LSOA come a district at a time.
        view.lsoaDistrict = req.query[String.self, at: "within"].flatMap { w in ReferenceGeography.localAreas.first { $0.code == w } }
        let (trend, breakdowns, _) = view.shownCells()
        return IndicatorDetail(
            id: ind.id, title: ind.title, definition: ind.definition, scope: filter.scope, exactFigures: reading.exact,
            disclosureControl: report.disclosureControl, trend: trend.map(Figure.init),
            breakdowns: breakdowns.keys.sorted().flatMap { breakdowns[$0]!.map(Figure.init) },
            gaps: report.gaps.filter { $0.gap.indicatorID == id }.map(\.gap.detail),
            commentary: try await context.governance.commentary(.indicator, id, partnership: filter.partnership, by: try req.caller()).approved.map(Note.init))
    }
}

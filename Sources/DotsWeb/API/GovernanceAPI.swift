import DotsApp
import DotsCore
import DotsGovernance
import Foundation
import Vapor

/// The partnership's method in the API: maturity, the data map and its coverage, actions and suggestions,
/// meetings. The same use cases as the pages (so the same rules, scope and audit); refused input answers 422
/// with every problem by field, through `PageErrorMiddleware`.
struct GovernanceAPI {
    let context: WebContext
    var service: GovernanceService { context.governance }

    func register(_ app: Application) {
        let v1 = app.grouped("api", "v1")
        v1.get("maturity", use: maturity)
        v1.get("maturity", ":agency", use: assessment)
        v1.put("maturity", ":agency", use: saveAssessment)
        v1.get("datamap", use: dataMap)
        v1.post("datamap", use: createEntry)
        v1.get("datamap", "coverage", use: coverage)
        v1.put("datamap", ":id", use: updateEntry)
        v1.delete("datamap", ":id", use: deleteEntry)
        v1.get("actions", use: actions)
        v1.post("actions", use: createAction)
        v1.get("actions", "suggestions", use: suggestions)
        v1.get("actions", ":id", use: action)
        v1.patch("actions", ":id", use: updateAction)
        v1.get("meetings", use: meetings)
        v1.post("meetings", use: createMeeting)
    }

    static func json(_ value: some Encodable, status: HTTPResponseStatus = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(status: status, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(data: try encoder.encode(value)))
    }

    // MARK: maturity

    struct AreaJSON: Encodable { let area: String, level: String?, levelNumber: Int?, answered: Int, dontKnow: Int, questions: Int, change: Int? }
    struct AgencyJSON: Encodable { let agency: String, status: String, areas: [AreaJSON] }
    struct RoundJSON: Encodable { let id: String, title: String, opened: String, closes: String?, questionnaire: String, version: String }
    struct MaturityJSON: Encodable {
        let round: RoundJSON, previousRound: String?, rounds: [RoundJSON], agencies: [AgencyJSON]
        let areasByStrength: [StrengthJSON]
    }
    struct StrengthJSON: Encodable { let area: String, median: String?, mean: Double? }

    static func roundJSON(_ r: MaturityRound) -> RoundJSON {
        RoundJSON(
            id: r.id, title: r.title, opened: r.opened.description, closes: r.closes?.description, questionnaire: r.questionnaire.id,
            version: r.questionnaire.version)
    }

    func maturity(_ req: Request) async throws -> Response {
        let caller = try req.caller()
        guard let round = try await service.round(req.query[String.self, at: "round"], by: caller) else {
            throw NotFound("No round of self-assessment has been opened yet.")
        }
        let rounds = try await service.rounds(by: caller)
        let s = try await service.summary(round: round, rounds: rounds, by: caller)
        let agencies = s.rows.map { row in
            AgencyJSON(
                agency: row.agencyID, status: row.results.isEmpty ? (row.status == .draft ? "in-progress" : "not-submitted") : "submitted",
                areas: row.results.map { r in
                    AreaJSON(
                        area: r.area.rawValue, level: r.level?.title, levelNumber: r.level?.rawValue, answered: r.answered,
                        dontKnow: r.dontKnow, questions: r.questions, change: row.change[r.area].flatMap { $0 })
                })
        }
        return try Self.json(
            MaturityJSON(
                round: Self.roundJSON(s.round), previousRound: s.previous?.id, rounds: rounds.map(Self.roundJSON),
                agencies: agencies, areasByStrength: s.areasByStrength.map { StrengthJSON(area: $0.area.rawValue, median: $0.median?.title, mean: $0.mean) }))
    }

    func assessment(_ req: Request) async throws -> Response {
        try Self.json(try await service.assessment(round: req.query[String.self, at: "round"], agency: req.parameters.get("agency"), by: try req.caller()))
    }

    struct AssessmentBody: Decodable {
        struct Answer: Decodable { let questionID: String; let level: Int?; let dontKnow: Bool?; let evidence: String? }
        let answers: [Answer]
        let submit: Bool?
    }

    func saveAssessment(_ req: Request) async throws -> Response {
        let caller = try req.caller()
        let body = try req.content.decode(AssessmentBody.self)
        var bad: [InputProblem] = []
        let answers = body.answers.map { a -> MaturityAnswer in
            if a.dontKnow == true { return MaturityAnswer(questionID: a.questionID, level: nil, evidence: a.evidence ?? "") }
            guard let n = a.level, let level = MaturityLevel(rawValue: n) else {
                bad.append(InputProblem("\(a.questionID)-level", "Give a level from 1 (Unaware) to 5 (Mastering), or dontKnow: true"))
                return MaturityAnswer(questionID: a.questionID, level: nil, evidence: a.evidence ?? "", unanswered: true)
            }
            return MaturityAnswer(questionID: a.questionID, level: level, evidence: a.evidence ?? "")
        }
        // Who may save is the use case's to decide, before any complaint about the body's levels.
        let (agency, round) = try await service.editableAssessment(round: req.query[String.self, at: "round"], agency: req.parameters.get("agency"), by: caller)
        if !bad.isEmpty { throw InvalidInput(bad) }
        return try Self.json(try await service.saveAssessment(round: round.id, agency: agency.id, answers: answers, submit: body.submit ?? false, by: caller))
    }

    // MARK: data map

    func dataMap(_ req: Request) async throws -> Response {
        try Self.json(try await service.dataMapEntries(agency: req.query[String.self, at: "agency"], by: try req.caller()))
    }

    func coverage(_ req: Request) async throws -> Response {
        try Self.json(try await service.coverage(by: try req.caller()))
    }

    func createEntry(_ req: Request) async throws -> Response {
        let caller = try req.caller()
        return try Self.json(try await service.createDataMapEntry(try req.content.decode(GovernanceService.DataMapInput.self), by: caller), status: .created)
    }

    func updateEntry(_ req: Request) async throws -> Response {
        let caller = try req.caller()
        return try Self.json(
            try await service.updateDataMapEntry(id: req.parameters.get("id") ?? "", try req.content.decode(GovernanceService.DataMapInput.self), by: caller))
    }

    func deleteEntry(_ req: Request) async throws -> Response {
        try await service.removeDataMapEntry(id: req.parameters.get("id") ?? "", by: try req.caller())
        return Response(status: .noContent)
    }

    // MARK: actions

    func actions(_ req: Request) async throws -> Response {
        let caller = try req.caller()
        let v = try ActionRoutes.planView(req, service, caller)
        return try Self.json(try await service.actions(v.view, by: caller))
    }

    func action(_ req: Request) async throws -> Response {
        try Self.json(try await service.action(id: req.parameters.get("id") ?? "", by: try req.caller()))
    }

    func createAction(_ req: Request) async throws -> Response {
        let caller = try req.caller()
        return try Self.json(try await service.createAction(try req.content.decode(GovernanceService.ActionInput.self), by: caller), status: .created)
    }

    func updateAction(_ req: Request) async throws -> Response {
        let caller = try req.caller()
        return try Self.json(
            try await service.updateAction(id: req.parameters.get("id") ?? "", try req.content.decode(GovernanceService.ActionChange.self), by: caller))
    }

    func suggestions(_ req: Request) async throws -> Response {
        try Self.json(try await service.suggestions(by: try req.caller()))
    }

    // MARK: meetings

    func meetings(_ req: Request) async throws -> Response {
        try Self.json(try await service.meetings(by: try req.caller()))
    }

    func createMeeting(_ req: Request) async throws -> Response {
        let caller = try req.caller()
        return try Self.json(try await service.recordMeeting(try req.content.decode(GovernanceService.MeetingInput.self), by: caller), status: .created)
    }
}

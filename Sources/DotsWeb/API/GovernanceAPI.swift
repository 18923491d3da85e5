import DotsApp
import DotsCore
import DotsGovernance
import DotsStore
import Foundation
import Vapor

/// The partnership's method in the API: maturity, the data map and its coverage, actions and suggestions,
/// meetings. Same rules as the pages: agency data leads change only their own agency's assessment, data map
/// entries and actions. Refused input answers 422 with every problem by field.
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

    struct Problems: Encodable { let problems: [InputProblem] }

    /// Runs a change; bad input becomes 422 with every problem.
    func checked(_ status: HTTPResponseStatus = .ok, _ body: () async throws -> any Encodable) async throws -> Response {
        do { return try Self.json(try await body(), status: status) } catch let e as InvalidInput { return try Self.json(Problems(problems: e.problems), status: .unprocessableEntity) }
    }

    func decode<T: Decodable>(_ req: Request, _ type: T.Type) throws -> T {
        do { return try req.content.decode(type) } catch { throw Abort(.badRequest, reason: "The request body is not the JSON this endpoint expects: \(error)") }
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
        RoundJSON(id: r.id, title: r.title, opened: r.opened.description, closes: r.closes?.description, questionnaire: r.questionnaire.id, version: r.questionnaire.version)
    }

    func round(_ req: Request) async throws -> MaturityRound {
        guard let r = try await service.round(req.query[String.self, at: "round"]) else { throw Abort(.notFound, reason: "There is no such round (or none has been opened).") }
        return r
    }

    func maturity(_ req: Request) async throws -> Response {
        _ = try req.require(.viewGovernance)
        let s = try await service.summary(round: try await round(req))
        let agencies = s.rows.map { row in
            AgencyJSON(agency: row.agencyID, status: row.results.isEmpty ? (row.status == .draft ? "in-progress" : "not-submitted") : "submitted",
                       areas: row.results.map { r in AreaJSON(area: r.area.rawValue, level: r.level?.title, levelNumber: r.level?.rawValue, answered: r.answered,
                                                              dontKnow: r.dontKnow, questions: r.questions, change: row.change[r.area].flatMap { $0 }) })
        }
        return try Self.json(MaturityJSON(round: Self.roundJSON(s.round), previousRound: s.previous?.id, rounds: try await context.store.maturityRounds().map(Self.roundJSON),
                                          agencies: agencies, areasByStrength: s.areasByStrength.map { StrengthJSON(area: $0.area.rawValue, median: $0.median?.title, mean: $0.mean) }))
    }

    func assessment(_ req: Request) async throws -> Response {
        let user = try req.require(.viewGovernance)
        let agency = try GovernanceRouting.agency(req.parameters.get("agency"))
        let round = try await round(req)
        // The working draft for those who may edit it; the last submission for everyone else.
        let own = user.can(.assessMaturity) && user.mayEdit(agency: agency.id)
        let a = own ? try await context.store.maturityAssessment(round: round.id, agency: agency.id)
            : try await service.visibleAssessments(round: round.id).first { $0.agencyID == agency.id && $0.submittedAt != nil }
        guard let a else { throw Abort(.notFound, reason: "\(agency.name) has no assessment in this round.") }
        return try Self.json(a)
    }

    struct AssessmentBody: Decodable {
        struct Answer: Decodable { let questionID: String; let level: Int?; let dontKnow: Bool?; let evidence: String? }
        let answers: [Answer]
        let submit: Bool?
    }

    func saveAssessment(_ req: Request) async throws -> Response {
        let user = try req.require(.assessMaturity)
        let agency = try GovernanceRouting.agency(req.parameters.get("agency"))
        guard user.mayEdit(agency: agency.id) else { throw Abort(.forbidden, reason: "You can complete only your own agency's assessment.") }
        let round = try await round(req)
        let body = try decode(req, AssessmentBody.self)
        var bad: [InputProblem] = []
        let answers = body.answers.map { a -> MaturityAnswer in
            if a.dontKnow == true { return MaturityAnswer(questionID: a.questionID, level: nil, evidence: a.evidence ?? "") }
            guard let n = a.level, let level = MaturityLevel(rawValue: n) else {
                bad.append(InputProblem("\(a.questionID)-level", "Give a level from 1 (Unaware) to 5 (Mastering), or dontKnow: true"))
                return MaturityAnswer(questionID: a.questionID, level: nil, evidence: a.evidence ?? "", unanswered: true)
            }
            return MaturityAnswer(questionID: a.questionID, level: level, evidence: a.evidence ?? "")
        }
        return try await checked {
            if !bad.isEmpty { throw InvalidInput(bad) }
            let saved = try await service.saveAssessment(round: round, agency: agency.id, answers: answers, submit: body.submit ?? false, by: user.actor)
            try await GovernanceRouting.audit(context, user, saved.status == .submitted ? "maturity.submit" : "maturity.draft", "\(round.id)/\(agency.id)")
            return saved
        }
    }

    // MARK: data map

    func dataMap(_ req: Request) async throws -> Response {
        _ = try req.require(.viewGovernance)
        return try Self.json(try await context.store.dataMapEntries(agency: req.query[String.self, at: "agency"]))
    }

    func coverage(_ req: Request) async throws -> Response {
        _ = try req.require(.viewGovernance)
        return try Self.json(try await service.coverage())
    }

    func createEntry(_ req: Request) async throws -> Response {
        let user = try req.require(.editDataMap)
        var input = try decode(req, GovernanceService.DataMapInput.self)
        if let own = user.agencyScope.agencyID { input.agencyID = own }
        return try await checked(.created) {
            let e = try await service.saveDataMapEntry(id: nil, input, by: user.actor)
            try await GovernanceRouting.audit(context, user, "datamap.create", e.id)
            return e
        }
    }

    func updateEntry(_ req: Request) async throws -> Response {
        let user = try req.require(.editDataMap)
        guard let existing = try await context.store.dataMapEntry(id: req.parameters.get("id") ?? "") else { throw Abort(.notFound, reason: "There is no such dataset on the data map.") }
        guard user.mayEdit(agency: existing.agencyID) else { throw Abort(.forbidden, reason: "You can change only your own agency's datasets.") }
        var input = try decode(req, GovernanceService.DataMapInput.self)
        input.agencyID = existing.agencyID
        return try await checked {
            let e = try await service.saveDataMapEntry(id: existing.id, input, by: user.actor)
            try await GovernanceRouting.audit(context, user, "datamap.update", e.id)
            return e
        }
    }

    func deleteEntry(_ req: Request) async throws -> Response {
        let user = try req.require(.editDataMap)
        guard let existing = try await context.store.dataMapEntry(id: req.parameters.get("id") ?? "") else { throw Abort(.notFound, reason: "There is no such dataset on the data map.") }
        guard user.mayEdit(agency: existing.agencyID) else { throw Abort(.forbidden, reason: "You can remove only your own agency's datasets.") }
        try await service.removeDataMapEntry(existing)
        try await GovernanceRouting.audit(context, user, "datamap.delete", existing.id, existing.name)
        return Response(status: .noContent)
    }

    // MARK: actions

    func actions(_ req: Request) async throws -> Response {
        let user = try req.require(.viewGovernance)
        let routes = ActionRoutes(context: context)
        return try Self.json(try await routes.selected(req, user).actions)
    }

    struct ActionDetail: Encodable { let action: ActionItem; let history: [ActionUpdate] }

    func action(_ req: Request) async throws -> Response {
        _ = try req.require(.viewGovernance)
        let a = try await ActionRoutes(context: context).action(req)
        return try Self.json(ActionDetail(action: a, history: try await context.store.actionUpdates(id: a.id)))
    }

    func createAction(_ req: Request) async throws -> Response {
        let user = try req.require(.manageActions)
        var input = try decode(req, GovernanceService.ActionInput.self)
        if let own = user.agencyScope.agencyID { input.agencyID = own }
        return try await checked(.created) {
            let a = try await service.createAction(input, by: user.actor)
            try await GovernanceRouting.audit(context, user, "action.create", a.id)
            return a
        }
    }

    func updateAction(_ req: Request) async throws -> Response {
        let user = try req.require(.viewGovernance)
        let a = try await ActionRoutes(context: context).action(req)
        guard ActionRoutes.mayUpdate(user, a) else { throw Abort(.forbidden, reason: "You can update only actions you own or your agency's actions.") }
        let change = try decode(req, GovernanceService.ActionChange.self)
        return try await checked {
            let updated = try await service.updateAction(a, change, by: user.actor)
            try await GovernanceRouting.audit(context, user, "action.update", a.id, updated.status.rawValue)
            return updated
        }
    }

    func suggestions(_ req: Request) async throws -> Response {
        let user = try req.require(.manageActions)
        return try Self.json(try await ActionRoutes(context: context).visibleSuggestions(user))
    }

    // MARK: meetings

    func meetings(_ req: Request) async throws -> Response {
        _ = try req.require(.viewGovernance)
        return try Self.json(try await context.store.meetings())
    }

    func createMeeting(_ req: Request) async throws -> Response {
        let user = try req.require(.recordMeetings)
        let input = try decode(req, GovernanceService.MeetingInput.self)
        return try await checked(.created) {
            let m = try await service.recordMeeting(input, by: user.actor)
            try await GovernanceRouting.audit(context, user, "meeting.record", m.id)
            return m
        }
    }
}

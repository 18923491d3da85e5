import DotsCore
import DotsFramework
import DotsTestSupport
import DotsWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// The route-by-role test takes its list from the app's registered routes, so a route added without an entry
/// in `rules` fails `everyRouteHasARule`, and removing a permission check from a use case fails
/// `everyRoleOnEveryRoute` (a refused role then gets 404, 422 or 200 instead of 403).
@Suite("Every registered route has an access rule, and every role is held to it")
struct RouteAuthorisationTests {
    /// What each registered route needs: `nil` for public routes; otherwise the permission the access policy
    /// demands (`viewFramework` is every signed-in role). Keys are "METHOD path" as Vapor registers them.
    static let rules: [String: Permission?] = [
        "GET /": nil, "GET /assets/dots.css": nil, "GET /assets/dots.svg": nil, "GET /healthz": nil, "GET /accessibility": nil,
        "GET /sign-in": nil, "POST /sign-in": nil, "POST /sign-out": nil, "GET /api/openapi.json": nil,
        "GET /account": .viewFramework, "POST /account/password": .viewFramework,
        "GET /framework": .viewFramework, "GET /framework/indicators/:id": .viewFramework, "POST /framework/recompute": .recomputeFramework,
        "GET /reports": .viewFramework, "GET /reports/preview": .buildReports, "POST /reports": .buildReports, "GET /reports/:id": .viewFramework,
        "GET /reports/:id/:file": .viewFramework,
        "GET /framework/commentary": .writeCommentary, "GET /framework/commentary/new": .writeCommentary, "POST /framework/commentary": .writeCommentary,
        "POST /framework/commentary/:id/approve": .approveCommentary, "POST /framework/commentary/:id/return": .approveCommentary,
        "GET /api/v1/framework": .viewFramework, "GET /api/v1/framework/indicators/:id": .viewFramework,
        "GET /submissions": .viewSubmissions, "GET /submissions/new": .submitData, "POST /submissions": .submitData,
        "GET /submissions/reports/:id": .viewSubmissions,
        "GET /api/v1/submissions": .viewSubmissions, "POST /api/v1/submissions": .submitData, "GET /api/v1/submissions/reports/:id": .viewSubmissions,
        "GET /quality": .viewSubmissions, "GET /quality/:agency/:dataset": .viewSubmissions,
        "GET /api/v1/quality": .viewSubmissions, "GET /api/v1/quality/:agency/:dataset": .viewSubmissions,
        "GET /maturity": .viewGovernance, "POST /maturity/rounds": .manageRounds, "GET /maturity/questionnaire": .viewGovernance,
        "GET /maturity/export.csv": .viewGovernance, "GET /maturity/export.md": .viewGovernance, "GET /maturity/agencies/:agency": .viewGovernance,
        "GET /maturity/agencies/:agency/edit": .assessMaturity, "POST /maturity/agencies/:agency/edit": .assessMaturity,
        "GET /api/v1/maturity": .viewGovernance, "GET /api/v1/maturity/:agency": .viewGovernance, "PUT /api/v1/maturity/:agency": .assessMaturity,
        "GET /datamap": .viewGovernance, "GET /datamap/new": .editDataMap, "POST /datamap": .editDataMap, "GET /datamap/coverage": .viewGovernance,
        "GET /datamap/export.csv": .viewGovernance, "GET /datamap/export.md": .viewGovernance, "GET /datamap/:id": .viewGovernance,
        "GET /datamap/:id/edit": .editDataMap, "POST /datamap/:id/edit": .editDataMap, "POST /datamap/:id/delete": .editDataMap,
        "GET /api/v1/datamap": .viewGovernance, "POST /api/v1/datamap": .editDataMap, "GET /api/v1/datamap/coverage": .viewGovernance,
        "PUT /api/v1/datamap/:id": .editDataMap, "DELETE /api/v1/datamap/:id": .editDataMap,
        "GET /actions": .viewGovernance, "GET /actions/new": .manageActions, "POST /actions": .manageActions, "GET /actions/suggestions": .manageActions,
        "GET /actions/print": .viewGovernance, "GET /actions/export.csv": .viewGovernance, "GET /actions/export.md": .viewGovernance,
        "GET /actions/:id": .viewGovernance, "POST /actions/:id": .viewGovernance,
        "GET /api/v1/actions": .viewGovernance, "POST /api/v1/actions": .manageActions, "GET /api/v1/actions/suggestions": .manageActions,
        "GET /api/v1/actions/:id": .viewGovernance, "PATCH /api/v1/actions/:id": .viewGovernance,
        "GET /meetings": .viewGovernance, "GET /meetings/new": .recordMeetings, "POST /meetings": .recordMeetings, "GET /meetings/:id": .viewGovernance,
        "GET /api/v1/meetings": .viewGovernance, "POST /api/v1/meetings": .recordMeetings,
        "GET /admin/accounts": .manageAccounts, "GET /admin/accounts/new": .manageAccounts, "POST /admin/accounts": .manageAccounts,
        "POST /admin/accounts/:id/password": .manageAccounts, "POST /admin/accounts/:id/disable": .manageAccounts,
        "POST /admin/accounts/:id/enable": .manageAccounts, "POST /admin/tokens/:id/revoke": .manageAccounts,
        // The young person's form: a one-time code is its authority, not an account.
        "GET /your-say": nil, "POST /your-say": nil, "GET /your-say/form": nil, "POST /your-say/form": nil,
        "GET /voice": .viewFramework, "GET /voice/summary": .viewFramework,
        "POST /voice/codes": .recordVoice, "POST /voice/codes/:id/withdraw": .recordVoice, "POST /voice/alerts/:id/close": .recordVoice,
        "GET /voice/records/new": .recordVoice, "POST /voice/records": .recordVoice, "GET /voice/records": .readVoice,
        "GET /voice/coding": .codeVoice, "POST /voice/coding": .codeVoice, "GET /voice/agreement": .codeVoice, "POST /voice/agreement/code": .codeVoice,
        "GET /voice/codebook": .codeVoice, "POST /voice/agreement/sample": .manageVoice, "POST /voice/codebook": .manageVoice,
        "GET /voice/quotes": .manageVoice, "GET /voice/quotes/new": .manageVoice, "POST /voice/quotes": .manageVoice,
        "POST /voice/quotes/:id/approve": .manageVoice, "POST /voice/quotes/:id/refuse": .manageVoice,
        "GET /voice/said-did/new": .manageVoice, "POST /voice/said-did": .manageVoice,
        "GET /voice/settings": .voiceSettings, "POST /voice/settings": .voiceSettings,
        "GET /journeys": .viewJourneys, "POST /journeys": .viewJourneys, "GET /framework/places": .viewFramework, "GET /framework/journeys": .viewFramework,
        "GET /contexts": .viewFramework, "GET /contexts/new": .workWithContexts, "POST /contexts": .workWithContexts, "GET /contexts/:id": .workWithContexts,
        "POST /contexts/:id/stage": .workWithContexts, "POST /contexts/:id/links": .workWithContexts,
        "POST /contexts/:id/links/:link/review": .workWithContexts, "POST /contexts/:id/links/:link/end": .workWithContexts,
        "GET /linkage": .reviewLinkage, "POST /linkage/review": .reviewLinkage,
        "POST /contexts/:id/plan": .workWithContexts, "POST /contexts/:id/plan/:action/done": .workWithContexts,
    ]

    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    /// A request path for a route: parameters become the agency lead's own agency, a real dataset and indicator,
    /// or an id that does not exist (a refused caller is refused before anything is looked up).
    static func path(_ key: String) -> String {
        let path = String(key.split(separator: " ", maxSplits: 1)[1])
        return path.replacingOccurrences(of: ":agency", with: "staffs-police").replacingOccurrences(of: ":dataset", with: "police_incidents")
            .replacingOccurrences(of: "indicators/:id", with: "indicators/missing-children").replacingOccurrences(of: ":id", with: "no-such-id")
    }

    @Test("Every route the app registers has an entry in the access rules, and every entry is a registered route")
    func everyRouteHasARule() async throws {
        try await withStore(.sqlite) { store in
            try await WebFixture.withApp(store) { app in
                let registered = Set(app.routes.all.map(Self.key))
                #expect(registered.subtracting(Self.rules.keys).sorted() == [], "routes without an access rule")
                #expect(Set(Self.rules.keys).subtracting(registered).sorted() == [], "rules for routes that no longer exist")
            }
        }
    }

    @Test(
        "Every role on every registered route: refused (403) exactly where the policy says so; signed out, 401 or sign-in",
        arguments: StoreKind.available)
    func everyRoleOnEveryRoute(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { _, app in
            let guarded = Self.rules.filter { $0.value != nil }.keys.sorted()
            var anonymous = WebTestClient(app)
            for key in guarded {
                let method = HTTPMethod(rawValue: String(key.split(separator: " ")[0]))
                let path = Self.path(key)
                let res = try await anonymous.send(method, path, body: ByteBuffer(string: "{}"), headers: ["Content-Type": "application/json"])
                if path.hasPrefix("/api/") {
                    #expect(res.status == .unauthorized, "signed out \(key)")
                } else {
                    #expect(res.status == .seeOther, "signed out \(key): sent to sign in, nothing done")
                }
            }
            for role in Role.allCases {
                var client = WebTestClient(app)
                #expect(try await client.signIn("\(role.rawValue)@example.org", WebFixture.password).status == .seeOther)
                let csrf = try #require(WebTestClient.csrf(in: try await client.send(.GET, "/account")))
                for key in guarded {
                    let permission = Self.rules[key]!!
                    let method = HTTPMethod(rawValue: String(key.split(separator: " ")[0]))
                    let path = Self.path(key)
                    let res: TestingHTTPResponse
                    if method == .GET {
                        res = try await client.send(.GET, path)
                    } else if path.hasPrefix("/api/") {
                        let body = key.hasPrefix("PUT /api/v1/maturity") ? #"{"answers": []}"# : "{}"
                        res = try await client.send(
                            method, path, body: ByteBuffer(string: body),
                            headers: ["Content-Type": "application/json", "X-CSRF-Token": csrf])
                    } else {
                        res = try await client.send(method, path, form: ["csrf": csrf])
                    }
                    if AccessPolicy.allows(role, permission) {
                        #expect(res.status != .forbidden && res.status.code < 500, "\(role.rawValue) \(key): \(res.status.code)")
                    } else {
                        #expect(res.status == .forbidden, "\(role.rawValue) \(key): \(res.status.code), the policy refuses \(permission)")
                    }
                }
            }
        }
    }
}

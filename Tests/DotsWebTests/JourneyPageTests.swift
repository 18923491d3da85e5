import DotsApp
import DotsCore
import DotsStore
import DotsTestSupport
import Foundation
import Testing
import VaporTesting

@testable import DotsWeb

@Suite("The journey page as served: never cached, the id only in the body, no other agency's own id in the page")
struct JourneyPageTests {
    @Test("A practitioner's journey page", arguments: StoreKind.available)
    func page(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await AccessTests.fixture(store)
            var byPerson: [String: [String]] = [:]
            for (key, dp) in try await store.personLinks() { byPerson[dp, default: []].append(key) }
            let (_, keys) = byPerson.filter { $0.value.contains { $0.hasPrefix("staffs-csc/") } && $0.value.count >= 3 }.min { $0.key < $1.key }!
            let own = String(keys.first { $0.hasPrefix("staffs-csc/") }!.split(separator: "/", maxSplits: 1)[1])
            let foreign = keys.filter { !$0.hasPrefix("staffs-csc/") }.map { String($0.split(separator: "/", maxSplits: 1)[1]) }
            try await WebFixture.withApp(store) { app in
                var client = WebTestClient(app)
                _ = try await client.signIn("practitioner@example.org", WebFixture.password)
                let csrf = try #require(WebTestClient.csrf(in: try await client.send(.GET, "/journeys")))
                let res = try await client.send(.POST, "/journeys", form: ["csrf": csrf, "kind": "agency", "id": own, "purpose": "referral"])
                #expect(res.status == .ok)
                #expect(res.headers.first(name: .cacheControl) == "no-store", "a young person's records are never kept by a browser or proxy")
                let html = res.body.string
                #expect(html.contains("Their id in ") && html.contains(own))
                // Ids are pseudonymous P-numbers in every agency's records: whole-word matches only.
                for id in foreign { #expect(!html.contains(">\(id)<") && !html.contains(" \(id) ") && !html.contains(" \(id),"), "\(id) shown") }
                // Without this session's token, or with another: refused before the route reads the form, nothing audited.
                for form in [["kind": "agency", "id": own, "purpose": "referral"], ["csrf": csrf + "x", "kind": "agency", "id": own, "purpose": "referral"]] {
                    #expect(try await client.send(.POST, "/journeys", form: form).status == .forbidden)
                }
                // Without a purpose: refused, nothing shown, nothing audited as a view.
                let refused = try await client.send(.POST, "/journeys", form: ["csrf": csrf, "kind": "agency", "id": own])
                #expect(refused.status == .unprocessableEntity && !refused.body.string.contains("Their journey"))
                #expect(try await store.auditEvents(limit: 20).filter { $0.action == "journey.view" }.count == 1)
            }
        }
    }

    @Test("The CSRF token is read from a plain form as a browser encodes it: the first field of that name, + a space, %XX a byte")
    func formField() {
        #expect(SessionMiddleware.formField("csrf", in: "id=1&csrf=a%2Bb+c%3D&purpose=referral") == "a+b c=")
        #expect(SessionMiddleware.formField("csrf", in: "csrf=first&csrf=second") == "first")
        #expect(SessionMiddleware.formField("csrf", in: "xcsrf=1&csrfx=2") == nil)
        #expect(SessionMiddleware.formField("csrf", in: "csrf&id=1") == "")
        #expect(SessionMiddleware.formField("csrf", in: "") == nil)
        #expect(SessionMiddleware.formField("csrf", in: "csrf=%ZZ") == nil, "a malformed escape is no token")
    }
}

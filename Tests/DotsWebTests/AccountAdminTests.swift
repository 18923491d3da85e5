import DotsCore
import DotsStore
import DotsTestSupport
import DotsWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Admins manage accounts in the web app")
struct AccountAdminTests {
    /// The password on a "pass on this password" page.
    static func shownPassword(_ html: String) throws -> String {
        let r = try #require(html.range(of: "<code>"))
        return String(html[r.upperBound...].prefix { $0 != "<" })
    }

    @Test("Add an account (errors by field, then a password shown once that signs in), reset it, disable and enable it", arguments: StoreKind.available)
    func manage(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            var admin = WebTestClient(app)
            _ = try await admin.signIn("admin@example.org", WebFixture.password)
            let token = try #require(WebTestClient.csrf(in: try await admin.send(.GET, "/admin/accounts/new")))
            let bad = try await admin.send(
                .POST, "/admin/accounts", form: ["csrf": token, "name": "Zoë Ødegaard", "email": "zoe@nhs.example", "role": "agency-lead"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Choose the agency an agency data lead acts for"))
            #expect(bad.body.string.contains("value=\"Zoë Ødegaard\""), "what was typed is kept")
            let added = try await admin.send(
                .POST, "/admin/accounts", form: ["csrf": token, "name": "Zoë Ødegaard", "email": "Zoe@NHS.example", "role": "agency-lead", "agency": "uhnm-ed"])
            #expect(added.status == .ok)
            let password = try Self.shownPassword(added.body.string)
            #expect(password.count == 19)
            let zoe = try #require(try await store.account(email: "zoe@nhs.example"))
            #expect(zoe.role == .agencyLead && zoe.agencyID == "uhnm-ed" && !zoe.passwordHash.contains(password))
            #expect(
                try await admin.send(.POST, "/admin/accounts", form: ["csrf": token, "name": "Again", "email": "zoe@nhs.example", "role": "analyst"]).body
                    .string
                    .contains("An account with this email address already exists"))

            var person = WebTestClient(app)
            #expect(try await person.signIn("zoe@nhs.example", password).status == .seeOther)
            #expect(try await person.send(.GET, "/submissions").status == .ok)

            // A reset ends her sessions; the new password works and the old does not.
            let reset = try await admin.send(.POST, "/admin/accounts/\(zoe.id)/password", form: ["csrf": token])
            let newPassword = try Self.shownPassword(reset.body.string)
            #expect(newPassword != password)
            #expect(try await person.send(.GET, "/submissions").status == .seeOther, "signed out by the reset")
            var again = WebTestClient(app)
            #expect(try await again.signIn("zoe@nhs.example", password).status == .unprocessableEntity)
            #expect(try await again.signIn("zoe@nhs.example", newPassword).status == .seeOther)

            // Disabled: signed out at once and cannot sign in; enabled again, she can.
            #expect(try await admin.send(.POST, "/admin/accounts/\(zoe.id)/disable", form: ["csrf": token]).status == .seeOther)
            #expect(try await again.send(.GET, "/submissions").status == .seeOther)
            var third = WebTestClient(app)
            #expect(try await third.signIn("zoe@nhs.example", newPassword).status == .unprocessableEntity)
            #expect(try await admin.send(.GET, "/admin/accounts").body.string.contains("Disabled"))
            #expect(try await admin.send(.POST, "/admin/accounts/\(zoe.id)/enable", form: ["csrf": token]).status == .seeOther)
            #expect(try await third.signIn("zoe@nhs.example", newPassword).status == .seeOther)

            // An admin cannot lock themselves out; nobody else reaches these actions; each is audited.
            let me = try #require(try await store.account(email: "admin@example.org"))
            #expect(try await admin.send(.POST, "/admin/accounts/\(me.id)/disable", form: ["csrf": token]).status == .forbidden)
            var analyst = WebTestClient(app)
            _ = try await analyst.signIn("analyst@example.org", WebFixture.password)
            let analystToken = try #require(WebTestClient.csrf(in: try await analyst.send(.GET, "/account")))
            #expect(try await analyst.send(.POST, "/admin/accounts/\(zoe.id)/disable", form: ["csrf": analystToken]).status == .forbidden)
            #expect(
                try await analyst.send(.POST, "/admin/accounts", form: ["csrf": analystToken, "name": "x", "email": "x@y.example", "role": "admin"]).status
                    == .forbidden)
            // The same records `dots user add` writes, with the admin who acted.
            let events = try await store.auditEvents().filter { $0.accountID == me.id }
            for a in ["account.create", "account.password-reset", "account.disable", "account.enable"] { #expect(events.contains { $0.action == a }, "\(a)") }
            #expect(events.contains { $0.action == "account.create" && $0.target == zoe.id })
        }
    }
}

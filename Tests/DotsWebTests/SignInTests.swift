import DotsApp
import DotsCore
import DotsStore
import DotsTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import DotsWeb

@Suite("Signing in and out, CSRF, throttling, passwords")
struct SignInTests {
    @Test("Sign in, see a page, sign out: the session is gone", arguments: StoreKind.available)
    func signInAndOut(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            var client = WebTestClient(app)
            let anonymous = try await client.send(.GET, "/account")
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers.first(name: .location) == "/sign-in?next=%2Faccount")
            let res = try await client.signIn("analyst@example.org", WebFixture.password)
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/framework")
            let cookie = try #require(res.headers[.setCookie].first { $0.hasPrefix("dots_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"), "plain HTTP on loopback: Secure only with --secure-cookies")
            let account = try await client.send(.GET, "/account")
            #expect(account.status == .ok)
            #expect(account.body.string.contains("Partnership analyst"))
            #expect(account.headers.first(name: .cacheControl) == "no-store")
            let csrf = try #require(WebTestClient.csrf(in: account))
            let saved = client.cookies
            #expect(try await client.send(.POST, "/sign-out", form: ["csrf": csrf]).status == .seeOther)
            // The old cookie no longer works: the session was deleted on the hub, not just in the browser.
            client.cookies = saved
            #expect(try await client.send(.GET, "/account").status == .seeOther)
        }
    }

    @Test("Wrong password: an error summary that does not say which field was wrong; throttled after 5", arguments: StoreKind.available)
    func wrongPassword(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            var client = WebTestClient(app)
            let res = try await client.signIn("admin@example.org", "not-the-password-at-all")
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("There is a problem"))
            #expect(res.body.string.contains("Enter a correct email address and password"))
            for _ in 0..<4 { _ = try await client.signIn("admin@example.org", "still-not-the-password") }
            let locked = try await client.signIn("admin@example.org", WebFixture.password)
            #expect(locked.status == .unprocessableEntity, "the right password is refused while throttled")
            #expect(locked.body.string.contains("Too many failed attempts"))
            #expect(try await store.auditEvents().filter { $0.action == "sign-in.failed" }.count == 5)
        }
    }

    @Test("Forms without the CSRF token are refused, before and after sign-in", arguments: StoreKind.available)
    func csrf(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            var client = WebTestClient(app)
            _ = try await client.send(.GET, "/sign-in")
            let forged = try await client.send(.POST, "/sign-in", form: ["email": "admin@example.org", "password": WebFixture.password, "csrf": "guess"])
            #expect(forged.status == .forbidden)
            #expect(try await client.signIn("admin@example.org", WebFixture.password).status == .seeOther)
            let change = try await client.send(.POST, "/account/password", form: ["current": WebFixture.password, "new": "a-whole-new-password"])
            #expect(change.status == .forbidden)
            let out = try await client.send(.POST, "/sign-out", form: [:])
            #expect(out.status == .forbidden)
        }
    }

    @Test("Changing a password needs the current one and a long new one, then signs out everywhere", arguments: StoreKind.available)
    func changePassword(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            var client = WebTestClient(app)
            _ = try await client.signIn("practitioner@example.org", WebFixture.password)
            var csrf = try #require(WebTestClient.csrf(in: try await client.send(.GET, "/account")))
            let wrong = try await client.send(.POST, "/account/password", form: ["csrf": csrf, "current": "nope", "new": "a-whole-new-password"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("The current password is not correct"))
            let short = try await client.send(.POST, "/account/password", form: ["csrf": csrf, "current": WebFixture.password, "new": "short"])
            #expect(short.body.string.contains("at least 12 characters"))
            csrf = try #require(WebTestClient.csrf(in: try await client.send(.GET, "/account")))
            let done = try await client.send(.POST, "/account/password", form: ["csrf": csrf, "current": WebFixture.password, "new": "a-whole-new-password"])
            #expect(done.status == .seeOther)
            #expect(try await client.send(.GET, "/account").status == .seeOther, "signed out after the change")
            var other = WebTestClient(app)
            #expect(try await other.signIn("practitioner@example.org", WebFixture.password).status == .unprocessableEntity)
            #expect(try await other.signIn("practitioner@example.org", "a-whole-new-password").status == .seeOther)
            let stored = try #require(try await store.account(email: "practitioner@example.org"))
            #expect(stored.passwordHash.hasPrefix("$2b$12$"), "bcrypt, cost 12; never the password")
        }
    }
}

@Suite("The password rule")
struct PasswordRuleTests {
    @Test("Length first; common passwords padded to length, repeated characters and the email itself are refused")
    func rule() {
        #expect(PasswordRules.problem("short", email: "a@example.org")?.contains("at least 12") == true)
        #expect(PasswordRules.problem("password1234", email: "a@example.org") != nil)
        #expect(PasswordRules.problem("aaaaaaaaaaaaaa", email: "a@example.org") != nil)
        #expect(PasswordRules.problem("sam@example.org", email: "sam@example.org") != nil)
        #expect(PasswordRules.problem("correct-horse-battery", email: "a@example.org") == nil)
        #expect(PasswordRules.problem("kettle orange bicycle", email: "a@example.org") == nil)
    }
}

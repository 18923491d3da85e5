import DotsApp
import DotsBcrypt
import DotsCore
import DotsFramework
import DotsGovernance
import DotsIntake
import DotsStore
import DotsTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import DotsWeb

/// Regression tests for the findings of the security review (issue 14): each fails when its protection is removed.
@Suite("Security: redirects, throttling, tokens, packages, exports, headers")
struct SecurityTests {
    static let roots: Set<String> = ["framework", "actions", "account", "submissions"]

    @Test("After sign-in, only an in-app path is followed: CR/LF, tab, backslash, scheme-relative and unknown roots fall back")
    func signInRedirect() {
        #expect(SignInRedirect.target("/actions?view=mine", roots: Self.roots) == "/actions?view=mine")
        #expect(SignInRedirect.target("/framework/indicators/x?partnership=stoke-scp&period=quarter", roots: Self.roots).hasPrefix("/framework/indicators"))
        for attack in [
            "/framework\r\nSet-Cookie: dots_session=evil", "/framework\nRefresh: 0;url=//evil.example", "/\t/evil.example", "//evil.example",
            "/\\evil.example", "https://evil.example/", "/sign-in", "/api/v1/framework", "/nowhere", "", "framework", "/framework\u{0}x",
            "/%0d%0aSet-Cookie:x", "/framework#x\"onload",
        ] {
            let target = SignInRedirect.target(attack, roots: Self.roots)
            #expect(target == (attack == "/%0d%0aSet-Cookie:x" ? "/framework" : SignInRedirect.fallback), "\(attack.debugDescription)")
        }
        #expect(SignInRedirect.target(nil, roots: Self.roots) == "/framework")
    }

    @Test("The sign-in form's next field cannot set a header or leave the site", arguments: StoreKind.available)
    func signInNextHeader(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { _, app in
            var client = WebTestClient(app)
            let form = try await client.send(.GET, "/sign-in")
            let res = try await client.send(
                .POST, "/sign-in",
                form: [
                    "email": "admin@example.org", "password": WebFixture.password,
                    "csrf": WebTestClient.csrf(in: form) ?? "", "next": "/\t/evil.example",
                ])
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/framework")
            var again = WebTestClient(app)
            let form2 = try await again.send(.GET, "/sign-in")
            let ok = try await again.send(
                .POST, "/sign-in",
                form: [
                    "email": "admin@example.org", "password": WebFixture.password,
                    "csrf": WebTestClient.csrf(in: form2) ?? "", "next": "/actions?view=mine",
                ])
            #expect(ok.headers.first(name: .location) == "/actions?view=mine")
        }
    }

    @Test("The throttle holds one email from one address back, with doubling waits, never the same person elsewhere")
    func throttle() async {
        final class Clock: TimeSource, @unchecked Sendable {
            var t = Instant(iso: "2026-12-01T09:00:00Z")!
            func now() -> Instant { t }
        }
        let clock = Clock()
        let throttle = LoginThrottle(clock: clock)
        for _ in 0..<5 { await throttle.failed(email: "sam@x.org", address: "attacker") }
        #expect(await throttle.wait(email: "sam@x.org", address: "attacker") == 30)
        #expect(await throttle.wait(email: "sam@x.org", address: "office") == 0, "the real person elsewhere is not locked out")
        #expect(await throttle.wait(email: "kim@x.org", address: "attacker") == 0, "other people behind the same address are not locked out")
        await throttle.failed(email: "sam@x.org", address: "attacker")
        #expect(await throttle.wait(email: "sam@x.org", address: "attacker") == 60, "each further failure doubles the wait")
        clock.t = Instant(seconds: clock.t.seconds + 61)
        #expect(await throttle.wait(email: "sam@x.org", address: "attacker") == 0)
        await throttle.succeeded(email: "sam@x.org", address: "attacker")
        // Spraying one password across many accounts from one address holds that address back.
        for n in 0..<50 { await throttle.failed(email: "user\(n)@x.org", address: "sprayer") }
        #expect(await throttle.wait(email: "new@x.org", address: "sprayer") > 0)
        #expect(await throttle.wait(email: "new@x.org", address: "office") == 0)
    }

    @Test("A forwarded address is believed only from the configured proxy, and only its last hop")
    func forwardedFor() {
        #expect(ClientAddress.of(remote: "10.0.0.5", forwardedFor: "1.2.3.4", trustedProxy: nil) == "10.0.0.5")
        #expect(ClientAddress.of(remote: "10.0.0.5", forwardedFor: "9.9.9.9, 1.2.3.4", trustedProxy: "10.0.0.5") == "1.2.3.4")
        #expect(ClientAddress.of(remote: "6.6.6.6", forwardedFor: "1.2.3.4", trustedProxy: "10.0.0.5") == "6.6.6.6")
    }

    /// Counts how often passwords are checked, to show unknown emails cost a bcrypt comparison too.
    struct CountingHasher: PasswordHashing {
        let inner = BcryptHasher(cost: 4)
        let verifies = Counter()
        final class Counter: @unchecked Sendable { var n = 0 }
        func hash(_ password: String) throws -> String { try inner.hash(password) }
        func verify(_ password: String, hash: String) -> Bool {
            verifies.n += 1
            return inner.verify(password, hash: hash)
        }
    }

    @Test("An unknown or disabled email is checked against a dummy hash, so it answers as slowly as a wrong password", arguments: StoreKind.available)
    func dummyHash(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let hasher = CountingHasher()
            let service = try AccountService(store: store, hasher: hasher, clock: WebFixture.clock)
            _ = try await service.create(
                email: "sam@example.org", name: "Sam", role: .analyst, agencyID: nil, password: WebFixture.password, by: WebFixture.operator_)
            for email in ["nobody@example.org", "sam@example.org"] {
                let before = hasher.verifies.n
                await #expect(throws: AccountService.SignInError.incorrect) {
                    try await service.signIn(email: email, password: "wrong-password-here", address: "a")
                }
                #expect(hasher.verifies.n == before + 1, "\(email): one bcrypt comparison")
            }
        }
    }

    @Test("The password rule: the deny list, runs, the email's name, and bcrypt's 72-byte limit")
    func passwordRule() {
        #expect(PasswordRules.problem("qwertyuiop12", email: "a@x.org") != nil)
        #expect(PasswordRules.problem("safeguarding2026", email: "a@x.org") != nil)
        #expect(PasswordRules.problem("abcdefghijklmn", email: "a@x.org") != nil)
        #expect(PasswordRules.problem("jordan.smith-harbour", email: "jordan.smith@x.org") != nil)
        #expect(PasswordRules.problem(String(repeating: "kettle orange ", count: 6), email: "a@x.org")?.contains("72") == true)
        #expect(PasswordRules.problem("kettle orange bicycle", email: "a@x.org") == nil)
    }

    @Test("API tokens: revoked, expired and reset-revoked tokens are refused; last use is recorded", arguments: StoreKind.available)
    func tokens(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            let service = try WebFixture.accountService(store)
            let auth = { (t: String) -> HTTPHeaders in ["Authorization": "Bearer \(t)"] }
            var client = WebTestClient(app)
            let (token, record) = try await service.issueAPIToken(email: "analyst@example.org", label: "nightly", days: nil, by: WebFixture.operator_)
            #expect(try await client.send(.GET, "/api/v1/submissions", headers: auth(token)).status == .ok)
            #expect(try await store.apiTokens().first { $0.id == record.id }?.lastUsedAt == WebFixture.clock.now())
            try await service.revokeAPIToken(id: record.id, by: WebFixture.operator_)
            #expect(try await client.send(.GET, "/api/v1/submissions", headers: auth(token)).status == .unauthorized)
            await #expect(throws: NotFound.self) { try await service.revokeAPIToken(id: record.id, by: WebFixture.operator_) }

            let (short, shortRecord) = try await service.issueAPIToken(email: "analyst@example.org", label: "a day", days: 1, by: WebFixture.operator_)
            let later = Instant(seconds: WebFixture.clock.now().seconds + 86_400)
            #expect(try await store.apiTokenAccount(digest: shortRecord.digest, now: Instant(seconds: later.seconds - 1)) != nil)
            #expect(try await store.apiTokenAccount(digest: shortRecord.digest, now: later) == nil, "expired at its expiry")
            _ = short

            let (kept, _) = try await service.issueAPIToken(email: "analyst@example.org", label: "kept", days: nil, by: WebFixture.operator_)
            let analyst = try #require(try await store.account(email: "analyst@example.org"))
            let admin = try #require(try await store.account(email: "admin@example.org"))
            let adminCaller = Caller(accountID: admin.id, name: admin.name, role: .admin, agencyID: nil, channel: .page)
            _ = try await service.resetPassword(accountID: analyst.id, by: adminCaller)
            #expect(try await client.send(.GET, "/api/v1/submissions", headers: auth(kept)).status == .unauthorized, "a reset revokes the account's tokens")
            // Only admins manage tokens.
            let lead = try #require(try await store.account(email: "agency-lead@example.org"))
            let leadCaller = Caller(accountID: lead.id, name: lead.name, role: .agencyLead, agencyID: lead.agencyID, channel: .api)
            await #expect(throws: AccessDenied.self) { try await service.issueAPIToken(email: lead.email, label: "x", days: nil, by: leadCaller) }
        }
    }

    @Test("An admin revokes a token on the Accounts page; the revocation is audited", arguments: StoreKind.available)
    func revokeOnPage(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            let (_, record) = try await WebFixture.accountService(store).issueAPIToken(
                email: "analyst@example.org", label: "nightly", days: nil, by: WebFixture.operator_)
            var admin = WebTestClient(app)
            _ = try await admin.signIn("admin@example.org", WebFixture.password)
            let page = try await admin.send(.GET, "/admin/accounts")
            #expect(page.body.string.contains(record.id))
            let res = try await admin.send(.POST, "/admin/tokens/\(record.id)/revoke", form: ["csrf": WebTestClient.csrf(in: page) ?? ""])
            #expect(res.status == .seeOther)
            #expect(try await store.apiTokens().first { $0.id == record.id }?.revokedAt != nil)
            #expect(try await store.auditEvents().contains { $0.action == "api-token.revoke" && $0.target == record.id })
            var lead = WebTestClient(app)
            _ = try await lead.signIn("agency-lead@example.org", WebFixture.password)
            let form = try await lead.send(.GET, "/account")
            #expect(try await lead.send(.POST, "/admin/tokens/\(record.id)/revoke", form: ["csrf": WebTestClient.csrf(in: form) ?? ""]).status == .forbidden)
        }
    }

    @Test("At most two uploads are checked at once; a third is told to try again (503 with Retry-After)")
    func uploadGate() async throws {
        let gate = UploadGate(limit: 2)
        let (stream, release) = AsyncStream<Void>.makeStream()
        let held = Task { try await gate.run { for await _ in stream { break } } }
        let held2 = Task { try await gate.run { try await Task.sleep(for: .milliseconds(300)) } }
        try await Task.sleep(for: .milliseconds(100))
        do {
            try await gate.run {}
            Issue.record("a third upload was let through")
        } catch let abort as Abort {
            #expect(abort.status == .serviceUnavailable && abort.headers.first(name: "Retry-After") == "30")
        }
        release.yield(); release.finish()
        try await held.value
        try await held2.value
        try await gate.run {}
    }

    @Test("With --secure-cookies every answer carries HSTS; without it none does", arguments: StoreKind.available)
    func hsts(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            for tls in [true, false] {
                let app = try await Application.make(.testing)
                WebApp.configure(
                    app,
                    context: WebContext(
                        try UseCases(store: store, spec: try FrameworkService.load(), hasher: WebFixture.hasher, clock: WebFixture.clock), secureCookies: tls))
                var client = WebTestClient(app)
                for path in ["/sign-in", "/nowhere", "/api/v1/framework"] {
                    let res = try await client.send(.GET, path)
                    #expect(res.headers.contains(name: "Strict-Transport-Security") == tls, "\(path) tls=\(tls)")
                }
                try await app.asyncShutdown()
            }
        }
    }

    @Test(
        "Bodies over a real connection: forms stop at 2 MB, uploads at the upload limit, and a caller who is not signed in is refused before the upload is read"
    )
    func bodyLimits() async throws {
        try await withStore(.sqlite) { store in
            try await WebFixture.accounts(store)
            let token = try await WebFixture.token(store, email: "agency-lead@example.org")
            let app = try await Application.make(.testing)
            let useCases = try UseCases(store: store, spec: try FrameworkService.load(), hasher: WebFixture.hasher, clock: WebFixture.clock)
            WebApp.configure(app, context: WebContext(useCases, uploadLimit: 1024 * 1024))
            // A real server on a free port, and Vapor's own client with a generous timeout: the testing library's
            // running tester allows each request 30 seconds, which a loaded two-core machine running the whole
            // suite has exceeded. Both are stopped on every path, an error included.
            app.http.client.configuration.timeout = .init(connect: .seconds(60), read: .seconds(300))
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            do {
                let port = try #require(app.http.server.shared.localAddress?.port)
                try await checkBodyLimits(app, port: port, token: token)
            } catch {
                await app.server.shutdown()
                try await app.asyncShutdown()
                throw error
            }
            await app.server.shutdown()
            try await app.asyncShutdown()
        }
    }

    func checkBodyLimits(_ app: Application, port: Int, token: String) async throws {
        func post(_ path: String, bytes: Int, headers: HTTPHeaders = [:]) async throws -> HTTPResponseStatus {
            let boundary = "b"
            let head =
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"people.csv\"\r\nContent-Type: text/csv\r\n\r\nperson_id\n"
            let rows = String(repeating: "x", count: bytes) + "\n"
            var h = headers
            h.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            let body = ByteBuffer(string: head + rows + "\r\n--\(boundary)--\r\n")
            return try await app.client.post(URI(string: "http://127.0.0.1:\(port)\(path)"), headers: h) { $0.body = body }.status
        }
        // Not signed in: refused (401) before the 1.5 MB are gathered; were they gathered first, the answer would be 413.
        #expect(try await post("/api/v1/submissions", bytes: 3 * 512 * 1024) == .unauthorized)
        // A form is not an upload: 3 MB is too large.
        #expect(try await post("/sign-in", bytes: 3 * 1024 * 1024) == .payloadTooLarge)
        // A signed-in agency's 0.5 MB upload is read and checked (refused for its content, not its size); 1.5 MB is not.
        let auth: HTTPHeaders = ["Authorization": "Bearer \(token)"]
        let checked = try await post("/api/v1/submissions", bytes: 512 * 1024, headers: auth)
        #expect(checked != .payloadTooLarge && checked != .unauthorized, "\(checked)")
        #expect(try await post("/api/v1/submissions", bytes: 3 * 512 * 1024, headers: auth) == .payloadTooLarge)
    }

    @Test("API errors never echo Swift's decoding errors", arguments: StoreKind.available)
    func apiDecodingErrors(kind: StoreKind) async throws {
        try await WebFixture.withAccounts(kind) { store, app in
            let token = try await WebFixture.token(store, email: "analyst@example.org")
            var client = WebTestClient(app)
            let res = try await client.send(
                .POST, "/api/v1/meetings", body: ByteBuffer(string: "{\"title\": 5"),
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"])
            #expect(res.status == .badRequest)
            for leak in ["DecodingError", "codingPath", "debugDescription", "dataCorrupted", "Swift."] {
                #expect(!res.body.string.contains(leak), "\(leak) in \(res.body.string)")
            }
        }
    }
}

@Suite("Security: packages and exports")
struct PackageSecurityTests {
    static func package(_ resources: [(name: String, path: String)]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-sec-\(UUID().uuidString)/pkg")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let list = resources.map { "{\"name\": \"\($0.name)\", \"path\": \"\($0.path)\"}" }.joined(separator: ",")
        try Data("{\"name\": \"x\", \"dots\": {\"agency\": \"staffs-police\"}, \"resources\": [\(list)]}".utf8).write(
            to: dir.appendingPathComponent("datapackage.json"))
        try Data("person_id\n1\n".utf8).write(to: dir.appendingPathComponent("people.csv"))
        // A file outside the package that a traversal would reach.
        try Data("secret,hub,file\n".utf8).write(to: dir.deletingLastPathComponent().appendingPathComponent("people.csv"))
        return dir.path
    }

    @Test("A manifest listing one file hundreds of times is refused before any file is read")
    func duplicateResources() throws {
        let path = try Self.package(Array(repeating: ("people", "people.csv"), count: 800))
        #expect(throws: SubmissionSource.ReadError.self) { try SubmissionSource.load(path: path) }
        let twice = try Self.package([("people", "people.csv"), ("missing_episodes", "people.csv")])
        #expect(throws: SubmissionSource.ReadError.self) { try SubmissionSource.load(path: twice) }
        let uploads = [
            (name: "datapackage.json", bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path + "/datapackage.json")))),
            (name: "people.csv", bytes: Array("person_id\n1\n".utf8)),
        ]
        #expect(throws: SubmissionSource.ReadError.self) { try SubmissionSource.uploaded(uploads, agency: nil, period: nil, label: "x") }
    }

    @Test("Resource paths and mapped file names must be plain names in the folder: ../ is refused, not followed")
    func traversal() throws {
        for bad in ["../people.csv", "/etc/passwd", "sub/people.csv", "..\\\\people.csv", ".hidden.csv"] {
            let path = try Self.package([("people", bad)])
            #expect(throws: SubmissionSource.ReadError.self, "\(bad)") { try SubmissionSource.load(path: path) }
        }
        #expect(PlainFileName.problem("people.csv") == nil)
        #expect(PlainFileName.problem("people 2026 Q1.csv") == nil)
    }

    @Test("The intake report CSV is formula-safe and bounded; echoed names and values are cut")
    func reportCSV() {
        var report = IntakeReport(files: [.init(file: "=cmd|' /C calc'!A0.csv", dataset: nil)])
        report.add(IntakeIssue(.extraColumn, file: "=cmd|' /C calc'!A0.csv", row: 2, column: "@SUM(A1)", value: "+HYPERLINK(\"http://x\")", rule: "-1+1"))
        let huge = String(repeating: "A", count: 1_000_000)
        report.add(IntakeIssue(.extraColumn, file: "f.csv", row: 3, column: huge, value: huge, rule: huge))
        let csv = report.csv()
        for line in csv.split(separator: "\n").dropFirst() {
            for cell in line.split(separator: ",") {
                let c = cell.hasPrefix("\"") ? cell.dropFirst() : cell
                #expect(!(c.first.map { "=+-@".contains($0) } ?? false), "\(cell)")
            }
        }
        #expect(csv.utf8.count < 3_000, "a megabyte header is not a megabyte report row")
    }

    @Test("Markdown exports show typed HTML and Markdown as text, never markup")
    func markdown() {
        let a = ActionItem(
            id: "act-1", title: "<script>alert(1)</script> [click](javascript:alert(1)) | x", detail: "", agencyID: nil, ownerID: nil,
            ownerName: "<img src=x onerror=alert(1)>", due: CalendarDate(iso: "2027-01-01")!, status: .notStarted,
            prompt: ActionPrompt(kind: .other, reference: "", text: "**bold**"), suggestionKey: nil, meetingID: nil,
            createdAt: WebFixture.clock.now(), createdBy: "x", updatedAt: WebFixture.clock.now())
        let md = GovernanceExport.actions([a], today: CalendarDate(iso: "2026-12-01")!, format: .md)
        #expect(!md.contains("<script"))
        #expect(!md.contains("<img"))
        #expect(!md.contains("[click]") && md.contains("\\[click\\](javascript"), "the link is escaped, so no renderer makes it a link")
        #expect(!md.contains("**bold**"))
        #expect(md.contains("&lt;script&gt;"))
    }
}

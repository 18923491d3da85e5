import DotsApp
import DotsCore
import DotsFramework
import DotsStore
import DotsSynth
import DotsTestSupport
import DotsVoice
import DotsWeb
import Foundation
import Logging
import Testing
import Vapor
import VaporTesting

@Suite("Voice on the web: the young person's form, alerts, who reads words, nothing in the logs")
struct VoiceWebTests {
    /// Accounts, and people at every agency (a small synthetic partnership).
    static func fixture(_ store: HubStore) async throws -> [String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-voice-web-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var config = SynthConfig()
        config.people = 300
        _ = try await DemoService(directory: dir, config: config, clock: WebFixture.clock).run(store: store) { _ in }
        try await WebFixture.accounts(store)
        return try await store.currentPersonIDs(agency: "staffs-csc").sorted()
    }

    static func code(in html: String) -> String? {
        guard let r = html.range(of: "<span class=\"dots-code\">") else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "<" })
    }

    @Test(
        "A code over HTTP: refused kindly when wrong, saved and reopened, sent; unsafe-now shows help at once and alerts the practitioner on every page",
        arguments: StoreKind.available)
    func formOverHTTP(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let people = try await Self.fixture(store)
            try await WebFixture.withApp(store) { app in
                var practitioner = WebTestClient(app)
                _ = try await practitioner.signIn("practitioner@example.org", WebFixture.password)
                let csrf = try #require(WebTestClient.csrf(in: try await practitioner.send(.GET, "/voice")))
                let issued = try await practitioner.send(.POST, "/voice/codes", form: ["csrf": csrf, "person": people[0], "version": "8-11", "days": "14"])
                #expect(issued.status == .ok)
                let code = try #require(Self.code(in: issued.body.string))

                var child = WebTestClient(app)
                let start = try await child.send(.GET, "/your-say")
                #expect(start.status == .ok && start.body.string.contains("Leave this page"))
                #expect(!start.body.string.contains("exploitation"), "the young person's pages never say what the service is about")
                let token = try #require(WebTestClient.csrf(in: start))
                let wrong = try await child.send(.POST, "/your-say", form: ["csrf": token, "code": "ABCD-EFGH"])
                #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("We do not recognise that code"))
                let forged = try await child.send(.POST, "/your-say", form: ["csrf": "forged", "code": code])
                #expect(forged.status == .forbidden && forged.body.string.contains("timed out"))
                #expect(!forged.body.string.contains("exploitation"), "refused in the form's own words, not on a staff page")
                let missing = try await child.send(.GET, "/your-say/no-such-page")
                #expect(missing.status == .notFound && missing.body.string.contains("Leave this page") && !missing.body.string.contains("exploitation"))
                #expect(try await child.send(.POST, "/your-say", form: ["csrf": token, "code": code.lowercased()]).status == .seeOther)
                let form = try await child.send(.GET, "/your-say/form")
                #expect(form.status == .ok && form.body.string.contains("Do you feel safe?") && form.body.string.contains("What happens to what you tell us"))
                let saved = try await child.send(
                    .POST, "/your-say/form", form: ["csrf": token, "action": "save", FeedbackForm.whatHelped: "boxing club", FeedbackForm.trustedAdult: "Y"])
                #expect(saved.status == .ok && saved.body.string.contains("Your answers are saved"))
                #expect(try await child.send(.GET, "/your-say/form").status == .seeOther, "the form's cookie ends with the save")
                _ = try await child.send(.POST, "/your-say", form: ["csrf": token, "code": code])
                let back = try await child.send(.GET, "/your-say/form")
                #expect(back.body.string.contains(">boxing club</textarea>") && back.body.string.contains("value=\"Y\" checked"))
                let sent = try await child.send(
                    .POST, "/your-say/form", form: ["csrf": token, "action": "send", FeedbackForm.feelSafe: FeelSafe.unsafeNow.rawValue])
                #expect(sent.status == .ok && sent.body.string.contains("You said you feel unsafe right now"))
                #expect(sent.body.string.contains("0800 1111"), "the partnership's wording: who to contact now")
                let used = try await child.send(.POST, "/your-say", form: ["csrf": token, "code": code])
                #expect(used.status == .unprocessableEntity && used.body.string.contains("already been used"))

                // The practitioner sees the alert on every page, and closes it with what they did.
                let anyPage = try await practitioner.send(.GET, "/framework")
                #expect(anyPage.body.string.contains("said they feel unsafe right now"))
                let workspace = try await practitioner.send(.GET, "/voice")
                let html = workspace.body.string
                let alertID = try #require(html.range(of: "/voice/alerts/").map { String(html[$0.upperBound...].prefix { $0 != "/" }) })
                #expect(
                    try await practitioner.send(.POST, "/voice/alerts/\(alertID)/close", form: ["csrf": csrf, "action": ""]).status == .unprocessableEntity)
                #expect(try await practitioner.send(.POST, "/voice/alerts/\(alertID)/close", form: ["csrf": csrf, "action": "Rang them"]).status == .seeOther)
                #expect(!(try await practitioner.send(.GET, "/framework")).body.string.contains("said they feel unsafe right now"))
            }
        }
    }

    @Test("Words as written only to the recording agency's readers; de-identified to analysts; refused to strategic leads", arguments: StoreKind.available)
    func readersOverHTTP(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let people = try await Self.fixture(store)
            try await WebFixture.withApp(store) { app in
                var practitioner = WebTestClient(app)
                _ = try await practitioner.signIn("practitioner@example.org", WebFixture.password)
                let csrf = try #require(WebTestClient.csrf(in: try await practitioner.send(.GET, "/voice/records/new")))
                let saved = try await practitioner.send(
                    .POST, "/voice/records",
                    form: [
                        "csrf": csrf, "person": people[0], "date": "2026-10-01", "source": "return_interview", "respondent": "child", "consent": "quote",
                        FeedbackForm.whatHelped: "Kayleigh from the youth club in Cannock <b>helped</b>",
                    ])
                #expect(saved.status == .seeOther)
                #expect(
                    try await practitioner.send(.GET, "/voice/records").body.string.contains(
                        "Kayleigh from the youth club in Cannock &lt;b&gt;helped&lt;/b&gt;"))
                for (role, sees, status) in [
                    ("analyst", "[name] from the youth club in [place]", HTTPResponseStatus.ok), ("admin", "[name] from the youth club in [place]", .ok),
                    ("agency-lead", "No feedback yet", .ok), ("strategic-lead", "", .forbidden),
                ] {
                    var client = WebTestClient(app)
                    _ = try await client.signIn("\(role)@example.org", WebFixture.password)
                    let res = try await client.send(.GET, "/voice/records")
                    #expect(res.status == status, "\(role)")
                    #expect(!res.body.string.contains("Kayleigh") && !res.body.string.contains("Cannock"), "\(role) reads the words as written")
                    if !sees.isEmpty { #expect(res.body.string.contains(sees), "\(role)") }
                }
                // The analyst codes the words (de-identified), and the page shows the change: who, what, which codebook.
                var analyst = WebTestClient(app)
                _ = try await analyst.signIn("analyst@example.org", WebFixture.password)
                let coding = try await analyst.send(.GET, "/voice/coding")
                let page = coding.body.string
                let record = try #require(page.range(of: "name=\"record\" value=\"").map { String(page[$0.upperBound...].prefix { $0 != "\"" }) })
                let token = try #require(WebTestClient.csrf(in: coding))
                let coded = try await analyst.send(
                    .POST, "/voice/coding", form: ["csrf": token, "record": record, "item": FeedbackForm.whatHelped, "themes[]": "help-that-worked"])
                #expect(coded.status == .seeOther)
                let after = try await analyst.send(.GET, "/voice/coding")
                #expect(
                    after.body.string.contains("Changes (1)") && after.body.string.contains("Test Partnership analyst added Help that worked (codebook v1)"))
            }
        }
    }

    /// Collects every log line, so a test can say what never reaches the log.
    final class Captured: LogHandler, @unchecked Sendable {
        let lock = NSLock()
        var lines: [String] = []
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            // The error too: a refused form's error must not carry what was typed either.
            lock.withLock { lines.append("\(event.message) \(event.metadata ?? [:]) \(self.metadata) \(event.error.map { "\($0)" } ?? "")") }
        }
    }

    @Test("Nothing a young person types reaches the server's log, even at trace level and when the form is refused")
    func nothingInTheLogs() async throws {
        try await withStore(.sqlite) { store in
            let people = try await Self.fixture(store)
            let useCases = try UseCases(store: store, spec: try FrameworkService.load(), hasher: WebFixture.hasher, clock: WebFixture.clock)
            let practitioner = try #require(try await store.account(email: "practitioner@example.org"))
            let caller = Caller(accountID: practitioner.id, name: practitioner.name, role: .practitioner, agencyID: "staffs-csc", channel: .page)
            let code = try await useCases.voice.issueCode(personID: people[0], version: .young12to17, by: caller).code
            let captured = Captured()
            let app = try await Application.make(.testing)
            app.logger = Logger(label: "dots-test") { _ in captured }
            app.logger.logLevel = .trace
            WebApp.configure(app, context: WebContext(useCases))
            var client = WebTestClient(app)
            func send(_ method: HTTPMethod, _ path: String, _ form: [String: String]? = nil) async throws -> TestingHTTPResponse {
                try await client.send(method, path, form: form)
            }
            let token = try #require(WebTestClient.csrf(in: try await send(.GET, "/your-say")))
            #expect(try await send(.POST, "/your-say", ["csrf": token, "code": code]).status == .seeOther)
            let secret = "Quokka-Zephyr-4417"
            // Refused (too long, and a choice the form does not offer), then saved, then sent.
            let refused = try await send(
                .POST, "/your-say/form",
                ["csrf": token, "action": "send", FeedbackForm.whatWorse: secret + String(repeating: "x", count: 2_001), FeedbackForm.feelSafe: secret])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await send(.POST, "/your-say/form", ["csrf": token, "action": "save", FeedbackForm.whatHelped: secret]).status == .ok)
            _ = try await send(.POST, "/your-say", ["csrf": token, "code": code])
            #expect(try await send(.POST, "/your-say/form", ["csrf": token, "action": "send", FeedbackForm.anythingElse: secret]).status == .ok)
            try await app.asyncShutdown()
            let log = captured.lock.withLock { captured.lines.joined(separator: "\n") }
            #expect(log.contains("Application shutting down"), "the log was captured")
            #expect(!log.contains(secret) && !log.contains("Quokka"))
            #expect(!log.contains(code) && !log.contains(code.replacingOccurrences(of: "-", with: "")), "nor the code")
        }
    }
}

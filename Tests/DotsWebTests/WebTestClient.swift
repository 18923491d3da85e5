import DotsApp
import DotsBcrypt
import DotsCore
import DotsFramework
import DotsStore
import DotsTestSupport
import DotsWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// A browser stand-in for route tests: keeps cookies, reads CSRF tokens from pages, posts forms.
struct WebTestClient {
    let app: Application
    var cookies: [String: String] = [:]

    init(_ app: Application) { self.app = app }

    @discardableResult
    mutating func send(_ method: HTTPMethod, _ path: String, form: [String: String]? = nil, body raw: ByteBuffer? = nil, headers extra: HTTPHeaders = [:])
        async throws -> TestingHTTPResponse
    {
        var headers = extra
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        var body = raw ?? ByteBuffer()
        if let form {
            headers.contentType = .urlEncodedForm
            body = ByteBuffer(
                string: form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&"))
        }
        let res = try await app.testing().performTest(request: TestingHTTPRequest(method: method, url: URI(string: path), headers: headers, body: body))
        for set in res.headers[.setCookie] {
            let pair = set.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if set.contains("Max-Age=0") || value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
        }
        return res
    }

    /// Posts `multipart/form-data` as a browser's file upload does: text fields, then each file as `files[]`.
    @discardableResult
    mutating func upload(_ path: String, files: [(name: String, content: String)], fields: [String: String] = [:], headers extra: HTTPHeaders = [:])
        async throws -> TestingHTTPResponse
    {
        let boundary = "----dots-test-boundary"
        var body = ""
        for (k, v) in fields.sorted(by: { $0.key < $1.key }) {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n"
        }
        for f in files {
            body +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"\(f.name)\"\r\nContent-Type: text/csv\r\n\r\n\(f.content)\r\n"
        }
        body += "--\(boundary)--\r\n"
        var headers = extra
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await send(.POST, path, body: ByteBuffer(string: body), headers: headers)
    }

    /// The hidden CSRF field's value on a page.
    static func csrf(in res: TestingHTTPResponse) -> String? {
        let html = res.body.string
        guard let r = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    mutating func signIn(_ email: String, _ password: String) async throws -> TestingHTTPResponse {
        let form = try await send(.GET, "/sign-in")
        return try await send(.POST, "/sign-in", form: ["email": email, "password": password, "csrf": Self.csrf(in: form) ?? "", "next": ""])
    }
}

enum WebFixture {
    static let password = "correct-horse-battery"
    static let clock = FixedClock(Instant(iso: "2026-11-24T12:00:00Z")!)

    static let hasher = BcryptHasher()
    /// The command line, as the tests' operator.
    static let operator_ = Caller.commandLine(user: "test")

    static func accountService(_ store: HubStore) throws -> AccountService {
        try AccountService(store: store, hasher: hasher, clock: clock)
    }

    /// One account per role; the agency lead acts for Staffordshire Police, the practitioner works for
    /// Staffordshire children's social care.
    static func accounts(_ store: HubStore) async throws {
        let service = try accountService(store)
        for role in Role.allCases {
            try await service.create(
                email: "\(role.rawValue)@example.org", name: "Test \(role.title)", role: role,
                agencyID: role == .agencyLead ? "staffs-police" : role == .practitioner ? "staffs-csc" : nil, password: password, by: operator_)
        }
    }

    /// A new API token for an account, issued as `dots token issue` would.
    static func token(_ store: HubStore, email: String, label: String = "nightly", days: Int? = nil) async throws -> String {
        try await accountService(store).issueAPIToken(email: email, label: label, days: days, by: operator_).token
    }

    /// A store of `kind` with one account per role, and a running app over it, for the duration of `body`.
    static func withAccounts(_ kind: StoreKind, _ body: (HubStore, Application) async throws -> Void) async throws {
        try await withStore(kind) { store in
            try await accounts(store)
            try await withApp(store) { try await body(store, $0) }
        }
    }

    /// A running app over `store` for the duration of `body`.
    static func withApp<T>(_ store: HubStore, _ body: (Application) async throws -> T) async throws -> T {
        try await withApp(store) { app, _ in try await body(app) }
    }

    /// A running app over `store`, and the use cases it holds (to run what `dots serve` runs in the background).
    static func withApp<T>(_ store: HubStore, _ body: (Application, UseCases) async throws -> T) async throws -> T {
        let app = try await Application.make(.testing)
        let useCases = try UseCases(store: store, spec: try FrameworkService.load(), hasher: hasher, clock: clock)
        WebApp.configure(app, context: WebContext(useCases))
        do {
            let result = try await body(app, useCases)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}

import DotsApp
import DotsCore
import Vapor

/// Loads the signed-in person (session cookie, or an API token for the API), refuses forms without the session's
/// CSRF token, and sets the security headers on every response.
struct SessionMiddleware: AsyncMiddleware {
    let context: WebContext
    static let cookie = "dots_session"
    /// Before sign-in there is no session to bind a CSRF token to, so the sign-in form uses a cookie and a field
    /// that must match (double submit), on top of SameSite cookies.
    static let preSessionCookie = "dots_csrf"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = req.cookies[Self.cookie]?.string,
            let (session, account) = try await context.accounts.session(digest: SecretTokens.digest(token))
        {
            var user = CurrentUser(
                account: account, csrfToken: session.csrfToken, sessionDigest: session.tokenDigest,
                channel: req.url.path.hasPrefix("/api/") ? .api : .page)
            if user.caller.channel == .page { user.openAlerts = await context.useCases.voice.openAlertCount(by: user.caller) }
            req.currentUser = user
        } else if req.url.path.hasPrefix("/api/"), let bearer = req.headers.bearerAuthorization,
            let account = try await context.accounts.account(forAPIToken: bearer.token)
        {
            req.currentUser = CurrentUser(account: account, csrfToken: nil, sessionDigest: nil, channel: .api)
        }
        if req.method != .GET && req.method != .HEAD, let user = req.currentUser, let expected = user.csrfToken {
            // A large body (a file upload) arrives in parts after the head: gather it before reading the token.
            if req.body.data == nil {
                _ = try await req.body.collect(max: WebApp.bodyLimit(method: req.method, path: req.url.path, context: context)).get()
            }
            let sent = Self.sentToken(req) ?? req.headers.first(name: "X-CSRF-Token") ?? ""
            guard SecretTokens.equal(sent, expected) else {
                throw Abort(.forbidden, reason: "This form has expired or did not come from Dots. Go back, reload the page and try again.")
            }
        }
        let response = try await next.respond(to: req)
        Self.secure(response, signedIn: req.currentUser != nil, tls: context.secureCookies)
        return response
    }

    /// The form's `csrf` field. A plain form (every page's) is scanned for it directly: the route decodes the form
    /// anyway, and decoding it twice was a twentieth of a journey view's time. Uploads and JSON go through Vapor's decoders.
    static func sentToken(_ req: Request) -> String? {
        if req.headers.contentType == .urlEncodedForm, let body = req.body.data {
            return formField("csrf", in: body.getString(at: body.readerIndex, length: body.readableBytes) ?? "")
        }
        return try? req.content.get(String.self, at: "csrf")
    }

    /// The first value of `name` in an `application/x-www-form-urlencoded` body (`+` a space, `%XX` a byte), or nil.
    static func formField(_ name: String, in body: String) -> String? {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts[0] == name else { continue }
            return parts.count < 2 ? "" : String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }

    static func secure(_ response: Response, signedIn: Bool, tls: Bool) {
        // Served over TLS: browsers are told to use nothing else for a year.
        if tls { response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains") }
        let h = response.headers
        // A report document sets its own, stricter policy (no requests at all; its styles are inline).
        if !h.contains(name: "Content-Security-Policy") {
            response.headers.replaceOrAdd(
                name: "Content-Security-Policy",
                value:
                    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
            )
        }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        if signedIn && !h.contains(name: .cacheControl) { response.headers.replaceOrAdd(name: .cacheControl, value: "no-store") }
    }
}

/// The one place use-case errors become HTTP answers, for pages and the API alike: `AccessDenied` is 403,
/// `NotFound` 404, `InvalidInput` 422 (pages that re-show a form catch it themselves first), a body that does not
/// decode 400 (without Swift's decoding details); errors as pages for people and JSON for the API; a redirect stays
/// a redirect.
struct PageErrorMiddleware: AsyncMiddleware {
    let tls: Bool

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch let denied as AccessDenied {
            return render(req, status: .forbidden, reason: denied.reason)
        } catch let missing as NotFound {
            return render(req, status: .notFound, reason: missing.reason)
        } catch let invalid as InvalidInput {
            return render(req, status: .unprocessableEntity, reason: invalid.problems.map(\.message).joined(separator: ". "), problems: invalid.problems)
        } catch is DecodingError {
            return render(req, status: .badRequest, reason: "The request body is not what this address expects: check its fields against /api/openapi.json.")
        } catch let abort as any AbortError {
            if abort.status == .seeOther || abort.status == .found || abort.status == .temporaryRedirect {
                return Response(status: abort.status, headers: abort.headers)
            }
            // Vapor's own 400s quote Swift's decoding errors: say it in words instead.
            let reason = abort.status == .badRequest && abort.reason.contains("ecod") ? "The request body is not what this address expects." : abort.reason
            return render(req, status: abort.status, reason: reason)
        } catch {
            req.logger.error("Unhandled error: \(String(reflecting: error))")
            return render(
                req, status: .internalServerError, reason: "Something went wrong on our side. Try again; if it keeps happening, tell your partnership admin.")
        }
    }

    struct APIError: Encodable {
        let error: String
        let status: UInt
        let problems: [InputProblem]?
    }

    func render(_ req: Request, status: HTTPResponseStatus, reason: String, problems: [InputProblem]? = nil) -> Response {
        let response: Response
        if req.url.path.hasPrefix("/api/") {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let body = (try? encoder.encode(APIError(error: reason, status: status.code, problems: problems))) ?? Data("{}".utf8)
            response = Response(status: status, headers: ["Content-Type": "application/json"], body: .init(data: body))
        } else if req.url.path == "/your-say" || req.url.path.hasPrefix("/your-say/") {
            // The young person's pages never show the staff layout, which says what the service is about.
            let html = YourSayPages.message(status == .notFound ? "We cannot find that page. Go back to the start and type your code." : reason)
            response = Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: html.markup))
        } else {
            let title =
                status == .notFound
                ? "Page not found"
                : status == .forbidden ? "You do not have access to this page" : status == .unauthorized ? "Sign in" : "Sorry, there is a problem"
            let body = status == .notFound ? "If you typed the web address, check it is correct." : reason
            let html = Layout(title: title, user: req.currentUser, csrf: req.currentUser?.csrfToken).render(FormPages.message(title: title, body))
            response = Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: html.markup))
        }
        SessionMiddleware.secure(response, signedIn: req.currentUser != nil, tls: tls)
        return response
    }
}

extension Abort {
    static func redirect(to location: String) -> Abort {
        Abort(.seeOther, headers: ["Location": location])
    }
}

import DotsApp
import DotsCore
import DotsVoice
import Vapor

/// The feedback form young people, parents and carers fill in with a one-time code: no account, no script.
/// The code is typed into a form (never put in an address, so it is in no server, proxy or browser history), then
/// kept in a cookie for this path only while they answer. What they type is never logged: the use case audits
/// the code and record ids only, and errors here say which item, never what was written.
struct YourSayRoutes {
    let context: WebContext
    var voice: VoiceService { context.useCases.voice }
    static let cookie = "dots_your_say"

    func register(_ app: Application) {
        app.get("your-say", use: start)
        app.post("your-say", use: open)
        app.get("your-say", "form", use: form)
        app.post("your-say", "form", use: answer)
    }

    func cookie(_ value: String, maxAge: Int, path: String) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, expires: nil, maxAge: maxAge, domain: nil, path: path, isSecure: context.secureCookies, isHTTPOnly: true, sameSite: .strict)
    }

    /// The token forms carry: the session's for someone signed in (the session middleware checks it), else a
    /// double-submit cookie, as on the sign-in page.
    func csrf(_ req: Request, _ res: Response) -> String {
        if let token = req.currentUser?.csrfToken { return token }
        if let existing = req.cookies[SessionMiddleware.preSessionCookie]?.string, !existing.isEmpty { return existing }
        let token = SecretTokens.random()
        res.cookies[SessionMiddleware.preSessionCookie] = cookie(token, maxAge: 7200, path: "/")
        return token
    }

    /// Whether the form came from this page; when not, the young person is told in the form's own words (never
    /// on a staff page, which would say what the service is about).
    func fromThisPage(_ req: Request, sent: String?) -> Bool {
        guard req.currentUser == nil else { return true }  // checked by the session middleware
        let expected = req.cookies[SessionMiddleware.preSessionCookie]?.string ?? ""
        return !expected.isEmpty && SecretTokens.equal(sent ?? "", expected)
    }

    func timedOut(_ req: Request) -> Response {
        respond(req, status: .forbidden) { YourSayPages.refused("This page has timed out. Type your code again to carry on.", csrf: $0) }
    }

    func respond(_ req: Request, status: HTTPResponseStatus = .ok, _ render: (String) -> HTML) -> Response {
        let res = Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"])
        res.body = .init(string: render(csrf(req, res)).markup)
        return res
    }

    func start(_ req: Request) async throws -> Response {
        respond(req) { YourSayPages.start(csrf: $0) }
    }

    func open(_ req: Request) async throws -> Response {
        struct Form: Content { var code: String?; var csrf: String? }
        let f = (try? req.content.decode(Form.self)) ?? Form()
        guard fromThisPage(req, sent: f.csrf) else { return timedOut(req) }
        let address = ClientAddress.of(
            remote: req.remoteAddress?.ipAddress, forwardedFor: req.headers.first(name: "X-Forwarded-For"), trustedProxy: context.trustedProxy)
        do {
            let code = try await voice.openCode(f.code ?? "", address: address)
            let res = req.redirect(to: "/your-say/form")
            let left = Int(code.expiresAt.seconds - context.clock.now().seconds)
            // The code as Dots writes it (no spaces or lower case to trouble a cookie).
            res.cookies[Self.cookie] = cookie(FeedbackCodeFormat.normalise(f.code ?? "") ?? "", maxAge: max(60, min(7200, left)), path: "/your-say")
            return res
        } catch {
            return respond(req, status: .unprocessableEntity) { YourSayPages.refused(error.message, csrf: $0) }
        }
    }

    func form(_ req: Request) async throws -> Response {
        guard let code = req.cookies[Self.cookie]?.string else { return req.redirect(to: "/your-say") }
        do {
            let (c, form) = try await voice.form(code: code)
            return respond(req) { YourSayPages.form(form, saved: c.draft, expires: UKTime.display(c.expiresAt), csrf: $0) }
        } catch {
            return respond(req, status: .unprocessableEntity) { YourSayPages.refused(error.message, csrf: $0) }
        }
    }

    func answer(_ req: Request) async throws -> Response {
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        guard fromThisPage(req, sent: fields["csrf"]) else { return timedOut(req) }
        guard let code = req.cookies[Self.cookie]?.string else { return req.redirect(to: "/your-say") }
        do {
            let (outcome, unsafe, settings) = try await voice.answer(code: code, fields: fields, send: fields["action"] == "send")
            let message = unsafe ? settings.unsafeMessage : nil
            let res: Response
            switch outcome {
            case .sent: res = respond(req) { _ in YourSayPages.sent(unsafe: message) }
            case .saved(let until): res = respond(req) { _ in YourSayPages.saved(until: UKTime.display(until), unsafe: message) }
            }
            res.cookies[Self.cookie] = cookie("", maxAge: 0, path: "/your-say")
            return res
        } catch let refusal as VoiceService.CodeRefusal {
            return respond(req, status: .unprocessableEntity) { YourSayPages.refused(refusal.message, csrf: $0) }
        } catch let invalid as InvalidInput {
            // Show the form again with what they wrote, and the problems beside the items.
            let (c, form) = try await voice.form(code: code)
            var draft = c.draft
            for item in form.items {
                let v = fields[item.id] ?? ""
                if item.isText { draft.texts[item.id] = v.isEmpty ? nil : v } else { draft.choices[item.id] = v.isEmpty ? nil : v }
            }
            return respond(req, status: .unprocessableEntity) {
                YourSayPages.form(form, saved: draft, expires: UKTime.display(c.expiresAt), csrf: $0, errors: invalid.formErrors)
            }
        }
    }
}

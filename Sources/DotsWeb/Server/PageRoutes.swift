import DotsApp
import DotsCore
import DotsFramework
import DotsGovernance
import Vapor

/// The pages: sign-in, the account page and the framework. Each handler decodes, calls a use case with the
/// signed-in `Caller` (which asks `AccessPolicy`) and renders.
struct PageRoutes {
    let context: WebContext

    func register(_ app: Application) {
        app.get { req -> Response in
            req.currentUser == nil ? req.redirect(to: "/sign-in") : req.redirect(to: "/framework")
        }
        app.get("assets", "dots.css") { _ in
            Response(
                status: .ok, headers: ["Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600"], body: .init(string: Stylesheet.css))
        }
        app.get("assets", "dots.svg") { _ in
            Response(status: .ok, headers: ["Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400"], body: .init(string: Stylesheet.logo))
        }
        app.get("healthz") { _ in "ok" }
        app.get("accessibility") { req in
            page(Layout(title: "Accessibility", user: req.currentUser, csrf: req.currentUser?.csrfToken).render(AccessibilityStatement.page))
        }
        app.get("sign-in", use: signInForm)
        app.post("sign-in", use: signIn)
        app.post("sign-out", use: signOut)
        app.get("account", use: account)
        app.post("account", "password", use: changePassword)
        app.get("framework", use: overview)
        app.get("framework", "indicators", ":id", use: indicator)
        app.post("framework", "recompute", use: recompute)
    }

    func layout(_ req: Request, _ title: String, active: String = "") -> Layout {
        Layout(title: title, user: req.currentUser, active: active, csrf: req.currentUser?.csrfToken)
    }

    // MARK: signing in and out

    func signInForm(_ req: Request) async throws -> Response {
        if req.currentUser != nil { return req.redirect(to: "/framework") }
        let token = SecretTokens.random()
        let res = page(layout(req, "Sign in").render(FormPages.signIn(csrf: token, next: req.query[String.self, at: "next"] ?? "")))
        res.cookies[SessionMiddleware.preSessionCookie] = cookie(token, maxAge: 3600)
        return res
    }

    func signIn(_ req: Request) async throws -> Response {
        struct Form: Content { var email: String?; var password: String?; var csrf: String?; var next: String? }
        let form = try req.content.decode(Form.self)
        let expected = req.cookies[SessionMiddleware.preSessionCookie]?.string ?? ""
        guard !expected.isEmpty, SecretTokens.equal(form.csrf ?? "", expected) else {
            throw Abort(.forbidden, reason: "This form has expired. Go back, reload the page and sign in again.")
        }
        let email = form.email ?? ""
        var errors: [(field: String, message: String)] = []
        if email.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(("email", "Enter your email address")) }
        if (form.password ?? "").isEmpty { errors.append(("password", "Enter your password")) }
        if errors.isEmpty {
            do {
                let (token, _, _) = try await context.accounts.signIn(email: email, password: form.password ?? "", address: clientAddress(req))
                let res = req.redirect(to: SignInRedirect.target(form.next, roots: SignInRedirect.pageRoots(req.application.routes)))
                res.cookies[SessionMiddleware.cookie] = cookie(token, maxAge: Int(AccountService.sessionLength))
                res.cookies[SessionMiddleware.preSessionCookie] = cookie("", maxAge: 0)
                return res
            } catch AccountService.SignInError.throttled(let seconds) {
                let wait = seconds < 90 ? "\(seconds) seconds" : "\((seconds + 59) / 60) minutes"
                errors.append(("email", "Too many failed attempts. Wait \(wait), then try again"))
            } catch AccountService.SignInError.incorrect {
                errors.append(("email", "Enter a correct email address and password"))
            }
        }
        let html = layout(req, "Error: Sign in").render(FormPages.signIn(csrf: expected, email: email, next: form.next ?? "", errors: errors))
        return page(html, status: .unprocessableEntity)
    }

    func signOut(_ req: Request) async throws -> Response {
        if let user = req.currentUser, let digest = user.sessionDigest {
            try await context.accounts.signOut(digest: digest, accountID: user.id)
        }
        let res = req.redirect(to: "/sign-in")
        res.cookies[SessionMiddleware.cookie] = cookie("", maxAge: 0)
        return res
    }

    func clientAddress(_ req: Request) -> String {
        ClientAddress.of(remote: req.remoteAddress?.ipAddress, forwardedFor: req.headers.first(name: "X-Forwarded-For"), trustedProxy: context.trustedProxy)
    }

    func cookie(_ value: String, maxAge: Int) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, expires: nil, maxAge: maxAge, domain: nil, path: "/", isSecure: context.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    // MARK: account

    func account(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        return page(
            layout(req, "Your account", active: "account").render(
                FormPages.account(user, csrf: user.csrfToken ?? "", changed: req.query[String.self, at: "changed"] != nil)))
    }

    func changePassword(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        struct Form: Content { var current: String?; var new: String? }
        let form = try req.content.decode(Form.self)
        do {
            try await context.accounts.changePassword(user.account, current: form.current ?? "", new: form.new ?? "")
        } catch let e as InvalidInput {
            return page(
                layout(req, "Error: Your account", active: "account").render(FormPages.account(user, csrf: user.csrfToken ?? "", errors: e.formErrors)),
                status: .unprocessableEntity)
        }
        // Changing the password ended every session, this one too: sign in again with the new one.
        let res = req.redirect(to: "/sign-in?next=%2Faccount%3Fchanged%3D1")
        res.cookies[SessionMiddleware.cookie] = cookie("", maxAge: 0)
        return res
    }

    // MARK: framework

    func today() -> CalendarDate { UKTime.localDate(of: context.clock.now()) }

    func overview(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        guard let reading = try await context.framework.reading(by: user.caller) else {
            return page(
                layout(req, "Framework", active: "framework").render(
                    FormPages.message(title: "No figures yet", "The framework has not been computed on this store: an analyst runs `dots framework compute`.")))
        }
        let report = reading.report, exact = reading.exact
        let filter = FrameworkFilter(req, today: today())
        // The data map's gaps change without a new run: they are part of the cached page's key.
        let gapsKey = reading.dataGaps.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.joined(separator: ";"))" }.joined(separator: "|")
        // So does approved commentary on the questions: the versions shown are part of the key too.
        let notes = try await context.governance.questionCommentary(partnership: filter.partnership, by: user.caller)
        let notesKey = notes.values.map(\.id).sorted().joined(separator: ",")
        let mayWrite = user.can(.writeCommentary)
        let main = await rendered("overview|\(exact)|\(mayWrite)|\(filter.query)|\(gapsKey)|\(notesKey)", run: report.run.id) {
            OverviewPage(report: report, filter: filter, exact: exact, dataGaps: reading.dataGaps, commentary: notes, mayWrite: mayWrite).render()
        }
        // Per reader (the cached page is per run and filter): where the data map says what data could answer each question.
        let coverage: HTML =
            user.can(.viewGovernance)
            ? "<p>The data side of what we don't know: <a href=\"/datamap/coverage\">which data could answer each question</a>, from the partnership data map (submitted, held but not submitted, or not held).</p>"
            : ""
        let status = FrameworkPages.freshness(reading, csrf: user.csrfToken ?? "", asked: req.query[String.self, at: "recompute"] != nil)
        let voice = VoicePages.onOverview(
            try await context.useCases.voice.saidDid(partnership: filter.partnership, by: user.caller), partnership: filter.partnership)
        return page(layout(req, "Framework", active: "framework").render(status + main + voice + coverage))
    }

    /// An analyst or admin asks for the figures to be recomputed now.
    func recompute(_ req: Request) async throws -> Response {
        try await context.useCases.refresher.request(by: try req.caller())
        return req.redirect(to: "/framework?recompute=1")
    }

    /// A page's main content, rendered once per framework run and kept (it depends only on the key).
    func rendered(_ key: String, run: String, _ render: () -> HTML) async -> HTML {
        if let hit = await context.pages.page(key, run: run) { return hit }
        let html = render()
        await context.pages.keep(key, run: run, html: html)
        return html
    }

    func indicator(_ req: Request) async throws -> Response {
        var id = req.parameters.get("id") ?? ""
        let wantsCSV = id.hasSuffix(".csv")
        if wantsCSV { id.removeLast(4) }
        guard let reading = try await context.framework.reading(by: try req.caller()), let ind = reading.report.spec.indicators.first(where: { $0.id == id })
        else {
            throw NotFound("There is no such indicator (or the framework has not been computed yet).")
        }
        let report = reading.report, exact = reading.exact, linksQuality = reading.opensQualityReview
        let question = report.spec.questions.first { $0.indicators.contains { $0.id == id } }
        let used = reading.submissions.filter { $0.dataset == ind.dataset }
        var view = IndicatorPage(
            report: report, indicator: ind, question: question, filter: FrameworkFilter(req, today: today()), exact: exact, submissions: used,
            linksQualityReview: linksQuality, published: reading.published, linkage: reading.linkage,
            linksLinkagePage: try req.caller().can(.reviewLinkage))
        if ind.breakdowns.contains(.lsoa) {
            let places = context.useCases.places
            view.lsoaDistricts = try await places.districtsWithFinerAreas()
            if let within = req.query[String.self, at: "within"], let district = view.lsoaDistricts.first(where: { $0.code == within }) {
                view.lsoaDistrict = district
                view.lsoaBoundaries = try await places.lsoaBoundaries(district: district.code, by: try req.caller())
            }
        }
        if wantsCSV {
            return Response(
                status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8", "Content-Disposition": "attachment; filename=\"\(id).csv\""],
                body: .init(string: view.csv()))
        }
        let main = await rendered(
            "indicator|\(id)|\(exact)|\(linksQuality)|\(view.linksLinkagePage)|\(view.filter.query)|\(view.lsoaDistrict?.code ?? "")|\(view.lsoaDistricts.count)",
            run: report.run.id
        ) {
            view.render()
        }
        // Commentary changes without a new run: read for each request, outside the kept page.
        let user = try req.signedIn()
        let notes = try await context.governance.commentary(.indicator, id, partnership: view.filter.partnership, by: user.caller)
        let commentary = CommentaryPages.section(
            notes, subject: .indicator, id: id, partnership: view.filter.partnership, period: view.latestPeriod, canWrite: user.can(.writeCommentary))
        return page(layout(req, ind.title, active: "framework").render(commentary + main, backLink: ("/framework?" + view.filter.query, "All questions")))
    }
}

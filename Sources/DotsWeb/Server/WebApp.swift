import DotsCore
import Vapor

/// Builds the web application: middleware in order, then every route. `dots serve` and the tests both call it.
public enum WebApp {
    /// Forms and API requests other than uploads (`WebContext.uploadLimit`). Kept small: any caller can send a
    /// body before being refused.
    static let bodyLimit: ByteCount = "2mb"

    /// The largest body the route at `path` accepts: uploads are the only large ones.
    static func bodyLimit(method: HTTPMethod, path: String, context: WebContext) -> Int {
        method == .POST && (path == "/submissions" || path == "/api/v1/submissions") ? context.uploadLimit : bodyLimit.value
    }

    public static func configure(_ app: Application, context: WebContext) {
        app.middleware = Middlewares()
        app.middleware.use(PageErrorMiddleware(tls: context.secureCookies))
        app.middleware.use(SessionMiddleware(context: context))
        app.routes.defaultMaxBodySize = bodyLimit
        PageRoutes(context: context).register(app)
        SubmissionRoutes(context: context).register(app)
        QualityRoutes(context: context).register(app)
        APIRoutes(context: context).register(app)
        SubmissionsAPI(context: context).register(app)
        MaturityRoutes(context: context).register(app)
        DataMapRoutes(context: context).register(app)
        ActionRoutes(context: context).register(app)
        MeetingRoutes(context: context).register(app)
        CommentaryRoutes(context: context).register(app)
        ReportRoutes(context: context).register(app)
        GovernanceAPI(context: context).register(app)
        AccountRoutes(context: context).register(app)
        YourSayRoutes(context: context).register(app)
        VoiceRoutes(context: context).register(app)
        JourneyRoutes(context: context).register(app)
        PlacesRoutes(context: context).register(app)
        CohortJourneyRoutes(context: context).register(app)
        ContextRoutes(context: context).register(app)
        LinkageRoutes(context: context).register(app)
    }
}

/// Every response that is a page.
func page(_ html: HTML, status: HTTPResponseStatus = .ok) -> Response {
    Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: html.markup))
}

import DotsCore
import Vapor

/// Builds the web application: middleware in order, then every route. `dots serve` and the tests both call it.
public enum WebApp {
    public static func configure(_ app: Application, context: WebContext) {
        app.middleware = Middlewares()
        app.middleware.use(PageErrorMiddleware(tls: context.secureCookies))
        app.middleware.use(SessionMiddleware(context: context))
        app.routes.defaultMaxBodySize = "64mb"
        PageRoutes(context: context).register(app)
        SubmissionRoutes(context: context).register(app)
        QualityRoutes(context: context).register(app)
        APIRoutes(context: context).register(app)
        SubmissionsAPI(context: context).register(app)
        MaturityRoutes(context: context).register(app)
        DataMapRoutes(context: context).register(app)
        ActionRoutes(context: context).register(app)
        MeetingRoutes(context: context).register(app)
        GovernanceAPI(context: context).register(app)
        AccountRoutes(context: context).register(app)
    }
}

/// Every response that is a page.
func page(_ html: HTML, status: HTTPResponseStatus = .ok) -> Response {
    Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: html.markup))
}

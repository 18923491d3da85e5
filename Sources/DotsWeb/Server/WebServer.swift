import DotsApp
import DotsCore
import Logging
import Vapor

/// Runs the web app on an address until the process is stopped (`dots serve`, `dots demo`).
public enum WebServer {
    public static func run(
        _ useCases: UseCases, host: String, port: Int, secureCookies: Bool, trustedProxy: String?, uploadLimit: Int = WebContext.defaultUploadLimit
    )
        async throws
    {
        var env = Environment(name: "production", arguments: ["dots"])
        try LoggingSystem.bootstrap(from: &env)
        let app = try await Application.make(env)
        app.logger.logLevel = .notice
        app.http.server.configuration.hostname = host
        app.http.server.configuration.port = port
        app.http.server.configuration.serverName = nil
        WebApp.configure(app, context: WebContext(useCases, secureCookies: secureCookies, trustedProxy: trustedProxy, uploadLimit: uploadLimit))
        // Figures are recomputed in the background after accepted submissions, for as long as the server runs.
        let refresher = Task { await useCases.refresher.run() }
        do {
            try await app.startup()
            try await app.running?.onStop.get()
        } catch {
            try? await app.asyncShutdown()
            await stop(refresher)
            throw error
        }
        try await app.asyncShutdown()
        await stop(refresher)
    }

    /// The store closes when `run` returns, so the background recomputation must have ended first: it stops
    /// before its next query and leaves its job to be resumed at the next start.
    static func stop(_ refresher: Task<Void, Never>) async {
        refresher.cancel()
        await refresher.value
    }
}

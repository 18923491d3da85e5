import Vapor

/// Refuses a caller who is not signed in before the route gathers the body: large uploads are accepted from
/// signed-in callers only, so nobody else can make the server hold hundreds of megabytes.
struct SignedInFirst: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        _ = try req.signedIn()
        return try await next.respond(to: req)
    }
}

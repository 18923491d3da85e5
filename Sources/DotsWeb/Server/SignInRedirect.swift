import Vapor

/// Where to go after signing in. The `next` field comes from a link anyone can send, so only a path of this app
/// is accepted: it must start with one of the app's own top-level pages and hold nothing but URL characters
/// (no CR/LF that could add headers, no tab or backslash that a browser would turn into `//another.site`).
enum SignInRedirect {
    static let fallback = "/framework"

    /// The first path segments of every page route (not the API, assets or sign-in itself).
    static func pageRoots(_ routes: Routes) -> Set<String> {
        var roots = Set<String>()
        for route in routes.all where route.method == .GET {
            guard case .constant(let first)? = route.path.first else { continue }
            if !["api", "assets", "sign-in", "sign-out", "healthz"].contains(first) { roots.insert(first) }
        }
        return roots
    }

    static func target(_ next: String?, roots: Set<String>) -> String {
        guard let next, next.utf8.count <= 2_000, next.hasPrefix("/") else { return fallback }
        let allowed = next.unicodeScalars.allSatisfy { c in
            c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || "/-._~?=&%+,".unicodeScalars.contains(c))
        }
        guard allowed else { return fallback }
        let path = next.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        // "/x" splits as ["", "x"]: an empty second segment would be "//", a scheme-relative address.
        guard segments.count >= 2, !segments[1].isEmpty, roots.contains(String(segments[1])) else { return fallback }
        return next
    }
}

/// The address a request came from, for sign-in throttling and the audit log. Behind a TLS proxy every request
/// comes from the proxy, so its `X-Forwarded-For` is believed, but only from the configured proxy (anyone else
/// could send the header to dodge the throttle), and only its last hop (the one the proxy itself added).
enum ClientAddress {
    static func of(remote: String?, forwardedFor: String?, trustedProxy: String?) -> String {
        let direct = remote ?? "unknown"
        guard let trustedProxy, direct == trustedProxy,
            let last = forwardedFor?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        else { return direct }
        return String(last.prefix(64))
    }
}

import DotsApp
import DotsCore
import DotsFramework

/// What every route needs: the use cases, the framework, the clock, and the caches. One per running server.
/// The web holds no store: every read and change goes through a use case that takes the caller.
public struct WebContext: Sendable {
    public let useCases: UseCases
    /// Set when Dots is served over TLS (directly or behind a proxy): cookies are then marked `Secure` and HSTS is sent.
    public let secureCookies: Bool
    /// The address of a reverse proxy whose `X-Forwarded-For` is believed; nil to use the connection's address.
    public let trustedProxy: String?
    /// The largest upload (every file of a package at once), in bytes: a police force's package for 200,000 young
    /// people is about 110 MB. Only signed-in callers' uploads are read to this size.
    public let uploadLimit: Int
    public static let defaultUploadLimit = 512 * 1024 * 1024
    let pages = PageCache()
    let uploads = UploadGate()

    public init(_ useCases: UseCases, secureCookies: Bool = false, trustedProxy: String? = nil, uploadLimit: Int = Self.defaultUploadLimit) {
        self.useCases = useCases
        self.uploadLimit = uploadLimit
        self.secureCookies = secureCookies
        self.trustedProxy = trustedProxy
    }

    var spec: FrameworkSpec { useCases.spec }
    var clock: any TimeSource { useCases.clock }
    var accounts: AccountService { useCases.accounts }
    /// Maturity, the data map, actions and meetings.
    var governance: GovernanceService { useCases.governance }
    var submissions: SubmissionService { useCases.submissions }
    var quality: QualityService { useCases.quality }
    var framework: FrameworkResults { useCases.framework }
}

/// Pages rendered from a framework run, kept until a new run appears: a page depends only on the run, the
/// reader's kind (exact or published) and the filter, so each is rendered once per run.
actor PageCache {
    static let capacity = 5_000
    private var pages: [String: HTML] = [:]
    private var pagesRun: String?

    /// A page's main content rendered from `run`, if it has been rendered already.
    func page(_ key: String, run: String) -> HTML? {
        pagesRun == run ? pages[key] : nil
    }

    func keep(_ key: String, run: String, html: HTML) {
        if pagesRun != run || pages.count >= Self.capacity {
            pages.removeAll(keepingCapacity: true)
            pagesRun = run
        }
        pages[key] = html
    }
}

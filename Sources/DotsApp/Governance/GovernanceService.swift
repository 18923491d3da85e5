import DotsCore
import DotsFramework
import DotsGovernance
import DotsStore
import Foundation

/// The partnership's own method as use cases shared by the web app, the API and the CLI: maturity rounds and
/// assessments, the data map and its coverage of the framework, action plans and their suggestions, data leads
/// meetings, and exports. Every public method takes the `Caller`, asks `AccessPolicy` (through it), applies the
/// caller's agency scope, writes the audit record for a change and throws `AccessDenied`, `NotFound` or
/// `InvalidInput`; pages, API routes and commands only decode, call and render.
public struct GovernanceService: Sendable {
    let store: HubStore
    public let spec: FrameworkSpec
    public let clock: any TimeSource
    let audit: AuditLog
    let commentaryCache = CommentaryCache()

    public init(store: HubStore, spec: FrameworkSpec, clock: any TimeSource = SystemClock()) {
        self.store = store
        self.spec = spec
        self.clock = clock
        audit = AuditLog(store: store, clock: clock)
    }

    public var today: CalendarDate { UKTime.localDate(of: clock.now()) }

    /// An agency of the partnership named in a request.
    public static func agency(_ id: String?) throws(NotFound) -> Agency {
        guard let a = id.flatMap(ReferencePartnership.model.agency(id:)) else { throw NotFound("There is no such agency in the partnership.") }
        return a
    }

    static func newID(_ prefix: String) -> String { prefix + "-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(10) }

    static func date(_ text: String) -> CalendarDate? { CalendarDate(iso: text.trimmingCharacters(in: .whitespaces)) }
}

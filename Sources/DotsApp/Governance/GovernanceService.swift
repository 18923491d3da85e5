import DotsCore
import DotsFramework
import DotsGovernance
import DotsStore
import Foundation

/// The partnership's own method as use cases shared by the web app, the API and the CLI: maturity rounds and
/// assessments, the data map and its coverage of the framework, action plans and their suggestions, data leads
/// meetings, and exports. It checks input (throwing `InvalidInput` with every problem) and writes; who may call
/// what is decided at the edge by `AccessPolicy`.
public struct GovernanceService: Sendable {
    public let store: HubStore
    public let spec: FrameworkSpec
    public let clock: any TimeSource

    public init(store: HubStore, spec: FrameworkSpec, clock: any TimeSource = SystemClock()) {
        self.store = store
        self.spec = spec
        self.clock = clock
    }

    /// Who is acting, for the record (`updatedBy`, history).
    public struct Actor: Sendable {
        public var accountID: String?
        public var name: String
        public init(accountID: String?, name: String) {
            self.accountID = accountID
            self.name = name
        }
    }

    public var today: CalendarDate { UKTime.localDate(of: clock.now()) }

    static func newID(_ prefix: String) -> String { prefix + "-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(10) }

    static func date(_ text: String) -> CalendarDate? { CalendarDate(iso: text.trimmingCharacters(in: .whitespaces)) }
}

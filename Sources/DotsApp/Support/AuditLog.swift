import DotsCore
import DotsStore

/// The one way use cases write the audit log: who (the caller's account, or nil for the command line), what,
/// to which record. Pages, API calls and commands doing the same thing write the same record.
public struct AuditLog: Sendable {
    let store: HubStore
    let clock: any TimeSource

    public init(store: HubStore, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    /// Writes one record and returns it as written.
    @discardableResult
    public func record(_ caller: Caller?, _ action: String, _ target: String, _ detail: String? = nil) async throws -> AuditEvent {
        let event = AuditEvent(at: clock.now(), accountID: caller?.accountID, action: action, target: target, detail: detail)
        try await store.audit(event)
        return event
    }

    /// Checks that no record of the log has been changed, removed or inserted since it was written (`AuditChain`).
    public func verify() async throws -> AuditChain.Verdict { try await store.verifyAuditChain() }
}

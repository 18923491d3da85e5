import DotsCore
import DotsFramework
import DotsGovernance
import DotsStore
import Foundation

/// The exports the CLI and web app share.
extension GovernanceService {
    public func exportMaturity(round id: String? = nil, format: GovernanceExport.Format) async throws -> String? {
        guard let round = try await round(id) else { return nil }
        return GovernanceExport.maturity(try await summary(round: round), format: format)
    }

    public func exportDataMap(agency: String? = nil, format: GovernanceExport.Format) async throws -> String {
        GovernanceExport.dataMap(try await store.dataMapEntries(agency: agency), coverage: try await coverage(), format: format)
    }

    public func exportActions(_ view: ActionView = .all, format: GovernanceExport.Format) async throws -> String {
        let today = today
        return GovernanceExport.actions(try await store.actions().filter { view.includes($0, today: today) }, today: today, format: format)
    }
}

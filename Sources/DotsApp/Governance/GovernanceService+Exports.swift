import DotsCore
import DotsFramework
import DotsGovernance
import DotsStore
import Foundation

/// The exports the CLI and web app share.
extension GovernanceService {
    public func exportMaturity(round id: String? = nil, format: GovernanceExport.Format, by caller: Caller) async throws -> String {
        try caller.require(.viewGovernance)
        let round = try await existingRound(id)
        return GovernanceExport.maturity(try await summary(round: round), format: format)
    }

    public func exportDataMap(agency: String? = nil, format: GovernanceExport.Format, by caller: Caller) async throws -> String {
        try caller.require(.viewGovernance)
        return GovernanceExport.dataMap(try await store.dataMapEntries(agency: agency), coverage: try await coverage(), format: format)
    }

    public func exportActions(_ view: ActionView = .all, title: String? = nil, format: GovernanceExport.Format, by caller: Caller) async throws -> String {
        let actions = try await actions(view, by: caller)
        return GovernanceExport.actions(actions, today: today, title: title ?? "Action plan", format: format)
    }
}

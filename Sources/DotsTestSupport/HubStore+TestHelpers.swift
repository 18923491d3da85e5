import DotsStore

extension HubStore {
    /// Rewrites an agency's people submission's key fingerprint, to simulate a package prepared under another key.
    public func sqlUpdateKeyForTest(agency: String, keyID: String) async throws {
        _ = try await textRows("UPDATE submissions SET key_id = '\(keyID)' WHERE agency_id = '\(agency)' AND dataset = 'people' AND status = 'current'")
    }
}

extension HubStore {
    /// Empties one of the store's tables (a fixture that wants none of what the synthetic partnership brought).
    public func emptyTableForTest(_ table: String) async throws {
        precondition(table.allSatisfy { $0.isLetter || $0 == "_" })
        _ = try await textRows("DELETE FROM \(table)")
    }

    /// Runs a statement a test needs, such as tampering with a record to show the store notices.
    public func executeForTest(_ statement: String) async throws {
        _ = try await textRows(statement)
    }

    /// As `executeForTest`, on the audit chain (its own file beside a SQLite store).
    public func executeOnAuditChainForTest(_ statement: String) async throws {
        _ = try await auditChainTextRows(statement)
    }
}

import DotsCore
import FluentKit
import SQLKit

/// An index on each person-level dataset's young person (agency, person id): a journey reads every row about one
/// young person from every dataset, and without it each of those reads scans the whole table (at 200,000 young
/// people, a million rows per page view). The datasets are named, not taken from `Dataset`, so what this migration
/// does never changes once applied.
struct M0026_IndexPersonRecords: AsyncMigration {
    var name: String { "0026_IndexPersonRecords" }

    static let datasets = [
        "ce_screenings", "missing_episodes", "police_incidents", "nrm_referrals", "health_contacts", "education_events", "youth_justice",
        "mace_discussions", "voice_feedback", "cin_episodes", "cin_assessments", "section47_enquiries", "protection_plans", "care_episodes",
        "care_snapshot", "contacts", "early_help_assessments",
    ]

    func prepare(on database: any Database) async throws {
        for table in Self.datasets {
            try await database.sql.raw("CREATE INDEX \(ident: table + "_person") ON \(ident: table) (agency_id, person_id)").run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in Self.datasets { try await database.sql.raw("DROP INDEX IF EXISTS \(ident: table + "_person")").run() }
    }
}

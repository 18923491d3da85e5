import DotsContexts
import DotsCore
import DotsFramework
import DotsStore

/// The demo's contexts, so a newcomer sees them: a peer group with young people linked on information of differing
/// reliability (one link six weeks old and unreviewed, so lapsed), a place being assessed, and an online space closed
/// as safer. Opened through `ContextService` as the demo's practitioner; the lapsed link is written as history.
enum DemoContexts {
    static func seed(store: HubStore, spec: FrameworkSpec, clock: any TimeSource) async throws -> (contexts: Int, links: Int)? {
        guard let account = try await store.allAccounts().first(where: { $0.role == .practitioner && $0.agencyID == DemoAccounts.practitionerAgency })
        else { return nil }
        let pat = Caller(accountID: account.id, name: account.name, role: .practitioner, agencyID: account.agencyID, channel: .cli)
        let contexts = ContextService(store: store, spec: spec, clock: clock, journeys: JourneyService(store: store, clock: clock))
        let today = contexts.today
        let ours = Set(try await store.personLinks().filter { $0.key.hasPrefix(DemoAccounts.practitionerAgency + "/") }.map(\.value)).sorted()
        guard ours.count >= 4 else { return nil }
        let due = today.adding(days: 28).description
        let group = try await contexts.create(
            .init(kind: "peer-group", name: "Group meeting at Hanley bus station, evenings", area: "E06000021", reviewBy: due), by: pat)
        try await contexts.update(
            group.id, stage: "assessment", outcome: "", note: "Peer group assessment started after a MACE discussion", reviewBy: due, by: pat)
        try await contexts.update(
            group.id, stage: "plan", outcome: "", note: "Safety plan agreed at the context conference: detached youth work, British Transport Police patrols",
            reviewBy: due, by: pat)
        let links: [(String, String, String)] = [
            (
                "seen", "Seen with the group by a youth worker, two evenings",
                "Seen with older males after going missing twice; to include them in the group's safety plan"
            ),
            (
                "reported-corroborated", "Return home interview, corroborated by police intelligence",
                "Said they were asked to carry a bag; to plan a safe route home from school"
            ),
            ("suspected", "A parent's worry, not yet reported by anyone else", "Parent fears the friendship; to check at the next MACE whether it holds"),
        ]
        for (i, (reliability, source, why)) in links.enumerated() {
            _ = try await contexts.link(
                group.id, person: .partnershipID(ours[i]), source: source, reliability: reliability, proportionality: why, reviewBy: due, by: pat)
        }
        // Linked six weeks ago and never reviewed: lapsed, as a newcomer should see one.
        let old = ContextLink(
            id: "CL-demo-lapsed", contextID: group.id, personID: ours[3], source: "Anonymous community report", reliability: .reported,
            proportionality: "Named in a community report about the group; to be checked with the school", linkedOn: today.adding(days: -42),
            linkedBy: pat.name, reviewBy: today.adding(days: -14))
        try await store.saveContextLink(old)
        let place = try await contexts.create(
            .init(kind: "place", name: "Car park behind the retail park", area: "E07000199", reviewBy: today.adding(days: 14).description), by: pat)
        try await contexts.update(
            place.id, stage: "assessment", outcome: "", note: "Neighbourhood assessment with the community safety partnership",
            reviewBy: today.adding(days: 14).description, by: pat)
        let online = try await contexts.create(
            .init(kind: "online", name: "Group chat used to recruit runners", area: "", reviewBy: due), by: pat)
        try await contexts.update(
            online.id, stage: "closed", outcome: "safer", note: "Chat taken down after police disruption; no new reports in three months", reviewBy: "", by: pat
        )
        return (3, links.count + 1)
    }
}

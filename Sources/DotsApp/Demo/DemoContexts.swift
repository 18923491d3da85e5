import DotsContexts
import DotsCore
import DotsFramework
import DotsStore

/// The demo's contexts, so a newcomer sees them: a peer group with a safety plan and young people linked on
/// information of differing reliability (one link six weeks old and unreviewed, so lapsed), a place being assessed,
/// and an online space closed as safer. Opened through `ContextService` as the demo's practitioner; the lapsed link is written as history.
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
        // The plan agreed at the context conference, as actions: one done already, two open.
        let youthWork = try await contexts.addPlanAction(
            group.id, action: "Detached youth work at the bus station, Tuesday and Friday evenings", lead: "stoke-csc", due: today.adding(days: 7).description,
            by: pat)
        try await contexts.completePlanAction(youthWork.id, of: group.id, by: pat)
        try await contexts.addPlanAction(
            group.id, action: "Ask British Transport Police for patrols at the bus station between 6pm and 10pm", lead: "staffs-police",
            due: today.adding(days: 14).description, by: pat)
        try await contexts.addPlanAction(
            group.id, action: "Talk with the bus station's security staff about who to call when they are worried about a young person",
            lead: "stoke-csc", due: today.adding(days: 28).description, by: pat)
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
        let earlier = try await history(store: store, spec: spec, pat: pat, people: ours, before: today)
        return (3 + earlier.contexts, links.count + 1 + earlier.links)
    }

    /// A year of earlier work, inside the demo data's period (April 2025 to March 2026), so the framework's context
    /// indicators have figures: a context opened every three weeks, assessed (some after their review date), planned,
    /// most closed with an outcome; two young people linked to each, some links reviewed, some ended, some left to
    /// lapse. Recorded through `ContextService` on each day it happened (a clock fixed to that day).
    static func history(store: HubStore, spec: FrameworkSpec, pat: Caller, people: [String], before today: CalendarDate) async throws -> (
        contexts: Int, links: Int
    ) {
        // From the first day of the data's first financial year, so its periods are all counted (a context record
        // before any opened would make the periods before it unavailable, as for a partnership that starts recording).
        let start = CalendarDate(year: 2025, month: 4, day: 1)!
        let kinds: [ContextKind] = [.peerGroup, .place, .school, .online]
        let names = [
            "Group gathering at the skate park", "Takeaway on the high street, late evenings", "Year 10 group at a secondary school",
            "Social media group selling vapes",
        ]
        let areas = ReferenceGeography.localAreas.map(\.code)
        let outcomes = ["safer", "safer", "no-change", "safer", "less-safe"]
        var contexts = 0, links = 0
        func at(_ day: CalendarDate) -> ContextService {
            let clock = FixedClock(Instant(utcDate: day, hour: 12))
            return ContextService(store: store, spec: spec, clock: clock, journeys: JourneyService(store: store, clock: clock))
        }
        for i in 0..<16 {
            let opened = start.adding(days: i * 21)
            guard opened.adding(days: 130) < today, people.count >= 2 else { break }
            let kind = kinds[i % kinds.count]
            let c = try await at(opened).create(
                .init(
                    kind: kind.rawValue, name: "\(names[i % names.count]) (\(i + 1))", area: kind == .online ? "" : areas[i % areas.count],
                    reviewBy: opened.adding(days: 28).description), by: pat)
            contexts += 1
            // Every third assessment starts a week after the review date set at referral: a review not done in time.
            let assessed = opened.adding(days: i % 3 == 0 ? 35 : 21)
            try await at(assessed).update(
                c.id, stage: "assessment", outcome: "", note: "Assessment started", reviewBy: assessed.adding(days: 30).description, by: pat)
            let planned = assessed.adding(days: 28)
            try await at(planned).update(
                c.id, stage: "plan", outcome: "", note: "Safety plan agreed at a context conference", reviewBy: planned.adding(days: 60).description, by: pat)
            for j in 0..<2 {
                let person = people[(2 * i + j) % people.count]
                let linkedOn = opened.adding(days: 10 + j * 7)
                let link = try await at(linkedOn).link(
                    c.id, person: .partnershipID(person), source: "Seen with the group by a detached youth worker",
                    reliability: j == 0 ? "seen" : "reported", proportionality: "Named in the context assessment; to include them in its safety plan",
                    reviewBy: linkedOn.adding(days: 60).description, by: pat)
                links += 1
                // The first link of each is reviewed in time; the second of every other context is ended, the rest lapse.
                if j == 0 {
                    let reviewed = linkedOn.adding(days: 55)
                    try await at(reviewed).reviewLink(link.id, of: c.id, reviewBy: reviewed.adding(days: 80).description, by: pat)
                } else if i % 2 == 0 {
                    try await at(linkedOn.adding(days: 40)).reviewLink(link.id, of: c.id, reviewBy: nil, by: pat)
                }
            }
            // Twelve of the sixteen close with an outcome; the rest stay under review.
            if i % 4 != 3 {
                let closed = planned.adding(days: 55)
                try await at(closed).update(c.id, stage: "closed", outcome: outcomes[i % outcomes.count], note: "Closed at review", reviewBy: "", by: pat)
            }
        }
        return (contexts, links)
    }
}

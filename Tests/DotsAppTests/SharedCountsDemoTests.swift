import DotsApp
import DotsCore
import DotsFramework
import DotsStore
import DotsSynth
import DotsTestSupport
import Foundation
import Testing

@Suite("Shared counts on a demo partnership: no indicator publishes what another hides")
struct SharedCountsDemoTests {
    /// The cells of every indicator counting a shared count, by label, hidden or not: they must agree.
    static func disagreements(_ indicators: [(indicator: IndicatorSpec, cells: [IndicatorCell], systems: [DisclosureSystem])]) -> [String] {
        var seen: [String: (who: String, hidden: Bool)] = [:]
        var out: [String] = []
        for (ind, _, systems) in indicators {
            for system in systems {
                guard let key = SharedCounts.key(ind, system.quantity) else { continue }
                let hidden = system.hidden
                for (i, label) in system.labels.enumerated() where system.counts[i] > 0 {
                    let here = (who: "\(ind.id) \(system.quantity.rawValue)", hidden: hidden.contains(i))
                    if let there = seen["\(key)#\(label)"] {
                        if there.hidden != here.hidden { out.append("\(label): \(there.who) \(there.hidden ? "hides" : "shows"), \(here.who) does not") }
                    } else {
                        seen["\(key)#\(label)"] = here
                    }
                }
            }
        }
        return out
    }

    @Test("The default framework's shared counts are merged, hidden alike in every indicator, and the merged systems hold", arguments: StoreKind.available)
    func demo(kind: StoreKind) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dots-shared-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var config = SynthConfig()
        config.people = 400
        try await withStore(kind) { store in
            _ = try await DemoService(directory: dir, config: config, clock: FixedClock(Instant(iso: "2026-11-24T12:00:00Z")!)).run(store: store) { _ in }
            let spec = try FrameworkService.load()
            let service = FrameworkService(store: store, runBy: "test")
            _ = try await service.compute(spec)
            let cells = try await store.frameworkResults()
            let policy = spec.disclosure.applied
            let run = service.disclosure(spec, cells: cells, policy: policy)
            // Every shared count the default framework has became one system with all its members.
            let shared = run.protected.compactMap(\.system.sharedBy).map(Set.init)
            #expect(shared.contains(["missing-episodes numerator", "missing-from-care denominator"]))
            #expect(shared.contains(["rhi-offered-72h denominator", "rhi-completed-72h denominator"]))
            #expect(
                shared.contains([
                    "ce-cohort numerator", "ce-exclusions-overlap denominator", "ce-known-to-several denominator", "ce-missing-overlap denominator",
                ]))
            #expect(Self.disagreements(run.indicators).isEmpty, "\(Self.disagreements(run.indicators).prefix(5))")
            for (_, system) in run.protected where system.sharedBy != nil {
                #expect(system.exposed(level: policy.protectionLevel).isEmpty, "\(system.sharedBy!)")
            }
            // Protected one indicator at a time (as before), the same cell is hidden in one and shown in another.
            let control = DisclosureControl(policy: policy)
            let alone = run.indicators.map { ind, list, _ in
                let additive = Set(ind.breakdowns.filter { $0 != .exploitationType }.map(\.rawValue))
                return (ind, list, control.systems(list, measure: ind.measure, additiveBreakdowns: additive, monthly: ind.measure.countsByMonth))
            }
            #expect(!Self.disagreements(alone).isEmpty, "the demo has cells one indicator alone would hide and another show")
        }
    }
}

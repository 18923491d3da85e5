@preconcurrency import Crypto
import DotsContexts
import DotsCore
import DotsFramework
import DotsStore
import Foundation

/// `dots framework compute | show | explain | export`: compiles the framework to SQL, runs it in the store,
/// finds what the data cannot answer, and keeps every figure with its provenance.
public struct FrameworkService: Sendable {
    public let store: HubStore
    public let clock: any TimeSource
    public let runBy: String
    public let population: PopulationEstimates

    public init(store: HubStore, clock: any TimeSource = SystemClock(), runBy: String, population: PopulationEstimates = .onsMid2020) {
        self.store = store
        self.clock = clock
        self.runBy = runBy
        self.population = population
    }

    public enum FrameworkError: Error, CustomStringConvertible {
        case invalid([FrameworkProblem])
        case unknownIndicator(String)
        case notComputed

        public var description: String {
            switch self {
            case .invalid(let problems): "The framework file has problems:\n" + problems.map { "- \($0)" }.joined(separator: "\n")
            case .unknownIndicator(let id): "There is no indicator \(id) in the framework (see `dots framework show`)."
            case .notComputed: "The framework has not been computed on this store yet: run `dots framework compute`."
            }
        }
    }

    /// Reads a framework file, or the shipped default.
    public static func load(_ text: String = DefaultFramework.yaml) throws -> FrameworkSpec {
        let (spec, problems) = FrameworkParser.parse(text)
        guard let spec else { throw FrameworkError.invalid(problems) }
        return spec
    }

    /// One indicator's plan for this store: its periods and compiled SQL (nil when its data was never submitted).
    public struct Plan: Sendable {
        public let indicator: IndicatorSpec
        public let periods: [ReportingPeriod]
        public let compiled: CompiledIndicator?
        public let gaps: [DataGap]
        public let unavailable: [String: String]
    }

    /// Rewrites the datasets about contexts from the context records as of today (reviews fall due and links lapse
    /// with the days, not only with changes). A computation does this first; reading a plan or an explanation does not
    /// write to the store.
    public func refreshContextRows() async throws {
        let today = UKTime.localDate(of: clock.now())
        try await store.replaceContextRows(
            ContextDatasetRows.make(contexts: try await store.contexts(), links: try await store.contextLinks(), on: today))
    }

    /// What the store holds for the framework. The datasets about contexts are Dots' own records, so they run to today.
    public func currentProfile() async throws -> DataProfile {
        let today = UKTime.localDate(of: clock.now())
        var profile = try await store.frameworkProfile()
        // One record keeping, so one span: from the earliest context record to today, for all three.
        let kept = Dataset.aboutContexts.filter { profile.datasets[$0] != nil }
        if let first = kept.compactMap({ profile.datasets[$0]?.first }).min() {
            for dataset in kept {
                profile.datasets[dataset]!.first = first
                profile.datasets[dataset]!.last = max(profile.datasets[dataset]!.last, today)
            }
        }
        return profile
    }

    /// `smallAreas`: the imported LSOAs, the groups of the LSOA breakdown (`currentSmallAreas`).
    public func plan(_ indicators: [IndicatorSpec], profile: DataProfile, smallAreas: SmallAreas = .none) -> [Plan] {
        // The periods are those of the partnership's data; Dots' own context records, which run to today, count within
        // them (unless they are all there is).
        let submitted = profile.datasets.filter { !Dataset.aboutContexts.contains($0.key) }.values
        let all = submitted.isEmpty ? Array(profile.datasets.values) : Array(submitted)
        guard let first = all.map(\.first).min(), let last = all.map(\.last).max() else {
            return indicators.map { Plan(indicator: $0, periods: [], compiled: nil, gaps: GapFinder(profile: profile).gaps(for: $0), unavailable: [:]) }
        }
        // Whole months only: a month the data starts or ends part-way through would undercount.
        let firstMonth = first.day == 1 ? first.yearMonth : first.yearMonth.adding(months: 1)
        let lastMonth = last == last.yearMonth.lastDay ? last.yearMonth : last.yearMonth.adding(months: -1)
        let compiler = IndicatorCompiler(
            dialect: store.dialect, linked: profile.linkageRunID != nil, years: (first.year - 1)...(last.year + 1), smallAreas: smallAreas)
        let finder = GapFinder(profile: profile, smallAreasImported: !smallAreas.isEmpty)
        return indicators.map { ind in
            let periods = ReportingPeriod.covering(firstMonth, lastMonth, kinds: ind.periods)
            let gaps = finder.gaps(for: ind)
            let compiled = profile.datasets[ind.dataset] == nil || periods.isEmpty ? nil : compiler.compile(ind, periods: periods)
            return Plan(indicator: ind, periods: periods, compiled: compiled, gaps: gaps, unavailable: finder.unavailablePeriods(for: ind, periods: periods))
        }
    }

    /// The LSOAs a partnership has imported (`dots geography import`), each in its district.
    public func currentSmallAreas() async throws -> SmallAreas {
        SmallAreas(try await store.boundaryCodes(level: .lsoa))
    }

    public struct Outcome: Sendable {
        public let run: FrameworkRunRecord
        public let gaps: [StoredGap]
        /// Each indicator's query time; with several running at once these add up to more than the wall time.
        public let seconds: [String: Double]
        /// Wall time of all the queries, and how many ran at once.
        public let querySeconds: Double
        public let concurrency: Int
    }

    /// Computes every indicator for every period, scope and breakdown, and stores the figures with provenance.
    public func compute(_ spec: FrameworkSpec, text: String = DefaultFramework.yaml) async throws -> Outcome {
        let started = Stopwatch()
        try await refreshContextRows()
        let profile = try await currentProfile()
        var cells: [IndicatorCell] = []
        var gaps: [StoredGap] = []
        var timings: [String: Double] = [:]
        let questionOf = Dictionary(uniqueKeysWithValues: spec.questions.flatMap { q in q.indicators.map { ($0.id, q.id) } })
        for q in spec.questions where q.indicators.isEmpty {
            gaps.append(
                StoredGap(
                    questionID: q.id,
                    gap: DataGap(
                        kind: .noIndicators, indicatorID: nil, blocking: false,
                        detail: "no indicator answers this question yet: it rests on its qualitative sources")))
        }
        // Indicators are independent queries: run as many at once as there are cores (each engine runs one
        // query on one core), then assemble in the framework's order.
        let smallAreas = try await currentSmallAreas()
        let plans = plan(spec.computed, profile: profile, smallAreas: smallAreas)
        let width = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        var raws: [Int: (cells: [RawCell], seconds: Double)] = [:]
        let queriesStarted = Stopwatch()
        try await withThrowingTaskGroup(of: (Int, [RawCell], Double).self) { group in
            var next = 0
            func launch() {
                while next < plans.count, plans[next].compiled == nil { next += 1 }
                guard next < plans.count, let compiled = plans[next].compiled else { return }
                let index = next, store = store
                next += 1
                group.addTask {
                    // A stopping server cancels the run: no new query starts (the job is resumed at the next start).
                    try Task.checkCancellation()
                    let t0 = Stopwatch()
                    var raw = try await store.frameworkCells(compiled)
                    if compiled.wholeAreaBySum { raw = RawCell.addingWholeArea(raw) }
                    return (index, raw, t0.seconds)
                }
            }
            for _ in 0..<width { launch() }
            while let (index, raw, seconds) = try await group.next() {
                raws[index] = (raw, seconds)
                launch()
            }
        }
        let querySeconds = queriesStarted.seconds
        for (index, plan) in plans.enumerated() {
            // A companion's gaps are its indicator's: listed once.
            if plan.indicator.apartFrom == nil { gaps += plan.gaps.map { StoredGap(questionID: questionOf[plan.indicator.id] ?? "", gap: $0) } }
            guard let compiled = plan.compiled, let (raw, seconds) = raws[index] else { continue }
            timings[plan.indicator.id] = seconds
            cells += ResultAssembler(indicator: plan.indicator, population: population)
                .assemble(raw, grain: compiled.grain, periods: plan.periods, groups: compiled.groups, unavailable: plan.unavailable)
        }
        // Runs are told apart by when they were computed: a run in the same second as the last one is dated a
        // second later, so "the latest run" is never a tie.
        var computedAt = clock.now()
        if let previous = try await store.latestFrameworkRun(), computedAt <= previous.computedAt {
            computedAt = Instant(seconds: previous.computedAt.seconds + 1)
        }
        let run = FrameworkRunRecord(
            id: UUID().uuidString.lowercased(), computedAt: computedAt, frameworkName: spec.name, frameworkVersion: spec.version,
            frameworkChecksum: "sha256:" + SHA256.hash(data: Data(text.utf8)).hexString,
            linkageRunID: profile.linkageRunID, submissions: profile.datasets.values.flatMap(\.submissionIDs).sorted(),
            indicators: spec.indicators.count, cells: cells.count, seconds: started.seconds, runBy: runBy)
        // Cancelled (the server is stopping): nothing is saved, and the job is resumed at the next start.
        try Task.checkCancellation()
        try await store.saveFrameworkRun(run, cells: cells, gaps: gaps)
        return Outcome(run: run, gaps: gaps, seconds: timings, querySeconds: querySeconds, concurrency: width)
    }

    /// The figures to show to a role: exact for analysts; disclosure-controlled when `publish` is set.
    public func published(_ spec: FrameworkSpec, cells: [IndicatorCell], policy: DisclosurePolicy) -> [PublishedCell] {
        let control = DisclosureControl(policy: policy)
        return disclosureSystems(spec, cells: cells, policy: policy).flatMap { control.publish($0.cells, measure: $0.indicator.measure, systems: $0.systems) }
    }

    /// Each indicator's cells and the systems of counts disclosure control chose its suppressions over.
    public func disclosureSystems(_ spec: FrameworkSpec, cells: [IndicatorCell], policy: DisclosurePolicy) -> [(
        indicator: IndicatorSpec, cells: [IndicatorCell], systems: [DisclosureSystem]
    )] {
        disclosure(spec, cells: cells, policy: policy).indicators
    }

    /// What disclosure control chose for a run.
    public struct Disclosure: Sendable {
        /// Each indicator's cells and its own counts' systems, with the suppressions it publishes.
        public var indicators: [(indicator: IndicatorSpec, cells: [IndicatorCell], systems: [DisclosureSystem])]
        /// The systems suppressions were chosen over, as an attacker sees them: a count several indicators share
        /// is one system (`SharedCounts`), with every cell and relation of each. What the audit attacks.
        public var protected: [(cells: [IndicatorCell], system: DisclosureSystem)]
    }

    /// Suppression for every indicator of a run. A count that several indicators share (the same events or people,
    /// counted the same way) is suppressed once, over all their cells and relations together, so that no indicator
    /// publishes what another hides.
    public func disclosure(_ spec: FrameworkSpec, cells: [IndicatorCell], policy: DisclosurePolicy) -> Disclosure {
        let byIndicator = Dictionary(grouping: cells, by: \.indicatorID)
        let control = DisclosureControl(policy: policy)
        let work: [(IndicatorSpec, [IndicatorCell])] = spec.computed.compactMap { ind in byIndicator[ind.id].map { (ind, $0) } }
        // Every count before suppression, and what it counts.
        var units: [(indicator: Int, system: DisclosureSystem, key: String?)] = []
        for (w, (ind, list)) in work.enumerated() {
            let additive = Set(ind.breakdowns.filter { $0 != .exploitationType }.map(\.rawValue))
            for system in control.unsuppressedSystems(list, measure: ind.measure, additiveBreakdowns: additive, monthly: ind.measure.countsByMonth) {
                // The method before December 2026 protected each indicator alone; it is kept as it was.
                units.append((w, system, policy.method == .linked ? SharedCounts.key(ind, system.quantity) : nil))
            }
        }
        // One job per system to suppress: a shared count's members merged, every other count on its own.
        var jobs: [(cells: [IndicatorCell], system: DisclosureSystem, members: [Int], merged: SharedCounts.Merged?)] = []
        var byKey: [String: [Int]] = [:]
        for (u, unit) in units.enumerated() {
            if let key = unit.key { byKey[key, default: []].append(u) } else { jobs.append((work[unit.indicator].1, unit.system, [u], nil)) }
        }
        for key in byKey.keys.sorted() {
            let members = byKey[key]!
            if members.count > 1, let merged = SharedCounts.merge(members.map { (work[units[$0].indicator].1, units[$0].system) }) {
                jobs.append((merged.cells, merged.system, members, merged))
            } else {
                for u in members { jobs.append((work[units[u].indicator].1, units[u].system, [u], nil)) }
            }
        }
        // Jobs are independent: suppress them on every core.
        let results = ResultSlots<DisclosureSystem>(count: jobs.count)
        // Largest first, so that no core is left waiting on one long job at the end.
        let inputs = jobs.map { ($0.system, $0.cells) }
        let order = inputs.indices.sorted { (inputs[$0].0.counts.count, $1) > (inputs[$1].0.counts.count, $0) }
        DispatchQueue.concurrentPerform(iterations: order.count) { k in
            let j = order[k]
            results.set(j, control.suppressed(inputs[j].0, cells: inputs[j].1))
        }
        var perUnit: [DisclosureSystem?] = Array(repeating: nil, count: units.count)
        var protected: [(cells: [IndicatorCell], system: DisclosureSystem)] = []
        for (j, job) in jobs.enumerated() {
            guard let done = results.value(j) else { continue }
            protected.append((job.cells, done))
            if var merged = job.merged {
                merged.system = done
                for (k, u) in job.members.enumerated() { perUnit[u] = merged.part(k, of: units[u].system) }
            } else {
                perUnit[job.members[0]] = done
            }
        }
        let indicators = work.indices.map { w in
            (work[w].0, work[w].1, units.indices.filter { units[$0].indicator == w }.compactMap { perUnit[$0] })
        }
        return Disclosure(indicators: indicators, protected: protected)
    }

    /// `explain`: the plain-English definition and every named SQL step.
    public func explain(_ spec: FrameworkSpec, indicator id: String) async throws -> String {
        guard let ind = spec.computed.first(where: { $0.id == id }) else { throw FrameworkError.unknownIndicator(id) }
        let profile = try await currentProfile()
        let plan = plan([ind], profile: profile)[0]
        var lines = [
            "\(ind.id): \(ind.title)", "", ind.definition, "",
            "Dataset: \(ind.dataset.rawValue). Measure: \(ind.measure.name). Periods: \(ind.periods.map(\.rawValue).joined(separator: ", ")).",
            "Breakdowns: \(ind.breakdowns.isEmpty ? "none" : ind.breakdowns.map(\.rawValue).joined(separator: ", ")). Engine: \(store.dialect.rawValue).",
        ]
        for g in plan.gaps { lines.append("What we don't know: \(g.detail)\(g.blocking ? " (cannot be answered)" : "").") }
        guard let compiled = plan.compiled else {
            lines += ["", "No SQL: there is no data for it on this store yet."]
            return lines.joined(separator: "\n")
        }
        for n in compiled.notes { lines.append("Note: \(n).") }
        lines.append(
            "Periods: \(plan.periods.count) (\(plan.periods.first?.label ?? "") to \(plan.periods.last?.label ?? "")); "
                + (compiled.grain == .month ? "counted by calendar month and summed into longer periods." : "computed for each period."))
        for (i, step) in compiled.steps.enumerated() {
            lines += ["", "-- Step \(i + 1): \(step.name): \(step.purpose)", step.sql]
        }
        return lines.joined(separator: "\n")
    }
}

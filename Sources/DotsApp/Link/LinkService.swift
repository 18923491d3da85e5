import DotsCore
import DotsLink
import DotsStore
import Foundation

/// `dots link`: load every current person record, link them, save the run, optionally evaluate against a truth file.
public struct LinkService: Sendable {
    public let store: HubStore
    public let clock: any TimeSource
    public let runBy: String

    public init(store: HubStore, clock: any TimeSource = SystemClock(), runBy: String) {
        self.store = store
        self.clock = clock
        self.runBy = runBy
    }

    public enum LinkError: Error, CustomStringConvertible, Equatable {
        case noPeople
        case mixedKeys([String: [String]])
        case badSettings([String])
        case unreadable(String)

        public var description: String {
            switch self {
            case .noPeople: "There are no people on the hub to link: ingest some submissions first (try `dots demo`)."
            case .mixedKeys(let byKey):
                "The current people submissions were prepared with different linkage keys, so their pseudonyms cannot match: "
                    + byKey.sorted { $0.key < $1.key }.map { "key \($0.key): \($0.value.sorted().joined(separator: ", "))" }.joined(separator: "; ")
                    + ". Re-prepare the odd ones out with the partnership's current key and submit them again."
            case .badSettings(let problems): "The linkage settings have problems:\n" + problems.map { "- \($0)" }.joined(separator: "\n")
            case .unreadable(let what): what
            }
        }
    }

    public struct Outcome: Sendable {
        public var runID: String
        public var result: LinkResult
        public var records: [LinkRecord]
        public var evaluation: Evaluation?
        public var loadSeconds: Double
        public var saveSeconds: Double
    }

    /// Loads the hub's current person records as linkage records, in a stable order.
    public func loadRecords() async throws -> [LinkRecord] {
        try await LinkRecordLoader(store: store).load(store.currentSubmissions(dataset: .people)).records
    }

    public func run(settings: LinkageSettings = LinkageSettings(), truth: [String: String]? = nil) async throws -> Outcome {
        let problems = settings.problems()
        guard problems.isEmpty else { throw LinkError.badSettings(problems) }
        let people = try await store.currentSubmissions(dataset: .people)
        var byKey: [String: [String]] = [:]
        for s in people { byKey[s.keyID ?? "none", default: []].append(s.agency) }
        if byKey.count > 1 { throw LinkError.mixedKeys(byKey) }

        let started = clock.now()
        let loadStart = Stopwatch()
        // The previous ids and the reviews are read while the records are decoded.
        let history = PersonIDHistory(store: store)
        async let stored = history.stored(for: people.map(\.id))
        async let reviewRecords = store.reviews()
        let loaded = try await LinkRecordLoader(store: store).load(people)
        let records = loaded.records
        guard !records.isEmpty else { throw LinkError.noPeople }
        if let truth, !records.contains(where: { truth[$0.key] != nil }) {
            // Scored against nothing, a run would report 100%.
            throw LinkError.unreadable(
                "The truth file names none of the hub's person records: give it as `agency,person_id,true_person_id` with a header line, "
                    + "each agency and person id as the agency submitted them.")
        }
        let previous = try await history.previous(for: loaded, stored: stored)
        let reviews = try await reviewRecords.map { ReviewDecision(a: $0.a, b: $0.b, verdict: $0.verdict) }
        let loadSeconds = loadStart.seconds
        let result = Linker(settings: settings).run(records, reviews: reviews, previousIDs: previous.ids, highestPersonNumber: previous.highest)
        let evaluation = truth.map {
            Evaluation(
                keys: records.map(\.key), predicted: result.personIDs, truth: $0, candidates: result.candidates,
                scored: result.pairs.map { ($0.a, $0.b, $0.probability) })
        }

        let saveStart = Stopwatch()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let runID = UUID().uuidString.lowercased()
        let record = LinkageRunRecord(
            id: runID, startedAt: started, finishedAt: clock.now(),
            settingsJSON: String(decoding: try settings.json(), as: UTF8.self),
            modelJSON: String(decoding: try encoder.encode(result.model), as: UTF8.self), keyID: people.first?.keyID,
            records: records.count, candidatePairs: result.candidatePairs, links: result.links, reviews: result.reviews,
            people: result.people, submissions: people.map(\.id).sorted(),
            evaluationJSON: try evaluation.map { String(decoding: try encoder.encode($0), as: UTF8.self) }, runBy: runBy,
            highestPersonNumber: result.highestPersonNumber)
        // Links themselves are not stored pair by pair: the run's model and the records reproduce any of them
        // (`dots link explain`), and person ids record the outcome. Pairs a person must look at are kept.
        let pairs = zip(result.pairs, result.decisions).filter { $0.1 != .match }.map { pair, decision in
            LinkPairRecord(
                a: records[Int(pair.a)].key, b: records[Int(pair.b)].key, levels: pair.levels,
                weight: pair.weight, probability: pair.probability, decision: decision)
        }
        try await store.saveLinkageRun(record, pairs: pairs, personIDs: history.update(from: previous, to: result.personIDs, loaded: loaded))
        return Outcome(
            runID: runID, result: result, records: records, evaluation: evaluation, loadSeconds: loadSeconds,
            saveSeconds: saveStart.seconds)
    }

    /// The truth file the generator writes: `agency,person_id,true_person_id` → key → true id.
    public static func readTruth(_ path: String) throws -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw LinkError.unreadable("The truth file \(path) cannot be read.") }
        var out: [String: String] = [:]
        // Any line ending: a file written on Windows, or by Python's csv module, ends each line with CR LF.
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let c = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if c.count == 3 { out["\(c[0])/\(c[1])"] = c[2] }
        }
        return out
    }

    /// Why the latest run scored a pair as it did.
    public func explain(_ a: String, _ b: String) async throws -> Explanation? {
        guard let run = try await store.latestLinkageRun() else { return nil }
        let settings = try JSONDecoder().decode(LinkageSettings.self, from: Data(run.settingsJSON.utf8))
        let model = try JSONDecoder().decode(FellegiSunterModel.self, from: Data(run.modelJSON.utf8))
        let records = try await loadRecords()
        guard let ia = records.firstIndex(where: { $0.key == a }), let ib = records.firstIndex(where: { $0.key == b }) else { return nil }
        let linker = Linker(settings: settings)
        var levels = [UInt8](repeating: 0, count: linker.comparator.comparisons.count)
        linker.comparator.levels(records[ia], records[ib], into: &levels)
        let scorer = Scorer(model: model, comparator: linker.comparator, settings: settings, records: records)
        let pair = scorer.score(levels, records[ia], records[ib], ai: Int32(ia), bi: Int32(ib))
        let stored = try await store.linkPairs(involving: a, limit: 10_000).first { ($0.a == a && $0.b == b) || ($0.a == b && $0.b == a) }
        let links = try await store.personLinks()
        let together = links[a] != nil && links[a] == links[b]
        let decision =
            stored?.decision.rawValue
            ?? (pair.probability >= settings.matchThreshold
                ? LinkDecision.match.rawValue : (together ? "non-match, but linked through other records" : "non-match"))
        return Explanation(pair: pair, records: records, scorer: scorer, decision: decision)
    }
}

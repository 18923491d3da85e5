import DotsCore
import DotsLink
import DotsStore
import Foundation

/// The partnership person ids the store holds for the records a run links, lined up with them, and the change a
/// run's new ids make. The latest run's ids are kept per submission in record-set order, so for every submission
/// linked before this is a split of one text; only a submission that arrived since is looked up row by row.
struct PersonIDHistory: Sendable {
    let store: HubStore

    struct Previous: Sendable {
        /// Each record's id last time (nil for a record not seen before).
        var ids: [String?]
        /// Records that held an id but are no longer held (their agency sent a new submission without them).
        var gone: [(agency: String, person: String)]
        /// The highest id number ever given.
        var highest: Int
        /// Every record's previous id came from the latest run's per-submission ids: `person_links` holds those
        /// rows and no others, so there is nothing else to tidy.
        var fromLatestRun = false
        var count: Int { ids.count { $0 != nil } }
    }

    /// What the store holds for a run's records, read beside the records themselves (see `LinkService.run`).
    struct Stored: Sendable {
        var highest: Int?
        var kept: [String: (records: Int, ids: String)]
    }

    func stored(for submissions: [String]) async throws -> Stored {
        Stored(highest: try await store.highestPersonNumber(), kept: try await store.linkedPersonIDs(submissions: submissions))
    }

    func previous(for loaded: LinkRecordLoader.Loaded, stored: Stored) async throws -> Previous {
        let records = loaded.records
        var previous = Previous(ids: [String?](repeating: nil, count: records.count), gone: [], highest: 0)
        guard let highest = stored.highest else {
            // No run yet, or the latest predates per-submission ids: read every stored id, once.
            let all = try await store.personLinks()
            var current = Set<String>()
            for (i, r) in records.enumerated() {
                let key = r.key
                current.insert(key)
                previous.ids[i] = all[key]
            }
            previous.gone = all.keys.filter { !current.contains($0) }.sorted().map { key in
                let slash = key.firstIndex(of: "/")!
                return (String(key[..<slash]), String(key[key.index(after: slash)...]))
            }
            previous.highest = all.values.compactMap { Clusterer.number($0) }.max() ?? 0
            return previous
        }
        previous.highest = highest
        previous.fromLatestRun = true
        for part in loaded.parts {
            if let kept = stored.kept[part.submission.id], kept.records == part.range.count,
                case let lines = Self.lines(kept.ids), lines.count == part.range.count
            {
                for (i, line) in zip(part.range, lines) { previous.ids[i] = line }
                continue
            }
            // A submission that arrived since the latest run: its agency's ids by person id.
            previous.fromLatestRun = false
            let byPerson = try await store.personLinks(agency: part.submission.agency)
            let held = Set(records[part.range].map(\.personID))
            for i in part.range { previous.ids[i] = byPerson[records[i].personID] }
            previous.gone += byPerson.keys.filter { !held.contains($0) }.sorted().map { (part.submission.agency, $0) }
        }
        return previous
    }

    /// The lines of a text, split on its bytes (splitting a String by Characters took most of the time here).
    static func lines(_ text: String) -> [String?] {
        var text = text
        return text.withUTF8 { bytes in
            var out: [String?] = []
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 10 {
                out.append(i == start ? nil : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                start = i + 1
            }
            return out
        }
    }

    /// What to write after a run: the new and changed ids, and the deletions, or everything when most ids change.
    func update(from previous: Previous, to ids: [String], loaded: LinkRecordLoader.Loaded) -> PersonIDUpdate {
        let records = loaded.records
        var rows: [(agency: String, person: String, id: String)] = []
        var deletes = previous.gone
        for i in records.indices where previous.ids[i] != ids[i] {
            rows.append((records[i].agency, records[i].personID, ids[i]))
            if previous.ids[i] != nil { deletes.append((records[i].agency, records[i].personID)) }
        }
        let replaceAll = rows.count + deletes.count > previous.count / 2
        if replaceAll { rows = records.indices.map { (records[$0].agency, records[$0].personID, ids[$0]) } }
        return PersonIDUpdate(
            rows: rows, deletes: replaceAll ? [] : deletes, replaceAll: replaceAll,
            agencies: previous.fromLatestRun ? nil : loaded.parts.map(\.submission.agency),
            bySubmission: loaded.parts.map { ($0.submission.id, $0.range.count, ids[$0.range].joined(separator: "\n")) })
    }
}

import DotsCore
import DotsIntake
import Foundation

/// `dots synth`: writes a synthetic partnership, each agency's raw extract as it would send it, plus the truth
/// (which agency record is which young person) in a separate file for testing linkage. Deterministic by seed;
/// streams person by person, so memory does not grow with the number of people.
public struct SynthGenerator {
    public let config: SynthConfig
    public let model: PartnershipModel

    public init(config: SynthConfig, model: PartnershipModel = ReferencePartnership.model) {
        self.config = config
        self.model = model
    }

    /// What was generated, with the measured overlap and noise.
    public struct Summary: Sendable, Codable {
        public var people = 0
        /// Young people with at least one record in any agency.
        public var known = 0
        /// Young people known to two or more agencies.
        public var multiAgency = 0
        public var agencyRecords = 0
        public var rows: [String: Int] = [:]
        public var noise: [String: Int] = [:]

        public var multiAgencyShare: Double { known == 0 ? 0 : Double(multiAgency) / Double(known) }
        public func noiseShare(_ key: String) -> Double { agencyRecords == 0 ? 0 : Double(noise[key] ?? 0) / Double(agencyRecords) }
    }

    /// Writes to the folder `output`; returns the summary (also saved as `manifest.json`).
    public func run(output: String, progress: ((Int) -> Void)? = nil) throws -> Summary {
        let fm = FileManager.default
        try fm.createDirectory(atPath: output, withIntermediateDirectories: true)
        let writers = ExtractWriters(root: output)
        let truth = try BufferedFileWriter(path: output + "/truth.csv")
        try truth.write(CSVText.line(["agency", "person_id", "true_person_id"]))
        let journeys = JourneyFactory(config: config)
        let noise = IdentifierNoise(rates: config.noise, latestBirth: config.start)
        var personCounter: [String: Int] = [:]
        var eventCounter: [String: Int] = [:]
        var summary = Summary()
        let prefixes = Dictionary(uniqueKeysWithValues: model.agencies.map { ($0.id, prefix(for: $0.id)) })
        // Every home postcode with its district, for the invented postcode directory written at the end.
        var postcodes: [String: String] = [:]

        for index in 0..<config.people {
            var rng = SeededRandom(seed: config.seed, stream: UInt64(index))
            let person = PersonFactory.make(index: index, config: config, rng: &rng)
            let events = journeys.events(for: person, rng: &rng)
            summary.people += 1
            guard !events.isEmpty else { continue }
            let byAgency = Dictionary(grouping: events, by: \.agency)
            summary.known += 1
            postcodes[person.postcode] = person.area
            if byAgency.count >= 2 { summary.multiAgency += 1 }
            for agencyID in byAgency.keys.sorted() {
                let agency = model.agency(id: agencyID)!
                let copies = rng.chance(config.noise.duplicateRecord) ? 2 : 1
                var ids: [String] = []
                for _ in 0..<copies {
                    personCounter[agencyID, default: 0] += 1
                    let id = "\(prefixes[agencyID]!)-P\(Digits.pad(personCounter[agencyID]!, 7))"
                    ids.append(id)
                    let (values, applied) = noise.record(of: person, agencyKind: agency.kind, personID: id, rng: &rng)
                    try writers.write(agency: agencyID, dataset: .people, values: values)
                    try truth.write(CSVText.line([agencyID, id, person.id]))
                    summary.agencyRecords += 1
                    for (flag, name) in IdentifierNoise.Applied.named where applied.contains(flag) {
                        summary.noise[name, default: 0] += 1
                    }
                    if applied.errors >= 2 { summary.noise["severalErrors", default: 0] += 1 }
                    if copies == 2 { summary.noise["duplicateRecord", default: 0] += 1 }
                }
                for event in byAgency[agencyID]! {
                    eventCounter[agencyID, default: 0] += 1
                    var values = event.values
                    values["person_id"] = ids.count == 1 ? ids[0] : rng.pick(ids)
                    values[event.dataset.schema.primaryKey] = "\(prefixes[agencyID]!)-E\(Digits.pad(eventCounter[agencyID]!, 8))"
                    try writers.write(agency: agencyID, dataset: event.dataset, values: values)
                }
            }
            if (index + 1) % 100_000 == 0 { progress?(index + 1) }
        }
        try writers.close()
        try truth.close()
        try writeDirectory(postcodes, to: output + "/" + Self.postcodeDirectory)
        summary.rows = writers.rowCounts
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        struct Manifest: Codable {
            let generator: String
            let config: SynthConfig
            let period: String
            let summary: Summary
        }
        try encoder.encode(Manifest(generator: "dots synth", config: config, period: config.period.description, summary: summary))
            .write(to: URL(fileURLWithPath: output + "/manifest.json"))
        return summary
    }

    /// The invented postcode directory beside the extracts: what an agency gives `dots prepare --postcode-lookup`.
    public static let postcodeDirectory = "postcode-directory.csv"

    /// Each home postcode of someone some agency knows, in the National Statistics Postcode Lookup's layout (its
    /// `pcds`, `laua` and `lsoa21` columns), with the district the postcode was drawn for and an invented LSOA
    /// (`InventedLSOAs`) within it. A postcode mistyped in an agency's record is not in it, as in life.
    func writeDirectory(_ postcodes: [String: String], to path: String) throws {
        let areas = Dictionary(grouping: try InventedLSOAs.make(perDistrict: config.smallAreasPerDistrict), by: \.district)
        let out = try BufferedFileWriter(path: path)
        try out.write(CSVText.line(["pcds", "laua", "lsoa21"]))
        for (postcode, district) in postcodes.sorted(by: { $0.key < $1.key }) {
            try out.write(CSVText.line([postcode, district, InventedLSOAs.area(of: postcode, in: areas[district] ?? [])?.code ?? ""]))
        }
        try out.close()
    }

    /// A short, readable record-id prefix per agency (`SP` for staffs-police).
    func prefix(for agencyID: String) -> String {
        agencyID.split(separator: "-").map { $0.prefix(2).uppercased() }.joined()
    }
}

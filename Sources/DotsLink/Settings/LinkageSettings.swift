import Foundation

/// Everything that decides a linkage run, as data: saved with every run so it can be explained and repeated.
/// Written and read as JSON (`dots link --settings FILE`; `dots link settings` prints the defaults).
public struct LinkageSettings: Codable, Sendable, Equatable {
    /// Format version of this settings file. 2 adds the date of birth level "same month, another year"; 3 the levels
    /// that grade typing errors (names in each other's fields, names that sound alike, a year of birth out with day
    /// and month right). A run saved with an earlier version is explained with that version's levels.
    public var version = 3
    /// Pairs are compared only if they agree on every field of at least one rule (fields: see `BlockingField`).
    public var blockingRules: [[BlockingField]] = [
        [.nhs], [.nameDOB], [.upn], [.localID], [.dob, .firstName], [.dob, .surname], [.dobUnordered, .surname],
        [.firstName, .surname, .birthYear], [.firstName, .surname, .postcode], [.postcode, .birthYear],
        // A year of birth mistyped: both names, and the month whatever the year.
        [.firstName, .surname, .birthMonthOfYear],
        // Typing errors in the names (keyed sound codes) with the date of birth, or with its year or day and month.
        [.dob, .firstNameSound], [.dob, .surnameSound], [.firstNameSound, .surnameSound, .birthYear],
        [.firstNameSound, .surnameSound, .dobMonthDay], [.firstNameSound, .surnameSound, .postcode],
        // Names in each other's fields.
        [.namesUnordered, .birthYear], [.namesUnordered, .dobMonthDay],
        // Both names wrong: the date of birth with sex and home area. (Date of birth + postcode would add nothing:
        // postcode + birth year, earlier, finds every such pair.)
        [.dob, .sex, .area],
    ]
    /// Bands per name for the `*_bands` blocking fields (`NameBands`), and the encoding positions each samples.
    /// No default rule uses them: on the hard noise profile the keyed sound codes (version 3) find the pairs a rule
    /// on both names' bands would, and more (docs/linkage.md).
    public var nameBands = 16
    public var nameBandBits = 12
    /// Blocks bigger than this are skipped (and reported): they are values too common to block on.
    public var maxBlockSize = 2_000
    /// EM is run once per training rule, on the pairs that rule blocks together, with the comparisons that rule
    /// forces to agree left out (their m cannot be learnt from pairs chosen for agreeing on them); each
    /// comparison's m is the mean over the sessions that estimated it.
    /// Both names (version 3) is the session that learns the date of birth's levels: every other rule forces it.
    public var trainingRules: [[BlockingField]] = [
        [.surname, .birthYear], [.dob, .sex], [.firstName, .birthMonth], [.postcode, .birthYear], [.firstName, .surname],
    ]
    /// The prior (how likely two random records are the same young person) is estimated from the pairs these
    /// rules find, divided by `priorRecall`, the share of true pairs they are assumed to find.
    public var priorRules: [[BlockingField]] = [[.nhs], [.nameDOB]]
    public var priorRecall = 0.8
    /// Then refined on every pair blocking compared (`Trainer.refinedPrior`). Runs saved before the setting existed
    /// read it as false, as they were scored.
    public var priorFromComparedPairs = true
    /// u with the true pairs taken out: random pairs include some (λ of them, more among pairs of one birth year),
    /// and for a shared identifier or a similar name they are most of the agreement seen (`Trainer.uWithoutMatches`).
    /// Runs saved before the setting existed read it as false, as they were scored.
    public var uWithoutMatches = true
    /// Each training rule's EM session uses at most this many pairs, taken block by block in an order unrelated to
    /// the values (a quarter of a million gave the same m, and the same F1 to four places, as a million at 100k and
    /// 1M records, in a third of the time).
    public var maxTrainingPairs = 250_000
    /// Similarity thresholds for the name encodings' levels, strongest first.
    public var nameDiceLevels: [Double] = [0.85, 0.7]
    /// Pairs at or above this match probability are linked.
    public var matchThreshold = 0.95
    /// Pairs from here up to the match threshold go to clerical review.
    public var reviewThreshold = 0.5
    /// Comparisons whose exact-agreement weight is adjusted for how common the value is.
    public var termFrequencyAdjustments: [ComparisonName] = [.firstName, .surname]
    /// Names' levels beyond exact agreement (similar by Dice, sounding alike) adjusted for how common the name or its
    /// sound code is, too (`TermFrequencies`). Off: on our hard profile and on FEBRL 4 it moved F1 by under a tenth of
    /// a point either way (docs/linkage.md), so the explanations stay simpler.
    public var termFrequencyBeyondExact = false
    /// Agreement here links a pair whatever else says (a verified shared identifier).
    public var deterministic: [ComparisonName] = [.nhs]
    /// Random pairs sampled to estimate u (how often non-matches agree by chance).
    public var uSamplePairs = 1_000_000
    public var emIterations = 30
    /// Seed for the random-pair sample, so runs are repeatable.
    public var seed: UInt64 = 1

    public init() {}

    /// Settings saved before a setting existed (with every run) read it as its default, so older runs can still be
    /// explained.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = LinkageSettings()
        func v<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T { try c.decodeIfPresent(T.self, forKey: key) ?? fallback }
        version = try v(.version, d.version)
        blockingRules = try v(.blockingRules, d.blockingRules)
        nameBands = try v(.nameBands, d.nameBands)
        nameBandBits = try v(.nameBandBits, d.nameBandBits)
        maxBlockSize = try v(.maxBlockSize, d.maxBlockSize)
        trainingRules = try v(.trainingRules, d.trainingRules)
        priorRules = try v(.priorRules, d.priorRules)
        priorRecall = try v(.priorRecall, d.priorRecall)
        priorFromComparedPairs = try v(.priorFromComparedPairs, false)
        uWithoutMatches = try v(.uWithoutMatches, false)
        maxTrainingPairs = try v(.maxTrainingPairs, d.maxTrainingPairs)
        nameDiceLevels = try v(.nameDiceLevels, d.nameDiceLevels)
        matchThreshold = try v(.matchThreshold, d.matchThreshold)
        reviewThreshold = try v(.reviewThreshold, d.reviewThreshold)
        termFrequencyAdjustments = try v(.termFrequencyAdjustments, d.termFrequencyAdjustments)
        termFrequencyBeyondExact = try v(.termFrequencyBeyondExact, d.termFrequencyBeyondExact)
        deterministic = try v(.deterministic, d.deterministic)
        uSamplePairs = try v(.uSamplePairs, d.uSamplePairs)
        emIterations = try v(.emIterations, d.emIterations)
        seed = try v(.seed, d.seed)
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }

    /// Problems with these settings, in plain words (empty if none).
    public func problems() -> [String] {
        var out: [String] = []
        if !(1...3).contains(version) { out.append("version: 1, 2 or 3") }
        if blockingRules.isEmpty { out.append("blockingRules: give at least one rule") }
        for (i, r) in blockingRules.enumerated() where r.isEmpty || r.count > 4 {
            out.append("blockingRules[\(i)]: a rule has one to four fields")
        }
        if !(0 < reviewThreshold && reviewThreshold <= matchThreshold && matchThreshold < 1) {
            out.append("thresholds: need 0 < reviewThreshold ≤ matchThreshold < 1")
        }
        if nameDiceLevels.isEmpty || nameDiceLevels != nameDiceLevels.sorted(by: >) || nameDiceLevels.contains(where: { !(0...1).contains($0) }) {
            out.append("nameDiceLevels: give thresholds between 0 and 1, strongest first")
        }
        if maxBlockSize < 2 { out.append("maxBlockSize: at least 2") }
        if !(1...64).contains(nameBands) { out.append("nameBands: 1 to 64") }
        if !(1...512).contains(nameBandBits) { out.append("nameBandBits: 1 to 512") }
        if trainingRules.isEmpty { out.append("trainingRules: give at least one rule") }
        if priorRules.isEmpty { out.append("priorRules: give at least one rule") }
        if !(0 < priorRecall && priorRecall <= 1) { out.append("priorRecall: between 0 and 1") }
        return out
    }
}

/// Fields a blocking rule can require to agree.
public enum BlockingField: String, Codable, Sendable, CaseIterable {
    case nhs, upn, localID = "local_id", nameDOB = "name_dob", firstName = "first_name", surname
    case dob, dobUnordered = "dob_unordered", postcode, birthYear = "birth_year", birthMonth = "birth_year_month", sex, area
    /// The month of birth, whatever the year (for a year of birth mistyped).
    case birthMonthOfYear = "birth_month_of_year"
    /// Any band of the name's encoding (`NameBands`): a rule holding one is tried once per band.
    case firstNameBands = "first_name_bands", surnameBands = "surname_bands"
    /// Keys made at the agency that survive typing errors (people schema 4): each name's keyed Soundex code, both
    /// names in either order, day and month of birth whatever the year.
    case firstNameSound = "first_name_phonetic", surnameSound = "surname_phonetic", namesUnordered = "names_unordered"
    case dobMonthDay = "dob_month_day"

    /// Whether the field stands for one band of several.
    public var isBand: Bool { self == .firstNameBands || self == .surnameBands }

    /// Whether the field is one of those that survive typing errors (a name's bands or sound, names in either
    /// order, the month or the day and month whatever the year).
    public var isErrorTolerant: Bool {
        switch self {
        case .firstNameBands, .surnameBands, .birthMonthOfYear, .firstNameSound, .surnameSound, .namesUnordered, .dobMonthDay: true
        default: false
        }
    }

    /// The comparisons a rule on this field forces to agree.
    var comparisons: [ComparisonName] {
        switch self {
        case .nhs: [.nhs]
        case .upn: [.upn]
        case .localID: [.localID]
        case .nameDOB: [.firstName, .surname, .dob]
        case .firstName: [.firstName]
        case .surname: [.surname]
        case .dob, .dobUnordered, .birthYear, .birthMonth, .dobMonthDay: [.dob]
        // A name's sound, or both names in either order, hold its comparison to a few of its levels.
        case .firstNameSound: [.firstName]
        case .surnameSound: [.surname]
        case .namesUnordered: [.firstName, .surname]
        case .postcode, .area: [.postcode]
        case .sex: [.sex]
        // Agreeing on a band or a month of the year forces no comparison to any level.
        case .birthMonthOfYear, .firstNameBands, .surnameBands: []
        }
    }

    func value(_ r: LinkRecord) -> Int32 {
        switch self {
        case .nhs: r.nhs
        case .upn: r.upn
        case .localID: r.localID
        case .nameDOB: r.nameDOB
        case .firstName: r.firstName
        case .surname: r.surname
        case .dob: r.dob
        case .dobUnordered: r.dobUnordered
        case .postcode: r.postcode
        case .birthYear: r.birthMonth < 0 ? 0 : r.birthYear + 1
        case .birthMonth: r.birthMonth + 1
        case .sex: r.sex
        case .area: r.area
        case .birthMonthOfYear: r.birthMonth < 0 ? 0 : r.birthMonth % 12 + 1
        case .firstNameSound: r.firstNameSound
        case .surnameSound: r.surnameSound
        case .namesUnordered: r.namesUnordered
        case .dobMonthDay: r.dobMonthDay
        // Bands are keyed by the blocker, which knows which band it is trying.
        case .firstNameBands, .surnameBands: 0
        }
    }
}

import DotsCore

/// One synthetic young person as they really are: what every agency's record is a noisy copy of.
struct TruePerson {
    let id: String
    let sex: Sex
    let ethnicity: Ethnicity
    let area: String
    let birth: CalendarDate
    let firstName: String
    let surname: String
    let nhsNumber: String
    let upn: String
    let postcode: String
    let lookedAfter: Bool
    let send: SENDProvision
    let risk: RiskLevel
    let types: [ExploitationType]
    /// A police national computer-style id, for children known to criminal justice.
    let pnc: String
}

/// Draws true persons: where they live, who they are, how at risk.
enum PersonFactory {
    /// Local areas with approximate child populations (thousands) and a deprivation weight for risk.
    static let areas: [(code: String, children: Double, deprivation: Double)] = [
        ("E06000021", 58, 1.6), ("E07000192", 20, 1.3), ("E07000193", 26, 1.1), ("E07000194", 21, 0.8),
        ("E07000195", 24, 1.1), ("E07000196", 20, 0.8), ("E07000197", 25, 0.8), ("E07000198", 17, 0.8), ("E07000199", 17, 1.3),
    ]
    static let outwardCodes: [String: [String]] = Dictionary(
        grouping: PostcodeDistricts.referenceAreas.keys.sorted(), by: { PostcodeDistricts.referenceAreas[$0]! })
    static let inwardLetters = Array("ABDEFGHJLNPQRSTUWXYZ")

    static let ethnicities: [(Ethnicity, Double)] = [
        (.WBRI, 78), (.WOTH, 3.5), (.WIRI, 0.3), (.WROM, 0.4), (.WIRT, 0.2), (.MWBC, 2.2), (.MWBA, 0.6), (.MWAS, 1.0), (.MOTH, 1.0),
        (.AIND, 1.2), (.APKN, 4.0), (.ABAN, 0.5), (.AOTH, 0.8), (.BCRB, 0.7), (.BAFR, 1.6), (.BOTH, 0.3), (.CHNE, 0.3),
        (.OOTH, 0.8), (.REFU, 0.3), (.NOBT, 0.3),
    ]

    static func make(index: Int, config: SynthConfig, rng: inout SeededRandom) -> TruePerson {
        let sex: Sex = rng.weighted([(.male, 0.55), (.female, 0.445), (.unknown, 0.005)])
        let area = rng.weighted(areas.map { ($0, $0.children) })
        let ethnicity = rng.weighted(ethnicities)
        // Ages 6 to 17 at the window's start, weighted to early teens, so most events fall at 10-17.
        let age = rng.weighted([(6, 1.0), (7, 1.5), (8, 2), (9, 3), (10, 4), (11, 6), (12, 8), (13, 9), (14, 9), (15, 8), (16, 6), (17, 4)])
        let birthYearStart = config.start.adding(days: -(age + 1) * 365 - 90)
        let birth = birthYearStart.adding(days: rng.int(0...364))
        let first = sex == .female ? rng.pick(NameLists.female) : (sex == .male ? rng.pick(NameLists.male) : rng.pick(NameLists.male + NameLists.female))
        let surname = rng.pick(NameLists.surnames)
        let outward = rng.pick(outwardCodes[area.code]!)
        let postcode = "\(outward) \(rng.int(1...9))\(rng.pick(inwardLetters))\(rng.pick(inwardLetters))"

        let d = area.deprivation
        let risk: RiskLevel = rng.weighted([(.none, 0.52), (.low, 0.27), (.medium, 0.14 * d), (.high, 0.06 * d)])
        var types: [ExploitationType] = []
        if risk != .none {
            let cceWeight = sex == .male ? 0.65 : 0.3
            if rng.chance(cceWeight) { types.append(.cce); if rng.chance(0.45) { types.append(.countyLines) } }
            if rng.chance(sex == .female ? 0.6 : 0.15) { types.append(.cse) }
            if rng.chance(0.18) { types.append(.online) }
            if rng.chance(0.12) { types.append(.seriousViolence) }
            if rng.chance(0.08) { types.append(.childOnChild) }
            if rng.chance(0.05) { types.append(.trafficking) }
            if types.isEmpty { types.append(sex == .female ? .cse : .cce) }
        }
        let lookedAfter = rng.chance(risk.rank >= 2 ? 0.22 : 0.05)
        let send: SENDProvision = rng.weighted([(.none, 0.74), (.senSupport, 0.19), (.ehcPlan, 0.07)])
        return TruePerson(
            id: "Y" + Digits.pad(index + 1, 7), sex: sex, ethnicity: ethnicity, area: area.code, birth: birth,
            firstName: first, surname: surname, nhsNumber: makeNHSNumber(&rng), upn: makeUPN(&rng), postcode: postcode,
            lookedAfter: lookedAfter, send: send, risk: risk, types: types, pnc: "PNC\(rng.int(10...99))/\(rng.int(100_000...999_999))")
    }

    /// A valid NHS number in the 9xx range the NHS keeps for testing, so it can never be a real patient's.
    static func makeNHSNumber(_ rng: inout SeededRandom) -> String {
        while true {
            let nine = [9] + (0..<8).map { _ in rng.int(0...9) }
            if let check = NHSNumber.checkDigit(nine) { return (nine + [check]).map(String.init).joined() }
        }
    }

    /// A UPN with its check letter right: 12 random digits after it.
    static func makeUPN(_ rng: inout SeededRandom) -> String {
        let rest = (0..<12).map { _ in String(rng.int(0...9)) }.joined()
        return String(UniquePupilNumber.checkLetter(rest)!) + rest
    }
}

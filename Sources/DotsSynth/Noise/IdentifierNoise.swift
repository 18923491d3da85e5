import DotsCore

/// Makes one agency's copy of a person's identifiers, with the slips real records have.
struct IdentifierNoise {
    let rates: NoiseRates
    /// A slipped date of birth later than this is not made: agencies' systems refuse a birth after the day of entry,
    /// and the synthetic window starts after every birth (the demo's hub would refuse the rest).
    var latestBirth: CalendarDate? = nil

    /// How likely each kind of agency is to hold each identifier.
    static func presence(_ kind: Agency.Kind) -> (nhs: Double, upn: Double, pnc: Double) {
        switch kind {
        case .health: (0.97, 0, 0)
        case .socialCare: (0.85, 0.6, 0)
        case .youthJustice: (0.6, 0.4, 0.9)
        case .police: (0.25, 0, 0.9)
        case .education: (0.35, 0.98, 0)
        case .returnInterviews: (0.4, 0, 0)
        default: (0.3, 0, 0)
        }
    }

    /// What was changed, for measuring the generator's noise rates.
    struct Applied: OptionSet {
        let rawValue: Int
        static let typo = Applied(rawValue: 1), nickname = Applied(rawValue: 2), swapped = Applied(rawValue: 4)
        static let surname = Applied(rawValue: 8), moved = Applied(rawValue: 16), noNHS = Applied(rawValue: 32)
        static let edit = Applied(rawValue: 64), ocr = Applied(rawValue: 128), phonetic = Applied(rawValue: 256)
        static let namesSwapped = Applied(rawValue: 512), shortened = Applied(rawValue: 1024), hyphenated = Applied(rawValue: 2048)
        static let dobDigit = Applied(rawValue: 4096), yearOff = Applied(rawValue: 8192), yearTen = Applied(rawValue: 16384)
        static let missingName = Applied(rawValue: 32768), missingDOB = Applied(rawValue: 65536)

        /// Each kind with the name the generator's summary counts it under.
        static let named: [(Applied, String)] = [
            (.typo, "typo"), (.nickname, "nickname"), (.swapped, "swappedDayMonth"), (.surname, "surnameChange"), (.moved, "moved"),
            (.noNHS, "noNHS"), (.edit, "nameEdit"), (.ocr, "ocr"), (.phonetic, "phonetic"), (.namesSwapped, "namesSwapped"),
            (.shortened, "surnameShortened"), (.hyphenated, "surnameHyphenated"), (.dobDigit, "dobDigit"), (.yearOff, "dobYearOff"),
            (.yearTen, "dobYearTen"), (.missingName, "missingName"), (.missingDOB, "missingDOB"),
        ]

        /// The errors that change what identifies the person (an NHS number not held is an absence, not an error).
        var errors: Int { Self.named.filter { $0.0 != .noNHS && $0.0 != .moved && contains($0.0) }.count }
    }

    /// The extract's `people` row, keyed by column.
    func record(of p: TruePerson, agencyKind: Agency.Kind, personID: String, rng: inout SeededRandom) -> (values: [String: String], applied: Applied) {
        var applied: Applied = []
        var first = p.firstName
        if rng.chance(rates.nickname) {
            let formal = IdentifierNormaliserLite.key(first)
            let nicks = Nicknames.nicknames(of: formal)
            if !nicks.isEmpty { let n = rng.pick(nicks); first = n.prefix(1) + n.dropFirst().lowercased(); applied.insert(.nickname) }
        }
        var surname = p.surname
        if rng.chance(rates.surnameChange) {
            surname = rng.pick(NameLists.surnames)
            applied.insert(.surname)
        }
        if rng.chance(rates.nameTypo) {
            if rng.chance(0.5) { first = typo(first, &rng) } else { surname = typo(surname, &rng) }
            applied.insert(.typo)
        }
        var birth = p.birth
        let c = birth.components
        if c.day <= 12, c.day != c.month, rng.chance(rates.swappedDayMonth), let swapped = CalendarDate(year: c.year, month: c.day, day: c.month) {
            birth = swapped
            applied.insert(.swapped)
        }
        // The hard profile's kinds. Each is skipped, without drawing from the random source, when its rate is 0,
        // so the standard profile makes exactly the records it always made.
        func happens(_ rate: Double) -> Bool { rate > 0 && rng.chance(rate) }
        for which in 0..<2 {
            var name = which == 0 ? first : surname
            if happens(rates.nameEdit) {
                name = Corruption.randomEdit(name, &rng)
                applied.insert(.edit)
            }
            if happens(rates.ocr),
                let changed = Corruption.ocr(name.lowercased(), from: rng.int(1...max(1, name.count - 1))) ?? Corruption.ocr(name.lowercased())
            {
                name = String(name.prefix(1) + changed.dropFirst())
                applied.insert(.ocr)
            }
            if happens(rates.phonetic) {
                let options = Corruption.phonetic(name.lowercased())
                if !options.isEmpty {
                    name = String(name.prefix(1) + rng.pick(options).dropFirst())
                    applied.insert(.phonetic)
                }
            }
            if which == 0 { first = name } else { surname = name }
        }
        if happens(rates.surnameHyphenated) {
            surname = Corruption.hyphenated(surname, with: rng.pick(NameLists.surnames), otherFirst: rng.chance(0.5))
            applied.insert(.hyphenated)
        }
        if happens(rates.surnameShortened) {
            surname = Corruption.shortened(surname, keep: surname.contains("-") ? rng.int(0...1) : surname.count - rng.int(1...3))
            applied.insert(.shortened)
        }
        if happens(rates.namesSwapped) {
            swap(&first, &surname)
            applied.insert(.namesSwapped)
        }
        func slip(_ to: CalendarDate, _ kind: Applied) {
            if let latestBirth, to > latestBirth { return }
            birth = to
            applied.insert(kind)
        }
        if happens(rates.dobDigit) { slip(Corruption.randomDigitSlip(birth, &rng), .dobDigit) }
        if happens(rates.dobYearOff) { slip(Corruption.yearMoved(birth, by: rng.chance(0.5) ? 1 : -1), .yearOff) }
        if happens(rates.dobYearTen) { slip(Corruption.yearMoved(birth, by: rng.chance(0.5) ? 10 : -10), .yearTen) }
        var blankFirst = false, blankSurname = false, blankDOB = false
        if happens(rates.missingName) {
            if rng.chance(0.5) { blankFirst = true } else { blankSurname = true }
            applied.insert(.missingName)
        }
        if happens(rates.missingDOB) {
            blankDOB = true
            applied.insert(.missingDOB)
        }
        let (nhsRate, upnRate, pncRate) = IdentifierNoise.presence(agencyKind)
        let hasNHS = rng.chance(nhsRate)
        if !hasNHS { applied.insert(.noNHS) }
        var postcode = p.postcode
        if rng.chance(rates.moved) {
            let outward = rng.pick(PersonFactory.outwardCodes[rng.chance(0.7) ? p.area : rng.pick(PersonFactory.areas).code]!)
            postcode = "\(outward) \(rng.int(1...9))\(rng.pick(PersonFactory.inwardLetters))\(rng.pick(PersonFactory.inwardLetters))"
            applied.insert(.moved)
        }
        // Agencies write dates of birth and NHS numbers in their own styles.
        let dob = rng.chance(0.3) ? "\(Digits.pad(birth.day, 2))/\(Digits.pad(birth.month, 2))/\(birth.year)" : birth.description
        let nhs = hasNHS ? (rng.chance(0.4) ? spaced(p.nhsNumber) : p.nhsNumber) : ""
        let values: [String: String] = [
            "person_id": personID,
            "first_name": blankFirst ? "" : rng.chance(0.1) ? first.uppercased() : first,
            "surname": blankSurname ? "" : rng.chance(0.1) ? surname.uppercased() : surname,
            "date_of_birth": rng.chance(0.005) || blankDOB ? "" : dob,
            "nhs_number": nhs,
            "upn": rng.chance(upnRate) ? p.upn : "",
            "local_id": rng.chance(pncRate) && p.risk.rank >= 1 ? p.pnc : "",
            "postcode": rng.chance(0.03) ? "" : (rng.chance(0.5) ? postcode.lowercased() : postcode),
            "sex": rng.chance(0.01) ? "U" : p.sex.rawValue,
            "ethnicity": rng.chance(agencyKind == .health ? 0.15 : 0.05) ? "" : p.ethnicity.rawValue,
            "looked_after": agencyKind == .socialCare || rng.chance(0.5) ? (p.lookedAfter ? "Y" : "N") : "",
            "send": agencyKind == .education ? p.send.rawValue : "",
        ]
        return (values, applied)
    }

    func spaced(_ nhs: String) -> String {
        let a = Array(nhs)
        return String(a[0..<3]) + " " + String(a[3..<6]) + " " + String(a[6..<10])
    }

    /// One slip: a letter swapped with its neighbour, dropped, or replaced.
    func typo(_ name: String, _ rng: inout SeededRandom) -> String {
        var a = Array(name)
        guard a.count >= 3 else { return name }
        let i = rng.int(1...(a.count - 2))
        switch rng.int(0...2) {
        case 0: a.swapAt(i, i + 1)
        case 1: a.remove(at: i)
        default: a[i] = rng.pick(Array("aeiourstnl"))
        }
        return String(a)
    }
}

/// The upper-case letters of a name, to look it up in the nickname table.
enum IdentifierNormaliserLite {
    static func key(_ name: String) -> String { name.uppercased().filter { $0.isASCII && $0.isLetter } }
}

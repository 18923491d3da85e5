import DotsCore
import DotsGeography
import Foundation

/// A synthetic local authority's statutory returns, in the DfE's own formats: the CIN census XML and the SSDA903 CSV
/// tables (Header, Episodes, Missing). For testing the return readers on files Dots did not hand-write, comparing
/// them with DfE's validators, and measuring them at a county's size. With `defects`, some children carry one
/// seeded break of a DfE rule each, listed in `defects.csv` (return, rule, child) so a test can check every one
/// is reported and nothing else is.
public struct SynthReturns {
    public struct Config: Sendable {
        /// Children in the CIN census.
        public var children = 1_000
        /// Children in the SSDA903 tables.
        public var lookedAfter = 200
        /// The census year, by the year it ends (2025 is 2024-25).
        public var year = 2025
        /// How many years of care episodes the SSDA903 tables hold (1: the census year alone).
        public var years = 1
        /// The local authority's three-digit DfE code.
        public var la = "860"
        public var seed: UInt64 = 20_261_206
        public var defects = false
        /// Write the SSDA903 as the DfE's XML (EXPSSDA903) rather than CSV tables.
        public var ssda903XML = false
        /// Street-level crimes a month to write as data.police.uk's CSVs (one a month for the census year) into
        /// `street-crime/`; 0 for none.
        public var crimesPerMonth = 0
        /// Stops and searches a month to write as data.police.uk's CSVs (one a month for the census year) into
        /// `stop-search/`; 0 for none.
        public var stopsPerMonth = 0
        /// The invented small areas crimes are placed in (`InventedLSOAs`): at least so many a district, as the demo's.
        public var smallAreasPerDistrict = InventedLSOAs.defaultPerDistrict

        public init() {}
    }

    /// One seeded rule break.
    public struct Defect: Sendable, Hashable {
        public let returnName: String
        public let rule: String
        public let child: String
    }

    public struct Summary: Sendable {
        public var files: [String] = []
        public var defects: [Defect] = []
        /// Street-level crimes written: in the partnership with a location, with none, and in other authorities.
        public var crimes = (counted: 0, noLocation: 0, outside: 0)
        /// Stops and searches written, the same way.
        public var stops = (counted: 0, noLocation: 0, outside: 0)
    }

    public let config: Config
    public init(config: Config) { self.config = config }

    /// The census year's first and last days.
    var yearStart: CalendarDate { CalendarDate(year: config.year - 1, month: 4, day: 1)! }
    var yearEnd: CalendarDate { CalendarDate(year: config.year, month: 3, day: 31)! }

    /// Writes the returns into `folder/returns/` (a folder `dots prepare` reads as it is) and, with defects,
    /// `folder/defects.csv` beside it.
    public func write(to root: String) throws -> Summary {
        let folder = root + "/returns"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var summary = Summary()
        let cin = "cin-census-\(config.year).xml"
        try Data(cinCensus(&summary).utf8).write(to: URL(fileURLWithPath: folder + "/" + cin))
        summary.files.append("returns/" + cin)
        var tables = ssda903(&summary)
        if config.ssda903XML { tables = [("ssda903.xml", Self.xml(tables))] }
        for (name, text) in tables {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
            summary.files.append("returns/" + name)
        }
        if config.crimesPerMonth > 0 {
            try FileManager.default.createDirectory(atPath: root + "/street-crime", withIntermediateDirectories: true)
            for (name, text) in streetCrime(&summary) {
                try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/street-crime/" + name))
                summary.files.append("street-crime/" + name)
            }
        }
        if config.stopsPerMonth > 0 {
            try FileManager.default.createDirectory(atPath: root + "/stop-search", withIntermediateDirectories: true)
            for (name, text) in try stopSearch(&summary) {
                try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/stop-search/" + name))
                summary.files.append("stop-search/" + name)
            }
        }
        if config.defects {
            var text = "return,rule,child\n"
            for d in summary.defects { text += "\(d.returnName),\(d.rule),\(d.child)\n" }
            try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/defects.csv"))
        }
        return summary
    }

    /// A force's data.police.uk files alone (street-level crime and stop and search for the year, as configured),
    /// in one folder `dots prepare` reads as the force's open data: what the demo's police publish.
    public func writePoliceOpenData(to folder: String) throws -> Summary {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var summary = Summary()
        let files = (config.crimesPerMonth > 0 ? streetCrime(&summary) : []) + (config.stopsPerMonth > 0 ? try stopSearch(&summary) : [])
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
            summary.files.append(name)
        }
        return summary
    }

    static let ethnicities = ["WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "MWBA", "MOTH", "AIND", "APKN", "BCRB", "BAFR", "CHNE", "OOTH", "REFU"]
    static let factorMix: [(String, Double)] = [
        ("3A", 8), ("4B", 8), ("1B", 4), ("2B", 4), ("16A", 6), ("17A", 5), ("4A", 5), ("10A", 4), ("11A", 3), ("24A", 3), ("13A", 2),
        ("12A", 1), ("14A", 2), ("15A", 2), ("18B", 1), ("19B", 1), ("9A", 1), ("6A", 1), ("5A", 1), ("20", 2),
    ]

    func upn(_ rng: inout SeededRandom) -> String {
        let rest = config.la + (0..<9).map { _ in String(rng.int(0...9)) }.joined()
        return String(UniquePupilNumber.checkLetter(rest)!) + rest
    }

    /// The same UPN under the next check letter: wrong, and nothing else about it.
    func wrongLetter(_ upn: String) -> String {
        let letters = UniquePupilNumber.letters
        let i = letters.firstIndex(of: upn.first!)!
        return String(letters[(i + 1) % letters.count]) + upn.dropFirst()
    }

    func day(_ d: CalendarDate) -> String { d.description }

    /// A child's referrals, assessments, enquiries and plans, clean unless `defect` names the rule to break.
    func cinCensus(_ summary: inout Summary) -> String {
        var rng = SeededRandom(seed: config.seed, stream: 1)
        let cinRules = ["1103", "2889", "1105", "8805", "8810", "8614", "8869", "8898", "8820", "8935", "8940", "1510"]
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Message>
              <Header>
                <CollectionDetails><Collection>CIN</Collection><Year>\(config.year)</Year><ReferenceDate>\(day(yearEnd))</ReferenceDate></CollectionDetails>
                <Source><SourceLevel>L</SourceLevel><LEA>\(config.la)</LEA><SoftwareCode>dots synth</SoftwareCode><Release>1</Release><SerialNo>001</SerialNo><DateTime>\(config.year)-05-01T09:00:00</DateTime></Source>
              </Header>
              <Children>

            """
        let span = yearEnd.dayNumber - yearStart.dayNumber
        for i in 0..<config.children {
            let id = "CIN\(String(format: "%06d", i + 1))"
            // One child in 25 carries a defect, rules taken in turn so every one appears.
            let defect = config.defects && i % 25 == 7 ? cinRules[(i / 25) % cinRules.count] : nil
            if let defect {
                summary.defects.append(.init(returnName: "cin", rule: defect, child: id))
                if defect == "8935" { summary.defects.append(.init(returnName: "cin", rule: "8940", child: id)) }
            }
            let birth = CalendarDate(dayNumber: yearEnd.dayNumber - rng.int(365 * 2...365 * 17))
            xml += "    <Child>\n      <ChildIdentifiers><LAchildID>\(id)</LAchildID>"
            if defect == "1510" {
                xml += "<UPN>\(wrongLetter(upn(&rng)))</UPN>"
            } else {
                xml += rng.chance(0.8) && birth.dayNumber < yearEnd.dayNumber - 365 * 5 ? "<UPN>\(upn(&rng))</UPN>" : "<UPNunknown>UN1</UPNunknown>"
            }
            xml += "<PersonBirthDate>\(day(birth))</PersonBirthDate><GenderCurrent>\(rng.chance(0.5) ? 1 : 2)</GenderCurrent></ChildIdentifiers>\n"
            xml += "      <ChildCharacteristics><Ethnicity>\(rng.pick(Self.ethnicities))</Ethnicity></ChildCharacteristics>\n"
            // The first referral: in the year, or (one in five) before it and still open.
            let before = defect == nil && rng.chance(0.2)
            let referral = CalendarDate(dayNumber: before ? yearStart.dayNumber - rng.int(10...300) : yearStart.dayNumber + rng.int(0...(span - 120)))
            let closes = !before && ![Optional("8820"), "8810", "8805"].contains(defect) && rng.chance(0.6)
            let closure = closes ? CalendarDate(dayNumber: min(yearEnd.dayNumber, referral.dayNumber + rng.int(30...100))) : nil
            xml += details(id: id, referral: referral, closure: closure, defect: defect, rng: &rng, before: before)
            if defect == "8820" {
                // A second referral while the first is still open.
                xml += details(id: id, referral: CalendarDate(dayNumber: referral.dayNumber + 5), closure: nil, defect: nil, rng: &rng, simple: true)
            } else if let closure, closure.dayNumber + 20 < yearEnd.dayNumber, rng.chance(0.2) {
                // Referred again after the first closed.
                xml += details(id: id, referral: CalendarDate(dayNumber: closure.dayNumber + 10), closure: nil, defect: nil, rng: &rng, simple: true)
            }
            xml += "    </Child>\n"
        }
        return xml + "  </Children>\n</Message>\n"
    }

    /// One CINdetails. A referral `before` the year has its assessment completed in the year (the census holds
    /// what happened in the year) and no enquiry.
    func details(
        id: String, referral: CalendarDate, closure: CalendarDate?, defect: String?, rng: inout SeededRandom, simple: Bool = false, before: Bool = false
    ) -> String {
        var x = "      <CINdetails>\n"
        x +=
            "        <CINreferralDate>\(day(referral))</CINreferralDate><ReferralSource>\(rng.pick(["1A", "2A", "3E", "5A", "6", "6", "8"]))</ReferralSource><PrimaryNeedCode>\(rng.pick(["N1", "N1", "N4", "N5", "N6"]))</PrimaryNeedCode>\n"
        if let closure {
            x += "        <CINclosureDate>\(day(closure))</CINclosureDate>"
            if defect != "8805" { x += "<ReasonForClosure>\(rng.pick(["RC7", "RC8", "RC9"]))</ReasonForClosure>" }
            x += "\n"
        } else if defect == "8805" {
            x += "        <CINclosureDate>\(day(CalendarDate(dayNumber: referral.dayNumber + 30)))</CINclosureDate>\n"
        }
        if defect == "8810" { x += "        <ReasonForClosure>RC7</ReasonForClosure>\n" }
        if !simple {
            let start = CalendarDate(dayNumber: referral.dayNumber + (defect == "1103" ? -3 : rng.int(0...5)))
            let done = defect != "8614" && (before || defect == "8869" || defect == "8898" || rng.chance(0.85))
            var factors: [String] = []
            for _ in 0..<rng.int(1...3) {
                let f = rng.weighted(Self.factorMix)
                if !factors.contains(f) { factors.append(f) }
            }
            if defect == "8869" { factors = ["21", factors[0]] }
            if defect == "8898" { factors = [factors[0], factors[0]] }
            let withFactors = done || defect == "8614"
            x += "        <Assessments><AssessmentActualStartDate>\(day(start))</AssessmentActualStartDate>"
            if done {
                let end = max(start.dayNumber + rng.int(5...40), before ? yearStart.dayNumber + rng.int(0...60) : 0)
                x += "<AssessmentAuthorisationDate>\(day(CalendarDate(dayNumber: end)))</AssessmentAuthorisationDate>"
            }
            if withFactors {
                x += "<FactorsIdentifiedAtAssessment>\(factors.map { "<AssessmentFactors>\($0)</AssessmentFactors>" }.joined())</FactorsIdentifiedAtAssessment>"
            }
            x += "</Assessments>\n"
            let wantsS47 = defect == "2889" || defect == "1105" || defect == "8935" || defect == "8940" || (!before && rng.chance(0.25))
            if wantsS47 {
                let s47 = CalendarDate(dayNumber: referral.dayNumber + (defect == "2889" ? -2 : rng.int(0...3)))
                let conference = CalendarDate(dayNumber: s47.dayNumber + 14)
                let plan = defect == "1105" || defect == "8935" || defect == "8940" || rng.chance(0.5)
                x +=
                    "        <Section47><S47ActualStartDate>\(day(s47))</S47ActualStartDate><DateOfInitialCPC>\(day(conference))</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>\n"
                x += "        <ReferralNFA>false</ReferralNFA>\n"
                if plan {
                    let planStart = defect == "1105" ? CalendarDate(dayNumber: referral.dayNumber - 1) : conference
                    let planEnd = closure.map { CalendarDate(dayNumber: max(planStart.dayNumber + 1, $0.dayNumber - 1)) }
                    x += protectionPlan(
                        start: planStart, end: defect == "8935" || defect == "8940" ? CalendarDate(dayNumber: planStart.dayNumber + 20) : planEnd, rng: &rng,
                        open: defect == "8935")
                    if defect == "8935" || defect == "8940" {
                        x += protectionPlan(start: CalendarDate(dayNumber: planStart.dayNumber + 10), end: nil, rng: &rng)
                    }
                }
                return x + "      </CINdetails>\n"
            }
        }
        x += "        <ReferralNFA>\(rng.chance(0.5) ? "0" : "false")</ReferralNFA>\n"
        return x + "      </CINdetails>\n"
    }

    func protectionPlan(start: CalendarDate, end: CalendarDate?, rng: inout SeededRandom, open: Bool = false) -> String {
        let category = rng.pick(["NEG", "NEG", "EMO", "PHY", "SAB", "MUL"])
        var x = "        <ChildProtectionPlans><CPPstartDate>\(day(start))</CPPstartDate>"
        if let end, !open { x += "<CPPendDate>\(day(end))</CPPendDate>" }
        return x
            + "<InitialCategoryOfAbuse>\(category)</InitialCategoryOfAbuse><LatestCategoryOfAbuse>\(category)</LatestCategoryOfAbuse><NumberOfPreviousCPP>\(rng.int(0...2))</NumberOfPreviousCPP></ChildProtectionPlans>\n"
    }

    /// data.police.uk street-level crime CSVs, one a month of the census year: invented crime ids and points in the
    /// demo's invented LSOAs (`InventedLSOAs`, E0109xxxx, named after their districts as ONS names LSOAs); one crime
    /// in 20 with no location, one in 25 in an authority outside the partnership.
    func streetCrime(_ summary: inout Summary) -> [(String, String)] {
        var rng = SeededRandom(seed: config.seed, stream: 3)
        let areas = ReferenceGeography.localAreas
        let invented = Dictionary(grouping: (try? InventedLSOAs.make(perDistrict: config.smallAreasPerDistrict)) ?? [], by: \.district)
        let types = PoliceCrimeType.allCases.map(\.label)
        var files: [(String, String)] = []
        for m in 0..<12 {
            let month = CalendarDate(year: config.year - 1, month: 4, day: 1)!.yearMonth.adding(months: m)
            var text = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n"
            for i in 0..<config.crimesPerMonth {
                let type = rng.pick(types)
                let id = type == "Anti-social behaviour" ? "" : String(format: "%016llx%016llx", rng.next(), rng.next())
                let head = "\(id),\(month),Synthetic Police,Synthetic Police,"
                if i % 20 == 19 {
                    summary.crimes.noLocation += 1
                    text += head + ",,No location,,,\(type),Under investigation,\n"
                    continue
                }
                let outside = i % 25 == 24
                let local = rng.pick(areas)
                var lsoa = (code: "E0109\(String(format: "%04d", 9_000 + rng.int(0...99)))", name: "Nowhereshire \(String(format: "%03d", rng.int(1...150)))A")
                if !outside, let list = invented[local.code], !list.isEmpty {
                    let a = rng.pick(list)
                    lsoa = (a.code, a.name)
                }
                if outside { summary.crimes.outside += 1 } else { summary.crimes.counted += 1 }
                text +=
                    head
                    + "-2.\(rng.int(100_000...999_999)),52.\(rng.int(100_000...999_999)),On or near Invented Street,\(lsoa.code),\(lsoa.name),\(type),Under investigation,\n"
            }
            files.append(("\(month)-synthetic-street.csv", text))
        }
        return files
    }

    /// data.police.uk stop and search CSVs, one a month of the census year: invented searches at points drawn
    /// inside the reference partnership's districts (from the ONS boundaries), at UK times written with their
    /// offset from UTC as data.police.uk writes them; one in 20 with no point, one in 25 in Birmingham.
    func stopSearch(_ summary: inout Summary) throws -> [(String, String)] {
        var rng = SeededRandom(seed: config.seed, stream: 4)
        let districts = try ReferenceBoundaries.districts().boundaries
        let ages: [(String, Double)] = [("10-17", 0.4), ("18-24", 0.3), ("25-34", 0.15), ("over 34", 0.1), ("under 10", 0.01), ("", 0.04)]
        let objects: [(String, Double)] = [
            ("Controlled drugs", 0.6), ("Offensive weapons", 0.15), ("Stolen goods", 0.1), ("Article for use in theft", 0.05),
            ("Evidence of offences under the Act", 0.05), ("Anything to threaten or harm anyone", 0.03), ("Firearms", 0.02),
        ]
        let outcomes: [(String, Double)] = [
            ("A no further action disposal", 0.7), ("Arrest", 0.15), ("Community resolution", 0.1), ("Penalty Notice for Disorder", 0.05),
        ]
        var files: [(String, String)] = []
        for m in 0..<12 {
            let month = yearStart.yearMonth.adding(months: m)
            var text =
                "Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing\n"
            for i in 0..<config.stopsPerMonth {
                let day = CalendarDate(year: month.year, month: month.month, day: rng.int(1...CalendarDate.daysIn(month: month.month, year: month.year)))!
                let (hour, minute) = (rng.int(0...23), rng.int(0...59))
                let instant = UKTime.instant(localDate: day, hour: hour, minute: minute)
                let offset = UKTime.offset(at: instant) / 3600
                let local = UKTime.localDate(of: instant)
                let when = "\(local)T\(Digits.pad(hour, 2)):\(Digits.pad(minute, 2)):00+0\(offset):00"
                let age = rng.weighted(ages)
                let type = age.isEmpty ? "Vehicle search" : "Person search"
                let object = rng.weighted(objects), outcome = rng.weighted(outcomes)
                let found = outcome != "A no further action disposal" && rng.chance(0.6)
                let point: String
                if i % 20 == 19 {
                    summary.stops.noLocation += 1
                    point = ","
                } else if i % 25 == 24 {
                    summary.stops.outside += 1
                    point = "52.48\(rng.int(1000...9999)),-1.89\(rng.int(1000...9999))"
                } else {
                    let d = rng.pick(districts)
                    let box = d.box
                    var p = Boundary.Point(longitude: box.min.longitude, latitude: box.min.latitude)
                    repeat {
                        p = Boundary.Point(
                            longitude: box.min.longitude + rng.unit() * (box.max.longitude - box.min.longitude),
                            latitude: box.min.latitude + rng.unit() * (box.max.latitude - box.min.latitude))
                    } while !d.contains(p)
                    summary.stops.counted += 1
                    point = String(format: "%.6f,%.6f", p.latitude, p.longitude)
                }
                let gender = age.isEmpty ? "" : rng.pick(["Male", "Male", "Male", "Female"])
                text +=
                    "\(type),\(when),False,,\(point),\(gender),\(age),,,Misuse of Drugs Act 1971 (section 23),\(object),\(outcome),\(found ? "True" : "False"),False\n"
            }
            files.append(("\(month)-synthetic-stop-and-search.csv", text))
        }
        return files
    }

    /// The tables as EXPSSDA903 XML, in the shape Data to Insight's validator reads: one `CHILD` element per child
    /// under the root, the Header's columns as its leaves (`CHILDID` for CHILD), an `EPISODE` per episode (`PL` for
    /// PLACE) and an `AMISSING` per missing episode inside a `HEADER`.
    static func xml(_ tables: [(String, String)]) -> String {
        func rows(_ text: String) -> [[String: String]] {
            let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
        }
        let header = rows(tables[0].1), episodes = Dictionary(grouping: rows(tables[1].1)) { $0["CHILD"]! }
        let missing = Dictionary(grouping: rows(tables[2].1)) { $0["CHILD"]! }
        func leaves(_ row: [String: String], _ names: [String], rename: [String: String] = [:]) -> String {
            names.compactMap { n in row[n].flatMap { $0.isEmpty ? nil : "<\(rename[n] ?? n)>\($0)</\(rename[n] ?? n)>" } }.joined()
        }
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SSDA903>\n"
        for h in header {
            let child = h["CHILD"]!
            x += "  <CHILD>" + leaves(h, ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"], rename: ["CHILD": "CHILDID"]) + "\n"
            for e in episodes[child] ?? [] {
                x += "    <EPISODE>"
                x += leaves(
                    e, ["DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"],
                    rename: ["PLACE": "PL"])
                x += "</EPISODE>\n"
            }
            if let m = missing[child] {
                x += "    <HEADER>" + m.map { "<AMISSING>" + leaves($0, ["MISSING", "MIS_START", "MIS_END"]) + "</AMISSING>" }.joined() + "</HEADER>\n"
            }
            x += "  </CHILD>\n"
        }
        return x + "</SSDA903>\n"
    }

    /// Header, Episodes and Missing tables: children looked after, each with a run of episodes (one after another,
    /// each ending the day the next begins), and some missing episodes while in care.
    func ssda903(_ summary: inout Summary) -> [(String, String)] {
        var rng = SeededRandom(seed: config.seed, stream: 2)
        let rules = ["142", "501", "581", "586", "168"]
        let first = CalendarDate(year: config.year - config.years, month: 4, day: 1)!
        var header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
        var episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
        var missing = "CHILD,DOB,MISSING,MIS_START,MIS_END\n"
        func dmy(_ d: CalendarDate) -> String { "\(Digits.pad(d.day, 2))/\(Digits.pad(d.month, 2))/\(d.year)" }
        let places = ["U4", "U6", "U6", "U1", "U3", "K2", "H5", "P1", "R1"]
        let outward = ["ST4", "ST1", "ST5", "ST16", "WS11", "DE14", "B79", "ST10"]
        for i in 0..<config.lookedAfter {
            let child = "LAC\(String(format: "%06d", i + 1))"
            let defect = config.defects && i % 25 == 11 ? rules[(i / 25) % rules.count] : nil
            if let defect { summary.defects.append(.init(returnName: "903", rule: defect, child: child)) }
            let birth = CalendarDate(dayNumber: yearEnd.dayNumber - rng.int(365 * 3...365 * 17))
            let pupil = defect == "168" ? wrongLetter(upn(&rng)) : rng.chance(0.85) ? upn(&rng) : "UN1"
            header += "\(child),\(rng.chance(0.55) ? 1 : 2),\(dmy(birth)),\(rng.pick(Self.ethnicities)),\(pupil),,\n"
            // Episodes from a start in the years covered (never before birth), each 20 to 400 days.
            var start = CalendarDate(dayNumber: max(birth.dayNumber + 30, first.dayNumber + rng.int(0...(yearEnd.dayNumber - first.dayNumber - 30))))
            let careStart = start
            var rne = "S"
            var spells: [(CalendarDate, CalendarDate?)] = []
            for n in 0..<rng.int(1...4) {
                let length = rng.int(20...400)
                var end: CalendarDate? = CalendarDate(dayNumber: start.dayNumber + length)
                if end!.dayNumber > yearEnd.dayNumber { end = nil }
                let last = end == nil || n == 3
                let ended = end == nil ? "" : last ? "E4A" : "X1"
                var endText = end.map(dmy) ?? ""
                if defect == "142", n == 0, !last { endText = "" }
                episodes +=
                    "\(child),\(dmy(start)),\(rne),\(rng.pick(["C2", "C2", "V2", "C1"])),N\(rng.int(1...8)),\(rng.pick(places)),PR\(rng.int(1...5)),\(endText),\(endText.isEmpty ? "" : ended),,\(rng.pick(outward)) 1,\(rng.pick(outward)) 2,\n"
                spells.append((start, end))
                guard let end, !last else { break }
                // 501: the next begins before this one ended.
                start = CalendarDate(dayNumber: defect == "501" && n == 0 ? end.dayNumber - 5 : end.dayNumber)
                rne = "P"
            }
            if defect == "142", spells.count < 2 {
                // Needs two episodes: the first left open.
                summary.defects.removeLast()
            }
            if defect == "501", spells.count < 2 { summary.defects.removeLast() }
            let lastDay = min(yearEnd.dayNumber, spells.last!.1?.dayNumber ?? yearEnd.dayNumber)
            var missingDays: [CalendarDate] = []
            if rng.chance(0.3), lastDay - careStart.dayNumber > 10 {
                for _ in 0..<rng.int(1...3) {
                    missingDays.append(CalendarDate(dayNumber: careStart.dayNumber + rng.int(1...(lastDay - careStart.dayNumber - 2))))
                }
            }
            if defect == "581" { missingDays.append(CalendarDate(dayNumber: careStart.dayNumber - 3)) }
            if defect == "586" { missingDays.append(CalendarDate(dayNumber: birth.dayNumber - 3)) }
            for (k, d) in Set(missingDays).sorted().enumerated() {
                let back = CalendarDate(dayNumber: d.dayNumber + rng.int(0...1))
                missing += "\(child),\(dmy(birth)),\(k % 3 == 2 ? "A" : "M"),\(dmy(d)),\(dmy(back))\n"
            }
            // 586 (before birth) is also before care began: the validators report both.
            if defect == "586" { summary.defects.append(.init(returnName: "903", rule: "581", child: child)) }
        }
        return [("ssda903-header.csv", header), ("ssda903-episodes.csv", episodes), ("ssda903-missing.csv", missing)]
    }
}

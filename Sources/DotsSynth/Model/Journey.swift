import DotsCore

/// One event as an agency recorded it, before it is given the agency's record ids.
struct AgencyEvent {
    let agency: String
    let dataset: Dataset
    var values: [String: String]
}

/// Draws a young person's journey through the agencies: missing, return interviews, screenings, MACE, NRM,
/// and the police, health, education and youth justice events around them, all dated inside the window.
struct JourneyFactory {
    let config: SynthConfig

    var windowDays: Int { config.end.dayNumber - config.start.dayNumber }

    func events(for p: TruePerson, rng: inout SeededRandom) -> [AgencyEvent] {
        var out: [AgencyEvent] = []
        let la = p.area == "E06000021" ? "stoke" : "staffs"
        let r = p.risk.rank
        let concern = config.start.adding(days: rng.int(0...max(1, windowDays - 120)))

        // Missing episodes: the police record each; the return home interview service records each again with the interview.
        let episodes = rng.poisson([0.15, 0.6, 2.5, 5.0][r])
        var firstMissing: CalendarDate?
        // Episodes of one child never overlap: each starts after the last one ended.
        let starts = (0..<episodes).compactMap { _ in seasonalDate(around: concern, spread: -30...540, rng: &rng) }.sorted()
        var notBefore = Instant(seconds: 0)
        for start in starts {
            let hour = rng.chance(0.7) ? rng.int(17...23) : rng.int(0...16)
            var startInstant = UKTime.instant(localDate: start, hour: hour, minute: rng.int(0...59))
            if startInstant <= notBefore { startInstant = Instant(seconds: notBefore.seconds + Int64(rng.int(6...72) * 3600)) }
            if UKTime.localDate(of: startInstant) > config.end { break }
            let hours = rng.weighted([(rng.int(1...23), 0.7), (rng.int(24...72), 0.25), (rng.int(73...240), 0.05)])
            let open = rng.chance(0.01)
            let end = Instant(seconds: startInstant.seconds + Int64(hours * 3600 + rng.int(0...59) * 60))
            let ended = !open && UKTime.localDate(of: end) <= config.end
            notBefore = ended ? end : Instant(seconds: Int64.max / 2)
            firstMissing = min(firstMissing ?? start, start)
            let fromCare = p.lookedAfter
            let found = rng.weighted([
                (p.area, 0.6), (rng.pick(PersonFactory.areas).code, 0.3),
                (rng.pick(["E08000025", "E08000026", "E08000031", "E06000018", "E08000003", "E09000028"]), 0.1),
            ])
            var v: [String: String] = [
                "start_datetime": local(startInstant), "end_datetime": ended ? local(end) : "",
                "missing_type": fromCare && rng.chance(0.25) ? "A" : "M", "missing_from": fromCare ? "care" : "home",
                "placed_by_other_la": fromCare ? (rng.chance(0.2) ? "Y" : "N") : "", "found_area": ended ? found : "",
            ]
            out.append(AgencyEvent(agency: "staffs-police", dataset: .missingEpisodes, values: v))
            if ended, rng.chance(0.92) {
                let offered = Instant(seconds: end.seconds + Int64(rng.int(2...48) * 3600))
                v["rhi_offered_datetime"] = local(offered)
                if rng.chance(0.7) {
                    v["rhi_accepted_datetime"] = local(Instant(seconds: offered.seconds + Int64(rng.int(0...24) * 3600)))
                    if rng.chance(0.85) {
                        let done = Instant(seconds: max(offered.seconds + 3600, end.seconds + Int64(rng.int(12...120) * 3600)))
                        if UKTime.localDate(of: done) <= config.end { v["rhi_completed_datetime"] = local(done) }
                    }
                }
                if UKTime.localDate(of: offered) <= config.end { out.append(AgencyEvent(agency: "rhi-provider", dataset: .missingEpisodes, values: v)) }
            }
        }

        // Screenings by the local authority's children's social care.
        var screenings = 0
        if r > 0 { screenings = 1 + rng.poisson([0, 0.3, 0.8, 1.2][r]) } else if rng.chance(0.08) { screenings = 1 }
        var screenDate = max(concern, firstMissing ?? concern).adding(days: rng.int(1...30))
        var firstMediumHigh: (CalendarDate, RiskLevel)?
        for _ in 0..<screenings where screenDate <= config.end {
            var recorded = p.risk
            if rng.chance(0.2) { recorded = RiskLevel.allCases[max(0, min(3, r + (rng.chance(0.5) ? 1 : -1)))] }
            let outcome: ScreeningOutcome =
                switch recorded {
                case .none: .noFurtherAction
                case .low: rng.chance(0.6) ? .earlyHelp : .noFurtherAction
                case .medium: rng.chance(0.7) ? .maceReferral : .cinAssessment
                case .high: rng.chance(0.8) ? .maceReferral : .strategyDiscussion
                }
            var factors: [String] = []
            if recorded != .none {
                if p.types.contains(.cse) { factors.append("11A") }
                if p.types.contains(.cce) { factors.append("24A") }
                if p.types.contains(.trafficking) { factors.append("12A") }
                if p.types.contains(.countyLines) { factors.append("13A") }
                if episodes > 0 { factors.append("10A") }
            }
            let referrer: Agency.Kind = rng.weighted([
                (.police, 45), (.education, 20), (.health, 10), (.returnInterviews, 8), (.family, 7), (.voluntary, 5), (.other, 5),
            ])
            out.append(
                AgencyEvent(
                    agency: "\(la)-csc", dataset: .ceScreenings,
                    values: [
                        "screening_date": screenDate.description,
                        "exploitation_types": recorded == .none ? "" : p.types.map(\.rawValue).joined(separator: ";"),
                        "risk_level": recorded.rawValue, "outcome": outcome.rawValue, "referring_agency": referrer.rawValue,
                        "assessment_factors": factors.joined(separator: ";"),
                    ]))
            if recorded.rank >= 2, firstMediumHigh == nil { firstMediumHigh = (screenDate, recorded) }
            screenDate = screenDate.adding(days: rng.int(60...240))
        }

        // MACE discussions, then NRM referrals, for medium and high risk.
        var firstMACE: CalendarDate?
        if let (date, level) = firstMediumHigh {
            var meeting = date.adding(days: rng.int(14...56))
            var before = level
            for _ in 0..<(1 + rng.poisson(1.0)) where meeting <= config.end {
                let move = rng.weighted([(-1, 0.45), (0, 0.40), (1, 0.15)])
                let after = RiskLevel.allCases[max(0, min(3, before.rank + move))]
                var disruption: [String] = []
                if p.types.contains(.cse), rng.chance(0.15) { disruption.append("cawn") }
                if rng.chance(0.03) { disruption.append("closure_order") }
                if p.types.contains(.cse), rng.chance(0.02) { disruption.append("sro") }
                if p.types.contains(.trafficking) || p.types.contains(.countyLines), rng.chance(0.04) { disruption.append("stro") }
                if rng.chance(0.02) { disruption.append("hotel_notice") }
                out.append(
                    AgencyEvent(
                        agency: "\(la)-csc", dataset: .maceDiscussions,
                        values: [
                            "meeting_date": meeting.description, "risk_before": before.rawValue, "risk_after": after.rawValue,
                            "safety_plan": rng.chance(0.85) ? "Y" : "N", "disruption_activities": disruption.joined(separator: ";"),
                        ]))
                firstMACE = firstMACE ?? meeting
                before = after
                meeting = meeting.adding(days: rng.int(42...84))
            }
        }
        if let mace = firstMACE, rng.chance(r == 3 ? 0.35 : 0.10) {
            let referral = mace.adding(days: rng.int(7...60))
            if referral <= config.end {
                let type: NRMExploitationType =
                    p.types.contains(.cce) || p.types.contains(.countyLines)
                    ? .criminal
                    : (p.types.contains(.cse) ? .sexual : rng.weighted([(.labour, 0.5), (.unknown, 0.5)]))
                let rg: NRMDecision = rng.weighted([(.positive, 0.88), (.negative, 0.07), (.pending, 0.05)])
                let rgDate = referral.adding(days: rng.int(2...20))
                var v: [String: String] = [
                    "referral_date": referral.description, "exploitation_type": type.rawValue,
                    "county_lines": p.types.contains(.countyLines) ? "Y" : "N", "rg_decision": rg.rawValue,
                    "rg_date": rg == .pending || rgDate > config.end ? "" : rgDate.description, "cg_decision": "", "cg_date": "",
                ]
                if rg == .pending || rgDate > config.end { v["rg_decision"] = "pending" }
                if v["rg_decision"] == "positive" {
                    let cgDate = rgDate.adding(days: rng.int(60...450))
                    let cg: NRMDecision = cgDate > config.end ? .pending : rng.weighted([(.positive, 0.6), (.negative, 0.1), (.pending, 0.3)])
                    v["cg_decision"] = cg.rawValue
                    if cg == .positive || cg == .negative { v["cg_date"] = cgDate.description }
                }
                out.append(AgencyEvent(agency: rng.chance(0.7) ? "\(la)-csc" : "staffs-police", dataset: .nrmReferrals, values: v))
            }
        }

        out += policeIncidents(p, concern: concern, rng: &rng)
        out += healthContacts(p, concern: concern, rng: &rng)
        out += educationEvents(p, la: la, concern: concern, rng: &rng)
        out += youthJustice(p, la: la, concern: concern, rng: &rng)
        // Drawn from a stream of its own (a copy of this one's state, reseeded), so adding voice changed no other draw.
        var copy = rng
        var voiceRNG = SeededRandom(seed: copy.next(), stream: 0x766F_6963_65)
        if out.contains(where: { $0.agency == "\(la)-csc" }) { out += surveyAnswers(p, la: la, concern: concern, rng: &voiceRNG) }
        return out
    }

    /// A Bright Spots-style survey social care runs each year for children it works with (aged 8 and over):
    /// structured answers only, worse for children at higher risk. About half answer in any year.
    func surveyAnswers(_ p: TruePerson, la: String, concern: CalendarDate, rng: inout SeededRandom) -> [AgencyEvent] {
        var out: [AgencyEvent] = []
        var date = concern.adding(days: rng.int(20...200))
        let r = p.risk.rank
        while date <= config.end {
            let age = (date.dayNumber - p.birth.dayNumber) / 365
            if (8...17).contains(age), rng.chance(0.5) {
                let safe: FeelSafe = rng.weighted([
                    (.yes, [0.6, 0.5, 0.35, 0.2][r]), (.mostly, 0.3), (.notReally, [0.08, 0.15, 0.3, 0.4][r]), (.unsafeNow, 0.02),
                ])
                out.append(
                    AgencyEvent(
                        agency: "\(la)-csc", dataset: .voiceFeedback,
                        values: [
                            "feedback_date": date.description, "source": VoiceSource.survey.rawValue, "respondent": VoiceRespondent.youngPerson.rawValue,
                            "feel_safe": rng.chance(0.9) ? safe.rawValue : "",
                            "trusted_adult": rng.chance(0.92) ? (rng.chance([0.85, 0.8, 0.7, 0.6][r]) ? "Y" : "N") : "",
                            "listened_to": rng.chance(0.9) ? rng.weighted([(ListenedTo.yes.rawValue, 0.55), ("sometimes", 0.3), ("no", 0.15)]) : "",
                        ]))
            }
            date = date.adding(days: 365)
        }
        return out
    }

    func policeIncidents(_ p: TruePerson, concern: CalendarDate, rng: inout SeededRandom) -> [AgencyEvent] {
        let r = p.risk.rank
        return (0..<rng.poisson([0.3, 0.8, 2.5, 4.5][r])).compactMap { _ in
            guard let day = seasonalDate(around: concern, spread: -90...600, rng: &rng) else { return nil }
            let cce = p.types.contains(.cce), cse = p.types.contains(.cse)
            let role: IncidentRole = rng.weighted([(.victim, 0.4), (.suspect, cce ? 0.4 : 0.2), (.witness, 0.1), (.associate, 0.15), (.missing, 0.05)])
            let type: IncidentType =
                switch role {
                case .suspect:
                    rng.weighted([
                        (.drugs, cce ? 3 : 1), (.weapons, cce ? 2 : 0.5), (.violence, 2), (.robbery, 1), (.theft, 1.5), (.criminalDamage, 1), (.publicOrder, 1),
                    ])
                case .victim:
                    rng.weighted([
                        (.sexualOffence, cse ? 3 : 0.5), (.violence, 3), (.robbery, 1), (.modernSlavery, p.types.contains(.trafficking) ? 1 : 0.05),
                        (.theft, 1),
                    ])
                case .missing: .missingReport
                default: rng.weighted([(.intelligence, 2), (.antisocialBehaviour, 2), (.drugs, 1), (.other, 1)])
                }
            let flagged = r >= 2 && rng.chance(0.6)
            return AgencyEvent(
                agency: "staffs-police", dataset: .policeIncidents,
                values: [
                    "incident_datetime": local(UKTime.instant(localDate: day, hour: rng.int(0...23), minute: rng.int(0...59))),
                    "incident_type": type.rawValue, "role": role.rawValue,
                    "location_area": rng.chance(0.75) ? p.area : rng.pick(PersonFactory.areas).code,
                    "ce_flag": flagged ? "Y" : "N", "cse_flag": flagged && cse ? "Y" : "N", "cce_flag": flagged && cce ? "Y" : "N",
                    "county_lines_flag": flagged && p.types.contains(.countyLines) ? "Y" : "N",
                ])
        }
    }

    func healthContacts(_ p: TruePerson, concern: CalendarDate, rng: inout SeededRandom) -> [AgencyEvent] {
        let r = p.risk.rank
        var out: [AgencyEvent] = []
        for _ in 0..<rng.poisson([0.05, 0.15, 0.5, 0.9][r]) {
            guard let day = seasonalDate(around: concern, spread: -60...600, rng: &rng) else { continue }
            var reasons: [String] = []
            if rng.chance(0.45) { reasons.append("assault") }
            if rng.chance(0.25) { reasons.append("self_harm") }
            if rng.chance(0.3) { reasons.append("substance") }
            if reasons.isEmpty { reasons.append("other") }
            out.append(
                AgencyEvent(
                    agency: "uhnm-ed", dataset: .healthContacts,
                    values: [
                        "contact_datetime": local(UKTime.instant(localDate: day, hour: rng.int(0...23), minute: rng.int(0...59))),
                        "setting": "emergency_department", "reasons": reasons.joined(separator: ";"), "ce_screening_completed": "",
                        "area": rng.chance(0.8) ? p.area : rng.pick(PersonFactory.areas).code,
                    ]))
        }
        let sexualHealthRate = p.types.contains(.cse) ? 0.8 : (p.sex == .female ? 0.05 : 0.01)
        for _ in 0..<rng.poisson(sexualHealthRate) {
            guard let day = seasonalDate(around: concern, spread: 0...600, rng: &rng) else { continue }
            out.append(
                AgencyEvent(
                    agency: "mpft-sh", dataset: .healthContacts,
                    values: [
                        "contact_datetime": local(UKTime.instant(localDate: day, hour: rng.int(9...19), minute: rng.int(0...59))),
                        "setting": "sexual_health", "reasons": "sexual_health", "ce_screening_completed": rng.chance(0.7) ? "Y" : "N", "area": p.area,
                    ]))
        }
        return out
    }

    func educationEvents(_ p: TruePerson, la: String, concern: CalendarDate, rng: inout SeededRandom) -> [AgencyEvent] {
        let r = p.risk.rank
        let urn = String(rng.int(120_000...145_000))
        var out: [AgencyEvent] = []
        func add(_ type: EducationEventType, _ start: CalendarDate, _ end: CalendarDate?, possible: Int? = nil, missed: Int? = nil) {
            guard start <= config.end else { return }
            out.append(
                AgencyEvent(
                    agency: "\(la)-education", dataset: .educationEvents,
                    values: [
                        "event_type": type.rawValue, "start_date": start.description, "end_date": end.map { min($0, config.end).description } ?? "",
                        "school_urn": urn, "sessions_possible": possible.map(String.init) ?? "", "sessions_missed": missed.map(String.init) ?? "",
                    ]))
        }
        for _ in 0..<rng.poisson([0.05, 0.3, 0.8, 1.2][r]) {
            if let d = schoolDay(around: concern, rng: &rng) { add(.suspension, d, d.adding(days: rng.int(0...4))) }
        }
        if rng.chance([0.002, 0.01, 0.05, 0.12][r]), let d = schoolDay(around: concern, rng: &rng) { add(.permanentExclusion, d, nil) }
        if rng.chance([0.01, 0.05, 0.15, 0.2][r]), let d = schoolDay(around: concern, rng: &rng) {
            add(.partTimeTimetable, d, d.adding(days: rng.int(20...120)))
        }
        if rng.chance([0.01, 0.04, 0.12, 0.25][r]), let d = schoolDay(around: concern, rng: &rng) {
            add(.alternativeProvision, d, rng.chance(0.5) ? d.adding(days: rng.int(60...300)) : nil)
        }
        if rng.chance(0.02), let d = schoolDay(around: concern, rng: &rng) { add(.electiveHomeEducation, d, nil) }
        if rng.chance([0.005, 0.01, 0.04, 0.08][r]), let d = schoolDay(around: concern, rng: &rng) {
            add(.childMissingEducation, d, d.adding(days: rng.int(5...90)))
        }
        if rng.chance([0.08, 0.2, 0.4, 0.6][r]) {
            let year = Period.financialYear(containing: concern)
            let possible = rng.int(300...340)
            add(
                .persistentAbsence, year.start.adding(days: 152), year.end.adding(days: -31), possible: possible,
                missed: Int(Double(possible) * (0.1 + rng.unit() * 0.4)))
        }
        return out
    }

    func youthJustice(_ p: TruePerson, la: String, concern: CalendarDate, rng: inout SeededRandom) -> [AgencyEvent] {
        let boost = p.types.contains(.cce) || p.types.contains(.seriousViolence) ? 1.5 : 1.0
        return (0..<rng.poisson([0.01, 0.05, 0.3, 0.6][p.risk.rank] * boost)).compactMap { _ in
            guard let day = seasonalDate(around: concern, spread: 30...700, rng: &rng) else { return nil }
            let outcome: YouthJusticeOutcome = rng.weighted([
                (.communityResolution, 3), (.youthCaution, 1.5), (.youthConditionalCaution, 1.5), (.referralOrder, 2), (.youthRehabilitationOrder, 1.5),
                (.detentionTrainingOrder, 0.3), (.other, 0.2),
            ])
            let offence: OffenceType = rng.weighted([
                (.drugs, 3), (.weapons, 2), (.violence, 3), (.robbery, 1), (.theft, 2), (.criminalDamage, 1), (.publicOrder, 1), (.breach, 0.3),
            ])
            let end = day.adding(days: outcome.isOutOfCourt ? rng.int(30...120) : rng.int(90...365))
            return AgencyEvent(
                agency: "\(la)-yjs", dataset: .youthJustice,
                values: [
                    "outcome_date": day.description, "outcome_type": outcome.rawValue, "offence_type": offence.rawValue,
                    "end_date": end <= config.end ? end.description : "",
                ])
        }
    }

    /// A date near `around`, inside the window, more likely in summer than in winter; nil if it falls outside.
    func seasonalDate(around: CalendarDate, spread: ClosedRange<Int>, rng: inout SeededRandom) -> CalendarDate? {
        for _ in 0..<4 {
            let d = around.adding(days: rng.int(spread))
            guard d >= config.start, d <= config.end else { continue }
            let weight = [0.75, 0.8, 0.9, 1.0, 1.05, 1.2, 1.3, 1.3, 1.05, 1.0, 0.9, 0.7][d.month - 1] / 1.3
            if rng.chance(weight) { return d }
        }
        return nil
    }

    /// A weekday in term time (not August) near `around`.
    func schoolDay(around: CalendarDate, rng: inout SeededRandom) -> CalendarDate? {
        for _ in 0..<6 {
            let d = around.adding(days: rng.int(-60...500))
            if d >= config.start, d <= config.end, d.weekday < 5, d.month != 8 { return d }
        }
        return nil
    }

    /// A UK wall-clock time as agencies write it.
    func local(_ i: Instant) -> String {
        let offset = Int64(UKTime.offset(at: i))
        let shifted = Instant(seconds: i.seconds + offset).description
        return String(shifted.prefix(10)) + " " + String(shifted.dropFirst(11).prefix(5))
    }
}

import DotsCore
import DotsIntake
import Foundation

/// Reads the children in need census XML (the DfE schemas of 2016-17 to date) into people, CIN episodes,
/// assessments with their factors, section 47 enquiries and child protection plans, checking the DfE rules that
/// bear on them (docs/returns.md lists which). Disabilities, CIN plan dates and review dates are not carried.
public struct CINCensusReader {
    public init() {}

    /// - Parameters:
    ///   - la: the local authority's three-digit DfE code, when the return's header does not hold it.
    public func read(_ data: Data, file: String, la: String?) throws -> ReturnExtract {
        let root: XMLNode
        do { root = try XMLNode.parse(data) } catch let e as XMLTreeError {
            throw ReturnReadError(file: file, problem: e.description)
        }
        var out = ReturnExtract()
        out.collection = "cin"
        let header = root.first("Header")
        let year =
            header?.value("CollectionDetails/Year").flatMap(Int.init)
            ?? header?.value("CollectionDetails/ReferenceDate").flatMap { CalendarDate(iso: $0) }.map(\.year)
        guard let code = header?.value("Source/LEA") ?? la else {
            throw ReturnReadError(
                file: file, problem: "its header names no local authority (Source/LEA): give the three-digit DfE code with --la-code")
        }
        if let la, let lea = header?.value("Source/LEA"), la != lea {
            throw ReturnReadError(file: file, problem: "its header names local authority \(lea), not \(la) as --la-code says")
        }
        if let year { out.period = .financialYear(year - 1) }
        var ids = ReturnIDs(la: code)
        var seen: Set<String> = []
        let children = root.first("Children")?.all("Child") ?? []
        for child in children {
            guard let local = child.value("ChildIdentifiers/LAchildID") else {
                out.rule("8500", "LA Child ID missing", file: file, line: child.line, severity: .error)
                continue
            }
            if !seen.insert(local).inserted {
                out.rule("8510", "More than one child record with the same LA Child ID", file: file, child: local, line: child.line, severity: .error)
                continue
            }
            let person = ids.person(local)
            out.checkUPN(
                child.value("ChildIdentifiers/UPN"), rule: "1510", message: "UPN invalid (wrong check letter at character 1)", file: file, child: local,
                line: child.line)
            out.add(
                .people,
                [
                    "person_id": person, "upn": child.value("ChildIdentifiers/UPN") ?? "",
                    "date_of_birth": child.value("ChildIdentifiers/PersonBirthDate") ?? "",
                    "sex": sexCode(child.value("ChildIdentifiers/GenderCurrent") ?? child.value("ChildIdentifiers/Sex")),
                    "ethnicity": child.value("ChildCharacteristics/Ethnicity") ?? "",
                ])
            var episodes: [(start: String, end: String?, line: Int)] = []
            var plans: [(start: String, end: String?, line: Int)] = []
            var uasc = false
            for details in child.all("CINdetails") {
                let referral = details.value("CINreferralDate") ?? ""
                let episode = ids.event(person, "R", referral)
                let closure = details.value("CINclosureDate"), reason = details.value("ReasonForClosure")
                out.add(
                    .cinEpisodes,
                    [
                        "episode_id": episode, "person_id": person, "referral_date": referral, "referral_source": details.value("ReferralSource") ?? "",
                        "primary_need": details.value("PrimaryNeedCode") ?? "", "referral_nfa": yesNo(details.value("ReferralNFA")),
                        "closure_date": closure ?? "", "closure_reason": reason ?? "",
                    ])
                episodes.append((referral, closure, details.line))
                if closure != nil, reason == nil {
                    out.rule("8805", "A CIN case cannot have a CIN closure date without a Reason for Closure", file: file, child: local, line: details.line)
                }
                if closure == nil, reason != nil {
                    out.rule("8810", "A CIN case cannot have a Reason for Closure without a CIN Closure Date", file: file, child: local, line: details.line)
                }
                for a in details.all("Assessments") {
                    let start = a.value("AssessmentActualStartDate") ?? ""
                    let authorised = a.value("AssessmentAuthorisationDate")
                    let factors =
                        a.first("FactorsIdentifiedAtAssessment")?.all("AssessmentFactors").compactMap { node -> String? in
                            let t = node.text.trimmingCharacters(in: .whitespacesAndNewlines)
                            return t.isEmpty ? nil : t
                        } ?? []
                    out.add(
                        .cinAssessments,
                        [
                            "assessment_id": ids.event(person, "A", start), "person_id": person, "episode_id": episode, "start_date": start,
                            "authorised_date": authorised ?? "", "factors": factors.joined(separator: ";"),
                        ])
                    if factors.contains("9A") { uasc = true }
                    if !referral.isEmpty, start < referral {
                        out.rule("1103", "The assessment start date cannot be before the referral date", file: file, value: start, child: local, line: a.line)
                    }
                    if authorised == nil, !factors.isEmpty {
                        out.rule(
                            "8614", "Parental or child factors at assessment should only be present for a completed assessment", file: file, child: local,
                            line: a.line)
                    }
                    if factors.contains("21"), factors.count > 1 {
                        out.rule(
                            "8869", "The assessment factors code “21” cannot be used in conjunction with any other assessment factors", file: file,
                            child: local, line: a.line)
                    }
                    if Set(factors).count < factors.count {
                        out.rule(
                            "8898", "The assessment has more than one parental or child factors with the same code", file: file, child: local, line: a.line)
                    }
                    if let year {
                        for f in factors {
                            if let factor = AssessmentFactor(rawValue: f), !factor.years.contains(year) {
                                out.issues.append(
                                    IntakeIssue(
                                        .codeError, file: file, column: "AssessmentFactors", value: f,
                                        rule:
                                            "is not a factor of the \(year - 1)-\(Digits.pad(year % 100, 2)) census: \(f) (\(factor.label)) was collected in \(Self.describe(factor.years)) (child \(local), line \(a.line))"
                                    ))
                            }
                        }
                    }
                }
                for s in details.all("Section47") {
                    let start = s.value("S47ActualStartDate") ?? ""
                    out.add(
                        .section47Enquiries,
                        [
                            "enquiry_id": ids.event(person, "S", start), "person_id": person, "start_date": start,
                            "conference_date": s.value("DateOfInitialCPC") ?? "", "conference_not_required": yesNo(s.value("ICPCnotRequired")),
                        ])
                    if !referral.isEmpty, start < referral {
                        out.rule("2889", "The S47 start date cannot be before the referral date", file: file, value: start, child: local, line: s.line)
                    }
                }
                for p in details.all("ChildProtectionPlans") {
                    let start = p.value("CPPstartDate") ?? "", end = p.value("CPPendDate")
                    out.add(
                        .protectionPlans,
                        [
                            "plan_id": ids.event(person, "P", start), "person_id": person, "start_date": start, "end_date": end ?? "",
                            "initial_category": p.value("InitialCategoryOfAbuse") ?? "", "latest_category": p.value("LatestCategoryOfAbuse") ?? "",
                            "previous_plans": p.value("NumberOfPreviousCPP") ?? "",
                        ])
                    plans.append((start, end, p.line))
                    if !referral.isEmpty, start < referral {
                        out.rule(
                            "1105", "The child protection plan start date cannot be before the referral date", file: file, value: start, child: local,
                            line: p.line)
                    }
                }
            }
            // Factor 9A names an unaccompanied asylum-seeking child; its absence says nothing.
            if uasc { out.rows[.people]![out.rows[.people]!.count - 1]["uasc"] = "Y" }
            if let line = Self.firstOverlap(episodes) {
                out.rule("8820", "The dates on the CIN episodes for this child overlap", file: file, child: local, line: line)
            }
            if plans.filter({ $0.end == nil }).count > 1 {
                out.rule(
                    "8935", "This child is showing more than one open Child Protection plan, i.e. with no End Date", file: file, child: local, line: child.line)
            }
            if let line = Self.firstOverlap(plans) {
                out.rule("8940", "Child Protection Plan data contains overlapping dates", file: file, child: local, line: line)
            }
        }
        let yearText = year.map { " \($0 - 1)-\(Digits.pad($0 % 100, 2))" } ?? ""
        out.summary.append(
            "\(file): the CIN census\(yearText) of local authority \(code), \(seen.count) \(seen.count == 1 ? "child" : "children") (\(out.rows[.cinEpisodes]?.count ?? 0) episodes, \(out.rows[.cinAssessments]?.count ?? 0) assessments, \(out.rows[.section47Enquiries]?.count ?? 0) section 47 enquiries, \(out.rows[.protectionPlans]?.count ?? 0) protection plans)"
        )
        return out
    }

    /// The line of the first spell that starts before the one before it ended (ISO dates compare as text).
    static func firstOverlap(_ spells: [(start: String, end: String?, line: Int)]) -> Int? {
        let sorted = spells.filter { !$0.start.isEmpty }.sorted { $0.start < $1.start }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.end.map({ b.start < $0 }) ?? true { return b.line }
        return nil
    }

    static func describe(_ years: ClosedRange<Int>) -> String {
        if years.upperBound >= 9999 { return "censuses from \(years.lowerBound - 1)-\(Digits.pad(years.lowerBound % 100, 2))" }
        return "censuses up to \(years.upperBound - 1)-\(Digits.pad(years.upperBound % 100, 2))"
    }
}

/// A return that cannot be read at all.
public struct ReturnReadError: Error, CustomStringConvertible {
    public let file: String
    public let problem: String
    public var description: String { "\(file): \(problem)." }
}

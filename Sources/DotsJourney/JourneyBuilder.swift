import DotsCore

/// Turns a young person's records, from every agency, into one timeline. Pure: the use case reads the rows and
/// decides who may see them; this only orders, describes and marks them.
public enum JourneyBuilder {
    /// The datasets whose records are a multi-agency response to concern (a return home interview, taken from a
    /// missing episode, is one too).
    public static let responses: Set<Dataset> = [
        .ceScreenings, .maceDiscussions, .nrmReferrals, .cinEpisodes, .section47Enquiries, .protectionPlans, .earlyHelpAssessments,
    ]

    /// Datasets that are not events in a journey: the person record itself, and areas.
    static func isJourneyDataset(_ d: Dataset) -> Bool { d != .people && d.isAboutPeople }

    /// Entries oldest first (same day: timed before untimed, then by dataset), each critical moment with the
    /// next response. `areaName` names an ONS code where it can.
    /// `describe: false` leaves out each entry's title and details: what a cohort count needs is the dates, stages and
    /// moments, and describing every record of every young person costs more than the rest.
    public static func build(
        _ rows: [RecordRow], homeAreas: Set<String>, areaName: (String) -> String? = { _ in nil }, describe: Bool = true
    ) -> [JourneyEntry] {
        var entries: [JourneyEntry] = []
        for row in rows where isJourneyDataset(row.dataset) {
            guard let entry = entry(row, homeAreas: homeAreas, areaName: areaName, describe: describe) else { continue }
            entries.append(entry)
            if row.dataset == .missingEpisodes, let done = row["rhi_completed_datetime"], let at = Instant(iso: done) {
                entries.append(
                    JourneyEntry(
                        dataset: row.dataset, agencyID: row.agencyID, submissionID: row.submissionID, title: "Return home interview",
                        date: UKTime.localDate(of: at), time: at, certainty: .time, ended: nil, ongoing: false, details: [], moments: [],
                        isResponse: true, nextResponse: nil, stage: .returnInterview))
            }
        }
        entries.sort { a, b in
            if a.date != b.date { return a.date < b.date }
            if (a.time ?? Instant(seconds: .max)) != (b.time ?? Instant(seconds: .max)) {
                return (a.time ?? Instant(seconds: .max)) < (b.time ?? Instant(seconds: .max))
            }
            return a.dataset < b.dataset
        }
        for i in entries.indices where !entries[i].moments.isEmpty {
            if let r = entries[i...].first(where: { $0.isResponse && $0.date >= entries[i].date }) {
                entries[i].nextResponse = .init(days: r.date.dayNumber - entries[i].date.dayNumber, title: r.title, agencyID: r.agencyID)
            }
        }
        return entries
    }

    static func entry(_ row: RecordRow, homeAreas: Set<String>, areaName: (String) -> String?, describe: Bool = true) -> JourneyEntry? {
        let schema = row.dataset.schema
        guard let dateField = schema.eventDate, let spec = schema.field(dateField), let raw = row[dateField] else { return nil }
        let date: CalendarDate
        var time: Instant?
        let certainty: JourneyEntry.Certainty
        switch spec.type {
        case .dateTime:
            guard let at = Instant(iso: raw) else { return nil }
            time = at
            date = UKTime.localDate(of: at)
            certainty = .time
        case .yearMonth:
            guard let ym = YearMonth(iso: raw), let first = CalendarDate(year: ym.year, month: ym.month, day: 1) else { return nil }
            date = first
            certainty = .month
        default:
            guard let d = CalendarDate(iso: raw) else { return nil }
            date = d
            certainty = .day
        }
        var ended: CalendarDate?
        var ongoing = false
        if let endField = schema.eventEnd {
            if let end = row[endField] {
                ended = Instant(iso: end).map(UKTime.localDate(of:)) ?? CalendarDate(iso: end)
            } else {
                ongoing = true
            }
        }
        let skipped: Set<String> = [schema.primaryKey, schema.personKey ?? "", dateField, schema.eventEnd ?? "", "rhi_completed_datetime"]
        var details: [JourneyEntry.Detail] = []
        // Feedback's answers are read through voice, under its own rules: the journey says only that it was given.
        for field in schema.fields where describe && !skipped.contains(field.name) && row.dataset != .voiceFeedback {
            guard let value = row[field.name], let shown = display(field, value, areaName: areaName) else { continue }
            details.append(.init(label: field.title, value: shown))
        }
        let moments = CriticalMoment.of(row, homeAreas: homeAreas)
        let stage: JourneyStage? =
            switch row.dataset {
            case .missingEpisodes: moments.contains(.wentMissing) ? .missing : nil
            case .ceScreenings: .screening
            case .maceDiscussions: .mace
            case .nrmReferrals: .nrm
            default: nil
            }
        return JourneyEntry(
            dataset: row.dataset, agencyID: row.agencyID, submissionID: row.submissionID, title: describe ? title(row) : "", date: date, time: time,
            certainty: certainty, ended: ended, ongoing: ongoing, details: details, moments: moments, isResponse: responses.contains(row.dataset),
            nextResponse: nil, stage: stage)
    }

    /// A value as a person reads it, or nil for a value never shown: identifiers (an agency's own ids are its
    /// own; a pseudonym or encoding means nothing to a reader).
    static func display(_ field: FieldSpec, _ value: String, areaName: (String) -> String?) -> String? {
        switch field.type {
        case .identifier, .pseudonym, .rawIdentifier, .bloomFilter: nil
        case .code(let set): label(set, value)
        case .codes(let set): value.split(separator: ";").map { label(set, String($0)) }.joined(separator: ", ")
        case .boolean: value == "Y" ? "Yes" : value == "N" ? "No" : value
        case .dateTime: Instant(iso: value).map(UKTime.display) ?? value
        case .areaCode: areaName(value).map { "\($0) (\(value))" } ?? value
        default: value
        }
    }

    static func label(_ set: CodeSet, _ code: String) -> String { set.entries.first { $0.code == code }?.label ?? code }

    static func label(_ row: RecordRow, _ field: String) -> String? {
        guard let spec = row.dataset.schema.field(field), let value = row[field] else { return nil }
        switch spec.type {
        case .code(let set): return label(set, value)
        case .codes(let set): return value.split(separator: ";").map { label(set, String($0)) }.joined(separator: ", ")
        default: return value
        }
    }

    /// What happened, in a few words.
    static func title(_ row: RecordRow) -> String {
        switch row.dataset {
        case .missingEpisodes:
            let what = row["missing_type"] == MissingType.away.rawValue ? "Away" : "Missing"
            return "\(what) from \(row["missing_from"] ?? "home")"
        case .policeIncidents:
            return "Police: \(label(row, "incident_type") ?? "incident")" + (label(row, "role").map { " (\($0.lowercased()))" } ?? "")
        case .healthContacts:
            return "\(label(row, "setting") ?? "Health contact"): \(label(row, "reasons") ?? "")"
        case .educationEvents: return label(row, "event_type") ?? "Education event"
        case .youthJustice: return "Youth justice: \(label(row, "outcome_type") ?? "outcome")"
        case .maceDiscussions: return "MACE discussion"
        case .nrmReferrals: return "NRM referral" + (label(row, "exploitation_type").map { ": \($0.lowercased())" } ?? "")
        case .ceScreenings: return "Exploitation screening" + (row["risk_level"].map { ": \($0) risk" } ?? "")
        case .voiceFeedback: return "Gave feedback"
        default: return row.dataset.schema.title
        }
    }
}

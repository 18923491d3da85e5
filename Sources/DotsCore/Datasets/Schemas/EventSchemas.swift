/// The event datasets. Each row is one event about one person the agency also lists in its `people` dataset.
public enum EventSchemas {
    static func key(_ name: String, _ title: String) -> FieldSpec {
        FieldSpec(name, .identifier, required: true, title: title, description: "The agency's own id for this record; unique in the file.", example: "R000045")
    }

    static let personID = FieldSpec(
        "person_id", .identifier, required: true, title: "Agency person id",
        description: "The person's id in the agency's people dataset.", example: "P000123")
    static let localArea: FieldType = .areaCode([.lsoa, .ward, .district, .unitary, .county])

    public static let ceScreenings = DatasetSchema(
        dataset: .ceScreenings, version: 1, title: "Child exploitation screenings",
        description: "Child exploitation screenings and risk assessments completed by children's social care.",
        fields: [
            key("screening_id", "Screening id"), personID,
            FieldSpec(
                "screening_date", .date, required: true, title: "Screening date", description: "Date the screening was completed.", example: "2025-05-02"),
            FieldSpec(
                "exploitation_types", .codes(CodeSet(ExploitationType.self)), title: "Exploitation types",
                description: "Forms of exploitation identified, separated by `;`.", example: "CCE;CL"),
            FieldSpec(
                "risk_level", .code(CodeSet(RiskLevel.self)), required: true, title: "Risk level", description: "Overall risk of exploitation.",
                example: "medium"),
            FieldSpec(
                "outcome", .code(CodeSet(ScreeningOutcome.self)), required: true, title: "Outcome", description: "What happened next.", example: "mace_referral"
            ),
            FieldSpec(
                "referring_agency", .code(CodeSet(Agency.Kind.self)), title: "Referring agency", description: "Who raised the concern.", example: "police"),
            FieldSpec(
                "assessment_factors", .codes(CodeSet(AssessmentFactor.self)), title: "CIN assessment factors",
                description: "CIN census factors identified, separated by `;` (10A, 11A, 12A, 13A, 24A ...).", example: "11A;10A"),
        ],
        primaryKey: "screening_id", personKey: "person_id", eventDate: "screening_date",
        rules: [.notInFuture(field: "screening_date")])

    /// Return home interviews are recorded by the provider that holds them, or by social care where it does them.
    static let returnInterviews: Set<Agency.Kind> = [.returnInterviews, .socialCare]

    public static let missingEpisodes = DatasetSchema(
        dataset: .missingEpisodes, version: 1, title: "Missing episodes",
        description: "Episodes of a child missing or away from home or care, with return home interviews.",
        fields: [
            key("episode_id", "Episode id"), personID,
            FieldSpec(
                "start_datetime", .dateTime, required: true, title: "Start", description: "When the child went missing (UK time).", example: "2025-06-14 21:30"),
            FieldSpec(
                "end_datetime", .dateTime, title: "End", description: "When the child returned or was found (UK time); blank if still missing.",
                example: "2025-06-15 08:10"),
            FieldSpec(
                "missing_type", .code(CodeSet(MissingType.self)), required: true, title: "Missing or away", description: "M missing, A away.", example: "M"),
            FieldSpec("missing_from", .code(CodeSet(MissingFrom.self)), required: true, title: "Missing from", description: "home or care.", example: "care"),
            FieldSpec(
                "placed_by_other_la", .boolean, title: "Placed by another LA", description: "Y if a child in care placed here by another local authority.",
                example: "N"),
            FieldSpec(
                "found_area", localArea, title: "Where found", description: "ONS code of the area the child was found in, if known.", example: "E06000021"),
            FieldSpec(
                "rhi_offered_datetime", .dateTime, title: "Return interview offered", description: "When a return home interview was offered.",
                example: "2025-06-15 10:00", heldBy: returnInterviews),
            FieldSpec(
                "rhi_accepted_datetime", .dateTime, title: "Return interview accepted", description: "When the child accepted it.", example: "2025-06-15 10:00",
                heldBy: returnInterviews),
            FieldSpec(
                "rhi_completed_datetime", .dateTime, title: "Return interview completed", description: "When it took place.", example: "2025-06-16 16:00",
                heldBy: returnInterviews),
        ],
        primaryKey: "episode_id", personKey: "person_id", eventDate: "start_datetime",
        rules: [
            .notInFuture(field: "start_datetime"), .notInFuture(field: "end_datetime"),
            .notBefore(field: "end_datetime", reference: "start_datetime"),
            .notBefore(field: "rhi_offered_datetime", reference: "start_datetime"),
            .notBefore(field: "rhi_accepted_datetime", reference: "rhi_offered_datetime"),
            .notBefore(field: "rhi_completed_datetime", reference: "start_datetime"),
        ], eventEnd: "end_datetime")

    public static let policeIncidents = DatasetSchema(
        dataset: .policeIncidents, version: 1, title: "Police crimes and incidents",
        description: "Crimes and incidents in which a child appears, with exploitation flags.",
        fields: [
            key("incident_id", "Incident id"), personID,
            FieldSpec("incident_datetime", .dateTime, required: true, title: "When", description: "When it happened (UK time).", example: "2025-03-01 17:45"),
            FieldSpec(
                "incident_type", .code(CodeSet(IncidentType.self)), required: true, title: "Type", description: "Crime or incident type.", example: "drugs"),
            FieldSpec("role", .code(CodeSet(IncidentRole.self)), required: true, title: "Role", description: "The child's part in it.", example: "suspect"),
            FieldSpec("location_area", localArea, title: "Location area", description: "ONS code of where it happened.", example: "E07000199"),
            FieldSpec("ce_flag", .boolean, title: "CE flag", description: "Y if flagged as child exploitation.", example: "Y"),
            FieldSpec("cse_flag", .boolean, title: "CSE flag", description: "Y if flagged as child sexual exploitation.", example: "N"),
            FieldSpec("cce_flag", .boolean, title: "CCE flag", description: "Y if flagged as child criminal exploitation.", example: "Y"),
            FieldSpec("county_lines_flag", .boolean, title: "County lines flag", description: "Y if linked to county lines.", example: "Y"),
        ],
        primaryKey: "incident_id", personKey: "person_id", eventDate: "incident_datetime",
        rules: [.notInFuture(field: "incident_datetime")])

    public static let nrmReferrals = DatasetSchema(
        dataset: .nrmReferrals, version: 1, title: "National Referral Mechanism referrals",
        description: "NRM referrals made for children by the agency as first responder, with decisions.",
        fields: [
            key("referral_id", "Referral id"), personID,
            FieldSpec("referral_date", .date, required: true, title: "Referral date", description: "Date referred to the NRM.", example: "2025-01-20"),
            FieldSpec(
                "exploitation_type", .code(CodeSet(NRMExploitationType.self)), required: true, title: "Exploitation type", description: "As on the referral.",
                example: "criminal"),
            FieldSpec("county_lines", .boolean, title: "County lines", description: "Y if flagged county lines.", example: "Y"),
            FieldSpec(
                "rg_decision", .code(CodeSet(NRMDecision.self)), required: true, title: "Reasonable grounds decision",
                description: "positive, negative, pending or withdrawn.", example: "positive"),
            FieldSpec("rg_date", .date, title: "Reasonable grounds date", description: "Date of the reasonable grounds decision.", example: "2025-01-24"),
            FieldSpec(
                "cg_decision", .code(CodeSet(NRMDecision.self)), title: "Conclusive grounds decision", description: "Blank until the RG decision is positive.",
                example: "pending"),
            FieldSpec("cg_date", .date, title: "Conclusive grounds date", description: "Date of the conclusive grounds decision.", example: "2025-09-30"),
        ],
        primaryKey: "referral_id", personKey: "person_id", eventDate: "referral_date",
        rules: [
            .notInFuture(field: "referral_date"), .notInFuture(field: "rg_date"), .notInFuture(field: "cg_date"),
            .notBefore(field: "rg_date", reference: "referral_date"), .notBefore(field: "cg_date", reference: "rg_date"),
            .requiredWhen(field: "rg_date", condition: "rg_decision", values: ["positive", "negative"]),
            .requiredWhen(field: "cg_date", condition: "cg_decision", values: ["positive", "negative"]),
        ])

    public static let healthContacts = DatasetSchema(
        dataset: .healthContacts, version: 1, title: "Health contacts",
        description: "Emergency department attendances and sexual health attendances of children.",
        fields: [
            key("contact_id", "Contact id"), personID,
            FieldSpec("contact_datetime", .dateTime, required: true, title: "Attendance", description: "Arrival time (UK time).", example: "2025-08-09 23:12"),
            FieldSpec(
                "setting", .code(CodeSet(HealthSetting.self)), required: true, title: "Setting", description: "Emergency department or sexual health.",
                example: "emergency_department"),
            FieldSpec(
                "reasons", .codes(CodeSet(HealthReason.self)), required: true, title: "Reasons", description: "Reasons for attending, separated by `;`.",
                example: "assault;substance"),
            FieldSpec(
                "ce_screening_completed", .boolean, title: "CE screening completed", description: "Y if a CSE/CE screening pro forma was completed.",
                example: "Y"),
            FieldSpec("area", localArea, title: "Area", description: "ONS code of where an assault happened, or of the service.", example: "E06000021"),
        ],
        primaryKey: "contact_id", personKey: "person_id", eventDate: "contact_datetime",
        rules: [.notInFuture(field: "contact_datetime")])

    public static let educationEvents = DatasetSchema(
        dataset: .educationEvents, version: 1, title: "Education events",
        description: "Suspensions, exclusions, reduced timetables, alternative provision, home education, missing education and persistent absence.",
        fields: [
            key("event_id", "Event id"), personID,
            FieldSpec(
                "event_type", .code(CodeSet(EducationEventType.self)), required: true, title: "Event type", description: "What happened.", example: "suspension"
            ),
            FieldSpec("start_date", .date, required: true, title: "Start date", description: "First day.", example: "2025-02-03"),
            FieldSpec("end_date", .date, title: "End date", description: "Last day; blank if ongoing.", example: "2025-02-05"),
            FieldSpec("school_urn", .text(maxLength: 6), title: "School URN", description: "6-digit unique reference number of the school.", example: "124000"),
            FieldSpec(
                "sessions_possible", .integer(min: 0, max: 500), title: "Possible sessions", description: "For persistent absence: sessions possible.",
                example: "320"),
            FieldSpec(
                "sessions_missed", .integer(min: 0, max: 500), title: "Sessions missed", description: "For persistent absence: sessions missed.", example: "48"),
        ],
        primaryKey: "event_id", personKey: "person_id", eventDate: "start_date",
        rules: [
            .notInFuture(field: "start_date"), .notBefore(field: "end_date", reference: "start_date"),
            .notGreaterThan(field: "sessions_missed", reference: "sessions_possible"),
        ])

    public static let youthJustice = DatasetSchema(
        dataset: .youthJustice, version: 1, title: "Youth justice outcomes",
        description: "Out-of-court disposals and court orders for children known to the youth justice service.",
        fields: [
            key("outcome_id", "Outcome id"), personID,
            FieldSpec("outcome_date", .date, required: true, title: "Outcome date", description: "Date of the disposal or order.", example: "2025-04-11"),
            FieldSpec(
                "outcome_type", .code(CodeSet(YouthJusticeOutcome.self)), required: true, title: "Outcome", description: "Disposal or order.",
                example: "referral_order"),
            FieldSpec("offence_type", .code(CodeSet(OffenceType.self)), required: true, title: "Offence", description: "Main offence group.", example: "drugs"),
            FieldSpec("end_date", .date, title: "End date", description: "When the order or intervention ended.", example: "2025-10-10"),
        ],
        primaryKey: "outcome_id", personKey: "person_id", eventDate: "outcome_date",
        rules: [.notInFuture(field: "outcome_date"), .notBefore(field: "end_date", reference: "outcome_date")])

    public static let maceDiscussions = DatasetSchema(
        dataset: .maceDiscussions, version: 1, title: "MACE discussions",
        description: "Multi-agency child exploitation (MACE) meeting discussions about a child.",
        fields: [
            key("discussion_id", "Discussion id"), personID,
            FieldSpec("meeting_date", .date, required: true, title: "Meeting date", description: "Date of the MACE meeting.", example: "2025-05-20"),
            FieldSpec(
                "risk_before", .code(CodeSet(RiskLevel.self)), required: true, title: "Risk before", description: "Risk level coming into the meeting.",
                example: "high"),
            FieldSpec("risk_after", .code(CodeSet(RiskLevel.self)), title: "Risk after", description: "Risk level agreed at the meeting.", example: "medium"),
            FieldSpec("safety_plan", .boolean, required: true, title: "Safety plan", description: "Y if a safety plan is in place.", example: "Y"),
            FieldSpec(
                "disruption_activities", .codes(CodeSet(DisruptionActivity.self)), title: "Disruption",
                description: "Disruption activity agreed, separated by `;`.", example: "cawn"),
        ],
        primaryKey: "discussion_id", personKey: "person_id", eventDate: "meeting_date",
        rules: [.notInFuture(field: "meeting_date")])
}

extension EventSchemas {
    /// Structured answers only: free text never travels in an extract (it stays in Dots' voice store, under its
    /// own access rules). Surveys an agency already runs come in through `dots prepare` like any extract; feedback
    /// given or recorded in Dots is added by the hub itself.
    public static let voiceFeedback = DatasetSchema(
        dataset: .voiceFeedback, version: 1, title: "Voice of children, young people and families",
        description: "Answers a child, young person, parent or carer gave: in a survey, their own feedback form, or to a practitioner.",
        fields: [
            key("feedback_id", "Feedback id"), personID,
            FieldSpec("feedback_date", .date, required: true, title: "Date given", description: "When the feedback was given.", example: "2025-05-20"),
            FieldSpec(
                "source", .code(CodeSet(VoiceSource.self)), required: true, title: "How it was given",
                description: "Survey, form or the practitioner's record.",
                example: "survey"),
            FieldSpec(
                "respondent", .code(CodeSet(VoiceRespondent.self)), required: true, title: "Who gave it",
                description: "child (the child or young person), or parent_carer.", example: "child"),
            FieldSpec(
                "feel_safe", .code(CodeSet(FeelSafe.self)), title: "Feels safe", description: "Blank if not asked or skipped.", example: "mostly"),
            FieldSpec("trusted_adult", .boolean, title: "Has a trusted adult", description: "Y or N; blank if not asked or skipped.", example: "Y"),
            FieldSpec(
                "listened_to", .code(CodeSet(ListenedTo.self)), title: "Feels listened to", description: "Blank if not asked or skipped.", example: "sometimes"),
        ],
        primaryKey: "feedback_id", personKey: "person_id", eventDate: "feedback_date",
        rules: [.notInFuture(field: "feedback_date")])
}

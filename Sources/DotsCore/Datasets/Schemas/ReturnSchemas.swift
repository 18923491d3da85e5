/// Datasets that hold what the statutory returns carry: the CIN census (referrals, assessments with their factors,
/// section 47 enquiries and child protection plans) and the SSDA903 return (care episodes). `dots prepare` reads the
/// returns themselves into these (docs/returns.md); an agency may also send them as CSV like any other dataset.
/// Ids are the agency's own, made stable by the readers (the child and the date, so the same episode has the same id
/// in every year's return that includes it).
extension EventSchemas {
    static func date(_ name: String, _ title: String, _ description: String, required: Bool = false, example: String = "2025-05-02") -> FieldSpec {
        FieldSpec(name, .date, required: required, title: title, description: description, example: example)
    }

    public static let cinEpisodes = DatasetSchema(
        dataset: .cinEpisodes, version: 1, title: "Children in need episodes",
        description: "Referrals to children's social care and the episodes of need that follow them (CIN census CINdetails).",
        fields: [
            key("episode_id", "Episode id"), personID,
            date("referral_date", "Referral date", "When the referral was received.", required: true),
            FieldSpec(
                "referral_source", .code(CodeSet(ReferralSource.self)), required: true, title: "Referral source", description: "Who referred the child.",
                example: "6"),
            FieldSpec(
                "primary_need", .code(CodeSet(PrimaryNeed.self)), title: "Primary need", description: "The child's main need, once assessed.", example: "N1"),
            FieldSpec("referral_nfa", .boolean, title: "No further action", description: "Y if the referral led to no further action.", example: "N"),
            date("closure_date", "Closure date", "When the episode closed; blank while it is open.", example: "2025-09-30"),
            FieldSpec(
                "closure_reason", .code(CodeSet(CINClosureReason.self)), title: "Reason closed", description: "Why the episode closed.", example: "RC8"),
        ],
        primaryKey: "episode_id", personKey: "person_id", eventDate: "referral_date",
        rules: [
            .notInFuture(field: "referral_date"), .notInFuture(field: "closure_date"),
            .notBefore(field: "closure_date", reference: "referral_date"),
        ], eventEnd: "closure_date")

    public static let cinAssessments = DatasetSchema(
        dataset: .cinAssessments, version: 1, title: "Children in need assessments",
        description: "Child and family assessments and the factors identified at their end (CIN census Assessments).",
        fields: [
            key("assessment_id", "Assessment id"), personID,
            FieldSpec(
                "episode_id", .identifier, title: "Episode id", description: "The children in need episode the assessment belongs to, if known.",
                example: "R000045"),
            date("start_date", "Start", "When the assessment started.", required: true),
            date("authorised_date", "Authorised", "When it was completed and authorised; blank while it is open.", example: "2025-05-30"),
            FieldSpec(
                "factors", .codes(CodeSet(AssessmentFactor.self)), title: "Factors identified",
                description:
                    "CIN census factors identified at the end of the assessment, separated by `;` (10A missing, 11A CSE, 12A trafficking, 13A gangs, 24A CCE ...).",
                example: "11A;10A"),
        ],
        primaryKey: "assessment_id", personKey: "person_id", eventDate: "start_date",
        rules: [.notInFuture(field: "start_date"), .notInFuture(field: "authorised_date"), .notBefore(field: "authorised_date", reference: "start_date")],
        eventEnd: "authorised_date")

    public static let section47Enquiries = DatasetSchema(
        dataset: .section47Enquiries, version: 1, title: "Section 47 enquiries",
        description: "Enquiries into whether a child is suffering, or likely to suffer, significant harm (CIN census Section47).",
        fields: [
            key("enquiry_id", "Enquiry id"), personID,
            date("start_date", "Start", "When the enquiry started.", required: true),
            date("conference_date", "Initial conference", "Date of the initial child protection conference, if one was held.", example: "2025-05-16"),
            FieldSpec(
                "conference_not_required", .boolean, title: "Conference not required",
                description: "Y if the enquiry concluded that no initial conference was needed.", example: "N"),
        ],
        primaryKey: "enquiry_id", personKey: "person_id", eventDate: "start_date",
        rules: [.notInFuture(field: "start_date"), .notInFuture(field: "conference_date"), .notBefore(field: "conference_date", reference: "start_date")],
        eventEnd: "conference_date")

    public static let protectionPlans = DatasetSchema(
        dataset: .protectionPlans, version: 1, title: "Child protection plans",
        description: "Child protection plans, with the category of abuse they name (CIN census ChildProtectionPlans).",
        fields: [
            key("plan_id", "Plan id"), personID,
            date("start_date", "Start", "When the plan started.", required: true),
            date("end_date", "End", "When the plan ended; blank while it is open.", example: "2025-11-20"),
            FieldSpec(
                "initial_category", .code(CodeSet(AbuseCategory.self)), required: true, title: "Initial category",
                description: "Category of abuse at the start.",
                example: "NEG"),
            FieldSpec(
                "latest_category", .code(CodeSet(AbuseCategory.self)), title: "Latest category", description: "Category of abuse most recently recorded.",
                example: "NEG"),
            FieldSpec(
                "previous_plans", .integer(min: 0, max: 99), title: "Previous plans", description: "How many plans the child had before this one.",
                example: "0"),
        ],
        primaryKey: "plan_id", personKey: "person_id", eventDate: "start_date",
        rules: [.notInFuture(field: "start_date"), .notInFuture(field: "end_date"), .notBefore(field: "end_date", reference: "start_date")],
        eventEnd: "end_date")

    public static let careEpisodes = DatasetSchema(
        dataset: .careEpisodes, version: 1, title: "Care episodes",
        description:
            "Episodes of a child being looked after: each change of legal status or placement starts a new one (SSDA903 Episodes).",
        fields: [
            key("episode_id", "Episode id"), personID,
            date("start_date", "Start", "When the episode began (DECOM).", required: true),
            FieldSpec(
                "reason_new", .code(CodeSet(ReasonNewEpisode.self)), required: true, title: "Reason for new episode", description: "RNE.",
                example: "S"),
            FieldSpec(
                "legal_status", .code(CodeSet(LegalStatus.self)), required: true, title: "Legal status", description: "LS.", example: "C2"),
            FieldSpec(
                "category_of_need", .code(CodeSet(PrimaryNeed.self)), title: "Category of need", description: "CIN: why the child is looked after.",
                example: "N1"),
            FieldSpec("placement", .code(CodeSet(PlacementType.self)), required: true, title: "Placement", description: "PLACE.", example: "U6"),
            FieldSpec(
                "placement_provider", .code(CodeSet(PlacementProvider.self)), title: "Placement provider", description: "PLACE_PROVIDER.", example: "PR1"),
            FieldSpec(
                "placement_area", localArea, title: "Placement area",
                description: "ONS code of the district the placement is in, derived from its postcode inside the agency; blank if not known.",
                example: "E06000021"),
            date("end_date", "End", "When the episode ended (DEC); blank while it is open.", example: "2025-11-20"),
            FieldSpec(
                "reason_ended", .code(CodeSet(ReasonEpisodeEnded.self)), title: "Reason ended", description: "REC.", example: "X1"),
            FieldSpec(
                "reason_place_change", .code(CodeSet(ReasonPlaceChange.self)), title: "Reason placement changed", description: "REASON_PLACE_CHANGE.",
                example: "CARPL"),
        ],
        primaryKey: "episode_id", personKey: "person_id", eventDate: "start_date",
        rules: [
            .notInFuture(field: "start_date"), .notInFuture(field: "end_date"), .notBefore(field: "end_date", reference: "start_date"),
        ], eventEnd: "end_date")
}

extension EventSchemas {
    /// Ofsted's Annex A List 8: every child looked after in the twelve months to the list's date, as they stood then.
    public static let careSnapshot = DatasetSchema(
        dataset: .careSnapshot, version: 1, title: "Children looked after: Annex A snapshot",
        description:
            "Ofsted's Annex A List 8: each child looked after in the twelve months to the list's date, with their legal status, placement, missing and away episodes and return interviews.",
        fields: [
            key("snapshot_id", "Snapshot id"), personID,
            date("snapshot_date", "As at", "The day the list describes (the last day of its twelve months).", required: true, example: "2025-03-31"),
            date("started_date", "Started to be looked after", "When the current period of care began.", example: "2023-09-12"),
            FieldSpec(
                "second_period", .boolean, title: "Second period in 12 months",
                description: "Y if this is a second or later period of care within the twelve months.", example: "N"),
            FieldSpec("legal_status", .code(CodeSet(LegalStatus.self)), title: "Legal status", description: "The child's legal status.", example: "C2"),
            FieldSpec(
                "category_of_need", .code(CodeSet(PrimaryNeed.self)), title: "Category of need", description: "Why the child is looked after.",
                example: "N1"),
            FieldSpec(
                "placements_12m", .integer(min: 0, max: 999), title: "Placements in 12 months", description: "Placements in the last twelve months.",
                example: "1"),
            FieldSpec("placement", .code(CodeSet(PlacementType.self)), title: "Placement", description: "The current placement's type.", example: "U6"),
            FieldSpec(
                "placement_provider", .code(CodeSet(PlacementProvider.self)), title: "Placement provider", description: "Who provides it.",
                example: "PR1"),
            date("ceased_date", "Ceased to be looked after", "When care ended, if it did in the twelve months.", example: "2025-01-31"),
            FieldSpec(
                "missing_12m", .integer(min: 0, max: 9999), title: "Missing episodes in 12 months",
                description: "Episodes missing from placement in the last twelve months.", example: "0"),
            FieldSpec(
                "away_12m", .integer(min: 0, max: 9999), title: "Away episodes in 12 months",
                description: "Episodes absent (away) from placement in the last twelve months.", example: "0"),
            FieldSpec(
                "rhi_offered_last", .boolean, title: "Return interview offered after the last missing episode",
                description: "Y or N; blank if never missing.", example: "Y"),
            FieldSpec(
                "rhi_accepted_last", .boolean, title: "Return interview accepted after the last missing episode",
                description: "Y or N; blank if never missing.", example: "N"),
        ],
        primaryKey: "snapshot_id", personKey: "person_id", eventDate: "snapshot_date",
        rules: [
            .notInFuture(field: "snapshot_date"), .notBefore(field: "snapshot_date", reference: "started_date"),
            .notBefore(field: "ceased_date", reference: "started_date"),
        ])

    /// Ofsted's Annex A List 1: contacts with children's social care in the list's months.
    public static let contacts = DatasetSchema(
        dataset: .contacts, version: 1, title: "Contacts with children's social care",
        description:
            "Each contact with children's social care about a child, and who made it (Ofsted's Annex A List 1). A contact may or may not become a referral; the CIN census holds only referrals.",
        fields: [
            key("contact_id", "Contact id"), personID,
            date("contact_date", "Contact date", "When the contact was received.", required: true),
            FieldSpec(
                "contact_source", .code(CodeSet(ReferralSource.self)), title: "Contact source",
                description: "Who made the contact, in the CIN census's referral source codes.", example: "6"),
        ],
        primaryKey: "contact_id", personKey: "person_id", eventDate: "contact_date",
        rules: [.notInFuture(field: "contact_date")])

    /// Ofsted's Annex A List 2: early help assessments.
    public static let earlyHelpAssessments = DatasetSchema(
        dataset: .earlyHelpAssessments, version: 1, title: "Early help assessments",
        description: "Early help assessments started or completed in the list's months (Ofsted's Annex A List 2).",
        fields: [
            key("assessment_id", "Assessment id"), personID,
            date("start_date", "Start", "When the assessment started.", required: true),
            date("completed_date", "Completed", "When it was completed; blank while it is open.", example: "2025-05-30"),
        ],
        primaryKey: "assessment_id", personKey: "person_id", eventDate: "start_date",
        rules: [.notInFuture(field: "start_date"), .notInFuture(field: "completed_date"), .notBefore(field: "completed_date", reference: "start_date")],
        eventEnd: "completed_date")
}

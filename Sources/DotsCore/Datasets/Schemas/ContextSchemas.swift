/// Datasets Dots keeps from its own context records (`DotsContexts`), so the framework can count contexts of harm
/// like any other data: rewritten from the records at every framework run, under the submission id
/// `dots-contexts`. They name no agency's person: a context, a review due, or a young person by the partnership's
/// id. An agency that works with contexts in a system of its own may submit them too.
public enum ContextSchemas {
    static let contextID = FieldSpec(
        "context_id", .identifier, required: true, title: "Context id", description: "Dots' id for the context.", example: "CX-3f9a1c2d7e")
    static let kind = FieldSpec(
        "context_kind", .code(CodeSet(ContextKind.self)), required: true, title: "Kind of context",
        description: "Peer group, place or neighbourhood, school or college, or online space.", example: "peer-group")
    static let area = FieldSpec(
        "area", .areaCode(Area.Level.allCases), title: "Area",
        description: "ONS code of the area the context is in (its local authority counts it); blank for an online space.", example: "E06000021")

    public static let contextRecords = DatasetSchema(
        dataset: .contextRecords, version: 1, title: "Contexts of harm",
        description:
            "One row per context worked with as a record of its own: peer group, place, school or online space; when the work opened and closed, and what it made of the context.",
        fields: [
            contextID, kind, area,
            FieldSpec("opened_on", .date, required: true, title: "Opened", description: "When the context was referred.", example: "2025-09-02"),
            FieldSpec(
                "closed_on", .date, title: "Closed", description: "When the work about the context closed; blank while it is open.", example: "2026-01-20"),
            FieldSpec(
                "outcome", .code(CodeSet(ContextOutcome.self)), title: "Outcome",
                description: "What the work made of the context, judged on closing: safer, no change or less safe.", example: "safer"),
        ],
        primaryKey: "context_id", personKey: nil, eventDate: "closed_on",
        rules: [.notBefore(field: "closed_on", reference: "opened_on")])

    public static let contextReviews = DatasetSchema(
        dataset: .contextReviews, version: 1, title: "Reviews of contexts",
        description: "One row per review of a context that has fallen due: each step of the work sets the next review date, and the next step is its review.",
        fields: [
            FieldSpec(
                "review_id", .identifier, required: true, title: "Review id", description: "The context's id and the review's number.",
                example: "CX-3f9a1c2d7e/2"),
            contextID, kind, area,
            FieldSpec("due_on", .date, required: true, title: "Due", description: "The review date the work set.", example: "2025-10-01"),
            FieldSpec(
                "reviewed_on", .date, title: "Reviewed", description: "When the next step was recorded; blank if none yet and the date has passed.",
                example: "2025-09-28"),
            FieldSpec("in_time", .boolean, required: true, title: "Reviewed in time", description: "Y when reviewed on or before the due date.", example: "Y"),
        ],
        primaryKey: "review_id", personKey: nil, eventDate: "due_on", rules: [])

    public static let contextChildren = DatasetSchema(
        dataset: .contextChildren, version: 1, title: "Young people linked to contexts",
        description:
            "One row per spell a young person was linked to a context, by the partnership's person id: when it was made (or renewed) and when it stopped holding (ended, the context closed, or lapsed unreviewed).",
        fields: [
            FieldSpec(
                "link_id", .identifier, required: true, title: "Link id",
                description:
                    "Dots' id for the link. A link renewed after a spell it did not hold (lapsed or ended) has a row per spell it held, the later ones numbered /2, /3 and on.",
                example: "CL-8c1d2e3f4a"),
            FieldSpec(
                "partnership_person_id", .identifier, required: true, title: "Partnership person id",
                description: "The young person across agencies, as linkage numbers them; never an agency's own id.", example: "DP000123"),
            contextID, kind, area,
            FieldSpec(
                "linked_on", .date, required: true, title: "Linked", description: "When the link was made, or for a later spell, renewed.",
                example: "2025-09-10"),
            FieldSpec(
                "ended_on", .date, title: "Stopped holding",
                description: "The first day the link no longer held: ended by a practitioner, the context closed, or the day after an unmet review date.",
                example: "2025-12-11"),
            FieldSpec(
                "reliability", .code(CodeSet(ContextLinkReliability.self)), required: true, title: "Reliability",
                description: "How far the information behind the link can be relied on.", example: "reported-corroborated"),
        ],
        primaryKey: "link_id", personKey: nil, eventDate: "linked_on",
        rules: [.notBefore(field: "ended_on", reference: "linked_on")])
}

import DotsCore

/// One dataset an agency holds that bears on exploitation and extra-familial harm: a row of the partnership's
/// data map (the learning report's data-mapping survey, made a maintained catalogue).
public struct DataMapEntry: Sendable, Codable, Equatable {
    public var id: String
    public var agencyID: String
    public var name: String
    /// The Dots dataset this could be submitted as, if any: what joins the catalogue to the framework.
    public var dataset: Dataset?
    /// Framework questions it bears on beyond those its Dots dataset answers (say, a free-text source).
    public var informs: [String]
    public var system: String
    /// What is recorded about young people and exploitation.
    public var recorded: String
    public var recordingMethod: RecordingMethod
    /// Who and what it covers (for example "all children referred to the MASH").
    public var coverage: String
    public var coverageFrom: CalendarDate?
    /// Nil while still recorded.
    public var coverageTo: CalendarDate?
    public var refresh: RefreshFrequency
    /// Who can see it, inside and outside the agency.
    public var access: String
    /// The information sharing agreement it is shared under; empty when there is none.
    public var sharingAgreement: String
    public var lawfulBasis: LawfulBasis
    /// Known quality issues, in the agency's words.
    public var qualityIssues: String
    /// The person or post responsible for it.
    public var owner: String
    public var updatedAt: Instant
    public var updatedBy: String

    public init(
        id: String, agencyID: String, name: String, dataset: Dataset?, informs: [String] = [], system: String, recorded: String,
        recordingMethod: RecordingMethod, coverage: String, coverageFrom: CalendarDate?, coverageTo: CalendarDate?, refresh: RefreshFrequency,
        access: String, sharingAgreement: String, lawfulBasis: LawfulBasis, qualityIssues: String, owner: String, updatedAt: Instant, updatedBy: String
    ) {
        self.id = id
        self.agencyID = agencyID
        self.name = name
        self.dataset = dataset
        self.informs = informs
        self.system = system
        self.recorded = recorded
        self.recordingMethod = recordingMethod
        self.coverage = coverage
        self.coverageFrom = coverageFrom
        self.coverageTo = coverageTo
        self.refresh = refresh
        self.access = access
        self.sharingAgreement = sharingAgreement
        self.lawfulBasis = lawfulBasis
        self.qualityIssues = qualityIssues
        self.owner = owner
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    /// Everything wrong with an entry, by field. `questionIDs` are the framework's, so `informs` can be checked.
    public func problems(questionIDs: Set<String>) -> [InputProblem] {
        var p: [InputProblem] = []
        if ReferencePartnership.model.agency(id: agencyID) == nil { p.append(InputProblem("agency", "Choose an agency of the partnership")) }
        TextRules.required(name, field: "name", label: "the dataset's name", limit: 120, into: &p)
        TextRules.required(system, field: "system", label: "the system it is held in", into: &p)
        TextRules.required(recorded, field: "recorded", label: "what is recorded", limit: TextRules.longLimit, into: &p)
        TextRules.required(coverage, field: "coverage", label: "who or what it covers", limit: TextRules.longLimit, into: &p)
        TextRules.required(access, field: "access", label: "who can access it", limit: TextRules.longLimit, into: &p)
        TextRules.required(owner, field: "owner", label: "the owner (a person or post)", into: &p)
        TextRules.optional(sharingAgreement, field: "sharingAgreement", label: "the sharing agreement", limit: TextRules.shortLimit, into: &p)
        TextRules.optional(qualityIssues, field: "qualityIssues", label: "the known quality issues", into: &p)
        if let from = coverageFrom, let to = coverageTo, to < from {
            p.append(InputProblem("coverageTo", "The date coverage ends must be on or after the date it starts"))
        }
        for q in informs where !questionIDs.contains(q) { p.append(InputProblem("informs", "There is no strategic question \(q) in the framework")) }
        return p
    }
}

/// How the information is held: what decides whether it can be counted without reading case notes.
public enum RecordingMethod: String, Sendable, Codable, CaseIterable {
    case structured, mixed
    case freeText = "free-text"

    public var title: String {
        switch self {
        case .structured: "Structured fields"
        case .mixed: "Some structured fields, some free text"
        case .freeText: "Free text only"
        }
    }
}

public enum RefreshFrequency: String, Sendable, Codable, CaseIterable {
    case live, daily, weekly, monthly, quarterly, annually
    case adHoc = "ad-hoc"

    public var title: String {
        switch self {
        case .live: "Live (updated as work happens)"
        case .daily: "Daily"
        case .weekly: "Weekly"
        case .monthly: "Monthly"
        case .quarterly: "Quarterly"
        case .annually: "Yearly"
        case .adHoc: "When asked (no set schedule)"
        }
    }
}

/// The UK GDPR Article 6 basis the agency relies on to process and share it (the ICO's list); special category
/// and criminal offence data need an Article 9 / 10 condition as well, which the sharing agreement records.
public enum LawfulBasis: String, Sendable, Codable, CaseIterable {
    case publicTask = "public-task"
    case legalObligation = "legal-obligation"
    case vitalInterests = "vital-interests"
    case legitimateInterests = "legitimate-interests"
    case consent
    case contract
    case notKnown = "not-known"

    public var title: String {
        switch self {
        case .publicTask: "Public task (Article 6(1)(e))"
        case .legalObligation: "Legal obligation (Article 6(1)(c))"
        case .vitalInterests: "Vital interests (Article 6(1)(d))"
        case .legitimateInterests: "Legitimate interests (Article 6(1)(f))"
        case .consent: "Consent (Article 6(1)(a))"
        case .contract: "Contract (Article 6(1)(b))"
        case .notKnown: "Not known yet"
        }
    }
}

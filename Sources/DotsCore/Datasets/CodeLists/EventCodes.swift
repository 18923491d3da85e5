/// SSDA903 missing type: M, missing (whereabouts unknown), or A, away from placement without authorisation.
public enum MissingType: String, CodeList {
    case missing = "M", away = "A"
    public static let listName = "missing-type"
    public static let source = "DfE SSDA903 MISSING"
    public var label: String { self == .missing ? "Missing (whereabouts unknown)" : "Away from placement without authorisation" }
}

/// Where a child went missing from.
public enum MissingFrom: String, CodeList {
    case home, care
    public static let listName = "missing-from"
    public static let source = "DfE statutory guidance on children who run away or go missing from home or care"
    public var label: String { self == .home ? "Home" : "Care" }
}

/// A police crime or incident category (data.police.uk crime types, plus the incident kinds CE work needs).
public enum IncidentType: String, CodeList {
    case violence, sexualOffence = "sexual_offence", robbery, drugs, weapons, modernSlavery = "modern_slavery"
    case missingReport = "missing_report", antisocialBehaviour = "asb", theft, criminalDamage = "criminal_damage"
    case publicOrder = "public_order", intelligence, other
    public static let listName = "incident-type"
    public static let source = "data.police.uk crime types, extended"
    public var label: String {
        switch self {
        case .violence: "Violence against the person"
        case .sexualOffence: "Sexual offence"
        case .robbery: "Robbery"
        case .drugs: "Drugs"
        case .weapons: "Possession of weapons"
        case .modernSlavery: "Modern Slavery Act offence"
        case .missingReport: "Missing person report"
        case .antisocialBehaviour: "Anti-social behaviour"
        case .theft: "Theft"
        case .criminalDamage: "Criminal damage and arson"
        case .publicOrder: "Public order"
        case .intelligence: "Intelligence submission"
        case .other: "Other crime or incident"
        }
    }
}

/// The young person's part in a police crime or incident.
public enum IncidentRole: String, CodeList {
    case victim, suspect, witness, associate, missing
    public static let listName = "incident-role"
    public static let source = "Dots"
    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// NRM exploitation type, as in the Home Office NRM statistics.
public enum NRMExploitationType: String, CodeList {
    case labour, sexual, criminal, domesticServitude = "domestic_servitude", organHarvesting = "organ_harvesting", unknown
    public static let listName = "nrm-exploitation-type"
    public static let source = "Home Office NRM and Duty to Notify statistics"
    public var label: String {
        switch self {
        case .labour: "Labour exploitation"
        case .sexual: "Sexual exploitation"
        case .criminal: "Criminal exploitation"
        case .domesticServitude: "Domestic servitude"
        case .organHarvesting: "Organ harvesting"
        case .unknown: "Not specified or unknown"
        }
    }
}

/// A reasonable or conclusive grounds decision.
public enum NRMDecision: String, CodeList {
    case positive, negative, pending, withdrawn
    public static let listName = "nrm-decision"
    public static let source = "Home Office NRM statistics"
    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// Where a health contact happened.
public enum HealthSetting: String, CodeList {
    case emergencyDepartment = "emergency_department", sexualHealth = "sexual_health"
    public static let listName = "health-setting"
    public static let source = "Dots"
    public var label: String { self == .emergencyDepartment ? "Emergency department" : "Sexual health service" }
}

/// Why a young person attended (several may apply).
public enum HealthReason: String, CodeList {
    case assault, selfHarm = "self_harm", substance, sexualHealth = "sexual_health", other
    public static let listName = "health-reason"
    public static let source = "Dots, after ISTV (information sharing to tackle violence) and sexual health pro formas"
    public var label: String {
        switch self {
        case .assault: "Assault"
        case .selfHarm: "Self-harm"
        case .substance: "Alcohol or substance use"
        case .sexualHealth: "Sexual health"
        case .other: "Other"
        }
    }
}

/// Education events that signal risk outside the home.
public enum EducationEventType: String, CodeList {
    case suspension, permanentExclusion = "permanent_exclusion", partTimeTimetable = "part_time_timetable"
    case alternativeProvision = "alternative_provision", electiveHomeEducation = "elective_home_education"
    case childMissingEducation = "child_missing_education", persistentAbsence = "persistent_absence"
    public static let listName = "education-event-type"
    public static let source = "DfE exclusions, attendance and CME guidance"
    public var label: String {
        switch self {
        case .suspension: "Suspension"
        case .permanentExclusion: "Permanent exclusion"
        case .partTimeTimetable: "Part-time timetable"
        case .alternativeProvision: "Alternative provision"
        case .electiveHomeEducation: "Elective home education"
        case .childMissingEducation: "Child missing education"
        case .persistentAbsence: "Persistent absence (10% or more of sessions missed)"
        }
    }
}

/// Youth justice outcomes (out-of-court disposals and court orders).
public enum YouthJusticeOutcome: String, CodeList {
    case communityResolution = "community_resolution", youthCaution = "youth_caution"
    case youthConditionalCaution = "youth_conditional_caution", referralOrder = "referral_order"
    case youthRehabilitationOrder = "youth_rehabilitation_order", detentionTrainingOrder = "detention_training_order"
    case otherCustodial = "other_custodial", other
    public static let listName = "youth-justice-outcome"
    public static let source = "YJB outcome types"
    public var label: String {
        switch self {
        case .communityResolution: "Community resolution"
        case .youthCaution: "Youth caution"
        case .youthConditionalCaution: "Youth conditional caution"
        case .referralOrder: "Referral order"
        case .youthRehabilitationOrder: "Youth rehabilitation order"
        case .detentionTrainingOrder: "Detention and training order"
        case .otherCustodial: "Other custodial sentence"
        case .other: "Other outcome"
        }
    }

    public var isOutOfCourt: Bool { [.communityResolution, .youthCaution, .youthConditionalCaution].contains(self) }
}

/// Offence groups (after the YJB offence categories).
public enum OffenceType: String, CodeList {
    case violence, robbery, drugs, weapons, sexual, theft, burglary, criminalDamage = "criminal_damage"
    case publicOrder = "public_order", motoring, breach, other
    public static let listName = "offence-type"
    public static let source = "YJB offence groups"
    public var label: String {
        switch self {
        case .violence: "Violence against the person"
        case .robbery: "Robbery"
        case .drugs: "Drugs offences"
        case .weapons: "Possession of weapons"
        case .sexual: "Sexual offences"
        case .theft: "Theft and handling"
        case .burglary: "Burglary"
        case .criminalDamage: "Criminal damage"
        case .publicOrder: "Public order"
        case .motoring: "Motoring offences"
        case .breach: "Breach of statutory order"
        case .other: "Other"
        }
    }
}

/// Disruption activity agreed at or reported to MACE.
public enum DisruptionActivity: String, CodeList {
    case cawn, sro, stro, stpo, closureOrder = "closure_order", hotelNotice = "hotel_notice", other
    public static let listName = "disruption-activity"
    public static let source = "Home Office child exploitation disruption toolkit"
    public var label: String {
        switch self {
        case .cawn: "Child abduction warning notice"
        case .sro: "Sexual risk order"
        case .stro: "Slavery and trafficking risk order"
        case .stpo: "Slavery and trafficking prevention order"
        case .closureOrder: "Closure order"
        case .hotelNotice: "Section 116 hotel notice"
        case .other: "Other disruption"
        }
    }
}

/// Code lists of the statutory returns local authorities already make (the CIN census and the SSDA903
/// looked-after children return), as the DfE specifications define them. Where codes changed over the years, every
/// code any year's return may hold is listed (the union of the schemas liiatools publishes for 2016-17 to 2023-24),
/// so an older return is never refused for a code that was valid in its year.

/// Who referred the child to children's social care (CIN census ReferralSource).
public enum ReferralSource: String, CodeList {
    case family = "1A", acquaintance = "1B", selfReferral = "1C", individualOther = "1D"
    case schools = "2A", educationServices = "2B"
    case gp = "3A", healthVisitor = "3B", schoolNurse = "3C", primaryHealthOther = "3D", emergencyDepartment = "3E", healthOther = "3F"
    case housing = "4", laSocialCare = "5A", laOtherInternal = "5B", laExternal = "5C", earlyHelp = "5D"
    case police = "6", otherLegal = "7", other = "8", anonymous = "9", unknown = "10"
    public static let listName = "cin-referral-source"
    public static let source = "DfE CIN census: ReferralSource"
    public var label: String {
        switch self {
        case .family: "Individual: family member, relative or carer"
        case .acquaintance: "Individual: acquaintance (neighbours, childminders)"
        case .selfReferral: "Individual: the child themself"
        case .individualOther: "Individual: other"
        case .schools: "Schools"
        case .educationServices: "Education services"
        case .gp: "Health: GP"
        case .healthVisitor: "Health: health visitor"
        case .schoolNurse: "Health: school nurse"
        case .primaryHealthOther: "Health: other primary health services"
        case .emergencyDepartment: "Health: A&E"
        case .healthOther: "Health: other"
        case .housing: "Housing"
        case .laSocialCare: "Local authority: social care"
        case .laOtherInternal: "Local authority: other internal services"
        case .laExternal: "Local authority: external (another authority)"
        case .earlyHelp: "Early help"
        case .police: "Police"
        case .otherLegal: "Other legal agency"
        case .other: "Other"
        case .anonymous: "Anonymous"
        case .unknown: "Unknown"
        }
    }
}

/// The child's primary need (CIN census PrimaryNeedCode; SSDA903 CIN uses N1 to N8 of it).
public enum PrimaryNeed: String, CodeList {
    case abuseOrNeglect = "N1", disability = "N2", parentalIllness = "N3", acuteStress = "N4", dysfunction = "N5"
    case unacceptableBehaviour = "N6", lowIncome = "N7", absentParenting = "N8", notInNeed = "N9", notStated = "N0"
    public static let listName = "primary-need"
    public static let source = "DfE CIN census and SSDA903: category of need"
    public var label: String {
        switch self {
        case .abuseOrNeglect: "Abuse or neglect"
        case .disability: "Child's disability"
        case .parentalIllness: "Parental illness or disability"
        case .acuteStress: "Family in acute stress"
        case .dysfunction: "Family dysfunction"
        case .unacceptableBehaviour: "Socially unacceptable behaviour"
        case .lowIncome: "Low income"
        case .absentParenting: "Absent parenting"
        case .notInNeed: "Cases other than children in need"
        case .notStated: "Not stated"
        }
    }
}

/// Why a CIN episode closed (CIN census ReasonForClosure).
public enum CINClosureReason: String, CodeList {
    case adopted = "RC1", died = "RC2", childArrangementsOrder = "RC3", specialGuardianship = "RC4", otherLA = "RC5"
    case adultServices = "RC6", servicesCeased = "RC7", closedAfterAssessment = "RC8", earlyHelp = "RC9"
    public static let listName = "cin-closure-reason"
    public static let source = "DfE CIN census: ReasonForClosure"
    public var label: String {
        switch self {
        case .adopted: "Adopted"
        case .died: "Died"
        case .childArrangementsOrder: "Child arrangements order"
        case .specialGuardianship: "Special guardianship order"
        case .otherLA: "Transferred to another local authority"
        case .adultServices: "Transferred to adult social care"
        case .servicesCeased: "Services ceased for any other reason"
        case .closedAfterAssessment: "Closed after assessment: no further action"
        case .earlyHelp: "Closed after assessment: referred to early help"
        }
    }
}

/// The category of abuse a child protection plan names (CIN census).
public enum AbuseCategory: String, CodeList {
    case neglect = "NEG", physical = "PHY", sexual = "SAB", emotional = "EMO", multiple = "MUL"
    public static let listName = "abuse-category"
    public static let source = "DfE CIN census: category of abuse"
    public var label: String {
        switch self {
        case .neglect: "Neglect"
        case .physical: "Physical abuse"
        case .sexual: "Sexual abuse"
        case .emotional: "Emotional abuse"
        case .multiple: "Multiple"
        }
    }
}

/// The legal status of a looked-after child (SSDA903 LS).
public enum LegalStatus: String, CodeList {
    case interimCareOrder = "C1", fullCareOrder = "C2", freeingOrder = "D1", placementOrder = "E1"
    case section20 = "V2", shortBreaksEpisodes = "V3", shortBreaksAgreements = "V4"
    case policeProtection = "L1", emergencyProtection = "L2", childAssessmentOrder = "L3"
    case remanded = "J1", pace = "J2", supervisionOrder = "J3"
    public static let listName = "legal-status"
    public static let source = "DfE SSDA903: LS"
    /// Statuses by which a child comes into care through the youth justice system.
    public static let justice: [LegalStatus] = [.remanded, .pace, .supervisionOrder]
    public var label: String {
        switch self {
        case .interimCareOrder: "Interim care order"
        case .fullCareOrder: "Full care order"
        case .freeingOrder: "Freeing order granted"
        case .placementOrder: "Placement order granted"
        case .section20: "Accommodated under section 20 (single period)"
        case .shortBreaksEpisodes: "Short breaks (episodes recorded)"
        case .shortBreaksAgreements: "Short breaks (agreements recorded)"
        case .policeProtection: "Police protection, in local authority accommodation"
        case .emergencyProtection: "Emergency protection order"
        case .childAssessmentOrder: "Child assessment order, in local authority accommodation"
        case .remanded: "Remanded to local authority or youth detention accommodation"
        case .pace: "In local authority accommodation under PACE"
        case .supervisionOrder: "Supervision order with residence requirement"
        }
    }
}

/// Where a looked-after child is placed (SSDA903 PLACE).
public enum PlacementType: String, CodeList {
    case adoptionConsentCarer = "A3", adoptionConsentOther = "A4", adoptionOrderCarer = "A5", adoptionOrderOther = "A6"
    case semiIndependent = "H5", secureHome = "K1", childrensHome = "K2"
    case withParents = "P1", independentLiving = "P2", residentialEmployment = "P3"
    case residentialCareHome = "R1", health = "R2", familyCentre = "R3", youngOffenderInstitution = "R5"
    case residentialSchool = "S1"
    case temporaryAny = "T0", temporaryHospital = "T1", temporaryHoliday = "T2", temporaryCarerHoliday = "T3", temporaryShort = "T4"
    case kinshipLongTerm = "U1", kinshipAdopter = "U2", kinshipOther = "U3", fosterLongTerm = "U4", fosterAdopter = "U5", fosterOther = "U6"
    case other = "Z1"
    public static let listName = "placement-type"
    public static let source = "DfE SSDA903: PLACE (codes of 2016-17 to 2023-24)"
    public var label: String {
        switch self {
        case .adoptionConsentCarer: "Placed for adoption with consent, with current foster carer"
        case .adoptionConsentOther: "Placed for adoption with consent, not with current foster carer"
        case .adoptionOrderCarer: "Placed for adoption under a placement order, with current foster carer"
        case .adoptionOrderOther: "Placed for adoption under a placement order, not with current foster carer"
        case .semiIndependent: "Semi-independent living accommodation"
        case .secureHome: "Secure children's home"
        case .childrensHome: "Children's home"
        case .withParents: "With parents or others with parental responsibility"
        case .independentLiving: "Independent living"
        case .residentialEmployment: "Residential employment"
        case .residentialCareHome: "Residential care home"
        case .health: "NHS or other health establishment"
        case .familyCentre: "Family centre or mother and baby unit"
        case .youngOffenderInstitution: "Young offender institution"
        case .residentialSchool: "Residential school"
        case .temporaryAny: "Temporary move (any)"
        case .temporaryHospital: "Temporary: in hospital"
        case .temporaryHoliday: "Temporary: on holiday"
        case .temporaryCarerHoliday: "Temporary: while the foster carer is on holiday"
        case .temporaryShort: "Temporary: seven days or less"
        case .kinshipLongTerm: "Foster placement with relatives or friends: long term"
        case .kinshipAdopter: "Foster placement with relatives or friends who are approved adopters"
        case .kinshipOther: "Foster placement with relatives or friends: other"
        case .fosterLongTerm: "Foster placement with other carers: long term"
        case .fosterAdopter: "Foster placement with other carers who are approved adopters"
        case .fosterOther: "Foster placement with other carers: other"
        case .other: "Other placement"
        }
    }
}

/// Who provides the placement (SSDA903 PLACE_PROVIDER).
public enum PlacementProvider: String, CodeList {
    case parents = "PR0", ownLA = "PR1", otherLA = "PR2", otherPublic = "PR3", privateProvider = "PR4", voluntary = "PR5"
    public static let listName = "placement-provider"
    public static let source = "DfE SSDA903: PLACE_PROVIDER"
    public var label: String {
        switch self {
        case .parents: "Parents or others with parental responsibility"
        case .ownLA: "The local authority's own provision"
        case .otherLA: "Another local authority's provision"
        case .otherPublic: "Other public provision"
        case .privateProvider: "Private provision"
        case .voluntary: "Voluntary or third sector provision"
        }
    }
}

/// Why a new care episode began (SSDA903 RNE).
public enum ReasonNewEpisode: String, CodeList {
    case started = "S", legalStatus = "L", placement = "P", placementT = "T", bothU = "U", bothB = "B"
    public static let listName = "reason-new-episode"
    public static let source = "DfE SSDA903: RNE"
    public var label: String {
        switch self {
        case .started: "Started to be looked after"
        case .legalStatus: "Change of legal status only"
        case .placement: "Change of placement only"
        case .placementT: "Change of placement only (code T)"
        case .bothU: "Change of legal status and placement (code U)"
        case .bothB: "Change of legal status and placement (code B)"
        }
    }
}

/// Why a care episode ended (SSDA903 REC).
public enum ReasonEpisodeEnded: String, CodeList {
    case continues = "X1", adoptedUnopposed = "E11", adoptedDispensed = "E12", died = "E2", otherLA = "E3"
    case homePlanned = "E4A", homeUnplanned = "E4B", leftToParents = "E13", childArrangements = "E41"
    case sgoFosterCarer = "E43", sgoOther = "E44", sgoFosterRelative = "E45", sgoFosterOther = "E46", sgoCarerRelative = "E47", sgoCarerOther = "E48"
    case supportedLiving = "E5", unsupportedLiving = "E6", adultCare = "E7", custody = "E9", remandEnded = "E14"
    case agedOver18 = "E15", movedAbroad = "E16", stayingPut = "E17", otherReason = "E8"
    public static let listName = "reason-episode-ended"
    public static let source = "DfE SSDA903: REC (codes of 2016-17 to 2023-24)"
    public var label: String {
        switch self {
        case .continues: "Episode ended and a new one began the same day"
        case .adoptedUnopposed: "Adopted (unopposed)"
        case .adoptedDispensed: "Adopted (consent dispensed with)"
        case .died: "Died"
        case .otherLA: "Care taken over by another local authority"
        case .homePlanned: "Returned home as part of the care plan"
        case .homeUnplanned: "Returned home, not as part of the care plan"
        case .leftToParents: "Left care to live with parents or relatives without parental responsibility"
        case .childArrangements: "Residence or child arrangements order"
        case .sgoFosterCarer: "Special guardianship order to former foster carers (until 2017-18)"
        case .sgoOther: "Special guardianship order to other carers (until 2017-18)"
        case .sgoFosterRelative: "Special guardianship order to former foster carers who are relatives or friends"
        case .sgoFosterOther: "Special guardianship order to other former foster carers"
        case .sgoCarerRelative: "Special guardianship order to relatives or friends"
        case .sgoCarerOther: "Special guardianship order to other carers"
        case .supportedLiving: "Independent living with support"
        case .unsupportedLiving: "Independent living without formal support"
        case .adultCare: "Transferred to adult social care"
        case .custody: "Sentenced to custody"
        case .remandEnded: "Remand ended"
        case .agedOver18: "Age assessed as 18 or over"
        case .movedAbroad: "Moved abroad"
        case .stayingPut: "Aged 18 and stayed with carers (staying put)"
        case .otherReason: "Ceased for any other reason"
        }
    }
}

/// Why a placement changed (SSDA903 REASON_PLACE_CHANGE).
public enum ReasonPlaceChange: String, CodeList {
    case carePlan = "CARPL", closure = "CLOSE", allegation = "ALLEG", standards = "STAND", approvalRemoved = "APPRR"
    case carerBehaviour = "CREQB", carerOther = "CREQO", childRequest = "CHILD", laRequest = "LAREQ", statusOnly = "PLACE"
    case custody = "CUSTOD", other = "OTHER"
    public static let listName = "reason-place-change"
    public static let source = "DfE SSDA903: REASON_PLACE_CHANGE"
    public var label: String {
        switch self {
        case .carePlan: "Change to the care plan"
        case .closure: "Provider resigned or closed"
        case .allegation: "Allegation (section 47)"
        case .standards: "Concern about standards of care"
        case .approvalRemoved: "Carer's approval removed"
        case .carerBehaviour: "Carer asked for it to end because of the child's behaviour"
        case .carerOther: "Carer asked for it to end for another reason"
        case .childRequest: "The child asked for it to end"
        case .laRequest: "The local authority asked for it to end"
        case .statusOnly: "Change in the placement's status only"
        case .custody: "Custody arrangement"
        case .other: "Other"
        }
    }
}

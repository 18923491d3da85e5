/// Sex as recorded in DfE returns from 2024-25 (CIN census and SSDA903: M, F, U).
public enum Sex: String, CodeList {
    case male = "M", female = "F", unknown = "U"
    public static let listName = "sex"
    public static let source = "DfE CIN census / SSDA903 from 2024-25"
    public var label: String {
        switch self {
        case .male: "Male"
        case .female: "Female"
        case .unknown: "Not known or not recorded"
        }
    }
}

/// DfE ethnicity codes (the 4-letter extended codes of the school census and CIN census).
public enum Ethnicity: String, CodeList {
    case WBRI, WIRI, WIRT, WOTH, WROM, MWBC, MWBA, MWAS, MOTH, AIND, APKN, ABAN, AOTH, BCRB, BAFR, BOTH, CHNE, OOTH, REFU, NOBT
    public static let listName = "ethnicity"
    public static let source = "DfE ethnicity codes (CIN census, school census)"
    public var label: String {
        switch self {
        case .WBRI: "White British"
        case .WIRI: "White Irish"
        case .WIRT: "Traveller of Irish heritage"
        case .WOTH: "Any other White background"
        case .WROM: "Gypsy/Roma"
        case .MWBC: "White and Black Caribbean"
        case .MWBA: "White and Black African"
        case .MWAS: "White and Asian"
        case .MOTH: "Any other mixed background"
        case .AIND: "Indian"
        case .APKN: "Pakistani"
        case .ABAN: "Bangladeshi"
        case .AOTH: "Any other Asian background"
        case .BCRB: "Black Caribbean"
        case .BAFR: "Black African"
        case .BOTH: "Any other Black background"
        case .CHNE: "Chinese"
        case .OOTH: "Any other ethnic group"
        case .REFU: "Refused"
        case .NOBT: "Information not yet obtained"
        }
    }

    /// The ONS/DfE major group the code belongs to, used for breakdowns.
    public var group: String {
        switch self {
        case .WBRI, .WIRI, .WIRT, .WOTH, .WROM: "White"
        case .MWBC, .MWBA, .MWAS, .MOTH: "Mixed or multiple ethnic groups"
        case .AIND, .APKN, .ABAN, .AOTH, .CHNE: "Asian or Asian British"
        case .BCRB, .BAFR, .BOTH: "Black, Black British, Caribbean or African"
        case .OOTH: "Other ethnic group"
        case .REFU, .NOBT: "Not known"
        }
    }
}

/// Special educational needs provision, as in the school census (N no SEN, K SEN support, E EHC plan).
public enum SENDProvision: String, CodeList {
    case none = "N", senSupport = "K", ehcPlan = "E"
    public static let listName = "send-provision"
    public static let source = "DfE school census SEN provision codes"
    public var label: String {
        switch self {
        case .none: "No special educational need"
        case .senSupport: "SEN support"
        case .ehcPlan: "Education, health and care plan"
        }
    }
}

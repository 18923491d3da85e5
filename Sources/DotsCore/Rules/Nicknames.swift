/// Common English diminutives and the formal first name they stand for (upper case, letters only).
/// The generator uses them to vary names across agencies; linkage uses them to bring variants together.
public enum Nicknames {
    public static let formalName: [String: String] = {
        let groups: [String: [String]] = [
            "WILLIAM": ["WILL", "BILL", "BILLY", "LIAM", "WILLS"], "ALEXANDER": ["ALEX", "XANDER", "SANDY"],
            "ELIZABETH": ["BETH", "LIZ", "LIZZIE", "ELIZA", "BETTY"], "CHRISTOPHER": ["CHRIS", "KIT"],
            "JOSEPH": ["JOE", "JOEY"], "SAMUEL": ["SAM", "SAMMY"], "THOMAS": ["TOM", "TOMMY"], "DANIEL": ["DAN", "DANNY"],
            "MATTHEW": ["MATT"], "BENJAMIN": ["BEN", "BENNY"], "JAMES": ["JIM", "JIMMY", "JAMIE"], "NATHANIEL": ["NATHAN", "NATE"],
            "JOSHUA": ["JOSH"], "MICHAEL": ["MIKE", "MICKY"], "ANTHONY": ["TONY"], "EDWARD": ["ED", "EDDIE", "TED"],
            "JONATHAN": ["JON", "JONNY"], "NICHOLAS": ["NICK", "NICKY"], "ROBERT": ["ROB", "BOB", "BOBBY", "ROBBIE"],
            "RICHARD": ["RICH", "RICKY"], "CHARLOTTE": ["CHARLIE", "LOTTIE"], "REBECCA": ["BECKY", "BECCA"],
            "JESSICA": ["JESS", "JESSIE"], "KATHERINE": ["KATE", "KATIE", "KAT"], "VICTORIA": ["VICKY", "TORI"],
            "ABIGAIL": ["ABBIE", "ABBY"], "SAMANTHA": ["SAM", "SAMMIE"], "ELEANOR": ["ELLIE", "NELL"], "ISABELLA": ["BELLA", "IZZY"],
            "GABRIELLA": ["GABBY", "ELLA"], "OLIVIA": ["LIV", "LIVVY"], "AMELIA": ["MILLIE", "AMY"], "MADISON": ["MADDIE"],
            "JACOB": ["JAKE"], "ZACHARY": ["ZACH", "ZAK"], "HARRISON": ["HARRY"], "HENRY": ["HARRY", "HAL"],
            "FREDERICK": ["FRED", "FREDDIE"], "THEODORE": ["THEO", "TEDDY"], "STEPHANIE": ["STEPH"], "NATALIE": ["NAT"],
            "DEMETRIUS": ["DEMI"], "MOHAMMED": ["MO"], "ABDULLAH": ["ABDUL"], "KIERAN": ["KIE"], "CALLUM": ["CAL"],
            "TYLER": ["TY"], "JAYDEN": ["JAY"], "LEWIS": ["LOU"], "SOPHIA": ["SOPH"], "SOPHIE": ["SOPH"],
        ]
        var m: [String: String] = [:]
        // Sorted, so a nickname shared by two names (Harry: Harrison, Henry) always maps to the same one.
        for formal in groups.keys.sorted() { for n in groups[formal]! where m[n] == nil { m[n] = formal } }
        return m
    }()

    /// Nicknames of a formal name.
    public static func nicknames(of formal: String) -> [String] {
        formalName.filter { $0.value == formal }.map(\.key).sorted()
    }
}

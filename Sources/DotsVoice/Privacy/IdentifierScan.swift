import DotsCore
import Foundation

/// Looks for what could identify a young person in free text before anyone beyond their agency reads it or it is
/// quoted: names, places, schools, dates, phone numbers, email addresses, postcodes and social media handles.
/// Built to over-find: a quote is refused until what it finds is taken out, and a false alarm costs an edit,
/// a miss could cost a child. Deterministic and explainable: every finding says what it is and why.
public struct IdentifierScan: Sendable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case name, place, school, date, phone, email, postcode, handle

        /// What replaces it in de-identified text.
        public var placeholder: String { "[\(rawValue)]" }
    }

    public struct Finding: Sendable, Equatable, Codable {
        public var kind: Kind
        public var text: String
        /// Character offsets in the scanned text.
        public var start: Int
        public var end: Int
        public var why: String
    }

    /// Extra names and places to look for (a partnership's own list of schools, estates, streets).
    public var extraNames: Set<String>
    public var extraPlaces: Set<String>

    public init(extraNames: Set<String> = [], extraPlaces: Set<String> = []) {
        self.extraNames = Set(extraNames.map { $0.lowercased() })
        self.extraPlaces = Set(extraPlaces.map { $0.lowercased() })
    }

    public func scan(_ text: String) -> [Finding] {
        var found: [Finding] = []
        let ns = text as NSString
        func add(_ kind: Kind, _ r: NSRange, _ why: String) {
            // Offsets in characters, not UTF-16 units, so they mean the same to every reader.
            guard let range = Range(r, in: text) else { return }
            let start = text.distance(from: text.startIndex, to: range.lowerBound)
            let end = start + text[range].count
            guard !found.contains(where: { $0.start < end && start < $0.end }) else { return }
            found.append(Finding(kind: kind, text: ns.substring(with: r), start: start, end: end, why: why))
        }
        let whole = NSRange(location: 0, length: ns.length)
        for (kind, regex, why) in Self.patterns {
            for m in regex.matches(in: text, range: whole) { add(kind, m.range, why) }
        }
        // Words: known names and places in any case; other capitalised words not starting a sentence are
        // probably names or places too.
        var previousEnd: Int? = nil
        for m in Self.word.matches(in: text, range: whole) {
            let w = ns.substring(with: m.range)
            let lower = w.lowercased()
            // A sentence starts at the beginning, or after . ! ? or a new line.
            let gap = previousEnd.map { ns.substring(with: NSRange(location: $0, length: m.range.location - $0)) }
            let sentenceStart = gap.map { $0.contains { ".!?\n".contains($0) } } ?? true
            previousEnd = m.range.location + m.range.length
            let capitalised = w.first?.isUppercase == true && w != "I" && !(w.count > 1 && w.allSatisfy(\.isUppercase))
            if Self.places.contains(lower) || extraPlaces.contains(lower) {
                if !Self.everydayWords.contains(lower) || capitalised { add(.place, m.range, "a place in the partnership's area") }
            } else if Self.names.contains(lower) || extraNames.contains(lower) {
                if !Self.everydayWords.contains(lower) || capitalised { add(.name, m.range, "a first name or surname") }
            } else if capitalised && !sentenceStart && !Self.commonCapitalised.contains(lower) {
                add(.name, m.range, "a capitalised word mid-sentence: probably a name or place")
            }
        }
        return found.sorted { $0.start < $1.start }
    }

    /// The text with every finding replaced by its placeholder ("[name]", "[place]", …).
    public func redact(_ text: String) -> String {
        var chars = Array(text)
        for f in scan(text).sorted(by: { $0.start > $1.start }) {
            chars.replaceSubrange(f.start..<f.end, with: Array(f.kind.placeholder))
        }
        return String(chars)
    }

    static func re(_ p: String, _ options: NSRegularExpression.Options = []) -> NSRegularExpression {
        try! NSRegularExpression(pattern: p, options: options)
    }

    static let months =
        "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
    static let patterns: [(Kind, NSRegularExpression, String)] = [
        (.email, re(#"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"#), "an email address"),
        (.handle, re(#"(?<![A-Za-z0-9])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?"#), "a social media handle"),
        (.phone, re(#"(?:\+44\s?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}"#), "a phone number"),
        (.postcode, re(#"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}\b"#, .caseInsensitive), "a postcode"),
        (.date, re(#"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b"#), "a date"),
        (.date, re(#"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"# + months + #"\b(?:\s+\d{4})?"#, .caseInsensitive), "a date"),
        (.date, re(#"\b"# + months + #"\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4})?"#, .caseInsensitive), "a date"),
        (
            .school,
            re(#"\b(?:[A-Z][\w'’-]*\s+){1,4}(?:School|Academy|College|Primary|High|Grammar|Sixth Form|PRU|Pupil Referral Unit)\b"#),
            "a school or college"
        ),
        (.school, re(#"\b(?:[A-Za-z][\w'’-]*\s+){1,2}(?:academy|high school|primary school)\b"#), "a school or college"),
    ]
    static let word = re(#"[\p{L}][\p{L}'’-]*"#)

    /// Capitalised words that name no one: family words, apps, days, months, faiths and languages.
    static let commonCapitalised: Set<String> = [
        "mum", "mom", "dad", "nan", "nana", "grandad", "grandma", "nanny", "auntie", "uncle", "sir", "miss", "mr", "mrs", "ms",
        "snapchat", "instagram", "tiktok", "whatsapp", "facebook", "youtube", "xbox", "playstation", "fortnite", "discord", "google",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter", "eid", "ramadan", "diwali",
        "english", "maths", "science", "muslim", "christian", "polish", "british", "god", "ok", "okay", "tv", "childline", "police",
    ]

    /// Places in and around Staffordshire and Stoke-on-Trent (districts, towns, Stoke's six towns).
    static let places: Set<String> = Set(
        [
            "stoke", "stoke-on-trent", "hanley", "burslem", "tunstall", "longton", "fenton", "meir", "bentilee", "stafford", "staffordshire",
            "cannock", "tamworth", "lichfield", "burton", "burton-upon-trent", "leek", "uttoxeter", "newcastle", "newcastle-under-lyme",
            "kidsgrove", "rugeley", "stone", "biddulph", "cheadle", "codsall", "wombourne", "perton", "penkridge", "hednesford", "burntwood",
            "kinver", "eccleshall", "audley", "silverdale", "chesterton", "etruria", "shelton", "birches head", "abbey hulton", "blurton",
            "trentham", "longport", "smallthorne", "norton", "werrington", "walsall", "wolverhampton", "birmingham", "derby", "crewe",
        ] + ReferenceGeography.all.map { $0.name.lowercased() })
    /// Names and places that are also everyday words: found only when capitalised.
    static let everydayWords: Set<String> = [
        "stone", "leek", "burton", "norton", "newcastle", "meir", "white", "green", "hall", "wood", "hill", "king", "ward", "brown", "baker",
        "shaw", "mills", "booth", "moore", "cooper", "turner", "walker", "wright", "jack", "amber", "ruby", "daisy", "jade", "grace", "will",
        "smith", "bailey", "bennett", "barker", "dixon", "lloyd", "morgan", "taylor", "harley", "max",
    ]

    /// Common first names and surnames in England. Names typed in lower case are found only through this list.
    static let names: Set<String> = [
        "oliver", "jack", "harry", "jacob", "charlie", "thomas", "george", "oscar", "james", "william", "noah", "alfie", "joshua", "muhammad",
        "mohammed", "leo", "archie", "ethan", "joseph", "freddie", "samuel", "alexander", "logan", "daniel", "isaac", "mason", "lucas",
        "edward", "harrison", "jake", "dylan", "riley", "finley", "theo", "sebastian", "adam", "zachary", "arthur", "toby", "jayden", "luke",
        "harley", "lewis", "tyler", "kieran", "callum", "matthew", "michael", "kai", "reggie", "tommy", "ronnie", "frankie", "bobby",
        "amelia", "olivia", "isla", "emily", "poppy", "ava", "isabella", "jessica", "lily", "sophie", "sophia", "mia", "evie", "ruby",
        "ella", "scarlett", "chloe", "sienna", "freya", "phoebe", "charlotte", "daisy", "alice", "florence", "millie", "ellie", "layla",
        "amber", "courtney", "shannon", "kayleigh", "jade", "chantelle", "leah", "megan", "lauren", "bethany", "kelsey", "tia", "aaliyah",
        "smith", "jones", "williams", "taylor", "brown", "davies", "evans", "wilson", "johnson", "roberts", "robinson", "wright", "walker",
        "thompson", "white", "hughes", "edwards", "green", "hall", "wood", "harris", "clarke", "jackson", "turner", "hill", "moore",
        "cooper", "ward", "morris", "king", "watson", "baker", "harrison", "morgan", "patel", "khan", "ali", "hussain", "begum", "shah",
        "kowalski", "nowak", "okafor", "mensah", "bailey", "bennett", "shaw", "lloyd", "dixon", "mills", "barker", "booth",
    ]
}

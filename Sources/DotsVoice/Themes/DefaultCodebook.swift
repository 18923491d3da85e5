/// The codebook a partnership starts from: the themes young people's feedback on extra-familial harm most often
/// raises (after the Bright Spots "4 Rs" and the Contextual Safeguarding contexts). Partnerships publish their own.
public enum DefaultCodebook {
    public static let themes: [Codebook.Theme] = [
        .init(
            id: "trusted-adult", name: "A trusted adult",
            definition: "Having, or not having, an adult they can talk to and rely on: a worker, carer, teacher, relative.",
            examples: ["My youth worker always picks up", "There is nobody I can talk to"],
            keywords: ["worker", "trust*", "talk to", "someone to talk", "rely on", "picks up", "mentor", "keyworker"]),
        .init(
            id: "listened-to", name: "Being listened to",
            definition: "Whether professionals heard them, explained decisions and acted on what they said.",
            examples: ["Nobody asked me what I wanted", "They listened and changed the plan"],
            keywords: ["listen*", "heard", "ignored", "asked me", "nobody asked", "my say", "explain*", "believe*"]),
        .init(
            id: "feeling-safe", name: "Feeling safe or unsafe",
            definition: "Feeling safe or afraid at home, in care, outside or online, and what makes the difference.",
            examples: ["I feel scared walking home", "I feel safer since I moved"],
            keywords: ["safe*", "unsafe", "scared", "afraid", "frighten*", "threat*", "danger*", "fear*"]),
        .init(
            id: "places", name: "Places and getting about",
            definition: "Parks, town centres, stations, buses, shops, estates: where harm happens or where they feel safe.",
            examples: ["The bus station at night", "The park by the shops"],
            keywords: ["park", "bus*", "station", "town", "shop*", "estate", "street*", "train*", "takeaway", "alley*"]),
        .init(
            id: "peers", name: "Friends and peers",
            definition: "Friendships, peer pressure, older young people, groups and gangs.",
            examples: ["Older lads kept asking me to hold stuff", "My friends helped me stay away"],
            keywords: ["friend*", "mates", "older lads", "older boys", "older girls", "gang*", "group", "peer*", "pressure*"]),
        .init(
            id: "online", name: "Online and phones",
            definition: "Social media, messaging, games and phones: contact, pressure or harm online.",
            examples: ["Someone kept messaging me on Snapchat", "They took my phone"],
            keywords: ["online", "snapchat", "instagram", "tiktok", "phone*", "messag*", "social media", "whatsapp", "game*"]),
        .init(
            id: "school", name: "School and education",
            definition: "School, college, exclusion, reduced timetables, learning and the adults there.",
            examples: ["Being excluded made it worse", "My teacher helped me catch up"],
            keywords: ["school*", "teacher*", "college", "exclu*", "lesson*", "timetable", "class*", "education"]),
        .init(
            id: "family-home", name: "Family and home",
            definition: "Parents, carers, brothers and sisters, home or placement, moving home or placement.",
            examples: ["Mum and me are getting on better", "I had to move placement again"],
            keywords: ["mum", "dad", "family", "home", "carer*", "foster*", "placement*", "brother*", "sister*", "nan"]),
        .init(
            id: "police", name: "Police",
            definition: "Contact with the police: being found, arrested, searched, or helped by them.",
            examples: ["The police treated me like a criminal", "The officer who found me was kind"],
            keywords: ["police", "officer*", "arrest*", "cell", "custody", "searched", "stop and search"]),
        .init(
            id: "money-drugs", name: "Money, drugs and debt",
            definition: "Being paid, owing money, drugs, being made to carry or sell.",
            examples: ["I owed them money", "They gave me free stuff at first"],
            keywords: ["money", "debt", "owe*", "drug*", "weed", "paid", "cash", "carry*", "sell*", "county lines"]),
        .init(
            id: "help-that-worked", name: "Help that worked",
            definition: "Support they valued: activities, a plan, someone who stuck with them, practical help.",
            examples: ["Boxing club got me out of the house", "The plan actually helped"],
            keywords: ["helped", "help*", "support*", "club", "activit*", "boxing", "football", "gym", "stuck with", "plan"]),
        .init(
            id: "changes-and-waiting", name: "Changes of worker and waiting",
            definition: "Too many workers, waiting for help, repeating their story, being passed between services.",
            examples: ["I have had five social workers", "I had to tell my story again"],
            keywords: ["new worker", "changed", "waiting", "wait*", "again and again", "too many", "story again", "passed", "no one came"]),
    ]
}

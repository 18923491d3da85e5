import Foundation

/// Invented words a young person, parent or carer might write or say about help, for the demo's voice records:
/// composed from fragments so they vary, in the registers young people use (short, informal, sometimes with a
/// name, a place or a number in them, which is what the identifier scan is for). Nothing here is a real quote.
public enum SynthVoiceText {
    public enum Kind: Sendable { case helped, worse, anythingElse }

    static let helped = [
        "my worker {name} always picks up when I ring", "boxing club on a Tuesday got me out of the house", "having the same worker for a whole year",
        "someone actually listened to me for once", "my foster carer sticks up for me", "the youth worker took me to football",
        "being moved away from the area", "my mum coming to the meetings with me", "the plan we made together", "getting back into school part time",
        "talking to someone who was not police", "my nan let me stay with her", "they helped me block people on my phone",
        "the lady at the return interview was kind and did not judge me", "they explained what would happen next", "the gym pass",
        "my teacher {name} checking in with me every morning", "knowing I can text my worker", "help with my debt so they stopped coming round",
    ]
    static let worse = [
        "having five different social workers", "telling my story again and again", "the police treated me like I was the criminal",
        "being kicked out of school", "older lads at the bus station keep asking me to hold stuff", "people messaging me on Snapchat all night",
        "waiting weeks for anyone to come", "being moved placement again", "nobody asked me what I wanted", "getting arrested when I was the one scared",
        "meetings about me without me", "they told my mum things I said in private", "I owed money and nobody believed me",
        "being found and taken back without anyone asking why I left", "the park near {place} at night", "my phone got taken and then they had my number",
    ]
    static let anythingElse = [
        "I want one person who stays", "please stop asking the same questions", "I feel safer now than before", "I do not trust anyone yet",
        "I want to go back to college", "it is better at home now", "I just want to be normal", "can we meet somewhere that is not the office",
        "I still see them around {place}", "ring me on {phone} not my mum", "thank you for not giving up on me", "I want to do my CSCS card",
    ]
    static let names = ["Jordan", "Kayleigh", "Dev", "Sam", "Miss Patel", "Aisha", "Tyler", "Lewis"]
    static let places = ["Hanley", "Burslem", "Cannock", "Tamworth", "Leek", "Longton", "Stafford", "Burton"]

    /// One or two fragments, sometimes run together, sometimes tidied.
    public static func make<G: RandomNumberGenerator>(_ kind: Kind, rng: inout G) -> String {
        let bank =
            switch kind {
            case .helped: helped
            case .worse: worse
            case .anythingElse: anythingElse
            }
        var parts = [bank.randomElement(using: &rng)!]
        if Int.random(in: 0..<3, using: &rng) == 0 { parts.append(bank.randomElement(using: &rng)!) }
        var text = parts.joined(separator: Int.random(in: 0..<2, using: &rng) == 0 ? " and " : ". ")
        text = text.replacingOccurrences(of: "{name}", with: names.randomElement(using: &rng)!)
        text = text.replacingOccurrences(of: "{place}", with: places.randomElement(using: &rng)!)
        text = text.replacingOccurrences(of: "{phone}", with: "07700 900" + String(Int.random(in: 100...999, using: &rng)))
        if Int.random(in: 0..<2, using: &rng) == 0 { text = text.prefix(1).uppercased() + text.dropFirst() + "." }
        return text
    }
}

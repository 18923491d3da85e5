import DotsCore

/// The standard forms, in the words a ten-year-old can read (Flesch reading ease checked by a test; see
/// docs/voice.md). Items follow the Bright Spots "4 Rs" (rights, relationships, resilience, recovery) where they
/// touch the partnership's questions: feeling safe, a trusted adult, being listened to, what helped.
enum DefaultForms {
    typealias O = FeedbackForm.Option
    typealias Item = FeedbackForm.Item

    static let consentOptions = [
        O(value: Consent.quote.rawValue, label: "Yes. You can share my words, but not my name."),
        O(value: Consent.aggregate.rawValue, label: "Only count my answers. Do not share my words."),
        O(value: Consent.recordOnly.rawValue, label: "Keep my words just for my worker."),
    ]

    /// "Do you feel safe?", with its last answer in the respondent's words.
    static func feelSafe(unsafe: String) -> [O] {
        [
            O(value: FeelSafe.yes.rawValue, label: "Yes"), O(value: FeelSafe.mostly.rawValue, label: "Most of the time"),
            O(value: FeelSafe.notReally.rawValue, label: "Not really"), O(value: FeelSafe.unsafeNow.rawValue, label: unsafe),
        ]
    }
    static let yesNo = [O(value: "Y", label: "Yes"), O(value: "N", label: "No")]
    static let listened = [
        O(value: ListenedTo.yes.rawValue, label: "Yes"), O(value: ListenedTo.sometimes.rawValue, label: "Sometimes"),
        O(value: ListenedTo.no.rawValue, label: "No"),
    ]

    static let contactOptions = [
        O(value: "text", label: "A text message"), O(value: "call", label: "A phone call"), O(value: "meet", label: "Meet me"),
        O(value: "none", label: "I do not want to be contacted"),
    ]

    static let whatHappens = [
        "Your worker will read what you tell us.",
        "We never put your name with your words.",
        "You choose if we can share your words. We only count your answers with lots of other people's.",
        "If you tell us you do not feel safe right now, we tell your worker straight away.",
    ]

    static let young8to11 = FeedbackForm(
        version: .young8to11, title: "Tell us how things are",
        intro: ["We want to know how things are for you.", "You can skip any question. You can save and come back later."],
        whatHappens: whatHappens,
        items: [
            Item(
                id: FeedbackForm.feelSafe, question: "Do you feel safe?", hint: nil,
                kind: .choice(feelSafe(unsafe: "No. I feel unsafe right now."))),
            Item(
                id: FeedbackForm.trustedAdult, question: "Is there a grown-up you trust?", hint: "Someone you can talk to when things go wrong.",
                kind: .choice(yesNo)),
            Item(
                id: FeedbackForm.listenedTo, question: "Do grown-ups listen to you?", hint: nil,
                kind: .choice(listened)),
            Item(id: FeedbackForm.whatHelped, question: "What has helped you?", hint: nil, kind: .text(limit: 2_000)),
            Item(id: FeedbackForm.whatWorse, question: "What has made things worse?", hint: nil, kind: .text(limit: 2_000)),
            Item(id: FeedbackForm.contact, question: "How do you want us to get in touch?", hint: nil, kind: .choice(contactOptions)),
            Item(id: FeedbackForm.anythingElse, question: "Is there anything else you want to tell us?", hint: nil, kind: .text(limit: 2_000)),
            Item(id: FeedbackForm.consent, question: "Can we share your words?", hint: "We never share your name.", kind: .choice(consentOptions)),
        ])

    static let young12to17 = FeedbackForm(
        version: .young12to17, title: "Tell us how things are going",
        intro: [
            "We want to hear what life is like for you, and what would make it better.",
            "Every question is optional. You can save your answers and come back later with the same code.",
        ],
        whatHappens: whatHappens,
        items: [
            Item(
                id: FeedbackForm.feelSafe, question: "Do you feel safe where you live and where you spend time?", hint: nil,
                kind: .choice(feelSafe(unsafe: "No. I feel unsafe right now."))),
            Item(
                id: FeedbackForm.trustedAdult, question: "Do you have an adult you trust?", hint: "Someone you can talk to when things are hard.",
                kind: .choice(yesNo)),
            Item(
                id: FeedbackForm.listenedTo, question: "Do the people working with you listen to you?", hint: nil,
                kind: .choice(listened)),
            Item(id: FeedbackForm.whatHelped, question: "What has helped you?", hint: nil, kind: .text(limit: 2_000)),
            Item(id: FeedbackForm.whatWorse, question: "What has made things worse?", hint: nil, kind: .text(limit: 2_000)),
            Item(id: FeedbackForm.contact, question: "How do you want us to get in touch?", hint: nil, kind: .choice(contactOptions)),
            Item(id: FeedbackForm.anythingElse, question: "Is there anything else you want us to know?", hint: nil, kind: .text(limit: 2_000)),
            Item(id: FeedbackForm.consent, question: "Can we share your words?", hint: "We never share your name.", kind: .choice(consentOptions)),
        ])

    static let parentCarer = FeedbackForm(
        version: .parentCarer, title: "Tell us how things are for your child and family",
        intro: [
            "We want to hear from parents and carers about the help your family gets.",
            "Every question is optional. You can save your answers and come back later with the same code.",
        ],
        whatHappens: [
            "The worker who gave you the code will read what you tell us.",
            "We never put your name or your child's name with your words.",
            "You choose if we can share your words. We only count your answers with lots of other people's.",
            "If you tell us your child is unsafe right now, we tell the worker straight away.",
        ],
        items: [
            Item(
                id: FeedbackForm.feelSafe, question: "Do you think your child is safe?", hint: nil,
                kind: .choice([
                    O(value: FeelSafe.yes.rawValue, label: "Yes"), O(value: FeelSafe.mostly.rawValue, label: "Most of the time"),
                    O(value: FeelSafe.notReally.rawValue, label: "Not really"),
                    O(value: FeelSafe.unsafeNow.rawValue, label: "No. My child is unsafe right now."),
                ])),
            Item(
                id: FeedbackForm.trustedAdult, question: "Does your child have an adult they trust?", hint: "Apart from you.",
                kind: .choice(yesNo)),
            Item(
                id: FeedbackForm.listenedTo, question: "Do the people working with your family listen to you?", hint: nil,
                kind: .choice(listened)),
            Item(id: FeedbackForm.whatHelped, question: "What has helped your child or your family?", hint: nil, kind: .text(limit: 2_000)),
            Item(id: FeedbackForm.whatWorse, question: "What has made things worse?", hint: nil, kind: .text(limit: 2_000)),
            Item(id: FeedbackForm.contact, question: "How do you want us to get in touch?", hint: nil, kind: .choice(contactOptions)),
            Item(id: FeedbackForm.anythingElse, question: "Is there anything else you want us to know?", hint: nil, kind: .text(limit: 2_000)),
            Item(id: FeedbackForm.consent, question: "Can we share your words?", hint: "We never share your name.", kind: .choice(consentOptions)),
        ])
}

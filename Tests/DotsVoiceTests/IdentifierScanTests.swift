import DotsCore
import Testing

@testable import DotsVoice

@Suite("Voice: the identifier scan and the quote gates")
struct IdentifierScanTests {
    let scan = IdentifierScan()

    func kinds(_ text: String) -> [IdentifierScan.Kind] { scan.scan(text).map(\.kind) }

    @Test("Finds each kind of identifier, with where it is")
    func findsEachKind() {
        let text = "Me and Jayden went to the park in Hanley on 12th March, call me on 07700 900123 or message @jay_s2."
        let f = scan.scan(text)
        #expect(f.map(\.kind) == [.name, .place, .date, .phone, .handle])
        #expect(f.map(\.text) == ["Jayden", "Hanley", "12th March", "07700 900123", "@jay_s2"])
        #expect(String(Array(text)[f[0].start..<f[0].end]) == "Jayden")
        #expect(kinds("I live near ST4 1AB with my nan") == [.postcode])
        #expect(kinds("email me at someone.young@example.org please") == [.email])
        #expect(kinds("it happened on 03/11/2025 after school") == [.date])
        #expect(kinds("I got kicked out of Blurton High School last year") == [.school])
        #expect(kinds("they kept me back at st margaret's academy") == [.school])
    }

    @Test("Names typed in lower case are found from the list; everyday words only when capitalised")
    func lowerCase() {
        #expect(kinds("me and jayden and chloe went out") == [.name, .name])
        #expect(kinds("the grass was green and the stone wall was cold").isEmpty)
        #expect(kinds("We went to Stone on the bus") == [.place])
    }

    @Test("Nothing found in words that identify no one, including sentence starts and family words")
    func noFalseAlarmsOnPlainText() {
        #expect(kinds("I feel safer now. My worker helped me a lot. Mum and Dad listen more.").isEmpty)
        #expect(kinds("Nobody listened to me on Snapchat or at Christmas.").isEmpty)
        #expect(kinds("My worker [name] helped me at [school].").isEmpty)
    }

    /// Synthetic sentences built from invented names, places and schools the scan's own lists do not hold (as a
    /// young person would write them, capitalised): every one is found.
    @Test(
        "A corpus of synthetic names, places and schools is found in sentences",
        arguments: [
            ("My worker Marguerite helped me loads", "Marguerite"),
            ("I stayed at Zephyrine's house for a week", "Zephyrine's"),
            ("we hung about near Oakhollow Rec every night", "Oakhollow"),
            ("They picked me up outside Brindlecombe Academy", "Brindlecombe Academy"),
            ("I told Mr Quillfeather at Tallowmere Primary", "Quillfeather"),
            ("He said his name was Dex from Wexbury", "Dex"),
        ])
    func syntheticCorpus(sentence: String, identifier: String) {
        let found = scan.scan(sentence).map(\.text)
        #expect(found.contains { $0.contains(identifier) || identifier.contains($0) }, "\(sentence): found \(found)")
        #expect(!scan.redact(sentence).contains(identifier))
    }

    @Test("Redaction replaces every finding with its placeholder, and the result scans clean")
    func redaction() {
        let text = "Jayden said 07700 900123 is his number, we live in Meir."
        let r = scan.redact(text)
        #expect(r == "[name] said [phone] is his number, we live in [place].")
        #expect(scan.scan(r).isEmpty)
        #expect(scan.redact("") == "")
        // Unicode names keep their offsets right.
        #expect(scan.redact("I talked to Seán and Zoë about it") == "I talked to [name] and [name] about it")
    }

    func record(_ consent: Consent) -> VoiceRecord {
        VoiceRecord(
            id: "v1", agencyID: "staffs-csc", personID: "P1", partnership: "staffs-scp", date: CalendarDate(year: 2025, month: 6, day: 1)!,
            source: .returnInterview, respondent: .youngPerson, formVersion: nil,
            answers: FeedbackAnswers(texts: ["what_helped": "Me and Jayden went to the park, my worker Sam stuck with me and it helped."]), consent: consent,
            recordedBy: "p", recordedByAccount: "p", recordedAt: Instant(seconds: 0))
    }

    func quote(_ text: String) -> QuoteRequest {
        QuoteRequest(
            id: "q1", recordID: "v1", item: "what_helped", text: text, attribution: "A young person", partnership: "staffs-scp", period: "2025-26",
            theme: nil, proposedBy: "a", proposedByAccount: "a", proposedAt: Instant(seconds: 0))
    }

    @Test("A quote passes only with consent, a clean scan, their own words, a big enough group and approval")
    func quoteGates() {
        let original = record(.quote).answers.texts["what_helped"]!
        let good = quote("my worker [name] stuck with me and it helped")
        func passed(_ q: QuoteRequest, _ r: VoiceRecord, group: Int = 12, approved: Bool = true) -> [Bool] {
            QuoteRules.gates(q, record: r, original: original, groupSize: group, minimumGroup: 10, scan: scan, approved: approved).map(\.passed)
        }
        #expect(passed(good, record(.quote)) == [true, true, true, true, true])
        #expect(passed(good, record(.aggregate)) == [false, true, true, true, true])
        #expect(passed(quote("my worker Sam stuck with me and it helped"), record(.quote)) == [true, false, true, true, true])
        #expect(passed(quote("my worker [name] was brilliant"), record(.quote)) == [true, true, false, true, true])
        #expect(passed(good, record(.quote), group: 9) == [true, true, true, false, true])
        #expect(passed(good, record(.quote), approved: false) == [true, true, true, true, false])
        #expect(QuoteRules.isExcerpt("Me and [name] went to the park … it helped", of: original))
        #expect(!QuoteRules.isExcerpt("it helped … Me and [name] went to the park", of: original))
        #expect(!QuoteRules.isExcerpt("[name]", of: original))
    }
}

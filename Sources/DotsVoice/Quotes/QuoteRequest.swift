import DotsCore
import Foundation

/// A proposal to quote a young person's or family's words in partnership reports. It is published only when
/// every gate holds: they consented to quoting, the identifier scan finds nothing in the words as they will
/// appear, the words are theirs (only cut, never reworded), a second person approved, and enough people gave
/// feedback in the partnership and period that one voice cannot be picked out.
public struct QuoteRequest: Sendable, Codable, Equatable, Identifiable {
    public enum State: String, Sendable, Codable {
        case awaitingApproval = "awaiting-approval", approved, refused, withdrawn
    }

    public var id: String
    public var recordID: String
    public var item: String
    /// The words as they will appear: an excerpt, with anything identifying replaced by a placeholder ("[name]").
    public var text: String
    /// Who said it, in words that identify no one: "A young person, 12-17".
    public var attribution: String
    public var partnership: String
    /// The financial year the feedback falls in ("2025-26"): the group a quote speaks for.
    public var period: String
    public var theme: String?
    public var proposedBy: String
    public var proposedByAccount: String?
    public var proposedAt: Instant
    public var state: State
    public var reviewedBy: String?
    public var reviewedAt: Instant?
    public var reviewNote: String?

    public init(
        id: String, recordID: String, item: String, text: String, attribution: String, partnership: String, period: String, theme: String?,
        proposedBy: String, proposedByAccount: String?, proposedAt: Instant
    ) {
        self.id = id
        self.recordID = recordID
        self.item = item
        self.text = text
        self.attribution = attribution
        self.partnership = partnership
        self.period = period
        self.theme = theme
        self.proposedBy = proposedBy
        self.proposedByAccount = proposedByAccount
        self.proposedAt = proposedAt
        self.state = .awaitingApproval
    }
}

/// The gates a quote passes before it can be approved, and again before it is published.
public enum QuoteRules {
    public struct Gate: Sendable, Equatable {
        public var name: String
        public var passed: Bool
        public var detail: String
    }

    /// Every gate, passed or not, in the order a reader checks them.
    public static func gates(
        _ q: QuoteRequest, record: VoiceRecord, original: String, groupSize: Int, minimumGroup: Int, scan: IdentifierScan, approved: Bool
    ) -> [Gate] {
        let findings = scan.scan(q.text)
        return [
            Gate(
                name: "Consent", passed: record.consent == .quote,
                detail: record.consent == .quote
                    ? "They said their words may be shared without their name." : "They did not agree to be quoted (\(record.consent.label.lowercased()))."),
            Gate(
                name: "Identifier scan", passed: findings.isEmpty,
                detail: findings.isEmpty
                    ? "Nothing identifying found."
                    : "Found: " + findings.map { "\"\($0.text)\" (\($0.why))" }.joined(separator: "; ") + ". Replace each with a placeholder such as [name]."),
            Gate(
                name: "Their own words", passed: isExcerpt(q.text, of: original),
                detail: isExcerpt(q.text, of: original)
                    ? "An excerpt of what they said, with identifiers replaced." : "The quote must be their words: cut and replace identifiers, never reword."),
            Gate(
                name: "Group size", passed: groupSize >= minimumGroup,
                detail:
                    "\(groupSize >= minimumGroup ? "At least" : "Fewer than") \(minimumGroup) young people gave feedback in \(q.period) (the partnership's minimum)."
            ),
            Gate(
                name: "Second person's approval", passed: approved,
                detail: approved ? "Approved by \(q.reviewedBy ?? "a second person")." : "Someone other than the person who proposed it must approve it."),
        ]
    }

    /// The quote is the original with parts cut ("…", "...") or replaced by placeholders: every other fragment
    /// appears in the original, in order.
    public static func isExcerpt(_ quote: String, of original: String) -> Bool {
        let placeholders = IdentifierScan.Kind.allCases.map(\.placeholder) + ["…", "..."]
        var fragments = [quote]
        for p in placeholders { fragments = fragments.flatMap { $0.components(separatedBy: p) } }
        let pieces = fragments.map { normalise($0) }.filter { !$0.isEmpty }
        guard !pieces.isEmpty else { return false }
        var rest = normalise(original)[...]
        for piece in pieces {
            guard let r = rest.range(of: piece) else { return false }
            rest = rest[r.upperBound...]
        }
        return true
    }

    static func normalise(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
    }
}

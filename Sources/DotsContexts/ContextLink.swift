import DotsCore

/// A young person linked to a context, after Leeds' peer-mapping protocol: where the information came from, how
/// reliable it is, why linking this child is proportionate, and a date by which it is reviewed or it lapses. An
/// association is not a fact: a link lapses unless someone reviews it.
public struct ContextLink: Sendable, Codable, Equatable, Identifiable {
    /// How far the information behind the link can be relied on.
    public typealias Reliability = ContextLinkReliability

    public enum Status: String, Sendable, Equatable {
        case current, lapsed, ended
    }

    public var id: String
    public var contextID: String
    /// The partnership person id: the young person across agencies, never an agency's own id.
    public var personID: String
    /// Where the information came from.
    public var source: String
    public var reliability: Reliability
    /// Why linking this young person to the context is necessary and proportionate.
    public var proportionality: String
    public var linkedOn: CalendarDate
    public var linkedBy: String
    /// After this day an unreviewed link lapses.
    public var reviewBy: CalendarDate
    public var reviewedOn: CalendarDate?
    /// Ended by a practitioner (no longer thought to hold), on this day.
    public var endedOn: CalendarDate?
    /// Spells when the link did not hold (it lapsed unreviewed, or was ended) before a review renewed it, first day to
    /// last, oldest first: kept so that what was true on an earlier day stays true in the framework's counts. Nil for
    /// links never renewed (and for links stored before spells were kept).
    public var gaps: [DateRange]?

    public init(
        id: String, contextID: String, personID: String, source: String, reliability: Reliability, proportionality: String, linkedOn: CalendarDate,
        linkedBy: String, reviewBy: CalendarDate
    ) {
        self.id = id
        self.contextID = contextID
        self.personID = personID
        self.source = source
        self.reliability = reliability
        self.proportionality = proportionality
        self.linkedOn = linkedOn
        self.linkedBy = linkedBy
        self.reviewBy = reviewBy
    }

    public func status(on today: CalendarDate) -> Status {
        if endedOn != nil { return .ended }
        return today > reviewBy ? .lapsed : .current
    }

    /// Renews the link on `today` until `reviewBy`: a link that had lapsed or been ended keeps the spell it did not
    /// hold, from the day it stopped to the day before this review (none when reviewed on the day it stopped).
    public mutating func renew(on today: CalendarDate, until reviewBy: CalendarDate) {
        let stopped = endedOn ?? (today > self.reviewBy ? self.reviewBy.adding(days: 1) : nil)
        if let stopped, stopped < today {
            gaps = (gaps ?? []) + [DateRange(from: stopped, to: today.adding(days: -1))]
        }
        self.reviewBy = reviewBy
        reviewedOn = today
        endedOn = nil
    }

    /// The longest a link may go unreviewed: three months, as peer and context assessments are reviewed.
    public static let longestReview = 92
}

/// A safeguarding partnership, or a sub-group that spans partnerships, and the areas and agencies in it over time.
public struct Partnership: Hashable, Sendable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable {
        /// A statutory Safeguarding Children Partnership (Working Together 2023).
        case safeguardingPartnership = "safeguarding-partnership"
        /// A sub-group that spans partnerships, such as a joint child exploitation sub-group.
        case subGroup = "sub-group"
    }

    /// An area or agency belonging to the partnership for a stretch of time.
    public struct Membership: Hashable, Sendable, Codable {
        public let id: String
        public let valid: DateRange
        public init(_ id: String, _ valid: DateRange) {
            self.id = id
            self.valid = valid
        }
    }

    public let id: String
    public let name: String
    public let kind: Kind
    public let valid: DateRange
    public let areas: [Membership]
    public let agencies: [Membership]

    public init(id: String, name: String, kind: Kind, valid: DateRange, areas: [Membership], agencies: [Membership]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.valid = valid
        self.areas = areas
        self.agencies = agencies
    }

    /// ONS codes of the areas that belonged on `date`.
    public func areaCodes(on date: CalendarDate) -> [String] {
        guard valid.contains(date) else { return [] }
        return areas.filter { $0.valid.contains(date) }.map(\.id)
    }

    /// Agency ids that belonged on `date`.
    public func agencyIDs(on date: CalendarDate) -> [String] {
        guard valid.contains(date) else { return [] }
        return agencies.filter { $0.valid.contains(date) }.map(\.id)
    }
}

extension [Partnership] {
    /// The order a reader wants to choose from: those in force on `date`, widest first, then those that have
    /// ended, most recent first. The first is the sensible default.
    public func forChoosing(on date: CalendarDate) -> [Partnership] {
        let current = filter { $0.valid.contains(date) }.sorted { ($0.areaCodes(on: date).count, $1.id) > ($1.areaCodes(on: date).count, $0.id) }
        let ended = filter { !$0.valid.contains(date) }.sorted { ($0.valid.end ?? date) > ($1.valid.end ?? date) }
        return current + ended
    }
}

/// The whole shape of a partnership landscape: its areas, agencies and partnerships over time.
public struct PartnershipModel: Sendable, Codable {
    public let areas: [Area]
    public let agencies: [Agency]
    public let partnerships: [Partnership]

    public init(areas: [Area], agencies: [Agency], partnerships: [Partnership]) {
        self.areas = areas
        self.agencies = agencies
        self.partnerships = partnerships
    }

    public func agency(id: String) -> Agency? { agencies.first { $0.id == id } }
    /// An agency's name for people to read, or its id when the model does not know it.
    public func agencyName(_ id: String) -> String { agency(id: id)?.name ?? id }
    public func partnership(id: String) -> Partnership? { partnerships.first { $0.id == id } }

    /// Partnerships an agency belonged to on `date`.
    public func partnerships(ofAgency id: String, on date: CalendarDate) -> [Partnership] {
        partnerships.filter { $0.agencyIDs(on: date).contains(id) }
    }
}

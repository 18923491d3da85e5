import DotsCore
import DotsFramework
import DotsGeography
import DotsStore

/// The places around young people, for every role that reads the framework: the police's street-level crime and
/// stop and search (data.police.uk), counted by district over the latest twelve months held. They describe places,
/// never a child. Counts from 1 to the framework's threshold are hidden like any published figure, so no area is
/// shown below the minimum group size.
public struct PlacesService: Sendable {
    let store: HubStore
    let spec: FrameworkSpec

    public init(store: HubStore, spec: FrameworkSpec) {
        self.store = store
        self.spec = spec
    }

    public typealias Count = PublishedCount

    /// One district's figures.
    public struct District: Sendable {
        public let area: Area
        /// Crimes by data.police.uk category, every category present (0 where none).
        public let crimes: [PoliceCrimeType: Count]
        /// Searches of children (under 10 and 10 to 17), how many found what was searched for, how many ended in arrest.
        public let childSearches: Count
        public let childFound: Count
        public let childArrests: Count
        /// Searches of people of every age.
        public let searches: Count
        /// Searches of 10 to 17 year olds, and per 10,000 children of that age living in the district (ONS mid-year
        /// estimates, `PopulationEstimates.onsMid2020`); the rate is nil where the count is hidden (the population is
        /// published, so a rate would give the count away) or there is no estimate.
        public let searchesAged10To17: Count
        public let ratePer10kAged10To17: Double?
    }

    public struct Context: Sendable {
        /// The months the crime figures cover, nil when no street-level crime is held.
        public let crimeMonths: (first: CalendarDate, last: CalendarDate)?
        public let stopMonths: (first: CalendarDate, last: CalendarDate)?
        public let districts: [District]
        public let threshold: Int
    }

    /// The denominators of the search rates: the same ONS estimates as the framework's rates per 10,000 children.
    public static let population = PopulationEstimates.onsMid2020

    /// Children's age ranges in data.police.uk's stop and search.
    static let childAges: Set<String> = [SearchAgeRange.under10.rawValue, SearchAgeRange.from10To17.rawValue]

    public func context(by caller: Caller) async throws -> Context {
        try caller.require(.viewFramework)
        let threshold = spec.disclosure.applied.threshold
        func count(_ n: Int) -> Count { Count(n, threshold: threshold) }
        let crimeMonths = try await latestYear(.areaCrime)
        let stopMonths = try await latestYear(.areaStops)
        var crimes: [(area: String, type: String, crimes: Int)] = []
        if let m = crimeMonths { crimes = try await store.areaCrimeTotals(from: m.first, to: m.last) }
        var stops: [(area: String, age: String, searches: Int, found: Int, arrests: Int)] = []
        if let m = stopMonths { stops = try await store.areaStopTotals(from: m.first, to: m.last) }
        let districts = ReferenceGeography.localAreas.map { area -> District in
            var byType: [PoliceCrimeType: Count] = [:]
            for type in PoliceCrimeType.allCases {
                let rows = crimes.filter { $0.area == area.code && $0.type == type.rawValue }
                byType[type] = count(rows.map(\.crimes).reduce(0, +))
            }
            let here = stops.filter { $0.area == area.code }
            let children = here.filter { Self.childAges.contains($0.age) }
            let searches: Int = children.map(\.searches).reduce(0, +)
            let found: Int = children.map(\.found).reduce(0, +)
            let arrests: Int = children.map(\.arrests).reduce(0, +)
            let all: Int = here.map(\.searches).reduce(0, +)
            let aged10To17 = count(here.filter { $0.age == SearchAgeRange.from10To17.rawValue }.map(\.searches).reduce(0, +))
            let residents = Self.population.children(in: [area.code], ages: 10...17)
            let rate = aged10To17.shown.flatMap { n in residents.flatMap { $0 > 0 ? Double(n) * 10_000 / Double($0) : nil } }
            return District(
                area: area, crimes: byType, childSearches: count(searches), childFound: count(found), childArrests: count(arrests), searches: count(all),
                searchesAged10To17: aged10To17, ratePer10kAged10To17: rate)
        }
        return Context(crimeMonths: crimeMonths, stopMonths: stopMonths, districts: districts, threshold: threshold)
    }

    /// The latest twelve months a dataset holds (fewer when it holds fewer).
    func latestYear(_ dataset: Dataset) async throws -> (first: CalendarDate, last: CalendarDate)? {
        guard let held = try await store.areaMonths(dataset) else { return nil }
        return (max(held.first, held.last.adding(months: -11)), held.last)
    }

    /// Street-level crime of one type by LSOA within a district, over the same twelve months, when the partnership
    /// has imported LSOA boundaries (`dots geography import`); nil otherwise. Counts as published.
    public struct Finer: Sendable {
        public let district: Area
        public let boundaries: BoundarySet
        public let crimes: [String: Count]
    }

    public func finer(district code: String, type: PoliceCrimeType, by caller: Caller) async throws -> Finer? {
        try caller.require(.viewFramework)
        guard let district = ReferenceGeography.localAreas.first(where: { $0.code == code }), let months = try await latestYear(.areaCrime) else { return nil }
        guard let boundaries = try await lsoaBoundaries(district: code, by: caller) else { return nil }
        let threshold = spec.disclosure.applied.threshold
        let counts = try await store.areaCrimeByLSOA(district: code, type: type.rawValue, from: months.first, to: months.last)
        var crimes: [String: Count] = [:]
        for b in boundaries.boundaries {
            let n = counts[b.code] ?? 0
            crimes[b.code] = Count(n, threshold: threshold)
        }
        return Finer(district: district, boundaries: boundaries, crimes: crimes)
    }

    /// The imported LSOA boundaries of one district (with the attribution they were imported with), for maps of
    /// street-level crime and of the framework's figures by LSOA; nil when there are none.
    public func lsoaBoundaries(district code: String, by caller: Caller) async throws -> BoundarySet? {
        try caller.require(.viewFramework)
        let stored = try await store.boundaries(level: .lsoa, within: code)
        guard let first = stored.first else { return nil }
        return BoundarySet(stored.map { Boundary(code: $0.code, name: $0.name, coordinates: $0.coordinates) }, attribution: first.attribution)
    }

    /// The districts with imported LSOA boundaries.
    public func districtsWithFinerAreas() async throws -> [Area] {
        let held = Set(try await store.boundaryCodes(level: .lsoa).map(\.district))
        return ReferenceGeography.localAreas.filter { held.contains($0.code) }
    }
}

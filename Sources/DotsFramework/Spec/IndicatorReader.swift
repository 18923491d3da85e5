import DotsCore
import Yams

/// Reads one indicator, checking its dataset, filters and measure against the dataset's schema.
struct IndicatorReader {
    let r: Reader
    static let keys: Set<String> = ["id", "title", "definition", "dataset", "where", "measure", "periods", "breakdowns", "polarity", "target"]

    func read(_ node: Node, _ path: String, _ ids: inout Set<String>) -> IndicatorSpec? {
        guard let m = r.mapping(node, path, allowed: Self.keys) else { return nil }
        let id = r.identifier(m, path, &ids)
        let title = r.string(m, "title", path)
        let definition = r.string(m, "definition", path)
        var dataset: Dataset?
        if let name = r.string(m, "dataset", path) {
            dataset = Dataset(rawValue: name)
            let counted = Dataset.allCases.filter(\.isCounted).map(\.rawValue).joined(separator: ", ")
            if dataset == nil {
                r.problem(m["dataset"]!, "\(path).dataset", "\(name) is not a dataset", "use one of: " + counted)
            } else if dataset?.isCounted == false {
                // Indicators count children and their events; an area-level dataset is context beside them.
                r.problem(m["dataset"]!, "\(path).dataset", "\(name) is about places, not people, so no indicator can count it", "use one of: " + counted)
                dataset = nil
            }
        }
        let filters = dataset.map { ds in m["where"].map { filtersOf($0, ds, "\(path).where") } ?? [] } ?? []
        if let dataset, !dataset.isAboutPeople, filters.contains(where: { if case .age = $0 { true } else { false } }) {
            r.problem(m["where"]!, "\(path).where.age", "\(dataset.rawValue) records no one's age", "leave age out of where:")
        }
        let measure = dataset.flatMap { ds in m["measure"].flatMap { measureOf($0, ds, "\(path).measure") } }
        if m["measure"] == nil {
            r.problem(m.node, path, "measure is missing", "add measure: people (or events, rate, percentage, duration, within, repeats, snapshot, overlap)")
        }
        let periods = m["periods"].map { enums($0, "\(path).periods", PeriodKind.self) } ?? [.quarter, .financialYear]
        let breakdowns = m["breakdowns"].map { enums($0, "\(path).breakdowns", Breakdown.self) } ?? []
        // An LSOA's figure is protected against its district's: the two must be in the same indicator for disclosure
        // control to see that the district's LSOAs add up to it.
        if breakdowns.contains(.lsoa), !breakdowns.contains(.district), let b = m["breakdowns"] {
            r.problem(b, "\(path).breakdowns", "lsoa is listed without district", "list district too: LSOAs are counted within their districts")
        }
        if breakdowns.contains(.lsoa), let dataset, !dataset.isAboutPeople, let b = m["breakdowns"] {
            r.problem(b, "\(path).breakdowns", "\(dataset.rawValue) records no one's home LSOA", "leave lsoa out of breakdowns:")
        }
        var polarity = Polarity.neither
        if let p = m["polarity"] {
            if let v = p.string.flatMap(Polarity.init(rawValue:)) {
                polarity = v
            } else {
                r.problem(
                    p, "\(path).polarity", "polarity is \(p.string ?? "not text")", "use one of: " + Polarity.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        var target: TargetSpec?
        if let t = m["target"], let tm = r.mapping(t, "\(path).target", allowed: ["value", "tolerance"]) {
            let value = tm["value"]?.float, tolerance = tm["tolerance"]?.float ?? 0
            if value == nil { r.problem(t, "\(path).target", "target needs a number value", "write target: {value: 70, tolerance: 5}") }
            if tolerance < 0 { r.problem(t, "\(path).target.tolerance", "the tolerance is negative", "give a tolerance of 0 or more") }
            if polarity == .neither, value != nil {
                r.problem(t, "\(path).target", "a target needs a direction", "set polarity: higher-is-better or higher-is-worse")
            }
            target = value.map { TargetSpec(value: $0, tolerance: tolerance) }
        }
        guard let id, let title, let definition, let dataset, let measure else { return nil }
        return IndicatorSpec(
            id: id, title: title, definition: definition, dataset: dataset, filters: filters, measure: measure,
            periods: periods, breakdowns: breakdowns, polarity: polarity, target: target, line: node.mark?.line ?? 1)
    }

    func enums<E: RawRepresentable & CaseIterable>(_ n: Node, _ path: String, _ type: E.Type) -> [E] where E.RawValue == String {
        r.strings(n, path).compactMap { s in
            if let v = E(rawValue: s) { return v }
            r.problem(n, path, "\(s) is not one of the choices", "use: " + E.allCases.map(\.rawValue).joined(separator: ", "))
            return nil
        }
    }

    /// `field: [codes]` lines, and `age: 10-17`.
    func filtersOf(_ n: Node, _ ds: Dataset, _ path: String) -> [FilterSpec] {
        guard let m = n.mapping else {
            r.problem(n, path, "where should be `field: values` lines", "for example: risk_level: [medium, high]")
            return []
        }
        let schema = ds.schema
        return m.compactMap { k, v in
            guard let field = k.string else { return nil }
            if field == "age" {
                let parts = (v.string ?? "").split(separator: "-").compactMap { Int($0.trimmingSpaces) }
                guard parts.count == 2, parts[0] <= parts[1], parts[0] >= 0, parts[1] <= 25, ds != .people else {
                    r.problem(
                        v, "\(path).age", ds == .people ? "age needs an event date, which people does not have" : "age should be a range like 10-17",
                        "write age: 10-17 (years at the event)")
                    return nil
                }
                return .age(min: parts[0], max: parts[1])
            }
            if field == "agency_kind" {
                let kinds = r.strings(v, "\(path).agency_kind")
                for kind in kinds where Agency.Kind(rawValue: kind) == nil {
                    r.problem(
                        v, "\(path).agency_kind", "\(kind) is not a kind of agency",
                        "use one of: " + Agency.Kind.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return .agencyKind(kinds)
            }
            guard let spec = schema.field(field) else {
                r.problem(
                    k, "\(path).\(field)", "\(ds.rawValue) has no field \(field)",
                    "use one of: " + schema.fieldNames.joined(separator: ", ") + ", age or agency_kind")
                return nil
            }
            let values = r.strings(v, "\(path).\(field)")
            let allowed: [String]
            switch spec.type {
            case .code(let set), .codes(let set): allowed = set.codes
            case .boolean: allowed = ["Y", "N"]
            case .areaCode: allowed = values.filter { Area.level(ofCode: $0) != nil }
            default:
                r.problem(k, "\(path).\(field)", "\(field) is not a field you can filter on by value", "filter on a coded field, a Y/N field, an area or age")
                return nil
            }
            for value in values where !allowed.contains(value) {
                r.problem(
                    v, "\(path).\(field)", "\(value) is not a value of \(field)",
                    allowed.isEmpty ? "write ONS area codes such as E07000197" : "use one of: " + allowed.joined(separator: ", "))
            }
            return .values(field: field, values: values)
        }
    }

    func measureOf(_ n: Node, _ ds: Dataset, _ path: String) -> MeasureSpec? {
        let types = ["events", "people", "rate", "percentage", "duration", "within", "repeats", "snapshot", "overlap"]
        if let s = n.string {
            switch s {
            case "events": return .events
            case "people": return .people
            case "rate": return .rate(of: .people)
            default:
                r.problem(
                    n, path, types.contains(s) ? "measure \(s) needs its settings" : "\(s) is not a measure",
                    types.contains(s) ? "write measure: {type: \(s), …} (see docs/framework-format.md)" : "use one of: " + types.joined(separator: ", "))
                return nil
            }
        }
        guard
            let m = r.mapping(
                n, path,
                allowed: [
                    "type", "of", "numerator", "from", "to", "unit", "percentiles", "limit", "count", "window",
                    "start", "end", "agencies", "with", "with_where",
                ])
        else { return nil }
        guard let type = r.string(m, "type", path) else { return nil }
        func dateField(_ key: String) -> String? {
            guard let name = r.string(m, key, path) else { return nil }
            guard let f = ds.schema.field(name), f.type == .date || f.type == .dateTime else {
                r.problem(
                    m[key]!, "\(path).\(key)", "\(name) is not a date or time field of \(ds.rawValue)",
                    "use one of: " + ds.schema.fields.filter { $0.type == .date || $0.type == .dateTime }.map(\.name).joined(separator: ", "))
                return nil
            }
            return name
        }
        func number(_ key: String, unit: Character? = nil) -> Int? {
            guard let text = r.string(m, key, path) else { return nil }
            var digits = Substring(text)
            var factor = 1
            if let last = digits.last, last.isLetter {
                switch last {
                case "h": factor = 1
                case "d": factor = unit == "h" ? 24 : 1
                default: break
                }
                digits = digits.dropLast()
            }
            guard let v = Int(digits), v > 0 else {
                r.problem(
                    m[key]!, "\(path).\(key)", "\(key) should be a positive whole number\(unit == nil ? "" : " with h or d")",
                    unit == "h" ? "write \(key): 72h or \(key): 3d" : "write \(key): 3")
                return nil
            }
            return v * factor
        }
        switch type {
        case "events": return .events
        case "people": return .people
        case "rate":
            let of = m["of"]?.string ?? "people"
            guard let base = MeasureSpec.RateBase(rawValue: of) else {
                r.problem(m["of"]!, "\(path).of", "a rate is of people or events", "write of: people or of: events")
                return nil
            }
            return .rate(of: base)
        case "percentage":
            guard let num = m["numerator"] else {
                r.problem(m.node, path, "a percentage needs a numerator", "add numerator: {field: [values]}: the share of the population that also meets it")
                return nil
            }
            let of = m["of"]?.string ?? "events"
            guard let base = MeasureSpec.RateBase(rawValue: of) else {
                r.problem(m["of"]!, "\(path).of", "a percentage is of people or events", "write of: people or of: events")
                return nil
            }
            return .percentage(numerator: filtersOf(num, ds, "\(path).numerator"), of: base)
        case "duration":
            // Each part is read before any is required, so every problem is reported at once.
            let (from, to) = (dateField("from"), dateField("to"))
            guard let from, let to else { return nil }
            let unit = MeasureSpec.DurationUnit(rawValue: m["unit"]?.string ?? "days") ?? .days
            let written = m["percentiles"].map { r.strings($0, "\(path).percentiles") } ?? ["50"]
            let percentiles = written.compactMap(Int.init).filter { (1...99).contains($0) }
            if percentiles.count != written.count || percentiles.isEmpty {
                r.problem(
                    m["percentiles"] ?? m.node, "\(path).percentiles",
                    "percentiles must be whole numbers from 1 to 99 (found \(Excerpt.of(written.joined(separator: ", "))))",
                    "write percentiles: [50], or [25, 50, 75]")
                return nil
            }
            return .duration(from: from, to: to, unit: unit, percentiles: percentiles)
        case "within":
            let (from, to, hours) = (dateField("from"), dateField("to"), number("limit", unit: "h"))
            guard let from, let to, let hours else { return nil }
            return .within(from: from, to: to, hours: hours)
        case "repeats":
            let (count, days) = (number("count"), number("window", unit: "d"))
            guard let count, let days else { return nil }
            return .repeats(count: count, days: days)
        case "snapshot":
            let (start, end) = (dateField("start"), dateField("end"))
            guard let start, let end else { return nil }
            return .snapshot(start: start, end: end)
        case "overlap":
            let agencies = m["agencies"].flatMap { $0.int }
            if let agencies, !(2...ReferencePartnership.agencies.count).contains(agencies) {
                r.problem(
                    m["agencies"] ?? m.node, "\(path).agencies",
                    "an overlap counts children known to at least 2 agencies, and at most as many as the partnership has (found \(agencies))",
                    "write agencies: 2")
                return nil
            }
            let with = m["with"].flatMap { $0.string }.flatMap(Dataset.init(rawValue:))
            if agencies == nil && with == nil {
                r.problem(m.node, path, "an overlap needs agencies: N or with: DATASET", "write agencies: 2, or with: missing_episodes")
                return nil
            }
            let withFilters = with.map { w in m["with_where"].map { filtersOf($0, w, "\(path).with_where") } ?? [] } ?? []
            return .overlap(agencies: agencies, with: with, withFilters: withFilters)
        default:
            r.problem(m["type"]!, "\(path).type", "\(type) is not a measure", "use one of: " + types.joined(separator: ", "))
            return nil
        }
    }
}

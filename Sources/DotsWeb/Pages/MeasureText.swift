import DotsCore
import DotsFramework
import Foundation

/// An indicator's numerator and denominator in plain words, for the indicator page.
enum MeasureText {
    /// A field as people know it: its title in the dataset's schema, in lower case ("Missing type").
    static func fieldName(_ field: String, in dataset: Dataset) -> String {
        guard let spec = dataset.schema.fields.first(where: { $0.name == field }) else { return field.replacingOccurrences(of: "_", with: " ") }
        return spec.title.prefix(1).lowercased() + spec.title.dropFirst()
    }

    /// A code as people know it: its label in the field's code list ("Police" for `police`, "Missing" for `M`).
    static func codeName(_ code: String, field: String, in dataset: Dataset) -> String {
        switch dataset.schema.fields.first(where: { $0.name == field })?.type {
        case .code(let set)?, .codes(let set)?: set.entries.first { $0.code == code }?.label ?? code
        default: code
        }
    }

    static func filters(_ fs: [FilterSpec], in dataset: Dataset) -> String {
        fs.map { f in
            switch f {
            case .values(let field, let values):
                "\(fieldName(field, in: dataset)) is \(values.map { codeName($0, field: field, in: dataset) }.joined(separator: " or "))"
            case .age(let lo, let hi): "aged \(lo) to \(hi) at the time"
            case .agencyKind(let kinds): "recorded by \(kinds.map { $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: " or ")) agencies"
            }
        }.joined(separator: "; ")
    }

    static func describe(_ ind: IndicatorSpec) -> (numerator: String, denominator: String) {
        let rows = ind.dataset.schema.title.lowercased()
        let scope = ind.filters.isEmpty ? "" : " (\(filters(ind.filters, in: ind.dataset)))"
        let name = { (field: String) in fieldName(field, in: ind.dataset) }
        switch ind.measure {
        case .events: return ("\(rows) in the period\(scope)", "none: a count")
        case .people: return ("young people with \(rows) in the period\(scope), each counted once", "none: a count")
        case .rate(let base):
            return (
                "\(base == .people ? "young people" : "records") in \(rows)\(scope)",
                "children aged 0-17 living in the area (ONS mid-2020 estimates), per 10,000"
            )
        case .percentage(let numerator, let base):
            let what = base == .people ? "young people with \(rows)" : rows
            return ("\(what) where \(filters(numerator, in: ind.dataset))", "all \(what) in the period\(scope)")
        case .duration(let from, let to, let unit, let ps):
            return (
                "the time in \(unit.rawValue) from \(name(from)) to \(name(to)): "
                    + ps.map { $0 == 50 ? "median" : "\($0)th percentile" }.joined(separator: ", "),
                "\(rows) with both times\(scope)"
            )
        case .within(let from, let to, let hours):
            return ("\(rows) where \(name(to)) was within \(hours) hours of \(name(from))", "\(rows) with \(name(from)) recorded\(scope)")
        case .repeats(let count, let days):
            return ("young people with at least \(count) \(rows) within \(days) days", "young people with \(rows) in the period\(scope)")
        case .snapshot(let start, let end):
            return (
                "young people with \(rows) open at the end of the period (\(name(start)) on or before it, \(name(end)) after it or blank)\(scope)",
                "none: a count"
            )
        case .overlap(let agencies, let with, let withFilters):
            if let with {
                return (
                    "of those, young people also in \(with.schema.title.lowercased())\(withFilters.isEmpty ? "" : " (\(filters(withFilters, in: with)))") in the same period",
                    "young people with \(rows) in the period\(scope)"
                )
            }
            return ("of those, young people known to at least \(agencies ?? 2) agencies", "young people with \(rows) in the period\(scope)")
        }
    }
}

import DotsApp
import DotsCore
import DotsFramework
import Foundation

/// How figures read on pages: units, RAG tags, period and scope names.
enum Formatting {
    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(format: "%.1f", v)
    }

    /// A published value with its unit, e.g. `42.5%`, `c`, `:`.
    static func value(_ p: PublishedCell, unit: String) -> String {
        Double(p.value) == nil ? p.value : p.value + unit
    }

    static func ragTag(_ rag: String?) -> HTML {
        guard let rag else { return "" }
        let text = ["green": "On target", "amber": "Near target", "red": "Off target"][rag] ?? rag
        return "<strong class=\"dots-tag dots-tag--\(rag)\">\(text)</strong>"
    }

    static func scopeName(_ scope: String) -> String {
        switch scope {
        case "all": "Staffordshire and Stoke-on-Trent"
        case ReferenceGeography.staffordshire.code: "Staffordshire"
        case ReferenceGeography.stokeOnTrent.code: "Stoke-on-Trent"
        case "unknown": "Area not recorded"
        default: ReferenceGeography.localAreas.first { $0.code == scope }?.name ?? scope
        }
    }

    /// A breakdown group in words: areas by name, age bands with a dash ("10–13"), sex in full, codes without
    /// their hyphens.
    static func groupName(_ breakdown: String, _ group: String) -> String {
        if breakdown == "district" || breakdown == "la" { return scopeName(group) }
        if group == "unknown" { return "Not recorded" }
        if breakdown == "sex", let sex = Sex(rawValue: group) { return sex.label }
        let parts = group.split(separator: "-")
        if parts.count == 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) { return "\(parts[0])–\(parts[1])" }
        return group.replacingOccurrences(of: "-", with: " ").capitalizedFirst
    }

    static func periodKindName(_ kind: PeriodKind) -> String {
        switch kind {
        case .month: "Months"
        case .quarter: "Financial quarters"
        case .financialYear: "Financial years"
        case .rolling12: "Rolling 12 months"
        }
    }

    /// A date as GOV.UK writes it: 1 April 2021.
    static func longDate(_ d: CalendarDate) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(d.day) \(months[d.month - 1]) \(d.year)"
    }

    static let symbolsNote = "c: hidden to protect small numbers; z: not applicable; : not available."
}

extension Array {
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

import DotsApp
import DotsCore
import DotsFramework
import Vapor

/// The overview's and indicator pages' filter: partnership, area within it, kind of period. Read from the query
/// string, so every view has a link and works without JavaScript.
struct FrameworkFilter {
    var partnership: String
    var scope: String
    var kind: PeriodKind?
    /// Areas a reader may pick within the partnership: the whole area and its local authorities, or its one LA.
    var areaChoices: [String]
    /// When the chosen partnership existed: figures are shown only for periods wholly inside it.
    var valid: DateRange

    /// The partnerships as the filter offers them, current and widest first (the default), ended ones last.
    let choices: [Partnership]

    init(_ req: Request, today: CalendarDate) {
        let all = ReferencePartnership.partnerships
        choices = all.forChoosing(on: today)
        let fallback = choices.first?.id ?? "joint-ce"
        let requested = req.query[String.self, at: "partnership"] ?? fallback
        let id = all.contains { $0.id == requested } ? requested : fallback
        partnership = id
        let chosen = all.first { $0.id == id }!
        valid = chosen.valid
        // A partnership that has ended is read with the areas it had on its last day.
        let base = FrameworkReport.scope(partnership: id, on: chosen.valid.end.map { min($0, today) } ?? today) ?? "all"
        areaChoices = base == "all" ? ["all", ReferenceGeography.staffordshire.code, ReferenceGeography.stokeOnTrent.code] : [base]
        let area = req.query[String.self, at: "area"] ?? base
        scope = areaChoices.contains(area) ? area : base
        kind = req.query[String.self, at: "period"].flatMap(PeriodKind.init(rawValue:))
    }

    /// Words for when the chosen kind of period is not one the indicator has, so another is shown; nil otherwise.
    func substitution(for ind: IndicatorSpec) -> String? {
        guard let kind, !ind.periods.contains(kind), let shown = self.kind(for: ind) else { return nil }
        return "This indicator has no \(Formatting.periodKindName(kind).lowercased()) figures: \(Formatting.periodKindName(shown).lowercased()) are shown."
    }

    /// The kind of period to headline for an indicator: the chosen one when it has it, else its longest.
    func kind(for ind: IndicatorSpec) -> PeriodKind? {
        if let kind, ind.periods.contains(kind) { return kind }
        return FrameworkReport.headlineKinds.first { ind.periods.contains($0) }
    }

    /// The chosen partnership's life and shape, in words, for the pages.
    var shapeNote: String {
        let p = ReferencePartnership.partnerships.first { $0.id == partnership }!
        let from = Formatting.longDate(valid.start)
        let life = valid.end.map { "from \(from) to \(Formatting.longDate($0))" } ?? "since \(from)"
        let agencies = Set(p.agencies.map(\.id)).count
        var text =
            "\(p.name) has existed \(life), covering \(Formatting.scopeName(FrameworkReport.scope(partnership: p.id, on: valid.end ?? valid.start) ?? "all")) with \(agencies) agencies. Figures are shown only for periods wholly inside that time."
        if let next = ReferencePartnership.partnerships.filter({ $0.valid.start == valid.end.map { $0.adding(days: 1) } }).map(\.name).nilIfEmpty {
            text += " It was then replaced by " + next.joined(separator: " and ") + "."
        }
        return text
    }

    var query: String {
        "partnership=\(HTML.query(partnership))&area=\(HTML.query(scope))" + (kind.map { "&period=\($0.rawValue)" } ?? "")
    }

    /// The GET form with the three choices.
    func form(action: String) -> HTML {
        let partnerships = choices.html { p in
            "<option value=\"\(p.id)\"\(p.id == partnership ? " selected" : "")>\(p.name)\(p.valid.end.map { " (until \(Formatting.longDate($0)))" } ?? "")</option>"
        }
        let areas = areaChoices.html { a in "<option value=\"\(a)\"\(a == scope ? " selected" : "")>\(Formatting.scopeName(a))</option>" }
        let kinds: [HTML] =
            ["<option value=\"\"\(kind == nil ? " selected" : "")>Each indicator's main period</option>"]
            + PeriodKind.allCases.map { k in
                "<option value=\"\(k.rawValue)\"\(k == kind ? " selected" : "")>\(Formatting.periodKindName(k))</option>"
            }
        return """
            <form method="get" action="\(action)" class="dots-filter">
              <div class="dots-form-group"><label class="dots-label" for="partnership">Partnership</label>
                <select class="dots-select" id="partnership" name="partnership">\(partnerships)</select></div>
              <div class="dots-form-group"><label class="dots-label" for="area">Area</label>
                <select class="dots-select" id="area" name="area">\(areas)</select></div>
              <div class="dots-form-group"><label class="dots-label" for="period">Period</label>
                <select class="dots-select" id="period" name="period">\(kinds.joined())</select></div>
              <button type="submit" class="dots-button dots-button--secondary">Show</button>
            </form>
            """
    }
}

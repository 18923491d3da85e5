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

    static let defaultPartnership = "joint-ce"

    init(_ req: Request, today: CalendarDate) {
        let all = ReferencePartnership.partnerships
        let requested = req.query[String.self, at: "partnership"] ?? Self.defaultPartnership
        partnership = all.contains { $0.id == requested } ? requested : Self.defaultPartnership
        let base = FrameworkReport.scope(partnership: partnership, on: today) ?? "all"
        areaChoices = base == "all" ? ["all", ReferenceGeography.staffordshire.code, ReferenceGeography.stokeOnTrent.code] : [base]
        let area = req.query[String.self, at: "area"] ?? base
        scope = areaChoices.contains(area) ? area : base
        kind = req.query[String.self, at: "period"].flatMap(PeriodKind.init(rawValue:))
    }

    /// The kind of period to headline for an indicator: the chosen one when it has it, else its longest.
    func kind(for ind: IndicatorSpec) -> PeriodKind? {
        if let kind, ind.periods.contains(kind) { return kind }
        return FrameworkReport.headlineKinds.first { ind.periods.contains($0) }
    }

    var query: String {
        "partnership=\(HTML.query(partnership))&area=\(HTML.query(scope))" + (kind.map { "&period=\($0.rawValue)" } ?? "")
    }

    /// The GET form with the three choices.
    func form(action: String) -> String {
        let partnerships = ReferencePartnership.partnerships.map { p in
            "<option value=\"\(p.id.html)\"\(p.id == partnership ? " selected" : "")>\(p.name.html)</option>"
        }.joined()
        let areas = areaChoices.map { a in "<option value=\"\(a.html)\"\(a == scope ? " selected" : "")>\(Formatting.scopeName(a).html)</option>" }.joined()
        let kinds = ["<option value=\"\"\(kind == nil ? " selected" : "")>Each indicator's main period</option>"] + PeriodKind.allCases.map { k in
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

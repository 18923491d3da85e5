import DotsApp
import DotsCore
import DotsFramework
import DotsGovernance
import Foundation

/// The framework overview: each strategic question with what we don't know first, then its indicators (latest
/// figure, a year earlier, RAG against target, trend).
struct OverviewPage {
    let report: FrameworkReport
    let filter: FrameworkFilter
    let exact: Bool
    /// Data held but not submitted, by question (from the data map).
    var dataGaps: [String: [String]] = [:]
    /// The latest approved commentary on each question, by question id.
    var commentary: [String: Commentary] = [:]
    /// The reader writes commentary (analysts): each question offers a link to write it.
    var mayWrite = false

    func render() -> HTML {
        let spec = report.spec
        var out: HTML = """
            <span class="dots-caption">\(spec.name), version \(spec.version)</span>
            <h1>What the partnership wants to know</h1>
            <p>Each strategic question, what the data cannot yet answer, and the indicators that help answer it, for <strong>\(Formatting.scopeName(filter.scope))</strong>.
            \(report.run.linkageRunID == nil ? "Young people are counted per agency (records not linked)." : "Young people are linked across agencies.")
            \(spec.ages.map { "Children are counted at ages \($0.lowerBound)–\($0.upperBound) at each event, unless an indicator says otherwise." } ?? "")
            \(spec.agesApart.map { "Young adults aged \($0.ages.lowerBound)–\($0.ages.upperBound) (such as care leavers) in \(GapFinder.list($0.datasets.map { $0.schema.title.lowercased() })) are counted apart, on those indicators' pages." } ?? "")</p>
            \(exact ? "<div class=\"dots-notification\"><p><strong>Exact figures.</strong> You see small numbers because your role is an analyst's: anything you share with others must go through disclosure control (the published view).</p></div>" : "<p class=\"dots-hint\">Small numbers are hidden to protect children's privacy. \(Formatting.symbolsNote)</p>")
            \(filter.form(action: "/framework"))
            <p class="dots-body-s">\(filter.shapeNote)</p>
            """
        if mayWrite { out += "<p><a href=\"/framework/commentary\">Commentary awaiting approval</a></p>" }
        let held = dataGaps.values.reduce(0) { $0 + $1.count }
        let allGaps = report.gaps.count + held
        out += "<p><a href=\"#gaps-summary\">What we don't know: \(allGaps) gap\(allGaps == 1 ? "" : "s") across the framework</a></p>"
        out +=
            "<p><a href=\"/framework/journeys\">Journeys through services: the paths young people take, and the time from a critical moment to a response</a></p>"
        for theme in spec.themes {
            out += "<h2>\(theme.title)</h2>"
            // Questions about places are read beside the places themselves: the police's open data by district.
            if theme.title.lowercased().contains("place") {
                out += "<p><a href=\"/framework/places\">Places around young people: crime and stop and search by district, with maps</a></p>"
            }
            for q in theme.questions {
                out += "<section class=\"dots-question\" aria-labelledby=\"q-\(q.id)\"><h3 id=\"q-\(q.id)\">\(q.question)</h3>"
                out += gaps(for: q)
                if let c = commentary[q.id] { out += "<div class=\"dots-commentary\"><h4>Commentary</h4>\(CommentaryPages.body(c))</div>" }
                if mayWrite {
                    out +=
                        "<p class=\"dots-body-s\"><a href=\"/framework/commentary/new?subject=question&amp;id=\(HTML.query(q.id))&amp;partnership=\(HTML.query(filter.partnership))\">Write commentary<span class=\"dots-visually-hidden\"> on: \(q.question)</span></a></p>"
                }
                if !q.sources.isEmpty {
                    out += "<p class=\"dots-body-s\"><strong>Also informed by:</strong> \(q.sources.joined(separator: "; "))</p>"
                }
                if q.indicators.isEmpty {
                    out += "<p>No indicator answers this question yet: it rests on the sources above.</p>"
                } else {
                    out += "<ul class=\"dots-indicators\">" + q.indicators.map(indicatorRow).joined() + "</ul>"
                }
                out += "</section>"
            }
        }
        out += "<h2 id=\"gaps-summary\">What we don't know, in summary</h2>"
        let blocking = report.gaps.filter(\.gap.blocking).count
        out +=
            "<p>\(allGaps) gap\(allGaps == 1 ? "" : "s"): \(blocking) \(blocking == 1 ? "leaves" : "leave") an indicator unanswered; \(held) \(held == 1 ? "is data" : "are data") an agency holds but has not submitted; \(allGaps - blocking - held == 1 ? "the other is a caveat" : "the rest are caveats") on figures that can be shown.</p>"
        return out
    }

    func gaps(for q: QuestionSpec) -> HTML {
        let mine = report.gaps.filter { $0.questionID == q.id }
        let held = dataGaps[q.id] ?? []
        guard !mine.isEmpty || !held.isEmpty else { return "" }
        let items = mine.html { g -> HTML in
            let title = g.gap.indicatorID.flatMap { id in q.indicators.first { $0.id == id }?.title }
            return "<li>\(title.map { HTML("<strong>\($0):</strong> ") })\(g.gap.detail)"
                + (g.gap.blocking ? " <strong class=\"dots-tag dots-tag--gap\">Cannot be answered</strong>" : "") + "</li>"
        }
        return "<div class=\"dots-gaps\"><h4>What we don't know</h4><ul>\(items)\(held.html { "<li>\($0).</li>" })</ul></div>"
    }

    func indicatorRow(_ ind: IndicatorSpec) -> HTML {
        let link: HTML = "<a href=\"/framework/indicators/\(HTML.query(ind.id))?\(filter.query)\">\(ind.title)</a>"
        guard let kind = filter.kind(for: ind), let (latest, earlier) = report.headline(ind, scope: filter.scope, kind: kind, within: filter.valid) else {
            return
                "<li class=\"dots-indicator\"><div>\(link)<div class=\"dots-indicator__meta\">No figure for this area and period.</div></div><div class=\"dots-indicator__value\">:</div></li>"
        }
        let unit = report.unitText(ind)
        let series = report.series(ind, scope: filter.scope, kind: kind, within: filter.valid).suffix(12)
        let values = series.map { Double($0.value) }
        let labels = series.map(\.cell.period)
        let rag = FrameworkReport.rag(latest, ind)
        var meta =
            "\(latest.cell.period)\(latest.suppression == "rounded" ? " (rounded to the nearest \(report.policy?.roundToProtect ?? 5), so that a small count stays hidden)" : "")"
        if let why = FrameworkReport.withheldReason(latest) {
            meta = why.prefix(1).uppercased() + why.dropFirst()
            if let near = report.nearestPublished(ind, scope: filter.scope, besides: kind, within: filter.valid) {
                meta += "; \(near.cell.period): \(Formatting.value(near, unit: unit))"
            }
        }
        if let earlier { meta += "; a year earlier \(Formatting.value(earlier, unit: unit))" }
        if let t = ind.target { meta += "; target \(Formatting.number(t.value))\(unit)" }
        if filter.substitution(for: ind) != nil { meta += " (\(Formatting.periodKindName(kind).lowercased()): it has no figures for the period chosen)" }
        return """
            <li class="dots-indicator">
              <div>\(link) \(Formatting.ragTag(rag))
                <div class="dots-indicator__meta">\(meta)</div>
                <div class="dots-indicator__meta"><span class="dots-visually-hidden">Trend: </span>\(Sparkline(values: values).svg())<span class="dots-visually-hidden">\(TrendText.describe(labels: labels, values: values, format: Formatting.number))</span></div>
              </div>
              <div class="dots-indicator__value">\(Formatting.value(latest, unit: unit))</div>
            </li>
            """
    }
}

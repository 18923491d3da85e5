import DotsApp
import DotsCore
import DotsFramework
import DotsGeography
import Foundation

/// One indicator: definition, numerator and denominator, trend (chart and table), breakdowns for the latest
/// period, caveats, provenance, and a CSV of exactly the figures shown.
struct IndicatorPage {
    let report: FrameworkReport
    let indicator: IndicatorSpec
    let question: QuestionSpec?
    let filter: FrameworkFilter
    let exact: Bool
    /// The current submissions of the indicator's dataset, for data quality caveats and provenance.
    var submissions: [SubmissionRecord] = []
    /// Whether the reader may open the data quality review. Every reader sees the caveats (they qualify the
    /// figures, and are agency-level measures, never about a child); only those the review is open to get the link.
    var linksQualityReview = false
    /// The published figures, which the district map draws whoever reads (analysts' tables stay exact).
    var published: FrameworkReport? = nil
    /// How good the linkage behind the young people counted was, and whether the reader may open the linkage page.
    var linkage: FrameworkResults.LinkageNote? = nil
    var linksLinkagePage = false
    /// The figures by LSOA: the districts with imported LSOAs, the one the reader chose, and its LSOAs' boundaries.
    var lsoaDistricts: [Area] = []
    var lsoaDistrict: Area? = nil
    var lsoaBoundaries: BoundarySet? = nil

    /// Which submissions of the dataset the figures rest on.
    var provenance: String {
        guard !submissions.isEmpty else { return "" }
        return "; of \(indicator.dataset.schema.title.lowercased()): "
            + submissions.sorted { $0.agency < $1.agency }
            .map { "\(SubmissionPages.agencyName($0.agency)) (\($0.period), received \(UKTime.display($0.receivedAt)))" }.joined(separator: "; ")
    }

    /// Data quality caveats: each agency's dataset measure that is not rated good.
    func qualityCaveats() -> [String] {
        submissions.sorted { $0.agency < $1.agency }.flatMap { s -> [String] in
            guard let q = s.quality else { return [] }
            return q.dimensions.compactMap { d, v in
                guard let v, d.rating(v) != .good else { return nil }
                return "\(SubmissionPages.agencyName(s.agency)): \(d.title.lowercased()) \(QualityPages.percent(v)) (\(d.rating(v).title.lowercased()))"
            }
        }
    }

    /// The figures the page shows: the trend for the chosen kind of period, then every breakdown for its latest period.
    func shownCells() -> (trend: [PublishedCell], breakdowns: [String: [PublishedCell]], kind: PeriodKind?) {
        guard let kind = filter.kind(for: indicator) else { return ([], [:], nil) }
        let trend = report.series(indicator, scope: filter.scope, kind: kind, within: filter.valid)
        guard let latest = report.headline(indicator, scope: filter.scope, kind: kind, within: filter.valid)?.latest else { return (trend, [:], kind) }
        // By LSOA, only the chosen district's: hundreds of areas are read a district at a time.
        let inPeriod = (report.cellsByIndicator[indicator.id] ?? []).filter {
            $0.cell.scope == filter.scope && $0.cell.period == latest.cell.period && $0.cell.breakdown != "total"
                && ($0.cell.breakdown != Breakdown.lsoa.rawValue
                    || (lsoaDistrict != nil && SmallAreas.parts(of: $0.cell.group)?.district == lsoaDistrict?.code))
        }
        return (trend, Dictionary(grouping: inPeriod, by: \.cell.breakdown), kind)
    }

    /// The latest period the trend shows a figure for: what new commentary is about, unless its writer says otherwise.
    var latestPeriod: String? { shownCells().trend.last { $0.cell.status != .notAvailable }?.cell.period }

    func csv() -> String {
        let (trend, breakdowns, _) = shownCells()
        return report.csv(trend + breakdowns.keys.sorted().flatMap { breakdowns[$0]! } + (apartCells()?.cells ?? []))
    }

    /// The companion counting the framework's ages apart (young adults such as care leavers), and its latest figures
    /// for this area: never mixed into this indicator's own.
    func apartCells() -> (companion: IndicatorSpec, cells: [PublishedCell])? {
        guard let companion = report.spec.companion(of: indicator.id), let kind = filter.kind(for: companion) else { return nil }
        return (companion, Array(report.series(companion, scope: filter.scope, kind: kind, within: filter.valid).suffix(4)))
    }

    func render() -> HTML {
        let ind = indicator
        let unit = report.unitText(ind)
        let (numerator, denominator) = MeasureText.describe(ind)
        let (trend, breakdowns, kind) = shownCells()
        var out: HTML = """
            <span class="dots-caption">\(question.map { $0.question } ?? "Indicator")</span>
            <h1>\(ind.title)</h1>
            <p>\(ind.definition)</p>
            \(filter.form(action: "/framework/indicators/\(HTML.query(ind.id))"))
            <p class="dots-body-s">\(filter.shapeNote)</p>
            <dl class="dots-summary-list">
              <div class="dots-summary-list__row"><dt>Area</dt><dd>\(Formatting.scopeName(filter.scope))</dd></div>
              <div class="dots-summary-list__row"><dt>Counts</dt><dd>\(numerator)</dd></div>
              <div class="dots-summary-list__row"><dt>Out of</dt><dd>\(denominator)</dd></div>
              <div class="dots-summary-list__row"><dt>Data it needs</dt><dd>\(ind.dataset.rawValue) submissions</dd></div>
              <div class="dots-summary-list__row"><dt>Better when</dt><dd>\(ind.polarity == .higherIsBetter ? "higher" : ind.polarity == .higherIsWorse ? "lower" : "neither: context, not a target")</dd></div>
              <div class="dots-summary-list__row"><dt>Target</dt><dd>\(ind.target.map { "\(Formatting.number($0.value))\(unit) (tolerance \(Formatting.number($0.tolerance)))" } ?? "None set")</dd></div>
              <div class="dots-summary-list__row"><dt>Figures shown</dt><dd>\(exact ? "Exact (analyst view): do not share without disclosure control" : "Small numbers hidden (c) to protect children's privacy")</dd></div>
            </dl>
            """
        let caveats = report.gaps.filter { $0.gap.indicatorID == ind.id }
        if !caveats.isEmpty {
            out +=
                "<div class=\"dots-gaps\"><h2 class=\"dots-heading-m\">What we don't know</h2><ul>"
                + caveats.map {
                    "<li>\($0.gap.detail)\($0.gap.blocking ? " <strong class=\"dots-tag dots-tag--gap\">Cannot be answered</strong>" : "")</li>"
                }.joined()
                + "</ul></div>"
        }
        let quality = qualityCaveats()
        if !quality.isEmpty {
            out +=
                "<div class=\"dots-gaps\"><h2 class=\"dots-heading-m\">Data quality caveats</h2><p>The \(ind.dataset.schema.title.lowercased()) these figures rest on:</p><ul>"
                + quality.html { "<li>\($0)</li>" }
                + "</ul>\(linksQualityReview ? HTML("<p><a href=\"/quality\">See the data quality review</a></p>") : "")</div>"
        }
        out += "<h2>Trend\(kind.map { ": " + Formatting.periodKindName($0).lowercased() } ?? "")</h2>"
        if let note = filter.substitution(for: ind) { out += "<p class=\"dots-inset\">\(note)</p>" }
        if trend.isEmpty {
            out += "<p>No figures for this area and period.</p>"
        } else {
            let values = trend.map { Double($0.value) }
            out += TrendChart(
                title: "\(ind.title), \(Formatting.scopeName(filter.scope))", labels: trend.map(\.cell.period), values: values, format: Formatting.number,
                target: ind.target?.value
            ).svg(id: "trend")
            out += "<p class=\"dots-body-s\">\(TrendText.describe(labels: trend.map(\.cell.period), values: values, format: Formatting.number))</p>"
            out +=
                "<details class=\"dots-details\"><summary>Show the trend as a table</summary>"
                + table(caption: "Trend", first: "Period", trend, label: \.cell.period, unit: unit) + "</details>"
            let rounded = trend.filter { $0.suppression == "rounded" }.map(\.cell.period)
            if !rounded.isEmpty {
                out +=
                    "<p class=\"dots-body-s\">Rounded to the nearest \(report.policy?.roundToProtect ?? 5) for \(rounded.joined(separator: ", ")), so that a small count (such as children with no area recorded) cannot be worked out from it.</p>"
            }
        }
        if !breakdowns.isEmpty, let latest = trend.last(where: { $0.cell.status != .notAvailable }) {
            out += "<h2>Breakdowns for \(latest.cell.period)</h2>"
            for b in ind.breakdowns.map(\.rawValue) where breakdowns[b] != nil || b == Breakdown.lsoa.rawValue {
                if b == Breakdown.lsoa.rawValue {
                    out += lsoaSection(period: latest.cell, cells: breakdowns[b] ?? [], unit: unit)
                    continue
                }
                let cells = breakdowns[b]!.filter { $0.cell.stat == "value" || $0.cell.stat == "p50" }
                if b == Breakdown.district.rawValue { out += districtMap(period: latest.cell.period, unit: unit) }
                out += table(
                    caption: b.replacingOccurrences(of: "-", with: " ").capitalizedFirst, first: "Group", cells,
                    label: { Formatting.groupName(b, $0.cell.group) }, unit: unit)
                if cells.contains(where: { $0.suppression == "withheld" }) {
                    out +=
                        "<p class=\"dots-body-s\">This breakdown is not shown for \(latest.cell.period): some groups are so small that, with the total shown, they could be worked out. The total is shown instead.</p>"
                }
            }
        }
        if let (companion, cells) = apartCells(), let apart = report.spec.agesApart, let ages = report.spec.ages {
            out += "<h2>Young adults aged \(apart.ages.lowerBound)–\(apart.ages.upperBound), counted apart</h2>"
            out +=
                "<p>The figures above count children aged \(ages.lowerBound)–\(ages.upperBound). \(ind.dataset.schema.title) also holds young adults, such as care leavers; they are counted here, apart, and never among children.</p>"
            out +=
                cells.isEmpty
                ? "<p>No figures for young adults for this area and period.</p>"
                : table(caption: companion.title, first: "Period", cells, label: \.cell.period, unit: report.unitText(companion))
        }
        out += """
            <p><a class="dots-button dots-button--secondary" href="/framework/indicators/\(HTML.query(ind.id)).csv?\(filter.query)" download>Download these figures (CSV)</a></p>
            <h2>Where the figures come from</h2>
            <dl class="dots-summary-list">
              <div class="dots-summary-list__row"><dt>Framework</dt><dd>\(report.run.frameworkName), version \(report.run.frameworkVersion) (\(String(report.run.frameworkChecksum.prefix(19)))…)</dd></div>
              <div class="dots-summary-list__row"><dt>Computed</dt><dd>\(report.run.computedAt.description) by \(report.run.runBy)</dd></div>
              <div class="dots-summary-list__row"><dt>Submissions used</dt><dd>\(report.run.submissions.count) across all datasets\(provenance)</dd></div>
              <div class="dots-summary-list__row"><dt>Disclosure control</dt><dd>\(report.disclosureControl.map { $0.prefix(1).uppercased() + $0.dropFirst() + "." } ?? "None: exact figures, for analysts only.")</dd></div>
              <div class="dots-summary-list__row"><dt>Linkage</dt><dd>\(linkageText)</dd></div>
            </dl>
            <p class="dots-body-s">\(Formatting.symbolsNote)</p>
            """
        return out
    }

    /// Which linkage the young people were counted with, and how good it was.
    var linkageText: HTML {
        guard let id = report.run.linkageRunID else { return "Not run: young people counted per agency" }
        guard let l = linkage else { return "Young people linked across agencies (run \(String(id.prefix(8))))" }
        let n = { (x: Int) in x.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB"))) }
        var text: HTML = """
            Young people linked across agencies: \(n(l.records)) person records joined into \(n(l.youngPeople)) young people by the run of \(
                UKTime.display(l.finishedAt)); \(n(l.sentForReview)) \(l.sentForReview == 1 ? "pair was" : "pairs were") sent for clerical review
            """
        if let f1 = l.pairF1 { text += HTML(" (checked against a truth file: F1 \(String(format: "%.3f", f1)))") }
        text += "."
        if linksLinkagePage { text += " <a href=\"/linkage\">How good linkage was</a>." }
        return text
    }

    /// The district breakdown as a map, from the published figures: a hidden count is hatched, never shaded, for
    /// every reader. The table after it gives the figures (exact ones to analysts).
    func districtMap(period: String, unit: String) -> HTML {
        guard let boundaries = DistrictMap.reference else { return "" }
        let source = published ?? report
        let cells = (source.cellsByIndicator[indicator.id] ?? []).filter {
            $0.cell.scope == filter.scope && $0.cell.period == period && $0.cell.breakdown == Breakdown.district.rawValue
                && ($0.cell.stat == "value" || $0.cell.stat == "p50")
        }
        guard !cells.isEmpty else { return "" }
        var shades: [String: DistrictMap.Shade] = [:]
        for c in cells {
            let v = Double(c.value)
            let hidden = v == nil && c.suppression != nil
            shades[c.cell.group] = .init(
                value: v, text: v == nil ? (hidden ? "hidden to protect small numbers" : "no figure") : Formatting.value(c, unit: unit), hidden: hidden)
        }
        let map = DistrictMap(
            title: "\(indicator.title) by district, \(period)", boundaries: boundaries, shades: shades, format: { Formatting.number($0) + unit })
        return """
            <figure class="dots-chart-figure">\(map.svg(id: "district-map"))
            <figcaption class="dots-body-s">\(indicator.title) by district, \(period), as published\(exact ? " (the table below is exact)" : ""). \(boundaries.attribution).</figcaption></figure>
            """
    }

    /// The figures by LSOA within one district the reader picks: a map of the published figures over the district's
    /// outline, then a table (exact to analysts). Only financial years have them (`ResultAssembler.hasLSOAs`).
    func lsoaSection(period latest: IndicatorCell, cells: [PublishedCell], unit: String) -> HTML {
        var out: HTML = "<h3>By LSOA within a district</h3>"
        guard latest.periodKind == PeriodKind.financialYear.rawValue else {
            return out
                + "<p>Figures by LSOA are given for financial years only: a quarter's would be almost all hidden as small numbers. <a href=\"/framework/indicators/\(HTML.query(indicator.id))?\(filter.query.replacingOccurrences(of: "&period=\(latest.periodKind)", with: ""))&period=financial-year\">Show financial years</a>.</p>"
        }
        let choices = lsoaDistricts.filter { filter.scope == "all" || ReferenceGeography.localAuthority(of: $0.code)?.code == filter.scope }
        guard !choices.isEmpty else {
            return out
                + "<p class=\"dots-body-s\">No LSOA boundaries are imported for this area: an admin imports ONS LSOA boundaries with <code>dots geography import</code>, and agencies send home LSOAs with <code>dots prepare --home-lsoa</code>.</p>"
        }
        let options = choices.html { d in "<option value=\"\(d.code)\"\(d.code == lsoaDistrict?.code ? " selected" : "")>\(d.name)</option>" }
        out += """
            <form method="get" action="/framework/indicators/\(HTML.query(indicator.id))" class="dots-filter">
              <input type="hidden" name="partnership" value="\(filter.partnership)"><input type="hidden" name="area" value="\(filter.scope)">\(filter.kind.map { "<input type=\"hidden\" name=\"period\" value=\"\($0.rawValue)\">" } ?? "")
              <div class="dots-form-group"><label class="dots-label" for="within">District</label>
              <select class="dots-select" id="within" name="within">\(options)</select></div>
              <button type="submit" class="dots-button dots-button--secondary">Show LSOAs</button>
            </form>
            """
        guard let district = lsoaDistrict, choices.contains(district) else { return out }
        let names = Dictionary(uniqueKeysWithValues: (lsoaBoundaries?.boundaries ?? []).map { ($0.code, $0.name) })
        let shown = cells.filter { $0.cell.stat == "value" || $0.cell.stat == "p50" }
        func name(_ c: PublishedCell) -> String {
            guard let lsoa = SmallAreas.parts(of: c.cell.group)?.lsoa else { return c.cell.group }
            if lsoa == SmallAreas.notRecorded { return "LSOA not recorded" }
            return names[lsoa].map { "\($0) (\(lsoa))" } ?? lsoa
        }
        if let boundaries = lsoaBoundaries, let reference = DistrictMap.reference {
            let source = published ?? report
            var shades: [String: DistrictMap.Shade] = [:]
            for c in source.cellsByIndicator[indicator.id] ?? []
            where c.cell.scope == filter.scope && c.cell.period == latest.period && c.cell.breakdown == Breakdown.lsoa.rawValue
                && (c.cell.stat == "value" || c.cell.stat == "p50")
            {
                guard let parts = SmallAreas.parts(of: c.cell.group), parts.district == district.code, parts.lsoa != SmallAreas.notRecorded else { continue }
                let v = Double(c.value)
                let hidden = v == nil && c.suppression != nil
                shades[parts.lsoa] = .init(
                    value: v, text: v == nil ? (hidden ? "hidden to protect small numbers" : "no figure") : Formatting.value(c, unit: unit), hidden: hidden)
            }
            let map = DistrictMap(
                title: "\(indicator.title) by LSOA in \(district.name), \(latest.period)", boundaries: boundaries, shades: shades,
                format: { Formatting.number($0) + unit },
                outline: reference.boundaries.first { $0.code == district.code }.map { ($0, reference.attribution) })
            out += """
                <figure class="dots-chart-figure">\(map.svg(id: "lsoa-map"))
                <figcaption class="dots-body-s">\(indicator.title) by LSOA in \(district.name), \(latest.period), as published\(exact ? " (the table below is exact)" : ""). \(map.credits).</figcaption></figure>
                """
        }
        out += table(caption: "By LSOA in \(district.name)", first: "LSOA", shown, label: name, unit: unit)
        out +=
            "<p class=\"dots-body-s\">Young people whose home LSOA is not recorded, or is not an imported LSOA of \(district.name), are counted as \"LSOA not recorded\", so the LSOAs add up to the district's figure.</p>"
        if shown.contains(where: { $0.suppression == "withheld" }) {
            out +=
                "<p class=\"dots-body-s\">The LSOAs of \(district.name) are not shown for \(latest.period): some are so small that, with the district's figure shown, they could be worked out.</p>"
        }
        return out
    }

    func table(caption: String, first: String, _ cells: [PublishedCell], label: (PublishedCell) -> String, unit: String) -> HTML {
        let showBase = cells.contains { $0.denominator != "" && $0.denominator != "z" }
        var out: HTML =
            "<table class=\"dots-table\"><caption>\(caption)</caption><thead><tr><th scope=\"col\">\(first)</th><th scope=\"col\" class=\"num\">Count</th>"
        if showBase { out += "<th scope=\"col\" class=\"num\">Out of</th>" }
        out += "<th scope=\"col\" class=\"num\">Value</th></tr></thead><tbody>"
        for c in cells {
            let rounded: HTML = c.suppression == "rounded" ? " <span class=\"dots-body-s\">(rounded)</span>" : ""
            out += "<tr><th scope=\"row\">\(label(c))</th><td class=\"num\">\(c.numerator)\(rounded)</td>"
            if showBase { out += "<td class=\"num\">\(c.denominator)</td>" }
            out += "<td class=\"num\">\(Formatting.value(c, unit: unit))</td></tr>"
        }
        return out + "</tbody></table>"
    }
}

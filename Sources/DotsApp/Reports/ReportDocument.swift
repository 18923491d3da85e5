import Crypto
import DotsCore
import DotsFramework
import DotsGovernance
import DotsVoice
import Foundation

/// A report built from one framework run: a self-contained HTML document (its own styles; no script) that prints
/// to PDF. Pure and deterministic: the same inputs give the same bytes (everything sorted; the only time inside is
/// the stated build time). Every figure carries `data-cell`, the key of the published cell it shows, so a test
/// (or a reader of the evidence appendix) can check it against the run.
public struct ReportDocument: Sendable {
    public struct Inputs: Sendable {
        public var template: ReportTemplate
        /// The run's figures as this edition publishes them.
        public var report: FrameworkReport
        public var partnership: Partnership
        /// The period the report is for, as the framework labels periods ("2025-26 Q4", "2025-26").
        public var period: String
        public var periodEnd: CalendarDate
        /// "board" or "public".
        public var edition: String
        public var builtAt: Instant
        /// Approved commentary only.
        public var commentary: [Commentary]
        public var actions: [ActionItem]
        public var maturity: MaturitySummary?
        /// The submissions the run used.
        public var submissions: [SubmissionRecord]
        /// Data held on the data map but not submitted, by question (the overview's list).
        public var heldNotSubmitted: [String: [String]]
        /// What young people and families said: counts by theme and year (small ones hidden by the edition's
        /// rules), quotes that passed every gate, and "you said, we did".
        public var voice: VoiceService.Summary?

        public init(
            template: ReportTemplate, report: FrameworkReport, partnership: Partnership, period: String, periodEnd: CalendarDate, edition: String,
            builtAt: Instant, commentary: [Commentary], actions: [ActionItem], maturity: MaturitySummary?, submissions: [SubmissionRecord],
            heldNotSubmitted: [String: [String]], voice: VoiceService.Summary? = nil
        ) {
            self.voice = voice
            self.template = template
            self.report = report
            self.partnership = partnership
            self.period = period
            self.periodEnd = periodEnd
            self.edition = edition
            self.builtAt = builtAt
            self.commentary = commentary
            self.actions = actions
            self.maturity = maturity
            self.submissions = submissions
            self.heldNotSubmitted = heldNotSubmitted
        }
    }

    public let inputs: Inputs
    /// The scope of the partnership's figures (the whole area or a local authority).
    public let scope: String
    /// Sections the template requires that came out empty: the report cannot be published while any are.
    public private(set) var emptyRequired: [String] = []
    /// Every figure shown, by the key of the cell it shows.
    public private(set) var cited: [String: PublishedCell] = [:]
    private var body = ""

    public init(_ inputs: Inputs) {
        self.inputs = inputs
        scope = FrameworkReport.scope(partnership: inputs.partnership.id, on: inputs.periodEnd) ?? "all"
        render()
    }

    /// The key a figure is cited by: indicator, period, scope, breakdown, group and statistic.
    public static func key(_ c: IndicatorCell) -> String { [c.indicatorID, c.period, c.scope, c.breakdown, c.group, c.stat].joined(separator: "|") }

    /// The document, ending with its own hash (SHA-256 of everything before the hash line).
    public var html: String {
        let digest = SHA256.hash(data: Data(body.utf8)).hexString
        return body + "<p class=\"hash\">Report hash (SHA-256 of this document above this line): <code>\(digest)</code></p>\n</main>\n</body>\n</html>\n"
    }

    // MARK: rendering

    private mutating func render() {
        let t = inputs.template
        let title = "\(t.title): \(inputs.partnership.name), \(inputs.period)"
        body = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <title>\(esc(title))</title>
            <style>\(Self.styles)</style>
            </head>
            <body>
            <main>

            """
        body += "<h1>\(esc(t.title))</h1>\n<p class=\"lede\">\(esc(inputs.partnership.name)), \(esc(inputs.period)).</p>\n"
        body += "<nav aria-label=\"Contents\"><h2>Contents</h2><ol>"
        for (i, s) in t.sections.enumerated() { body += "<li><a href=\"#s\(i + 1)\">\(esc(s.title))</a></li>" }
        body += "</ol></nav>\n"
        for (i, s) in t.sections.enumerated() {
            body += "<section id=\"s\(i + 1)\" aria-labelledby=\"h\(i + 1)\"><h2 id=\"h\(i + 1)\">\(i + 1). \(esc(s.title))</h2>\n"
            if let intro = s.intro { body += "<p>\(esc(intro))</p>\n" }
            let before = body.count
            switch s.kind {
            case .summary: summary()
            case .questions: questions(themes: s.themes)
            case .notProgressed: notProgressed()
            case .gaps: gaps()
            case .actions: actions(horizon: s.horizonDays ?? 92)
            case .maturity: maturity()
            case .quality: quality()
            case .voice: voice()
            case .sources: sources()
            case .evidence: evidence()
            }
            if s.isRequired, body.count == before { emptyRequired.append(s.title) }
            body += "</section>\n"
        }
    }

    private mutating func summary() {
        let r = inputs.report
        body += "<dl>"
        body += row("For", "\(inputs.partnership.name) (\(Self.scopeName(scope)))")
        body += row("Period", inputs.period)
        body += row("Audience", inputs.template.audience)
        body += row("Edition", inputs.edition == "public" ? "Public: small numbers hidden under the public rules" : "Board")
        body += row("Built", UKTime.display(inputs.builtAt))
        body += row("Figures computed", "\(UKTime.display(r.run.computedAt)), from \(r.run.submissions.count) submissions")
        body += row("Framework", "\(r.spec.name), version \(r.spec.version)")
        body += row("Report template", "\(inputs.template.id), version \(inputs.template.version)")
        body += row("Disclosure control", r.disclosureControl ?? "None: exact figures (not for publication)")
        body += "</dl>\n"
    }

    /// The cell the report shows for an indicator: the period asked for when the indicator has it, else the latest
    /// figure of its longest kind of period ending by then.
    func figure(_ ind: IndicatorSpec) -> (PublishedCell, PublishedCell?)? {
        let cells = (inputs.report.cellsByIndicator[ind.id] ?? []).filter {
            $0.cell.scope == scope && $0.cell.breakdown == "total" && ($0.cell.stat == "value" || $0.cell.stat == "p50")
        }
        let chosen =
            cells.first { $0.cell.period == inputs.period }
            ?? FrameworkReport.headlineKinds.lazy.filter { ind.periods.contains($0) }.compactMap { kind in
                cells.filter { $0.cell.periodKind == kind.rawValue && $0.cell.periodEnd <= self.inputs.periodEnd && $0.cell.status != .notAvailable }
                    .max { $0.cell.periodEnd < $1.cell.periodEnd }
            }.first
        guard let chosen else { return nil }
        let earlier = cells.first { $0.cell.periodKind == chosen.cell.periodKind && $0.cell.periodEnd == chosen.cell.periodEnd.adding(months: -12) }
        return (chosen, earlier)
    }

    private mutating func cite(_ p: PublishedCell, unit: String) -> String {
        cited[Self.key(p.cell)] = p
        let shown = Double(p.value).map { Self.number($0) + unit } ?? p.value
        return "<span data-cell=\"\(esc(Self.key(p.cell)))\">\(esc(shown))</span>"
    }

    private mutating func questions(themes: [String]?) {
        let spec = inputs.report.spec
        for theme in spec.themes where themes.map({ $0.contains(theme.id) }) ?? true {
            body += "<h3>\(esc(theme.title))</h3>\n"
            for q in theme.questions {
                body += "<h4>\(esc(q.question))</h4>\n"
                if let c = approved(.question, q.id) { commentaryBlock(c) }
                guard !q.indicators.isEmpty else {
                    body += "<p>No indicator answers this question yet: it rests on \(esc(q.sources.joined(separator: "; ")))</p>\n"
                    continue
                }
                body +=
                    "<table><thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\">Period</th><th scope=\"col\">Figure</th><th scope=\"col\">A year earlier</th><th scope=\"col\">Status</th><th scope=\"col\">Trend (latest four)</th></tr></thead><tbody>\n"
                for ind in q.indicators {
                    let unit = inputs.report.unitText(ind)
                    guard let (now, earlier) = figure(ind) else {
                        body += "<tr><th scope=\"row\">\(esc(ind.title))</th><td colspan=\"5\">No figure for this area and period.</td></tr>\n"
                        continue
                    }
                    let trend = inputs.report.series(ind, scope: scope, kind: PeriodKind(rawValue: now.cell.periodKind) ?? .quarter)
                        .filter { $0.cell.periodEnd <= now.cell.periodEnd }.suffix(4)
                    var trendText: [String] = []
                    for t in trend { trendText.append("\(esc(t.cell.period)): \(cite(t, unit: unit))") }
                    let rag = FrameworkReport.rag(now, ind)
                    let chart = Self.bars(trend.map { ($0.cell.period, Double($0.value)) }, target: ind.target?.value, unit: unit)
                    body += "<tr><th scope=\"row\">\(esc(ind.title))</th><td>\(esc(now.cell.period))</td><td>\(cite(now, unit: unit))</td>"
                    body +=
                        "<td>\(earlier.map { cite($0, unit: unit) } ?? "–")</td><td>\(rag.map { "<span class=\"rag rag-\($0)\">\($0.capitalized)</span>" } ?? "–")</td>"
                    body += "<td>\(chart)\(trendText.joined(separator: "; "))</td></tr>\n"
                }
                body += "</tbody></table>\n"
                for ind in q.indicators { if let c = approved(.indicator, ind.id) { commentaryBlock(c, on: ind.title) } }
            }
        }
    }

    private mutating func notProgressed() {
        var rows: [String] = []
        for ind in inputs.report.spec.indicators {
            guard let (now, earlier) = figure(ind), let v = Double(now.value) else { continue }
            let red = FrameworkReport.rag(now, ind) == "red"
            let worse: Bool = {
                guard let e = earlier.flatMap({ Double($0.value) }) else { return false }
                return ind.polarity == .higherIsBetter ? v < e : ind.polarity == .higherIsWorse ? v > e : false
            }()
            guard red || worse else { continue }
            let unit = inputs.report.unitText(ind)
            let why = [red ? "off target" : nil, worse ? "worse than a year earlier" : nil].compactMap { $0 }.joined(separator: " and ")
            var line = "<li>\(esc(ind.title)): \(cite(now, unit: unit)) in \(esc(now.cell.period))"
            if let earlier { line += " (a year earlier \(cite(earlier, unit: unit)))" }
            rows.append(line + ", \(why).</li>")
        }
        if !rows.isEmpty {
            body += "<ul>\(rows.joined())</ul>\n"
        } else {
            body += "<p>Every indicator with a target is on or near it, and none is worse than a year earlier.</p>\n"
        }
    }

    private mutating func gaps() {
        let r = inputs.report
        var items: [String] = []
        for q in r.spec.questions {
            for g in r.gaps where g.questionID == q.id {
                let title = g.gap.indicatorID.flatMap { id in q.indicators.first { $0.id == id }?.title }
                items.append("<li>\(title.map { "<strong>\(esc($0)):</strong> " } ?? "")\(esc(g.gap.detail))</li>")
            }
            for held in inputs.heldNotSubmitted[q.id] ?? [] { items.append("<li>\(esc(held)).</li>") }
        }
        if !items.isEmpty { body += "<ul>\(items.joined())</ul>\n" }
    }

    private mutating func actions(horizon: Int) {
        let until = inputs.periodEnd.adding(days: horizon)
        let due = inputs.actions.filter { $0.status != .done && $0.due <= until }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
        guard !due.isEmpty else { return }
        body +=
            "<table><thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Owner</th><th scope=\"col\">Due</th><th scope=\"col\">Status</th></tr></thead><tbody>"
        for a in due {
            let overdue = a.due < inputs.periodEnd
            body +=
                "<tr><th scope=\"row\">\(esc(a.title))</th><td>\(esc(a.ownerName))</td><td>\(esc(a.due.description))\(overdue ? " (overdue at the period's end)" : "")</td><td>\(esc(a.status.rawValue))</td></tr>"
        }
        body += "</tbody></table>\n"
    }

    private mutating func maturity() {
        guard let m = inputs.maturity, m.submittedCount > 0 else { return }
        body += "<p>\(esc(m.round.title)): \(m.submittedCount) agencies submitted a self-assessment.</p>\n"
        body += "<table><thead><tr><th scope=\"col\">Agency</th>"
        for area in MaturityArea.allCases { body += "<th scope=\"col\">\(esc(area.title))</th>" }
        body += "</tr></thead><tbody>"
        for r in m.rows where !r.results.isEmpty {
            body += "<tr><th scope=\"row\">\(esc(ReferencePartnership.model.agencyName(r.agencyID)))</th>"
            for area in MaturityArea.allCases {
                let change = MaturitySummary.changeText(r.change[area]).map { " (\($0))" } ?? ""
                body += "<td>\(esc((r.level(area)?.title ?? "not known") + change))</td>"
            }
            body += "</tr>"
        }
        body += "</tbody></table>\n"
    }

    private mutating func quality() {
        let subs = inputs.submissions.filter { $0.quality != nil }.sorted { ($0.agency, $0.dataset.rawValue) < ($1.agency, $1.dataset.rawValue) }
        guard !subs.isEmpty else { return }
        body +=
            "<table><thead><tr><th scope=\"col\">Agency</th><th scope=\"col\">Data</th><th scope=\"col\">Rows</th><th scope=\"col\">Measures below good</th></tr></thead><tbody>"
        for s in subs {
            let weak = (s.quality?.dimensions ?? []).compactMap { d -> String? in
                guard let v = d.value, d.dimension.rating(v) != .good else { return nil }
                return "\(d.dimension.title.lowercased()) \(String(format: "%.1f%%", v * 100))"
            }
            body +=
                "<tr><th scope=\"row\">\(esc(ReferencePartnership.model.agencyName(s.agency)))</th><td>\(esc(s.dataset.schema.title))</td><td>\(s.rows)</td><td>\(esc(weak.isEmpty ? "none" : weak.joined(separator: "; ")))</td></tr>"
        }
        body += "</tbody></table>\n"
    }

    private mutating func voice() {
        guard let v = inputs.voice, !v.years.isEmpty else {
            body +=
                "<p>Dots holds no feedback from children, young people and families for this partnership yet, so this section cannot yet say how their voice was used.</p>\n"
            return
        }
        func cell(_ n: Int??) -> String {
            switch n {
            case .some(.some(let x)): String(x)
            case .some(.none): "c"
            case .none: "0"
            }
        }
        body +=
            "<p>Young people, parents and carers told the partnership about their experience of help: on their own feedback forms, in surveys and to practitioners. "
        body +=
            "Counts are of people whose words raised each theme, by financial year\(v.hiddenUpTo > 0 ? "; counts from 1 to \(v.hiddenUpTo) are shown as c" : ""). "
        body +=
            "The indicators under the question on their experience of help give the shares who feel safe, have an adult they trust and feel listened to.</p>\n"
        body += "<table><thead><tr><th scope=\"col\">Theme</th>" + v.years.map { "<th scope=\"col\">\(esc($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in [v.respondents, v.coded] + v.themes {
            body += "<tr><th scope=\"row\">\(esc(row.label))</th>" + v.years.map { "<td>\(cell(row.counts[$0]))</td>" }.joined() + "</tr>"
        }
        body += "</tbody></table>\n<h3>You said, we did</h3>\n"
        if v.saidDid.isEmpty {
            body += "<p>Nothing has been recorded yet of what was done in answer to what young people said.</p>\n"
        } else {
            body += "<dl>"
            for e in v.saidDid.sorted(by: { ($0.entry.recordedAt, $0.entry.id) < ($1.entry.recordedAt, $1.entry.id) }) {
                let actions = e.actions.map { "\($0.title) (\($0.status.title.lowercased()))" }.joined(separator: "; ")
                body +=
                    row("You said (\(e.theme.lowercased()))", e.entry.said)
                    + row("We did", e.entry.did + (actions.isEmpty ? "" : " On the action plan: \(actions)."))
            }
            body += "</dl>\n"
        }
        body += "<h3>In their words</h3>\n"
        if v.quotes.isEmpty {
            body +=
                "<p>No quote has passed every check for publishing (consent, the identifier scan, a second person's approval and group size) for this period.</p>\n"
        } else {
            for q in v.quotes {
                body += "<blockquote><p>\u{201C}\(esc(q.text))\u{201D}</p><footer>\(esc(q.attribution)), \(esc(q.period))</footer></blockquote>\n"
            }
        }
    }

    private mutating func sources() {
        let subs = inputs.submissions.sorted { ($0.dataset.rawValue, $0.agency) < ($1.dataset.rawValue, $1.agency) }
        guard !subs.isEmpty else { return }
        body +=
            "<table><thead><tr><th scope=\"col\">Data</th><th scope=\"col\">Agency</th><th scope=\"col\">Covers</th><th scope=\"col\">Refreshed (received)</th></tr></thead><tbody>"
        for s in subs {
            body +=
                "<tr><th scope=\"row\">\(esc(s.dataset.schema.title))</th><td>\(esc(ReferencePartnership.model.agencyName(s.agency)))</td><td>\(esc(s.period.description))</td><td>\(esc(UKTime.display(s.receivedAt)))</td></tr>"
        }
        body += "</tbody></table>\n"
    }

    private mutating func evidence() {
        let r = inputs.report
        body += "<p>Every figure above is a cell of framework run <code>\(esc(r.run.id))</code>, computed \(esc(UKTime.display(r.run.computedAt))) "
        body += r.run.linkageRunID.map { "with linkage run <code>\(esc($0))</code>" } ?? "without linkage (young people counted per agency)"
        body += ", under these disclosure rules: \(esc(r.disclosureControl ?? "none (exact figures)")).</p>\n"
        body += "<h3>Definitions</h3><dl>"
        let shown = Set(cited.values.map(\.cell.indicatorID))
        for ind in r.spec.computed where shown.contains(ind.id) { body += row(ind.title, ind.definition) }
        body +=
            "</dl>\n<h3>Submissions</h3><table><thead><tr><th scope=\"col\">Submission</th><th scope=\"col\">Agency</th><th scope=\"col\">Data</th><th scope=\"col\">Period</th><th scope=\"col\">Rows</th><th scope=\"col\">Checksum (SHA-256)</th></tr></thead><tbody>"
        for s in inputs.submissions.sorted(by: { $0.id < $1.id }) {
            body +=
                "<tr><th scope=\"row\"><code>\(esc(s.id))</code></th><td>\(esc(ReferencePartnership.model.agencyName(s.agency)))</td><td>\(esc(s.dataset.rawValue))</td><td>\(esc(s.period.description))</td><td>\(s.rows)</td><td><code>\(esc(s.checksum))</code></td></tr>"
        }
        body +=
            "</tbody></table>\n<h3>Figures cited</h3><p>\(cited.count) figures, each by its cell: indicator | period | area | breakdown | group | statistic.</p><ul class=\"cells\">"
        for key in cited.keys.sorted() {
            let p = cited[key]!
            body += "<li><code>\(esc(key))</code>: \(esc(p.value))\(p.suppression.map { " (\(esc($0)))" } ?? "")</li>"
        }
        body += "</ul>\n"
    }

    // MARK: parts

    private func approved(_ subject: Commentary.Subject, _ id: String) -> Commentary? {
        inputs.commentary.filter { $0.state == .approved && $0.subject == subject && $0.subjectID == id && $0.partnership == inputs.partnership.id }
            .max { ($0.reviewedAt ?? $0.writtenAt, $0.id) < ($1.reviewedAt ?? $1.writtenAt, $1.id) }
    }

    private mutating func commentaryBlock(_ c: Commentary, on title: String? = nil) {
        body +=
            "<div class=\"commentary\"><p class=\"caption\">Commentary\(title.map { " on \(esc($0))" } ?? ""), \(esc(c.period)): written by \(esc(c.writtenBy)), approved by \(esc(c.reviewedBy ?? ""))</p>"
        body += "<p><strong>What the figures say.</strong> \(esc(c.says))</p>"
        if !c.doesNotSay.isEmpty { body += "<p><strong>What they do not say.</strong> \(esc(c.doesNotSay))</p>" }
        if !c.doing.isEmpty { body += "<p><strong>What the partnership is doing.</strong> \(esc(c.doing))</p>" }
        body += "</div>\n"
    }

    /// A small bar chart of a trend (SVG, drawn here; no script, no fonts): its text alternative is the trend written
    /// out beside it, which the chart's label points to. A dashed line marks the target. Hidden figures draw no bar.
    static func bars(_ points: [(label: String, value: Double?)], target: Double?, unit: String) -> String {
        guard points.contains(where: { $0.value != nil }) else { return "" }
        let width = 120.0, height = 36.0, gap = 4.0
        let top = max(points.compactMap(\.value).max() ?? 0, target ?? 0, 1)
        let w = (width - gap * Double(points.count - 1)) / Double(points.count)
        let said = points.map { "\($0.label): \($0.value.map { number($0) + unit } ?? "not shown")" }.joined(separator: "; ")
        var out =
            "<svg class=\"bars\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"Trend: \(esc(said))\">"
        for (i, p) in points.enumerated() {
            guard let v = p.value else { continue }
            let h = max(1, (v / top * (height - 2)).rounded())
            out += "<rect x=\"\(number(Double(i) * (w + gap)))\" y=\"\(number(height - h))\" width=\"\(number(w))\" height=\"\(number(h))\" fill=\"#1d70b8\"/>"
        }
        if let target {
            let y = number((height - target / top * (height - 2)).rounded())
            out += "<line x1=\"0\" x2=\"\(Int(width))\" y1=\"\(y)\" y2=\"\(y)\" stroke=\"#0b0c0c\" stroke-dasharray=\"3 2\"/>"
        }
        return out + "</svg><br>"
    }

    private func row(_ term: String, _ value: String) -> String { "<div><dt>\(esc(term))</dt><dd>\(esc(value))</dd></div>" }

    static func scopeName(_ scope: String) -> String {
        scope == "all" ? "Staffordshire and Stoke-on-Trent" : ReferenceGeography.area(code: scope)?.name ?? scope
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
    }

    static let styles = """
        body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;margin:0;line-height:1.4}main{max-width:60em;margin:0 auto;padding:1em}\
        h1{font-size:1.8em}h2{font-size:1.4em;border-top:2px solid #0b0c0c;padding-top:.4em;break-after:avoid}h3,h4{break-after:avoid}\
        table{border-collapse:collapse;width:100%;margin:.5em 0 1em}th,td{text-align:left;vertical-align:top;border-bottom:1px solid #b1b4b6;padding:.3em .4em}\
        thead{display:table-header-group}tr{break-inside:avoid}dl div{display:flex;gap:1em}dt{font-weight:bold;min-width:12em}\
        .rag{padding:0 .3em;font-weight:bold}.rag-green{background:#cce2d8}.rag-amber{background:#fff7bf}.rag-red{background:#f4cdc6}\
        .commentary{border-left:4px solid #1d70b8;padding-left:.8em;margin:.5em 0 1em}.caption,.lede{color:#505a5f}.cells{columns:2;font-size:.8em}\
        .hash{font-size:.8em;color:#505a5f;word-break:break-all}code{overflow-wrap:anywhere}\
        @page{size:A4;margin:18mm 15mm;@bottom-center{content:"Page " counter(page) " of " counter(pages);font-size:9pt;color:#505a5f}}\
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        """
}

/// HTML-escapes text for the report (the report is built outside the web app's `HTML` type).
func esc(_ s: String) -> String { HTMLText.escape(s) }

import DotsCore
import Foundation

/// The data quality review: for each agency and dataset, the five dimensions measured at intake, their trend
/// across submissions, and the fields to fix first.
enum QualityPages {
    static func percent(_ v: Double) -> String {
        v >= 0.9995 && v < 1 ? "99.9%" : String(format: "%.1f%%", v * 100)
    }

    /// A value with its rating in words (never colour alone).
    static func rated(_ d: QualityDimension, _ v: Double?) -> HTML {
        guard let v else { return "<span class=\"dots-secondary\">–<span class=\"dots-visually-hidden\"> not measured</span></span>" }
        let r = d.rating(v)
        let colour = ["good": "green", "fair": "amber", "poor": "red"][r.rawValue]!
        return "\(percent(v)) <strong class=\"dots-tag dots-tag--\(colour)\">\(r.title)</strong>"
    }

    static func dimensionsHead() -> HTML {
        QualityDimension.allCases.html { "<th scope=\"col\">\($0.title)</th>" }
    }

    /// The partnership's (or one agency's) view: every expected dataset with its latest figures.
    static func overview(scopeName: String, agencies: [Agency], current: [SubmissionRecord], filter: HTML = "") -> HTML {
        var total = QualityProfile(fields: [])
        for s in current { if let q = s.quality { total.absorb(q) } }
        var rows: HTML = ""
        var toFix: [(SubmissionRecord, FieldProblem)] = []
        for agency in agencies {
            for ds in agency.datasets {
                let sub = current.first { $0.agency == agency.id && $0.dataset == ds }
                guard let sub else {
                    rows +=
                        "<tr><td>\(agency.name)</td><td>\(ds.schema.title)</td><td colspan=\"\(QualityDimension.allCases.count + 1)\"><strong class=\"dots-tag dots-tag--gap\">Not submitted</strong></td></tr>"
                    continue
                }
                let q = sub.quality
                rows +=
                    "<tr><td><a href=\"/quality/\(HTML.query(agency.id))/\(ds.rawValue)\">\(agency.name)<span class=\"dots-visually-hidden\"> \(ds.schema.title)</span></a></td><td>\(ds.schema.title)</td><td class=\"num\">\(sub.rows)</td>"
                    + QualityDimension.allCases.html { "<td>\(rated($0, q?.value(of: $0)))</td>" } + "</tr>"
                for p in q?.fieldsToFix.prefix(3) ?? [] where p.errors > 0 { toFix.append((sub, p)) }
            }
        }
        toFix.sort { $0.1.errors > $1.1.errors }
        var out: HTML = """
            <h1>Data quality</h1>
            <p>How complete, valid, consistent, unique and timely each agency's data is, measured on every row when it is submitted.
            \(scopeName). Agencies start from different places: this is for improving data together, not for ranking.</p>
            <details class="dots-details"><summary>What the measures mean</summary>
            <dl class="dots-summary-list">\(QualityDimension.allCases.html { "<div class=\"dots-summary-list__row\"><dt>\($0.title)</dt><dd>\($0.meaning) Good at \(percent($0.green)) or more; needs attention below \(percent($0.amber)).</dd></div>" })</dl>
            </details>
            \(filter)
            """
        if !current.isEmpty {
            out +=
                "<h2>All data in force</h2><dl class=\"dots-summary-list\">"
                + QualityDimension.allCases.html {
                    "<div class=\"dots-summary-list__row\"><dt>\($0.title)</dt><dd>\(rated($0, total.value(of: $0)))</dd></div>"
                }
                + "</dl>"
        }
        out += """
            <h2>By agency and dataset</h2>
            <table class="dots-table"><caption class="dots-visually-hidden">Latest data quality by agency and dataset</caption>
            <thead><tr><th scope="col">Agency</th><th scope="col">Dataset</th><th scope="col" class="num">Rows</th>\(dimensionsHead())</tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        out += "<h2>Fields to fix first</h2>"
        if toFix.isEmpty {
            out += "<p>No field has errors in the data in force.</p>"
        } else {
            out += """
                <table class="dots-table"><caption class="dots-visually-hidden">Fields with the most errors</caption>
                <thead><tr><th scope="col">Agency</th><th scope="col">Dataset</th><th scope="col">Field</th><th scope="col">Main issue</th><th scope="col" class="num">Rows affected</th></tr></thead>
                <tbody>\(toFix.prefix(10).html { s, p in "<tr><td>\(SubmissionPages.agencyName(s.agency))</td><td>\(s.dataset.schema.title)</td><td>\(p.title) (<code>\(p.field)</code>)</td><td>\(p.mainIssue)</td><td class=\"num\">\(p.errors) of \(p.rows)</td></tr>" })</tbody></table>
                """
        }
        return out
    }

    /// One agency's dataset: latest figures, the trend across submissions (oldest first), and every field.
    static func detail(agency: Agency, dataset: Dataset, history: [SubmissionRecord]) -> HTML {
        let ordered = history.reversed().filter { $0.quality != nil }
        // A rejected upload was measured, but nothing of it was loaded: it is listed, never part of the trend.
        let trend = ordered.filter { $0.status != .rejected }
        let latest = history.first { $0.status == .current && $0.quality != nil } ?? history.first { $0.quality != nil }
        var out: HTML = "<span class=\"dots-caption\">\(agency.name)</span><h1>Data quality: \(dataset.schema.title)</h1>"
        guard let latest, let q = latest.quality else {
            return out + "<p>No submission of this dataset has been measured yet.</p>"
        }
        out += """
            <p>Latest measured submission: \(latest.source), received \(UKTime.display(latest.receivedAt)) (\(SubmissionPages.statusTag(latest.status))), \(q.rows) rows.</p>
            <dl class="dots-summary-list">\(QualityDimension.allCases.html { "<div class=\"dots-summary-list__row\"><dt>\($0.title)</dt><dd>\(rated($0, q.value(of: $0)))</dd></div>" })
            \(q.medianLagDays.map { "<div class=\"dots-summary-list__row\"><dt>Median lag</dt><dd>\($0) days from event to submission (\(q.newEvents ?? 0) new events)</dd></div>" } ?? "")
            </dl>
            """
        let fix = q.fieldsToFix
        out += "<h2>Fields to fix first</h2>"
        if fix.isEmpty {
            out += "<p>Every field is complete and valid.</p>"
        } else {
            out += """
                <table class="dots-table"><caption class="dots-visually-hidden">Fields with problems, worst first</caption>
                <thead><tr><th scope="col">Field</th><th scope="col">Main issue</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Blank (optional)</th><th scope="col" class="num">Rows</th></tr></thead>
                <tbody>\(fix.html { p in "<tr><td>\(p.title) (<code>\(p.field)</code>)</td><td>\(p.mainIssue)</td><td class=\"num\">\(p.errors)</td><td class=\"num\">\(p.blanks)</td><td class=\"num\">\(p.rows)</td></tr>" })</tbody></table>
                """
        }
        out += "<h2>Trend across submissions</h2>"
        if trend.count < 2 {
            out += "<p>Trends appear once a second submission of this dataset has been accepted.</p>"
        } else {
            let labels = trend.map { UKTime.localDate(of: $0.receivedAt).description }
            out += "<div class=\"dots-charts\">"
            for (i, d) in QualityDimension.allCases.enumerated() {
                let values = trend.map { $0.quality?.value(of: d) }
                guard values.contains(where: { $0 != nil }) else { continue }
                let chart = TrendChart(
                    title: "\(d.title) of \(dataset.schema.title) by submission", labels: labels, values: values.map { $0.map { $0 * 100 } },
                    format: { String(format: "%.0f%%", $0) }, width: 420, height: 200, maxValue: 100)
                out += "<figure class=\"dots-chart-figure\"><figcaption>\(d.title)</figcaption>\(chart.svg(id: "quality-\(i)"))</figure>"
            }
            out += "</div>"
        }
        if trend.count < ordered.count {
            out += "<p class=\"dots-body-s\">Rejected uploads are listed below but left out of the trend: nothing of them was loaded.</p>"
        }
        out += """
            <table class="dots-table"><caption>Each submission's data quality, oldest first</caption>
            <thead><tr><th scope="col">Received</th><th scope="col">Status</th><th scope="col" class="num">Rows</th>\(dimensionsHead())</tr></thead>
            <tbody>\(ordered.html { s in "<tr><td>\(UKTime.display(s.receivedAt))</td><td>\(SubmissionPages.statusTag(s.status))</td><td class=\"num\">\(s.quality?.rows ?? 0)</td>" + QualityDimension.allCases.html { "<td>\(rated($0, s.quality?.value(of: $0)))</td>" } + "</tr>" })</tbody></table>
            """
        out += """
            <h2>Every field in the latest submission</h2>
            <table class="dots-table"><caption class="dots-visually-hidden">Completeness and validity of each field</caption>
            <thead><tr><th scope="col">Field</th><th scope="col">Required</th><th scope="col" class="num">Completeness</th><th scope="col" class="num">Invalid values</th><th scope="col" class="num">Contradictions</th></tr></thead>
            <tbody>\(q.fields.html { f in "<tr><td>\(f.title) (<code>\(f.name)</code>)</td><td>\(f.required ? "Yes" : f.counts ? "No" : "No; not recorded by this kind of agency, so not counted in completeness")</td><td class=\"num\">\(q.rows == 0 ? "–" : percent(Double(f.filled) / Double(q.rows)))</td><td class=\"num\">\(f.invalid)</td><td class=\"num\">\(f.inconsistent)</td></tr>" })</tbody></table>
            """
        return out
    }
}

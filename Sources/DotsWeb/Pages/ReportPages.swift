import DotsApp
import DotsCore
import DotsGovernance

/// Reports for the Safeguarding Partnership: those published, each with its editions, and for analysts the form
/// to preview and publish one.
enum ReportPages {
    typealias Errors = [(field: String, message: String)]

    struct Choice: Sendable {
        var template = "dashboard"
        var partnership = "joint-ce"
        var period = ""
        var changes = ""
    }

    static func list(_ reports: [PublishedReport], mayBuild: Bool, mayReadBoard: Bool, csrf: String, choice: Choice, problems: [String] = [], pdfEngine: Bool)
        -> HTML
    {
        var out: HTML =
            "<h1>Reports</h1><p>Reports for the Safeguarding Partnership, built from the framework's figures. A published report never changes: a correction is a new version that says what changed.</p>"
        if !problems.isEmpty {
            out += """
                <div class="dots-error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                  <h2 id="error-summary-title">This report cannot be published yet</h2>
                  <ul>\(problems.html { "<li>\($0)</li>" })</ul>
                </div>
                """
        }
        if reports.isEmpty {
            out += "<p>No report has been published yet.</p>"
        } else {
            out +=
                "<div class=\"dots-table-wrap\"><table class=\"dots-table\"><caption class=\"dots-visually-hidden\">Published reports</caption><thead><tr><th scope=\"col\">Report</th><th scope=\"col\">Partnership</th><th scope=\"col\">Period</th><th scope=\"col\">Version</th><th scope=\"col\">Published</th></tr></thead><tbody>"
            for r in reports {
                out +=
                    "<tr><th scope=\"row\"><a href=\"/reports/\(r.id)\">\(r.title)</a></th><td>\(partnershipName(r.partnership))</td><td>\(r.period)</td><td>\(r.version)</td><td>\(UKTime.display(r.builtAt)) by \(r.publishedBy)</td></tr>"
            }
            out += "</tbody></table></div>"
        }
        guard mayBuild else { return out }
        let templates: [(value: String, text: String)] = [
            ("dashboard", "Sub-group dashboard (quarterly)"), ("annual", "Partnership annual report"), ("profile", "Problem profile"),
        ]
        let partnerships = ReferencePartnership.model.partnerships.map { (value: $0.id, text: $0.name) }
        out += """
            <h2>Build a report</h2>
            <p>Preview it first. Publishing builds the board and public editions from the latest figures\(pdfEngine ? ", with PDFs" : " (HTML only: Chromium is not installed on this server)"), once nothing stops it: the figures must be up to date, commentary approved and required sections filled.</p>
            <form method="get" action="/reports/preview" novalidate>
              \(FormControls.select("template", label: "Report", options: templates, selected: choice.template, errors: []))
              \(FormControls.select("partnership", label: "Partnership", options: partnerships, selected: choice.partnership, errors: []))
              \(FormPages.field("period", label: "Period", value: choice.period, autocomplete: "off", errors: [], hint: "As the framework names it: 2025-26 Q4, 2025-26 or 12 months to 2026-03."))
              <button class="dots-button dots-button--secondary" type="submit" name="edition" value="board">Preview the board edition</button>
              <button class="dots-button dots-button--secondary" type="submit" name="edition" value="public">Preview the public edition</button>
            </form>
            <form method="post" action="/reports" novalidate>
              <input type="hidden" name="csrf" value="\(csrf)">
              <input type="hidden" name="template" value="\(choice.template)">
              <input type="hidden" name="partnership" value="\(choice.partnership)">
              \(FormPages.field("publish-period", label: "Period to publish", value: choice.period, autocomplete: "off", errors: []))
              \(FormControls.textarea("changes", label: "What changed (for a correction of a published report)", value: choice.changes, errors: [], rows: 2))
              <button class="dots-button" type="submit">Publish</button>
            </form>
            """
        return out
    }

    static func detail(_ r: PublishedReport, mayReadBoard: Bool) -> HTML {
        var links: [HTML] = []
        for edition in mayReadBoard ? ["board", "public"] : ["public"] {
            let name = edition == "board" ? "Board edition" : "Public edition"
            var item: HTML =
                "<li>\(name): <a href=\"/reports/\(r.id)/\(edition).html\">HTML<span class=\"dots-visually-hidden\"> of the \(name.lowercased())</span></a>"
            if r.pdfEditions.contains(edition) {
                item +=
                    " · <a href=\"/reports/\(r.id)/\(edition).pdf\" download>PDF<span class=\"dots-visually-hidden\"> of the \(name.lowercased())</span></a>"
            }
            links.append(item + " <span class=\"dots-body-s\">(SHA-256 \(String(r.hashes[edition]?.prefix(16) ?? ""))…)</span></li>")
        }
        return """
            <span class="dots-caption">Report, version \(r.version)</span>
            <h1>\(r.title)</h1>
            <dl class="dots-summary-list">
              <div class="dots-summary-list__row"><dt>Partnership</dt><dd>\(partnershipName(r.partnership))</dd></div>
              <div class="dots-summary-list__row"><dt>Period</dt><dd>\(r.period)</dd></div>
              <div class="dots-summary-list__row"><dt>Published</dt><dd>\(UKTime.display(r.builtAt)) by \(r.publishedBy)</dd></div>
              <div class="dots-summary-list__row"><dt>Figures</dt><dd>Framework run \(r.runID)</dd></div>
              <div class="dots-summary-list__row"><dt>Template</dt><dd>\(r.templateID), version \(r.templateVersion)</dd></div>
              \(r.changes.map { "<div class=\"dots-summary-list__row\"><dt>What changed</dt><dd>\($0)</dd></div>" } ?? HTML.empty)
            </dl>
            <h2>Download</h2>
            <ul>\(links)</ul>
            """
    }

    static func partnershipName(_ id: String) -> String { ReferencePartnership.model.partnership(id: id)?.name ?? id }
}

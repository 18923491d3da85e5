import DotsCore
import Foundation

/// The submissions pages: the upload form, what an upload found, and the intake history.
enum SubmissionPages {
    static func agencyName(_ id: String) -> String {
        ReferencePartnership.model.agencyName(id)
    }

    static func resultTag(_ accepted: Bool) -> HTML {
        accepted ? "<strong class=\"dots-tag dots-tag--green\">Accepted</strong>" : "<strong class=\"dots-tag dots-tag--red\">Rejected</strong>"
    }

    static func statusTag(_ status: SubmissionRecord.Status) -> HTML {
        switch status {
        case .current: "<strong class=\"dots-tag dots-tag--green\">In force</strong>"
        case .superseded: "<strong class=\"dots-tag dots-tag--grey\">Replaced</strong>"
        case .rejected: "<strong class=\"dots-tag dots-tag--red\">Rejected</strong>"
        }
    }

    /// The upload form, for the agencies the use case says the uploader may submit for: one (an agency data lead's
    /// own) is stated; several (an admin) are a choice.
    static func form(
        agencies: [Agency], csrf: String, agency: String = "", period: String = "", errors: [(field: String, message: String)] = [],
        uploadLimit: Int
    ) -> HTML {
        let agencyField: HTML
        if agencies.count == 1 {
            agencyField = "<p>You are submitting for <strong>\(agencies[0].name)</strong>.</p>"
        } else {
            let error = errors.first { $0.field == "agency" }?.message
            let options = agencies.html { a in
                "<option value=\"\(a.id)\"\(a.id == agency ? " selected" : "")>\(a.name)</option>"
            }
            agencyField = """
                <div class="dots-form-group\(error == nil ? "" : " dots-form-group--error")">
                  <label class="dots-label" for="agency">Agency</label>
                  \(error.map { "<p class=\"dots-error-message\" id=\"agency-error\"><span class=\"dots-visually-hidden\">Error:</span> \($0)</p>" } ?? "")
                  <select class="dots-select" id="agency" name="agency"\(error == nil ? "" : " aria-describedby=\"agency-error\"")><option value="">Choose an agency</option>\(options)</select>
                </div>
                """
        }
        let fileError = errors.first { $0.field == "files" }?.message
        return """
            \(FormPages.errorSummary(errors))
            <h1>Upload a submission</h1>
            <p>Upload a package made by <code>dots prepare</code> (its <code>datapackage.json</code> and every CSV it lists, chosen together),
            or one or more CSV files already in the hub's format. Every row is checked against the published schemas before anything is loaded:
            if any file has an error, nothing is loaded and you get the full list of problems to fix.</p>
            <p class="dots-body-s">Never upload files with names, dates of birth, addresses or NHS numbers: prepare them first. Files with those columns are refused.</p>
            <form method="post" action="/submissions" enctype="multipart/form-data" novalidate>
              <input type="hidden" name="csrf" value="\(csrf)">
              \(agencyField)
              \(FormPages.field("period", label: "Period (optional)", value: period, autocomplete: "off", errors: errors,
                            hint: "For example 2025-26 (a financial year), 2025-26 Q2, 2025-07 (a month) or 2025-04-01/2025-09-30. Leave blank to take it from the package or from the events' dates."))
              <div class="dots-form-group\(fileError == nil ? "" : " dots-form-group--error")">
                <label class="dots-label" for="files">Files</label>
                <div class="dots-hint" id="files-hint">CSV files, or a package's datapackage.json with its CSVs. Up to \(uploadLimit / (1024 * 1024)) MB in all.</div>
                \(fileError.map { "<p class=\"dots-error-message\" id=\"files-error\"><span class=\"dots-visually-hidden\">Error:</span> \($0)</p>" } ?? "")
                <input class="dots-file-upload" id="files" name="files[]" type="file" multiple accept=".csv,.json,text/csv,application/json" aria-describedby="files-hint\(fileError == nil ? "" : " files-error")">
              </div>
              <button type="submit" class="dots-button">Check and submit</button>
            </form>
            """
    }

    /// What one intake found. A refused upload leads with an error summary listing each problem's row, column,
    /// value and fix, as GOV.UK forms do; the full list downloads as JSON or CSV.
    static func report(_ record: IntakeReportRecord, _ report: IntakeReport, justUploaded: Bool, shown limit: Int = 100) -> HTML {
        let issues = report.issues
        let errors = issues.filter { $0.severity == .error }
        var out: HTML = ""
        if !record.accepted {
            let listed = errors.prefix(10).enumerated().html { i, issue in
                "<li><a href=\"#issue-\(i + 1)\">\(issue.message)</a></li>"
            }
            out += """
                <div class="dots-error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                  <h2 id="error-summary-title">There is a problem: \(report.errorCount) error\(report.errorCount == 1 ? "" : "s") to fix. Nothing was loaded.</h2>
                  <ul>\(listed)</ul>
                  \(report.errorCount > 10 ? "<p>The table below lists the first \(min(limit, issues.count)); the downloads list all \(report.errorCount + report.warningCount).</p>" : "")
                </div>
                """
        } else if justUploaded {
            out +=
                "<div class=\"dots-notification dots-notification--success\" role=\"status\"><p><strong>Submission accepted.</strong> \(record.rows) rows in \(report.files.count) file\(report.files.count == 1 ? "" : "s") are now in force\(record.warningCount > 0 ? "; \(record.warningCount) warning\(record.warningCount == 1 ? "" : "s") to look at" : "").</p></div>"
        }
        out += """
            <h1>\(record.accepted ? "Submission accepted" : "Submission rejected")</h1>
            <dl class="dots-summary-list">
              <div class="dots-summary-list__row"><dt>Agency</dt><dd>\(agencyName(record.agency))</dd></div>
              <div class="dots-summary-list__row"><dt>Uploaded</dt><dd>\(record.label), \(UKTime.display(record.receivedAt)) by \(record.submittedBy)</dd></div>
              <div class="dots-summary-list__row"><dt>Result</dt><dd>\(resultTag(record.accepted))</dd></div>
              <div class="dots-summary-list__row"><dt>Rows checked</dt><dd>\(report.rows)</dd></div>
              <div class="dots-summary-list__row"><dt>Errors and warnings</dt><dd>\(report.errorCount) errors, \(report.warningCount) warnings</dd></div>
            </dl>
            <p><a href="/submissions/reports/\(record.id).csv" download>Download the full report (CSV)</a> · <a href="/submissions/reports/\(record.id).json" download>Download the full report (JSON)</a></p>
            <h2>Files</h2>
            <table class="dots-table"><caption class="dots-visually-hidden">Files in this upload</caption>
            <thead><tr><th scope="col">File</th><th scope="col">Dataset</th><th scope="col" class="num">Rows</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th></tr></thead>
            <tbody>\(report.files.html { f in "<tr><td>\(f.file)</td><td>\(f.dataset?.rawValue ?? "not recognised")</td><td class=\"num\">\(f.rows)</td><td class=\"num\">\(f.errorCount)</td><td class=\"num\">\(f.warningCount)</td></tr>" })</tbody>
            </table>
            """
        if !issues.isEmpty {
            out += """
                <h2>Problems found</h2>
                <table class="dots-table"><caption class="dots-visually-hidden">Each problem with where it is and how to fix it</caption>
                <thead><tr><th scope="col">#</th><th scope="col">Severity</th><th scope="col">File</th><th scope="col" class="num">Row</th><th scope="col">Column</th><th scope="col">Value</th><th scope="col">Problem</th><th scope="col">How to fix it</th></tr></thead>
                <tbody>\(issues.prefix(limit).enumerated().html { i, issue in "<tr id=\"issue-\(i + 1)\"><td>\(i + 1)</td><td>\(issue.severity == .error ? "<strong class=\"dots-tag dots-tag--red\">Error</strong>" : "<strong class=\"dots-tag dots-tag--amber\">Warning</strong>")</td><td>\(issue.file)</td><td class=\"num\">\(issue.row.map(String.init) ?? "")</td><td>\(issue.column ?? "")</td><td>\(issue.value ?? "")</td><td>\(issue.rule)</td><td>\(issue.fix)</td></tr>" })</tbody>
                </table>
                """
        }
        out += "<p><a href=\"/submissions/new\">Upload another submission</a> · <a href=\"/submissions\">All submissions</a></p>"
        return out
    }

    /// The history: the datasets now in force, then one page of uploads (newest first).
    static func history(_ user: CurrentUser, reports shown: [IntakeReportRecord], page: Int, pages: Int, current: [SubmissionRecord]) -> HTML {
        let scopeNote: String =
            if case .only(let own) = user.agencyScope { "Submissions from \(agencyName(own))." } else { "Submissions from every agency in the partnership." }
        var out: HTML = "<h1>Submissions</h1><p>\(scopeNote)</p>"
        if user.can(.submitData) { out += "<a href=\"/submissions/new\" class=\"dots-button\" role=\"button\" draggable=\"false\">Upload a submission</a>" }
        out += "<h2>Datasets in force</h2>"
        if current.isEmpty {
            out += "<p>No data is in force yet.</p>"
        } else {
            out += """
                <table class="dots-table"><caption class="dots-visually-hidden">Datasets in force, by agency</caption>
                <thead><tr><th scope="col">Agency</th><th scope="col">Dataset</th><th scope="col">Period</th><th scope="col" class="num">Rows</th><th scope="col">Received</th><th scope="col">Data quality</th></tr></thead>
                <tbody>\(current.html { s in "<tr><td>\(agencyName(s.agency))</td><td>\(s.dataset.schema.title)</td><td>\(s.period.description)</td><td class=\"num\">\(s.rows)</td><td>\(UKTime.display(s.receivedAt))</td><td><a href=\"/quality/\(HTML.query(s.agency))/\(s.dataset.rawValue)\">Quality<span class=\"dots-visually-hidden\"> of \(agencyName(s.agency)) \(s.dataset.schema.title)</span></a></td></tr>" })</tbody></table>
                """
        }
        out += "<h2>Uploads</h2>"
        if shown.isEmpty { return out + "<p>Nothing has been uploaded yet.</p>" }
        out += """
            <table class="dots-table"><caption class="dots-visually-hidden">Uploads, newest first</caption>
            <thead><tr><th scope="col">Received</th><th scope="col">Agency</th><th scope="col">Upload</th><th scope="col">Result</th><th scope="col" class="num">Rows</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th></tr></thead>
            <tbody>\(shown.html { r in "<tr><td>\(UKTime.display(r.receivedAt))</td><td>\(agencyName(r.agency))</td><td><a href=\"/submissions/reports/\(r.id)\">\(r.label)</a></td><td>\(resultTag(r.accepted))</td><td class=\"num\">\(r.rows)</td><td class=\"num\">\(r.errorCount)</td><td class=\"num\">\(r.warningCount)</td></tr>" })</tbody></table>
            """
        return out + Pagination.render(page: page, pages: pages, base: "/submissions?")
    }
}

/// GOV.UK pagination: previous, numbered pages, next.
enum Pagination {
    static func render(page: Int, pages: Int, base: String) -> HTML {
        guard pages > 1 else { return "" }
        var items: HTML = ""
        if page > 1 { items += "<li><a href=\"\(base)page=\(page - 1)\" rel=\"prev\">Previous<span class=\"dots-visually-hidden\"> page</span></a></li>" }
        for p in 1...pages where p == 1 || p == pages || abs(p - page) <= 2 {
            items +=
                p == page
                ? "<li><a href=\"\(base)page=\(p)\" aria-current=\"page\" aria-label=\"Page \(p)\">\(p)</a></li>"
                : "<li><a href=\"\(base)page=\(p)\" aria-label=\"Page \(p)\">\(p)</a></li>"
        }
        if page < pages { items += "<li><a href=\"\(base)page=\(page + 1)\" rel=\"next\">Next<span class=\"dots-visually-hidden\"> page</span></a></li>" }
        return "<nav class=\"dots-pagination\" aria-label=\"Pages\"><ul>\(items)</ul></nav>"
    }
}

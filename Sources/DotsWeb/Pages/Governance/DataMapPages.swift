import DotsApp
import DotsCore
import DotsFramework
import DotsGovernance

/// The data map: the partnership's catalogue of datasets, one dataset's record, its form, and the coverage view
/// ("what data could answer each question").
enum DataMapPages {
    static func statusTag(_ s: CoverageStatus) -> HTML {
        let colour = s == .submitted ? "green" : s == .heldNotSubmitted ? "amber" : "red"
        return "<strong class=\"dots-tag dots-tag--\(colour)\">\(s.title)</strong>"
    }

    static func questionTag(_ s: QuestionCoverage.Status) -> HTML {
        let colour = s == .answerable ? "green" : s == .partly ? "amber" : s == .unanswerable ? "red" : "grey"
        return "<strong class=\"dots-tag dots-tag--\(colour)\">\(s.title)</strong>"
    }

    static func list(_ user: CurrentUser, entries: [DataMapEntry], agency: String?, removed: String?) -> HTML {
        let options = [("", "Every agency")] + ReferencePartnership.agencies.map { ($0.id, $0.name) }
        var out: HTML =
            removed.map {
                "<div class=\"dots-notification dots-notification--success\" role=\"status\"><p><strong>\($0) was removed from the data map.</strong></p></div>"
            } ?? ""
        out += """
            <h1>The partnership data map</h1>
            <p>What each agency holds that bears on exploitation and extra-familial harm: where it is, how it is recorded, how fresh it is, who can see it,
            and on what basis it is shared. Each agency keeps its own entries; the map shows which strategic questions the partnership's data can answer.</p>
            <p><a href="/datamap/coverage">What data could answer each strategic question</a> · Download: <a href="/datamap/export.csv">CSV</a> · <a href="/datamap/export.md">Markdown</a></p>
            """
        if user.can(.editDataMap) { out += "<p><a class=\"dots-button\" href=\"/datamap/new\">Record a dataset</a></p>" }
        out += """
            <form method="get" action="/datamap" class="dots-filter">
              <div class="dots-form-group"><label class="dots-label" for="agency">Agency</label>
              <select class="dots-select" id="agency" name="agency">\(options.html { "<option value=\"\($0.0)\"\($0.0 == (agency ?? "") ? " selected" : "")>\($0.1)</option>" })</select></div>
              <button type="submit" class="dots-button dots-button--secondary">Show</button>
            </form>
            """
        guard !entries.isEmpty else { return out + "<p>No datasets are recorded\(agency == nil ? "" : " for this agency") yet.</p>" }
        out +=
            "<table class=\"dots-table\"><caption>\(entries.count) dataset\(entries.count == 1 ? "" : "s")</caption><thead><tr><th scope=\"col\">Dataset</th><th scope=\"col\">Agency</th><th scope=\"col\">Dots dataset</th><th scope=\"col\">Recorded as</th><th scope=\"col\">Refreshed</th><th scope=\"col\">Sharing agreement</th></tr></thead><tbody>"
        for e in entries {
            out +=
                "<tr><td><a href=\"/datamap/\(e.id)\">\(e.name)</a><div class=\"dots-body-s dots-secondary\">\(e.system)</div></td><td>\(SubmissionPages.agencyName(e.agencyID))</td><td>\(e.dataset.map { "<code>\($0.rawValue)</code>" } ?? "None")</td><td>\(e.recordingMethod.title)</td><td>\(e.refresh.title)</td><td>\(e.sharingAgreement.isEmpty ? HTML("<strong class=\"dots-tag dots-tag--amber\">None recorded</strong>") : "\(e.sharingAgreement)")</td></tr>"
        }
        return out + "</tbody></table>"
    }

    static func detail(_ user: CurrentUser, _ e: DataMapEntry, spec: FrameworkSpec, saved: Bool) -> HTML {
        func row(_ k: String, _ v: HTML) -> HTML { "<div class=\"dots-summary-list__row\"><dt>\(k)</dt><dd>\(v)</dd></div>" }
        let questions = spec.questions.filter { q in
            e.informs.contains(q.id) || q.indicators.contains { ind in e.dataset.map(DataCoverage.datasets(of: ind).contains) ?? false }
        }
        var out: HTML =
            saved
            ? "<div class=\"dots-notification dots-notification--success\" role=\"status\"><p><strong>Dataset saved to the data map.</strong></p></div>" : ""
        out += "<span class=\"dots-caption\">\(SubmissionPages.agencyName(e.agencyID))</span><h1>\(e.name)</h1>"
        if user.caller.may(.editDataMap, agency: e.agencyID) {
            out += "<p><a class=\"dots-button dots-button--secondary\" href=\"/datamap/\(e.id)/edit\">Change this dataset</a></p>"
        }
        out += "<dl class=\"dots-summary-list\">"
        out += row("System", "\(e.system)") + row("What is recorded", "\(e.recorded)") + row("How it is recorded", "\(e.recordingMethod.title)")
        out += row("Dots dataset", e.dataset.map { "<code>\($0.rawValue)</code> (\($0.schema.title))" } ?? "None: it is not submitted to Dots as data")
        out += row(
            "Coverage",
            "\(e.coverage)\(e.coverageFrom.map { HTML("<br>From \(Formatting.longDate($0))") })"
                + "\(e.coverageTo.map { " to \(Formatting.longDate($0))" } ?? (e.coverageFrom == nil ? "" : ", still recorded"))")
        out += row("Refreshed", "\(e.refresh.title)") + row("Who can access it", "\(e.access)")
        out += row("Sharing agreement", "\(e.sharingAgreement.isEmpty ? "None recorded" : e.sharingAgreement)") + row("Lawful basis", "\(e.lawfulBasis.title)")
        out += row("Known quality issues", "\(e.qualityIssues.isEmpty ? "None recorded" : e.qualityIssues)") + row("Owner", "\(e.owner)")
        out += row(
            "Strategic questions it bears on", questions.isEmpty ? "None yet" : "<ul>" + questions.html { "<li>\($0.question)</li>" } + "</ul>")
        out += row("Last updated", "\(UKTime.display(e.updatedAt)) by \(e.updatedBy)")
        return out + "</dl>"
    }

    static func form(
        _ user: CurrentUser, spec: FrameworkSpec, input v: GovernanceService.DataMapInput, id: String?, csrf: String, errors: FormControls.Errors = []
    ) -> HTML {
        let agencyField: HTML
        if case .only(let own) = user.agencyScope {
            agencyField = "<p>You are recording a dataset held by <strong>\(SubmissionPages.agencyName(own))</strong>.</p>"
        } else {
            agencyField = FormControls.select(
                "agency", label: "Agency that holds it", options: FormControls.agencyOptions(), selected: v.agencyID, errors: errors, name: "agencyID")
        }
        let datasets =
            [(value: "", text: "None: not submitted to Dots as data")]
            + Dataset.allCases.map { (value: $0.rawValue, text: "\($0.schema.title) (\($0.rawValue))") }
        return """
            \(FormPages.errorSummary(errors))
            <h1>\(id == nil ? "Record a dataset" : "Change a dataset")</h1>
            <p>One entry per dataset your agency holds that bears on exploitation or extra-familial harm, whether or not it is shared today.</p>
            <form method="post" action="\(id.map { "/datamap/\($0)/edit" } ?? "/datamap")" novalidate>
              \(FormControls.hidden("csrf", csrf))
              \(agencyField)
              \(FormPages.field("name", label: "Name of the dataset", value: v.name, autocomplete: "off", errors: errors, hint: "As your agency knows it, for example Missing person reports"))
              \(FormControls.select("dataset", label: "Which Dots dataset could it be submitted as?", options: datasets, selected: v.dataset, errors: errors,
                                hint: "This joins the data map to the framework: it decides which strategic questions the dataset could help answer."))
              \(FormPages.field("system", label: "System it is held in", value: v.system, autocomplete: "off", errors: errors, hint: "For example Liquidlogic LCS, Niche RMS, a spreadsheet"))
              \(FormControls.textarea("recorded", label: "What is recorded", value: v.recorded, errors: errors, hint: "The main facts about young people and exploitation it holds"))
              \(FormControls.radios("recordingMethod", legend: "How is it recorded?", options: RecordingMethod.allCases.map { ($0.rawValue, $0.title, nil) }, selected: v.recordingMethod, errors: errors))
              \(FormControls.textarea("coverage", label: "Who or what it covers", value: v.coverage, errors: errors, rows: 2))
              \(FormPages.field("coverageFrom", label: "Recorded from (optional)", value: v.coverageFrom, autocomplete: "off", errors: errors, hint: "For example 2019-04-01"))
              \(FormPages.field("coverageTo", label: "Recorded until (optional)", value: v.coverageTo, autocomplete: "off", errors: errors, hint: "Leave blank if it is still recorded"))
              \(FormControls.select("refresh", label: "How often is it refreshed?", options: [("", "Choose how often")] + RefreshFrequency.allCases.map { ($0.rawValue, $0.title) }, selected: v.refresh, errors: errors))
              \(FormControls.textarea("access", label: "Who can access it", value: v.access, errors: errors, hint: "Teams or roles inside the agency, and any partners", rows: 2))
              \(FormPages.field("sharingAgreement", label: "Information sharing agreement (optional)", value: v.sharingAgreement, autocomplete: "off", errors: errors, hint: "Its name; leave blank if there is none"))
              \(FormControls.select("lawfulBasis", label: "Lawful basis for processing and sharing (UK GDPR Article 6)", options: [("", "Choose the lawful basis")] + LawfulBasis.allCases.map { ($0.rawValue, $0.title) },
                                selected: v.lawfulBasis, errors: errors))
              \(FormControls.textarea("qualityIssues", label: "Known quality issues (optional)", value: v.qualityIssues, errors: errors, rows: 3))
              \(FormPages.field("owner", label: "Owner", value: v.owner, autocomplete: "off", errors: errors, hint: "A person or post, for example Head of performance"))
              \(FormControls.checkboxes("informs", legend: "Other strategic questions it bears on (optional)", options: spec.questions.map { ($0.id, $0.question) }, checked: Set(v.informs), errors: errors,
                                    hint: "Beyond those its Dots dataset answers: for example free-text records that inform a question"))
              <button type="submit" class="dots-button">Save dataset</button>
            </form>
            \(id.map { removeForm(id: $0, csrf: csrf) } ?? "")
            """
    }

    /// For a dataset the agency no longer holds, or one recorded by mistake.
    static func removeForm(id: String, csrf: String) -> HTML {
        """
        <h2>Remove this dataset</h2>
        <p>If your agency no longer holds it, or it was recorded by mistake, remove it from the data map. Coverage and suggestions change at once.</p>
        <form method="post" action="/datamap/\(id)/delete" novalidate>
          \(FormControls.hidden("csrf", csrf))
          <button type="submit" class="dots-button dots-button--warning">Remove dataset</button>
        </form>
        """
    }

    /// What data could answer each strategic question: the data map joined to the framework, with the framework
    /// run's own gaps beside it.
    static func coverage(_ coverage: [QuestionCoverage], spec: FrameworkSpec, entries: [DataMapEntry], gaps: [String: [DataGap]]) -> HTML {
        let counts = Dictionary(grouping: coverage, by: \.status).mapValues(\.count)
        var out: HTML = """
            <h1>What data could answer each strategic question</h1>
            <p>For each question the partnership wants answered: the datasets its indicators need and whether each is <strong>submitted to Dots</strong>,
            <strong>held by an agency but not submitted</strong> (from the data map), or <strong>not held</strong> by anyone in the partnership. This is the data side of
            "what we don't know"; the framework's own gaps (empty fields, data not linked) are listed beside it.</p>
            <p>\(counts[.answerable] ?? 0) questions have their data submitted, \(counts[.partly] ?? 0) partly, \(counts[.unanswerable] ?? 0) have none submitted, and \(counts[.noIndicators] ?? 0) rest on qualitative sources.</p>
            """
        for theme in spec.themes {
            out += "<h2>\(theme.title)</h2>"
            for q in coverage where q.themeID == theme.id {
                out +=
                    "<section class=\"dots-question\" aria-labelledby=\"cov-\(q.questionID)\"><h3 id=\"cov-\(q.questionID)\">\(q.question)</h3><p>\(questionTag(q.status))</p>"
                if !q.datasets.isEmpty {
                    out +=
                        "<table class=\"dots-table\"><caption class=\"dots-visually-hidden\">Datasets for this question</caption><thead><tr><th scope=\"col\">Dataset</th><th scope=\"col\">Status</th><th scope=\"col\">Submitted by</th><th scope=\"col\">Held but not submitted by</th></tr></thead><tbody>"
                    for d in q.datasets {
                        out +=
                            "<tr><td>\(d.dataset.schema.title) <code>\(d.dataset.rawValue)</code></td><td>\(statusTag(d.status))</td><td>\(d.submittedBy.map(SubmissionPages.agencyName).joined(separator: ", "))</td><td>\(d.heldNotSubmittedBy.map(SubmissionPages.agencyName).joined(separator: ", "))</td></tr>"
                    }
                    out += "</tbody></table>"
                }
                let others = entries.filter { q.otherSources.contains($0.id) }
                if !others.isEmpty {
                    out +=
                        "<p class=\"dots-body-s\"><strong>Also held (not as Dots data):</strong> "
                        + others.map {
                            "<a href=\"/datamap/\($0.id)\">\($0.name)</a> (\(SubmissionPages.agencyName($0.agencyID)), \($0.recordingMethod.title.lowercased()))"
                        }.joined(separator: "; ") + "</p>"
                }
                if let mine = gaps[q.questionID], !mine.isEmpty {
                    out +=
                        "<div class=\"dots-gaps\"><h4>What the framework cannot yet answer</h4><ul>"
                        + mine.map { "<li>\($0.detail)\($0.blocking ? " <strong class=\"dots-tag dots-tag--gap\">Cannot be answered</strong>" : "")</li>" }
                        .joined() + "</ul></div>"
                }
                out += "</section>"
            }
        }
        return out
    }
}

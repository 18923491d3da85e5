import DotsCore
import DotsGovernance

/// The data-maturity pages: the partnership heatmap, an agency's results, the self-assessment form, the questionnaire.
enum MaturityPages {
    static func levelTag(_ level: MaturityLevel?) -> HTML {
        guard let level else { return "<span class=\"dots-level dots-level--none\">Don't know</span>" }
        return "<span class=\"dots-level dots-level--\(level.rawValue)\">\(level.title)</span>"
    }

    static func changeHTML(_ change: Int??) -> HTML {
        guard let text = MaturitySummary.changeText(change) else { return "" }
        let arrow = text.hasPrefix("up") ? "↑" : text.hasPrefix("down") ? "↓" : "="
        return " <span class=\"dots-body-s\"><span aria-hidden=\"true\">\(arrow)</span><span class=\"dots-visually-hidden\">\(text)</span></span>"
    }

    static func roundPicker(_ rounds: [MaturityRound], chosen: MaturityRound) -> HTML {
        guard rounds.count > 1 else { return "" }
        let options = rounds.html { "<option value=\"\($0.id)\"\($0.id == chosen.id ? " selected" : "")>\($0.title)</option>" }
        return """
            <form method="get" action="/maturity" class="dots-filter">
              <div class="dots-form-group"><label class="dots-label" for="round">Round</label><select class="dots-select" id="round" name="round">\(options)</select></div>
              <button type="submit" class="dots-button dots-button--secondary">Show</button>
            </form>
            """
    }

    static func heatmap(
        _ user: CurrentUser, summary s: MaturitySummary, rounds: [MaturityRound], csrf: String, roundErrors: FormControls.Errors = [],
        roundForm: [String: String] = [:]
    ) -> HTML {
        let q = s.round.questionnaire
        var out: HTML = """
            \(FormPages.errorSummary(roundErrors))
            <span class="dots-caption">\(s.round.title)\(s.round.closes.map { ", agencies asked to submit by \(Formatting.longDate($0))" } ?? "")</span>
            <h1>Data maturity</h1>
            <p>Each agency assesses its own data about child exploitation across six areas, picking for each question the statement most like it.
            Levels follow Data Orchard's Data Maturity Framework: Unaware, Emerging, Learning, Developing, Mastering. An area's level is the lower middle of the agency's answers.
            There is no overall score and agencies are not ranked: this shows where each agency is starting from, so support can meet it there.</p>
            \(roundPicker(rounds, chosen: s.round))
            <p><strong>\(s.submittedCount) of \(s.rows.count)</strong> agencies have submitted in this round.\(s.previous.map { " Arrows show change since \($0.title)." } ?? " This is the first round, so there is no change to show yet.")</p>
            """
        if case .only(let own) = user.agencyScope, user.can(.assessMaturity) {
            let row = s.rows.first { $0.agencyID == own }
            let state = row?.results.isEmpty == false ? "submitted" : row?.status == .draft ? "saved as a draft" : "not started"
            out +=
                "<div class=\"dots-notification\"><p>Your agency's assessment is <strong>\(state)</strong>. <a href=\"/maturity/agencies/\(own)/edit?round=\(HTML.query(s.round.id))\">\(state == "not started" ? "Start" : state == "submitted" ? "Review or resubmit" : "Continue") your agency's self-assessment</a></p></div>"
        }
        out += "<table class=\"dots-table dots-heatmap\"><caption>Self-assessed level by agency and area</caption><thead><tr><th scope=\"col\">Agency</th>"
        out += MaturityArea.allCases.html { "<th scope=\"col\">\($0.title)</th>" } + "</tr></thead><tbody>"
        for row in s.rows {
            let name = SubmissionPages.agencyName(row.agencyID)
            out += "<tr><th scope=\"row\"><a href=\"/maturity/agencies/\(row.agencyID)?round=\(HTML.query(s.round.id))\">\(name)</a></th>"
            if row.results.isEmpty {
                out +=
                    "<td colspan=\"\(MaturityArea.allCases.count)\"><span class=\"dots-tag dots-tag--grey\">\(row.status == .draft ? "In progress" : "Not submitted")</span></td></tr>"
                continue
            }
            for area in MaturityArea.allCases {
                out += "<td>\(levelTag(row.level(area)))\(changeHTML(row.change[area]))</td>"
            }
            out += "</tr>"
        }
        out += "</tbody></table>"
        let ranked = s.areasByStrength.filter { $0.median != nil }
        if ranked.count > 1, let strongest = ranked.first, let weakest = ranked.last {
            out += """
                <h2>Across the partnership</h2>
                <p>Strongest area: <strong>\(strongest.area.title)</strong>, typically \(strongest.median!.title). Weakest area: <strong>\(weakest.area.title)</strong>, typically \(weakest.median!.title).</p>
                <table class="dots-table"><caption>Areas, strongest first (the typical agency's level)</caption>
                <thead><tr><th scope="col">Area</th><th scope="col">Typical level</th><th scope="col">Corresponds to</th></tr></thead><tbody>
                \(ranked.html { "<tr><td>\($0.area.title)</td><td>\(levelTag($0.median))</td><td class=\"dots-body-s\">\($0.area.publishedThemes)</td></tr>" })
                </tbody></table>
                """
        }
        out += """
            <p>Download: <a href="/maturity/export.csv?round=\(HTML.query(s.round.id))">CSV</a> · <a href="/maturity/export.md?round=\(HTML.query(s.round.id))">Markdown for a board paper</a> ·
            <a href="/maturity/questionnaire?round=\(HTML.query(s.round.id))">the questionnaire (\(q.title), version \(q.version))</a></p>
            """
        if user.can(.manageRounds) { out += newRoundForm(csrf: csrf, errors: roundErrors, values: roundForm) }
        return out
    }

    static func newRoundForm(csrf: String, errors: FormControls.Errors, values: [String: String]) -> HTML {
        """
        <h2>Open a new round</h2>
        <p>A new round asks every agency to assess itself again with the current questionnaire; results show change against the round before.</p>
        <form method="post" action="/maturity/rounds" novalidate>
          \(FormControls.hidden("csrf", csrf))
          \(FormPages.field("title", label: "Title", value: values["title"] ?? "", autocomplete: "off", errors: errors, hint: "For example: Round 2 (2027)"))
          \(FormPages.field("opened", label: "Opens on", value: values["opened"] ?? "", autocomplete: "off", errors: errors, hint: "For example 2027-04-01"))
          \(FormPages.field("closes", label: "Agencies asked to submit by (optional)", value: values["closes"] ?? "", autocomplete: "off", errors: errors, hint: "For example 2027-05-31"))
          <button type="submit" class="dots-button dots-button--secondary">Open round</button>
        </form>
        """
    }

    static func none(_ user: CurrentUser, csrf: String, errors: FormControls.Errors = [], values: [String: String] = [:]) -> HTML {
        "\(FormPages.errorSummary(errors))<h1>Data maturity</h1><p>No round of self-assessment has been opened yet.</p>"
            + (user.can(.manageRounds) ? newRoundForm(csrf: csrf, errors: errors, values: values) : "<p>A partnership analyst opens a round.</p>")
    }

    /// One agency's results in a round, with its answers and evidence.
    static func agency(
        _ user: CurrentUser, agency: Agency, round: MaturityRound, shown: MaturityAssessment?, draft: MaturityAssessment?, row: MaturitySummary.Row?,
        history: [MaturityAssessment], saved: String?
    ) -> HTML {
        let q = round.questionnaire
        var out: HTML = ""
        if saved == "submitted" {
            out +=
                "<div class=\"dots-notification dots-notification--success\" role=\"status\"><p><strong>Assessment submitted.</strong> The partnership's heatmap now shows it.</p></div>"
        }
        if saved == "draft" {
            out +=
                "<div class=\"dots-notification dots-notification--success\" role=\"status\"><p><strong>Draft saved.</strong> Only your agency and the partnership admin see a draft until it is submitted.</p></div>"
        }
        out += "<span class=\"dots-caption\">\(round.title)</span><h1>Data maturity: \(agency.name)</h1>"
        let canEdit = user.caller.may(.assessMaturity, agency: agency.id)
        if canEdit {
            let label = shown?.submittedAt != nil ? "Change and resubmit the assessment" : draft != nil ? "Continue the draft" : "Start the self-assessment"
            out += "<p><a class=\"dots-button\" href=\"/maturity/agencies/\(agency.id)/edit?round=\(HTML.query(round.id))\">\(label)</a></p>"
            if let draft, draft.status == .draft, shown?.submittedAt != nil {
                out +=
                    "<p class=\"dots-hint\">A draft with changes was saved \(UKTime.display(draft.updatedAt)) by \(draft.updatedBy); the partnership still sees the last submission.</p>"
            }
        }
        guard let shown, shown.submittedAt != nil, let row else {
            return out + "<p>\(agency.name) has not submitted an assessment in this round.</p>"
        }
        let last = history.last
        out +=
            "<p>Submitted \(last.map { UKTime.display($0.submittedAt ?? $0.updatedAt) } ?? "")) by \(shown.updatedBy)\(history.count > 1 ? " (submission \(history.count); earlier ones are kept)" : "").</p>"
        out +=
            "<table class=\"dots-table\"><caption>Level by area</caption><thead><tr><th scope=\"col\">Area</th><th scope=\"col\">Level</th><th scope=\"col\">Answered</th><th scope=\"col\">Change since last round</th></tr></thead><tbody>"
        for r in row.results {
            out +=
                "<tr><td>\(r.area.title)</td><td>\(levelTag(r.level))</td><td>\(r.answered) of \(r.questions)\(r.dontKnow > 0 ? ", \(r.dontKnow) don't know" : "")</td><td>\((MaturitySummary.changeText(row.change[r.area]) ?? (row.hasPrevious ? "not comparable" : "first round")))</td></tr>"
        }
        out += "</tbody></table><h2>Answers and evidence</h2>"
        for section in q.areas {
            out += "<h3>\(section.area.title)</h3><dl class=\"dots-summary-list\">"
            for question in section.questions {
                let a = shown.answer(question.id)
                let answer = a.map { a in a.level.map { "\(levelTag($0)) \(question.statements[$0.rawValue - 1])" } ?? levelTag(nil) } ?? "Not answered"
                out +=
                    "<div class=\"dots-summary-list__row\"><dt>\(question.text)</dt><dd>\(answer)\(a.map { $0.evidence.isEmpty ? "" : "<p class=\"dots-body-s\"><strong>Evidence:</strong> \($0.evidence)</p>" } ?? "")</dd></div>"
            }
            out += "</dl>"
        }
        return out
    }

    /// The self-assessment form: a fieldset of statements per question, "I don't know", and an evidence note.
    static func form(
        agency: Agency, round: MaturityRound, assessment: MaturityAssessment?, values: [String: String]? = nil, csrf: String, errors: FormControls.Errors = []
    ) -> HTML {
        let q = round.questionnaire
        var out: HTML = """
            \(FormPages.errorSummary(errors))
            <span class="dots-caption">\(round.title): \(agency.name)</span>
            <h1>Data-maturity self-assessment</h1>
            <p>For each question, choose the statement most like your agency today, not where you hope to be. If you do not know, say so: that is useful to know too.
            Add a short note of evidence where you can (a report, a system, a meeting). Save a draft at any time; submit when every question has an answer.</p>
            <p class="dots-body-s">\(q.source)</p>
            <form method="post" action="/maturity/agencies/\(agency.id)/edit?round=\(HTML.query(round.id))" novalidate>
            \(FormControls.hidden("csrf", csrf))
            """
        for section in q.areas {
            out += "<h2>\(section.area.title)</h2>"
            for question in section.questions {
                let a = assessment?.answer(question.id)
                // After a failed submit, show what was sent (not what was stored).
                let chosen =
                    values.map { $0["level-\(question.id)"] } ?? a.flatMap { $0.unanswered ? nil : ($0.level.map { String($0.rawValue) } ?? "dont-know") }
                let options =
                    MaturityLevel.allCases.map { level in
                        (value: String(level.rawValue), text: question.statements[level.rawValue - 1], hint: Optional(level.title))
                    }
                    + [(value: "dont-know", text: "I don't know", hint: nil)]
                out += FormControls.radios(
                    "\(question.id)-level", legend: question.text, options: options, selected: chosen, errors: errors,
                    legendClass: "dots-fieldset__legend dots-fieldset__legend--m", name: "level-\(question.id)")
                out += FormControls.textarea(
                    "\(question.id)-evidence", label: "Evidence (optional)", value: values.map { $0["evidence-\(question.id)"] ?? "" } ?? a?.evidence ?? "",
                    errors: errors, rows: 2, name: "evidence-\(question.id)")
            }
        }
        out += """
            <div class="dots-button-group">
              <button type="submit" class="dots-button" name="action" value="submit">Submit assessment</button>
              <button type="submit" class="dots-button dots-button--secondary" name="action" value="draft">Save as draft</button>
            </div>
            </form>
            """
        return out
    }

    static func questionnaire(_ q: MaturityQuestionnaire) -> HTML {
        var out: HTML = "<span class=\"dots-caption\">Version \(q.version) (\(q.id))</span><h1>\(q.title)</h1><p>\(q.source)</p>"
        for section in q.areas {
            out += "<h2>\(section.area.title)</h2><p class=\"dots-body-s\">\(section.area.publishedThemes)</p>"
            for question in section.questions {
                out +=
                    "<h3>\(question.text)</h3><ol class=\"dots-body-s\">"
                    + MaturityLevel.allCases.html { "<li><strong>\($0.title):</strong> \(question.statements[$0.rawValue - 1])</li>" } + "</ol>"
            }
        }
        return out
    }
}

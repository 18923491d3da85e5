import DotsApp
import DotsCore
import DotsFramework
import DotsGovernance

/// Action plans: the plan in its views, one action with its history, the forms, suggestions, the printable plan.
enum ActionPages {
    static func statusTag(_ a: ActionItem, today: CalendarDate) -> HTML {
        let colour: String
        switch a.status {
        case .done: colour = "green"
        case .dropped: colour = "grey"
        case .blocked: colour = "red"
        case .inProgress: colour = "amber"
        case .notStarted: colour = "grey"
        }
        return "<strong class=\"dots-tag dots-tag--\(colour)\">\(a.status.title)</strong>"
            + (a.isOverdue(on: today) ? " <strong class=\"dots-tag dots-tag--red\">Overdue</strong>" : "")
    }

    static func agencyName(_ id: String?) -> String { id.map(SubmissionPages.agencyName) ?? "Partnership" }

    static func promptText(_ p: ActionPrompt) -> String { p.text.isEmpty ? p.kind.title : "\(p.kind.title): \(p.text)" }

    /// The views a person can switch between, as tabs.
    static func tabs(_ user: CurrentUser, current: String, agency: String?) -> HTML {
        var tabs: [(String, String, String)] = [("mine", "My actions", "/actions?view=mine")]
        if let own = user.agencyScope.agencyID {
            tabs.append(("agency", "\(SubmissionPages.agencyName(own))", "/actions?view=agency&agency=\(HTML.query(own))"))
        } else if let agency {
            tabs.append(("agency", SubmissionPages.agencyName(agency), "/actions?view=agency&agency=\(HTML.query(agency))"))
        }
        tabs += [
            ("partnership", "Partnership plan", "/actions?view=partnership"), ("overdue", "Overdue", "/actions?view=overdue"),
            ("all", "All actions", "/actions?view=all"),
        ]
        let items = tabs.html { key, text, href in
            "<li><a href=\"\(href)\"\(key == current ? " aria-current=\"page\"" : "")>\(text)</a></li>"
        }
        return "<nav aria-label=\"Action plan views\"><ul class=\"dots-tabs\">\(items)</ul></nav>"
    }

    /// Partnership staff choose which agency's plan to read.
    static func agencyPicker(_ chosen: String?) -> HTML {
        """
        <form method="get" action="/actions" class="dots-filter">
          <input type="hidden" name="view" value="agency">
          \(FormControls.select("agency", label: "An agency's plan", options: FormControls.agencyOptions(), selected: chosen ?? "", errors: []))
          <button type="submit" class="dots-button dots-button--secondary">Show</button>
        </form>
        """
    }

    static func table(_ actions: [ActionItem], today: CalendarDate, caption: String, links: Bool = true) -> HTML {
        guard !actions.isEmpty else { return "<p>There are no actions in this view.</p>" }
        var out: HTML =
            "<table class=\"dots-table\"><caption>\(caption)</caption><thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Agency</th><th scope=\"col\">Owner</th><th scope=\"col\">Due</th><th scope=\"col\">Status</th><th scope=\"col\">Prompted by</th></tr></thead><tbody>"
        for a in actions {
            let title: HTML =
                links
                ? "<a href=\"/actions/\(a.id)\">\(a.title)</a>"
                : "<strong>\(a.title)</strong>\(a.detail.isEmpty ? "" : HTML("<div class=\"dots-body-s\">\(a.detail)</div>"))"
            out +=
                "<tr><td>\(title)</td><td>\(agencyName(a.agencyID))</td><td>\(a.ownerName)</td><td>\(Formatting.longDate(a.due))</td><td>\(statusTag(a, today: today))</td><td class=\"dots-body-s\">\(promptText(a.prompt))</td></tr>"
        }
        return out + "</tbody></table>"
    }

    static func list(
        _ user: CurrentUser, actions: [ActionItem], view: String, viewTitle: String, agency: String?, today: CalendarDate, suggestions: Int?,
        exportQuery: String
    ) -> HTML {
        let open = actions.filter { !$0.status.isClosed }.count
        let overdue = actions.filter { $0.isOverdue(on: today) }.count
        var out: HTML = """
            <h1>Action plans</h1>
            <p>Actions the partnership and each agency have agreed, each tied to what prompted it: a data-maturity area, a data quality issue, a data gap, a strategic question or a data leads meeting.</p>
            \(tabs(user, current: view, agency: agency))
            \(user.agencyScope == .all ? agencyPicker(agency) : "")
            <h2>\(viewTitle)</h2>
            <p>\(open) open\(overdue > 0 ? ", <strong>\(overdue) overdue</strong>" : ""), \(actions.count - open) closed.</p>
            """
        var buttons: [HTML] = []
        if user.can(.manageActions) { buttons.append("<a class=\"dots-button\" href=\"/actions/new\">Add an action</a>") }
        if let suggestions, user.can(.manageActions) {
            buttons.append("<a class=\"dots-button dots-button--secondary\" href=\"/actions/suggestions\">Suggested actions (\(suggestions))</a>")
        }
        if !buttons.isEmpty { out += "<div class=\"dots-button-group\">\(buttons.joined())</div>" }
        out += table(actions, today: today, caption: viewTitle)
        out +=
            "<p>Download this view: <a href=\"/actions/export.csv?\(exportQuery)\">CSV</a> · <a href=\"/actions/export.md?\(exportQuery)\">Markdown</a> · <a href=\"/actions/print?\(exportQuery)\">Printable page</a></p>"
        return out
    }

    static func printable(_ actions: [ActionItem], title: String, today: CalendarDate, updates: [String: [ActionUpdate]]) -> HTML {
        let open = actions.filter { !$0.status.isClosed }
        var out: HTML = """
            <h1>\(title)</h1>
            <p>As at \(Formatting.longDate(today)): \(open.count) open (\(actions.filter { $0.isOverdue(on: today) }.count) overdue), \(actions.count - open.count) closed. Prepared from Dots to reflect back to the partnership.</p>
            <p class="dots-no-print">Use your browser's print command to print this page or save it as a PDF.</p>
            """
        out += table(actions, today: today, caption: "Actions", links: false)
        let notes = actions.compactMap { a -> HTML? in
            guard let last = updates[a.id]?.last(where: { !$0.note.isEmpty }) else { return nil }
            return
                "<li><strong>\(a.title):</strong> \(last.note) <span class=\"dots-secondary\">(\(UKTime.display(last.at)), \(last.by))</span></li>"
        }
        if !notes.isEmpty { out += "<h2>Latest progress</h2><ul class=\"dots-body-s\">\(notes.joined())</ul>" }
        return out
    }

    static func detail(
        _ a: ActionItem, spec: FrameworkSpec, updates: [ActionUpdate], meeting: DataLeadsMeeting?, today: CalendarDate, canUpdate: Bool, csrf: String,
        change: GovernanceService.ActionChange = .init(), errors: FormControls.Errors = [], saved: Bool = false, linksQuality: Bool = true
    ) -> HTML {
        func row(_ k: String, _ v: HTML) -> HTML { "<div class=\"dots-summary-list__row\"><dt>\(k)</dt><dd>\(v)</dd></div>" }
        var out: HTML = FormPages.errorSummary(errors)
        if saved { out += "<div class=\"dots-notification dots-notification--success\" role=\"status\"><p><strong>Action saved.</strong></p></div>" }
        out += "<span class=\"dots-caption\">\(agencyName(a.agencyID)) action</span><h1>\(a.title)</h1><p>\(statusTag(a, today: today))</p>"
        out += "<dl class=\"dots-summary-list\">"
        if !a.detail.isEmpty { out += row("Detail", "\(a.detail)") }
        out +=
            row("Owner", "\(a.ownerName)") + row("Due", "\(Formatting.longDate(a.due))")
            + row("Prompted by", "\(promptText(a.prompt))\(promptLink(a.prompt, spec: spec, linksQuality: linksQuality).map { HTML("<br>\($0)") })")
        if let meeting { out += row("Raised at", "<a href=\"/meetings/\(meeting.id)\">\(meeting.title), \(Formatting.longDate(meeting.heldOn))</a>") }
        out += row("Created", "\(UKTime.display(a.createdAt)) by \(a.createdBy)") + "</dl>"
        if canUpdate {
            let statuses = ActionStatus.allCases.map { (value: $0.rawValue, text: $0.title, hint: $0 == .dropped ? Optional("Say why in the note") : nil) }
            out += """
                <h2>Update progress</h2>
                <form method="post" action="/actions/\(a.id)" novalidate>
                  \(FormControls.hidden("csrf", csrf))
                  \(FormControls.textarea("note", label: "Progress note", value: change.note, errors: errors, hint: "What has happened since the last update"))
                  \(FormControls.radios("status", legend: "Status", options: statuses, selected: change.status.isEmpty ? a.status.rawValue : change.status, errors: errors))
                  \(FormPages.field("due", label: "Due date", value: change.due.isEmpty ? a.due.description : change.due, autocomplete: "off", errors: errors, hint: "For example 2027-03-31"))
                  <button type="submit" class="dots-button">Save update</button>
                </form>
                """
        }
        out += "<h2>History</h2><ol class=\"dots-timeline\" reversed>"
        for u in updates.reversed() {
            var what: [String] = []
            if let s = u.status { what.append("status: \(s.title)") }
            if let d = u.due { what.append("due \(Formatting.longDate(d))") }
            out +=
                "<li><strong>\(UKTime.display(u.at))</strong>, \(u.by)\(what.isEmpty ? "" : " (\(what.joined(separator: "; ")))")\(u.note.isEmpty ? "" : "<p class=\"dots-body-s\">\(u.note)</p>")</li>"
        }
        return out + "</ol>"
    }

    /// What the action points at: a question, indicator or maturity area chosen from lists; a suggestion's or a
    /// meeting's own reference (a dataset, a meeting) is kept as it came.
    static func referenceField(_ v: GovernanceService.ActionInput, spec: FrameworkSpec, errors: FormControls.Errors) -> HTML {
        let kind = ActionPrompt.Kind(rawValue: v.promptKind)
        if !v.promptReference.isEmpty, ![.question, .indicator, .maturityArea].contains(kind) {
            return FormControls.hidden("promptReference", v.promptReference)
        }
        func option(_ value: String, _ text: String) -> HTML {
            "<option value=\"\(value)\"\(value == v.promptReference ? " selected" : "")>\(text)</option>"
        }
        let e = FormControls.error("promptReference", errors)
        let groups = [
            "<optgroup label=\"Strategic questions\">" + spec.questions.html { option($0.id, $0.question) } + "</optgroup>",
            "<optgroup label=\"Indicators\">" + spec.indicators.html { option($0.id, $0.title) } + "</optgroup>",
            "<optgroup label=\"Data-maturity areas\">" + MaturityArea.allCases.html { option($0.rawValue, $0.title) } + "</optgroup>",
        ]
        return """
            <div class="\(FormControls.group(e))">
              <label class="dots-label" for="promptReference">Which question, indicator or maturity area? (optional)</label>
              <div class="dots-hint" id="promptReference-hint">Links the action to it, for a question, an indicator or a maturity area.</div>
              \(FormControls.errorMessage("promptReference", e))
              <select class="dots-select" id="promptReference" name="promptReference" aria-describedby="promptReference-hint\(e == nil ? "" : " promptReference-error")">\(option("", "None"))\(groups.joined())</select>
            </div>
            """
    }

    /// Where the thing that prompted an action can be seen, if Dots has a page for it.
    /// - Parameter linksQuality: whether the reader may open the data quality review (a link only where it opens).
    static func promptLink(_ p: ActionPrompt, spec: FrameworkSpec, linksQuality: Bool = true) -> HTML? {
        guard !p.reference.isEmpty else { return nil }
        switch p.kind {
        case .question: return spec.questions.first { $0.id == p.reference }.map { "<a href=\"/framework#q-\($0.id)\">\($0.question)</a>" }
        case .indicator:
            return spec.indicators.first { $0.id == p.reference }.map { "<a href=\"/framework/indicators/\(HTML.query($0.id))\">\($0.title)</a>" }
        case .maturityArea: return MaturityArea(rawValue: p.reference).map { "<a href=\"/maturity\">\($0.title)</a> (the data-maturity heatmap)" }
        case .dataQuality:
            let parts = p.reference.split(separator: "/").map(String.init)
            return parts.count == 2 && linksQuality
                ? "<a href=\"/quality/\(parts[0])/\(parts[1])\">The data quality of \(parts[1]) at \(SubmissionPages.agencyName(parts[0]))</a>"
                : nil
        case .dataGap: return "<a href=\"/datamap/coverage\">Which data could answer each question</a>"
        case .meeting, .other: return nil
        }
    }

    static func form(
        _ user: CurrentUser, spec: FrameworkSpec, input v: GovernanceService.ActionInput, owners accounts: [GovernanceService.Owner], csrf: String,
        errors: FormControls.Errors = []
    ) -> HTML {
        let agencyField: HTML
        if case .only(let own) = user.agencyScope {
            agencyField = "<p>This will be an action for <strong>\(SubmissionPages.agencyName(own))</strong>.</p>"
        } else {
            agencyField = FormControls.select(
                "agency", label: "Whose action is it?", options: FormControls.agencyOptions(includePartnership: true), selected: v.agencyID, errors: errors,
                name: "agencyID")
        }
        let owners =
            [(value: "", text: "Someone without an account (type their name below)")]
            + accounts.map { a in
                (value: a.id, text: "\(a.name) (\(a.role.title)\(a.agencyID.map { ", \(SubmissionPages.agencyName($0))" } ?? ""))")
            }
        let kinds = ActionPrompt.Kind.allCases.map { (value: $0.rawValue, text: $0.title) }
        return """
            \(FormPages.errorSummary(errors))
            <h1>Add an action</h1>
            \(v.suggestionKey.isEmpty ? "" : "<div class=\"dots-inset\"><p>Suggested by Dots. Change anything before you save it; saving makes it an action.</p></div>")
            <form method="post" action="/actions" novalidate>
              \(FormControls.hidden("csrf", csrf))
              \(FormControls.hidden("suggestionKey", v.suggestionKey))
              \(FormControls.hidden("meetingID", v.meetingID))
              \(FormPages.field("title", label: "What is the action?", value: v.title, autocomplete: "off", errors: errors))
              \(FormControls.textarea("detail", label: "Detail (optional)", value: v.detail, errors: errors))
              \(agencyField)
              \(FormControls.select("owner", label: "Owner", options: owners, selected: v.ownerID, errors: errors, name: "ownerID"))
              \(FormPages.field("ownerName", label: "Owner's name, if they have no account", value: v.ownerName, autocomplete: "off", errors: errors, hint: "A person or a post"))
              \(FormPages.field("due", label: "Due date", value: v.due, autocomplete: "off", errors: errors, hint: "For example 2027-03-31"))
              \(FormControls.select("promptKind", label: "What prompted it?", options: kinds, selected: v.promptKind, errors: errors))
              \(FormPages.field("promptText", label: "In a few words (optional)", value: v.promptText, autocomplete: "off", errors: errors, hint: "For example: Sharing at Emerging; or the question or indicator it answers"))
              \(referenceField(v, spec: spec, errors: errors))
              <button type="submit" class="dots-button">Save action</button>
            </form>
            """
    }

    static func suggestions(_ list: [ActionSuggestion]) -> HTML {
        var out: HTML = """
            <h1>Suggested actions</h1>
            <p>Dots suggests actions from what the method has found: areas self-assessed at Unaware or Emerging, data a strategic question needs that is not held
            or not submitted, and data quality rated Poor. Each is only a suggestion: accept it to open the action form, change what you need, and save.</p>
            """
        guard !list.isEmpty else { return out + "<p>There are no suggestions now: every finding already has an action, or nothing is low.</p>" }
        let groups: [(ActionPrompt.Kind, String)] = [(.maturityArea, "From data maturity"), (.dataGap, "From data gaps"), (.dataQuality, "From data quality")]
        for (kind, heading) in groups {
            let mine = list.filter { $0.prompt.kind == kind }
            guard !mine.isEmpty else { continue }
            out += "<h2>\(heading) (\(mine.count))</h2><ul class=\"dots-indicators\">"
            for s in mine {
                out += """
                    <li class="dots-indicator"><div><strong>\(s.title)</strong> <span class="dots-tag dots-tag--grey">\(agencyName(s.agencyID))</span>
                    <div class="dots-indicator__meta">\(s.detail)</div></div>
                    <div><a class="dots-button dots-button--secondary" href="/actions/new?suggestion=\(HTML.query(s.key))">Accept<span class="dots-visually-hidden">: \(s.title) (\(agencyName(s.agencyID)))</span></a></div></li>
                    """
            }
            out += "</ul>"
        }
        return out
    }
}

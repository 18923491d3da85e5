import DotsApp
import DotsContexts
import DotsCore
import DotsFramework

/// Contexts of harm: the list and counts, the form to open one, and a context with its young people. Every value escaped.
enum ContextPages {
    typealias Errors = [(field: String, message: String)]

    static func statusTag(_ s: ContextLink.Status, _ l: ContextLink) -> HTML {
        let tag: HTML =
            switch s {
            case .current: "<strong class=\"dots-tag dots-tag--green\">Current</strong> until \(Formatting.longDate(l.reviewBy))"
            case .lapsed: "<strong class=\"dots-tag dots-tag--red\">Lapsed</strong> not reviewed by \(Formatting.longDate(l.reviewBy))"
            case .ended: "<strong class=\"dots-tag dots-tag--grey\">Ended</strong> \(l.endedOn.map(Formatting.longDate) ?? "")"
            }
        // Spells it did not hold before a review renewed it: an association that lapsed is not silently continuous.
        let gaps = (l.gaps ?? []).map { g in "\(Formatting.longDate(g.start)) to \(g.end.map(Formatting.longDate) ?? "")" }
        return gaps.isEmpty ? tag : tag + " <span class=\"dots-body-s\">(did not hold \(gaps.joined(separator: "; ")))</span>"
    }

    /// The context's safety plan: its actions, who leads each and by when, and (while the context is open) a form to
    /// add one and buttons to mark them done.
    static func plan(_ c: SafeguardingContext, csrf: String, today: CalendarDate, values: [String: String], errors: Errors) -> HTML {
        let id = HTML.query(c.id)
        let rows = (c.plan ?? []).html { a -> HTML in
            let status: HTML =
                switch a.status(on: today) {
                case .done: "<strong class=\"dots-tag dots-tag--green\">Done</strong> \(a.doneOn.map(Formatting.longDate) ?? "")"
                case .overdue: "<strong class=\"dots-tag dots-tag--red\">Overdue</strong>"
                case .open: "<strong class=\"dots-tag dots-tag--grey\">Open</strong>"
                }
            let done: HTML =
                a.doneOn != nil || !c.isOpen
                ? ""
                : """
                <form method="post" action="/contexts/\(id)/plan/\(HTML.query(a.id))/done" class="dots-inline-form"><input type="hidden" name="csrf" value="\(csrf)">
                <button type="submit" class="dots-button dots-button--secondary">Mark done<span class="dots-visually-hidden">: \(a.action)</span></button></form>
                """
            return """
                <tr><td>\(a.action)</td><td>\(ReferencePartnership.model.agencyName(a.lead))</td><td>\(Formatting.longDate(a.due))</td><td>\(status)</td>
                <td>\(Formatting.longDate(a.addedOn)), \(a.addedBy)</td><td>\(done)</td></tr>
                """
        }
        var out: HTML = """
            <h2 class="dots-heading-m">Safety plan</h2>
            <p>What the partnership will do about this \(c.kind.label.lowercased()): the place, the group or the space, not a child.
            Name no young person here; they are linked below.</p>
            """
        out +=
            (c.plan ?? []).isEmpty
            ? "<p>No actions yet.</p>"
            : """
            <table class="dots-table"><caption>Actions of the safety plan</caption>
            <thead><tr><th scope="col">Action</th><th scope="col">Lead</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col">Added</th><th scope="col"><span class="dots-visually-hidden">Mark done</span></th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        guard c.isOpen else { return out }
        let agencies = ReferencePartnership.agencies.map { ($0.id, $0.name) }
        out += """
            <form method="post" action="/contexts/\(id)/plan" novalidate>
              <input type="hidden" name="csrf" value="\(csrf)">
              \(FormControls.textarea("action", label: "Add an action", value: values["action"] ?? "", errors: errors, hint: "For example: 'Ask the council to improve lighting on the towpath' or 'Detached youth work at the bus station, Friday evenings'."))
              \(FormControls.select("lead", label: "Which agency leads it?", options: agencies, selected: values["lead"] ?? c.agencyID, errors: errors))
              \(FormPages.field("due", label: "Due by", value: values["due"] ?? today.adding(days: 28).description, autocomplete: "off", errors: errors, hint: "A date, YYYY-MM-DD."))
              <button type="submit" class="dots-button dots-button--secondary">Add the action</button>
            </form>
            """
        return out
    }

    static func countsSection(_ c: ContextService.Counts) -> HTML {
        func t(_ n: PublishedCount) -> String { n.text }
        let kinds = c.open.html { k -> HTML in "<tr><th scope=\"row\">\(k.kind.label)</th><td class=\"num\">\(t(k.count))</td></tr>" }
        let outcomes = c.outcomes.html { o -> HTML in "<tr><th scope=\"row\">\(o.outcome.label)</th><td class=\"num\">\(t(o.count))</td></tr>" }
        return """
            <h2 class="dots-heading-m">Contexts in numbers</h2>
            <p class="dots-body-s">Counts from 1 to \(c.threshold) are shown as c.</p>
            <table class="dots-table"><caption>Open contexts by kind</caption><thead><tr><th scope="col">Kind</th><th scope="col" class="num">Open</th></tr></thead>
            <tbody>\(kinds)<tr><th scope="row">All open contexts</th><td class="num">\(t(c.openTotal))</td></tr></tbody></table>
            <dl class="dots-summary-list">
              <div class="dots-summary-list__row"><dt>Open contexts reviewed in time</dt><dd>\(t(c.reviewedInTime))</dd></div>
              <div class="dots-summary-list__row"><dt>Young people linked to an open context</dt><dd>\(t(c.childrenLinked))</dd></div>
            </dl>
            <table class="dots-table"><caption>Closed contexts by outcome</caption><thead><tr><th scope="col">Outcome</th><th scope="col" class="num">Contexts</th></tr></thead>
            <tbody>\(outcomes)</tbody></table>
            """
    }

    static func list(_ items: [ContextService.Summary]?, counts: ContextService.Counts, today: CalendarDate, done: String?) -> HTML {
        var out: HTML = "<h1 class=\"dots-heading-l\">Contexts</h1>"
        if let done { out += "<div class=\"dots-notification dots-notification--success\" role=\"status\"><p>\(done)</p></div>" }
        out += """
            <p>Peer groups, places, schools and online spaces in which young people may be harmed, worked with as records of their own:
            referred, assessed, planned for and reviewed, with an outcome for the context itself. A young person is linked to a context
            with where the information came from, how reliable it is and why it is proportionate; an association is not a fact, and a
            link nobody reviews by its date lapses.</p>
            """
        if let items {
            out += "<p><a class=\"dots-button\" href=\"/contexts/new\">Open a context</a></p>"
            let rows = items.html { s -> HTML in
                let c = s.context
                let overdue: HTML = c.overdue(on: today) ? " <strong class=\"dots-tag dots-tag--red\">Review overdue</strong>" : ""
                return """
                    <tr><th scope="row"><a href="/contexts/\(HTML.query(c.id))">\(c.name)</a></th><td>\(c.kind.label)</td><td>\(c.stage.label)\(c.outcome.map { ": \($0.label.lowercased())" } ?? "")</td>
                    <td>\(Formatting.longDate(c.reviewBy))\(overdue)</td><td class="num">\(s.current)</td><td class="num">\(s.lapsed)</td></tr>
                    """
            }
            out += """
                <table class="dots-table"><caption>Contexts, open first</caption>
                <thead><tr><th scope="col">Context</th><th scope="col">Kind</th><th scope="col">Stage</th><th scope="col">Review by</th><th scope="col" class="num">Young people linked</th><th scope="col" class="num">Links lapsed</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """
        }
        return out + countsSection(counts)
    }

    static func areaOptions() -> [(value: String, text: String)] {
        [("", "Not one area")] + ReferenceGeography.localAreas.map { ($0.code, $0.name) }
    }

    static func new(csrf: String, today: CalendarDate, values: [String: String] = [:], errors: Errors = []) -> HTML {
        """
        \(FormPages.errorSummary(errors))
        <h1 class="dots-heading-l">Open a context</h1>
        <form method="post" action="/contexts" novalidate>
          <input type="hidden" name="csrf" value="\(csrf)">
          \(FormControls.radios("kind", legend: "What kind of context is it?", options: SafeguardingContext.Kind.allCases.map { ($0.rawValue, $0.label, nil) }, selected: values["kind"], errors: errors))
          \(FormPages.field("name", label: "Name", value: values["name"] ?? "", autocomplete: "off", errors: errors, hint: "Where it is or what the group is known as, such as 'Hanley bus station, evenings'. Never a child's name."))
          \(FormControls.select("area", label: "Area", options: areaOptions(), selected: values["area"] ?? "", errors: errors))
          \(FormPages.field("review_by", label: "Review by", value: values["review_by"] ?? today.adding(days: 28).description, autocomplete: "off", errors: errors, hint: "Within three months, for example \(today.adding(days: 28))"))
          <button type="submit" class="dots-button">Open the context</button>
        </form>
        """
    }

    static func detail(_ d: ContextService.Detail, csrf: String, today: CalendarDate, values: [String: String] = [:], errors: Errors = []) -> HTML {
        let c = d.context
        let id = HTML.query(c.id)
        let history = c.history.html { h -> HTML in
            "<li><strong>\(h.stage.label)\(h.outcome.map { ": \($0.label.lowercased())" } ?? "")</strong>, \(Formatting.longDate(h.on)), \(h.by): \(h.note)</li>"
        }
        let links = d.links.html { l, s -> HTML in
            let actions: HTML =
                s == .ended
                ? ""
                : """
                <form method="post" action="/contexts/\(id)/links/\(HTML.query(l.id))/review" class="dots-inline-form"><input type="hidden" name="csrf" value="\(csrf)">
                <label class="dots-label" for="review-\(l.id)">Reviewed: holds until</label><input class="dots-input" id="review-\(l.id)" name="review_by" value="\(today.adding(days: 28).description)">
                <button type="submit" class="dots-button dots-button--secondary">Save review<span class="dots-visually-hidden"> of \(l.personID)</span></button></form>
                <form method="post" action="/contexts/\(id)/links/\(HTML.query(l.id))/end" class="dots-inline-form"><input type="hidden" name="csrf" value="\(csrf)">
                <button type="submit" class="dots-button dots-button--secondary">End link<span class="dots-visually-hidden"> of \(l.personID)</span></button></form>
                """
            return """
                <tr><th scope="row">\(l.personID)</th><td>\(l.source)</td><td>\(l.reliability.label)</td><td>\(l.proportionality)</td>
                <td>\(Formatting.longDate(l.linkedOn)), \(l.linkedBy)</td><td>\(statusTag(s, l))</td><td>\(actions)</td></tr>
                """
        }
        return """
            \(FormPages.errorSummary(errors))
            <span class="dots-caption">\(c.kind.label)</span>
            <h1 class="dots-heading-l">\(c.name)</h1>
            <dl class="dots-summary-list">
              <div class="dots-summary-list__row"><dt>Stage</dt><dd>\(c.stage.label)\(c.outcome.map { ": \($0.label.lowercased())" } ?? "")</dd></div>
              <div class="dots-summary-list__row"><dt>Area</dt><dd>\(c.area.flatMap { ReferenceGeography.area(code: $0)?.name } ?? "Not one area")</dd></div>
              <div class="dots-summary-list__row"><dt>Lead agency</dt><dd>\(ReferencePartnership.model.agencyName(c.agencyID))</dd></div>
              <div class="dots-summary-list__row"><dt>Opened</dt><dd>\(Formatting.longDate(c.opened))</dd></div>
              <div class="dots-summary-list__row"><dt>Review by</dt><dd>\(Formatting.longDate(c.reviewBy))\(c.overdue(on: today) ? " <strong class=\"dots-tag dots-tag--red\">Overdue</strong>" : "")</dd></div>
            </dl>
            \(plan(c, csrf: csrf, today: today, values: values, errors: errors))
            <h2 class="dots-heading-m">Young people linked</h2>
            <p>Partnership ids only: open a young person's journey to see more, for a purpose. Your view of this list is recorded.</p>
            \(d.links.isEmpty ? "<p>Nobody is linked yet.</p>" : """
                <table class="dots-table"><caption>Young people linked to this context</caption>
                <thead><tr><th scope="col">Young person</th><th scope="col">Where it came from</th><th scope="col">How reliable</th><th scope="col">Why it is proportionate</th><th scope="col">Linked</th><th scope="col">Status</th><th scope="col">Review or end</th></tr></thead>
                <tbody>\(links)</tbody></table>
                """)
            <h2 class="dots-heading-m">Link a young person</h2>
            <form method="post" action="/contexts/\(id)/links" novalidate>
              <input type="hidden" name="csrf" value="\(csrf)">
              \(FormControls.radios("kind", legend: "Which id do you have?", options: [("agency", "Their id in your agency's records", nil), ("partnership", "Their partnership id", "It starts DP-")], selected: values["kind"] ?? "agency", errors: errors))
              \(FormPages.field("person", label: "Young person's id", value: values["person"] ?? "", autocomplete: "off", errors: errors))
              \(FormPages.field("source", label: "Where has it come from?", value: values["source"] ?? "", autocomplete: "off", errors: errors, hint: "Who said or saw it, and when: for example 'Return home interview, 3 March'"))
              \(FormControls.radios("reliability", legend: "How reliable is it?", options: ContextLink.Reliability.allCases.map { ($0.rawValue, $0.label, nil) }, selected: values["reliability"], errors: errors))
              \(FormControls.textarea("proportionality", label: "Why is linking them necessary and proportionate?", value: values["proportionality"] ?? "", errors: errors, hint: "No names without actions: say what linking them will let you do."))
              \(FormPages.field("review_by", label: "Review by", value: values["review_by"] ?? today.adding(days: 28).description, autocomplete: "off", errors: errors, hint: "If nobody reviews the link by then, it lapses."))
              <button type="submit" class="dots-button">Link them</button>
            </form>
            <h2 class="dots-heading-m">Move the work on</h2>
            <form method="post" action="/contexts/\(id)/stage" novalidate>
              <input type="hidden" name="csrf" value="\(csrf)">
              \(FormControls.radios("stage", legend: "Where does the work stand?", options: SafeguardingContext.Stage.allCases.map { ($0.rawValue, $0.label, nil) }, selected: values["stage"] ?? c.stage.rawValue, errors: errors))
              \(FormControls.radios("outcome", legend: "For the context itself: is it", options: [("", "Not judged yet", nil)] + SafeguardingContext.Outcome.allCases.map { ($0.rawValue, $0.label, nil) }, selected: values["outcome"] ?? "", errors: errors, hint: "Needed to close it"))
              \(FormControls.textarea("note", label: "What was decided", value: values["note"] ?? "", errors: errors))
              \(FormPages.field("stage_review_by", label: "Next review by", value: values["stage_review_by"] ?? today.adding(days: 28).description, autocomplete: "off", errors: errors, hint: "Not needed to close it"))
              <button type="submit" class="dots-button dots-button--secondary">Save</button>
            </form>
            <h2 class="dots-heading-m">History</h2>
            <ol class="dots-timeline">\(history)</ol>
            """
    }
}

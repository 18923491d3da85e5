import DotsApp
import DotsContexts
import DotsCore
import DotsJourney

/// A young person's journey: the lookup form (asks for the purpose) and the timeline. Every value escaped.
enum JourneyPages {
    typealias Errors = [(field: String, message: String)]

    static func agencyName(_ id: String) -> String { ReferencePartnership.model.agencyName(id) }

    static func lookup(agency: String, practitioner: Bool, csrf: String, values: [String: String] = [:], errors: Errors = []) -> HTML {
        let who =
            practitioner
            ? "young people \(agencyName(agency)) holds records about, or who have been discussed at MACE"
            : "young people \(agencyName(agency)) holds records about"
        return """
            \(FormPages.errorSummary(errors))
            <h1 class="dots-heading-l">Find a young person</h1>
            <p>See one young person's journey across the partnership's agencies: \(who). Say why you are looking: every view is recorded
            with its purpose, and each agency's data lead can see who has looked at the young people it holds.</p>
            <form method="post" action="/journeys" novalidate>
              <input type="hidden" name="csrf" value="\(csrf)">
              \(FormControls.radios("kind", legend: "Which id do you have?", options: [("agency", "Their id in \(agencyName(agency))'s records", nil), ("partnership", "Their partnership id", "It starts DP-, as on a MACE list")], selected: values["kind"] ?? "agency", errors: errors))
              \(FormPages.field("id", label: "Id", value: values["id"] ?? "", autocomplete: "off", errors: errors))
              \(FormControls.radios("purpose", legend: "Why are you looking?", options: ViewPurpose.allCases.map { ($0.rawValue, $0.label, nil) }, selected: values["purpose"], errors: errors))
              <button type="submit" class="dots-button">Show their journey</button>
            </form>
            """
    }

    static func when(_ e: JourneyEntry) -> String {
        var s = Formatting.longDate(e.date)
        if let t = e.time { s += ", " + UKTime.display(t).suffix(5) }
        if e.certainty == .month { s = "Some time in " + s.split(separator: " ").dropFirst().joined(separator: " ") }
        return s
    }

    static func journey(_ j: JourneyService.Journey, agency: String) -> HTML {
        let moments = j.entries.filter { !$0.moments.isEmpty }
        let unanswered = moments.filter { $0.nextResponse == nil }.count
        let own: HTML =
            j.ownIDs.isEmpty
            ? "\(agencyName(agency)) holds no records about them: you see them because they have been discussed at MACE."
            : "Their id in \(agencyName(agency))'s records: \(j.ownIDs.joined(separator: ", "))."
        let holders = j.holders.html { h -> HTML in
            let contacts: HTML =
                h.contacts.isEmpty
                ? "No data lead in Dots yet: ask through the MACE"
                : h.contacts.map { c -> HTML in "\(c.name) <a href=\"mailto:\(c.email)\">\(c.email)</a>" }.joined(separator: "<br>")
            return "<tr><td>\(h.agency.name)</td><td class=\"dots-numeric\">\(h.records)</td><td>\(contacts)</td></tr>"
        }
        let items = j.entries.html { e -> HTML in
            let critical = !e.moments.isEmpty
            let tags = e.moments.html { m -> HTML in "<strong class=\"dots-tag dots-tag--red\">Critical moment: \(m.label)</strong> " }
            let response: HTML =
                !critical
                ? ""
                : e.nextResponse.map { r -> HTML in
                    let days: HTML = r.days == 0 ? "the same day" : r.days == 1 ? "1 day later" : "\(r.days) days later"
                    return "<p class=\"dots-body-s\">Next multi-agency response: \(r.title), \(days) (\(agencyName(r.agencyID))).</p>"
                } ?? "<p class=\"dots-body-s\"><strong>No multi-agency response is recorded after this.</strong></p>"
            let ended: HTML =
                e.ongoing ? "<br>Not ended yet" : e.ended.map { d -> HTML in "<br>Ended \(Formatting.longDate(d))" } ?? ""
            let details: HTML =
                e.details.isEmpty
                ? ""
                : "<dl class=\"dots-summary-list\">\(e.details.html { d -> HTML in "<div class=\"dots-summary-list__row\"><dt>\(d.label)</dt><dd>\(d.value)</dd></div>" })</dl>"
            return """
                <li\(critical ? " class=\"dots-timeline__critical\"" : "")>
                  <h3>\(e.title)</h3>
                  \(tags)
                  <p class="dots-body-s">\(when(e)) <span class="dots-caption">(\(e.certainty.label))</span>\(ended)<br>
                  Recorded by \(agencyName(e.agencyID)), submission \(String(e.submissionID.prefix(8)))</p>
                  \(response)\(details)
                </li>
                """
        }
        let viewers: HTML =
            j.viewers.map { vs -> HTML in
                let rows = vs.html { v -> HTML in
                    "<tr><td>\(UKTime.display(v.at))</td><td>\(v.name)</td><td>\(v.role)</td><td>\(v.purpose)</td></tr>"
                }
                return """
                    <h2 class="dots-heading-m">Who has looked at this journey</h2>
                    <table class="dots-table"><caption class="dots-visually-hidden">Views of this journey, newest first</caption>
                    <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Role</th><th scope="col">Why</th></tr></thead>
                    <tbody>\(rows)</tbody></table>
                    """
            } ?? ""
        let contexts: HTML =
            j.contexts.isEmpty
            ? "<p>They are not linked to any peer group, place, school or online space.</p>"
            : """
            <table class="dots-table"><caption class="dots-visually-hidden">Contexts they are linked to</caption>
            <thead><tr><th scope="col">Context</th><th scope="col">Kind</th><th scope="col">How reliable</th><th scope="col">Status</th></tr></thead>
            <tbody>\(j.contexts.html { c -> HTML in "<tr><td><a href=\"/contexts/\(HTML.query(c.context.id))\">\(c.context.name)</a></td><td>\(c.context.kind.label)</td><td>\(c.link.reliability.label)</td><td>\(ContextPages.statusTag(c.status, c.link))</td></tr>" })</tbody></table>
            """
        return """
            <span class="dots-caption">Young person</span>
            <h1 class="dots-heading-l">\(j.partnershipID)</h1>
            <div class="dots-inset"><p>You are looking for: \(j.purpose.label). This view is recorded.</p><p>\(own)</p></div>
            <p>\(j.entries.count) records from \(j.holders.count) \(j.holders.count == 1 ? "agency" : "agencies"); \(moments.count) critical \(moments.count == 1 ? "moment" : "moments")\(unanswered > 0 ? ", \(unanswered) with no multi-agency response recorded after it" : "").
            Critical moments are those the Child Safeguarding Practice Review Panel named in "It was hard to escape" (2020): windows in which to help.</p>
            <h2 class="dots-heading-m">Who holds records about them</h2>
            <p>Other agencies' own ids for this young person are never shown here: ask them, quoting the partnership id.</p>
            <table class="dots-table"><caption class="dots-visually-hidden">Agencies holding records, and who to ask</caption>
            <thead><tr><th scope="col">Agency</th><th scope="col" class="num">Records</th><th scope="col">Who to ask</th></tr></thead>
            <tbody>\(holders)</tbody></table>
            <h2 class="dots-heading-m">Contexts they are linked to</h2>
            \(contexts)
            <h2 class="dots-heading-m">Their journey</h2>
            \(j.entries.isEmpty ? "<p>No events are recorded about them yet: only their person records.</p>" : "<ol class=\"dots-timeline\">\(items)</ol>")
            <p class="dots-body-s">Records as each agency last sent them\(j.linkedAt.map { ", joined by the linkage run of \(UKTime.display($0))" } ?? ""). A link between two agencies' records is the linkage model's judgement, not a fact: check before you act on it.</p>
            \(viewers)
            <p><a class="dots-link" href="/journeys">Find another young person</a></p>
            """
    }
}

import DotsApp
import DotsCore
import DotsGovernance

/// The data leads network's meetings: the record of each, and the form.
enum MeetingPages {
    static func list(_ user: CurrentUser, meetings: [DataLeadsMeeting], actions: [ActionItem]) -> HTML {
        var out: HTML = """
            <h1>Data leads network</h1>
            <p>The partnership keeps its data leads meeting as a network. Each meeting's record: who came, what was discussed and decided, and the actions it raised.</p>
            """
        if user.can(.recordMeetings) { out += "<p><a class=\"dots-button\" href=\"/meetings/new\">Record a meeting</a></p>" }
        guard !meetings.isEmpty else { return out + "<p>No meetings are recorded yet.</p>" }
        out +=
            "<table class=\"dots-table\"><caption>Meetings, newest first</caption><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Meeting</th><th scope=\"col\">Agencies</th><th scope=\"col\" class=\"num\">Decisions</th><th scope=\"col\" class=\"num\">Actions raised</th></tr></thead><tbody>"
        for m in meetings {
            out +=
                "<tr><td>\(Formatting.longDate(m.heldOn))</td><td><a href=\"/meetings/\(m.id)\">\(m.title)</a></td><td>\(m.attendees.count)</td><td class=\"num\">\(m.decisions.count)</td><td class=\"num\">\(actions.filter { $0.meetingID == m.id }.count)</td></tr>"
        }
        return out + "</tbody></table>"
    }

    static func detail(_ user: CurrentUser, _ m: DataLeadsMeeting, actions: [ActionItem], today: CalendarDate, saved: Bool) -> HTML {
        var out: HTML =
            saved ? "<div class=\"dots-notification dots-notification--success\" role=\"status\"><p><strong>Meeting recorded.</strong></p></div>" : ""
        out += "<span class=\"dots-caption\">\(Formatting.longDate(m.heldOn))</span><h1>\(m.title)</h1>"
        out +=
            "<h2>Who came</h2><ul>"
            + m.attendees.html { "<li>\(SubmissionPages.agencyName($0.agencyID))\($0.people.isEmpty ? "" : ": \($0.people)")</li>" } + "</ul>"
        if !m.notes.isEmpty { out += "<h2>Notes</h2><p>\(m.notes)</p>" }
        if !m.decisions.isEmpty { out += "<h2>Decisions</h2><ol>" + m.decisions.html { "<li>\($0)</li>" } + "</ol>" }
        out += "<h2>Actions raised</h2>" + ActionPages.table(actions, today: today, caption: "Actions raised at this meeting")
        if user.can(.manageActions) {
            out +=
                "<p><a class=\"dots-button dots-button--secondary\" href=\"/actions/new?meeting=\(HTML.query(m.id))\">Add an action from this meeting</a></p>"
        }
        out += "<p class=\"dots-body-s\">Recorded \(UKTime.display(m.createdAt)) by \(m.createdBy).</p>"
        return out
    }

    static func form(input v: GovernanceService.MeetingInput, csrf: String, errors: FormControls.Errors = []) -> HTML {
        let attendees = ReferencePartnership.agencies.html { a in
            FormPages.field("attendee-\(a.id)", label: a.name, value: v.attendees[a.id] ?? "", autocomplete: "off", errors: errors)
        }
        let attendeeError = FormControls.error("attendees", errors)
        return """
            \(FormPages.errorSummary(errors))
            <h1>Record a data leads meeting</h1>
            <form method="post" action="/meetings" novalidate>
              \(FormControls.hidden("csrf", csrf))
              \(FormPages.field("title", label: "Title", value: v.title, autocomplete: "off", errors: errors, hint: "For example: Data leads network"))
              \(FormPages.field("heldOn", label: "Date held", value: v.heldOn, autocomplete: "off", errors: errors, hint: "For example 2026-11-12"))
              <div class="\(FormControls.group(attendeeError))">
                <fieldset class="dots-fieldset" aria-describedby="attendees-hint\(attendeeError == nil ? "" : " attendees-error")">
                  <legend class="dots-fieldset__legend dots-fieldset__legend--m">Who came, by agency</legend>
                  <div class="dots-hint" id="attendees-hint">Names or posts. Leave an agency blank if nobody came from it.</div>
                  \(FormControls.errorMessage("attendees", attendeeError))
                  <span id="attendees"></span>
                  \(attendees)
                </fieldset>
              </div>
              \(FormControls.textarea("notes", label: "Notes (optional)", value: v.notes, errors: errors, rows: 6))
              \(FormControls.textarea("decisions", label: "Decisions (optional)", value: v.decisions, errors: errors, hint: "One decision per line", rows: 4))
              <button type="submit" class="dots-button">Save meeting</button>
            </form>
            """
    }
}

import DotsApp
import DotsCore
import DotsGovernance

/// Analysts' commentary: the approved reading on an indicator's page and under each question, the form to write
/// one, and the queue a second analyst approves from.
enum CommentaryPages {
    typealias Errors = [(field: String, message: String)]

    /// The approved commentary (for every reader) and, for those who write commentary, what awaits approval and
    /// a link to write a new version.
    static func section(_ r: GovernanceService.CommentaryReading, subject: Commentary.Subject, id: String, partnership: String, period: String?, canWrite: Bool)
        -> HTML
    {
        guard r.approved != nil || canWrite else { return "" }
        var out: HTML = "<section class=\"dots-commentary\" aria-labelledby=\"commentary-\(id)\">"
        out += subject == .indicator ? "<h2 id=\"commentary-\(id)\">Commentary</h2>" : "<h4 id=\"commentary-\(id)\">Commentary</h4>"
        if let c = r.approved {
            out += body(c)
        } else {
            out += "<p class=\"dots-body-s\">No approved commentary yet.</p>"
        }
        if canWrite {
            if !r.awaiting.isEmpty {
                out +=
                    "<p class=\"dots-body-s\">\(r.awaiting.count) version\(r.awaiting.count == 1 ? "" : "s") awaiting approval by a second analyst: <a href=\"/framework/commentary\">see what awaits approval</a>.</p>"
            }
            let query =
                "subject=\(subject.rawValue)&id=\(HTML.query(id))&partnership=\(HTML.query(partnership))"
                + (period.map { "&period=\(HTML.query($0))" } ?? "")
            out += "<p><a href=\"/framework/commentary/new?\(query)\">Write commentary\(subject == .question ? " on this question" : "")</a></p>"
            if r.history.count > 1 {
                out +=
                    "<details class=\"dots-details\"><summary>Every version (\(r.history.count))</summary><ul>"
                    + r.history.html { "<li>\(Self.stateName($0.state)): \($0.period), written by \($0.writtenBy) \(UKTime.display($0.writtenAt))</li>" }
                    + "</ul></details>"
            }
        }
        return out + "</section>"
    }

    static func body(_ c: Commentary) -> HTML {
        var out: HTML = "<p class=\"dots-caption\">For \(c.period). Written by \(c.writtenBy), approved by \(c.reviewedBy ?? "")"
        out += c.reviewedAt.map { HTML(" on \(UKTime.display($0))") } ?? ""
        out += ".</p><dl class=\"dots-summary-list\">"
        out += "<div class=\"dots-summary-list__row\"><dt>What the figures say</dt><dd>\(c.says)</dd></div>"
        if !c.doesNotSay.isEmpty { out += "<div class=\"dots-summary-list__row\"><dt>What they do not say</dt><dd>\(c.doesNotSay)</dd></div>" }
        if !c.doing.isEmpty { out += "<div class=\"dots-summary-list__row\"><dt>What the partnership is doing</dt><dd>\(c.doing)</dd></div>" }
        return out + "</dl>"
    }

    static func stateName(_ s: Commentary.State) -> String {
        switch s {
        case .awaitingApproval: "Awaiting approval"
        case .approved: "Approved"
        case .returned: "Sent back"
        case .superseded: "Replaced by a later version"
        }
    }

    static func form(_ v: GovernanceService.CommentaryInput, title: String, csrf: String, errors: Errors = []) -> HTML {
        """
        \(FormPages.errorSummary(errors))
        <span class="dots-caption">Commentary</span>
        <h1>\(title)</h1>
        <p>Say what the figures show, what they cannot show, and what the partnership is doing about it, in words a board member can follow. A second analyst approves it before anyone else reads it.</p>
        <form method="post" action="/framework/commentary" novalidate>
          <input type="hidden" name="csrf" value="\(csrf)">
          <input type="hidden" name="subject" value="\(v.subject)">
          <input type="hidden" name="subjectID" value="\(v.subjectID)">
          <input type="hidden" name="partnership" value="\(v.partnership)">
          \(FormPages.field("period", label: "Period", value: v.period, autocomplete: "off", errors: errors, hint: "The period it reads, as the framework names it: for example 2025-26 Q4, 2025-26 or 12 months to 2026-03."))
          \(FormControls.textarea("says", label: "What the figures say", value: v.says, errors: errors, rows: 5))
          \(FormControls.textarea("doesNotSay", label: "What they do not say (optional)", value: v.doesNotSay, errors: errors, hint: "Gaps, caveats on quality, figures withheld to protect children.", rows: 4))
          \(FormControls.textarea("doing", label: "What the partnership is doing about it (optional)", value: v.doing, errors: errors, rows: 4))
          <button class="dots-button" type="submit">Send for approval</button>
        </form>
        """
    }

    /// What awaits approval, oldest first: each with approve, and send back with a reason. One's own cannot be
    /// approved (the use case refuses; the page says so instead of offering the buttons).
    static func queue(_ items: [Commentary], titles: (Commentary) -> String, me: String?, csrf: String, done: String?) -> HTML {
        var out: HTML = "<h1>Commentary awaiting approval</h1>"
        if let done { out += "<div class=\"dots-notification\" role=\"status\"><p>\(done)</p></div>" }
        out += "<p>Commentary reaches strategic leads, practitioners and reports only once someone other than its author approves it.</p>"
        guard !items.isEmpty else { return out + "<p>Nothing awaits approval.</p>" }
        for c in items {
            out += "<section class=\"dots-commentary\" aria-labelledby=\"c-\(c.id)\"><h2 class=\"dots-heading-m\" id=\"c-\(c.id)\">\(titles(c))</h2>"
            out +=
                "<p class=\"dots-caption\">\(ReferencePartnership.model.partnership(id: c.partnership)?.name ?? c.partnership), \(c.period). Written by \(c.writtenBy) \(UKTime.display(c.writtenAt)).</p>"
            out += "<dl class=\"dots-summary-list\"><div class=\"dots-summary-list__row\"><dt>What the figures say</dt><dd>\(c.says)</dd></div>"
            if !c.doesNotSay.isEmpty { out += "<div class=\"dots-summary-list__row\"><dt>What they do not say</dt><dd>\(c.doesNotSay)</dd></div>" }
            if !c.doing.isEmpty { out += "<div class=\"dots-summary-list__row\"><dt>What the partnership is doing</dt><dd>\(c.doing)</dd></div>" }
            out += "</dl>"
            if c.writtenByAccount != nil, c.writtenByAccount == me {
                out += "<p class=\"dots-body-s\">You wrote this: another analyst approves it.</p>"
            } else {
                out += """
                    <form method="post" action="/framework/commentary/\(c.id)/approve"><input type="hidden" name="csrf" value="\(csrf)">
                    <button class="dots-button" type="submit">Approve<span class="dots-visually-hidden"> commentary on \(titles(c))</span></button></form>
                    <form method="post" action="/framework/commentary/\(c.id)/return" novalidate><input type="hidden" name="csrf" value="\(csrf)">
                    \(FormControls.textarea("note-\(c.id)", label: "Why send it back", value: "", errors: [], rows: 2, name: "note"))
                    <button class="dots-button dots-button--secondary" type="submit">Send back<span class="dots-visually-hidden"> commentary on \(titles(c))</span></button></form>
                    """
            }
            out += "</section>"
        }
        return out
    }
}

import DotsApp
import DotsCore
import DotsGovernance
import DotsVoice
import Foundation

/// The staff side of voice: the workspace (alerts, codes, records), recording, coding, agreement, quotes, the
/// codebook, "you said, we did", the summary and settings. Text is escaped like everything else.
enum VoicePages {
    typealias Errors = FormControls.Errors

    static func partnershipName(_ id: String) -> String { ReferencePartnership.model.partnership(id: id)?.name ?? id }
    static func agencyName(_ id: String) -> String { ReferencePartnership.model.agencyName(id) }

    static let itemTitles = [
        FeedbackForm.whatHelped: "What helped", FeedbackForm.whatWorse: "What made things worse", FeedbackForm.anythingElse: "Anything else",
    ]

    // MARK: workspace

    struct Workspace {
        var alerts: [UnsafeAlert] = []
        var codes: [FeedbackCode] = []
        var agency: String?
        var partnerships: [Partnership] = []
        var canRecord = false, canCode = false, canManage = false, canSettings = false
        var me: String?
    }

    static func workspace(_ w: Workspace, csrf: String, done: String?, errors: Errors = [], values: [String: String] = [:]) -> HTML {
        var out: HTML = ""
        if let done { out += "<div class=\"dots-notification dots-notification--success\" role=\"status\"><p>\(done)</p></div>" }
        out += FormPages.errorSummary(errors)
        out += "<h1 class=\"dots-heading-l\">Voice of children, young people and families</h1>"
        if w.canRecord, let agency = w.agency {
            out += "<h2 class=\"dots-heading-m\" id=\"alerts\">Unsafe right now</h2>"
            if w.alerts.isEmpty {
                out += "<p>No young person of \(agencyName(agency)) has said they feel unsafe right now.</p>"
            } else {
                out += "<ul class=\"dots-alert-list\">"
                for a in w.alerts {
                    out += """
                        <li><p><strong>Young person \(a.personID)</strong> said on their form that they feel unsafe right now (\(UKTime.display(a.raisedAt))).
                        Code issued by \(a.practitioner)\(a.practitionerAccount == w.me ? " (you)" : ""). <a href="/voice/records?person=\(HTML.query(a.personID))">Read what they said, and how they want to be contacted</a></p>
                        <form method="post" action="/voice/alerts/\(a.id)/close" class="dots-inline-form">
                          <input type="hidden" name="csrf" value="\(csrf)">
                          \(FormControls.textarea("action-\(a.id)", label: "What you did", value: "", errors: errors, hint: "For example: rang them, visited, made a referral. This closes the alert.", rows: 2, name: "action"))
                          <button type="submit" class="dots-button dots-button--warning">Close the alert</button>
                        </form></li>
                        """
                }
                out += "</ul>"
            }
            let partnershipField: HTML =
                w.partnerships.count > 1
                ? FormControls.select(
                    "partnership", label: "Partnership", options: [("", "Choose")] + w.partnerships.map { ($0.id, $0.name) },
                    selected: values["partnership"] ?? "",
                    errors: errors, hint: "Where the young person lives")
                : ""
            out += """
                <h2 class="dots-heading-m">Give a young person or their family a code</h2>
                <p>They type the code on <strong>/your-say</strong> to tell us how things are, on their phone, with no account. It works once, and runs out.</p>
                <form method="post" action="/voice/codes" novalidate>
                  <input type="hidden" name="csrf" value="\(csrf)">
                  \(FormPages.field("person", label: "Their id in \(agencyName(agency))'s records", value: values["person"] ?? "", autocomplete: "off", errors: errors, hint: "Never a name: the id your agency submits in its people data."))
                  \(FormControls.radios("version", legend: "Which form", options: FeedbackForm.Version.allCases.map { ($0.rawValue, $0.title, nil) }, selected: values["version"] ?? FeedbackForm.Version.young12to17.rawValue, errors: errors))
                  \(partnershipField)
                  \(FormPages.field("days", label: "Days it works for", type: "number", value: values["days"] ?? String(FeedbackCode.defaultDays), autocomplete: "off", errors: errors))
                  <button type="submit" class="dots-button">Make a code</button>
                </form>
                <p><a href="/voice/records/new" class="dots-button dots-button--secondary">Record what a young person or family said</a> <a href="/voice/records">Your agency's feedback</a></p>
                """
            if !w.codes.isEmpty {
                out +=
                    "<h2 class=\"dots-heading-m\">Codes you and your agency gave</h2><table class=\"dots-table\" tabindex=\"0\"><caption class=\"dots-visually-hidden\">Codes issued</caption><thead><tr><th scope=\"col\">Young person</th><th scope=\"col\">Form</th><th scope=\"col\">Given by</th><th scope=\"col\">Works until</th><th scope=\"col\">State</th><th scope=\"col\"><span class=\"dots-visually-hidden\">Action</span></th></tr></thead><tbody>"
                for c in w.codes.prefix(30) {
                    let withdraw: HTML =
                        c.state == .issued || c.state == .started
                        ? "<form method=\"post\" action=\"/voice/codes/\(c.id)/withdraw\"><input type=\"hidden\" name=\"csrf\" value=\"\(csrf)\"><button class=\"dots-link-button\" type=\"submit\">Withdraw<span class=\"dots-visually-hidden\"> the code for \(c.personID)</span></button></form>"
                        : ""
                    out +=
                        "<tr><td>\(c.personID)</td><td>\(c.formVersion.title)</td><td>\(c.issuedBy)</td><td>\(UKTime.display(c.expiresAt))</td><td>\(c.state.rawValue)</td><td>\(withdraw)</td></tr>"
                }
                out += "</tbody></table>"
            }
        } else if w.canRecord {
            out +=
                "<p>Your account does not name the agency you work for, so you cannot give codes or record feedback. Ask your partnership admin to add it.</p>"
        }
        var links: [(String, String)] = []
        if w.canCode { links += [("/voice/coding", "Code feedback to themes"), ("/voice/agreement", "Agreement between coders")] }
        if w.canManage {
            links += [
                ("/voice/records", "Feedback, de-identified"), ("/voice/quotes", "Quotes for reports"), ("/voice/codebook", "The codebook"),
                ("/voice/said-did/new", "Record \"you said, we did\""),
            ]
        }
        if w.canSettings { links.append(("/voice/settings", "Settings for each partnership")) }
        links += ReferencePartnership.partnerships.filter { $0.valid.end == nil }.map {
            ("/voice/summary?partnership=\($0.id)", "What young people told \($0.name)")
        }
        out += "<h2 class=\"dots-heading-m\">More</h2><ul>\(links.html { "<li><a href=\"\($0.0)\">\($0.1)</a></li>" })</ul>"
        return out
    }

    static func issued(_ code: String, _ c: FeedbackCode) -> HTML {
        """
        <div class="dots-notification dots-notification--success" role="status">
          <h1 class="dots-heading-l">Their code is <span class="dots-code">\(code)</span></h1>
          <p>Give it to young person \(c.personID) now: Dots does not keep it and cannot show it again.</p>
        </div>
        <p>They go to <strong>/your-say</strong> on this service and type it. It works once, until \(UKTime.display(c.expiresAt)), on the \(c.formVersion.title.lowercased()) form.</p>
        <p>If they say they feel unsafe right now, you and your agency see an alert on every page of Dots at once.</p>
        <p><a href="/voice">Back to voice</a></p>
        """
    }

    // MARK: recording and reading

    static func recordForm(agency: String, partnerships: [Partnership], csrf: String, values: [String: String] = [:], errors: Errors = []) -> HTML {
        let form = FeedbackForm.of(.young12to17)
        let items = form.items.filter { $0.id != FeedbackForm.consent && $0.id != FeedbackForm.contact }.html { item -> HTML in
            switch item.kind {
            case .choice(let options):
                return FormControls.radios(
                    item.id, legend: item.question, options: [("", "Not asked or not said", nil)] + options.map { ($0.value, $0.label, nil) },
                    selected: values[item.id] ?? "", errors: errors)
            case .text:
                return FormControls.textarea(
                    item.id, label: item.question, value: values[item.id] ?? "", errors: errors, hint: "Their words, as close as you can.")
            }
        }
        let partnershipField: HTML =
            partnerships.count > 1
            ? FormControls.select(
                "partnership", label: "Partnership", options: [("", "Choose")] + partnerships.map { ($0.id, $0.name) }, selected: values["partnership"] ?? "",
                errors: errors)
            : ""
        return """
            \(FormPages.errorSummary(errors))
            <h1 class="dots-heading-l">Record what a young person or family said</h1>
            <form method="post" action="/voice/records" novalidate>
              <input type="hidden" name="csrf" value="\(csrf)">
              \(FormPages.field("person", label: "Their id in \(agencyName(agency))'s records", value: values["person"] ?? "", autocomplete: "off", errors: errors))
              \(FormPages.field("date", label: "Date they said it", value: values["date"] ?? "", autocomplete: "off", errors: errors, hint: "For example, 2026-03-14"))
              \(FormControls.radios("source", legend: "Where they said it", options: VoiceService.practitionerSources.map { ($0.rawValue, $0.label, nil) }, selected: values["source"], errors: errors))
              \(FormControls.radios("respondent", legend: "Who said it", options: VoiceRespondent.allCases.map { ($0.rawValue, $0.label, nil) }, selected: values["respondent"] ?? VoiceRespondent.youngPerson.rawValue, errors: errors))
              \(partnershipField)
              \(items)
              \(FormControls.radios("consent", legend: "What did they agree may be done with their words?", options: Consent.allCases.map { ($0.rawValue, $0.label, nil) }, selected: values["consent"], errors: errors, hint: "Ask them. Words kept to their record are never counted or quoted."))
              <button type="submit" class="dots-button">Save</button>
            </form>
            """
    }

    static func records(_ rs: [VoiceService.Reading], deidentified: Bool, person: String?) -> HTML {
        var out: HTML =
            deidentified
            ? "<h1 class=\"dots-heading-l\">Feedback, de-identified</h1><p>Names, places, schools, dates and numbers are replaced, and feedback kept to a young person's record is left out. Your reading is recorded.</p>"
            : "<h1 class=\"dots-heading-l\">Your agency's feedback\(person.map { ": young person \($0)" } ?? "")</h1><p>What young people and families told your agency, as they said it. Every reading is recorded.</p>"
        if !deidentified {
            out +=
                "<form method=\"get\" action=\"/voice/records\" class=\"dots-inline-form\">\(FormPages.field("person", label: "One young person (their id)", value: person ?? "", autocomplete: "off", errors: []))<button class=\"dots-button dots-button--secondary\" type=\"submit\">Show</button></form>"
        }
        if rs.isEmpty { return out + "<p>No feedback yet.</p>" }
        for r in rs {
            let rec = r.record
            let answers = [FeedbackForm.feelSafe, FeedbackForm.trustedAdult, FeedbackForm.listenedTo, FeedbackForm.contact].compactMap {
                id -> (String, String)? in
                guard let v = rec.answers.choices[id], let item = FeedbackForm.of(rec.formVersion ?? .young12to17).item(id) else { return nil }
                return (item.question, item.options.first { $0.value == v }?.label ?? v)
            }
            out += """
                <div class="dots-summary-list" id="\(rec.id)">
                <h2 class="dots-heading-m">\(rec.date.description) · \(rec.source.label) · \(rec.respondent.label)\(r.personID.map { " · young person \($0)" } ?? "")</h2>
                <dl>
                \(answers.html { "<div class=\"dots-summary-list__row\"><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" })
                \(FeedbackForm.textItems.compactMap { id in r.texts[id].map { (itemTitles[id] ?? id, $0) } }.html { "<div class=\"dots-summary-list__row\"><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" })
                <div class="dots-summary-list__row"><dt>Consent</dt><dd>\(rec.consent.label)</dd></div>
                <div class="dots-summary-list__row"><dt>Recorded by</dt><dd>\(rec.recordedBy), \(agencyName(rec.agencyID))</dd></div>
                </dl></div>
                """
        }
        return out
    }

    // MARK: coding and agreement

    static func themeBoxes(_ name: String, book: Codebook, checked: Set<String>, suggested: [ThemeSuggester.Suggestion]) -> HTML {
        let hints = Dictionary(uniqueKeysWithValues: suggested.map { ($0.theme, $0.matched) })
        return book.themes.html { t -> HTML in
            let id = "\(name)-\(t.id)"
            let hint: HTML = hints[t.id].map { " <span class=\"dots-tag dots-tag--amber\">Suggested: \($0.joined(separator: ", "))</span>" } ?? ""
            return """
                <div class="dots-checkboxes__item"><input class="dots-checkboxes__input" id="\(id)" name="themes[]" type="checkbox" value="\(t.id)"\(checked.contains(t.id) ? " checked" : "")><label class="dots-checkboxes__label" for="\(id)">\(t.name)\(hint)</label></div>
                """
        }
    }

    static func codingItem(_ i: VoiceService.CodingItem, book: Codebook, action: String, csrf: String) -> HTML {
        let name = "\(i.unit.recordID)-\(i.unit.item)"
        return """
            <form method="post" action="\(action)" class="dots-summary-list" id="\(name)">
              <input type="hidden" name="csrf" value="\(csrf)">
              <input type="hidden" name="record" value="\(i.unit.recordID)"><input type="hidden" name="item" value="\(i.unit.item)">
              <fieldset class="dots-fieldset">
                <legend class="dots-fieldset__legend dots-fieldset__legend--m">\(itemTitles[i.unit.item] ?? i.unit.item) (\(i.record.date.description), \(i.record.source.label.lowercased()))</legend>
                <blockquote class="dots-quote">\(i.text)</blockquote>
                <div class="dots-checkboxes">\(themeBoxes(name, book: book, checked: i.themes, suggested: i.suggestions))</div>
              </fieldset>
              \(history(i.history, book: book))
              <button type="submit" class="dots-button dots-button--secondary">Save themes<span class="dots-visually-hidden"> for this text</span></button>
            </form>
            """
    }

    /// Every change to a text's themes: who, when, what, against which codebook version.
    static func history(_ events: [CodingEvent], book: Codebook) -> HTML {
        guard !events.isEmpty else { return "" }
        let rows = events.html { e in
            "<li>\(UKTime.display(e.at)): \(e.coder) \(e.action == .add ? "added" : "removed") \(book.theme(e.theme)?.name ?? e.theme) (codebook v\(e.codebookVersion))</li>"
        }
        return "<details class=\"dots-details\"><summary>Changes (\(events.count))</summary><ul>\(rows)</ul></details>"
    }

    static func coding(_ items: [VoiceService.CodingItem], book: Codebook, csrf: String, done: Bool) -> HTML {
        """
        \(done ? HTML("<div class=\"dots-notification dots-notification--success\" role=\"status\"><p>Themes saved. Every change is kept with who made it and when.</p></div>") : "")
        <h1 class="dots-heading-l">Code feedback to themes</h1>
        <p>Codebook version \(book.version). Suggestions come from the codebook's words found in the text (shown with each); they are never applied for you. Texts not yet coded come first.</p>
        \(items.isEmpty ? HTML("<p>No text to code.</p>") : items.html { codingItem($0, book: book, action: "/voice/coding", csrf: csrf) })
        """
    }

    static func agreement(
        _ result: (sample: AgreementSample, agreement: Agreement)?, toCode: [VoiceService.CodingItem], book: Codebook, canDraw: Bool, csrf: String,
        errors: Errors
    ) -> HTML {
        var out: HTML = FormPages.errorSummary(errors) + "<h1 class=\"dots-heading-l\">Agreement between coders</h1>"
        out +=
            "<p>A second coder codes a random sample of coded texts without seeing the first coding. Cohen's kappa says how far they agree beyond chance: above 0.6 is substantial, above 0.8 almost perfect.</p>"
        if let (sample, a) = result {
            out += "<p>Sample drawn \(UKTime.display(sample.drawnAt)) by \(sample.drawnBy): \(sample.units.count) texts; \(a.units) coded by both so far.</p>"
            out +=
                "<p class=\"dots-heading-m\">Pooled kappa: <strong>\(a.pooledKappa.map { String(format: "%.2f", $0) } ?? "not yet")</strong> (\(Agreement.words(a.pooledKappa)))</p>"
            out +=
                "<table class=\"dots-table\" tabindex=\"0\"><caption class=\"dots-visually-hidden\">Agreement by theme</caption><thead><tr><th scope=\"col\">Theme</th><th scope=\"col\">Both</th><th scope=\"col\">First only</th><th scope=\"col\">Second only</th><th scope=\"col\">Neither</th><th scope=\"col\">Kappa</th></tr></thead><tbody>"
            for t in a.themes {
                out +=
                    "<tr><th scope=\"row\">\(book.theme(t.theme)?.name ?? t.theme)</th><td>\(t.both)</td><td>\(t.firstOnly)</td><td>\(t.secondOnly)</td><td>\(t.neither)</td><td>\(t.kappa.map { String(format: "%.2f", $0) } ?? "–")</td></tr>"
            }
            out += "</tbody></table>"
        } else {
            out += "<p>No sample drawn yet.</p>"
        }
        if canDraw {
            out += """
                <form method="post" action="/voice/agreement/sample" class="dots-inline-form" novalidate>
                  <input type="hidden" name="csrf" value="\(csrf)">
                  \(FormPages.field("size", label: "Texts in a new sample", type: "number", value: "30", autocomplete: "off", errors: errors))
                  <button type="submit" class="dots-button dots-button--secondary">Draw a sample</button>
                </form>
                """
        }
        if !toCode.isEmpty {
            out += "<h2 class=\"dots-heading-m\">Code the sample yourself</h2><p>You see these texts without the first coding.</p>"
            out += toCode.html { codingItem($0, book: book, action: "/voice/agreement/code", csrf: csrf) }
        }
        return out
    }

    // MARK: quotes, codebook, you said / we did

    static func quotes(_ qs: [VoiceService.QuoteView], me: String?, csrf: String, errors: Errors, done: String?) -> HTML {
        var out: HTML = FormPages.errorSummary(errors)
        if let done { out += "<div class=\"dots-notification dots-notification--success\" role=\"status\"><p>\(done)</p></div>" }
        out += "<h1 class=\"dots-heading-l\">Quotes for reports</h1>"
        out +=
            "<p>A quote reaches a published report only when they agreed to be quoted, the identifier scan finds nothing, the words are theirs (cut, never reworded), enough young people gave feedback that year, and someone other than the proposer approved it. Propose one from <a href=\"/voice/records\">the feedback</a>.</p>"
        if qs.isEmpty { return out + "<p>No quotes proposed yet.</p>" }
        for v in qs {
            let q = v.quote
            let gates = v.gates.html {
                "<li><strong class=\"dots-tag dots-tag--\($0.passed ? "green" : "red")\">\($0.passed ? "Passed" : "Not passed")</strong> \($0.name): \($0.detail)</li>"
            }
            var actions: HTML = ""
            if q.state == .awaitingApproval {
                if q.proposedByAccount != me {
                    actions +=
                        "<form method=\"post\" action=\"/voice/quotes/\(q.id)/approve\" class=\"dots-inline-form\"><input type=\"hidden\" name=\"csrf\" value=\"\(csrf)\"><button class=\"dots-button\" type=\"submit\">Approve<span class=\"dots-visually-hidden\"> this quote</span></button></form>"
                }
                actions += """
                    <form method="post" action="/voice/quotes/\(q.id)/refuse" class="dots-inline-form"><input type="hidden" name="csrf" value="\(csrf)">
                    \(FormPages.field("note-\(q.id)", label: q.proposedByAccount == me ? "Why you withdraw it" : "Why you refuse it", autocomplete: "off", errors: []))
                    <button class="dots-button dots-button--secondary" type="submit">\(q.proposedByAccount == me ? "Withdraw" : "Refuse")</button></form>
                    """
            }
            out += """
                <div class="dots-summary-list" id="\(q.id)">
                  <blockquote class="dots-quote">“\(q.text)” <footer>\(q.attribution), \(partnershipName(q.partnership)), \(q.period)</footer></blockquote>
                  <p>Proposed by \(q.proposedBy). State: <strong>\(q.state.rawValue.replacingOccurrences(of: "-", with: " "))</strong>\(q.reviewNote.map { ": \($0)" } ?? "").</p>
                  <ul>\(gates)</ul>
                  \(actions)
                </div>
                """
        }
        return out
    }

    static func proposeForm(record: String, item: String, text: String, book: Codebook, csrf: String, errors: Errors, attribution: String = "A young person")
        -> HTML
    {
        """
        \(FormPages.errorSummary(errors))
        <h1 class="dots-heading-l">Propose a quote</h1>
        <form method="post" action="/voice/quotes" novalidate>
          <input type="hidden" name="csrf" value="\(csrf)"><input type="hidden" name="record" value="\(record)"><input type="hidden" name="item" value="\(item)">
          \(FormControls.textarea("text", label: "The words to quote", value: text, errors: errors, hint: "Cut what you do not need (mark cuts with …) and replace anything identifying with [name], [place], [school], [date] or [phone]. Never reword.", rows: 4))
          \(FormPages.field("attribution", label: "Who said it", value: attribution, autocomplete: "off", errors: errors, hint: "In words that identify no one: \"A young person\", \"A parent\"."))
          \(FormControls.select("theme", label: "Theme (optional)", options: [("", "None")] + book.themes.map { ($0.id, $0.name) }, selected: "", errors: errors))
          <button type="submit" class="dots-button">Propose</button>
        </form>
        """
    }

    static func codebook(_ history: [Codebook], canPublish: Bool, csrf: String, errors: Errors) -> HTML {
        guard let book = history.last else { return "" }
        var out: HTML = FormPages.errorSummary(errors)
        out +=
            "<h1 class=\"dots-heading-l\">The codebook</h1><p>Version \(book.version), published by \(book.publishedBy)\(book.note.isEmpty ? "" : ": \(book.note)"). Earlier versions: \(history.count - 1).</p>"
        out +=
            "<table class=\"dots-table\" tabindex=\"0\"><caption class=\"dots-visually-hidden\">Themes</caption><thead><tr><th scope=\"col\">Theme</th><th scope=\"col\">Definition</th><th scope=\"col\">Examples</th><th scope=\"col\">Words that suggest it</th></tr></thead><tbody>"
        for t in book.themes {
            out +=
                "<tr><th scope=\"row\">\(t.name)</th><td>\(t.definition)</td><td>\(t.examples.joined(separator: "; "))</td><td>\(t.keywords.joined(separator: ", "))</td></tr>"
        }
        out += "</tbody></table>"
        if canPublish {
            out += """
                <h2 class="dots-heading-m">Add a theme (publishes a new version)</h2>
                <form method="post" action="/voice/codebook" novalidate>
                  <input type="hidden" name="csrf" value="\(csrf)">
                  \(FormPages.field("id", label: "Id", autocomplete: "off", errors: errors, hint: "Lower-case letters, digits and dashes, like housing"))
                  \(FormPages.field("name", label: "Name", autocomplete: "off", errors: errors))
                  \(FormControls.textarea("definition", label: "Definition", value: "", errors: errors, rows: 2))
                  \(FormPages.field("examples", label: "Made-up examples, separated by ;", autocomplete: "off", errors: errors))
                  \(FormPages.field("keywords", label: "Words that suggest it, separated by , (end with * for any ending)", autocomplete: "off", errors: errors))
                  \(FormPages.field("note", label: "Why this version", autocomplete: "off", errors: errors))
                  <button type="submit" class="dots-button">Publish</button>
                </form>
                """
        }
        return out
    }

    static func saidDidForm(book: Codebook, actions: [ActionItem], csrf: String, values: [String: String] = [:], errors: Errors = []) -> HTML {
        """
        \(FormPages.errorSummary(errors))
        <h1 class="dots-heading-l">You said, we did</h1>
        <form method="post" action="/voice/said-did" novalidate>
          <input type="hidden" name="csrf" value="\(csrf)">
          \(FormControls.select("partnership", label: "Partnership", options: [("", "Choose")] + ReferencePartnership.partnerships.filter { $0.valid.end == nil }.map { ($0.id, $0.name) }, selected: values["partnership"] ?? "", errors: errors))
          \(FormControls.select("theme", label: "Theme", options: [("", "Choose")] + book.themes.map { ($0.id, $0.name) }, selected: values["theme"] ?? "", errors: errors))
          \(FormControls.textarea("said", label: "What young people and families said", value: values["said"] ?? "", errors: errors, hint: "A summary in your words, with no names or places that identify anyone.", rows: 3))
          \(FormControls.textarea("did", label: "What the partnership did", value: values["did"] ?? "", errors: errors, rows: 3))
          \(FormControls.select("action", label: "The action on the plan", options: [("", "None")] + actions.map { ($0.id, $0.title) }, selected: values["action"] ?? "", errors: errors))
          <button type="submit" class="dots-button">Save</button>
        </form>
        """
    }

    // MARK: summary and settings

    static func summary(_ s: VoiceService.Summary, book: Codebook) -> HTML {
        func cell(_ n: Int??) -> HTML {
            switch n {
            case .some(.some(let v)): "\(v)"
            case .some(.none): "<abbr title=\"fewer than \(s.hiddenUpTo + 1): hidden to protect young people\">c</abbr>"
            case .none: "0"
            }
        }
        let head = s.years.html { "<th scope=\"col\">\($0)</th>" }
        var out: HTML = "<h1 class=\"dots-heading-l\">What young people and families told \(partnershipName(s.partnership))</h1>"
        out +=
            "<p>Feedback from their own forms, surveys and practitioners' records, counted by financial year; feedback kept to a young person's record is not counted. \(s.hiddenUpTo > 0 ? "Counts from 1 to \(s.hiddenUpTo) are shown as c." : "")</p>"
        if s.years.isEmpty { return out + "<p>No feedback yet.</p>" }
        out +=
            "<table class=\"dots-table\" tabindex=\"0\"><caption class=\"dots-heading-m\">Themes over time (young people and families whose words raised each theme)</caption><thead><tr><th scope=\"col\">Theme</th>\(head)</tr></thead><tbody>"
        for r in [s.respondents, s.coded] + s.themes { out += "<tr><th scope=\"row\">\(r.label)</th>\(s.years.html { cell(r.counts[$0]).wrapped("td") })</tr>" }
        out += "</tbody></table>"
        out += "<h2 class=\"dots-heading-m\">You said, we did</h2>"
        out +=
            s.saidDid.isEmpty
            ? "<p>Nothing recorded yet.</p>"
            : s.saidDid.html { e in
                "<div class=\"dots-summary-list\"><h3>\(e.theme)</h3><dl><div class=\"dots-summary-list__row\"><dt>You said</dt><dd>\(e.entry.said)</dd></div><div class=\"dots-summary-list__row\"><dt>We did</dt><dd>\(e.entry.did)</dd></div>\(e.actions.isEmpty ? "" : HTML("<div class=\"dots-summary-list__row\"><dt>On the action plan</dt><dd>\(e.actions.map { "\($0.title) (\($0.status.title.lowercased()))" }.joined(separator: "; "))</dd></div>"))</dl></div>"
            }
        out += "<h2 class=\"dots-heading-m\">In their words</h2>"
        out +=
            s.quotes.isEmpty
            ? "<p>No quotes approved for publishing yet.</p>"
            : s.quotes.html { "<blockquote class=\"dots-quote\">“\($0.text)” <footer>\($0.attribution), \($0.period)</footer></blockquote>" }
        return out
    }

    /// Under the framework's questions: what young people and families said and what was done (the question
    /// "What do children and families tell us…" is answered here as well as by its indicators).
    static func onOverview(_ entries: [(entry: YouSaidWeDid, theme: String, actions: [ActionItem])], partnership: String) -> HTML {
        let list: HTML =
            entries.isEmpty
            ? ""
            : "<ul>"
                + entries.prefix(5).html { e in
                    "<li><strong>You said</strong> (\(e.theme.lowercased())): \(e.entry.said) <strong>We did:</strong> \(e.entry.did)</li>"
                } + "</ul>"
        return """
            <section class="dots-question" aria-labelledby="voice-heading">
              <h2 class="dots-heading-m" id="voice-heading">What children, young people and families tell us</h2>
              \(list)
              <p><a href="/voice/summary?partnership=\(HTML.query(partnership))">Their feedback: themes over time, in their words, and what was done</a></p>
            </section>
            """
    }

    static func settings(_ s: VoiceSettings, csrf: String, errors: Errors = [], saved: Bool = false) -> HTML {
        """
        \(FormPages.errorSummary(errors))
        \(saved ? HTML("<div class=\"dots-notification dots-notification--success\" role=\"status\"><p>Saved.</p></div>") : "")
        <h1 class="dots-heading-l">Voice settings: \(partnershipName(s.partnership))</h1>
        <form method="post" action="/voice/settings" novalidate>
          <input type="hidden" name="csrf" value="\(csrf)"><input type="hidden" name="partnership" value="\(s.partnership)">
          \(FormControls.textarea("unsafeMessage", label: "What someone who feels unsafe right now is told", value: s.unsafeMessage, errors: errors, hint: "Shown on their screen at once. Plain words; one line per sentence. Say who to contact now.", rows: 5))
          \(FormPages.field("retentionMonths", label: "Months feedback is kept", type: "number", value: String(s.retentionMonths), autocomplete: "off", errors: errors))
          \(FormPages.field("minimumGroup", label: "Fewest young people in a year for a quote to be published", type: "number", value: String(s.minimumGroup), autocomplete: "off", errors: errors))
          <button type="submit" class="dots-button">Save</button>
        </form>
        <p>Other partnerships: \(ReferencePartnership.partnerships.filter { $0.valid.end == nil }.html { "<a href=\"/voice/settings?partnership=\($0.id)\">\($0.name)</a> " })</p>
        """
    }
}

extension HTML {
    /// The markup inside an element: `cell.wrapped("td")`.
    func wrapped(_ tag: String) -> HTML { HTML("<\(tag)>") + self + HTML("</\(tag)>") }
}

import DotsApp
import DotsCore
import DotsGovernance
import DotsVoice
import Vapor

/// The staff side of voice: decodes, calls `VoiceService` (which owns who may do what, agency scope and the
/// audit of every read), renders.
struct VoiceRoutes {
    let context: WebContext
    var voice: VoiceService { context.useCases.voice }

    func register(_ app: Application) {
        app.get("voice", use: workspace)
        app.post("voice", "codes", use: issue)
        app.post("voice", "codes", ":id", "withdraw", use: withdraw)
        app.post("voice", "alerts", ":id", "close", use: closeAlert)
        app.get("voice", "records", use: records)
        app.get("voice", "records", "new", use: recordForm)
        app.post("voice", "records", use: record)
        app.get("voice", "coding", use: coding)
        app.post("voice", "coding", use: code)
        app.get("voice", "agreement", use: agreement)
        app.post("voice", "agreement", "sample", use: drawSample)
        app.post("voice", "agreement", "code", use: codeSample)
        app.get("voice", "quotes", use: quotes)
        app.get("voice", "quotes", "new", use: proposeForm)
        app.post("voice", "quotes", use: propose)
        app.post("voice", "quotes", ":id", "approve", use: approve)
        app.post("voice", "quotes", ":id", "refuse", use: refuse)
        app.get("voice", "codebook", use: codebook)
        app.post("voice", "codebook", use: publishCodebook)
        app.get("voice", "said-did", "new", use: saidDidForm)
        app.post("voice", "said-did", use: saidDid)
        app.get("voice", "summary", use: summary)
        app.get("voice", "settings", use: settings)
        app.post("voice", "settings", use: saveSettings)
    }

    func layout(_ req: Request, _ title: String) -> Layout {
        Layout(title: title, user: req.currentUser, active: "voice", csrf: req.currentUser?.csrfToken)
    }

    func render(_ req: Request, _ title: String, _ main: HTML, status: HTTPResponseStatus = .ok, back: (String, String)? = ("/voice", "Voice")) -> Response {
        page(layout(req, status == .unprocessableEntity ? "Error: \(title)" : title).render(main, backLink: back), status: status)
    }

    /// A form's fields as text (checkbox lists are read separately).
    func fields(_ req: Request) -> [String: String] { (try? req.content.decode([String: String].self)) ?? [:] }

    // MARK: workspace, codes, alerts

    func workspaceModel(_ user: CurrentUser) async throws -> VoicePages.Workspace {
        var w = VoicePages.Workspace()
        w.me = user.id
        w.canRecord = user.can(.recordVoice)
        w.canCode = user.can(.codeVoice)
        w.canManage = user.can(.manageVoice)
        w.canSettings = user.can(.voiceSettings)
        if w.canRecord, let agency = try? voice.recordingAgency(by: user.caller) {
            w.agency = agency
            w.alerts = try await voice.openAlerts(by: user.caller)
            w.codes = try await voice.issuedCodes(by: user.caller)
            w.partnerships = voice.partnerships(of: agency)
        }
        return w
    }

    func workspace(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        try user.caller.require(.viewFramework)
        let done: String? =
            switch req.query[String.self, at: "done"] {
            case "recorded": "Saved. It counts in the partnership's figures from the next recomputation, as its consent allows."
            case "closed": "Alert closed with what you did."
            case "withdrawn": "Code withdrawn: it no longer opens the form."
            case "said-did": "Saved: it shows on the summary and in reports."
            default: nil
            }
        return render(
            req, "Voice", VoicePages.workspace(try await workspaceModel(user), csrf: user.csrfToken ?? "", done: done), back: nil)
    }

    func issue(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let f = fields(req)
        let version = FeedbackForm.Version(rawValue: f["version"] ?? "") ?? .young12to17
        do {
            let issued = try await voice.issueCode(
                personID: f["person"] ?? "", version: version, partnership: f["partnership"], days: Int(f["days"] ?? "") ?? 0, by: user.caller)
            return render(req, "Their code", VoicePages.issued(issued.code, issued.record))
        } catch let e as InvalidInput {
            return render(
                req, "Voice", VoicePages.workspace(try await workspaceModel(user), csrf: user.csrfToken ?? "", done: nil, errors: e.formErrors, values: f),
                status: .unprocessableEntity, back: nil)
        }
    }

    func withdraw(_ req: Request) async throws -> Response {
        try await voice.withdrawCode(id: req.parameters.get("id") ?? "", by: try req.caller())
        return req.redirect(to: "/voice?done=withdrawn")
    }

    func closeAlert(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        do {
            _ = try await voice.acknowledgeAlert(id: req.parameters.get("id") ?? "", action: fields(req)["action"] ?? "", by: user.caller)
            return req.redirect(to: "/voice?done=closed")
        } catch let e as InvalidInput {
            let id = req.parameters.get("id") ?? ""
            return render(
                req, "Voice",
                VoicePages.workspace(
                    try await workspaceModel(user), csrf: user.csrfToken ?? "", done: nil, errors: e.formErrors.map { ("action-\(id)", $0.message) }),
                status: .unprocessableEntity, back: nil)
        }
    }

    // MARK: records

    func ownAgency(_ user: CurrentUser) throws -> String { try voice.recordingAgency(by: user.caller) }

    func recordForm(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let agency = try ownAgency(user)
        return render(
            req, "Record what they said", VoicePages.recordForm(agency: agency, partnerships: voice.partnerships(of: agency), csrf: user.csrfToken ?? ""))
    }

    func record(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let f = fields(req)
        do {
            _ = try await voice.recordVoice(VoiceService.RecordInput(fields: f), by: user.caller)
            return req.redirect(to: "/voice?done=recorded")
        } catch let e as InvalidInput {
            let agency = try ownAgency(user)
            return render(
                req, "Record what they said",
                VoicePages.recordForm(
                    agency: agency, partnerships: voice.partnerships(of: agency), csrf: user.csrfToken ?? "", values: f, errors: e.formErrors),
                status: .unprocessableEntity)
        }
    }

    func records(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let person = req.query[String.self, at: "person"].flatMap { $0.isEmpty ? nil : $0 }
        let rs = try await voice.records(person: person, by: user.caller)
        let main = VoicePages.records(rs, deidentified: user.caller.voiceText == .deidentified, person: person)
        return render(req, "Feedback", main + quoteLinks(rs, user))
    }

    /// For analysts: a link per text to propose it as a quote.
    func quoteLinks(_ rs: [VoiceService.Reading], _ user: CurrentUser) -> HTML {
        guard user.can(.manageVoice) else { return "" }
        let items = rs.flatMap { r in FeedbackForm.textItems.filter { r.texts[$0] != nil }.map { (r, $0) } }.prefix(200)
        guard !items.isEmpty else { return "" }
        return "<h2 class=\"dots-heading-m\">Propose a quote</h2><ul>"
            + items.html { r, item in
                "<li><a href=\"/voice/quotes/new?record=\(HTML.query(r.record.id))&amp;item=\(item)\">\(VoicePages.itemTitles[item] ?? item), \(r.record.date.description)</a></li>"
            } + "</ul>"
    }

    // MARK: coding and agreement

    struct ThemesForm: Content {
        var record: String?
        var item: String?
        var themes: [String]?
    }

    func coding(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let items = try await voice.codingQueue(limit: 30, by: user.caller)
        return render(
            req, "Code feedback",
            VoicePages.coding(items, book: try await voice.codebook(), csrf: user.csrfToken ?? "", done: req.query[String.self, at: "done"] != nil))
    }

    func code(_ req: Request) async throws -> Response {
        let f = (try? req.content.decode(ThemesForm.self)) ?? ThemesForm()
        try await voice.code(recordID: f.record ?? "", item: f.item ?? "", themes: Set(f.themes ?? []), by: try req.caller())
        return req.redirect(to: "/voice/coding?done=1")
    }

    func agreement(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        return try await agreementPage(req, user, errors: [])
    }

    func agreementPage(_ req: Request, _ user: CurrentUser, errors: FormControls.Errors) async throws -> Response {
        let result = try await voice.agreement(by: user.caller)
        let toCode = try await voice.sampleToCode(by: user.caller)?.items ?? []
        return render(
            req, "Agreement between coders",
            VoicePages.agreement(
                result, toCode: toCode, book: try await voice.codebook(), canDraw: user.can(.manageVoice), csrf: user.csrfToken ?? "", errors: errors),
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func drawSample(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        do {
            _ = try await voice.drawSample(size: Int(fields(req)["size"] ?? "") ?? 0, by: user.caller)
            return req.redirect(to: "/voice/agreement")
        } catch let e as InvalidInput {
            return try await agreementPage(req, user, errors: e.formErrors)
        }
    }

    func codeSample(_ req: Request) async throws -> Response {
        let f = (try? req.content.decode(ThemesForm.self)) ?? ThemesForm()
        try await voice.code(recordID: f.record ?? "", item: f.item ?? "", themes: Set(f.themes ?? []), sample: true, by: try req.caller())
        return req.redirect(to: "/voice/agreement")
    }

    // MARK: quotes

    func quotes(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let done: String? =
            switch req.query[String.self, at: "done"] {
            case "proposed": "Proposed. It needs every gate passed and a second person's approval."
            case "approved": "Approved: it may now appear in published reports."
            case "refused": "Done."
            default: nil
            }
        return render(
            req, "Quotes", VoicePages.quotes(try await voice.quotes(by: user.caller), me: user.id, csrf: user.csrfToken ?? "", errors: [], done: done))
    }

    func proposeForm(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        try user.caller.require(.manageVoice)
        let recordID = req.query[String.self, at: "record"] ?? "", item = req.query[String.self, at: "item"] ?? ""
        let reading = try await voice.record(id: recordID, by: user.caller)
        guard let text = reading.texts[item] else { throw NotFound("That feedback has no such text.") }
        return render(
            req, "Propose a quote",
            VoicePages.proposeForm(record: recordID, item: item, text: text, book: try await voice.codebook(), csrf: user.csrfToken ?? "", errors: []))
    }

    func propose(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let f = fields(req)
        do {
            _ = try await voice.proposeQuote(
                recordID: f["record"] ?? "", item: f["item"] ?? "", text: f["text"], attribution: f["attribution"] ?? "", theme: f["theme"], by: user.caller)
            return req.redirect(to: "/voice/quotes?done=proposed")
        } catch let e as InvalidInput {
            return render(
                req, "Propose a quote",
                VoicePages.proposeForm(
                    record: f["record"] ?? "", item: f["item"] ?? "", text: f["text"] ?? "", book: try await voice.codebook(), csrf: user.csrfToken ?? "",
                    errors: e.formErrors, attribution: f["attribution"] ?? ""),
                status: .unprocessableEntity)
        }
    }

    func approve(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        do {
            _ = try await voice.approveQuote(id: req.parameters.get("id") ?? "", by: user.caller)
            return req.redirect(to: "/voice/quotes?done=approved")
        } catch let e as InvalidInput {
            return render(
                req, "Quotes",
                VoicePages.quotes(try await voice.quotes(by: user.caller), me: user.id, csrf: user.csrfToken ?? "", errors: e.formErrors, done: nil),
                status: .unprocessableEntity)
        }
    }

    func refuse(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let id = req.parameters.get("id") ?? ""
        do {
            try await voice.refuseQuote(id: id, note: fields(req)["note-\(id)"] ?? "", by: user.caller)
            return req.redirect(to: "/voice/quotes?done=refused")
        } catch let e as InvalidInput {
            return render(
                req, "Quotes",
                VoicePages.quotes(
                    try await voice.quotes(by: user.caller), me: user.id, csrf: user.csrfToken ?? "", errors: e.formErrors.map { ("note-\(id)", $0.message) },
                    done: nil),
                status: .unprocessableEntity)
        }
    }

    // MARK: codebook, you said / we did, summary, settings

    func codebook(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        return render(
            req, "The codebook",
            VoicePages.codebook(try await voice.codebookHistory(by: user.caller), canPublish: user.can(.manageVoice), csrf: user.csrfToken ?? "", errors: []))
    }

    func publishCodebook(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let f = fields(req)
        let theme = Codebook.Theme(
            id: f["id"] ?? "", name: f["name"] ?? "", definition: f["definition"] ?? "",
            examples: (f["examples"] ?? "").split(separator: ";").map(String.init), keywords: (f["keywords"] ?? "").split(separator: ",").map(String.init))
        do {
            _ = try await voice.publishCodebook(themes: try await voice.codebook().themes + [theme], note: f["note"] ?? "", by: user.caller)
            return req.redirect(to: "/voice/codebook")
        } catch let e as InvalidInput {
            return render(
                req, "The codebook",
                VoicePages.codebook(
                    try await voice.codebookHistory(by: user.caller), canPublish: true, csrf: user.csrfToken ?? "",
                    errors: e.formErrors.map { ("id", $0.message) }),
                status: .unprocessableEntity)
        }
    }

    func saidDidForm(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        try user.caller.require(.manageVoice)
        let actions = try await context.governance.actions(.all, by: user.caller)
        return render(req, "You said, we did", VoicePages.saidDidForm(book: try await voice.codebook(), actions: actions, csrf: user.csrfToken ?? ""))
    }

    func saidDid(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let f = fields(req)
        do {
            _ = try await voice.recordSaidDid(
                partnership: f["partnership"] ?? "", theme: f["theme"] ?? "", said: f["said"] ?? "", did: f["did"] ?? "",
                actionIDs: [f["action"] ?? ""].filter { !$0.isEmpty }, by: user.caller)
            return req.redirect(to: "/voice?done=said-did")
        } catch let e as InvalidInput {
            let actions = try await context.governance.actions(.all, by: user.caller)
            return render(
                req, "You said, we did",
                VoicePages.saidDidForm(book: try await voice.codebook(), actions: actions, csrf: user.csrfToken ?? "", values: f, errors: e.formErrors),
                status: .unprocessableEntity)
        }
    }

    func summary(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let partnership = req.query[String.self, at: "partnership"] ?? "joint-ce"
        let s = try await voice.summary(partnership: partnership, by: user.caller)
        return render(req, "What young people told us", VoicePages.summary(s, book: try await voice.codebook()))
    }

    func settings(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        try user.caller.require(.voiceSettings)
        let p = req.query[String.self, at: "partnership"] ?? "staffs-scp"
        guard ReferencePartnership.model.partnership(id: p) != nil else { throw NotFound("There is no such partnership.") }
        return render(
            req, "Voice settings",
            VoicePages.settings(try await voice.settings(partnership: p), csrf: user.csrfToken ?? "", saved: req.query[String.self, at: "saved"] != nil))
    }

    func saveSettings(_ req: Request) async throws -> Response {
        let user = try req.signedIn()
        let f = fields(req)
        let s = VoiceSettings(
            partnership: f["partnership"] ?? "", unsafeMessage: f["unsafeMessage"] ?? "", retentionMonths: Int(f["retentionMonths"] ?? "") ?? 0,
            minimumGroup: Int(f["minimumGroup"] ?? "") ?? 0)
        do {
            _ = try await voice.updateSettings(s, by: user.caller)
            return req.redirect(to: "/voice/settings?partnership=\(HTML.query(s.partnership))&saved=1")
        } catch let e as InvalidInput {
            return render(req, "Voice settings", VoicePages.settings(s, csrf: user.csrfToken ?? "", errors: e.formErrors), status: .unprocessableEntity)
        }
    }
}

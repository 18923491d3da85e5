import DotsApp
import DotsCore
import Foundation

/// Linkage quality for analysts: the latest run, match rates by agency and pair of agencies, who is known to one
/// agency only, run history, and the clerical review queue (agreement patterns and weights, never a value or an
/// agency's own id) with confirm and reject.
enum LinkagePage {
    static func count(_ n: Int) -> String { n.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB"))) }
    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
    static func agency(_ id: String) -> String { ReferencePartnership.model.agencyName(id) }

    static func render(_ v: LinkQualityService.Overview?, csrf: String, decided: Bool = false) -> HTML {
        var out: HTML = "<h1 class=\"dots-heading-l\">Linkage</h1>"
        guard let v else {
            return out + "<p>Records have not been linked across agencies yet: an analyst runs <code>dots link</code> once people submissions are in.</p>"
        }
        if decided {
            out += """
                <div class="dots-notification-banner dots-notification-banner--success" role="status"><p>Your decision is saved. It
                overrides the model from the next linkage run on.</p></div>
                """
        }
        let l = v.latest
        out += """
            <p>How well the latest run joined each agency's records into young people, and the pairs it could not decide. Pairs are
            shown by how their pseudonymised identifiers agreed, never by a value or an agency's own id.</p>
            <h2 class="dots-heading-m">The latest run</h2>
            <dl class="dots-summary-list">
              <div class="dots-summary-list__row"><dt>Finished</dt><dd>\(UKTime.display(l.finishedAt)), by \(l.runBy)</dd></div>
              <div class="dots-summary-list__row"><dt>Person records</dt><dd>\(count(l.records))</dd></div>
              <div class="dots-summary-list__row"><dt>Pairs compared</dt><dd>\(count(l.candidatePairs))</dd></div>
              <div class="dots-summary-list__row"><dt>Pairs linked</dt><dd>\(count(l.links))</dd></div>
              <div class="dots-summary-list__row"><dt>Pairs for review</dt><dd>\(count(l.reviews))</dd></div>
              <div class="dots-summary-list__row"><dt>Young people</dt><dd>\(count(v.youngPeople)), of whom \(count(v.knownToOneAgency)) known to one agency only</dd></div>
            </dl>
            """
        if let e = v.evaluation {
            out += """
                <p>Checked against the synthetic partnership's truth file: pairwise precision \(String(format: "%.3f", e.precision)),
                recall \(String(format: "%.3f", e.recall)), F1 \(String(format: "%.3f", e.f1)); blocking let through
                \(percent(e.blockRecall)) of true pairs.</p>
                """
            if !e.calibration.isEmpty {
                let rows = e.calibration.html { b -> HTML in
                    let share = b.pairs == 0 ? "" : percent(Double(b.truePairs) / Double(b.pairs))
                    let mean = b.pairs == 0 ? "" : percent(b.meanProbability)
                    return
                        "<tr><th scope=\"row\">\(percent(b.from)) to \(percent(b.to))</th><td class=\"num\">\(count(b.pairs))</td><td class=\"num\">\(mean)</td><td class=\"num\">\(share)</td></tr>"
                }
                out += """
                    <table class="dots-table"><caption>Whether the model's match probabilities mean what they say: the pairs it scored, by
                    probability, and the share truly one young person (close to the mean probability when it is well calibrated)</caption>
                    <thead><tr><th scope="col">Match probability</th><th scope="col" class="num">Pairs</th><th scope="col" class="num">Mean probability</th>
                    <th scope="col" class="num">Truly one young person</th></tr></thead><tbody>\(rows)</tbody></table>
                    """
            }
        }
        let agencyRows = v.agencies.html { a -> HTML in
            "<tr><th scope=\"row\">\(agency(a.agency))</th><td class=\"num\">\(count(a.records))</td><td class=\"num\">\(count(a.youngPeople))</td><td class=\"num\">\(count(a.withAnotherAgency))</td><td class=\"num\">\(percent(a.matchRate))</td><td class=\"num\">\(count(a.onlyThisAgency))</td></tr>"
        }
        out += """
            <h2 class="dots-heading-m">Match rates by agency</h2>
            <p>The share of each agency's young people whom linkage joined to another agency's records. A low rate can mean the
            others do not know them, or that linkage missed them ("children missing from data"): the review queue below and the
            agency's data quality say which.</p>
            <table class="dots-table"><caption>Each agency's records in the latest run</caption>
            <thead><tr><th scope="col">Agency</th><th scope="col" class="num">Records</th><th scope="col" class="num">Young people</th><th scope="col" class="num">Also known to another agency</th><th scope="col" class="num">Match rate</th><th scope="col" class="num">Known to this agency only</th></tr></thead>
            <tbody>\(agencyRows)</tbody></table>
            """
        let pairRows = v.sharedBetween.prefix(40).html { p -> HTML in
            "<tr><td>\(agency(p.a))</td><td>\(agency(p.b))</td><td class=\"num\">\(count(p.youngPeople))</td></tr>"
        }
        out += """
            <h2 class="dots-heading-m">Young people known to both of two agencies</h2>
            <table class="dots-table"><caption>Pairs of agencies by the young people they share, most first</caption>
            <thead><tr><th scope="col">Agency</th><th scope="col">And agency</th><th scope="col" class="num">Young people</th></tr></thead>
            <tbody>\(pairRows)</tbody></table>
            """
        out += bias(v.bias)
        out += queue(v, csrf: csrf)
        let historyRows = v.history.html { r -> HTML in
            "<tr><td>\(UKTime.display(r.finishedAt))</td><td>\(r.runBy)</td><td class=\"num\">\(count(r.records))</td><td class=\"num\">\(count(r.candidatePairs))</td><td class=\"num\">\(count(r.links))</td><td class=\"num\">\(count(r.reviews))</td><td class=\"num\">\(count(r.people))</td></tr>"
        }
        out += """
            <h2 class="dots-heading-m">Run history</h2>
            <table class="dots-table"><caption>Linkage runs, newest first</caption>
            <thead><tr><th scope="col">Finished</th><th scope="col">Run by</th><th scope="col" class="num">Records</th><th scope="col" class="num">Pairs compared</th><th scope="col" class="num">Linked</th><th scope="col" class="num">For review</th><th scope="col" class="num">Young people</th></tr></thead>
            <tbody>\(historyRows)</tbody></table>
            """
        return out
    }

    static func bias(_ b: LinkQualityService.Bias) -> HTML {
        func table(_ caption: String, _ heading: String, _ rows: [LinkQualityService.BiasRow]) -> HTML {
            let body = rows.html { r -> HTML in
                let share = { (n: Int) in r.records == 0 ? "" : " (\(percent(Double(n) / Double(r.records))))" }
                return
                    "<tr><th scope=\"row\">\(r.group)</th><td class=\"num\">\(count(r.records))</td><td class=\"num\">\(count(r.unlinked))\(share(r.unlinked))</td><td class=\"num\">\(count(r.inReview))\(share(r.inReview))</td></tr>"
            }
            return """
                <table class="dots-table"><caption>\(caption)</caption>
                <thead><tr><th scope="col">\(heading)</th><th scope="col" class="num">Records</th><th scope="col" class="num">Left unlinked</th><th scope="col" class="num">In review</th></tr></thead>
                <tbody>\(body)</tbody></table>
                """
        }
        return """
            <h2 class="dots-heading-m">Who linkage may be missing</h2>
            <p>Person records the latest run left on their own (no other record joined to their young person) or in an undecided
            review pair, by agency, age band at the run, sex and ethnicity group. A group left unlinked more often than others
            may be "children missing from data" because of how their records are kept (names spelt or transliterated
            differently, estimated dates of birth), not because no one else knows them. Ages take the first of the birth month.</p>
            \(table("Records left unlinked or in review, by agency", "Agency", b.byAgency))
            \(table("Records left unlinked or in review, by age band", "Age band", b.byAge))
            \(table("Records left unlinked or in review, by sex", "Sex", b.bySex))
            \(table("Records left unlinked or in review, by ethnicity group", "Ethnicity group", b.byEthnicity))
            """
    }

    static func agreements(_ p: LinkQualityService.ReviewPair, caption: String) -> HTML {
        let rows = p.agreements.html { a -> HTML in
            "<tr><th scope=\"row\">\(a.comparison.replacingOccurrences(of: "_", with: " "))</th><td>\(a.level)</td><td class=\"num\">\(String(format: "%+.2f", a.weight))</td></tr>"
        }
        return """
            <table class="dots-table dots-table--compact"><caption class="dots-visually-hidden">\(caption)</caption>
            <thead><tr><th scope="col">Identifier</th><th scope="col">Agreement</th><th scope="col" class="num">Weight (bits)</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }

    static func queue(_ v: LinkQualityService.Overview, csrf: String) -> HTML {
        var out: HTML = """
            <h2 class="dots-heading-m">Pairs for review</h2>
            <p>Pairs the model scored between \(percent(v.reviewThreshold)) and \(percent(v.matchThreshold)) likely to be the same young
            person. A pair's weight is the prior (\(String(format: "%+.2f", v.priorWeight)) bits) plus each identifier's weight below;
            names that agree exactly (and similar ones, where the run's settings say so) count for less when the name is common and
            more when it is rare. Confirm a pair if the agreements say they are the same young
            person, reject it if not: the decision overrides the model at every later run (as <code>dots review</code> does).</p>
            """
        if v.queue.isEmpty { out += "<p>Nothing to review.</p>" }
        for (i, p) in v.queue.prefix(50).enumerated() {
            out += """
                <section class="dots-review-pair" aria-labelledby="pair-\(p.ref)">
                <h3 class="dots-heading-s" id="pair-\(p.ref)">Pair \(i + 1): \(agency(p.agencyA)) and \(agency(p.agencyB)), \(percent(p.probability)) likely (weight \(String(format: "%+.2f", p.weight)))</h3>
                \(agreements(p, caption: "How pair \(i + 1)'s identifiers agreed"))
                <form method="post" action="/linkage/review" novalidate>
                  <input type="hidden" name="csrf" value="\(csrf)">
                  <input type="hidden" name="pair" value="\(p.ref)">
                  <div class="dots-form-group">
                    <label class="dots-label" for="note-\(p.ref)">Note (optional; no names or other identifiers)</label>
                    <input class="dots-input" id="note-\(p.ref)" name="note" type="text" maxlength="500">
                  </div>
                  <div class="dots-button-group">
                    <button class="dots-button" name="verdict" value="confirmed">Confirm: the same young person<span class="dots-visually-hidden"> (pair \(i + 1))</span></button>
                    <button class="dots-button dots-button--secondary" name="verdict" value="rejected">Reject: not the same<span class="dots-visually-hidden"> (pair \(i + 1))</span></button>
                  </div>
                </form>
                </section>
                """
        }
        if v.queue.count > 50 { out += "<p>\(count(v.queue.count - 50)) more pairs wait after these.</p>" }
        if !v.decided.isEmpty {
            let rows = v.decided.prefix(100).html { p -> HTML in
                "<tr><td>\(agency(p.agencyA)) and \(agency(p.agencyB))</td><td class=\"num\">\(percent(p.probability))</td><td>\(p.verdict == .confirmed ? "Confirmed" : "Rejected")</td><td>\(p.reviewer ?? "")</td><td>\(p.decidedAt.map(UKTime.display) ?? "")</td><td>\(p.note ?? "")</td></tr>"
            }
            out += """
                <h2 class="dots-heading-m">Decided</h2>
                <table class="dots-table"><caption>Pairs decided by a reviewer, newest first</caption>
                <thead><tr><th scope="col">Pair</th><th scope="col" class="num">Model's probability</th><th scope="col">Decision</th><th scope="col">By</th><th scope="col">When</th><th scope="col">Note</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """
        }
        return out
    }
}

import DotsApp
import DotsCore
import DotsFramework
import DotsJourney
import Foundation

/// Cohort journeys: the common paths (chart and table), time to a response after each critical moment, who is known
/// to one agency only, escalation and re-referral. Every figure as published.
enum CohortJourneyPage {
    static func percent(_ n: CohortJourneyService.Count, of base: CohortJourneyService.Count, minimum: Int) -> String {
        guard let n = n.shown, let b = base.shown, b >= minimum, b > 0 else { return ":" }
        return String(format: "%.0f%%", Double(n) / Double(b) * 100)
    }

    static func render(_ v: CohortJourneyService.View?) -> HTML {
        var out: HTML = "<h1 class=\"dots-heading-l\">Journeys through services</h1>"
        guard let v else {
            return out + "<p>Young people have not been linked across agencies yet: cohort journeys follow each young person, so they wait for linkage.</p>"
        }
        out += """
            <p>What young people's journeys have in common, across every agency's records, for every young person linkage found
            (linked \(v.linkedAt.map(UKTime.display) ?? "")). No young person is named or numbered here. Counts from 1 to \(v.threshold)
            are shown as c, and a median only from \(v.minimumBase) moments; where one of a set of counts adding up to a whole is
            hidden, another is hidden with it.</p>
            <h2 class="dots-heading-m">The paths young people take</h2>
            <p>The order in which each young person first went missing, had a return home interview, was screened for exploitation,
            was discussed at MACE and was referred to the National Referral Mechanism (each step counted once, at its first time).
            \(v.onThePath.text) young people took at least one of these steps.</p>
            """
        let bars = v.paths.compactMap { p in p.count.shown.map { (p.text, $0) } }
        if !bars.isEmpty {
            out += "<figure class=\"dots-chart-figure\">\(BarChart(title: "The commonest paths through services", bars: bars).svg(id: "paths"))</figure>"
        }
        let rows = v.paths.html { p -> HTML in "<tr><th scope=\"row\">\(p.text)</th><td class=\"num\">\(p.count.text)</td></tr>" }
        out += """
            <table class="dots-table"><caption>Young people by the path they took, commonest first</caption>
            <thead><tr><th scope="col">Path</th><th scope="col" class="num">Young people</th></tr></thead>
            <tbody>\(rows)<tr><th scope="row">Every other path, together (each too rare to show)</th><td class="num">\(v.otherPaths.text)</td></tr></tbody></table>
            """
        let moments = v.responses.html { r -> HTML in
            "<tr><th scope=\"row\">\(r.moment.label)</th><td class=\"num\">\(r.moments.text)</td><td class=\"num\">\(r.unanswered.text)</td><td class=\"num\">\(r.median.map(String.init) ?? ":")</td><td class=\"num\">\(r.p90.map(String.init) ?? ":")</td></tr>"
        }
        out += """
            <h2 class="dots-heading-m">From a critical moment to a multi-agency response</h2>
            <p>The moments the Child Safeguarding Practice Review Panel named in "It was hard to escape" (2020), and the days from
            each to the next multi-agency response recorded (a screening, MACE, an NRM or social care referral, an enquiry or plan,
            early help, a return home interview). See <a href="/framework">the framework</a> for the questions these answer.</p>
            <table class="dots-table"><caption>Critical moments and the time to a response</caption>
            <thead><tr><th scope="col">Critical moment</th><th scope="col" class="num">Moments</th><th scope="col" class="num">No response recorded</th><th scope="col" class="num">Median days</th><th scope="col" class="num">90th percentile days</th></tr></thead>
            <tbody>\(moments)</tbody></table>
            """
        let agencies = v.knownToOneAgency.html { a -> HTML in
            "<tr><th scope=\"row\">\(ReferencePartnership.model.agencyName(a.agency))</th><td class=\"num\">\(a.count.text)</td></tr>"
        }
        out += """
            <h2 class="dots-heading-m">Known to one agency only</h2>
            <p>Young people every one of whose records is one agency's: what the others cannot see ("children missing from data").
            A young person may be known to one agency because the others have not submitted, or because linkage did not join them.</p>
            <table class="dots-table"><caption>Young people by the agencies that know them</caption>
            <thead><tr><th scope="col">Known to</th><th scope="col" class="num">Young people</th></tr></thead>
            <tbody>\(agencies)<tr><th scope="row">Two or more agencies</th><td class="num">\(v.knownToSeveral.text)</td></tr></tbody></table>
            <h2 class="dots-heading-m">Escalation and re-referral</h2>
            <dl class="dots-summary-list">
              <div class="dots-summary-list__row"><dt>Risk higher at the latest screening than at the first</dt><dd>\(v.escalated.text) of \(v.screenedTwice.text) young people screened more than once (\(percent(v.escalated, of: v.screenedTwice, minimum: v.minimumBase)))</dd></div>
              <div class="dots-summary-list__row"><dt>Referred to children's social care again within 12 months of an episode closing</dt><dd>\(v.reReferred.text) of \(v.closedEpisode.text) young people with a closed episode (\(percent(v.reReferred, of: v.closedEpisode, minimum: v.minimumBase)))</dd></div>
            </dl>
            """
        return out
    }
}

import DotsApp
import DotsCore
import DotsFramework

/// What every framework page says about its figures' freshness: when they were computed and from how many
/// submissions, and whether newer data is being included.
enum FrameworkPages {
    static func freshness(_ reading: FrameworkResults.Reading, csrf: String, asked: Bool) -> HTML {
        let run = reading.report.run
        var out: HTML =
            "<p class=\"dots-body-s\" id=\"freshness\">Figures computed \(UKTime.display(run.computedAt)) (run \(String(run.id.prefix(8)))) from \(run.submissions.count) submission\(run.submissions.count == 1 ? "" : "s").</p>"
        if let job = reading.pending {
            out +=
                "<div class=\"dots-notification\" role=\"status\"><p><strong>Newer data is being included.</strong> \(job.reason): the figures are being recomputed\(job.state == .running ? " now" : ""). Reload this page in a moment to see them.</p></div>"
        } else if asked {
            out += "<div class=\"dots-notification\" role=\"status\"><p><strong>The figures are up to date.</strong></p></div>"
        }
        if reading.mayRecompute, reading.pending == nil {
            out += """
                <form method="post" action="/framework/recompute" class="dots-inline-form">
                  <input type="hidden" name="csrf" value="\(csrf)">
                  <button type="submit" class="dots-button dots-button--secondary">Recompute the figures now</button>
                </form>
                """
        }
        return out
    }
}

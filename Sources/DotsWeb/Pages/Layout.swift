import DotsCore

/// The page template every page shares: skip link, header with Dots' name and the signed-in person's navigation,
/// a phase banner, the main content and a footer. Follows the GOV.UK template's structure with Dots' own brand.
struct Layout {
    var title: String
    var user: CurrentUser?
    var active: String = ""
    var csrf: String?

    func render(_ main: HTML, backLink: (href: String, text: String)? = nil) -> HTML {
        var nav: [(String, String, String)] = []
        if let user {
            nav.append(("/framework", "Framework", "framework"))
            nav.append(("/reports", "Reports", "reports"))
            nav.append(("/voice", "Voice", "voice"))
            if AccessPolicy.allows(user.role, .viewJourneys) { nav.append(("/journeys", "Young people", "journeys")) }
            if AccessPolicy.allows(user.role, .workWithContexts) { nav.append(("/contexts", "Contexts", "contexts")) }
            if AccessPolicy.allows(user.role, .viewSubmissions) {
                nav.append(("/submissions", "Submissions", "submissions"))
                nav.append(("/quality", "Data quality", "quality"))
            }
            if AccessPolicy.allows(user.role, .reviewLinkage) { nav.append(("/linkage", "Linkage", "linkage")) }
            if AccessPolicy.allows(user.role, .viewGovernance) {
                nav.append(("/maturity", "Data maturity", "maturity"))
                nav.append(("/datamap", "Data map", "datamap"))
                nav.append(("/actions", "Actions", "actions"))
                nav.append(("/meetings", "Data leads", "meetings"))
            }
            if AccessPolicy.allows(user.role, .manageAccounts) { nav.append(("/admin/accounts", "Accounts", "accounts")) }
            nav.append(("/account", "Your account", "account"))
        }
        let navHTML = nav.html { href, text, key in
            "<li class=\"dots-header__nav-item\"><a class=\"dots-header__link\" href=\"\(href)\"\(key == active ? " aria-current=\"page\"" : "")>\(text)</a></li>"
        }
        let signOut: HTML =
            user.map { u in
                """
                <form method="post" action="/sign-out" class="dots-header__signout">
                  <input type="hidden" name="csrf" value="\((csrf ?? ""))">
                  <span class="dots-header__who">\(u.name)<span class="dots-visually-hidden">, signed in as</span> <span class="dots-tag dots-tag--grey">\(u.role.title)</span></span>
                  <button type="submit" class="dots-link-button">Sign out</button>
                </form>
                """
            } ?? ""
        let open = user?.openAlerts ?? 0
        let alerts: HTML =
            open == 0
            ? ""
            : "<div class=\"dots-notification dots-notification--important\" role=\"alert\"><p><strong>\(open == 1 ? "A young person" : "\(open) young people") said they feel unsafe right now.</strong> <a href=\"/voice#alerts\">See the alert and act</a></p></div>"
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
              <meta charset="utf-8">
              <title>\(title) – Dots</title>
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <link rel="stylesheet" href="/assets/dots.css">
              <link rel="icon" href="/assets/dots.svg" type="image/svg+xml">
            </head>
            <body>
              <a href="#main-content" class="dots-skip-link">Skip to main content</a>
              <header class="dots-header">
                <div class="dots-width-container dots-header__container">
                  <a href="/" class="dots-header__brand"><span class="dots-header__logo" aria-hidden="true">●–●</span> Dots</a>
                  <span class="dots-header__service">Joining the dots on child exploitation</span>
                  \(signOut)
                </div>
                \(navHTML.isEmpty ? "" : "<nav class=\"dots-header__nav\" aria-label=\"Main\"><ul class=\"dots-width-container dots-header__nav-list\">\(navHTML)</ul></nav>")
              </header>
              <div class="dots-width-container">
                <div class="dots-phase-banner"><strong class="dots-tag">Synthetic data</strong> This service holds pseudonymised data about children: use it only for the partnership's work.</div>
                \(alerts)
                \(backLink.map { "<a href=\"\($0.href)\" class=\"dots-back-link\">\($0.text)</a>" } ?? "")
                <main class="dots-main-wrapper" id="main-content">
            \(main)
                </main>
              </div>
              <footer class="dots-footer">
                <div class="dots-width-container">
                  <p>Dots: a question-led performance framework for safeguarding partnerships. Figures for strategic leads have small numbers hidden (c).</p>
                  <p><a href="/api/openapi.json">API (OpenAPI)</a> · <a href="/accessibility">Accessibility</a></p>
                </div>
              </footer>
            </body>
            </html>
            """
    }
}

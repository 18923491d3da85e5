/// The reports Dots ships, after what partnerships publish: the child exploitation sub-group's quarterly
/// dashboard, the partnership's yearly report (Working Together 2023: impact, what has not progressed, the response
/// to reviews, how children's feedback was used) and a problem profile (the Home Office child exploitation
/// disruption toolkit; IICSA asked that profiles name their sources and how often they are refreshed).
public enum DefaultReportTemplates {
    public static let all: [String: String] = ["dashboard": dashboard, "annual": annual, "profile": profile]

    public static let dashboard = #"""
        format: dots-report/1
        id: sub-group-dashboard
        title: Child exploitation sub-group dashboard
        version: "2026.1"
        audience: The child exploitation sub-group, each quarter
        sections:
          - {kind: summary, title: About this dashboard}
          - kind: questions
            title: What the partnership wants to know
            required: true
            intro: Each strategic question with its indicators for the period, the same period a year earlier, the red, amber or green status against target, the recent trend and the analysts' approved commentary.
          - {kind: gaps, title: What we don't know}
          - {kind: actions, title: Actions due, horizon-days: 92}
          - {kind: evidence, title: Where every figure comes from, required: true}
        """#

    public static let annual = #"""
        format: dots-report/1
        id: partnership-annual-report
        title: "Safeguarding partnership annual report: child exploitation and extra-familial harm"
        version: "2026.1"
        audience: The safeguarding partnership's executive and the public, each year
        sections:
          - {kind: summary, title: About this report}
          - kind: questions
            title: Impact against each strategic question
            required: true
            intro: What the figures say for the year against each question the partnership asked, with the analysts' approved commentary.
          - kind: not-progressed
            title: What has not progressed
            intro: Indicators off target (red) or worse than a year earlier.
          - {kind: maturity, title: The partnership's data maturity and how it changed}
          - {kind: quality, title: The quality of the data behind the figures}
          - {kind: actions, title: The action plan, horizon-days: 365}
          - {kind: voice, title: How children's and families' voice was used}
          - {kind: gaps, title: What we don't know}
          - {kind: evidence, title: Where every figure comes from, required: true}
        """#

    public static let profile = #"""
        format: dots-report/1
        id: exploitation-problem-profile
        title: Child exploitation problem profile
        version: "2026.1"
        audience: The partnership's strategic and operational leads, refreshed each quarter
        sections:
          - {kind: summary, title: About this profile}
          - kind: questions
            title: Patterns of harm, help, places and perpetrators
            required: true
            themes: [patterns-of-harm, patterns-of-help, perpetrators-and-places]
          - {kind: sources, title: Sources and when they were refreshed, required: true}
          - {kind: gaps, title: What the data cannot yet tell us}
          - {kind: evidence, title: Where every figure comes from, required: true}
        """#
}

/// The accessibility statement: what Dots aims for and how it is checked.
enum AccessibilityStatement {
    static let page: HTML = """
        <h1>Accessibility statement</h1>
        <p>Dots aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. Every page works without
        JavaScript, can be used with a keyboard alone, and keeps its meaning when zoomed to 400%.</p>
        <h2>How we check</h2>
        <p>Every page is checked automatically with axe-core in a real browser as part of Dots' tests, with no serious or
        critical issues allowed. Charts are drawn as images with a text description, and every chart has a table of the
        same figures.</p>
        <h2>Reporting a problem</h2>
        <p>Tell your partnership admin, who can raise it with the Dots team.</p>
        """
}

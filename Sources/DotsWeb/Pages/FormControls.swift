import DotsCore

/// GOV.UK form controls beyond the text input in `FormPages.field`: selects, text areas, radios and checkboxes,
/// each with its hint and error message tied to it for screen readers.
enum FormControls {
    typealias Errors = [(field: String, message: String)]

    static func error(_ id: String, _ errors: Errors) -> String? { errors.first { $0.field == id }?.message }

    static func errorMessage(_ id: String, _ message: String?) -> HTML {
        message.map { "<p class=\"dots-error-message\" id=\"\(id)-error\"><span class=\"dots-visually-hidden\">Error:</span> \($0)</p>" } ?? ""
    }

    static func describedBy(_ id: String, hint: String?, error: String?) -> HTML {
        let ids = [hint.map { _ in "\(id)-hint" }, error.map { _ in "\(id)-error" }].compactMap { $0 }
        return ids.isEmpty ? "" : " aria-describedby=\"\(ids.joined(separator: " "))\""
    }

    static func group(_ error: String?) -> String { "dots-form-group\(error == nil ? "" : " dots-form-group--error")" }

    static func hintHTML(_ id: String, _ hint: String?) -> HTML {
        hint.map { "<div class=\"dots-hint\" id=\"\(id)-hint\">\($0)</div>" } ?? ""
    }

    static func select(
        _ id: String, label: String, options: [(value: String, text: String)], selected: String, errors: Errors, hint: String? = nil, name: String? = nil
    ) -> HTML {
        let e = error(id, errors)
        let opts = options.html { "<option value=\"\($0.value)\"\($0.value == selected ? " selected" : "")>\($0.text)</option>" }
        return """
            <div class="\(group(e))">
              <label class="dots-label" for="\(id)">\(label)</label>
              \(hintHTML(id, hint))\(errorMessage(id, e))
              <select class="dots-select" id="\(id)" name="\(name ?? id)"\(describedBy(id, hint: hint, error: e))>\(opts)</select>
            </div>
            """
    }

    static func textarea(_ id: String, label: String, value: String, errors: Errors, hint: String? = nil, rows: Int = 4, name: String? = nil) -> HTML {
        let e = error(id, errors)
        return """
            <div class="\(group(e))">
              <label class="dots-label" for="\(id)">\(label)</label>
              \(hintHTML(id, hint))\(errorMessage(id, e))
              <textarea class="dots-textarea\(e == nil ? "" : " dots-input--error")" id="\(id)" name="\(name ?? id)" rows="\(rows)"\(describedBy(id, hint: hint, error: e))>\(value)</textarea>
            </div>
            """
    }

    /// A fieldset of radios; the first radio carries the group's id so the error summary can link to it.
    static func radios(
        _ id: String, legend: String, options: [(value: String, text: String, hint: String?)], selected: String?, errors: Errors,
        hint: String? = nil, legendClass: String = "dots-fieldset__legend", name: String? = nil
    ) -> HTML {
        choices(
            id, kind: "radio", legend: legend, options: options, name: name ?? id, isOn: { $0 == selected }, errors: errors, hint: hint,
            legendClass: legendClass)
    }

    /// A fieldset of checkboxes, sent as `id[]`.
    static func checkboxes(_ id: String, legend: String, options: [(value: String, text: String)], checked: Set<String>, errors: Errors, hint: String? = nil)
        -> HTML
    {
        choices(
            id, kind: "checkbox", legend: legend, options: options.map { ($0.value, $0.text, nil) }, name: "\(id)[]", isOn: checked.contains,
            errors: errors, hint: hint, legendClass: "dots-fieldset__legend")
    }

    /// Radios and checkboxes share the GOV.UK fieldset pattern: legend, hint, error, then one item per option.
    private static func choices(
        _ id: String, kind: String, legend: String, options: [(value: String, text: String, hint: String?)], name: String,
        isOn: (String) -> Bool, errors: Errors, hint: String?, legendClass: String
    ) -> HTML {
        let e = error(id, errors)
        let block = kind == "radio" ? "dots-radios" : "dots-checkboxes"
        let items = options.enumerated().html { i, o -> HTML in
            let inputID = i == 0 ? id : "\(id)-\(i + 1)"
            return """
                <div class="\(block)__item">
                  <input class="\(block)__input" id="\(inputID)" name="\(name)" type="\(kind)" value="\(o.value)"\(isOn(o.value) ? " checked" : "")\(o.hint == nil ? "" : " aria-describedby=\"\(inputID)-item-hint\"")>
                  <label class="\(block)__label" for="\(inputID)">\(o.text)</label>
                  \(o.hint.map { "<div class=\"dots-hint dots-radios__hint\" id=\"\(inputID)-item-hint\">\($0)</div>" } ?? "")
                </div>
                """
        }
        return """
            <div class="\(group(e))">
              <fieldset class="dots-fieldset"\(describedBy(id, hint: hint, error: e))>
                <legend class="\(legendClass)">\(legend)</legend>
                \(hintHTML(id, hint))\(errorMessage(id, e))
                <div class="\(block)">\(items)</div>
              </fieldset>
            </div>
            """
    }

    static func hidden(_ name: String, _ value: String) -> HTML { "<input type=\"hidden\" name=\"\(name)\" value=\"\(value)\">" }

    static func agencyOptions(includePartnership: Bool = false, prompt: String = "Choose an agency") -> [(value: String, text: String)] {
        [("", includePartnership ? "The partnership as a whole" : prompt)] + DotsCore.ReferencePartnership.agencies.map { ($0.id, $0.name) }
    }
}

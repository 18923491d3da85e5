import DotsCore
import DotsVoice

/// The pages a young person, parent or carer sees: enter a code, the form, saved, sent, and what to do right now
/// when they feel unsafe. Written to be read by a ten-year-old (docs/voice.md), on a phone, without script. The
/// pages never name Dots' purpose (someone may be looking over their shoulder) and carry a way to leave quickly.
enum YourSayPages {
    /// Where "Leave this page" goes: an everyday site that gives nothing away.
    static let exitURL = "https://www.bbc.co.uk/weather"

    static func layout(_ title: String, _ main: HTML) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <title>\(title) – Your say</title>
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="referrer" content="no-referrer">
          <link rel="stylesheet" href="/assets/dots.css">
        </head>
        <body>
          <a href="#main-content" class="dots-skip-link">Skip to main content</a>
          <header class="dots-header">
            <div class="dots-width-container dots-header__container">
              <span class="dots-header__brand">Your say</span>
              <a class="dots-button dots-button--warning dots-exit" href="\(exitURL)" rel="noreferrer">Leave this page</a>
            </div>
          </header>
          <div class="dots-width-container">
            <main class="dots-main-wrapper" id="main-content">
        \(main)
            </main>
          </div>
          <footer class="dots-footer"><div class="dots-width-container"><p><a href="/accessibility">Accessibility</a></p></div></footer>
        </body>
        </html>
        """
    }

    static func start(csrf: String, refusal: String? = nil, code: String = "") -> HTML {
        let errors: FormControls.Errors = refusal.map { [("code", $0)] } ?? []
        return layout(
            refusal == nil ? "Enter your code" : "Error: Enter your code",
            """
            \(FormPages.errorSummary(errors))
            <h1 class="dots-heading-l">Tell us how things are</h1>
            <p>Someone who works with you gave you a code. Type it here to start.</p>
            <form method="post" action="/your-say" novalidate>
              <input type="hidden" name="csrf" value="\(csrf)">
              \(FormPages.field("code", label: "Your code", value: code, autocomplete: "off", errors: errors, hint: "It looks like ABCD-2345. Capital letters do not matter."))
              <button type="submit" class="dots-button">Start</button>
            </form>
            <p>If you do not have a code, ask the person who works with you.</p>
            """)
    }

    /// Anything else that goes wrong on these pages, in the same layout.
    static func message(_ text: String) -> HTML {
        layout("Sorry", "<h1 class=\"dots-heading-l\">Sorry</h1><p>\(text)</p><p><a href=\"/your-say\">Go to the start</a></p>")
    }

    /// A code that does not open the form, said kindly, with what to do instead.
    static func refused(_ message: String, csrf: String) -> HTML { start(csrf: csrf, refusal: message) }

    static func form(_ form: FeedbackForm, saved: FeedbackAnswers, expires: String, csrf: String, errors: FormControls.Errors = []) -> HTML {
        let items = form.items.html { item -> HTML in
            switch item.kind {
            case .choice(let options):
                return FormControls.radios(
                    item.id, legend: item.question, options: options.map { ($0.value, $0.label, nil) }, selected: saved.choices[item.id], errors: errors,
                    hint: item.hint.map { "\($0) You can skip this." } ?? "You can skip this.", legendClass: "dots-fieldset__legend dots-fieldset__legend--m")
            case .text:
                return FormControls.textarea(
                    item.id, label: item.question, value: saved.texts[item.id] ?? "", errors: errors, hint: item.hint ?? "You can skip this.", rows: 4)
            }
        }
        return layout(
            errors.isEmpty ? form.title : "Error: \(form.title)",
            """
            \(FormPages.errorSummary(errors))
            <h1 class="dots-heading-l">\(form.title)</h1>
            \(form.intro.html { "<p>\($0)</p>" })
            <div class="dots-inset">
              <h2 class="dots-heading-m">What happens to what you tell us</h2>
              <ul>\(form.whatHappens.html { "<li>\($0)</li>" })</ul>
            </div>
            <form method="post" action="/your-say/form" novalidate>
              <input type="hidden" name="csrf" value="\(csrf)">
              \(items)
              <div class="dots-button-group">
                <button type="submit" name="action" value="send" class="dots-button">Send</button>
                <button type="submit" name="action" value="save" class="dots-button dots-button--secondary">Save and come back later</button>
              </div>
              <p class="dots-body-s">Your code works until \(expires).</p>
            </form>
            """)
    }

    /// Shown at once to someone who says they feel unsafe now: the partnership's own words, first on the page.
    static func unsafeNow(_ message: String) -> HTML {
        """
        <div class="dots-notification dots-notification--important" role="alert" aria-labelledby="unsafe-title">
          <h2 class="dots-heading-m" id="unsafe-title">You said you feel unsafe right now</h2>
          \(message.split(separator: "\n").html { "<p>\(String($0))</p>" })
        </div>
        """
    }

    static func saved(until: String, unsafe: String?) -> HTML {
        layout(
            "Saved",
            """
            \(unsafe.map(unsafeNow))
            <h1 class="dots-heading-l">Your answers are saved</h1>
            <p>Come back with the same code to finish. It works until \(until).</p>
            <p>Nothing is sent until you press Send.</p>
            <p><a href="/your-say">Go back to the start</a></p>
            """)
    }

    static func sent(unsafe: String?) -> HTML {
        layout(
            "Thank you",
            """
            \(unsafe.map(unsafeNow))
            <div class="dots-notification dots-notification--success"><h1 class="dots-heading-l">Thank you</h1><p>We have your answers.</p></div>
            <p>The person who works with you will read them. We never share your name.</p>
            <p>If you want to tell us more later, ask them for a new code.</p>
            """)
    }
}

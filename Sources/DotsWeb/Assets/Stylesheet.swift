/// Dots' own stylesheet, following the GOV.UK Design System's patterns (type scale, spacing, focus states,
/// components) with Dots' brand colour in place of the GOV.UK identity. Served from /assets/dots.css; no
/// third-party CSS, fonts or scripts. Colours meet WCAG 2.2 AA contrast on white.
enum Stylesheet {
    static let css = """
        :root{--text:#0b0c0c;--secondary:#484949;--link:#1d5ea8;--visited:#4c2c92;--focus:#ffdd00;--brand:#004f4a;--border:#b1b4b6;--light:#f3f2f1;--error:#b0190f;--green:#00703c;}
        *,*::before,*::after{box-sizing:border-box}
        html{background:#fff;-webkit-text-size-adjust:100%}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.1875rem;line-height:1.3;color:var(--text)}
        a{color:var(--link);text-decoration-thickness:max(1px,.0625rem);text-underline-offset:.15em}
        a:visited{color:var(--visited)}
        a:hover{color:#003078;text-decoration-thickness:max(3px,.1875rem)}
        a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid transparent;background-color:var(--focus);color:var(--text);box-shadow:0 -2px var(--focus),0 4px var(--text);text-decoration:none}
        input:focus,select:focus,textarea:focus{background:#fff;box-shadow:inset 0 0 0 2px;outline:3px solid var(--focus);outline-offset:0}
        .dots-width-container{max-width:1020px;margin:0 15px}
        @media (min-width:1050px){.dots-width-container{margin:0 auto}}
        .dots-skip-link{position:absolute;left:-9999px;padding:10px 15px;background:var(--focus);color:var(--text)}
        .dots-skip-link:focus{left:0;top:0;z-index:10}
        .dots-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important;border:0!important}
        .dots-header{background:var(--brand);color:#fff;border-bottom:10px solid #5fb3a8}
        .dots-header__container{display:flex;flex-wrap:wrap;align-items:center;gap:10px 20px;padding:10px 0}
        .dots-header__brand{color:#fff!important;font-weight:700;font-size:1.5rem;text-decoration:none}
        .dots-header__brand:focus{color:var(--text)!important}
        .dots-header__logo{letter-spacing:-2px;margin-right:4px}
        .dots-header__service{font-size:1rem}
        .dots-header__signout{margin-left:auto;display:flex;align-items:center;gap:10px;font-size:1rem}
        .dots-header__nav{background:#003c38}
        .dots-header__nav-list{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:0 25px;margin-top:0;margin-bottom:0}
        .dots-header__nav-item{padding:10px 0}
        .dots-header__link,.dots-header__link:visited{color:#fff;font-weight:700;text-decoration:none}
        .dots-header__link[aria-current=page]{text-decoration:underline;text-decoration-thickness:3px}
        .dots-header__link:focus{color:var(--text)}
        .dots-link-button{background:none;border:0;padding:0;color:#fff;text-decoration:underline;font:inherit;cursor:pointer}
        .dots-link-button:focus{color:var(--text)}
        .dots-phase-banner{padding:10px 0;border-bottom:1px solid var(--border);font-size:1rem}
        .dots-main-wrapper{display:block;padding:30px 0 50px}
        .dots-back-link{display:inline-block;margin-top:15px;font-size:1rem}
        .dots-footer{background:var(--light);border-top:1px solid var(--border);padding:25px 0;font-size:1rem;color:var(--secondary)}
        .dots-footer a{color:var(--text)}
        h1,.dots-heading-xl{font-size:2.5rem;line-height:1.1;margin:0 0 30px}
        h2,.dots-heading-l{font-size:1.75rem;margin:40px 0 20px}
        h3,.dots-heading-m{font-size:1.375rem;margin:25px 0 15px}
        .dots-caption{display:block;color:var(--secondary);font-size:1.1875rem;margin-bottom:5px}
        .dots-body-s{font-size:1rem}
        .dots-hint{color:var(--secondary);margin-bottom:15px}
        p{margin:0 0 20px}
        .dots-tag{display:inline-block;padding:2px 8px;font-size:.875rem;font-weight:700;background:#d2e2f1;color:#0c2d4a;border-radius:0}
        .dots-tag--grey{background:#e5e6e7;color:#282d30}
        .dots-tag--green{background:#cce2d8;color:#005a30}
        .dots-tag--amber{background:#fcd6c3;color:#6e3619}
        .dots-tag--red{background:#f4cdc6;color:#2a0b06}
        .dots-tag--gap{background:#fff7bf;color:#3d2c00;border:1px solid #594d00}
        .dots-table{width:100%;border-collapse:collapse;margin-bottom:30px;font-size:1rem;position:relative}
        .dots-table caption{text-align:left;font-weight:700;font-size:1.1875rem;margin-bottom:10px}
        .dots-table th,.dots-table td{padding:10px 20px 10px 0;border-bottom:1px solid var(--border);text-align:left;vertical-align:top}
        .dots-table .num{text-align:right;font-variant-numeric:tabular-nums}
        .dots-summary-list{margin:0 0 30px;font-size:1rem}
        .dots-summary-list__row{display:flex;flex-wrap:wrap;border-bottom:1px solid var(--border);padding:10px 0}
        .dots-summary-list dt{font-weight:700;flex:0 0 30%;margin:0 20px 0 0}
        .dots-summary-list dd{margin:0;flex:1}
        .dots-question{border-top:5px solid var(--brand);padding-top:10px;margin-bottom:40px}
        .dots-gaps{border-left:10px solid #594d00;background:#fffbe0;padding:15px 20px;margin:0 0 30px}
        .dots-gaps h3,.dots-gaps h4{margin-top:0}
        .dots-gaps ul{margin:0;padding-left:20px}
        .dots-filter{display:flex;flex-wrap:wrap;gap:15px 25px;align-items:flex-end;background:var(--light);padding:15px;margin-bottom:30px}
        .dots-form-group{margin-bottom:25px}
        .dots-filter .dots-form-group{margin-bottom:0}
        .dots-label{display:block;font-weight:700;margin-bottom:5px}
        .dots-input,.dots-select{font:inherit;font-size:1.1875rem;border:2px solid var(--text);padding:5px;min-height:40px;max-width:100%}
        .dots-input{width:100%;max-width:30em}
        .dots-input--error{border-color:var(--error)}
        .dots-error-message{display:block;color:var(--error);font-weight:700;margin-bottom:10px}
        .dots-form-group--error{border-left:5px solid var(--error);padding-left:15px}
        .dots-button{font:inherit;font-size:1.1875rem;font-weight:400;line-height:1.2;color:#fff;background:var(--green);border:2px solid transparent;box-shadow:0 2px 0 #002d18;padding:8px 10px 7px;cursor:pointer;display:inline-block;text-decoration:none}
        .dots-button:hover{background:#005a30}
        .dots-button:focus{background:var(--focus);color:var(--text);box-shadow:0 2px 0 var(--text);outline:3px solid transparent}
        .dots-button--secondary{background:var(--light);color:var(--text);box-shadow:0 2px 0 #858686}
        .dots-error-summary{border:5px solid var(--error);padding:20px;margin-bottom:30px}
        .dots-error-summary:focus{outline:3px solid var(--focus)}
        .dots-error-summary h2{margin-top:0}
        .dots-error-summary a{color:var(--error);font-weight:700}
        .dots-notification{border:5px solid var(--brand);padding:15px 20px;margin-bottom:30px}
        .dots-indicators{list-style:none;padding:0;margin:0}
        .dots-indicator{display:grid;grid-template-columns:1fr auto;gap:5px 20px;border-bottom:1px solid var(--border);padding:15px 0}
        .dots-indicator__value{font-size:1.75rem;font-weight:700;font-variant-numeric:tabular-nums}
        .dots-indicator__meta{font-size:1rem;color:var(--secondary)}
        .dots-chart{max-width:100%;height:auto;display:block;margin-bottom:10px}
        .dots-chart text{font-family:inherit;font-size:13px;fill:var(--text)}
        .dots-chart text.dots-map__credit{font-size:11px}
        details.dots-details summary{color:var(--link);cursor:pointer;text-decoration:underline;margin-bottom:10px}
        .dots-pagination ul{display:flex;flex-wrap:wrap;gap:20px;list-style:none;padding:0}
        .dots-pagination a[aria-current]{font-weight:700;text-decoration:none;color:var(--text)}
        .dots-notification--success{border-color:#00703c}
        .dots-notification--important{border-color:#d4351c;background:#fff}
        .dots-exit{margin:0 0 0 auto}
        .dots-code{font-family:ui-monospace,monospace;letter-spacing:.1em;white-space:nowrap}
        .dots-alert-list{list-style:none;padding:0}.dots-alert-list li{border-left:5px solid #d4351c;padding:10px 15px;margin-bottom:15px}
        .dots-quote{border-left:5px solid var(--brand);padding:5px 15px;margin:15px 0;font-size:1.1875rem}
        .dots-file-upload{font-size:1.1875rem;padding:5px 0;max-width:100%}
        .dots-file-upload:focus{outline:3px solid var(--focus);box-shadow:inset 0 0 0 4px var(--text)}
        .dots-secondary{color:var(--secondary)}
        .dots-fieldset{margin:0;padding:0;border:0;min-width:0}
        .dots-fieldset__legend{font-weight:700;margin-bottom:10px;padding:0;max-width:100%}
        .dots-fieldset__legend--m{font-size:1.5rem;font-weight:700;margin-bottom:10px}
        .dots-textarea{font:inherit;font-size:1.1875rem;border:2px solid var(--text);padding:5px;width:100%;max-width:40em;box-sizing:border-box}
        .dots-radios__item,.dots-checkboxes__item{display:flex;flex-wrap:wrap;align-items:flex-start;margin-bottom:10px;gap:0 10px}
        .dots-radios__input,.dots-checkboxes__input{width:24px;height:24px;margin:2px 0 0;flex:none;accent-color:var(--text)}
        .dots-radios__input:focus,.dots-checkboxes__input:focus{outline:3px solid var(--focus);outline-offset:2px}
        .dots-radios__label,.dots-checkboxes__label{flex:1;min-width:0;cursor:pointer}
        .dots-radios__hint{flex-basis:100%;padding-left:34px;margin-bottom:0}
        .dots-button-group{display:flex;flex-wrap:wrap;gap:15px;align-items:center;margin-bottom:20px}
        .dots-level{display:inline-block;padding:2px 6px;font-weight:700;font-size:.9375rem;color:#0b0c0c}
        .dots-level--1{background:#f6d7d2}.dots-level--2{background:#fbe3c8}.dots-level--3{background:#fff2b3}.dots-level--4{background:#d3eadf}.dots-level--5{background:#a9d8c2}
        .dots-level--none{background:#f3f2f1;font-weight:400}
        .dots-heatmap td,.dots-heatmap th{padding:8px 10px 8px 0}
        .dots-tabs{display:flex;flex-wrap:wrap;gap:5px 25px;list-style:none;padding:0;margin:0 0 25px;border-bottom:1px solid var(--border)}
        .dots-tabs a{display:inline-block;padding:8px 0}
        .dots-tabs a[aria-current]{font-weight:700;color:var(--text);text-decoration:none;border-bottom:4px solid var(--brand)}
        .dots-button--warning{background:#d4351c;box-shadow:0 2px 0 #55150b}
        .dots-inline-form{display:inline;margin-right:15px}
        .dots-link-button--dark{color:var(--link);text-decoration:underline;background:none;border:0;padding:0;font:inherit;cursor:pointer}
        .dots-inset{border-left:10px solid var(--border);padding:10px 15px;margin:20px 0}
        .dots-timeline{list-style:none;padding:0;border-left:5px solid var(--brand);margin-left:5px}
        .dots-timeline li{padding:0 0 15px 15px}
        .dots-timeline li.dots-timeline__critical{border-left:5px solid #d4351c;margin-left:-5px}
        .dots-timeline h3{margin:0 0 5px}
        @media print{.dots-header,.dots-footer,.dots-phase-banner,.dots-back-link,.dots-skip-link,.dots-no-print{display:none!important}body{font-size:11pt}.dots-table th,.dots-table td{padding:4px 8px 4px 0}a{color:var(--text);text-decoration:none}}
        .dots-charts{display:flex;flex-wrap:wrap;gap:20px}
        .dots-chart-figure{margin:0 0 20px;flex:1 1 300px;min-width:0;position:relative}
        .dots-chart-figure figcaption{font-weight:700;margin-bottom:5px}
        @media (max-width:640px){h1{font-size:2rem}.dots-indicator{grid-template-columns:1fr}.dots-summary-list dt{flex-basis:100%}.dots-table{display:block;overflow-x:auto}.dots-select{width:100%}.dots-chart text{font-size:24px}.dots-chart text.dots-map__credit{font-size:17px}}
        @media print{*{-webkit-print-color-adjust:exact;print-color-adjust:exact}.dots-header__nav,.dots-header__signout,.dots-filter,.dots-inline-form,.dots-button,.dots-skip-link,.dots-footer{display:none}tr,.dots-indicator,.dots-chart-figure,.dots-summary-list__row{break-inside:avoid}thead{display:table-header-group}.dots-table{display:table}}
        """

    /// The mark: two dots joined by a line.
    static let logo = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#004f4a"/><line x1="9" y1="16" x2="23" y2="16" stroke="#fff" stroke-width="3"/><circle cx="9" cy="16" r="5" fill="#fff"/><circle cx="23" cy="16" r="5" fill="#5fb3a8"/></svg>
        """
}

import DotsApp
import DotsCore
import DotsFramework
import DotsGeography
import Foundation

/// The places around young people: the police's open data by district, as maps with tables giving the same
/// figures. Every count is as published (1 to the threshold hidden), for every reader.
enum PlacesPage {
    static func span(_ m: (first: CalendarDate, last: CalendarDate)) -> String {
        let f = { (d: CalendarDate) in Formatting.longDate(d).split(separator: " ").dropFirst().joined(separator: " ") }
        return m.first == m.last ? f(m.first) : "\(f(m.first)) to \(f(m.last))"
    }

    static func shade(_ c: PlacesService.Count) -> DistrictMap.Shade {
        c.shown.map { .init(value: Double($0), text: String($0), hidden: false) } ?? .init(value: nil, text: "hidden to protect small numbers", hidden: true)
    }

    static func render(
        _ context: PlacesService.Context, type: PoliceCrimeType, finerDistricts: [Area] = [], finer: PlacesService.Finer? = nil
    ) -> HTML {
        var out: HTML = """
            <h1 class="dots-heading-l">Places around young people</h1>
            <p>Crime and stop and search in each district, from the police's own published data (data.police.uk), prepared by the force
            into counts by month and area. They describe places, never a young person: no record about a child is behind them. Read
            them beside the framework's <a href="/framework">questions about places and the people who exploit children</a>.</p>
            <p class="dots-body-s">data.police.uk moves each crime to the nearest of a set of anonymous map points (each standing for at
            least eight addresses) and gives only the month, so a district here is where that point lies. Counts from 1 to
            \(context.threshold) are shown as c, as every published figure is.</p>
            """
        guard let boundaries = DistrictMap.reference else { return out }
        if let months = context.crimeMonths {
            let options = PoliceCrimeType.allCases.map { ($0.rawValue, $0.label) }
            out += """
                <h2 class="dots-heading-m">Street-level crime, \(span(months))</h2>
                <form method="get" action="/framework/places" class="dots-filter">
                \(FormControls.select("type", label: "Type of crime", options: options, selected: type.rawValue, errors: []))
                <button type="submit" class="dots-button dots-button--secondary">Show</button>
                </form>
                """
            let map = DistrictMap(
                title: "\(type.label) by district, \(span(months))", boundaries: boundaries,
                shades: Dictionary(uniqueKeysWithValues: context.districts.map { ($0.area.code, shade($0.crimes[type]!)) }), format: Formatting.number)
            out +=
                "<figure class=\"dots-chart-figure\">\(map.svg(id: "crime-map"))<figcaption class=\"dots-body-s\">\(type.label) by district, \(span(months)). \(boundaries.attribution).</figcaption></figure>"
            let rows = context.districts.html { d -> HTML in
                let all = d.crimes.values.compactMap(\.shown).reduce(0, +)
                let hiddenAny = d.crimes.values.contains { $0.shown == nil }
                return
                    "<tr><th scope=\"row\">\(d.area.name)</th><td class=\"num\">\(d.crimes[type]!.text)</td><td class=\"num\">\(all)\(hiddenAny ? " or more" : "")</td></tr>"
            }
            out += """
                <table class="dots-table"><caption>\(type.label) and all street-level crime by district, \(span(months))</caption>
                <thead><tr><th scope="col">District</th><th scope="col" class="num">\(type.label)</th><th scope="col" class="num">All crime</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """
            out += finerSection(type: type, months: months, districts: finerDistricts, finer: finer)
        } else {
            out +=
                "<p>No street-level crime is held yet. The force prepares its data.police.uk files with <code>dots prepare</code> and submits the package like any other.</p>"
        }
        if let months = context.stopMonths {
            let map = DistrictMap(
                title: "Stop and search of children by district, \(span(months))", boundaries: boundaries,
                shades: Dictionary(uniqueKeysWithValues: context.districts.map { ($0.area.code, shade($0.childSearches)) }), format: Formatting.number)
            let rows = context.districts.html { d -> HTML in
                "<tr><th scope=\"row\">\(d.area.name)</th><td class=\"num\">\(d.childSearches.text)</td><td class=\"num\">\(d.childFound.text)</td><td class=\"num\">\(d.childArrests.text)</td><td class=\"num\">\(d.searchesAged10To17.text)</td><td class=\"num\">\(d.ratePer10kAged10To17.map { String(format: "%.1f", $0) } ?? (d.searchesAged10To17.shown == nil ? "c" : ":"))</td><td class=\"num\">\(d.searches.text)</td></tr>"
            }
            out += """
                <h2 class="dots-heading-m">Stop and search of children, \(span(months))</h2>
                <p>Searches of people aged under 18 (data.police.uk's age ranges under 10 and 10 to 17), how many found what was searched
                for, and how many ended in arrest. A search of a child is a moment to ask whether they are being exploited.</p>
                <figure class="dots-chart-figure">\(map.svg(id: "stops-map"))<figcaption class="dots-body-s">Searches of children by district, \(span(months)). \(boundaries.attribution).</figcaption></figure>
                <table class="dots-table"><caption>Stop and search by district, \(span(months))</caption>
                <thead><tr><th scope="col">District</th><th scope="col" class="num">Searches of children</th><th scope="col" class="num">Object found</th><th scope="col" class="num">Arrests</th><th scope="col" class="num">Searches of 10 to 17 year olds</th><th scope="col" class="num">Per 10,000 aged 10 to 17</th><th scope="col" class="num">Searches, all ages</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                <p class="dots-body-s">Per 10,000 aged 10 to 17: searches of 10 to 17 year olds for every 10,000 children of that age
                living in the district (\(PlacesService.population.source)); not given where the
                count is hidden, since the population is published. Crime per head of population is not given: Dots holds estimates of
                children only, and street-level crime counts crimes against people of every age.</p>
                """
        } else {
            out += "<p>No stop and search is held yet.</p>"
        }
        return out
    }

    /// The chosen crime type by LSOA within one district, where the partnership has imported LSOA boundaries.
    static func finerSection(type: PoliceCrimeType, months: (first: CalendarDate, last: CalendarDate), districts: [Area], finer: PlacesService.Finer?) -> HTML {
        guard !districts.isEmpty else {
            return
                "<p class=\"dots-body-s\">For smaller areas than districts, an admin imports ONS LSOA boundaries with <code>dots geography import</code>.</p>"
        }
        var out: HTML = """
            <h3>\(type.label) by LSOA\(finer.map { " in \($0.district.name)" } ?? "")</h3>
            <form method="get" action="/framework/places" class="dots-filter">
            <input type="hidden" name="type" value="\(type.rawValue)">
            \(FormControls.select("within", label: "District", options: districts.map { ($0.code, $0.name) }, selected: finer?.district.code ?? "", errors: []))
            <button type="submit" class="dots-button dots-button--secondary">Show LSOAs</button>
            </form>
            """
        guard let finer else { return out }
        let map = DistrictMap(
            title: "\(type.label) by LSOA in \(finer.district.name), \(span(months))", boundaries: finer.boundaries,
            shades: finer.crimes.mapValues { shade($0) }, format: Formatting.number,
            outline: DistrictMap.reference?.boundaries.first { $0.code == finer.district.code }.map { ($0, DistrictMap.reference!.attribution) })
        out +=
            "<figure class=\"dots-chart-figure\">\(map.svg(id: "lsoa-map"))<figcaption class=\"dots-body-s\">\(type.label) by LSOA in \(finer.district.name), \(span(months)). \(map.credits)</figcaption></figure>"
        let rows = finer.boundaries.boundaries.html { b -> HTML in
            "<tr><th scope=\"row\">\(b.name) (\(b.code))</th><td class=\"num\">\(finer.crimes[b.code]?.text ?? "0")</td></tr>"
        }
        return out + """
            <table class="dots-table"><caption>\(type.label) by LSOA in \(finer.district.name), \(span(months))</caption>
            <thead><tr><th scope="col">LSOA</th><th scope="col" class="num">\(type.label)</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }
}

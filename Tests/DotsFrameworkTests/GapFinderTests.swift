import DotsCore
import DotsFramework
import Testing

/// Gaps say what the data cannot tell, whose data it is, and what would close it.
@Suite("What we don't know: gaps name the agency and the fix")
struct GapFinderTests {
    static let spec = FrameworkParser.parse(DefaultFramework.yaml).spec!

    static func profile(_ byAgency: [String: DataProfile.DatasetProfile.AgencyProfile], linked: Bool = true) -> DataProfile {
        var filled: [String: Int] = [:]
        for a in byAgency.values { filled.merge(a.filled, uniquingKeysWith: +) }
        let d = DataProfile.DatasetProfile(
            agencies: byAgency.keys.sorted(), first: CalendarDate(iso: "2024-04-01")!, last: CalendarDate(iso: "2026-03-31")!,
            rows: byAgency.values.reduce(0) { $0 + $1.rows }, filled: filled, warnings: byAgency.values.reduce(0) { $0 + $1.warnings },
            submissionIDs: ["s1", "s2"], byAgency: byAgency)
        return DataProfile(datasets: [.missingEpisodes: d], linkageRunID: linked ? "run" : nil)
    }

    static func full(_ rows: Int, except: [String: Int] = [:], warnings: Int = 0) -> DataProfile.DatasetProfile.AgencyProfile {
        var filled: [String: Int] = [:]
        for f in Dataset.missingEpisodes.schema.fields.map(\.name) { filled[f] = rows }
        for f in ["home_area", "sex", "ethnicity", "birth_year_month", "looked_after"] { filled["person.\(f)"] = rows }
        for (k, v) in except { filled[k] = v }
        return .init(rows: rows, filled: filled, warnings: warnings)
    }

    @Test("A field one agency leaves empty names that agency, its share and the fix; the others are not blamed")
    func fieldShort() throws {
        let ind = try #require(Self.spec.indicators.first { $0.id == "missing-episodes" })
        // Worked by hand: police 0 of 100 with a sex recorded, Stoke CSC 300 of 300: 300 of 400 = 75% overall, so the
        // field is not "mostly empty" over all, and no gap. With police at 400 rows: 300 of 700 = 43%, a gap.
        let fine = GapFinder(profile: Self.profile(["staffs-police": Self.full(100, except: ["person.sex": 0]), "stoke-csc": Self.full(300)]))
        #expect(!fine.gaps(for: ind).contains { $0.detail.contains("sex") })
        let finder = GapFinder(profile: Self.profile(["staffs-police": Self.full(400, except: ["person.sex": 0]), "stoke-csc": Self.full(300)]))
        let gap = try #require(finder.gaps(for: ind).first { $0.detail.contains("the young person's sex") })
        #expect(gap.kind == .fieldMostlyEmpty && !gap.blocking)
        #expect(gap.detail.contains("recorded for only 43% of rows"))
        #expect(gap.detail.contains("Staffordshire Police (0%) recording it on their people file and submitting missing_episodes again would close this gap"))
        #expect(!gap.detail.contains("Stoke-on-Trent"))
    }

    @Test("Warnings name the agencies whose rows drew them, worst first; no linkage and nothing submitted say what would close them")
    func qualityAndLinkage() throws {
        let ind = try #require(Self.spec.indicators.first { $0.id == "missing-children" })
        // 30 of 100 police rows and 50 of 100 Stoke rows warned: 80 of 200 = 40% over all; Stoke (50%) first.
        let finder = GapFinder(
            profile: Self.profile(["staffs-police": Self.full(100, warnings: 30), "stoke-csc": Self.full(100, warnings: 50)], linked: false))
        let gaps = finder.gaps(for: ind)
        let quality = try #require(gaps.first { $0.kind == .lowQuality })
        #expect(quality.detail.hasPrefix("40% of missing_episodes rows drew warnings"))
        #expect(quality.detail.contains("Stoke-on-Trent City Council Children's Social Care (50%) and Staffordshire Police (30%) fixing the warned rows"))
        #expect(gaps.contains { $0.kind == .notLinked && $0.detail.hasSuffix("an analyst running `dots link` would close this gap") })
        let nothing = GapFinder(profile: DataProfile(datasets: [:], linkageRunID: nil)).gaps(for: ind)
        #expect(nothing.count == 1 && nothing[0].blocking && nothing[0].detail.contains("(see the data map) submitting it would close this gap"))
    }

    @Test("An empty home LSOA is a gap in the LSOA breakdown only once LSOAs are imported, and says where those people count")
    func homeLSOA() throws {
        let ind = try #require(Self.spec.indicators.first { $0.id == "missing-children" })
        #expect(ind.breakdowns.contains(.lsoa))
        let profile = Self.profile(["staffs-police": Self.full(100)])
        #expect(!GapFinder(profile: profile).gaps(for: ind).contains { $0.detail.contains("LSOA") }, "no LSOAs imported: no such breakdown, no gap")
        let gap = try #require(GapFinder(profile: profile, smallAreasImported: true).gaps(for: ind).first { $0.detail.contains("LSOA") })
        #expect(gap.kind == .fieldEmpty && !gap.blocking)
        #expect(
            gap.detail.hasSuffix(
                "Staffordshire Police (0%) preparing their people file with ONS's postcode directory (dots prepare --postcode-lookup FILE --home-lsoa) and submitting missing_episodes again would close this gap"
            ))
        #expect(
            gap.detail.hasPrefix(
                "the young person's home LSOA is never recorded, so the breakdown by LSOA counts everyone in their district's \"LSOA not recorded\""))
        let sent = Self.profile(["staffs-police": Self.full(100, except: ["person.home_lsoa": 90])])
        #expect(!GapFinder(profile: sent, smallAreasImported: true).gaps(for: ind).contains { $0.detail.contains("LSOA") })
    }
}

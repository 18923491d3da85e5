import DotsGovernance
import Foundation
import Testing

@Suite("Data-maturity self-assessment: questionnaire, scoring, change, partnership view")
struct MaturityTests {
    let q = DefaultQuestionnaire.load()

    @Test("The shipped questionnaire covers the six areas with five statements per question, levels as Data Orchard names them")
    func shipped() {
        #expect(q.areas.map(\.area) == MaturityArea.allCases)
        #expect(q.questions.allSatisfy { $0.statements.count == 5 })
        #expect(MaturityLevel.allCases.map(\.title) == ["Unaware", "Emerging", "Learning", "Developing", "Mastering"])
        #expect(q.source.contains("Data Orchard"))
    }

    @Test("A broken definition names every problem")
    func broken() {
        let yaml = """
            id: x
            version: "1"
            title: t
            source: s
            areas:
              - area: collection
                questions:
                  - {id: a, text: q, statements: [one, two]}
                  - {id: a, text: q, statements: [1, 2, 3, 4, 5]}
            """
        #expect(throws: MaturityQuestionnaire.Problem.self) { try MaturityQuestionnaire.parse(yaml) }
        do { _ = try MaturityQuestionnaire.parse(yaml) } catch let p as MaturityQuestionnaire.Problem {
            #expect(p.description.contains("question a has 2 statements"))
            #expect(p.description.contains("question id a is used twice"))
            #expect(p.description.contains("area sharing has no section"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test("An area's level is the lower median of its answers; don't know is counted but not scored")
    func scoring() {
        let answers = [
            MaturityAnswer(questionID: "collection-what", level: .learning),
            MaturityAnswer(questionID: "collection-gaps", level: .developing),  // collection: lower median of 3, 4 → 3
            MaturityAnswer(questionID: "systems-fit", level: .mastering),
            MaturityAnswer(questionID: "systems-identifiers", level: nil, evidence: "Not sure who owns the system"),  // systems: 5
            MaturityAnswer(questionID: "recording-structured", level: nil),
            MaturityAnswer(questionID: "recording-quality", level: nil),  // recording: no level
        ]
        let r = MaturityScoring.areaResults(q, answers: answers)
        #expect(r.first { $0.area == .collection }?.level == .learning)
        #expect(r.first { $0.area == .systems }?.level == .mastering)
        #expect(r.first { $0.area == .systems }?.dontKnow == 1)
        #expect(r.first { $0.area == .recording }?.level == nil)
        #expect(r.first { $0.area == .recording }?.dontKnow == 2)
        #expect(r.first { $0.area == .analysis }?.answered == 0)
        #expect(MaturityScoring.lowerMedian([.unaware, .mastering, .learning]) == .learning)
        #expect(MaturityScoring.lowerMedian([]) == nil)
    }

    @Test("Change since the last round, per area; nothing where either round has no level")
    func change() {
        let before = MaturityScoring.areaResults(
            q,
            answers: [
                MaturityAnswer(questionID: "collection-what", level: .emerging),
                MaturityAnswer(questionID: "systems-fit", level: .developing),
            ])
        let after = MaturityScoring.areaResults(
            q,
            answers: [
                MaturityAnswer(questionID: "collection-what", level: .developing),
                MaturityAnswer(questionID: "systems-fit", level: .learning),
                MaturityAnswer(questionID: "sharing-agreements", level: .learning),
            ])
        let delta = MaturityScoring.change(from: before, to: after)
        #expect(delta[.collection] == .some(2))
        #expect(delta[.systems] == .some(-1))
        #expect(delta[.sharing] == .some(nil), "no level last round")
        #expect(delta[.analysis] == .some(nil))
    }

    @Test("The partnership's strongest and weakest areas: by median level, then mean, with no agency ranking")
    func strength() {
        func agency(_ levels: [String: MaturityLevel]) -> [AreaResult] {
            MaturityScoring.areaResults(q, answers: levels.map { MaturityAnswer(questionID: $0.key, level: $0.value) })
        }
        let results = [
            "a": agency(["sharing-agreements": .developing, "analysis-capacity": .emerging, "systems-fit": .learning]),
            "b": agency(["sharing-agreements": .mastering, "analysis-capacity": .unaware, "systems-fit": .learning]),
            "c": agency(["sharing-agreements": .learning, "analysis-capacity": .emerging, "systems-fit": .developing]),
        ]
        // sharing: 3,4,5 → median 4; systems: 3,3,4 → median 3 (mean 3.33); analysis: 1,2,2 → median 2.
        let ranked = MaturityScoring.areasByStrength(results)
        #expect(ranked.prefix(3).map(\.area) == [.sharing, .systems, .analysis])
        #expect(ranked[1].mean.map { abs($0 - 10.0 / 3) < 1e-9 } == true)
        #expect(ranked.last?.median == nil, "areas nobody scored come last")
    }
}

@Suite("Adapting the questionnaire")
struct QuestionnaireVersionTests {
    @Test("A partnership's own version (new version, a question dropped) reads, and scores with its own questions")
    func ownVersion() throws {
        var yaml = DefaultQuestionnaire.yaml.replacingOccurrences(of: "version: \"1.0\"", with: "version: \"1.1-staffs\"")
        // Drop the second collection question: its id, text and statements lines and the five statements.
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.contains("id: collection-gaps") })
        lines.removeSubrange(start..<(start + 8))
        yaml = lines.joined(separator: "\n")
        let q = try MaturityQuestionnaire.parse(yaml)
        #expect(q.version == "1.1-staffs" && q.questions.count == 11)
        let results = MaturityScoring.areaResults(q, answers: [MaturityAnswer(questionID: "collection-what", level: .developing)])
        #expect(results[0].level == .developing && results[0].questions == 1)
    }
}

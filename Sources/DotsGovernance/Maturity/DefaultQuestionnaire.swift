/// The questionnaire Dots ships: two questions per area, written for partnership agencies' data about child
/// exploitation and extra-familial harm. Print it with `dots maturity questionnaire` to adapt it.
public enum DefaultQuestionnaire {
    public static func load() -> MaturityQuestionnaire {
        // The shipped file is checked by the tests; a broken one is a build defect, not a user error.
        try! MaturityQuestionnaire.parse(yaml)
    }

    public static let yaml = """
        id: dots-data-maturity
        version: "1.0"
        title: Child exploitation data maturity self-assessment
        source: "Levels follow the Data Orchard Data Maturity Framework v2.1 (2022), CC BY-NC-SA 4.0: Unaware, Emerging, Learning, Developing, Mastering."
        areas:
          - area: collection
            questions:
              - id: collection-what
                text: How does your agency know what it collects about exploitation and extra-familial harm?
                statements:
                  - We have not looked at what we collect about exploitation.
                  - Some teams know what they record, but nobody has a full picture.
                  - We have listed the main systems and fields that hold exploitation information.
                  - We keep a maintained list of what we collect, with definitions, and review it yearly.
                  - What we collect is designed with partners around the questions the partnership asks, and reviewed with them.
              - id: collection-gaps
                text: How well do you know what you do not collect?
                statements:
                  - We have not considered what is missing.
                  - We know of gaps anecdotally.
                  - We have written down the main gaps (for example, exploitation type, location, peers).
                  - Gaps are tracked and there are plans to close the most important ones.
                  - Gaps are closed or explained, and the partnership's "what we don't know" reflects ours.
          - area: systems
            questions:
              - id: systems-fit
                text: Do your systems let you record and extract what the partnership needs?
                statements:
                  - Exploitation information sits in case notes only, or in systems we cannot extract from.
                  - We can extract some of it with manual effort each time.
                  - Regular extracts are possible but need a specialist to run them.
                  - Extracts are automated and documented.
                  - Systems are configured for exploitation recording and feed the partnership automatically.
              - id: systems-identifiers
                text: Can records be matched to the same young person across your systems?
                statements:
                  - No shared identifier is recorded.
                  - Identifiers are recorded sometimes, in free text.
                  - Key identifiers (NHS number, UPN, date of birth) are in structured fields for most records.
                  - Identifiers are validated at entry and complete for nearly all records.
                  - Identifiers are validated and matched across systems, with checks on match quality.
          - area: recording
            questions:
              - id: recording-structured
                text: Is exploitation recorded in structured fields rather than free text?
                statements:
                  - Only in free text, if at all.
                  - Some structured flags exist but are rarely used.
                  - Structured fields exist and are used by most teams.
                  - Structured recording is expected, audited and mostly complete.
                  - Recording is consistent, audited and improved with practitioners' feedback.
              - id: recording-quality
                text: How do you know your recording is accurate and timely?
                statements:
                  - We do not check.
                  - Problems are found when reports look wrong.
                  - We run occasional data quality checks.
                  - Quality is measured routinely and fed back to teams.
                  - Quality is measured, trended and acted on with partners.
          - area: analysis
            questions:
              - id: analysis-capacity
                text: Who can analyse your exploitation data?
                statements:
                  - Nobody has the time or skills.
                  - One person, when they have time.
                  - An analyst produces regular counts.
                  - Analysts produce trends, breakdowns and insight, with practitioners.
                  - Analysis is shared and interpreted with partners, including young people's experience.
              - id: analysis-questions
                text: Does analysis start from what the partnership wants to know?
                statements:
                  - We report what is asked for, when asked.
                  - We count activity (beans).
                  - Some analysis answers strategic questions.
                  - Analysis is organised around the partnership's questions and shows what data cannot answer.
                  - Questions, analysis and data gaps are reviewed together and drive what we collect.
          - area: sharing
            questions:
              - id: sharing-agreements
                text: Is sharing exploitation data with partners agreed and understood?
                statements:
                  - There is no agreement, and staff are unsure what they may share.
                  - Sharing happens case by case, without an agreement.
                  - An information sharing agreement exists for the partnership's work.
                  - Agreements name lawful bases and datasets, and staff know them.
                  - Sharing is routine, lawful, reviewed, and pseudonymised wherever it can be.
              - id: sharing-regularity
                text: How regularly does your data reach the partnership?
                statements:
                  - It does not.
                  - On request, occasionally.
                  - Quarterly, with some delays.
                  - On a schedule, on time, in the agreed format.
                  - Automatically, on time, checked, in the agreed format.
          - area: decision-making
            questions:
              - id: decisions-use
                text: Does data inform your agency's decisions about exploitation?
                statements:
                  - Decisions are not informed by data.
                  - Data is seen after decisions are made.
                  - Leaders look at data in some decisions.
                  - Data is part of planning and reviewing services.
                  - Data, including young people's voice, routinely shapes decisions and their review.
              - id: decisions-leadership
                text: Do leaders champion data about exploitation?
                statements:
                  - Data is not discussed by leaders.
                  - Leaders ask for data occasionally.
                  - A named lead is responsible for exploitation data.
                  - Leaders set priorities for data and resource them.
                  - Leaders model data use and hold the partnership to account with it.
        """
}

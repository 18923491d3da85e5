/// The framework Dots ships for child exploitation and extra-familial harm: questions after the TCE programme's
/// "Using data intelligently" structure (who is vulnerable, patterns of harm, patterns of help, perpetrators and
/// places, who is missing from our data), indicators from English practice. Print it with
/// `dots framework default`, adapt it, and compute with `--framework FILE`.
public enum DefaultFramework {
    public static let yaml = #"""
        format: dots-framework/1
        name: Child exploitation and extra-familial harm
        version: "2026.1"
        ages: 0-17
        # Young adults that social care and MACE work with (care leavers up to 25) are counted apart, never among
        # children: each indicator over these datasets has a companion for ages 18-25, shown on its page.
        ages-apart:
          ages: 18-25
          datasets: [missing_episodes, ce_screenings, mace_discussions]
        # What reaches anyone but analysts: counts 1-5 hidden; no hidden count narrower than 3 from what is
        # published; rates, percentages and medians only for 10 or more; a whole-area or local authority total that would
        # give a small count away published rounded to 5. A partnership may set stricter rules for itself under partnerships:
        # (for example stoke-scp: {threshold: 10}); a run is published under the strictest of them.
        disclosure:
          threshold: 5
          protection: 3
          minimum-base: 10
          round-to-protect: 5
        themes:
          - id: who-is-vulnerable
            title: Who is vulnerable?
            questions:
              - id: cohort
                question: How many children are at risk of exploitation, who are they, and is that changing?
                sources: [MACE case audit, Voice of young people in return home interviews, Practitioner views from the data leads network]
                indicators:
                  - id: ce-screened-children
                    title: Children screened for exploitation
                    definition: Children with at least one child exploitation screening completed in the period, each counted once.
                    dataset: ce_screenings
                    measure: people
                    periods: [quarter, financial-year, rolling-12-months]
                    breakdowns: [la, district, lsoa, sex, age-band, ethnicity-group, looked-after]
                  - id: ce-cohort
                    title: Children at medium or high risk of exploitation
                    definition: Children whose screening in the period found a medium or high risk of exploitation, each counted once (Devon and Ofsted counting).
                    dataset: ce_screenings
                    where: {risk_level: [medium, high]}
                    measure: people
                    periods: [quarter, financial-year, rolling-12-months]
                    breakdowns: [la, district, sex, age-band, ethnicity-group, exploitation-type, looked-after]
                  - id: ce-cohort-rate
                    title: Children aged 10-17 at medium or high risk, per 10,000 children
                    definition: Children aged 10 to 17 at medium or high risk of exploitation in the period, per 10,000 children of that age living in the area (ONS mid-year estimates).
                    dataset: ce_screenings
                    where: {risk_level: [medium, high], age: 10-17}
                    measure: rate
                    periods: [financial-year, rolling-12-months]
                    breakdowns: [la, district, age-band]
                  - id: ce-screenings-by-risk
                    title: Exploitation screenings completed
                    definition: Screenings completed in the period, by the risk level they found.
                    dataset: ce_screenings
                    measure: events
                    periods: [month, quarter, financial-year]
                    breakdowns: [la, risk-level, exploitation-type]
              - id: vulnerabilities
                question: What do children at risk have in common, and do we see it early enough?
                sources: [Rapid reviews and child safeguarding practice reviews, Education safeguarding leads]
                indicators:
                  - id: ce-efh-factors
                    title: Screenings where an extra-familial harm factor was recorded
                    definition: Of screenings in the period, the share recording a CIN assessment factor for missing (10A), sexual exploitation (11A), trafficking (12A), gangs (13A) or criminal exploitation (24A).
                    dataset: ce_screenings
                    where: {risk_level: [medium, high]}
                    measure: {type: percentage, numerator: {assessment_factors: [10A, 11A, 12A, 13A, 24A]}}
                    periods: [quarter, financial-year]
                    breakdowns: [la]
                  - id: ce-exclusions-overlap
                    title: Children at risk who were suspended or excluded
                    definition: Of children at medium or high risk in the period, the share who were also suspended or permanently excluded from school in the period (linked across agencies).
                    dataset: ce_screenings
                    where: {risk_level: [medium, high]}
                    measure: {type: overlap, with: education_events, with_where: {event_type: [suspension, permanent_exclusion]}}
                    periods: [financial-year]
                    breakdowns: [la, sex, age-band]
                    polarity: higher-is-worse
                  - id: education-reduced-provision
                    title: Children on part-time timetables, in alternative provision or missing education
                    definition: Children with a part-time timetable, alternative provision or a child-missing-education episode starting in the period, each counted once.
                    dataset: education_events
                    where: {event_type: [part_time_timetable, alternative_provision, child_missing_education]}
                    measure: people
                    periods: [quarter, financial-year]
                    breakdowns: [la, district, sex, age-band]
          - id: patterns-of-harm
            title: Patterns of harm
            questions:
              - id: missing
                question: How often are children going missing, and who goes missing again and again?
                sources: [Return home interview themes, Police missing persons coordinator]
                indicators:
                  - id: missing-episodes
                    title: Missing and away episodes reported to the police
                    definition: Episodes of a child missing or away from home or care reported to the police, starting in the period.
                    dataset: missing_episodes
                    where: {agency_kind: [police]}
                    measure: events
                    periods: [month, quarter, financial-year]
                    breakdowns: [la, district, sex, age-band, looked-after]
                  - id: missing-children
                    title: Children reported missing
                    definition: Children with at least one missing or away episode reported to the police in the period, each counted once.
                    dataset: missing_episodes
                    where: {agency_kind: [police]}
                    measure: people
                    periods: [quarter, financial-year, rolling-12-months]
                    breakdowns: [la, district, lsoa, sex, age-band, ethnicity-group]
                  - id: repeat-missing
                    title: Children missing three or more times in 90 days
                    definition: Children with three or more missing episodes within 90 days, the third of them in the period; the denominator is every child missing in the period.
                    dataset: missing_episodes
                    where: {agency_kind: [police], missing_type: [M]}
                    measure: {type: repeats, count: 3, window: 90d}
                    periods: [quarter, financial-year]
                    breakdowns: [la, sex, age-band]
                    polarity: higher-is-worse
                  - id: missing-from-care
                    title: Missing episodes from care
                    definition: Of missing and away episodes reported to the police in the period, the share where the child went missing from care.
                    dataset: missing_episodes
                    where: {agency_kind: [police]}
                    measure: {type: percentage, numerator: {missing_from: [care]}}
                    periods: [quarter, financial-year]
                    breakdowns: [la]
                  - id: missing-duration
                    title: How long missing episodes last
                    definition: Median (and 90th percentile) hours from going missing to returning or being found, for episodes that have ended.
                    dataset: missing_episodes
                    where: {agency_kind: [police]}
                    measure: {type: duration, from: start_datetime, to: end_datetime, unit: hours, percentiles: [50, 90]}
                    periods: [quarter, financial-year]
                    breakdowns: [la, age-band]
              - id: social-care-sees
                question: What does children's social care see of exploitation, in its own records and returns?
                sources: [CIN census and SSDA903 returns, Children's social care case audits]
                indicators:
                  - id: missing-from-care-recorded
                    title: Missing and away episodes from care recorded by social care
                    definition: Episodes of a looked-after child missing or away from placement that children's social care recorded (the SSDA903 Missing table), starting in the period.
                    dataset: missing_episodes
                    where: {agency_kind: [social_care], missing_from: [care]}
                    measure: events
                    periods: [quarter, financial-year]
                    breakdowns: [la, sex, age-band]
                  - id: missing-from-care-police-overlap
                    title: Children missing from care whom the police also recorded missing
                    definition: Of children social care recorded as missing from care in the period, the share the police also recorded as missing in the period (linked across agencies); a low share means episodes the police never heard of, or records that do not link.
                    dataset: missing_episodes
                    where: {agency_kind: [social_care], missing_from: [care]}
                    measure: {type: overlap, with: missing_episodes, with_where: {agency_kind: [police]}}
                    periods: [financial-year]
                    breakdowns: [la]
                  - id: cin-exploitation-factors
                    title: Children whose assessment named extra-familial harm
                    definition: Children with a children and family assessment starting in the period that identified going missing (10A), child sexual exploitation (11A), trafficking (12A), gangs (13A), child criminal exploitation (24A) or abuse by another child (18B, 19B), each counted once.
                    dataset: cin_assessments
                    where: {factors: [10A, 11A, 12A, 13A, 24A, 18B, 19B]}
                    measure: people
                    periods: [quarter, financial-year]
                    breakdowns: [la, sex, age-band]
                  - id: cin-exploitation-screened
                    title: Children whose assessment named exploitation who were also screened
                    definition: Of children whose assessment in the period named child sexual or criminal exploitation, trafficking or gangs (11A, 24A, 12A, 13A), the share with a child exploitation screening in the period.
                    dataset: cin_assessments
                    where: {factors: [11A, 12A, 13A, 24A]}
                    measure: {type: overlap, with: ce_screenings}
                    periods: [financial-year]
                    breakdowns: [la]
                    polarity: higher-is-better
                  - id: protection-plans-ce-risk
                    title: Children starting a protection plan who were screened at medium or high risk of exploitation
                    definition: Of children starting a child protection plan in the period, the share screened at medium or high risk of exploitation in the period, where the plan's framework (harm within the family) meets extra-familial harm.
                    dataset: protection_plans
                    measure: {type: overlap, with: ce_screenings, with_where: {risk_level: [medium, high]}}
                    periods: [financial-year]
                    breakdowns: [la]
                  - id: care-semi-independent
                    title: Looked-after children starting semi-independent or independent living
                    definition: Looked-after children starting a care episode in semi-independent accommodation (H5) or independent living (P2) in the period, each counted once; placements where exploitation is a known risk.
                    dataset: care_episodes
                    where: {placement: [H5, P2]}
                    measure: people
                    periods: [financial-year]
                    breakdowns: [la, age-band]
              - id: police-exploitation
                question: What exploitation is the police seeing, and are children treated as victims?
                sources: [Police problem profile, Operation reviews]
                indicators:
                  - id: police-ce-incidents
                    title: Crimes and incidents flagged as child exploitation
                    definition: Crimes and incidents involving a child that carry a child exploitation flag, in the period.
                    dataset: police_incidents
                    where: {ce_flag: [Y]}
                    measure: events
                    periods: [month, quarter, financial-year]
                    breakdowns: [la, district, lsoa, exploitation-type]
                  - id: police-ce-victims
                    title: Children recorded as victims in exploitation-flagged incidents
                    definition: Children recorded as the victim in at least one exploitation-flagged crime or incident in the period, each counted once.
                    dataset: police_incidents
                    where: {ce_flag: [Y], role: [victim]}
                    measure: people
                    periods: [quarter, financial-year]
                    breakdowns: [la, sex, age-band, ethnicity-group]
                  - id: county-lines-incidents
                    title: Incidents linked to county lines
                    definition: Crimes and incidents involving a child that the police linked to county lines, in the period.
                    dataset: police_incidents
                    where: {county_lines_flag: [Y]}
                    measure: events
                    periods: [quarter, financial-year]
                    breakdowns: [la, district]
              - id: health-harm
                question: Are children being harmed in ways health services see, and do they ask about exploitation?
                sources: [Safeguarding nurses' case reviews, ISTV data sharing with the community safety partnership]
                indicators:
                  - id: ed-assault
                    title: Emergency department attendances after an assault, aged 10-17
                    definition: Attendances at the emergency department by children aged 10 to 17 where assault was a reason, in the period.
                    dataset: health_contacts
                    where: {setting: [emergency_department], reasons: [assault], age: 10-17}
                    measure: events
                    periods: [quarter, financial-year]
                    breakdowns: [la, sex, age-band]
                  - id: sexual-health-ce-screening
                    title: Sexual health attendances with an exploitation screening
                    definition: Of under-18 sexual health attendances in the period, the share where a CSE/CE screening pro forma was completed.
                    dataset: health_contacts
                    where: {setting: [sexual_health]}
                    measure: {type: percentage, numerator: {ce_screening_completed: [Y]}}
                    periods: [quarter, financial-year]
                    breakdowns: [la]
                    polarity: higher-is-better
                    target: {value: 90, tolerance: 5}
          - id: patterns-of-help
            title: Patterns of help
            questions:
              - id: return-interviews
                question: Do children who come back from being missing get a timely return home interview?
                sources: [Return home interview provider quality reports, What children say in their interviews]
                indicators:
                  - id: rhi-offered-72h
                    title: Missing episodes with a return home interview offered within 72 hours
                    definition: Of missing episodes that ended in the period, the share where a return home interview was offered within 72 hours of the child's return (statutory guidance).
                    dataset: missing_episodes
                    where: {agency_kind: [rhi_provider]}
                    measure: {type: within, from: end_datetime, to: rhi_offered_datetime, limit: 72h}
                    periods: [month, quarter, financial-year]
                    breakdowns: [la, district, looked-after]
                    polarity: higher-is-better
                    target: {value: 95, tolerance: 5}
                  - id: rhi-completed-72h
                    title: Missing episodes with a return home interview completed within 72 hours
                    definition: Of missing episodes that ended in the period, the share where the return home interview took place within 72 hours of the child's return.
                    dataset: missing_episodes
                    where: {agency_kind: [rhi_provider]}
                    measure: {type: within, from: end_datetime, to: rhi_completed_datetime, limit: 72h}
                    periods: [month, quarter, financial-year]
                    breakdowns: [la, district, sex, age-band]
                    polarity: higher-is-better
                    target: {value: 75, tolerance: 10}
              - id: multi-agency-response
                question: Do children at high risk get a multi-agency response that reduces the risk?
                sources: [MACE minutes audit, Young people's and families' feedback on plans]
                indicators:
                  - id: screening-to-mace
                    title: Medium and high risk screenings referred to MACE
                    definition: Of screenings in the period finding medium or high risk, the share whose outcome was a referral to the multi-agency child exploitation (MACE) meeting.
                    dataset: ce_screenings
                    where: {risk_level: [medium, high]}
                    measure: {type: percentage, numerator: {outcome: [mace_referral]}}
                    periods: [quarter, financial-year]
                    breakdowns: [la, exploitation-type]
                    polarity: higher-is-better
                  - id: mace-children
                    title: Children discussed at MACE
                    definition: Children discussed at a MACE meeting in the period, each counted once.
                    dataset: mace_discussions
                    measure: people
                    periods: [quarter, financial-year]
                    breakdowns: [la, sex, age-band, ethnicity-group, risk-level]
                  - id: mace-safety-plan
                    title: MACE discussions with a safety plan in place
                    definition: Of MACE discussions in the period, the share where the child had a safety plan.
                    dataset: mace_discussions
                    measure: {type: percentage, numerator: {safety_plan: [Y]}}
                    periods: [quarter, financial-year]
                    breakdowns: [la]
                    polarity: higher-is-better
                    target: {value: 90, tolerance: 5}
                  - id: mace-risk-reduced
                    title: High-risk children whose risk came down at MACE
                    definition: Of MACE discussions in the period about a child at high risk, the share where the meeting agreed a lower risk level.
                    dataset: mace_discussions
                    where: {risk_before: [high]}
                    measure: {type: percentage, numerator: {risk_after: [medium, low, none]}}
                    periods: [quarter, financial-year]
                    breakdowns: [la]
                    polarity: higher-is-better
              - id: nrm
                question: Are exploited children referred to the National Referral Mechanism, and how long do they wait for a decision?
                sources: [Home Office NRM statistics for the force area, Independent child trafficking guardians]
                indicators:
                  - id: nrm-referrals
                    title: NRM referrals for children
                    definition: Referrals of children to the National Referral Mechanism by the partnership's first responders, in the period.
                    dataset: nrm_referrals
                    measure: events
                    periods: [quarter, financial-year]
                    breakdowns: [la, exploitation-type, sex]
                  - id: nrm-rg-positive
                    title: Positive reasonable grounds decisions
                    definition: Of NRM referrals in the period with a reasonable grounds decision, the share that was positive.
                    dataset: nrm_referrals
                    where: {rg_decision: [positive, negative]}
                    measure: {type: percentage, numerator: {rg_decision: [positive]}}
                    periods: [financial-year]
                    breakdowns: [la]
                  - id: nrm-days-to-cg
                    title: Days from NRM referral to conclusive grounds decision
                    definition: Median days from referral to the conclusive grounds decision, for referrals in the period that have one.
                    dataset: nrm_referrals
                    measure: {type: duration, from: referral_date, to: cg_date, unit: days, percentiles: [50]}
                    periods: [financial-year]
                    breakdowns: [la]
                    polarity: higher-is-worse
          - id: perpetrators-and-places
            title: Perpetrators and places
            questions:
              - id: disruption
                question: Are we disrupting the adults and places that exploit children?
                sources: [Police disruption log, Licensing and community safety partners, Contextual safeguarding location assessments]
                indicators:
                  - id: mace-disruption
                    title: MACE discussions agreeing disruption activity
                    definition: Of MACE discussions in the period, the share agreeing disruption activity (child abduction warning notices, risk and prevention orders, closure orders, hotel notices).
                    dataset: mace_discussions
                    measure: {type: percentage, numerator: {disruption_activities: [cawn, sro, stro, stpo, closure_order, hotel_notice, other]}}
                    periods: [quarter, financial-year]
                    breakdowns: [la]
                    polarity: higher-is-better
                  - id: youth-justice-victim-first
                    title: Children sentenced for drugs or weapons offences who were screened for exploitation
                    definition: Of children with a youth justice outcome for a drugs or weapons offence in the period, the share also screened for exploitation in the period ("It was hard to escape").
                    dataset: youth_justice
                    where: {offence_type: [drugs, weapons]}
                    measure: {type: overlap, with: ce_screenings}
                    periods: [financial-year]
                    breakdowns: [la, sex]
                    polarity: higher-is-better
                  - id: youth-justice-open-orders
                    title: Children on an open youth justice intervention at period end
                    definition: Children whose out-of-court disposal or court order had started and not ended by the last day of the period.
                    dataset: youth_justice
                    measure: {type: snapshot, start: outcome_date, end: end_date}
                    periods: [quarter, financial-year]
                    breakdowns: [la, sex, age-band]
              - id: contexts
                question: Are we working with the peer groups, places, schools and online spaces where children are harmed, and are they becoming safer?
                sources: [Context conferences, Peer group and neighbourhood assessments, Safety mapping with young people]
                indicators:
                  - id: contexts-open
                    title: Contexts of harm open at period end
                    definition: Peer groups, places, schools and online spaces worked with as contexts of their own (referred, assessed, with a safety plan or under review) and not closed by the last day of the period.
                    dataset: context_records
                    measure: {type: snapshot, start: opened_on, end: closed_on}
                    periods: [quarter, financial-year]
                    breakdowns: [la]
                  - id: context-reviews-in-time
                    title: Reviews of contexts done by their review date
                    definition: Of reviews of contexts that fell due in the period, the share where the next step of the work (a review, a new stage or closure) was recorded on or before the date set.
                    dataset: context_reviews
                    measure: {type: percentage, numerator: {in_time: [Y]}}
                    periods: [quarter, financial-year]
                    breakdowns: [la]
                    polarity: higher-is-better
                  - id: context-children
                    title: Young people linked to a context at period end
                    definition: Young people linked to an open context on the last day of the period, each counted once however many contexts; a link that was ended, whose context closed, or that was not reviewed by its date does not count.
                    dataset: context_children
                    measure: {type: snapshot, start: linked_on, end: ended_on}
                    periods: [quarter, financial-year]
                    breakdowns: [la]
                  - id: contexts-safer
                    title: Contexts closed as safer
                    definition: Of contexts whose work closed in the period, the share judged safer on closing (the others no different or less safe).
                    dataset: context_records
                    measure: {type: percentage, numerator: {outcome: [safer]}}
                    periods: [financial-year]
                    breakdowns: [la]
                    polarity: higher-is-better
          - id: missing-from-our-data
            title: Who is missing from our data?
            questions:
              - id: joined-up
                question: Are children at risk known to several agencies, and is each agency raising concerns?
                sources: [Data maturity conversations, The partnership data map]
                indicators:
                  - id: ce-known-to-several
                    title: Children at risk known to two or more agencies
                    definition: Of children at medium or high risk in the period, the share held in the records of at least two agencies (linked across agencies).
                    dataset: ce_screenings
                    where: {risk_level: [medium, high]}
                    measure: {type: overlap, agencies: 2}
                    periods: [financial-year]
                    breakdowns: [la]
                  - id: ce-missing-overlap
                    title: Children at risk who also went missing
                    definition: Of children at medium or high risk in the period, the share with a missing episode reported to the police in the period.
                    dataset: ce_screenings
                    where: {risk_level: [medium, high]}
                    measure: {type: overlap, with: missing_episodes, with_where: {agency_kind: [police]}}
                    periods: [financial-year]
                    breakdowns: [la, sex]
                  - id: ce-referrals-from-health
                    title: Screenings raised by health
                    definition: Of screenings in the period, the share where the concern was raised by a health service, which shows where concerns are not coming from.
                    dataset: ce_screenings
                    measure: {type: percentage, numerator: {referring_agency: [health]}}
                    periods: [financial-year]
                    breakdowns: [la]
                  - id: ce-referrals-from-education
                    title: Screenings raised by education
                    definition: Of screenings in the period, the share where the concern was raised by a school or education service.
                    dataset: ce_screenings
                    measure: {type: percentage, numerator: {referring_agency: [education]}}
                    periods: [financial-year]
                    breakdowns: [la]
              - id: voice
                question: What do children and families tell us about their experience of help?
                sources: [Mind Of My Own statements, Bright Spots surveys, Return home interview conversations, Feedback gathered through Dots]
                indicators:
                  - id: voice-young-people
                    title: Young people who gave feedback
                    definition: Young people who told us about their experience in the period, on their own feedback form, in a survey or to a practitioner, each counted once. Feedback kept to a young person's record is not counted.
                    dataset: voice_feedback
                    where: {respondent: [child]}
                    measure: people
                    periods: [quarter, financial-year]
                    breakdowns: [la, sex, age-band]
                    polarity: higher-is-better
                  - id: voice-trusted-adult
                    title: Young people who have an adult they trust
                    definition: Of young people who answered whether they have an adult they trust, the share who said yes at least once in the period.
                    dataset: voice_feedback
                    where: {respondent: [child], trusted_adult: [Y, N]}
                    measure: {type: percentage, numerator: {trusted_adult: [Y]}, of: people}
                    periods: [financial-year]
                    breakdowns: [la, sex, age-band]
                    polarity: higher-is-better
                  - id: voice-feel-safe
                    title: Young people who feel safe
                    definition: Of young people who answered whether they feel safe, the share who said yes or most of the time at least once in the period.
                    dataset: voice_feedback
                    where: {respondent: [child], feel_safe: [yes, mostly, not_really, unsafe_now]}
                    measure: {type: percentage, numerator: {feel_safe: [yes, mostly]}, of: people}
                    periods: [financial-year]
                    breakdowns: [la, sex, age-band]
                    polarity: higher-is-better
                  - id: voice-listened-to
                    title: Young people and families who feel listened to
                    definition: Of young people, parents and carers who answered whether the people working with them listen, the share who said yes at least once in the period.
                    dataset: voice_feedback
                    where: {listened_to: [yes, sometimes, no]}
                    measure: {type: percentage, numerator: {listened_to: [yes]}, of: people}
                    periods: [financial-year]
                    breakdowns: [la]
                    polarity: higher-is-better
        """#
}

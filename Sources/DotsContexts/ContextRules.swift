import DotsCore

/// The checks a context and a link must pass, as problems naming the field, so pages and the CLI say the same.
public enum ContextRules {
    public static func problems(name: String, area: String?, reviewBy: CalendarDate?, today: CalendarDate) -> [InputProblem] {
        var out: [InputProblem] = []
        if name.trimmingSpaces.isEmpty { out.append(InputProblem("name", "Enter a name for the context, such as where it is or what the group is known as")) }
        if name.count > 120 { out.append(InputProblem("name", "Keep the name to 120 characters")) }
        if let area, !area.isEmpty, Area.level(ofCode: area) == nil { out.append(InputProblem("area", "Choose an area from the list")) }
        out += review(reviewBy, today: today)
        return out
    }

    public static func link(source: String, reliability: ContextLink.Reliability?, proportionality: String, reviewBy: CalendarDate?, today: CalendarDate)
        -> [InputProblem]
    {
        var out: [InputProblem] = []
        if source.trimmingSpaces.isEmpty { out.append(InputProblem("source", "Say where the information came from")) }
        if reliability == nil { out.append(InputProblem("reliability", "Say how reliable the information is")) }
        if proportionality.trimmingSpaces.count < 20 {
            out.append(
                InputProblem("proportionality", "Say why linking this young person to the context is necessary and proportionate (at least 20 characters)"))
        }
        out += review(reviewBy, today: today)
        return out
    }

    /// A safety plan action: what, which partnership agency leads it, and a due date from today to a year ahead.
    public static func planAction(action: String, lead: String, due: CalendarDate?, agencies: Set<String>, today: CalendarDate) -> [InputProblem] {
        var out: [InputProblem] = []
        let text = action.trimmingSpaces
        if text.count < 10 { out.append(InputProblem("action", "Say what will be done about the context (at least 10 characters)")) }
        if text.count > 500 { out.append(InputProblem("action", "Keep the action to 500 characters")) }
        if !agencies.contains(lead) { out.append(InputProblem("lead", "Choose the agency leading the action")) }
        if let due {
            if due < today { out.append(InputProblem("due", "The due date must be today or later")) }
            if due.dayNumber - today.dayNumber > SafetyPlanAction.longestAhead {
                out.append(InputProblem("due", "The due date must be within a year (by \(today.adding(days: SafetyPlanAction.longestAhead)))"))
            }
        } else {
            out.append(InputProblem("due", "Enter a due date, for example \(today.adding(days: 28))"))
        }
        return out
    }

    public static func review(_ reviewBy: CalendarDate?, today: CalendarDate) -> [InputProblem] {
        guard let reviewBy else { return [InputProblem("review_by", "Enter a review date, for example \(today.adding(days: 28))")] }
        if reviewBy <= today { return [InputProblem("review_by", "The review date must be after today")] }
        if reviewBy.dayNumber - today.dayNumber > ContextLink.longestReview {
            return [InputProblem("review_by", "The review date must be within three months (by \(today.adding(days: ContextLink.longestReview)))")]
        }
        return []
    }
}

import DotsCore

/// Checks every row of one CSV file against a dataset schema, reporting every problem rather than the first.
public struct TableValidator {
    public let schema: DatasetSchema
    public let context: ValidationContext
    let checkers: [FieldChecker]
    let rules: [CompiledRule]
    let keyField: Int
    let personField: Int?
    let eventField: Int?
    /// The column that ends a lasting event: one open during the period belongs to it, wherever it began.
    let eventEndField: Int?
    /// Coded fields whose codes were used only in some years, with those years.
    let datedFields: [(field: Int, years: [String: ClosedRange<Int>])]

    /// The result of checking one file.
    public struct Outcome: Sendable {
        public var file: IntakeReport.FileReport
        /// Person ids seen (people files only), so events in the same submission can be checked against them.
        public var personIDs: Set<String>
        /// The earliest and latest event dates seen, for a period derived from the data.
        public var firstEvent: CalendarDate?
        public var lastEvent: CalendarDate?
    }

    public init(schema: DatasetSchema, context: ValidationContext) {
        self.schema = schema
        self.context = context
        checkers = schema.fields.map(FieldChecker.init)
        rules = schema.rules.map { CompiledRule($0, schema: schema) }
        keyField = schema.index(of: schema.primaryKey)!
        personField = schema.personKey.flatMap(schema.index(of:))
        eventField = schema.eventDate.flatMap(schema.index(of:))
        eventEndField = schema.eventEnd.flatMap(schema.index(of:))
        datedFields = schema.fields.enumerated().compactMap { k, f in
            switch f.type {
            case .code(let set), .codes(let set): set.datedCodes.isEmpty ? nil : (k, set.datedCodes)
            default: nil
            }
        }
    }

    /// Validates `bytes` (the whole file), adding issues to `report`.
    public func validate(file: String, bytes: [UInt8], into report: inout IntakeReport) -> Outcome {
        report.files.append(.init(file: file, dataset: schema.dataset, bytes: bytes.count))
        var outcome = Outcome(file: report.files.last!, personIDs: [])
        func finish() -> Outcome { outcome.file = report.files.last!; return outcome }

        switch UTF8Check.check(bytes) {
        case .valid: break
        case .utf16:
            report.add(IntakeIssue(.encodingError, file: file, rule: "the file is saved as UTF-16"))
            return finish()
        case .invalid(let offset):
            report.add(
                IntakeIssue(
                    .encodingError, file: file, row: UTF8Check.line(of: offset, in: bytes),
                    rule: "byte \(offset + 1) is not UTF-8 (the file may be saved as Windows-1252 or ANSI)"))
            return finish()
        }
        var scanner = CSVScanner(bytes: bytes)
        guard scanner.next() == .record, !scanner.isBlankRecord else {
            report.add(IntakeIssue(.emptyFile, file: file, rule: "the file has no header row"))
            return finish()
        }
        let header = scanner.fields.map { scanner.string($0) }
        let map = HeaderMap(header: header, schema: schema, file: file, refuseClearIdentifiers: context.refuseClearIdentifiers)
        for issue in map.issues { report.add(issue) }
        if map.isFatal { return finish() }

        let isPeople = schema.dataset == .people
        var keys = Set<String>()
        keys.reserveCapacity(bytes.count / 64)
        var rows = 0
        var comparables = [Int64?](repeating: nil, count: schema.fields.count)
        var present = [Bool](repeating: false, count: schema.fields.count)
        let today = Int64(context.today.dayNumber)
        let now = context.now.seconds
        let fileReportIndex = report.files.count - 1
        var quality = QualityProfile(schema: schema, agencyKind: context.agencyKind)
        // Event rows that repeat an earlier one in all but the record id: hashes of their content, to the first row.
        var contents: [Int: Int] = [:]
        if personField != nil { quality.repeatedRows = 0 }
        let newAfter = context.newEventsAfter[schema.dataset].map { Int64($0.dayNumber) }
        var lags: [Int: Int] = [:]

        loop: while true {
            switch scanner.next() {
            case .end: break loop
            case .unclosedQuote:
                report.add(IntakeIssue(.unclosedQuote, file: file, row: scanner.recordCount + 1, rule: "a value opens a quotation mark that is never closed"))
                break loop
            case .record: break
            }
            let row = scanner.recordCount
            if scanner.isBlankRecord { continue }
            let fields = scanner.fields
            guard fields.count == map.headerCount else {
                report.add(
                    IntakeIssue(.rowWidth, file: file, row: row, rule: "the row has \(fields.count) values but the header has \(map.headerCount) columns"))
                continue
            }
            rows += 1
            if rows % 250_000 == 0 { context.progress?(rows) }
            scanner.bytes.withUnsafeBufferPointer { buf in
                for k in 0..<checkers.count {
                    comparables[k] = nil
                    guard let col = map.columnOfField[k] else { present[k] = false; continue }
                    let f = fields[col]
                    present[k] = !f.isEmpty
                    if !f.isEmpty { quality.fields[k].filled += 1 }
                    if f.isEmpty {
                        if checkers[k].field.required {
                            report.add(
                                IntakeIssue(.missingValue, file: file, row: row, column: checkers[k].field.name, rule: "\(checkers[k].field.title) is required")
                            )
                        }
                        continue
                    }
                    let result: CellCheck
                    if f.escapedQuotes {
                        let unescaped = Array(scanner.string(f).utf8)
                        result = unescaped.withUnsafeBufferPointer { checkers[k].check($0, 0, $0.count) }
                    } else {
                        result = checkers[k].check(buf, f.start, f.end)
                    }
                    switch result {
                    case .valid(let c): comparables[k] = c
                    case .invalid(let code, let rule):
                        present[k] = false
                        quality.fields[k].invalid += 1
                        report.add(issue(code, file: file, row: row, field: k, value: scanner.string(f), rule: rule))
                    }
                }
            }
            // Keys and person references.
            if let col = map.columnOfField[keyField], present[keyField] {
                let key = scanner.string(fields[col])
                if !keys.insert(key).inserted {
                    quality.duplicateRows += 1
                    report.add(
                        IntakeIssue(
                            .duplicateKey, file: file, row: row, column: schema.primaryKey, value: key,
                            rule: "\(schema.primaryKey) \(key) is already used by an earlier row"))
                }
                if isPeople { outcome.personIDs.insert(key) }
            }
            var consistent = true
            if let p = personField, let col = map.columnOfField[p], present[p], let known = context.knownPersons {
                let person = scanner.string(fields[col])
                if !known.contains(person) {
                    consistent = false
                    quality.fields[p].inconsistent += 1
                    report.add(
                        IntakeIssue(
                            .unknownPerson, file: file, row: row, column: "person_id", value: person,
                            rule: "person \(person) is not in the agency's people dataset"))
                }
            }
            // Rules across fields.
            for rule in rules {
                if let problem = rule.evaluate(
                    comparables, present, today: today, now: now, text: { k in map.columnOfField[k].map { scanner.string(fields[$0]) } })
                {
                    consistent = false
                    quality.fields[problem.field].inconsistent += 1
                    report.add(
                        issue(
                            problem.code, file: file, row: row, field: problem.field,
                            value: map.columnOfField[problem.field].map { scanner.string(fields[$0]) }, rule: problem.rule))
                }
            }
            if !consistent { quality.inconsistentRows += 1 }
            // The same event entered twice under two ids: a warning, counted against uniqueness.
            if personField != nil {
                var hasher = Hasher()
                scanner.bytes.withUnsafeBufferPointer { buf in
                    for (k, column) in map.columnOfField.enumerated() where k != keyField {
                        guard let column else { continue }
                        let f = fields[column]
                        hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buf[Int(f.start)..<Int(f.end)])))
                        hasher.combine(0xFF as UInt8)
                    }
                }
                let digest = hasher.finalize()
                if let first = contents[digest] {
                    quality.repeatedRows! += 1
                    report.add(
                        IntakeIssue(
                            .repeatedRow, severity: .warning, file: file, row: row, column: schema.primaryKey,
                            rule: "the row repeats row \(first) in everything but its \(schema.primaryKey)"))
                } else {
                    contents[digest] = row
                }
            }
            // A code used in other years than the event's: valid in form, not for its date (counted against validity).
            // The year is the event's end where it has one (assessment factors are identified at its end), else its start.
            if !datedFields.isEmpty, let e = eventEndField.flatMap({ comparables[$0] != nil ? $0 : nil }) ?? eventField, let c = comparables[e] {
                let day = schema.fields[e].type == .dateTime ? UKTime.localDate(of: Instant(seconds: c)) : CalendarDate(dayNumber: Int(c))
                let year = day.month >= 4 ? day.year + 1 : day.year
                for (k, years) in datedFields {
                    guard present[k], let column = map.columnOfField[k] else { continue }
                    let value = scanner.string(fields[column])
                    for code in value.split(separator: ";").map(String.init) {
                        guard let range = years[code], !range.contains(year) else { continue }
                        quality.fields[k].invalid += 1
                        report.add(
                            IntakeIssue(
                                .codeError, severity: .warning, file: file, row: row, column: schema.fields[k].name, value: code,
                                rule:
                                    "\(code) was not in use in \(year - 1)-\(Digits.pad(year % 100, 2)), the year of the \(schema.fields[e].title.lowercased()) (it was used \(range.upperBound >= 9999 ? "from \(range.lowerBound - 1)-\(Digits.pad(range.lowerBound % 100, 2))" : "until \(range.upperBound - 1)-\(Digits.pad(range.upperBound % 100, 2))"))"
                            ))
                        break
                    }
                }
            }
            // Placing the event in time.
            if let e = eventField, let c = comparables[e] {
                let day = schema.fields[e].type == .dateTime ? UKTime.localDate(of: Instant(seconds: c)) : CalendarDate(dayNumber: Int(c))
                if newAfter.map({ Int64(day.dayNumber) > $0 }) ?? true {
                    lags[max(0, Int(today) - day.dayNumber), default: 0] += 1
                }
                if outcome.firstEvent.map({ day < $0 }) ?? true { outcome.firstEvent = day }
                if outcome.lastEvent.map({ day > $0 }) ?? true { outcome.lastEvent = day }
                if let period = context.period, !period.contains(day) {
                    // Returns report every episode open during the year: one that began before it and had not
                    // ended by its start (or has not ended) is the period's too.
                    let end = eventEndField.flatMap { f in
                        comparables[f].map {
                            schema.fields[f].type == .dateTime ? UKTime.localDate(of: Instant(seconds: $0)) : CalendarDate(dayNumber: Int($0))
                        }
                    }
                    let openDuring = eventEndField != nil && day < period.start && (end.map { $0 >= period.start } ?? true)
                    if !openDuring {
                        report.add(
                            issue(
                                .outsidePeriod, file: file, row: row, field: e, value: map.columnOfField[e].map { scanner.string(fields[$0]) },
                                rule:
                                    "is outside the submission's period \(period) (\(period.start) to \(period.end))\(eventEndField == nil ? "" : day < period.start ? " and had ended before the period began" : "")"
                            ))
                    }
                }
            }
        }
        report.files[fileReportIndex].rows = rows
        quality.rows = rows
        if eventField != nil {
            quality.record(lags: lags)
            quality.firstEvent = outcome.firstEvent
            quality.lastEvent = outcome.lastEvent
        }
        report.files[fileReportIndex].quality = quality
        report.files[fileReportIndex].firstEvent = outcome.firstEvent
        report.files[fileReportIndex].lastEvent = outcome.lastEvent
        context.progress?(rows)
        return finish()
    }

    func issue(_ code: IssueCode, file: String, row: Int, field k: Int, value: String?, rule: String) -> IntakeIssue {
        let f = schema.fields[k]
        // Values of identifier columns are never echoed, so a report can be shared without identifiers in it.
        let shown: String? = if case .rawIdentifier = f.type { nil } else { value }
        return IntakeIssue(code, file: file, row: row, column: f.name, value: shown, rule: "\(f.title) \(rule)")
    }
}

/// A row rule with its field names resolved to indices.
struct CompiledRule {
    struct Problem {
        let code: IssueCode
        let field: Int
        let rule: String
    }

    let rule: RowRule
    let schema: DatasetSchema
    let a: Int
    let b: Int?

    init(_ rule: RowRule, schema: DatasetSchema) {
        self.rule = rule
        self.schema = schema
        switch rule {
        case .notBefore(let f, let r), .notGreaterThan(let f, let r):
            a = schema.index(of: f)!
            b = schema.index(of: r)!
        case .notInFuture(let f):
            a = schema.index(of: f)!
            b = nil
        case .requiredWhen(let f, let c, _):
            a = schema.index(of: f)!
            b = schema.index(of: c)!
        }
    }

    func evaluate(_ c: [Int64?], _ present: [Bool], today: Int64, now: Int64, text: (Int) -> String?) -> Problem? {
        switch rule {
        case .notBefore:
            guard let x = c[a], let y = c[b!], x < y else { return nil }
            let ref = schema.fields[b!]
            return Problem(code: .endBeforeStart, field: a, rule: "is before \(ref.title) (\(text(b!) ?? ""))")
        case .notGreaterThan:
            guard let x = c[a], let y = c[b!], x > y else { return nil }
            let ref = schema.fields[b!]
            return Problem(code: .inconsistentValues, field: a, rule: "is more than \(ref.title) (\(text(b!) ?? ""))")
        case .notInFuture:
            guard let x = c[a] else { return nil }
            let future: Bool
            switch schema.fields[a].type {
            case .date: future = x > today
            case .dateTime: future = x > now
            case .yearMonth: future = x > Int64(CalendarDate(dayNumber: Int(today)).yearMonth.index)
            default: future = false
            }
            return future ? Problem(code: .dateInFuture, field: a, rule: "is in the future") : nil
        case .requiredWhen(_, let cond, let values):
            guard !present[a], let v = text(b!), values.contains(v) else { return nil }
            return Problem(code: .missingValue, field: a, rule: "is required when \(cond) is \(v)")
        }
    }
}

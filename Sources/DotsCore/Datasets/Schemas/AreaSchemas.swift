/// Datasets about places rather than people: context for the framework's questions about where harm happens, never
/// a fact about a child. They name no person, so no person-level count reads them.
public enum AreaSchemas {
    public static let areaCrime = DatasetSchema(
        dataset: .areaCrime, version: 1, title: "Street-level crime by area",
        description:
            "Crimes the police published on data.police.uk, counted by month, LSOA and crime type (`dots prepare` reads the street-level CSVs; points and outcomes are not kept).",
        fields: [
            FieldSpec(
                "record_id", .identifier, required: true, title: "Record id", description: "The month, LSOA and crime type, joined by `/`.",
                example: "2025-04/E01014270/drugs"),
            FieldSpec("month_start", .date, required: true, title: "Month", description: "The month's first day.", example: "2025-04-01"),
            FieldSpec(
                "lsoa", .areaCode([.lsoa]), required: true, title: "LSOA", description: "ONS code of the lower layer super output area.", example: "E01014270"),
            FieldSpec(
                "local_authority", .areaCode([.district, .unitary]), title: "Local authority",
                description: "ONS code of the district or unitary authority, from the LSOA's name.", example: "E06000021"),
            FieldSpec(
                "crime_type", .code(CodeSet(PoliceCrimeType.self)), required: true, title: "Crime type", description: "data.police.uk's category.",
                example: "drugs"),
            FieldSpec("crimes", .integer(min: 1, max: 1_000_000), required: true, title: "Crimes", description: "How many.", example: "4"),
        ],
        primaryKey: "record_id", personKey: nil, eventDate: "month_start",
        rules: [.notInFuture(field: "month_start")])

    public static let areaStops = DatasetSchema(
        dataset: .areaStops, version: 1, title: "Stop and search by area",
        description:
            "Stops and searches the police published on data.police.uk, counted by month, district, age range and what was searched for (`dots prepare` places each search's point in its district; points, times, people's descriptions and outcomes other than arrest are not kept).",
        fields: [
            FieldSpec(
                "record_id", .identifier, required: true, title: "Record id", description: "The month, district, age range and object, joined by `/`.",
                example: "2025-04/E06000021/10-17/controlled-drugs"),
            FieldSpec("month_start", .date, required: true, title: "Month", description: "The month's first day.", example: "2025-04-01"),
            FieldSpec(
                "local_authority", .areaCode([.district, .unitary]), required: true, title: "District",
                description: "ONS code of the district or unitary authority the search's point lies in.", example: "E06000021"),
            FieldSpec(
                "age_range", .code(CodeSet(SearchAgeRange.self)), required: true, title: "Age range", description: "Of the person searched.",
                example: "10-17"),
            FieldSpec(
                "search_object", .code(CodeSet(SearchObject.self)), required: true, title: "Searched for", description: "The object of the search.",
                example: "controlled-drugs"),
            FieldSpec("searches", .integer(min: 1, max: 1_000_000), required: true, title: "Searches", description: "How many.", example: "3"),
            FieldSpec(
                "found", .integer(min: 0, max: 1_000_000), required: true, title: "Object found",
                description: "Of those, how many found what was searched for (the outcome was linked to the object).", example: "1"),
            FieldSpec(
                "arrests", .integer(min: 0, max: 1_000_000), required: true, title: "Arrests", description: "Of those, how many ended in arrest.",
                example: "0"),
        ],
        primaryKey: "record_id", personKey: nil, eventDate: "month_start",
        rules: [.notInFuture(field: "month_start")])
}

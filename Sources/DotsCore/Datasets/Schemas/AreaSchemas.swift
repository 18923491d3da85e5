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
}

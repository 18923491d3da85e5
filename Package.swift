// swift-tools-version:6.0
import PackageDescription

// Every target opts into the same stricter language features, as one list.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Dots",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dots", targets: ["dots"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/fluent-kit", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
    ],
    targets: [
        // Pure domain: types, code lists, schemas, rules. Foundation only, no I/O.
        .target(name: "DotsCore", swiftSettings: swiftSettings),
        // Reading and validating extracts and submissions against the schemas.
        .target(
            name: "DotsIntake",
            dependencies: ["DotsCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        // Places: area boundaries from GeoJSON (the reference partnership's ONS districts bundled) and which area a
        // point is in. Pure geometry; Foundation for JSON and the bundle.
        .target(
            name: "DotsGeography", dependencies: ["DotsCore"], exclude: ["Resources/README.md"],
            resources: [.copy("Resources/lad20-staffordshire-stoke.geojson")], swiftSettings: swiftSettings),
        // Agency side: turns a raw extract into a submission with no clear identifiers. It alone reads workbooks
        // (ZIPFoundation): the hub never unpacks an archive.
        .target(
            name: "DotsPrepare",
            dependencies: [
                "DotsCore", "DotsIntake", "DotsGeography", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings),
        // The synthetic partnership generator.
        .target(name: "DotsSynth", dependencies: ["DotsCore", "DotsIntake", "DotsGeography"], swiftSettings: swiftSettings),
        // Linking young people across agencies on pseudonymised data: pure, in memory.
        .target(name: "DotsLink", dependencies: ["DotsCore"], swiftSettings: swiftSettings),
        // A young person's journey across agencies: one timeline, critical moments and the responses to them. Pure.
        .target(name: "DotsJourney", dependencies: ["DotsCore"], swiftSettings: swiftSettings),
        // Contexts of extra-familial harm as records (peer groups, places, schools, online spaces) and the young people
        // linked to them, with source, reliability and a review date. Pure.
        .target(name: "DotsContexts", dependencies: ["DotsCore"], swiftSettings: swiftSettings),
        // Statistical disclosure control on counts, pure: a small linear programming solver, the interval audit and
        // linked cell suppression. Optimised even in debug builds: it runs inside every framework recomputation,
        // and the tests and the demo run debug builds.
        .target(name: "DotsSDC", swiftSettings: swiftSettings + [.unsafeFlags(["-O"])]),
        // The question-led performance framework: the framework file format, its engine and disclosure control.
        .target(
            name: "DotsFramework", dependencies: ["DotsCore", "DotsSDC", .product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),
        // The partnership's own method: data-maturity self-assessment, the data map and its coverage of the
        // framework's questions, action plans and their suggestions, data leads meetings, exports. Pure rules.
        .target(name: "DotsGovernance", dependencies: ["DotsCore", "DotsFramework", .product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),
        // The voice of children, young people and families: feedback forms and one-time codes, practitioners'
        // records, the codebook and coding, agreement between coders, the identifier scan, quotes and
        // "you said, we did". Pure rules.
        .target(name: "DotsVoice", dependencies: ["DotsCore", "DotsGovernance"], swiftSettings: swiftSettings),
        // The hub store: SQLite by default, PostgreSQL when configured.
        .target(
            name: "DotsStore",
            dependencies: [
                "DotsCore",
                "DotsFramework",
                "DotsGovernance",
                "DotsVoice",
                "DotsContexts",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        // Use cases shared by the CLI and (later) the web app: ingest, demo.
        .target(
            name: "DotsApp",
            dependencies: [
                "DotsCore", "DotsIntake", "DotsPrepare", "DotsSynth", "DotsStore", "DotsLink", "DotsFramework", "DotsGovernance", "DotsVoice",
                "DotsJourney", "DotsContexts", "DotsGeography", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        // bcrypt as the use cases' `PasswordHasher` (Vapor ships the maintained implementation).
        .target(name: "DotsBcrypt", dependencies: ["DotsApp", .product(name: "Vapor", package: "vapor")], swiftSettings: swiftSettings),
        // The web app and JSON API (Vapor): pages, sign-in, sessions, CSRF, charts. A thin adapter: it decodes
        // requests, calls DotsApp's use cases (which own every rule, scope check and audit record) and renders.
        .target(
            name: "DotsWeb",
            dependencies: [
                "DotsCore", "DotsIntake", "DotsFramework", "DotsGovernance", "DotsVoice", "DotsJourney", "DotsContexts", "DotsGeography", "DotsApp",
                .product(name: "Vapor", package: "vapor"),
            ],
            swiftSettings: swiftSettings),
        // The `dots` command line: wiring only.
        .executableTarget(
            name: "dots",
            dependencies: [
                "DotsCore", "DotsIntake", "DotsPrepare", "DotsSynth", "DotsLink", "DotsFramework", "DotsSDC", "DotsGovernance", "DotsVoice", "DotsStore",
                "DotsApp", "DotsWeb", "DotsBcrypt", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings),
        // Shared by the test targets: both store engines, fixtures. Never shipped.
        .target(name: "DotsTestSupport", dependencies: ["DotsStore", "DotsCore", "DotsFramework"], swiftSettings: swiftSettings),
        .testTarget(name: "DotsCoreTests", dependencies: ["DotsCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DotsGeographyTests", dependencies: ["DotsGeography", "DotsCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        .testTarget(name: "DotsIntakeTests", dependencies: ["DotsIntake", "DotsCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DotsPrepareTests",
            dependencies: [
                "DotsPrepare", "DotsIntake", "DotsCore", "DotsGeography", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "DotsFrameworkTests", dependencies: ["DotsFramework", "DotsSDC", "DotsStore", "DotsTestSupport", "DotsApp", "DotsCore"],
            swiftSettings: swiftSettings),
        .testTarget(name: "DotsVoiceTests", dependencies: ["DotsVoice", "DotsGovernance", "DotsCore"], swiftSettings: swiftSettings),
        .testTarget(name: "DotsLinkTests", dependencies: ["DotsLink", "DotsCore"], swiftSettings: swiftSettings),
        .testTarget(name: "DotsJourneyTests", dependencies: ["DotsJourney", "DotsCore"], swiftSettings: swiftSettings),
        .testTarget(name: "DotsContextsTests", dependencies: ["DotsContexts", "DotsCore"], swiftSettings: swiftSettings),
        .testTarget(name: "DotsGovernanceTests", dependencies: ["DotsGovernance", "DotsFramework", "DotsCore"], swiftSettings: swiftSettings),
        .testTarget(name: "DotsSynthTests", dependencies: ["DotsSynth", "DotsIntake", "DotsCore", "DotsGeography"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DotsStoreTests", dependencies: ["DotsStore", "DotsTestSupport", "DotsGovernance", "DotsCore", "DotsFramework"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DotsAppTests",
            dependencies: [
                "DotsApp", "DotsLink", "DotsGovernance", "DotsTestSupport", "DotsCore", "DotsIntake", "DotsStore", "DotsSynth", "DotsFramework", "DotsVoice",
                "DotsPrepare", "DotsJourney", "DotsContexts", "DotsGeography",
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "DotsWebTests",
            dependencies: [
                "DotsWeb", "DotsApp", "DotsBcrypt", "DotsGovernance", "DotsTestSupport", "DotsCore", "DotsFramework", "DotsIntake", "DotsStore",
                "DotsSynth", "DotsVoice", .product(name: "VaporTesting", package: "vapor"),
            ],
            swiftSettings: swiftSettings),
    ]
)

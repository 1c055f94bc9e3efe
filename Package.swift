// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "quotes",
    products: [
        .executable(name: "quotes", targets: ["quotes"]),
        .library(name: "QuoteCore", targets: ["QuoteCore"]),
        .library(name: "QuoteSchema", targets: ["QuoteSchema"]),
        .library(name: "QuoteHTML", targets: ["QuoteHTML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // ICU behind a C header with no ICU types: Foundation carries its own ICU and the two
        // module maps clash (see docs/architecture.md).
        .target(
            name: "CQuoteICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]
        ),
        // libxml2 (found by pkg-config) for the C target below only. CQuoteHTML wraps its HTML
        // parser behind a header with no libxml2 types: FoundationXML carries its own libxml2
        // and the module maps would clash in Swift (see docs/html.md).
        .systemLibrary(
            name: "CQuoteLibXML2",
            path: "Sources/CQuoteHTML/libxml2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "CQuoteHTML",
            dependencies: ["CQuoteLibXML2"],
            exclude: ["libxml2"]
        ),
        // Saved web pages in: article text, headline and metadata out.
        .target(name: "QuoteHTML", dependencies: ["CQuoteHTML", "QuoteCore", "QuoteSchema"]),
        // The JSON output contract, versioned, with no dependency on the engine.
        .target(name: "QuoteSchema"),
        // SQLite's process-wide options (`sqlite3_config` is variadic: C only), for the store.
        .target(name: "CQuoteSQLite", linkerSettings: [.linkedLibrary("sqlite3")]),
        // The quote store: SQLite through GRDB, speakers merged across articles.
        .target(
            name: "QuoteStore",
            dependencies: ["CQuoteSQLite", "QuoteCore", "QuoteSchema", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Scoring against annotated gold documents; depends on the schema only.
        .target(name: "QuoteEvaluation", dependencies: ["QuoteSchema"]),
        // Scan kernels for the text's hot loops (SSE2 where there is SSE2, plain C elsewhere).
        .target(name: "CQuoteScan"),
        // The build ids of the code loaded in the process (the loader's list of objects: C only).
        .target(name: "CQuoteBuild"),
        .target(
            name: "QuoteCore",
            dependencies: ["CQuoteBuild", "CQuoteICU", "CQuoteScan", "QuoteSchema"],
            resources: [.copy("Lexicon/Data")]
        ),
        .executableTarget(
            name: "quotes",
            dependencies: [
                "QuoteCore", "QuoteSchema", "QuoteEvaluation", "QuoteHTML", "QuoteStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "QuoteCoreTests",
            dependencies: ["QuoteCore", "QuoteSchema"]
        ),
        .testTarget(
            name: "QuoteHTMLTests",
            dependencies: ["QuoteHTML", "QuoteCore", "QuoteSchema"]
        ),
        .testTarget(
            name: "QuoteStoreTests",
            dependencies: ["QuoteStore", "QuoteCore", "QuoteSchema", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "QuoteEvaluationTests",
            dependencies: ["QuoteEvaluation", "QuoteSchema"]
        ),
    ],
    swiftLanguageModes: [.v5]
)

// swift-tools-version:6.0
// Fuzz targets, kept in their own package: libFuzzer supplies `main`, so these executables only
// link with `-sanitize=fuzzer` (see docs/reliability.md and Fuzz/run.sh).
import PackageDescription

let package = Package(
    name: "QuoteFuzz",
    dependencies: [.package(name: "quotes", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "FuzzExtractor",
            dependencies: ["FuzzDriver", .product(name: "QuoteCore", package: "quotes")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "FuzzHTML",
            dependencies: [
                "FuzzDriver",
                .product(name: "QuoteCore", package: "quotes"),
                .product(name: "QuoteHTML", package: "quotes"),
            ],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "FuzzJSONL",
            dependencies: ["FuzzDriver", .product(name: "QuoteCore", package: "quotes")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v5]
)

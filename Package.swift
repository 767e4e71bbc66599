// swift-tools-version:6.0
import PackageDescription

/// Docket: a meeting-case system for the secretariats and archives of municipal bodies.
///
/// Layers (an arrow is "may import"):
/// docket (CLI) → DocketStore → DocketModel, SQLite → CSQLite
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Docket",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "docket", targets: ["docket"]),
        .library(name: "DocketStore", targets: ["DocketStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    ],
    targets: [
        // MARK: SQLite
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "SQLite",
            dependencies: ["CSQLite"],
            swiftSettings: strictSettings
        ),

        // MARK: Domain
        .target(
            name: "DocketModel",
            swiftSettings: strictSettings
        ),
        .target(
            name: "DocketStore",
            dependencies: ["SQLite", "DocketModel"],
            swiftSettings: strictSettings,
            plugins: ["EmbedMigrations"]
        ),

        // MARK: Interchange
        .target(
            name: "DocketInterchange",
            dependencies: [
                "DocketStore",
                "DocketModel",
                "SQLite",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "InterchangeBenchmark",
            dependencies: ["DocketInterchange", "DocketStore", "SQLite", "CSQLite"],
            path: "Benchmarks/InterchangeBenchmark"
        ),

        // MARK: CLI
        .executableTarget(
            name: "docket",
            dependencies: [
                "DocketStore",
                "DocketModel",
                "DocketInterchange",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Build tools
        .executableTarget(name: "EmbedFilesTool"),
        .plugin(
            name: "EmbedMigrations",
            capability: .buildTool(),
            dependencies: ["EmbedFilesTool"]
        ),

        // MARK: Tests
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
        .testTarget(name: "DocketModelTests", dependencies: ["DocketModel"]),
        .testTarget(name: "DocketStoreTests", dependencies: ["DocketStore", "SQLite"]),
        .testTarget(name: "DocketCLITests", dependencies: ["docket", "DocketStore"]),
        .testTarget(name: "DocketInterchangeTests", dependencies: ["DocketInterchange", "DocketStore", "SQLite"]),
    ],
    swiftLanguageModes: [.v6]
)

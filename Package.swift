// swift-tools-version:6.0
import PackageDescription

/// Docket: a meeting-case system for the secretariats and archives of municipal bodies.
///
/// Layers (an arrow is "may import"):
/// docket (CLI), DocketServer (web) → DocketStore → DocketModel, SQLite → CSQLite
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Docket",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "docket", targets: ["docket"]),
        .library(name: "DocketStore", targets: ["DocketStore"]),
        .library(name: "DocketDocuments", targets: ["DocketDocuments"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
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
        .target(
            name: "CNorwegianTokenizer",
            dependencies: ["CSQLite"],
            exclude: ["README.md"],
            linkerSettings: [.linkedLibrary("stemmer"), .linkedLibrary("sqlite3")]
        ),

        // Docket's derived search index: Xapian (Debian's libxapian-dev) behind a C API, fed with
        // norwegian_v1's tokens (see Sources/CXapianShim/include/CXapianShim.h).
        .target(
            name: "CXapianShim",
            dependencies: ["CSQLite", "CNorwegianTokenizer"],
            linkerSettings: [.linkedLibrary("xapian")]
        ),

        // HTTP for `docket publish einnsyn`: libcurl loaded with dlopen at the first request, so that
        // no other command loads it (URLSession's FoundationNetworking linked it into every start).
        .target(
            name: "CHTTPClient",
            linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]
        ),

        // MARK: Domain
        .target(
            name: "DocketModel",
            swiftSettings: strictSettings
        ),
        .target(
            name: "DocketStore",
            dependencies: ["SQLite", "DocketModel", "CNorwegianTokenizer", "CSQLite", "CXapianShim"],
            swiftSettings: strictSettings,
            plugins: ["EmbedMigrations"]
        ),

        // MARK: Documents
        // cmark-gfm: case texts, proposals and decisions are Markdown (lists, tables, emphasis, links).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "DocketDocuments",
            dependencies: [
                "DocketStore",
                "DocketModel",
                "CCmarkGFM",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Templates"],
            swiftSettings: strictSettings,
            plugins: ["EmbedTemplates"]
        ),
        .executableTarget(
            name: "DocumentsBenchmark",
            dependencies: ["DocketDocuments", "DocketModel"],
            path: "Benchmarks/DocumentsBenchmark",
            swiftSettings: strictSettings
        ),

        // MARK: Reading old documents
        // zlib, for the reader's own ZIP reading (raw deflate, bounded output).
        .systemLibrary(
            name: "CInflate",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "DocketReader",
            dependencies: [
                "DocketModel",
                "CInflate",
            ],
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),

        // MARK: Interchange
        .target(
            name: "DocketInterchange",
            dependencies: [
                "DocketStore",
                "DocketModel",
                "DocketReader",
                "DocketDocuments",
                "SQLite",
                "CHTTPClient",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Noark5/Schemas"],
            swiftSettings: strictSettings,
            plugins: ["EmbedSchemas"]
        ),
        .executableTarget(
            name: "InterchangeBenchmark",
            dependencies: ["BenchmarkSupport", "DocketInterchange", "DocketStore", "SQLite", "CSQLite"],
            path: "Benchmarks/InterchangeBenchmark"
        ),

        // MARK: Web: public pages, OParl, the secretary's area (`docket serve`)
        .target(
            name: "DocketServer",
            dependencies: [
                "DocketStore",
                "DocketDocuments",
                "DocketModel",
                "DocketInterchange",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            exclude: ["Templates"],
            swiftSettings: strictSettings,
            plugins: ["EmbedTemplates"]
        ),
        .executableTarget(
            name: "ServeBenchmark",
            dependencies: ["BenchmarkSupport", "DocketServer", "DocketStore", "DocketModel"],
            path: "Benchmarks/ServeBenchmark"
        ),

        // MARK: CLI
        .executableTarget(
            name: "docket",
            dependencies: [
                "DocketStore",
                "DocketDocuments",
                "DocketModel",
                "DocketInterchange",
                "DocketServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings + [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
            // Swift's runtime and Foundation linked in (release builds, Linux): a `docket search` spent
            // most of its start binding symbols across 55 shared libraries (issue 17). Debug builds,
            // which the test bundles link against, stay dynamic. Linked by the toolchain's lld with
            // packed relative relocations (121,000 of them: 2.9 MB of RELA read and applied at every
            // start, 23 KB as RELR) and without -static-stdlib's --export-dynamic (32,000 symbols in
            // the dynamic table, which the runtime's dladdr at start-up scans one by one).
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                                           "-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux], configuration: .release))]
        ),

        // MARK: Benchmarks (swift run -c release NAME)
        .target(name: "BenchmarkSupport", dependencies: ["CSQLite", "CNorwegianTokenizer"], path: "Benchmarks/BenchmarkSupport"),
        .executableTarget(
            name: "SearchBenchmark",
            dependencies: ["BenchmarkSupport", "DocketStore", "DocketModel", "CSQLite"],
            path: "Benchmarks/SearchBenchmark"
        ),
        .executableTarget(
            name: "BatchImportBenchmark",
            dependencies: ["BenchmarkSupport", "DocketInterchange", "DocketStore"],
            path: "Benchmarks/BatchImportBenchmark"
        ),
        .executableTarget(
            name: "ImportBenchmark",
            dependencies: ["BenchmarkSupport", "DocketInterchange", "DocketDocuments", "DocketStore", "DocketModel", "SQLite", "CSQLite"],
            path: "Benchmarks/ImportBenchmark"
        ),

        // MARK: Tools (not tests): scripts/reader-fuzz.sh builds this with AddressSanitizer and runs it.
        .executableTarget(
            name: "ReaderFuzz",
            dependencies: ["DocketReader", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tools/ReaderFuzz"
        ),

        // MARK: Build tools
        .executableTarget(name: "EmbedFilesTool"),
        .plugin(
            name: "EmbedMigrations",
            capability: .buildTool(),
            dependencies: ["EmbedFilesTool"]
        ),
        .plugin(
            name: "EmbedSchemas",
            capability: .buildTool(),
            dependencies: ["EmbedFilesTool"]
        ),
        .plugin(
            name: "EmbedTemplates",
            capability: .buildTool(),
            dependencies: ["EmbedFilesTool"]
        ),

        // MARK: Tests
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
        .testTarget(name: "DocketModelTests", dependencies: ["DocketModel"]),
        .testTarget(name: "DocketStoreTests", dependencies: ["DocketStore", "SQLite"]),
        .testTarget(
            name: "DocketCLITests",
            dependencies: ["docket", "DocketStore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "NorwegianTokenizerTests", dependencies: ["CNorwegianTokenizer", "CSQLite"]),
        .testTarget(
            name: "DocketDocumentsTests",
            dependencies: [
                "DocketDocuments",
                "DocketModel",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "DocketReaderTests",
            dependencies: ["DocketReader", "DocketModel", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "DocketInterchangeTests", dependencies: ["DocketInterchange", "DocketStore", "SQLite"]),
        .testTarget(
            name: "DocketServerTests",
            dependencies: ["DocketServer", "DocketStore", "DocketModel", "docket",
                           .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Scripts"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

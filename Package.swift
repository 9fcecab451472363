// swift-tools-version:5.9
import PackageDescription

// Two dependencies, chosen for what they save: argument parsing with generated help, and
// a YAML parser that reports line and column. Everything else (Mustache templates, JSON
// writing, logging, file watching) is small enough to own; templates render through
// PlanSite's own engine (Sources/PlanSite/Rendering/Template*.swift). The tests add a third,
// a property-based testing library that generates and shrinks the fuzz inputs.
let package = Package(
    name: "PlanSite",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "plansite", targets: ["plansite"]),
        .library(name: "PlanSite", targets: ["PlanSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Tests only: random and mutated plan files for the fuzz tests.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CMarkGFM",
            path: "Sources/CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "PlanSite",
            dependencies: [
                "CMarkGFM",
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Sources/PlanSite",
            // Run-time exclusivity checks were a twentieth of a release build's instructions
            // (every `var` a closure captures). Debug builds, which the tests run, keep them.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "plansite",
            dependencies: [
                "PlanSite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/CLI",
            // jemalloc instead of glibc's malloc for the whole process, Swift's runtime included: a
            // national site's build spent a sixth of its time in glibc's malloc and free, whose
            // bins grow long over a heap of millions of strings (docs/performance-history.md, session 21).
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "PlanSiteTests",
            dependencies: [
                "PlanSite",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            path: "Tests/PlanSiteTests",
            exclude: ["Fixtures"]
        ),
    ]
)

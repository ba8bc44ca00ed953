// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "HeadlessHTMX",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "HeadlessHTMX", targets: ["HeadlessHTMX"]),
        .executable(name: "htmx-headless", targets: ["htmx-headless"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "HTMLModel", dependencies: ["CLibXML2"]),
        .target(name: "CByteScan"),
        .target(name: "CAllocator"),
        .target(name: "EventStream", dependencies: ["CByteScan"]),
        .target(name: "HTMXSemantics", dependencies: ["HTMLModel", "EventStream"]),
        .target(name: "HTMXReplay", dependencies: ["HTMXSemantics", "HTMLModel", "EventStream", "CByteScan"]),
        .target(name: "HeadlessHTMX", dependencies: ["HTMXReplay", "HTMXSemantics", "HTMLModel", "EventStream"]),
        .executableTarget(
            name: "htmx-headless",
            dependencies: [
                "HeadlessHTMX",
                "CAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "HTMLModelTests", dependencies: ["HTMLModel"], exclude: ["Data"]),
        .testTarget(name: "EventStreamTests", dependencies: ["EventStream"]),
        .testTarget(name: "HTMXSemanticsTests", dependencies: ["HTMXSemantics"]),
        .testTarget(name: "HTMXReplayTests", dependencies: ["HTMXReplay"]),
        .testTarget(
            name: "ConformanceTests",
            dependencies: ["HeadlessHTMX"],
            resources: []
        ),
        .testTarget(name: "CLITests", dependencies: ["htmx-headless"]),
    ],
    swiftLanguageModes: [.v6]
)

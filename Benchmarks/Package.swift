// swift-tools-version:6.0
// On-demand benchmarks (never part of `swift test`): see README.md in this folder.
import PackageDescription

let package = Package(
    name: "HeadlessHTMXBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "HeadlessHTMX", path: "..")],
    targets: [
        .systemLibrary(name: "CLibXML2Bench", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "BenchSupport", dependencies: [.product(name: "HeadlessHTMX", package: "HeadlessHTMX")]),
        .executableTarget(name: "parse-bench", dependencies: [
            "BenchSupport", "CLibXML2Bench", .product(name: "HeadlessHTMX", package: "HeadlessHTMX"),
        ]),
        .executableTarget(name: "sse-bench", dependencies: [.product(name: "HeadlessHTMX", package: "HeadlessHTMX")]),
        .executableTarget(name: "swap-bench", dependencies: [
            "BenchSupport", .product(name: "HeadlessHTMX", package: "HeadlessHTMX"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)

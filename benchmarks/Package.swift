// swift-tools-version: 6.1
import PackageDescription

// Stage and end-to-end benchmarks for Tandem (ordo-one/benchmark), kept out of the main
// package's dependency graph. Run from this folder: `swift package benchmark`.
// The MallocInterposer trait gives malloc counts without jemalloc; the default
// RuntimeInterposer trait needs a package that is not mirrored here, so it stays off.
let package = Package(
    name: "TandemBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Tandem", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Stages",
            dependencies: [
                .product(name: "TandemCore", package: "Tandem"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Stages",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)

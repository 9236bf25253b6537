// swift-tools-version: 6.1
import PackageDescription

// Tandem: a Vietnamese/English extraction pipeline.
//
// Layering (see ../shared/DESIGN.md and README.md):
// - CICU / CLibXML2 are header-less system-library targets that only carry pkg-config
//   flags. No Swift target may depend on them: the system ICU headers clash with the
//   toolchain's private ICU that Foundation loads.
// - CTandemShim is the only code that includes ICU and libxml2 headers; its public header
//   uses <stdint.h> types and opaque pointers only.
// - TandemCore is the library (all logic); `tandem` is a thin command-line front end.
let package = Package(
    name: "Tandem",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "TandemCore", targets: ["TandemCore"]),
        .executable(name: "tandem", targets: ["tandem"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "CTandemShim",
            dependencies: ["CICU", "CLibXML2"]
        ),
        .target(
            name: "TandemCore",
            dependencies: ["CTandemShim"]
        ),
        .executableTarget(
            name: "tandem",
            dependencies: [
                "TandemCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TandemCoreTests",
            dependencies: ["TandemCore"]
        ),
        .testTarget(
            name: "TandemCLITests",
            dependencies: ["tandem"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

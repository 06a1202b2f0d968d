// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "gyosei",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "gyosei", targets: ["gyosei"]),
    .library(name: "JapaneseWidth", targets: ["JapaneseWidth"]),
    .library(name: "ListMarkers", targets: ["ListMarkers"]),
    .library(name: "EraDates", targets: ["EraDates"]),
    .library(name: "Quantities", targets: ["Quantities"]),
    .library(name: "GyoseiModel", targets: ["GyoseiModel"]),
    .library(name: "SourceReaders", targets: ["SourceReaders"]),
    .library(name: "Emitters", targets: ["Emitters"]),
    .library(name: "Validation", targets: ["Validation"]),
    .library(name: "SheetMapping", targets: ["SheetMapping"]),
    .library(name: "ComparisonStore", targets: ["ComparisonStore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    .target(name: "JapaneseWidth"),
    .target(name: "ListMarkers", dependencies: ["JapaneseWidth"]),
    .target(name: "EraDates", dependencies: ["JapaneseWidth"]),
    .target(name: "Quantities", dependencies: ["JapaneseWidth"]),
    .target(
      name: "GyoseiModel",
      resources: [
        .embedInCode("Resources/gyosei-1.0.xsd"),
        .embedInCode("Resources/gyosei-1.0.schema.json"),
      ]
    ),
    .target(
      name: "SourceReaders",
      dependencies: ["CLibXML2"],
      resources: [
        .embedInCode("Resources/cp932.bin"),
        .embedInCode("Resources/eucjp.bin"),
      ]
    ),
    .target(name: "Emitters", dependencies: ["GyoseiModel"]),
    .target(name: "Validation", dependencies: ["GyoseiModel", "CLibXML2"]),
    .target(
      name: "SheetMapping",
      dependencies: [
        "SourceReaders", "GyoseiModel", "JapaneseWidth", "ListMarkers", "EraDates", "Quantities",
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .target(
      name: "ComparisonStore",
      dependencies: ["GyoseiModel", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .executableTarget(
      name: "gyosei",
      dependencies: [
        "GyoseiModel", "Emitters", "Validation", "JapaneseWidth", "ListMarkers", "EraDates",
        "Quantities", "SourceReaders", "SheetMapping", "ComparisonStore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "JapaneseWidthTests", dependencies: ["JapaneseWidth"]),
    .testTarget(name: "ListMarkersTests", dependencies: ["ListMarkers"]),
    .testTarget(name: "EraDatesTests", dependencies: ["EraDates"]),
    .testTarget(name: "QuantitiesTests", dependencies: ["Quantities"]),
    .testTarget(name: "GyoseiModelTests", dependencies: ["GyoseiModel"]),
    .testTarget(name: "SourceReadersTests", dependencies: ["SourceReaders", "TestSupport"]),
    .testTarget(name: "EmittersTests", dependencies: ["Emitters", "GyoseiModel", "TestSupport"]),
    .testTarget(
      name: "ValidationTests", dependencies: ["Validation", "GyoseiModel", "TestSupport"]),
    .testTarget(
      name: "SheetMappingTests",
      dependencies: ["SheetMapping", "SourceReaders", "GyoseiModel", "TestSupport"]),
    .testTarget(
      name: "ComparisonStoreTests",
      dependencies: [
        "ComparisonStore", "GyoseiModel", "Emitters", "TestSupport",
        .product(name: "Yams", package: "Yams"), .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    .testTarget(
      name: "CorpusTests",
      dependencies: [
        "SheetMapping", "SourceReaders", "GyoseiModel", "Emitters", "Validation", "TestSupport",
      ]),
    .testTarget(
      name: "GyoseiCLITests", dependencies: ["gyosei", "GyoseiModel", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)

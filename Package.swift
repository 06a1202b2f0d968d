// swift-tools-version:6.0
// gyosei is licensed under the Apache License, Version 2.0 (LICENSE): the executable and every
// library product below. Its dependencies keep their own licenses: swift-argument-parser
// (Apache-2.0), Yams, GRDB and ZIPFoundation (MIT), libxml2 (MIT) and SQLite (public domain).
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
    .library(name: "LibXML2", targets: ["LibXML2"]),
    .library(name: "SourceReaders", targets: ["SourceReaders"]),
    .library(name: "Emitters", targets: ["Emitters"]),
    .library(name: "Validation", targets: ["Validation"]),
    .library(name: "SheetMapping", targets: ["SheetMapping"]),
    .library(name: "ComparisonStore", targets: ["ComparisonStore"]),
    .library(name: "ComparisonReports", targets: ["ComparisonReports"]),
    .library(name: "GyoseiPipeline", targets: ["GyoseiPipeline"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    .target(name: "LibXML2", dependencies: ["CLibXML2"]),
    .target(name: "TextEscaping"),
    .target(name: "JapaneseWidth"),
    .target(name: "ListMarkers", dependencies: ["JapaneseWidth"]),
    .target(name: "EraDates", dependencies: ["JapaneseWidth"]),
    .target(name: "Quantities", dependencies: ["JapaneseWidth"]),
    .target(
      name: "GyoseiModel",
      resources: [
        .embedInCode("Resources/gyosei-1.0.xsd"),
        .embedInCode("Resources/gyosei-1.0.schema.json"),
        .embedInCode("Resources/gyosei-1.1.xsd"),
        .embedInCode("Resources/gyosei-1.1.schema.json"),
        .embedInCode("Resources/gyosei-1.2.xsd"),
        .embedInCode("Resources/gyosei-1.2.schema.json"),
      ]
    ),
    .target(
      name: "SourceReaders",
      dependencies: ["LibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      resources: [
        .embedInCode("Resources/cp932.bin"),
        .embedInCode("Resources/eucjp.bin"),
      ]
    ),
    .target(name: "Emitters", dependencies: ["GyoseiModel", "LibXML2", "TextEscaping"]),
    .target(
      name: "Validation", dependencies: ["GyoseiModel", "Emitters", "LibXML2", "TextEscaping"]),
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
    .target(
      name: "ComparisonReports",
      dependencies: [
        "ComparisonStore", "TextEscaping",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .target(
      name: "GyoseiPipeline",
      dependencies: [
        "GyoseiModel", "SourceReaders", "SheetMapping", "Emitters", "Validation",
        "ComparisonStore", "EraDates", "JapaneseWidth", "Quantities",
        .product(name: "Yams", package: "Yams"),
      ],
      plugins: ["EmbedMappings"]
    ),
    .executableTarget(
      name: "gyosei",
      dependencies: [
        "GyoseiModel", "Emitters", "Validation", "JapaneseWidth", "ListMarkers", "EraDates",
        "Quantities", "SourceReaders", "SheetMapping", "ComparisonStore", "ComparisonReports",
        "GyoseiPipeline",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    // Mappings/ built into the binary: a plugin writes the files' texts into a Swift file of
    // GyoseiPipeline, generated in the build directory.
    .plugin(name: "EmbedMappings", capability: .buildTool(), path: "Plugins/EmbedMappings"),
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .target(
      name: "StoreTestSupport",
      dependencies: [
        "ComparisonStore", "Emitters", "GyoseiModel", "TestSupport",
        .product(name: "Yams", package: "Yams"),
      ],
      path: "Tests/StoreTestSupport"),
    .testTarget(name: "LibXML2Tests", dependencies: ["LibXML2"]),
    .testTarget(name: "TextEscapingTests", dependencies: ["TextEscaping"]),
    .testTarget(name: "JapaneseWidthTests", dependencies: ["JapaneseWidth"]),
    .testTarget(name: "ListMarkersTests", dependencies: ["ListMarkers"]),
    .testTarget(name: "EraDatesTests", dependencies: ["EraDates"]),
    .testTarget(name: "QuantitiesTests", dependencies: ["Quantities"]),
    .testTarget(name: "GyoseiModelTests", dependencies: ["GyoseiModel", "TestSupport"]),
    .testTarget(
      name: "SourceReadersTests",
      dependencies: [
        "SourceReaders", "LibXML2", "TestSupport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .testTarget(name: "EmittersTests", dependencies: ["Emitters", "GyoseiModel", "TestSupport"]),
    .testTarget(
      name: "ValidationTests",
      dependencies: ["Validation", "GyoseiModel", "LibXML2", "TestSupport"]),
    .testTarget(
      name: "SheetMappingTests",
      dependencies: [
        "SheetMapping", "SourceReaders", "GyoseiModel", "EraDates", "ListMarkers", "Quantities",
        "TestSupport",
      ]),
    .testTarget(
      name: "ComparisonStoreTests",
      dependencies: [
        "ComparisonStore", "GyoseiModel", "Emitters", "StoreTestSupport", "TestSupport",
        .product(name: "Yams", package: "Yams"), .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    .testTarget(
      name: "ComparisonReportsTests",
      dependencies: [
        "ComparisonReports", "ComparisonStore", "LibXML2", "SourceReaders", "StoreTestSupport",
        "TestSupport",
      ]),
    .testTarget(
      name: "CorpusTests",
      dependencies: [
        "SheetMapping", "SourceReaders", "GyoseiModel", "Emitters", "Validation", "TestSupport",
      ]),
    .testTarget(
      name: "GyoseiPipelineTests",
      dependencies: [
        "GyoseiPipeline", "Emitters", "GyoseiModel", "Validation", "TestSupport",
      ]),
    .testTarget(
      name: "GyoseiCLITests", dependencies: ["gyosei", "GyoseiModel", "TestSupport"],
      exclude: ["Regressions"]),
  ],
  swiftLanguageModes: [.v6]
)

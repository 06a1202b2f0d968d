// swift-tools-version: 6.0
// The fuzz harness: a package of its own, so that the main build never sees libFuzzer. Built and
// run by Fuzz/run.sh (swift build -Xswiftc -sanitize=fuzzer,address).
import PackageDescription

let package = Package(
  name: "gyosei-fuzz",
  dependencies: [.package(name: "gyosei", path: "..")],
  targets: [
    .executableTarget(
      name: "GyoseiFuzz",
      dependencies: [
        .product(name: "GyoseiPipeline", package: "gyosei"),
        .product(name: "GyoseiModel", package: "gyosei"),
        .product(name: "SheetMapping", package: "gyosei"),
        .product(name: "SourceReaders", package: "gyosei"),
        .product(name: "Validation", package: "gyosei"),
        .product(name: "JapaneseWidth", package: "gyosei"),
        .product(name: "ListMarkers", package: "gyosei"),
        .product(name: "EraDates", package: "gyosei"),
        .product(name: "Quantities", package: "gyosei"),
      ],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])])
  ],
  swiftLanguageModes: [.v6]
)

// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets for moodsketch's parsers (issue 13). Kept out of the main package so its build and
// `swift test` stay free of sanitizer flags; Scripts/fuzz.sh builds and runs them:
//   swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// Each target is one `LLVMFuzzerTestOneInput` that feeds the bytes to one parser; a crash is a bug.
let package = Package(
  name: "moodsketch-fuzz",
  dependencies: [.package(name: "moodsketch", path: "..")],
  targets: [
    .executableTarget(
      name: "FuzzMIDIFile",
      dependencies: ["FuzzDriver", .product(name: "SMF", package: "moodsketch")]),
    .executableTarget(
      name: "FuzzCSV",
      dependencies: ["FuzzDriver", .product(name: "Catalog", package: "moodsketch")]),
    .executableTarget(
      name: "FuzzEventFile",
      dependencies: ["FuzzDriver", .product(name: "Recommend", package: "moodsketch")]),
    .executableTarget(
      name: "FuzzChordSymbols",
      dependencies: ["FuzzDriver", .product(name: "Theory", package: "moodsketch")]),
    .executableTarget(
      name: "FuzzRomanNumerals",
      dependencies: ["FuzzDriver", .product(name: "Theory", package: "moodsketch")]),
    .executableTarget(
      name: "FuzzKeysAndMeters",
      dependencies: ["FuzzDriver", .product(name: "Theory", package: "moodsketch")]),
    .executableTarget(
      name: "FuzzMoodPrompt",
      dependencies: ["FuzzDriver", .product(name: "Affect", package: "moodsketch")]),
    .target(name: "FuzzDriver"),
  ]
)

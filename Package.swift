// swift-tools-version: 6.0
import PackageDescription

// Module layout and allowed imports follow ../shared/DESIGN.md, lowest first.
let package = Package(
  name: "moodsketch",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "moodsketch", targets: ["moodsketch"]),
    // The parsers' modules as libraries, so the fuzzing package in Fuzz/ can depend on them by path.
    .library(name: "Theory", targets: ["Theory"]),
    .library(name: "Affect", targets: ["Affect"]),
    .library(name: "SMF", targets: ["SMF"]),
    .library(name: "Catalog", targets: ["Catalog"]),
    .library(name: "Recommend", targets: ["Recommend"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    // MARK: - Public API
    .target(name: "Theory"),
    .target(name: "Affect", dependencies: ["Theory"], resources: [.copy("Resources")]),
    .target(name: "Compose", dependencies: ["Theory", "Affect"], resources: [.copy("Resources")]),
    .target(name: "SMF", dependencies: ["Theory"]),
    .target(
      name: "Sound",
      dependencies: ["Theory", "SMF", "CSndFile", "CFluidSynth", "CSoxr", "CAVFormat"]),
    .target(
      name: "Analysis", dependencies: ["Theory", "Affect", "Sound", "CFFTW"],
      swiftSettings: [.unsafeFlags(["-O"])]),
    .target(
      name: "Catalog",
      dependencies: ["Analysis", .product(name: "GRDB", package: "GRDB.swift")]),
    .target(name: "Recommend", dependencies: ["Catalog", "Analysis"]),
    .target(name: "Notation", dependencies: ["Theory"]),
    .target(name: "Pictures", dependencies: ["Theory"]),
    .executableTarget(
      name: "moodsketch",
      dependencies: [
        "Theory", "Affect", "Compose", "SMF", "Sound", "Analysis", "Catalog", "Recommend",
        "Notation", "Pictures",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // MARK: - Implementation details (system libraries through pkg-config, and the FFmpeg loader)
    .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
    .systemLibrary(name: "CFFTW", pkgConfig: "fftw3f", providers: [.apt(["libfftw3-dev"])]),
    .systemLibrary(
      name: "CFluidSynth", pkgConfig: "fluidsynth", providers: [.apt(["libfluidsynth-dev"])]),
    .systemLibrary(
      name: "CEBUR128", pkgConfig: "libebur128", providers: [.apt(["libebur128-dev"])]),
    .systemLibrary(name: "CSoxr", pkgConfig: "soxr", providers: [.apt(["libsoxr-dev"])]),
    // FFmpeg's demuxers and decoders, for the audio libsndfile does not read (AAC and ALAC in MP4/M4A,
    // WMA, Matroska/WebM, Monkey's Audio, WavPack). Not linked: a C shim opens the libraries the first
    // time a file needs them (Sources/CAVFormat/include/CAVFormat.h says why). The headers come from
    // libavformat-dev, libavcodec-dev and libswresample-dev (Scripts/install-deps.sh).
    .target(name: "CAVFormat", linkerSettings: [.linkedLibrary("dl")]),

    // MARK: - Tests (every module a test file imports is listed, so a clean parallel build orders them)
    .testTarget(name: "TheoryTests", dependencies: ["Theory"]),
    .testTarget(name: "AffectTests", dependencies: ["Affect", "Theory"]),
    .testTarget(
      name: "ComposeTests", dependencies: ["Compose", "Affect", "Theory", "SMF", "Analysis"]),
    .testTarget(name: "SMFTests", dependencies: ["SMF", "Theory"]),
    .testTarget(
      name: "SoundTests", dependencies: ["Sound", "SMF", "Theory", "CSndFile", "CEBUR128"]),
    .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Sound", "SMF", "Theory"]),
    .testTarget(
      name: "CatalogTests",
      dependencies: [
        "Catalog", "Analysis", "Theory", .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    .testTarget(
      name: "RecommendTests", dependencies: ["Recommend", "Catalog", "Analysis", "Sound", "Theory"]),
    .testTarget(
      name: "NotationTests", dependencies: ["Notation", "Compose", "Affect", "SMF", "Theory"]),
    .testTarget(name: "PicturesTests", dependencies: ["Pictures", "SMF", "Theory"]),
    // Catalog and GRDB let the command tests hold a catalog's write lock and run integrity checks.
    .testTarget(
      name: "CLITests",
      dependencies: [
        "moodsketch", "Catalog", "SMF", "Theory", .product(name: "GRDB", package: "GRDB.swift"),
      ]),
  ]
)

import Analysis
import Catalog
import Foundation
import Theory

/// The scale benchmark behind `Benchmarks/catalog/run.sh`: synthetic but realistic catalogs, exact top-10
/// latency, memory and SQLite import throughput, with the vectors and answers written out so NumPy and
/// scikit-learn can run the same queries on the same data and the answers can be compared.
public enum ReferenceBenchmark {
  /// What one run measured.
  public struct Result: Sendable, Codable {
    public var rows: Int
    public var queries: Int
    public var threads: Int
    /// Query latency over the loaded matrix, in milliseconds.
    public var latencyMedianMS: Double
    public var latencyP95MS: Double
    public var latencyMeanMS: Double
    /// Bytes of the Float32 matrix plus ids and masks.
    public var matrixBytes: Int
    /// Peak resident set size of the process, in bytes (`getrusage`).
    public var peakRSSBytes: Int
    /// Rows inserted into a file catalog, rows per second, database size; 0 when not measured.
    public var importedRows: Int
    public var importRowsPerSecond: Double
    public var databaseBytes: Int64
    /// Seconds to load the vectors back from SQLite into the matrix.
    public var loadSeconds: Double
    /// Top-10 track ids per query (1-based row numbers), nearest first.
    public var answers: [[Int64]]
  }

  /// A plausible track: valence/arousal spread over the circumplex, tempo log-normal around 110 BPM,
  /// a uniformly random key, loudness around −12 LUFS, centroid log-normal around 1.8 kHz, MFCC means with
  /// librosa-like spreads, and every other summary name of ``Features/vectorLayout`` filled so each row's
  /// JSON is as large as a real analysis.
  public static func randomFeatures(_ rng: inout SeededGenerator) -> Features {
    func normal() -> Double {
      let u1 = max(1e-12, rng.nextUnit())
      let u2 = rng.nextUnit()
      return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
    let tonic = NoteClass.spelling(
      ofPitchClass: rng.int(in: 0...11), preferFlats: rng.nextUnit() < 0.5)
    let key = Key(tonic, rng.nextUnit() < 0.6 ? .major : .minor)
    var summary: [String: Double] = [:]
    for name in Features.vectorLayout { summary[name] = normal() }
    summary["spectral_centroid_hz_mean"] = 1800 * exp(0.4 * normal())
    for i in 0..<20 {
      summary["mfcc_\(i)_mean"] =
        i == 0 ? -150 + 40 * normal() : 25 * normal() / Double(i).squareRoot()
    }
    return Features(
      source: .audio, durationSeconds: 60 + 240 * rng.nextUnit(),
      tempoBPM: 110 * exp(0.25 * normal()),
      // Confidences as real audio measures them (0.3–0.9): no weak pulse, so every tempo counts.
      tempoConfidence: 0.3 + 0.6 * rng.nextUnit(), key: key, keyStrength: rng.nextUnit(),
      loudnessLUFS: -12 + 4 * normal(),
      loudnessRangeLU: 3 + 5 * rng.nextUnit(), valence: max(-1, min(1, 0.45 * normal())),
      arousal: max(-1, min(1, 0.45 * normal())), summary: summary)
  }

  /// Runs the benchmark.
  ///
  /// - Parameters:
  ///   - rows: catalog size.
  ///   - queries: random queries timed (each a fresh random track).
  ///   - importRows: how many of the rows also go through a real SQLite catalog at `databasePath`
  ///     (0 skips the import measurement).
  ///   - outputFolder: receives `vectors.f32` (rows × 24), `queries.f32`, `weights.f32` for NumPy.
  public static func run(
    rows: Int, queries: Int, threads: Int, importRows: Int, databasePath: String?,
    outputFolder: String, seed: UInt64 = 7
  ) throws -> Result {
    var rng = SeededGenerator(seed: seed)
    var result = Result(
      rows: rows, queries: queries, threads: threads, latencyMedianMS: 0, latencyP95MS: 0,
      latencyMeanMS: 0,
      matrixBytes: 0, peakRSSBytes: 0, importedRows: 0, importRowsPerSecond: 0, databaseBytes: 0,
      loadSeconds: 0,
      answers: [])
    var vectors = CatalogVectors()
    vectors.ids.reserveCapacity(rows)
    vectors.values.reserveCapacity(rows * TrackVector.dimension)
    let store = try databasePath.map { try CatalogStore(path: $0) }
    var batch: [CatalogTrack] = []
    var importSeconds = 0.0
    for r in 0..<rows {
      let features = randomFeatures(&rng)
      let (v, known) = TrackVector.make(from: features)
      vectors.ids.append(Int64(r + 1))
      vectors.values.append(contentsOf: v)
      vectors.known.append(known)
      if let store, r < importRows {
        batch.append(
          CatalogTrack(
            title: "Track \(r + 1)", path: nil, sourceKey: "bench:\(r + 1)", features: features))
        if batch.count == 1000 || r == min(rows, importRows) - 1 {
          let t0 = Date()
          try store.save(batch: batch)
          importSeconds += Date().timeIntervalSince(t0)
          batch.removeAll(keepingCapacity: true)
        }
      }
    }
    if let store, importRows > 0 {
      result.importedRows = min(rows, importRows)
      result.importRowsPerSecond = Double(result.importedRows) / importSeconds
      let t0 = Date()
      let loaded = try store.vectors()
      result.loadSeconds = Date().timeIntervalSince(t0)
      precondition(loaded.count == result.importedRows, "catalog lost rows")
      result.databaseBytes =
        ((try? FileManager.default.attributesOfItem(atPath: store.path)[.size]) as? NSNumber)?
        .int64Value ?? 0
    }
    let index = ReferenceIndex(vectors)
    result.matrixBytes = vectors.values.count * 4 + vectors.ids.count * 8 + vectors.known.count
    var queryValues: [Float] = []
    var latencies: [Double] = []
    let weights = ReferenceWeights()
    for _ in 0..<queries {
      let (q, known) = TrackVector.make(from: randomFeatures(&rng))
      queryValues.append(contentsOf: q)
      let metric = ReferenceMetric(query: q, queryKnown: known, weights: weights)
      let t0 = DispatchTime.now().uptimeNanoseconds
      let hits = index.nearest(to: q, metric: metric, k: 10, threads: threads)
      latencies.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
      result.answers.append(hits.map(\.id))
    }
    let sorted = latencies.sorted()
    result.latencyMedianMS = sorted[sorted.count / 2]
    result.latencyP95MS = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]
    result.latencyMeanMS = latencies.reduce(0, +) / Double(latencies.count)
    let metric = ReferenceMetric(
      query: Array(queryValues[0..<24]), queryKnown: FeatureGroup.allKnown, weights: weights)
    try write(vectors.values, to: outputFolder + "/vectors.f32")
    try write(queryValues, to: outputFolder + "/queries.f32")
    try write(metric.weights, to: outputFolder + "/weights.f32")
    var usage = rusage()
    #if os(Linux)
      getrusage(RUSAGE_SELF.rawValue, &usage)
      result.peakRSSBytes = Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
    #else
      getrusage(RUSAGE_SELF, &usage)
      result.peakRSSBytes = Int(usage.ru_maxrss)  // bytes on macOS
    #endif
    return result
  }

  static func write(_ values: [Float], to path: String) throws {
    let data = values.withUnsafeBufferPointer { Data(buffer: $0) }
    try AtomicFile.write(data, to: path)
  }
}

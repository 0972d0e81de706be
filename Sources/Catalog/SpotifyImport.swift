import Analysis
import Foundation
import Theory

/// Imports tables of tracks with Spotify-style audio features into the catalog's feature space.
///
/// Columns are found by name, case-insensitively; extra columns are ignored. The mapping:
///
/// - title: `title`, `name`, `track_name`, `track`, `song` or any column ending in `track_name`/`_title` (required);
///   artist: `artist`, `artists`, `artist_name` or any column ending in `_artist`.
/// - valence 0…1 → mood valence −1…1 (`2·v − 1`) (required).
/// - energy 0…1 (required) → arousal −1…1 as `2·(0.6·energy + 0.2·t + 0.2·l) − 1`, where t is tempo mapped
///   60…180 BPM → 0…1 and l is loudness mapped −30…−5 dB → 0…1 (each left out, and the rest re-weighted,
///   when the column is missing); energy is also the catalog's energy dimension as is.
/// - tempo (BPM, 0 = unknown) → tempo; loudness (dB) → loudness, stored as LUFS (Spotify's loudness is an
///   integrated programme loudness on a comparable scale).
/// - key (pitch class 0–11, −1 = unknown) with mode (1 major, 0 minor) → key.
/// - danceability, acousticness, instrumentalness, speechiness, liveness → kept as named summary values.
/// - genre → a tag and the style; `duration_ms` or `duration` (seconds) → duration.
/// - brightness and timbre (MFCC) cannot be derived from these columns: they are marked unknown, and
///   reference similarity ignores them for these rows instead of guessing.
public enum SpotifyImport {
  /// What an import did.
  public struct Report: Sendable, Codable, Hashable {
    /// Rows stored (new or replacing the same row from an earlier import of the same file).
    public var imported = 0
    /// The first rows skipped (up to ``malformedKept``), by line number, with why.
    public var malformed: [Malformed] = []
    /// Every row skipped, counted.
    public var malformedCount = 0
    /// Header names that were not used.
    public var ignoredColumns: [String] = []
    /// How the file was read: its encoding and field separator.
    public var encoding = PlainText.Encoding.utf8
    public var delimiter = "comma"
    public var seconds = 0.0
    /// Styles after the import: known, inferred for the rest (see ``CatalogStore/refreshStyles(k:)``).
    public var styles: StyleRefresh?

    public struct Malformed: Sendable, Codable, Hashable {
      public var line: Int
      public var reason: String
    }
    public init() {}
  }

  /// Malformed rows kept with their reason in a ``Report`` (the rest are counted).
  public static let malformedKept = 100

  /// How far an import has got, for a progress line.
  public struct Progress: Sendable {
    public var rows: Int
    public var bytesRead: Int64
    public var totalBytes: Int64
    public var fraction: Double { totalBytes > 0 ? Double(bytesRead) / Double(totalBytes) : 1 }
  }

  /// Imports `path` into `store`, in transactions of `batchSize` rows.
  public static func importTable(
    atPath path: String, into store: CatalogStore, batchSize: Int = 1000
  ) throws -> Report {
    try importTable(atPath: path, opening: { store }, batchSize: batchSize)
  }

  /// Streams `path` into the catalog that `opening` opens, in transactions of `batchSize` rows.
  ///
  /// The file is read a chunk at a time (constant memory, whatever its size) in any encoding ``PlainText``
  /// detects, with the separator the header uses. The catalog is opened only once a row is ready to store,
  /// so a missing, unreadable or unusable file never creates an empty catalog.
  ///
  /// - Parameter progress: called every few thousand rows.
  /// - Throws: ``CatalogError/missingInput(_:)``, ``CatalogError/unreadableInput(path:reason:)``;
  ///   ``CatalogError/unusableTable(path:reason:)`` when the header lacks a title, valence or energy column or
  ///   there are no rows; ``CatalogError/nothingImported(path:rows:line:reason:)`` when every row is malformed.
  public static func importTable(
    atPath path: String, opening: () throws -> CatalogStore, batchSize: Int = 1000,
    progress: ((Progress) -> Void)? = nil
  ) throws -> Report {
    let start = Date()
    let absolute = CatalogLocation.absolute(path)
    let chunks = try open(absolute, shownAs: path)
    var reader = try CSVReader(chunks)
    var report = Report()
    report.encoding = chunks.encoding
    report.delimiter = reader.delimiterName
    guard let header = try reader.next() else {
      throw CatalogError.unusableTable(path: path, reason: "the file is empty")
    }
    let columns = Columns(header: header.fields)
    if let missing = columns.missingRequirement {
      throw CatalogError.unusableTable(
        path: path,
        reason: "\(missing); \(describe(header, reader: reader, encoding: chunks.encoding))")
    }
    report.ignoredColumns = columns.ignored
    let run = Date()
    var store: CatalogStore?
    var batch: [(track: CatalogTrack, line: Int)] = []
    var rows = 0
    func flush() throws {
      if batch.isEmpty { return }
      if store == nil { store = try opening() }
      try store!.importRows(batch, run: run)
      report.imported += batch.count
      batch.removeAll(keepingCapacity: true)
    }
    while let record = try reader.next() {
      rows += 1
      if rows % 5000 == 0 {
        progress?(
          Progress(rows: rows, bytesRead: chunks.bytesRead, totalBytes: chunks.totalBytes))
      }
      do {
        if let problem = record.problem { throw RowProblem(reason: problem) }
        guard record.fields.count == header.fields.count else {
          throw RowProblem(
            reason: "\(record.fields.count) fields, the header has \(header.fields.count)")
        }
        let track = try columns.track(
          from: record.fields, sourcePrefix: "csv:\(absolute)#", line: record.line)
        batch.append((track, record.line))
        if batch.count >= batchSize { try flush() }
      } catch let problem as RowProblem {
        report.malformedCount += 1
        if report.malformed.count < malformedKept {
          report.malformed.append(.init(line: record.line, reason: problem.reason))
        }
      }
    }
    try flush()
    progress?(Progress(rows: rows, bytesRead: chunks.totalBytes, totalBytes: chunks.totalBytes))
    if rows == 0 {
      throw CatalogError.unusableTable(path: path, reason: "it has a header but no rows")
    }
    if report.imported == 0, let first = report.malformed.first {
      throw CatalogError.nothingImported(
        path: path, rows: rows, line: first.line, reason: first.reason)
    }
    report.styles = try store?.refreshStyles()
    report.seconds = Date().timeIntervalSince(start)
    return report
  }

  /// Opens a table for streaming, with one-line errors for what is not a readable file.
  static func open(_ absolute: String, shownAs path: String) throws -> TextChunks {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
      throw CatalogError.missingInput(path)
    }
    if isDirectory.boolValue {
      throw CatalogError.unusableTable(path: path, reason: "it is a folder; pass a CSV file")
    }
    guard let handle = FileHandle(forReadingAtPath: absolute) else {
      throw CatalogError.unreadableInput(path: path, reason: "permission denied")
    }
    let size =
      (try? FileManager.default.attributesOfItem(atPath: absolute)[.size] as? NSNumber)?
      .int64Value ?? 0
    do {
      return try TextChunks(handle: handle, totalBytes: size)
    } catch {
      throw CatalogError.unreadableInput(
        path: path, reason: (error as NSError).localizedDescription)
    }
  }

  /// What the header looked like, for a refusal that says what was found.
  static func describe(
    _ header: CSVReader.Record, reader: CSVReader, encoding: PlainText.Encoding
  ) -> String {
    let names = header.fields.prefix(4).map { name in
      let short = name.count > 40 ? String(name.prefix(40)) + "…" : name
      return "\"\(short)\""
    }
    let more = header.fields.count > 4 ? " and \(header.fields.count - 4) more" : ""
    let count = header.fields.count == 1 ? "1 column" : "\(header.fields.count) columns"
    return
      "found \(count) (\(names.joined(separator: ", "))\(more)) reading it as \(encoding.rawValue) with \(reader.delimiterName) separators"
  }

  struct RowProblem: Error { var reason: String }

  /// Arousal −1…1 from Spotify energy (weight 0.6), tempo (0.2, 60…180 BPM) and loudness (0.2, −30…−5 dB);
  /// missing inputs are left out and the remaining weights rescaled.
  public static func arousal(energy: Double, tempo: Double?, loudness: Double?) -> Double {
    var total = 0.6 * energy
    var weight = 0.6
    if let tempo {
      total += 0.2 * max(0, min(1, (tempo - 60) / 120))
      weight += 0.2
    }
    if let loudness {
      total += 0.2 * max(0, min(1, (loudness + 30) / 25))
      weight += 0.2
    }
    return 2 * (total / weight) - 1
  }
}

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
    /// Rows skipped, by line number, with why.
    public var malformed: [Malformed] = []
    /// Header names that were not used.
    public var ignoredColumns: [String] = []
    public var seconds = 0.0

    public struct Malformed: Sendable, Codable, Hashable {
      public var line: Int
      public var reason: String
    }
    public init() {}
  }

  /// Imports `path` into `store`, in transactions of `batchSize` rows.
  ///
  /// - Throws: ``CatalogError/missingInput(_:)``; ``CatalogError/unusableTable(path:reason:)`` when the header
  ///   lacks a title, valence or energy column.
  public static func importTable(
    atPath path: String, into store: CatalogStore, batchSize: Int = 1000
  ) throws -> Report {
    let start = Date()
    let absolute = CatalogLocation.absolute(path)
    guard let data = FileManager.default.contents(atPath: absolute) else {
      throw CatalogError.missingInput(path)
    }
    let text = String(decoding: data, as: UTF8.self)
    var (tracks, report) = try parse(text, path: path, sourcePrefix: "csv:\(absolute)#")
    var batch: [CatalogTrack] = []
    for track in tracks {
      batch.append(track)
      if batch.count >= batchSize {
        try store.save(batch: batch)
        batch.removeAll(keepingCapacity: true)
      }
    }
    if !batch.isEmpty { try store.save(batch: batch) }
    report.imported = tracks.count
    tracks.removeAll()
    report.seconds = Date().timeIntervalSince(start)
    return report
  }

  /// Parses a whole table into tracks (not stored) and a report of malformed rows.
  static func parse(_ text: String, path: String, sourcePrefix: String) throws -> (
    [CatalogTrack], Report
  ) {
    var report = Report()
    let records = CSVReader.records(text)
    guard let header = records.first else {
      throw CatalogError.unusableTable(path: path, reason: "the file is empty")
    }
    let columns = Columns(header: header.fields)
    guard columns.title != nil else {
      throw CatalogError.unusableTable(
        path: path, reason: "no title column (title, name or track_name)")
    }
    guard columns.valence != nil, columns.energy != nil else {
      throw CatalogError.unusableTable(
        path: path, reason: "it needs valence and energy columns (Spotify audio features)")
    }
    report.ignoredColumns = columns.ignored
    var tracks: [CatalogTrack] = []
    var seenKeys = Set<String>()
    for record in records.dropFirst() {
      if let problem = record.problem {
        report.malformed.append(.init(line: record.line, reason: problem))
        continue
      }
      guard record.fields.count == header.fields.count else {
        report.malformed.append(
          .init(
            line: record.line,
            reason: "\(record.fields.count) fields, the header has \(header.fields.count)"))
        continue
      }
      do {
        var track = try columns.track(
          from: record.fields, sourcePrefix: sourcePrefix, line: record.line)
        if !seenKeys.insert(track.sourceKey).inserted { track.sourceKey += "@\(record.line)" }
        tracks.append(track)
      } catch let problem as RowProblem {
        report.malformed.append(.init(line: record.line, reason: problem.reason))
      }
    }
    return (tracks, report)
  }

  struct RowProblem: Error { var reason: String }

  /// Column positions found in the header.
  struct Columns {
    var title, artist, album, id, valence, energy, tempo, key, mode, loudness, genre, durationMS,
      durationS: Int?
    var extras: [String: Int] = [:]
    var ignored: [String] = []

    static let extraNames = [
      "danceability", "acousticness", "instrumentalness", "speechiness", "liveness",
    ]

    init(header: [String]) {
      let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
      func find(_ exact: [String], suffixes: [String] = []) -> Int? {
        for e in exact { if let i = names.firstIndex(of: e) { return i } }
        for s in suffixes { if let i = names.firstIndex(where: { $0.hasSuffix(s) }) { return i } }
        return nil
      }
      title = find(
        ["title", "name", "track_name", "track", "song", "song_name"],
        suffixes: ["track_name", "_title"])
      artist = find(
        ["artist", "artists", "artist_name", "artist_names"], suffixes: ["_artist", "_artists"])
      album = find(["album", "album_name"], suffixes: ["_album"])
      id = find(["id", "track_id", "spotify_id", "uri"], suffixes: ["_id"])
      valence = find(["valence"])
      energy = find(["energy"])
      tempo = find(["tempo", "bpm"])
      key = find(["key"])
      mode = find(["mode"])
      loudness = find(["loudness"])
      genre = find(["genre", "genres", "track_genre", "playlist_genre"])
      durationMS = find(["duration_ms"])
      durationS = durationMS == nil ? find(["duration", "duration_s"]) : nil
      for name in Self.extraNames { if let i = names.firstIndex(of: name) { extras[name] = i } }
      let used = Set(
        [
          title, artist, album, id, valence, energy, tempo, key, mode, loudness, genre, durationMS,
          durationS,
        ].compactMap { $0 }
      )
      .union(extras.values)
      ignored = names.indices.filter { !used.contains($0) }.map { header[$0] }
    }

    func track(from fields: [String], sourcePrefix: String, line: Int) throws -> CatalogTrack {
      func text(_ i: Int?) -> String? {
        guard let i else { return nil }
        let t = fields[i].trimmingCharacters(in: .whitespaces)
        return t.isEmpty ? nil : t
      }
      func number(_ i: Int?, _ name: String, range: ClosedRange<Double>? = nil) throws -> Double? {
        guard let t = text(i) else { return nil }
        guard let v = Double(t), v.isFinite else {
          throw RowProblem(reason: "\(name) \"\(t)\" is not a number")
        }
        if let range, !range.contains(v) {
          throw RowProblem(
            reason: "\(name) \(t) is outside \(range.lowerBound)…\(range.upperBound)")
        }
        return v
      }
      guard let title = text(title) else { throw RowProblem(reason: "no title") }
      guard let valence = try number(valence, "valence", range: 0...1) else {
        throw RowProblem(reason: "no valence")
      }
      guard let energy = try number(energy, "energy", range: 0...1) else {
        throw RowProblem(reason: "no energy")
      }
      let tempo = try number(tempo, "tempo", range: 0...400).flatMap { $0 > 0 ? $0 : nil }
      let loudness = try number(loudness, "loudness", range: -80...10)
      var key: Key?
      if let pc = try number(self.key, "key", range: -1...11), pc >= 0 {
        guard pc == pc.rounded() else {
          throw RowProblem(reason: "key \(pc) is not a whole pitch class")
        }
        let minor = try number(mode, "mode", range: 0...1) == 0
        let pitchClass = Int(pc)
        // Spell like a key signature would: flats for F, Bb, Eb… majors and their relative minors.
        let flatMajors: Set<Int> = [5, 10, 3, 8, 1]
        let majorPC = minor ? (pitchClass + 3) % 12 : pitchClass
        key = Key(
          NoteClass.spelling(
            ofPitchClass: pitchClass,
            preferFlats: flatMajors.contains(majorPC) || majorPC == 6 && minor),
          minor ? .minor : .major)
      }
      var duration = 0.0
      if let ms = try number(durationMS, "duration_ms", range: 0...1e9) { duration = ms / 1000 }
      if let s = try number(durationS, "duration", range: 0...1e6) { duration = s }
      var summary: [String: Double] = ["energy": energy, "valence_0_1": valence]
      for (name, i) in extras { if let v = try number(i, name, range: 0...1) { summary[name] = v } }
      let arousal = SpotifyImport.arousal(energy: energy, tempo: tempo, loudness: loudness)
      let features = Features(
        source: .csv, durationSeconds: duration, tempoBPM: tempo, tempoConfidence: 0, key: key,
        keyStrength: 0,
        loudnessLUFS: loudness, loudnessRangeLU: nil, valence: 2 * valence - 1, arousal: arousal,
        summary: summary)
      let genre = text(genre)
      let rowKey = text(id) ?? "line\(line)"
      return CatalogTrack(
        title: title, artist: text(artist), album: text(album), path: nil,
        sourceKey: sourcePrefix + rowKey,
        tags: genre.map { [$0] } ?? [], style: genre?.lowercased(), features: features)
    }
  }

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

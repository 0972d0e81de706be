import Analysis
import Foundation
import Theory

/// One reference track in the catalog: where it came from, what it is called, and what it sounds like.
///
/// A plain value; its database powers live in `CatalogTrack+Record.swift`.
public struct CatalogTrack: Sendable, Hashable, Codable, Identifiable {
  /// Row id, assigned by the database on insert (nil before).
  public var id: Int64?
  public var title: String
  public var artist: String?
  public var album: String?
  /// The analysed file, absolute; nil for rows imported from a table.
  public var path: String?
  /// What makes a row unique: the absolute path for files, `csv:<table path>#<row key>` for imported rows,
  /// so adding or importing the same thing twice updates instead of duplicating.
  public var sourceKey: String
  /// Length in seconds.
  public var durationSeconds: Double
  public var source: Features.Source
  /// Free-form tags: libsndfile string fields (genre, comment…) or a table's genre.
  public var tags: [String]
  /// A style name (`pop`, `ambient`…) when one is known: from the file's genre tag, a table's genre column or
  /// the listening history's tags for the artist, mapped through ``StyleVocabulary``.
  public var style: String?
  /// For a track without ``style``: the style ``StyleInference`` guessed from the catalog's tagged tracks.
  /// Recomputed after every `catalog add` and `catalog import`; nil when nothing could be inferred.
  public var inferredStyle: String?
  /// Share of the weighted neighbour vote ``inferredStyle`` won, 0…1.
  public var styleConfidence: Double?
  /// The full analysis, as JSON in the database.
  public var features: Features
  /// ``Features/version`` at analysis time, kept in its own column so stale rows are found without decoding.
  public var featureVersion: Int
  /// ``TrackVector`` layout version of ``vector``.
  public var vectorVersion: Int
  /// ``TrackVector`` as little-endian Float32 bytes.
  public var vector: Data
  /// Bit mask of ``FeatureGroup``s the vector knows.
  public var knownGroups: Int
  /// Tonic spelling (`F#`), nil when no key was found.
  public var keyTonic: String?
  /// Mode name (`minor`), nil when no key was found.
  public var mode: String?
  /// Beats per minute.
  public var tempoBPM: Double?
  public var valence: Double
  public var arousal: Double
  /// Integrated loudness in LUFS (or a table's loudness in dB).
  public var loudnessLUFS: Double?
  /// ``ContentHash`` of the file's bytes; nil for imported rows.
  public var contentHash: String?
  /// File modification time, seconds since 1970; with ``fileSize`` the cheap "unchanged?" test.
  public var fileModified: Double?
  /// File size in bytes.
  public var fileSize: Int64?
  public var addedAt: Date

  /// Builds a track from an analysis, filling the denormalised columns (key, tempo, mood, vector) from it.
  public init(
    title: String, artist: String? = nil, album: String? = nil, path: String?, sourceKey: String,
    tags: [String] = [], style: String? = nil, features: Features, contentHash: String? = nil,
    fileModified: Double? = nil, fileSize: Int64? = nil, addedAt: Date = Date()
  ) {
    let (values, known) = TrackVector.make(from: features)
    self.id = nil
    self.title = title
    self.artist = artist
    self.album = album
    self.path = path
    self.sourceKey = sourceKey
    self.durationSeconds = features.durationSeconds
    self.source = features.source
    self.tags = tags
    self.style = style
    self.features = features
    self.featureVersion = features.version
    self.vectorVersion = TrackVector.version
    self.vector = TrackVector.blob(values)
    self.knownGroups = Int(known)
    self.keyTonic = features.key.map { "\($0.tonic)" }
    self.mode = features.key.map { $0.mode.rawValue }
    self.tempoBPM = features.tempoBPM
    self.valence = features.valence
    self.arousal = features.arousal
    self.loudnessLUFS = features.loudnessLUFS
    self.contentHash = contentHash
    self.fileModified = fileModified
    self.fileSize = fileSize
    self.addedAt = addedAt
  }

  /// The key, rebuilt from its columns.
  public var key: Key? {
    guard let keyTonic, let mode else { return nil }
    return Key(parsing: "\(keyTonic) \(mode)")
  }

  /// Whether this row was made by an older analysis or vector layout and should be re-analysed.
  public var isStale: Bool {
    featureVersion != Features.currentVersion || vectorVersion != TrackVector.version
  }

  /// The known style, else the inferred one with its confidence (1 for a known style).
  public var effectiveStyle: (name: String, inferred: Bool, confidence: Double)? {
    if let style { return (style, false, 1) }
    if let inferredStyle { return (inferredStyle, true, styleConfidence ?? 0) }
    return nil
  }

  /// "Artist – Title", or the title alone.
  public var displayName: String {
    if let artist, !artist.isEmpty { return "\(artist) – \(title)" }
    return title
  }
}

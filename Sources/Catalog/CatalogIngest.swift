import Analysis
import Foundation
import Theory

/// What an analysing closure returns for one file: the features and whatever the file says about itself.
public struct AnalysedFile: Sendable {
  public var features: Features
  public var title: String?
  public var artist: String?
  public var album: String?
  /// Tags such as libsndfile's genre and comment strings.
  public var tags: [String]
  /// The genre as the file states it; stored mapped through ``StyleVocabulary/storedStyle(forGenre:)``.
  public var style: String?

  public init(
    features: Features, title: String? = nil, artist: String? = nil, album: String? = nil,
    tags: [String] = [],
    style: String? = nil
  ) {
    self.features = features
    self.title = title
    self.artist = artist
    self.album = album
    self.tags = tags
    self.style = style
  }
}

/// How far `catalog add` has got, for a progress bar.
public struct IngestProgress: Sendable {
  /// Files finished (analysed, skipped or failed).
  public var done: Int
  public var total: Int
  /// Seconds since the ingest started.
  public var elapsed: Double
  /// Estimated seconds left, from the pace so far; nil until a file is done.
  public var remaining: Double? {
    guard done > 0, done < total else { return done >= total ? 0 : nil }
    return elapsed / Double(done) * Double(total - done)
  }
}

/// What `catalog add` did.
public struct IngestReport: Sendable, Codable, Hashable {
  /// New rows.
  public var added = 0
  /// Rows re-analysed because the file changed or its analysis was from an older version.
  public var updated = 0
  /// Files skipped because size and modification time (or, failing that, the content hash) are unchanged.
  public var unchanged = 0
  /// Files that could not be analysed, with the reason; the rest went on.
  public var failed: [Failure] = []
  /// Non-media files met inside folders.
  public var ignored = 0
  /// Wall-clock seconds.
  public var seconds = 0.0
  /// Styles after the run: known, inferred for the rest (see ``CatalogStore/refreshStyles(k:)``).
  public var styles: StyleRefresh?
  /// With `--style`: the style given, and how many of this run's tracks (their tags naming no genre)
  /// now have it (``CatalogStore/giveStyle(_:toPaths:)``).
  public var givenStyle: GivenStyle?

  public struct GivenStyle: Sendable, Codable, Hashable {
    public var style: String
    public var tracks: Int
  }

  public struct Failure: Sendable, Codable, Hashable {
    public var path: String
    public var reason: String
  }
  public init() {}
}

/// Adds audio and MIDI files to a catalog, analysing them in parallel.
///
/// Each analysed file is committed in its own short transaction as soon as it is done, so interrupting the
/// process (Ctrl-C, `kill -9`) loses only the files in flight; running `add` again skips what is stored
/// (same size and modification time, or else the same ``ContentHash``) and finishes the rest.
public enum CatalogIngest {
  /// Analyses one file; supplied by the caller (the command wires in `Analysis`, tests pass a fake-free
  /// real analyser), so Catalog does not depend on the MIDI reader.
  public typealias Analyse =
    @Sendable (_ path: String, _ kind: MediaFiles.Kind) throws -> AnalysedFile

  /// Adds `paths` (files and folders, recursively) to `store`.
  ///
  /// - Parameters:
  ///   - workers: files analysed at once; default: all cores.
  ///   - analyse: turns one file into features and metadata.
  ///   - progress: called after each file (from any thread).
  ///   - givenStyle: a stored style for this run's tracks whose tags name none (`catalog add --style`).
  /// - Throws: ``CatalogError/missingInput(_:)`` for a path that does not exist, and database errors;
  ///   a file that fails to analyse is reported in ``IngestReport/failed`` instead.
  public static func add(
    paths: [String], to store: CatalogStore,
    workers: Int = ProcessInfo.processInfo.activeProcessorCount,
    analyse: @escaping Analyse, progress: (@Sendable (IngestProgress) -> Void)? = nil,
    givenStyle: String? = nil
  ) throws -> IngestReport {
    let listing = try MediaFiles.list(paths)
    let start = Date()
    let state = IngestState(total: listing.files.count)
    for path in listing.unsupported {
      state.record(
        .failed(
          .init(
            path: path,
            reason:
              "unsupported file type; moodsketch reads audio (wav, flac, ogg, mp3, m4a, aiff…) and MIDI (.mid)"
          )))
    }
    for path in listing.unreadable {
      state.record(.failed(.init(path: path, reason: InputFile.Problem.unreadable.reason)))
    }
    let files = listing.files
    let workerCount = max(1, min(workers, files.count))
    DispatchQueue.concurrentPerform(iterations: workerCount) { _ in
      while let index = state.nextIndex() {
        let path = files[index]
        let outcome: Outcome
        do {
          outcome = try ingest(path, into: store, analyse: analyse)
        } catch let error as CatalogError where isFatal(error) {
          state.stop(with: error)
          return
        } catch {
          outcome = .failed(.init(path: path, reason: "\(error)"))
        }
        state.record(outcome)
        progress?(
          IngestProgress(
            done: state.doneCount, total: files.count, elapsed: Date().timeIntervalSince(start)))
      }
    }
    if let fatal = state.fatalError { throw fatal }
    var report = state.report
    if let givenStyle {
      // Unchanged files too: `--style` on a folder indexed before styles it.
      report.givenStyle = .init(
        style: givenStyle, tracks: try store.giveStyle(givenStyle, toPaths: files))
    }
    report.styles = try store.refreshStyles()
    report.ignored = listing.ignored
    report.seconds = Date().timeIntervalSince(start)
    report.failed.sort { $0.path < $1.path }
    return report
  }

  /// Database trouble stops the whole run; trouble with one file does not.
  static func isFatal(_ error: CatalogError) -> Bool {
    switch error {
    case .locked, .readOnly, .cannotOpen, .notACatalog: true
    default: false
    }
  }

  enum Outcome {
    case added, updated, unchanged
    case failed(IngestReport.Failure)
  }

  static func ingest(_ path: String, into store: CatalogStore, analyse: Analyse) throws -> Outcome {
    guard let kind = MediaFiles.kind(of: path) else {
      return .failed(.init(path: path, reason: "unsupported file type"))
    }
    // A FIFO or device is not "empty", and reading one could block for ever.
    if let problem = InputFile.problem(at: path) {
      return .failed(.init(path: path, reason: problem.reason))
    }
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    let existing = try store.track(sourceKey: path)
    if let existing, !existing.isStale, existing.fileSize == size {
      if existing.fileModified == modified { return .unchanged }
      // Touched but maybe not changed (copied, re-synced): the hash decides.
      let hash = try ContentHash.ofFile(atPath: path)
      if hash == existing.contentHash, let id = existing.id {
        try store.touch(id: id, fileModified: modified)
        return .unchanged
      }
    }
    let hash = try ContentHash.ofFile(atPath: path)
    let analysed = try analyse(path, kind)
    let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    // Tags are whatever the file's author wrote: cleaned (bounded, printable) before they are stored.
    let tags = analysed.tags.compactMap(TagText.clean)
    let track = CatalogTrack(
      title: cleaned(analysed.title) ?? name, artist: cleaned(analysed.artist),
      album: cleaned(analysed.album),
      path: path, sourceKey: path, tags: tags,
      style: StyleVocabulary.storedStyle(forGenre: analysed.style),
      features: analysed.features,
      contentHash: hash, fileModified: modified, fileSize: size)
    try store.save(track)
    return existing == nil ? .added : .updated
  }

  static func cleaned(_ s: String?) -> String? { nonEmpty(s.flatMap(TagText.clean)) }

  static func nonEmpty(_ s: String?) -> String? {
    guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
    return t
  }
}

/// Shared, lock-protected bookkeeping for the worker threads of one ingest.
private final class IngestState: @unchecked Sendable {
  private let lock = NSLock()
  private var next = 0
  private let total: Int
  private(set) var report = IngestReport()
  private var done = 0
  private(set) var fatalError: CatalogError?

  init(total: Int) { self.total = total }

  func nextIndex() -> Int? {
    lock.withLock {
      guard fatalError == nil, next < total else { return nil }
      defer { next += 1 }
      return next
    }
  }

  var doneCount: Int { lock.withLock { done } }

  func stop(with error: CatalogError) {
    lock.withLock { if fatalError == nil { fatalError = error } }
  }

  func record(_ outcome: CatalogIngest.Outcome) {
    lock.withLock {
      switch outcome {
      case .added:
        report.added += 1
        done += 1
      case .updated:
        report.updated += 1
        done += 1
      case .unchanged:
        report.unchanged += 1
        done += 1
      case .failed(let failure):
        report.failed.append(failure)
        if MediaFiles.kind(of: failure.path) != nil { done += 1 }
      }
    }
  }
}

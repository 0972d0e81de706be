import Analysis
import Catalog
import Sound

/// Wires real analysis into `catalog add`: `Analysis` for features, libsndfile's string fields for tags.
enum CatalogAnalyser {
  static func make(analyzer: Analyzer = Analyzer()) -> CatalogIngest.Analyse {
    { path, kind in
      switch kind {
      case .midi:
        return AnalysedFile(features: try analyzer.analyzeMIDI(path: path).features)
      case .audio:
        let features = try analyzer.analyzeAudio(path: path).features
        let tags = (try? AudioFileReader(path: path).metadata) ?? [:]
        return AnalysedFile(
          features: features, title: tags["title"], artist: tags["artist"], album: tags["album"],
          tags: ["genre", "comment"].compactMap { tags[$0] }, style: tags["genre"])
      }
    }
  }
}

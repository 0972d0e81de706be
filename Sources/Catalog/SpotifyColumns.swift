import Analysis
import Foundation
import Theory

extension SpotifyImport {
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

    /// Why the header cannot be imported, or nil when it has what an import needs.
    var missingRequirement: String? {
      if title == nil { return "no title column (title, name or track_name)" }
      if valence == nil || energy == nil {
        return "it needs valence and energy columns (Spotify audio features)"
      }
      return nil
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
      let genre = text(genre).flatMap(TagText.clean)
      let rowKey = text(id) ?? "line\(line)"
      return CatalogTrack(
        title: title, artist: text(artist), album: text(album), path: nil,
        sourceKey: sourcePrefix + rowKey,
        tags: genre.map { [$0] } ?? [], style: StyleVocabulary.storedStyle(forGenre: genre),
        features: features)
    }
  }
}

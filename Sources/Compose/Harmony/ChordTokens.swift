import Theory

/// Chords given by a user, read as the chord model's tokens in a key.
enum UserChordTokens {
  /// The model token for each chord in a key; nil where the chord has no token the model knows
  /// (an exotic spelling), so callers can back off around it.
  static func tokens(_ chords: [Chord], in key: Key, table: BackoffTable) -> [String?] {
    let harmonyKey = Key(key.tonic, key.mode.hasMinorThird ? .minor : .major)
    return chords.map { chord in
      guard let token = ChordToken.token(for: chord, in: harmonyKey)?.token,
        table.index(of: token) != nil
      else { return nil }
      return token
    }
  }

  /// A symbol that is no outcome of any table: contexts holding it back off to the shorter ones,
  /// which is the model's own way of handling a chord it never saw.
  static let unknown = "<unk>"
}

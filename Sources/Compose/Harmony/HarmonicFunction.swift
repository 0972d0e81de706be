import Theory

/// What a chord does in its key, in the words of a harmony textbook.
public enum HarmonicFunction: String, Sendable, Hashable, Codable {
  /// Home and its substitutes: I, vi, iii in major; i, III, VI in minor.
  case tonic
  /// Leads away from home towards the dominant: ii, IV (and borrowed iv, bVI) in major; ii°, iv in minor.
  case predominant
  /// Pulls back home: V, vii° (and the subtonic VII in minor).
  case dominant
  /// An applied dominant (V/V, V/vi): the dominant of a chord other than the tonic.
  case secondaryDominant = "secondary dominant"
  /// A chord the key's function table does not place (chromatic, exotic).
  case other

  /// The function of a model token (triad-level numeral such as `V`, `bVII`, `V/ii`) in a mode.
  public static func of(token: String, mode: Mode) -> HarmonicFunction {
    if token.contains("/") { return .secondaryDominant }
    let minor = mode.hasMinorThird
    let table: [String: HarmonicFunction] =
      minor
      ? [
        "i": .tonic, "III": .tonic, "VI": .tonic, "ii°": .predominant, "iv": .predominant,
        "IV": .predominant, "ii": .predominant, "bII": .predominant, "V": .dominant, "v": .dominant,
        "VII": .dominant, "#vii°": .dominant, "vii°": .dominant,
      ]
      : [
        "I": .tonic, "vi": .tonic, "iii": .tonic, "ii": .predominant, "IV": .predominant,
        "iv": .predominant, "bVI": .predominant, "ii°": .predominant, "bII": .predominant,
        "V": .dominant, "vii°": .dominant, "bVII": .dominant, "v": .dominant, "bIII": .tonic,
      ]
    return table[token] ?? .other
  }
}

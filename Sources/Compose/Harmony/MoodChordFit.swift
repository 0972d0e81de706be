import Affect
import Foundation
import Theory

/// How well a chord suits a mood, as a multiplier on the chord model's probability.
///
///     fit(t) = exp(0.8 · valence · b(t)),   b = +1 major triad, −1 minor, −1.5 diminished, 0 otherwise
///
/// A sad prompt (valence −0.7) then makes a minor chord e^1.1 ≈ 3× more likely relative to a major
/// one than the model alone says; a joyful one the reverse; a neutral mood changes nothing. The
/// product is renormalised over the vocabulary, so it stays a probability distribution. Only the
/// colour of the chord's third is judged: function and voice leading are the model's business.
public struct MoodChordFit: Sendable {
  public var valence: Double
  /// Strength of the mood's pull, per unit of valence.
  public static let strength = 0.8

  public init(mood: Mood?) { valence = mood?.valence ?? 0 }

  public func factor(token: String) -> Double {
    guard let roman = ChordToken.numeral(token) else { return 1 }
    let brightness: Double =
      switch roman.quality.triad {
      case .major: 1
      case .minor: -1
      case .diminished: -1.5
      default: 0
      }
    return exp(Self.strength * valence * brightness)
  }
}

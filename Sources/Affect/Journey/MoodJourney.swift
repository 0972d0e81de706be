import Foundation

/// A prompt that describes a change of mood: a mood per named section ("sad verse, hopeful chorus")
/// or a path of moods across the piece ("from lonely to triumphant", "calm → intense").
public struct MoodJourney: Sendable, Hashable, Codable {
  public enum Shape: String, Sendable, Hashable, Codable {
    /// One mood per named section, in the order named.
    case sections
    /// Moods along the piece, first at its start and last at its end.
    case path
  }

  public struct Stage: Sendable, Hashable, Codable {
    /// The section named ("verse", "chorus", "pre-chorus"…); nil on a path.
    public var section: String?
    /// Where the stage sits in the piece, 0 (start) … 1 (end); stages of a path are spread evenly.
    public var position: Double
    /// The words that describe this stage, as typed.
    public var text: String
    public var mood: Mood
  }

  public var shape: Shape
  public var stages: [Stage]

  /// The journey for people, one stage a line: `verse  sad  V −0.70 A −0.40 (Q3)`.
  public var text: String {
    let arrow = stages.map { $0.section.map { "\($0): " } ?? "" }.enumerated().map { i, label in
      label + stages[i].text
    }
    var lines = ["journey   \(shape.rawValue): " + arrow.joined(separator: " → ")]
    let width = stages.map { ($0.section ?? Self.placeName($0.position)).count }.max() ?? 0
    let textWidth = min(24, stages.map(\.text.count).max() ?? 0)
    for stage in stages {
      let label = stage.section ?? Self.placeName(stage.position)
      lines.append(
        "  " + label.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
          + stage.text.padding(
            toLength: max(textWidth, stage.text.count), withPad: " ", startingAt: 0)
          + "  V \(AffectFormat.signed(stage.mood.valence))  A \(AffectFormat.signed(stage.mood.arousal))"
          + "  (\(stage.mood.valenceWord), \(stage.mood.arousalWord), \(stage.mood.quadrant.rawValue))"
      )
    }
    return lines.joined(separator: "\n")
  }

  static func placeName(_ position: Double) -> String {
    position <= 0 ? "start" : position >= 1 ? "end" : "\(Int((position * 100).rounded())) %"
  }
}

import Foundation
import Theory

/// Choices the user made explicitly (command-line flags); each one wins over what the mood suggests.
public struct PlanOverrides: Sendable, Hashable, Codable {
  /// Tonic and mode (`--key "A minor"`); replaces both the mood's mode and the seeded tonic.
  public var key: Key?
  /// Beats (quarter notes) per minute (`--tempo`), within ``tempoRange``.
  public var tempoBPM: Double?
  /// Time signature (`--meter 6/8`).
  public var meter: Meter?
  /// Length in bars (`--bars`), within ``barsRange``; default ``Planner/defaultBars``.
  public var bars: Int?
  /// Style (`--style`), replacing the styles the prompt named or suggested.
  public var style: Style?

  /// Tempos a sketch can be written at, in BPM.
  public static let tempoRange: ClosedRange<Double> = 20...400
  /// Sketch lengths in bars.
  public static let barsRange: ClosedRange<Int> = 1...512

  public init(
    key: Key? = nil, tempoBPM: Double? = nil, meter: Meter? = nil, bars: Int? = nil,
    style: Style? = nil
  ) {
    self.key = key
    self.tempoBPM = tempoBPM
    self.meter = meter
    self.bars = bars
    self.style = style
  }

  /// Parses overrides as users type them on the command line; nil arguments stay unset.
  ///
  /// ```swift
  /// let o = try PlanOverrides(parsingKey: "A minor", tempo: "92", meter: "6/8", bars: "16", style: "lo-fi")
  /// ```
  /// - Throws: ``AffectError`` naming the first value that is not a key, a tempo in ``tempoRange``, a time
  ///   signature, a bar count in ``barsRange`` or a known style.
  public init(
    parsingKey key: String?, tempo: String?, meter: String?, bars: String?, style: String?
  ) throws {
    self.init()
    if let key {
      guard let k = Key(parsing: key) else { throw AffectError.invalidKey(key) }
      self.key = k
    }
    if let tempo {
      guard let t = Double(tempo.trimmingCharacters(in: .whitespaces)), t.isFinite,
        PlanOverrides.tempoRange.contains(t)
      else { throw AffectError.invalidTempo(tempo) }
      self.tempoBPM = t
    }
    if let meter {
      guard let m = Meter(parsing: meter) else { throw AffectError.invalidMeter(meter) }
      self.meter = m
    }
    if let bars {
      guard let b = Int(bars.trimmingCharacters(in: .whitespaces)),
        PlanOverrides.barsRange.contains(b)
      else {
        throw AffectError.invalidBars(bars)
      }
      self.bars = b
    }
    if let style {
      guard let s = Style(name: style) else { throw AffectError.invalidStyle(style) }
      self.style = s
    }
  }
}

import Foundation

/// A time signature such as 4/4, 3/4, 6/8 or 7/8.
public struct Meter: Sendable, Hashable, Codable, CustomStringConvertible {
  public var numerator: Int
  /// The note value of one unit: 2, 4, 8 or 16.
  public var denominator: Int

  public init(_ numerator: Int, _ denominator: Int) {
    self.numerator = numerator
    self.denominator = denominator
  }

  /// Parses `4/4`, `3/4`, `6/8`, `12/8`, `5/4`, `7/8`. Rejects 0 or absurd numerators and
  /// denominators that are not 1, 2, 4, 8, 16 or 32, so callers can name the bad value.
  public init?(parsing text: String) {
    let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/")
    guard parts.count == 2, let n = Int(parts[0]), let d = Int(parts[1]),
      (1...32).contains(n), [1, 2, 4, 8, 16, 32].contains(d)
    else { return nil }
    self.init(n, d)
  }

  public static let commonTime = Meter(4, 4)

  /// Compound meters (6/8, 9/8, 12/8) group three units into one felt beat.
  public var isCompound: Bool { denominator >= 8 && numerator % 3 == 0 && numerator > 3 }

  /// Felt beats per bar: 4 in 4/4, 2 in 6/8, 3 in 3/4.
  public var beatsPerBar: Int { isCompound ? numerator / 3 : numerator }

  /// Length of one bar in quarter notes (4/4 → 4, 6/8 → 3, 7/8 → 3.5).
  public var quarterNotesPerBar: Double { Double(numerator) * 4 / Double(denominator) }

  /// Ticks in one bar at a given resolution (ticks per quarter note).
  public func ticksPerBar(ticksPerQuarter: Int) -> Int {
    numerator * ticksPerQuarter * 4 / denominator
  }

  /// Ticks in one felt beat (a dotted quarter in 6/8).
  public func ticksPerBeat(ticksPerQuarter: Int) -> Int {
    let unit = ticksPerQuarter * 4 / denominator
    return isCompound ? unit * 3 : unit
  }

  /// Quarter notes per minute for a tempo counted the way musicians count this metre: in felt beats
  /// in compound metres (a jig "at 110" is 110 dotted quarters a minute, 165 quarter notes), in quarter
  /// notes elsewhere (as DAWs and MIDI tempo maps count them).
  public func quarterNoteBPM(counted bpm: Double) -> Double {
    isCompound ? bpm * 3 * 4 / Double(denominator) : bpm
  }

  /// The inverse of ``quarterNoteBPM(counted:)``: the tempo as musicians count this metre.
  public func countedBPM(quarterNoteBPM bpm: Double) -> Double {
    isCompound ? bpm * Double(denominator) / 12 : bpm
  }

  public var description: String { "\(numerator)/\(denominator)" }
}

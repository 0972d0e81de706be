import Foundation

/// A MIDI note number (0–127). Middle C (C4, like music21 and most DAWs' scientific pitch) is 60.
public struct Pitch: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public var midi: Int

  public init(_ midi: Int) { self.midi = midi }

  /// A pitch from a spelled note and an octave in scientific pitch notation (C4 = 60).
  public init(_ noteClass: NoteClass, octave: Int) {
    self.midi = (octave + 1) * 12 + noteClass.letter.naturalPitchClass + noteClass.accidental
  }

  public var pitchClass: Int { ((midi % 12) + 12) % 12 }
  /// Octave in scientific pitch notation: 60 → 4.
  public var octave: Int { Int((Double(midi) / 12).rounded(.down)) - 1 }
  public var isValidMIDI: Bool { (0...127).contains(midi) }
  /// Frequency in Hz with A4 = 440 Hz, equal temperament.
  public var frequency: Double { 440 * pow2((Double(midi) - 69) / 12) }

  public static func < (a: Pitch, b: Pitch) -> Bool { a.midi < b.midi }
  public static func + (p: Pitch, semitones: Int) -> Pitch { Pitch(p.midi + semitones) }
  public static func - (p: Pitch, semitones: Int) -> Pitch { Pitch(p.midi - semitones) }

  /// The name with sharps, e.g. `C#4`; use ``name(in:)`` for key-aware spelling.
  public var description: String { name(preferFlats: false) }

  public func name(preferFlats: Bool) -> String {
    "\(NoteClass.spelling(ofPitchClass: pitchClass, preferFlats: preferFlats))\(octave)"
  }

  /// Spelled as the key spells it (`Bb4` in F major, `A#4` in B major).
  public func name(in key: Key) -> String { "\(key.spell(pitchClass: pitchClass))\(octave)" }
}

/// 2^x without Foundation's pow overloads, which are ambiguous across platforms.
@inline(__always) func pow2(_ x: Double) -> Double { exp2(x) }

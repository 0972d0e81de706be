import Foundation
import Theory

/// Test signals with known answers, at librosa's default rate unless told otherwise.
enum Signals {
  static let rate = 22050

  static func sine(_ frequency: Double, seconds: Double, rate: Int = rate, amplitude: Float = 0.5)
    -> [Float]
  {
    (0..<Int(seconds * Double(rate))).map {
      amplitude * Float(sin(2 * Double.pi * frequency * Double($0) / Double(rate)))
    }
  }

  /// Uniform white noise in [-amplitude, amplitude].
  static func whiteNoise(seconds: Double, seed: UInt64, rate: Int = rate, amplitude: Float = 0.3)
    -> [Float]
  {
    var generator = SeededGenerator(seed: seed)
    return (0..<Int(seconds * Double(rate))).map { _ in
      amplitude * Float(2 * generator.nextUnit() - 1)
    }
  }

  /// A metronome: a 10 ms decaying 1.5 kHz blip on every beat.
  static func clickTrack(bpm: Double, seconds: Double, rate: Int = rate) -> [Float] {
    var out = [Float](repeating: 0, count: Int(seconds * Double(rate)))
    let period = 60 / bpm
    var t = 0.25
    while t < seconds {
      let start = Int(t * Double(rate))
      for i in 0..<Int(0.01 * Double(rate)) where start + i < out.count {
        let time = Double(i) / Double(rate)
        out[start + i] += Float(0.8 * exp(-time / 0.003) * sin(2 * Double.pi * 1500 * time))
      }
      t += period
    }
    return out
  }

  /// Notes as sums of a few decaying harmonics (a rough piano), `seconds` each, chords one after another.
  /// `cents` detunes everything from A4 = 440 Hz.
  static func chords(
    _ chords: [[Int]], secondsEach: Double = 1, rate: Int = rate, cents: Double = 0
  ) -> [Float] {
    let length = Int(secondsEach * Double(rate))
    var out = [Float](repeating: 0, count: length * chords.count)
    for (c, pitches) in chords.enumerated() {
      for pitch in pitches {
        let f = 440 * pow(2, (Double(pitch - 69) + cents / 100) / 12)
        for h in 1...4 where Double(h) * f < Double(rate) / 2 {
          let amplitude = 0.15 / Double(h)
          for i in 0..<length {
            let t = Double(i) / Double(rate)
            out[c * length + i] += Float(
              amplitude * exp(-t * 1.5) * sin(2 * Double.pi * Double(h) * f * t))
          }
        }
      }
    }
    return out
  }

  /// I–IV–V–I (major) or i–iv–V–i (minor, with the leading tone) in close position around middle C,
  /// with the bass an octave below, played twice.
  static func cadence(tonic: Int, minor: Bool, cents: Double = 0) -> [Float] {
    let third = minor ? 3 : 4
    let root = 48 + tonic
    let i = [root - 12, root, root + third, root + 7]
    let iv = [root - 7, root + 5, root + 5 + third, root + 12]
    let v = [root - 5, root + 7, root + 11, root + 14]
    return chords([i, iv, v, i, i, iv, v, i], cents: cents)
  }
}

extension Signals {
  /// A rock riff: power chords (root, fifth, octave) on a bright, buzzy timbre (the first `harmonics`
  /// partials at 1/√h, no decay, like a distorted guitar), a quieter melody of two-partial tones that
  /// alone carries the third, and a burst of white noise every half second like a hi-hat. The 5th
  /// partial of each root is its *major* third, so chroma that folds every spectral bin hears the
  /// guitar's partials louder than the melody's minor third.
  static func powerChordRiff(
    roots: [Int], melody: [Int], secondsEach: Double = 1, harmonics: Int = 12, rate: Int = rate
  ) -> [Float] {
    let length = Int(secondsEach * Double(rate))
    var out = [Float](repeating: 0, count: length * roots.count)
    // Clipping flattens a guitar's spectrum: partial h at 1/√h rather than 1/h.
    func tone(_ pitch: Int, from start: Int, count: Int, partials: Int, level: Double) {
      let f = 440 * pow(2, Double(pitch - 69) / 12)
      for h in 1...partials where Double(h) * f < Double(rate) / 2 {
        let step = 2 * Double.pi * Double(h) * f / Double(rate)
        for i in 0..<count where start + i < out.count {
          out[start + i] += Float(level / Double(h).squareRoot() * sin(step * Double(i)))
        }
      }
    }
    for (c, root) in roots.enumerated() {
      for pitch in [36 + root, 43 + root, 48 + root] {
        tone(pitch, from: c * length, count: length, partials: harmonics, level: 0.08)
      }
    }
    let noteLength = length / 2
    for (n, pitch) in melody.enumerated() {
      tone(pitch, from: n * noteLength, count: noteLength, partials: 2, level: 0.05)
    }
    let noise = whiteNoise(seconds: 0.08, seed: 7, rate: rate, amplitude: 0.25)
    var start = 0
    while start + noise.count <= out.count {
      for i in 0..<noise.count { out[start + i] += noise[i] }
      start += rate / 2
    }
    return out
  }
}

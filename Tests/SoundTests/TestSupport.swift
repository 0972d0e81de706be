import Foundation
import Theory

@testable import Sound

/// Where the shared data sets and installed SoundFonts are, so tests can skip with a reason when absent.
enum SharedData {
  /// `../shared/data` relative to the package root (found from this file's path).
  static let folder: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("../shared/data").standardized
  static var available: Bool {
    FileManager.default.fileExists(atPath: folder.appendingPathComponent("pop909").path)
  }
}

enum InstalledSoundFont {
  /// The system SoundFont (Debian `fluid-soundfont-gm`), if installed.
  static let path: String? = SoundFontLocator.candidates(in: SoundFontLocator.systemFolder).first
  static var available: Bool { path != nil }
}

/// A fresh temporary folder for one test, removed by the caller's `defer`.
func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "sound-test-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

func filesIn(_ folder: URL) -> [String] {
  (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
}

/// `seconds` of a sine at `frequency` Hz and `amplitude`, mono.
func sine(frequency: Double, seconds: Double, sampleRate: Double, amplitude: Float = 0.5) -> [Float]
{
  (0..<Int(seconds * sampleRate)).map {
    amplitude * Float(sin(2 * Double.pi * frequency * Double($0) / sampleRate))
  }
}

/// Frequency estimated from upward zero crossings, in Hz.
func zeroCrossingFrequency(_ samples: [Float], sampleRate: Double) -> Double {
  var crossings: [Int] = []
  for i in 1..<samples.count where samples[i - 1] < 0 && samples[i] >= 0 { crossings.append(i) }
  guard let first = crossings.first, let last = crossings.last, crossings.count > 1 else {
    return 0
  }
  return Double(crossings.count - 1) / (Double(last - first) / sampleRate)
}

/// The strongest period between 1/`highest` and 1/`lowest` seconds by autocorrelation, as a frequency in Hz;
/// robust to the harmonics that make zero crossings miscount on rich timbres.
func autocorrelationFrequency(
  _ samples: [Float], sampleRate: Double, lowest: Double = 200, highest: Double = 1000
) -> Double {
  let minLag = Int(sampleRate / highest)
  let maxLag = Int(sampleRate / lowest)
  let n = samples.count - maxLag
  guard n > 0 else { return 0 }
  var bestLag = minLag
  var best = -Double.infinity
  for lag in minLag...maxLag {
    var sum = 0.0
    for i in 0..<n { sum += Double(samples[i]) * Double(samples[i + lag]) }
    if sum > best {
      best = sum
      bestLag = lag
    }
  }
  return sampleRate / Double(bestLag)
}

func rms(_ samples: [Float]) -> Double {
  guard !samples.isEmpty else { return 0 }
  return (samples.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(samples.count)).squareRoot()
}

/// Reads a whole (short) file as mono.
func readAllMono(_ path: String) throws -> [Float] {
  let reader = try AudioFileReader(path: path)
  var all: [Float] = []
  while case let block = try reader.readMono(maxFrames: 8192), !block.isEmpty { all += block }
  return all
}

/// Four bars of C–F–G–C on piano, a bass line and a kick on every beat, at 100 BPM then 140 BPM in bar 3.
func cadenceScore() -> Score {
  let q = 480
  var piano = Track(name: "Piano", program: 0, channel: 0)
  var bass = Track(name: "Bass", program: 33, channel: 1)
  var drums = Track(name: "Drums", program: 0, channel: Track.drumChannel)
  let roots = [60, 65, 67, 60]
  for (bar, root) in roots.enumerated() {
    let start = bar * 4 * q
    for offset in [0, 4, 7] {
      piano.notes.append(
        NoteEvent(start: start, duration: 4 * q, pitch: Pitch(root + offset), velocity: 90))
    }
    bass.notes.append(
      NoteEvent(start: start, duration: 2 * q, pitch: Pitch(root - 24), velocity: 100))
    for beat in 0..<4 {
      drums.notes.append(
        NoteEvent(start: start + beat * q, duration: q / 4, pitch: Pitch(36), velocity: 110))
    }
  }
  piano.controls.append(ControlEvent(tick: 0, kind: .controller, number: 7, value: 110))
  return Score(
    ticksPerQuarter: q,
    tempos: [TempoChange(tick: 0, bpm: 100), TempoChange(tick: 8 * q, bpm: 140)],
    tracks: [piano, bass, drums], title: "Cadence")
}

/// The beat among tempi a 3 : 2 or 4 : 3 apart: the level whose own multiples recur too.
///
/// librosa's prior-weighted autocorrelation (``TempoEstimator``) picks the strongest lag near 120 BPM,
/// and a rhythm grouped 3 + 3 + 2 (bossa nova's tresillo, a metal gallop) makes the dotted period as
/// strong as the beat: bossa nova at 110 BPM was heard at 147, metal at 181 at 120. A beat, unlike a
/// dotted grouping, sits in a metre: its twofold and fourfold periods (the half bar and the bar) recur
/// as well (the tactus–measure relation of Lerdahl & Jackendoff's metrical grid and of Klapuri et al.
/// 2006's joint tatum–tactus–measure model). So the lags 3 : 2 and 4 : 3 away from the chosen one are
/// compared by the mean autocorrelation at the lag, twice it and four times it, and one that beats the
/// chosen lag by ``margin`` takes over. Octaves are left to the prior and ``SparsePulse``.
///
/// Measured (Benchmarks/mood/sketch_renders.sh, 528 renders of seeds 1–12; vgmidi's 204 renders against
/// their MIDI tempo maps; the 16 Debian tracks of Benchmarks/analysis against Essentia): tempo within 4 %
/// of the plan 451 → 467 of 528 (2 : 3 readings 12 → 0, 4 : 3 13 → 6), of the tempo map 126 → 134 of
/// 204, the Debian tracks unchanged. Margins of 0.10–0.12 move more sketches (467–468) and vgmidi (136)
/// but change three Debian tracks, one of them away from Essentia's and librosa's tempo; 0.2 leaves the
/// sketches at 451.
enum MetricalLevel {
  /// How much stronger (relative) the other level's metre must be to take over.
  static let margin = 0.15
  /// Lag ratios tried against the chosen lag: 3 : 2 and 4 : 3 either way.
  static let lagRatios = [4.0 / 3, 3.0 / 2, 3.0 / 4, 2.0 / 3]

  /// Mean of the autocorrelation at `lag`, `2 lag` and `4 lag` (each the best of the nearest frame and
  /// its neighbours); nil when `4 lag` lies beyond the tempogram.
  static func metreStrength(_ tempogram: [Double], lag: Double) -> Double? {
    var sum = 0.0
    for multiple in [1.0, 2.0, 4.0] {
      let frame = Int((multiple * lag).rounded())
      guard frame >= 1, frame + 1 < tempogram.count else { return nil }
      sum += max(tempogram[frame - 1], tempogram[frame], tempogram[frame + 1])
    }
    return sum / 3
  }

  /// `lag`, or the lag 3 : 2 or 4 : 3 away (within `allowed`) whose metre is clearly stronger.
  ///
  /// The tempo prior is not applied here: weighed by it, the step moved 1 of 528 sketch renders. Without
  /// it a move can land on the beat's double (a subdivision's multiples recur wherever the beat's do),
  /// which is still the beat's metrical family: double time, not a 4 : 3 tempo nobody taps.
  static func settle(lag: Int, tempogram: [Double], allowed: ClosedRange<Int>) -> Int {
    guard let own = metreStrength(tempogram, lag: Double(lag)) else { return lag }
    var best = own * (1 + margin)
    var chosen = lag
    for ratio in lagRatios {
      let other = Double(lag) * ratio
      let nearest = Int(other.rounded())
      guard allowed.contains(nearest), let strength = metreStrength(tempogram, lag: other),
        strength > best
      else { continue }
      best = strength
      // The autocorrelation peak itself, for the sub-frame refinement that follows.
      chosen =
        ((nearest - 1)...(nearest + 1)).filter { allowed.contains($0) }
        .max(by: { tempogram[$0] < tempogram[$1] }) ?? nearest
    }
    return chosen
  }
}

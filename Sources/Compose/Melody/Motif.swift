import Affect
import Theory

/// A melodic idea a phrase is built from: a rhythm (onsets and lengths in sixteenths from the start of
/// its bar) and a contour (the step, in scale steps, into each note from the one before).
///
/// The operations are the ones songwriters and the classical "sentence" use to develop an idea
/// without copying it: sequence (the same shape from another scale step, done when the motif is
/// realised from a shifted start), rhythmic variation (a note split or two merged), intervallic
/// variation (one interval turned or widened), inversion and fragmentation (the first half, twice).
struct Motif: Hashable {
  struct Onset: Hashable {
    var offset: Int
    var length: Int
  }

  var rhythm: [Onset]
  /// `steps[i]` leads into note `i`; `steps[0]` is unused (the first note's place is chosen by the phrase).
  var steps: [Int]

  var isEmpty: Bool { rhythm.isEmpty }

  /// One note split in two (a long note becomes two halves moving by step), or two notes merged:
  /// the rhythm a singer would vary when the words change.
  func rhythmicallyVaried(generator: inout SeededGenerator) -> Motif {
    var copy = self
    let splittable = rhythm.indices.filter { rhythm[$0].length >= 4 && rhythm[$0].length % 2 == 0 }
    if !splittable.isEmpty, rhythm.count < 2 || generator.nextUnit() < 0.6 {
      let i = splittable[generator.int(in: 0...(splittable.count - 1))]
      let half = rhythm[i].length / 2
      copy.rhythm[i].length = half
      copy.rhythm.insert(Onset(offset: rhythm[i].offset + half, length: half), at: i + 1)
      copy.steps.insert(generator.nextUnit() < 0.5 ? 1 : -1, at: i + 1)
      if i + 2 < copy.steps.count { copy.steps[i + 2] -= copy.steps[i + 1] }
      return copy
    }
    guard rhythm.count >= 3 else { return intervallicallyVaried(generator: &generator) }
    // Merge a note into the one before it (never the first note, which anchors the motif).
    let i = generator.int(in: 2...(rhythm.count - 1))
    copy.rhythm[i - 1].length = rhythm[i].offset + rhythm[i].length - rhythm[i - 1].offset
    copy.rhythm.remove(at: i)
    let merged = copy.steps.remove(at: i)
    if i < copy.steps.count { copy.steps[i] += merged }
    return copy
  }

  /// One inner interval changed: turned the other way, or widened by a step.
  func intervallicallyVaried(generator: inout SeededGenerator) -> Motif {
    guard steps.count >= 2 else { return self }
    var copy = self
    let i = generator.int(in: 1...(steps.count - 1))
    if steps[i] != 0, generator.nextUnit() < 0.5 {
      copy.steps[i] = -steps[i]
    } else {
      copy.steps[i] += steps[i] >= 0 ? 1 : -1
    }
    return copy
  }

  /// The contour upside down (rising becomes falling).
  var inverted: Motif { Motif(rhythm: rhythm, steps: steps.map { -$0 }) }

  /// The notes before `split` (a half bar), stated twice: the second time `shift` scale steps away.
  func fragmented(split: Int, shift: Int) -> Motif {
    let head = rhythm.indices.filter { rhythm[$0].offset < split }
    guard head.count >= 1, head.count < rhythm.count || rhythm.count == 1 else { return self }
    var out = Motif(rhythm: [], steps: [])
    for pass in 0..<2 {
      for i in head {
        let length = min(rhythm[i].length, split - rhythm[i].offset)
        out.rhythm.append(Onset(offset: rhythm[i].offset + pass * split, length: max(1, length)))
        // Into the repeat's first note: from the head's last note back to its first, plus the shift.
        if pass == 1, i == head[0] {
          let span = head.dropFirst().reduce(0) { $0 + steps[$1] }
          out.steps.append(shift - span)
        } else {
          out.steps.append(i == head[0] ? 0 : steps[i])
        }
      }
    }
    return out
  }
}

import Foundation
import Theory

/// Trains a ``CompositionModel`` from chord annotations and melody notes.
///
/// Reading the data is the caller's job (the `train` command reads POP909's MIDI with SMF); the
/// trainer takes plain values, so a tiny hand-made corpus can test it. Training is deterministic:
/// the same songs in the same order give the same model, byte for byte.
public struct ModelTrainer: Sendable {
  /// Longest chord context (3 previous chords: a 4-gram model).
  public var chordContext = 3
  /// Rare long contexts (seen once) are dropped from the shipped chord tables to keep them small.
  public var chordMinimumCount = 2

  public init() {}

  /// Trains on chord songs (any source) and melody notes (one array per song).
  ///
  /// - Throws: ``ComposeError/noTrainingData(_:)`` when there are no chords at all.
  public func train(chordSongs: [ChordSong], melodies: [[MelodyNote]], sources: [String]) throws
    -> CompositionModel
  {
    guard chordSongs.contains(where: { $0.tokenCount > 0 }) else {
      throw ComposeError.noTrainingData(sources.joined(separator: ", "))
    }
    var major = BackoffTableBuilder(maxContext: chordContext)
    var minor = BackoffTableBuilder(maxContext: chordContext)
    var colours: [String: [String: [String: Int]]] = [:]
    var chordBeats: [String: Int] = [:]
    for song in chordSongs {
      let modeName = song.mode.hasMinorThird ? "minor" : "major"
      for run in song.runs {
        if song.mode.hasMinorThird {
          minor.addSequence(run.map(\.token), start: ChordModelSymbols.start)
        } else {
          major.addSequence(run.map(\.token), start: ChordModelSymbols.start)
        }
        for event in run {
          colours[modeName, default: [:]][event.token, default: [:]][
            event.colour.rawValue, default: 0] += 1
          let beats = max(1, min(16, Int(event.beats.rounded())))
          chordBeats["\(beats)", default: 0] += 1
        }
      }
    }

    var rhythm = BackoffTableBuilder(maxContext: 2)
    var steps = BackoffTableBuilder(maxContext: 2)
    var chordTones = BackoffTableBuilder(maxContext: 2)
    var noteCount = 0
    for notes in melodies {
      var previousRhythm = "<s>"
      var stepHistory: [String] = ["<s>"]
      for (i, note) in notes.enumerated() {
        noteCount += 1
        let position = MelodyVocabulary.positionClass(
          position16: note.position16, barLength16: note.barLength16)
        let gap = i + 1 < notes.count ? notes[i + 1].onset16 - note.onset16 : Int.max
        // A long silence ends the phrase: learn a final long note with a rest, then start afresh.
        let length = min(16, note.length16)
        let symbol: String
        if gap > MelodyVocabulary.longestGap16 {
          symbol = MelodyVocabulary.rhythmToken(length16: length, rest16: 16)
        } else {
          let rest = MelodyVocabulary.quantiseRest(gap - min(note.length16, gap))
          let sounding = max(1, min(16, gap - rest))
          symbol = MelodyVocabulary.rhythmToken(length16: sounding, rest16: rest)
        }
        rhythm.add(symbol, after: [previousRhythm, position])
        previousRhythm = gap > MelodyVocabulary.longestGap16 ? "<s>" : symbol

        if let chord = note.chord {
          let above = ((note.pitch - chord.root.pitchClass) % 12 + 12) % 12
          let metric = MelodyVocabulary.metricClass(
            position16: note.position16, barLength16: note.barLength16)
          chordTones.add("\(above)", after: [MelodyVocabulary.chordClass(chord.quality), metric])
        }
        if i + 1 < notes.count, gap <= MelodyVocabulary.longestGap16, notes[i + 1].key == note.key {
          let step =
            MelodyVocabulary.diatonicIndex(of: notes[i + 1].pitch, in: note.key)
            - MelodyVocabulary.diatonicIndex(of: note.pitch, in: note.key)
          let token = MelodyVocabulary.stepToken(step)
          steps.add(token, after: stepHistory)
          stepHistory = Array((stepHistory + [token]).suffix(2))
        } else {
          stepHistory = ["<s>"]
        }
      }
    }
    let summary = CompositionModel.TrainingSummary(
      chordSongs: chordSongs.count, chordTokens: chordSongs.reduce(0) { $0 + $1.tokenCount },
      melodySongs: melodies.filter { !$0.isEmpty }.count, melodyNotes: noteCount, sources: sources)
    return CompositionModel(
      summary: summary,
      majorChords: major.build(minimumCount: chordMinimumCount, pruneFromLength: 3),
      minorChords: minor.build(minimumCount: chordMinimumCount, pruneFromLength: 3),
      colours: colours, chordBeats: chordBeats,
      melodyRhythm: rhythm.build(), melodySteps: steps.build(), melodyChordTones: chordTones.build()
    )
  }
}

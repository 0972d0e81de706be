import ArgumentParser
import Compose
import Foundation
import SMF
import Theory

/// `moodsketch train --data DIR [--out PATH]`: rebuilds the shipped composition model from the data.
struct Train: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Rebuild the composition model from POP909 and the McGill Billboard annotations.",
    discussion: """
      Reads only the two data sets whose licences let a shipped model come from them (POP909, MIT; the McGill \
      Billboard chord annotations, CC0): chord annotations, keys, beats and POP909's MELODY tracks. Writes the \
      model JSON atomically; the same data always gives the same bytes.

        moodsketch train --data ../shared/data
      """)

  @Option(
    help: ArgumentHelp(
      "The shared data folder holding pop909/ and mcgill_billboard/.", valueName: "dir"))
  var data: String

  @Option(
    help: ArgumentHelp(
      "Where to write the model (relative to the current folder, normally the project root).",
      valueName: "path"))
  var out: String = "Sources/Compose/Resources/\(CompositionModel.resourceName).json"

  @OptionGroup var output: OutputOptions

  func run() throws {
    try reportingErrors {
      let started = Date()
      let progress = ProgressLine(label: "training")
      let corpus = try TrainingCorpus.load(
        data: data, readMIDI: { try MIDIFile.read(path: $0) },
        progress: { progress.update(status: $0) })
      progress.clear()
      let model = try ModelTrainer().train(
        chordSongs: corpus.chordSongs, melodies: corpus.melodies,
        sources: ["pop909 (MIT)", "mcgill_billboard (CC0)"])
      let bytes = try model.encoded()
      try AtomicFile.write(bytes, to: out)
      let report = TrainReport(
        pop909Songs: corpus.pop909Songs, billboardFiles: corpus.billboardFiles,
        chordSequences: model.summary.chordSongs, chordTokens: model.summary.chordTokens,
        melodyNotes: model.summary.melodyNotes,
        majorVocabulary: model.vocabulary(for: .major).count,
        minorVocabulary: model.vocabulary(for: .minor).count, skipped: corpus.skipped, out: out,
        bytes: bytes.count,
        seconds: Date().timeIntervalSince(started))
      if output.json {
        try JSONOutput.print(report)
      } else {
        print(
          """
          read \(report.pop909Songs) POP909 songs and \(report.billboardFiles) Billboard transcriptions
          chords: \(report.chordTokens) changes in \(report.chordSequences) key sections; vocabulary \(report.majorVocabulary) major, \(report.minorVocabulary) minor
          melody: \(report.melodyNotes) notes
          skipped: \(report.skipped.count)\(report.skipped.isEmpty ? "" : " (" + report.skipped.prefix(3).joined(separator: "; ") + ")")
          wrote \(out) (\(report.bytes / 1024) KiB) in \(String(format: "%.1f", report.seconds)) s
          """)
      }
    }
  }
}

/// What `train` read and wrote, for `--json`.
struct TrainReport: Codable {
  var pop909Songs: Int
  var billboardFiles: Int
  var chordSequences: Int
  var chordTokens: Int
  var melodyNotes: Int
  var majorVocabulary: Int
  var minorVocabulary: Int
  var skipped: [String]
  var out: String
  var bytes: Int
  var seconds: Double
}

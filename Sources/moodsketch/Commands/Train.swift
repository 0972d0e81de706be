import ArgumentParser
import Compose
import Foundation
import SMF
import Theory

/// `moodsketch train --data DIR [--out PATH]`: rebuilds the shipped composition model from the data.
struct Train: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Rebuild the composition model (POP909, McGill Billboard) and the groove table (Groove MIDI Dataset).",
    discussion: """
      Reads only the two data sets whose licences let a shipped model come from them (POP909, MIT; the McGill \
      Billboard chord annotations, CC0): chord annotations, keys, beats and POP909's MELODY tracks. Writes the \
      model JSON atomically; the same data always gives the same bytes. When groove_midi/ is there too (the \
      Groove MIDI Dataset, CC BY 4.0), it also rebuilds the drum grooves table from its 4/4 takes.

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

  @Option(
    help: ArgumentHelp(
      "Where to write the groove table learned from groove_midi/.", valueName: "path"))
  var groovesOut: String = "Sources/Compose/Resources/\(GrooveTable.resourceName).json"

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
      let grooves = try trainGrooves()
      let report = TrainReport(
        pop909Songs: corpus.pop909Songs, billboardFiles: corpus.billboardFiles,
        chordSequences: model.summary.chordSongs, chordTokens: model.summary.chordTokens,
        melodyNotes: model.summary.melodyNotes,
        majorVocabulary: model.vocabulary(for: .major).count,
        minorVocabulary: model.vocabulary(for: .minor).count, skipped: corpus.skipped, out: out,
        bytes: bytes.count, grooves: grooves,
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
        if let g = report.grooves {
          print(
            "grooves: \(g.takes) GMD takes, \(g.genres) genres, \(g.beatBars) groove bars kept, "
              + "\(g.fillBars) fills kept; wrote \(g.out) (\(g.bytes / 1024) KiB)")
        } else {
          print(
            "grooves: \(data)/\(GrooveCorpus.folderName) not found, the groove table was not rebuilt"
          )
        }
      }
    }
  }
}

extension Train {
  /// Learns the groove table when the Groove MIDI Dataset is in the data folder.
  func trainGrooves() throws -> TrainReport.Grooves? {
    guard FileManager.default.fileExists(atPath: "\(data)/\(GrooveCorpus.folderName)/info.csv")
    else { return nil }
    let corpus = try GrooveCorpus.load(data: data) { try MIDIFile.read(path: $0) }
    let table = try GrooveTrainer().train(corpus.performances, source: GrooveCorpus.credit)
    let bytes = try table.encoded()
    try AtomicFile.write(bytes, to: groovesOut)
    return TrainReport.Grooves(
      takes: corpus.performances.count, genres: table.genres.count,
      beatBars: table.genres.values.reduce(0) { $0 + $1.beats.count },
      fillBars: table.genres.values.reduce(0) { $0 + $1.fills.count }, skipped: corpus.skipped,
      out: groovesOut, bytes: bytes.count)
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
  var grooves: Grooves?
  var seconds: Double

  struct Grooves: Codable {
    var takes: Int
    var genres: Int
    var beatBars: Int
    var fillBars: Int
    var skipped: [String]
    var out: String
    var bytes: Int
  }
}

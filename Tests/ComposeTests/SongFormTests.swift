import Affect
import Analysis
import Compose
import Foundation
import Testing
import Theory

/// Song forms (`sketch --form`, mood journeys): sections as asked, choruses that lift, repeats that
/// come back varied, and sections that follow their own mood.
struct SongFormTests {
  static let barTicks = 1920

  static func song(_ prompt: String, form text: String, seed: UInt64) throws -> SongSketch {
    let form = try SongForm(parsing: text)
    let mood = try MoodParser().parse(prompt)
    let journey = try JourneyParser().parse(prompt)
    let plan = Planner().plan(
      for: mood, overrides: PlanOverrides(meter: .commonTime, bars: form.bars), seed: seed)
    return SongSketch(
      form: form, song: plan, mood: mood, journey: journey, keyFixed: false, seed: seed,
      composer: Composer(model: Fixtures.model))
  }

  static func melody(_ score: Score, bars: Range<Int>) -> [NoteEvent] {
    let notes = score.tracks.first { $0.name == "Melody" }?.notes ?? []
    return notes.filter { bars.contains($0.start / barTicks) }
  }

  static func range(_ section: SongSketch.Section) -> Range<Int> {
    (section.firstBar - 1)..<(section.firstBar - 1 + section.bars)
  }

  @Test func presetsAndSectionsParse() throws {
    let song = try SongForm(parsing: "song")
    #expect(song.text == "intro:4 verse:8 chorus:8 verse:8 chorus:8 bridge:4 chorus:8 outro:4")
    #expect(song.bars == 52)
    #expect(song.labels.prefix(3) == ["Intro", "Verse 1", "Chorus 1"])
    let custom = try SongForm(parsing: "Verse:4, prechorus:2 chorus:8")
    #expect(custom.sections.map(\.role) == [.verse, .preChorus, .chorus])
    #expect(custom.sections[1].name == "pre-chorus")
    #expect(custom.firstBars == [0, 4, 6])
  }

  @Test func malformedFormsNameTheSection() {
    #expect(throws: SongFormError.badLength("verse:0", position: 1)) {
      try SongForm(parsing: "verse:0 chorus:8")
    }
    #expect(throws: SongFormError.missingLength("chorus", position: 2)) {
      try SongForm(parsing: "verse:8 chorus")
    }
    #expect(throws: SongFormError.unknownSection("solo")) { try SongForm(parsing: "solo:4") }
    #expect(throws: SongFormError.tooLong(320)) {
      try SongForm(parsing: Array(repeating: "verse:64", count: 5).joined(separator: " "))
    }
    #expect(throws: SongFormError.empty) { try SongForm(parsing: "  ") }
    let message = SongFormError.missingLength("chorus", position: 2).description
    #expect(message.contains("chorus:8"))
  }

  @Test func sectionsAreMarkedWhereTheFormPutsThem() throws {
    let song = try Self.song("warm nostalgic evening", form: "song", seed: 3)
    #expect(
      song.score.sections.map(\.text)
        == ["Intro", "Verse 1", "Chorus 1", "Verse 2", "Chorus 2", "Bridge", "Chorus 3", "Outro"])
    #expect(song.score.sections.map { $0.tick / Self.barTicks } == [0, 4, 12, 20, 28, 36, 40, 48])
    let end = song.score.tracks.flatMap(\.notes).map { $0.start }.max() ?? 0
    #expect(end / Self.barTicks == 51, "the last note starts in bar 52")
    // The intro sets up without the tune; the song ends on its tonic.
    #expect(Self.melody(song.score, bars: 0..<4).isEmpty)
    let last = try #require(song.score.chords.last)
    #expect(last.chord.root.pitchClass == song.plans.last!.key.tonic.pitchClass)
  }

  /// In every chorus the tune sits higher and moves faster than in the verse before it.
  @Test(arguments: [
    ("warm nostalgic evening", UInt64(1)), ("dark rainy night, lo-fi", 2),
    ("happy sunny pop", 3), ("lonely piano ballad", 4), ("angry punk riot", 5),
    ("dreamy ambient space", 6),
  ])
  func everyChorusLiftsAboveItsVerse(prompt: String, seed: UInt64) throws {
    let song = try Self.song(prompt, form: "verse:8 chorus:8 verse:8 chorus:8", seed: seed)
    for (verse, chorus) in [(0, 1), (2, 3)] {
      let v = Self.melody(song.score, bars: Self.range(song.sections[verse]))
      let c = Self.melody(song.score, bars: Self.range(song.sections[chorus]))
      let mean = { (notes: [NoteEvent]) in
        Double(notes.map(\.pitch.midi).reduce(0, +)) / Double(max(1, notes.count))
      }
      #expect(mean(c) > mean(v), "\(prompt): chorus pitch \(mean(c)) vs verse \(mean(v))")
      #expect(c.count > v.count, "\(prompt): chorus \(c.count) notes vs verse \(v.count)")
    }
  }

  @Test func aRepeatedSectionComesBackVariedNotCopied() throws {
    let song = try Self.song(
      "hopeful morning, indie pop", form: "verse:8 chorus:8 verse:8", seed: 9)
    let first = Self.melody(song.score, bars: 0..<8)
    let again = Self.melody(song.score, bars: 16..<24)
    let shifted = again.map { note in
      var n = note
      n.start -= 16 * Self.barTicks
      return n
    }
    // Same opening half, so the listener knows the verse; a new second half.
    let opening = { (notes: [NoteEvent]) in notes.filter { $0.start < 4 * Self.barTicks } }
    #expect(opening(first).map(\.pitch) == opening(shifted).map(\.pitch))
    #expect(first.map(\.pitch) != shifted.map(\.pitch))
    // The harmony is the verse's again.
    let chords = { (bars: Range<Int>) in
      song.score.chords.filter { bars.contains($0.start / Self.barTicks) }.map(\.chord.symbol)
    }
    #expect(chords(0..<8) == chords(16..<24))
  }

  /// "sad verse, joyful chorus": the verse is planned in minor and slower-feeling, the chorus in
  /// major and brighter, and key-finding on each section's own notes hears it that way.
  @Test(arguments: [UInt64(1), 2, 3, 4])
  func aJourneyGivesEachSectionItsOwnMood(seed: UInt64) throws {
    let prompt = "sad verse, joyful chorus"
    let journey = try #require(try JourneyParser().parse(prompt))
    let form = try #require(SongSketch.form(for: journey))
    #expect(form.text == "verse:8 chorus:8")
    let song = try Self.song(prompt, form: form.text, seed: seed)
    let verse = song.plans[0]
    let chorus = song.plans[1]
    #expect(verse.key.mode.hasMinorThird && !chorus.key.mode.hasMinorThird)
    #expect(verse.melodyDensity < chorus.melodyDensity && verse.arousal < chorus.arousal)
    #expect(song.sections[0].valence < 0 && song.sections[1].valence > 0)
    for (index, minor) in [(0, true), (1, false)] {
      let bars = Self.range(song.sections[index])
      var part = song.score
      part.keys = []
      part.tracks = part.tracks.map { track in
        var t = track
        t.notes = track.notes.filter { bars.contains($0.start / Self.barTicks) }
        return t
      }
      let heard = try DraftReader().read(part, name: "section \(index)").key
      #expect(heard.mode.hasMinorThird == minor, "seed \(seed) section \(index): heard \(heard)")
    }
  }

  @Test func theSameSeedWritesTheSameSong() throws {
    let a = try Self.song("bittersweet drive", form: "pop", seed: 11)
    let b = try Self.song("bittersweet drive", form: "pop", seed: 11)
    #expect(a.score == b.score)
    let c = try Self.song("bittersweet drive", form: "pop", seed: 12)
    #expect(a.score != c.score)
  }
}

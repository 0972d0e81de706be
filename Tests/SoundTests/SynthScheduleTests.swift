import Testing
import Theory

@testable import Sound

@Suite struct SynthScheduleTests {
  @Test func aBankSelectComesBeforeTheProgramAndReleasesBeforeRestrikes() {
    // Two repeated notes of one pitch, with a bank select sent at the first note.
    var track = Track(name: "Strings", program: 48, channel: 2)
    track.controls = [ControlEvent(tick: 480, kind: .controller, number: 0, value: 1)]
    track.notes = [
      NoteEvent(start: 480, duration: 480, pitch: Pitch(60), velocity: 80),
      NoteEvent(start: 960, duration: 480, pitch: Pitch(60), velocity: 90),
    ]
    let messages = SynthMessage.schedule(
      Score(tempos: [TempoChange(tick: 0, bpm: 120)], tracks: [track]), sampleRate: 44100)
    let kinds = messages.map(\.kind)
    #expect(
      kinds == [
        .controller(number: 0, value: 1), .program(48), .noteOn(key: 60, velocity: 80),
        .noteOff(key: 60), .noteOn(key: 60, velocity: 90), .noteOff(key: 60),
      ])
    #expect(messages.allSatisfy { $0.channel == 2 })
  }

  @Test func messagesFallOnTheNearestSynthBlockFollowingTheTempoMap() {
    // 0.5 s per beat, then 0.25 s per beat from beat 2.
    let track = Track(
      name: "Lead", program: 80, channel: 0,
      notes: [NoteEvent(start: 1440, duration: 480, pitch: Pitch(72), velocity: 100)])
    let score = Score(
      tempos: [TempoChange(tick: 0, bpm: 120), TempoChange(tick: 960, bpm: 240)], tracks: [track])
    let messages = SynthMessage.schedule(score, sampleRate: 44100)
    let on = messages.first { if case .noteOn = $0.kind { true } else { false } }
    let off = messages.first { if case .noteOff = $0.kind { true } else { false } }
    // Exact: 1.25 s = 55125 frames → nearest multiple of 64 is 55104; off at 1.5 s = 66150 → 66176.
    #expect(on?.frame == 55104)
    #expect(off?.frame == 66176)
    #expect(messages.allSatisfy { $0.frame % 64 == 0 })
  }

  @Test func silentAndOutOfRangeNotesAreSkippedAndZeroLengthNotesStillSound() {
    let track = Track(
      name: "Odd", program: 0, channel: 0,
      notes: [
        NoteEvent(start: 0, duration: 100, pitch: Pitch(60), velocity: 0),
        NoteEvent(start: 0, duration: 100, pitch: Pitch(130), velocity: 90),
        NoteEvent(start: 0, duration: 0, pitch: Pitch(64), velocity: 90),
      ])
    let messages = SynthMessage.schedule(Score(tracks: [track]), sampleRate: 44100)
    #expect(
      messages.map(\.kind) == [.program(0), .noteOn(key: 64, velocity: 90), .noteOff(key: 64)])
    #expect(messages.last?.frame == 64)
  }
}

import Theory

/// Turns a part into bars of draft notes with the chord symbols, tempo marks and sections placed.
struct PartDrafter {
  let layout: BarLayout
  /// Chord symbols, tempo marks and sections by grid position (the first part prints them).
  let anchors: [(position: Int, anchor: Anchor)]
  let keys: [(position: Int, key: Key)]
  /// Bars (by index) that end a section: printed with a double bar line.
  let sectionEnds: Set<Int>

  func measures(for part: NotationPart) -> [MeasureDraft] {
    let chordStarts = anchors.compactMap { entry -> Int? in
      if case .harmony = entry.anchor { return entry.position }
      return nil
    }
    var previousMeter: Meter?
    var previousKey: Key?
    return layout.bars.enumerated().map { index, bar in
      var items: [DraftItem] = []
      var placed: Set<Int> = []
      let barAnchors =
        part.carriesHarmony
        ? anchors.filter { bar.start <= $0.position && $0.position < bar.end } : []
      for (voiceIndex, events) in part.voices.enumerated() {
        let split = part.carriesHarmony && voiceIndex == 0 ? chordStarts : []
        // A lead sheet's silent bar with a chord change inside shows rests cut at the change.
        let restsOnly = !split.contains { $0 > bar.start && $0 < bar.end }
        let voice = part.voiceNumber(voiceIndex)
        let staff = part.voiceStaves[voiceIndex]
        let firstOfStaff = part.voiceStaves.firstIndex(of: staff) == voiceIndex
        let drafted = VoiceDraft.notes(
          events, in: bar, voice: voice, restSplits: split, drums: part.isDrums,
          restsOnlyIsEmpty: restsOnly)
        // The first voice of each staff fills every bar, with a whole-bar rest when silent.
        guard var notes = drafted ?? (firstOfStaff ? [measureRest(bar, voice: voice)] : nil) else {
          continue
        }
        for i in notes.indices { notes[i].staff = staff }
        if !items.isEmpty { items.append(.backup(bar.length)) }
        for note in notes {
          if voiceIndex == 0 {
            // Print what falls within this note just before it, shifted by <offset> when mid-note.
            for (number, entry) in barAnchors.enumerated()
            where entry.position >= note.value.start
              && entry.position < note.value.start + note.value.length && !placed.contains(number)
            {
              items.append(.anchor(entry.anchor, offset: entry.position - note.value.start))
              placed.insert(number)
            }
          }
          items.append(.note(note))
        }
      }
      let key = keys.last { $0.position <= bar.start }?.key ?? keys.first?.key
      var draft = MeasureDraft(number: index + 1, bar: bar, items: items)
      if key != previousKey { draft.key = key }
      if bar.meter != previousMeter { draft.meter = bar.meter }
      previousKey = key
      previousMeter = bar.meter
      if index == layout.bars.count - 1 {
        draft.rightBarline = "light-heavy"
      } else if sectionEnds.contains(index) {
        draft.rightBarline = "light-light"
      }
      return draft
    }
  }

  private func measureRest(_ bar: BarLayout.Bar, voice: Int) -> DraftNote {
    DraftNote(
      value: NoteValue(
        start: bar.start, length: bar.length, type: "whole", dots: 0, triplet: false),
      notes: [], voice: voice, measureRest: true)
  }
}

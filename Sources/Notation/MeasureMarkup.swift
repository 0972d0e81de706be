import Foundation
import Theory

/// Prints draft measures as MusicXML `<measure>` elements once the file's divisions are known.
struct MeasureMarkup {
  /// Grid units per MusicXML division (12 units = a quarter; divisions = 12 / unit).
  let unit: Int
  let part: NotationPart
  let keys: [(position: Int, key: Key)]

  var divisions: Int { 12 / unit }

  func measure(_ draft: MeasureDraft) -> Markup {
    var children: [Markup] = []
    if let attributes = attributes(draft) { children.append(attributes) }
    for item in draft.items {
      switch item {
      case .note(let note): children += notes(note)
      case .backup(let length):
        children.append(Markup("backup", children: [Markup("duration", text: "\(length / unit)")]))
      case .anchor(let anchor, let offset): children.append(markup(anchor, offset: offset))
      }
    }
    if let style = draft.rightBarline {
      children.append(
        Markup("barline", [("location", "right")], children: [Markup("bar-style", text: style)]))
    }
    return Markup("measure", [("number", "\(draft.number)")], children: children)
  }

  private func attributes(_ draft: MeasureDraft) -> Markup? {
    var children: [Markup] = []
    if draft.number == 1 { children.append(Markup("divisions", text: "\(divisions)")) }
    if let key = draft.key, !part.isDrums || draft.number == 1 {
      let fifths = part.isDrums ? 0 : max(-7, min(7, key.signatureAccidentals))
      var keyChildren = [Markup("fifths", text: "\(fifths)")]
      if !part.isDrums { keyChildren.append(Markup("mode", text: Self.modeName(key.mode))) }
      children.append(Markup("key", children: keyChildren))
    }
    if let meter = draft.meter {
      children.append(
        Markup(
          "time",
          children: [
            Markup("beats", text: "\(meter.numerator)"),
            Markup("beat-type", text: "\(meter.denominator)"),
          ]))
    }
    if draft.number == 1 {
      if part.staves > 1 { children.append(Markup("staves", text: "\(part.staves)")) }
      for (index, clef) in part.clefs.enumerated() {
        var clefChildren = [Markup("sign", text: clef.sign)]
        if !part.isDrums { clefChildren.append(Markup("line", text: "\(clef.line)")) }
        let number: [(String, String)] = part.staves > 1 ? [("number", "\(index + 1)")] : []
        children.append(Markup("clef", number, children: clefChildren))
      }
    }
    return children.isEmpty ? nil : Markup("attributes", children: children)
  }

  static func modeName(_ mode: Mode) -> String {
    switch mode {
    case .harmonicMinor: "minor"
    default: mode.rawValue
    }
  }

  private func notes(_ draft: DraftNote) -> [Markup] {
    guard !draft.notes.isEmpty else { return [note(draft, pitch: nil, chord: false)] }
    return draft.notes.enumerated().map { index, gridNote in
      note(draft, pitch: gridNote, chord: index > 0)
    }
  }

  private func note(_ draft: DraftNote, pitch: GridNote?, chord: Bool) -> Markup {
    var children: [Markup] = []
    var attributes: [(String, String)] = []
    if draft.hidden { attributes.append(("print-object", "no")) }
    // MusicXML's playback loudness: a percentage of MIDI velocity 90 (forte), so players keep the accents.
    if let pitch { attributes.append(("dynamics", Self.number(Double(pitch.velocity) * 100 / 90))) }
    if chord { children.append(Markup("chord")) }
    var drum: DrumNotation.Placement?
    if let pitch {
      if part.isDrums {
        let placement = DrumNotation.placement(of: pitch.pitch.midi)
        drum = placement
        children.append(
          Markup(
            "unpitched",
            children: [
              Markup("display-step", text: placement.step.name),
              Markup("display-octave", text: "\(placement.octave)"),
            ]))
      } else {
        children.append(spelled(pitch.pitch, at: draft.value.start))
      }
    } else {
      children.append(Markup("rest", draft.measureRest ? [("measure", "yes")] : []))
    }
    children.append(Markup("duration", text: "\(draft.value.length / unit)"))
    if draft.tieStop { children.append(Markup("tie", [("type", "stop")])) }
    if draft.tieStart { children.append(Markup("tie", [("type", "start")])) }
    if let pitch, part.isDrums {
      children.append(Markup("instrument", [("id", "\(part.id)-I\(pitch.pitch.midi + 1)")]))
    }
    children.append(Markup("voice", text: "\(draft.voice)"))
    if !draft.measureRest {
      children.append(Markup("type", text: draft.value.type))
      for _ in 0..<draft.value.dots { children.append(Markup("dot")) }
    }
    if draft.value.triplet {
      children.append(
        Markup(
          "time-modification",
          children: [Markup("actual-notes", text: "3"), Markup("normal-notes", text: "2")]))
    }
    if let notehead = drum?.notehead { children.append(Markup("notehead", text: notehead)) }
    if part.staves > 1 { children.append(Markup("staff", text: "\(draft.staff)")) }
    var notations: [Markup] = []
    if draft.tieStop { notations.append(Markup("tied", [("type", "stop")])) }
    if draft.tieStart { notations.append(Markup("tied", [("type", "start")])) }
    if let tuplet = draft.tuplet, !chord {
      notations.append(
        Markup(
          "tuplet",
          tuplet == "start" ? [("type", "start"), ("bracket", "yes")] : [("type", "stop")]))
    }
    if !notations.isEmpty { children.append(Markup("notations", children: notations)) }
    return Markup("note", attributes, children: children)
  }

  /// The pitch spelled as the key at that point spells it (Bb in F major, A# in B major).
  private func spelled(_ pitch: Pitch, at position: Int) -> Markup {
    let key = keys.last { $0.position <= position }?.key ?? keys.first?.key ?? Key(NoteClass(.C))
    let name = key.spell(pitchClass: pitch.pitchClass)
    let octave = (pitch.midi - name.letter.naturalPitchClass - name.accidental) / 12 - 1
    var children = [Markup("step", text: name.letter.name)]
    if name.accidental != 0 { children.append(Markup("alter", text: "\(name.accidental)")) }
    children.append(Markup("octave", text: "\(octave)"))
    return Markup("pitch", children: children)
  }

  private func markup(_ anchor: Anchor, offset: Int) -> Markup {
    let offsetMarkup = offset > 0 ? Markup("offset", text: "\(offset / unit)") : nil
    switch anchor {
    case .harmony(let chord):
      return HarmonyMarkup.harmony(chord, offset: offset > 0 ? offset / unit : nil)
    case .tempo(let quarterBPM, let meter):
      var unitChildren: [Markup]
      if meter.isCompound {
        let dotted = meter.denominator >= 16 ? "eighth" : "quarter"
        unitChildren = [Markup("beat-unit", text: dotted), Markup("beat-unit-dot")]
      } else {
        unitChildren = [Markup("beat-unit", text: "quarter")]
      }
      unitChildren.append(
        Markup("per-minute", text: Self.number(meter.countedBPM(quarterNoteBPM: quarterBPM))))
      var children = [
        Markup(
          "direction-type",
          children: [Markup("metronome", [("parentheses", "no")], children: unitChildren)])
      ]
      if let offsetMarkup { children.append(offsetMarkup) }
      children.append(Markup("sound", [("tempo", Self.number(quarterBPM))]))
      return Markup("direction", [("placement", "above")], children: children)
    case .section(let rehearsal, let words):
      var children = [
        Markup("direction-type", children: [Markup("rehearsal", text: rehearsal)])
      ]
      if let words {
        children.append(Markup("direction-type", children: [Markup("words", text: words)]))
      }
      if let offsetMarkup { children.append(offsetMarkup) }
      return Markup("direction", [("placement", "above")], children: children)
    }
  }

  /// At most two decimals, no trailing zeros: 77, 112.5, 93.33.
  static func number(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    var text = String(format: "%.2f", rounded)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }
}

import Theory

/// Chord symbols as MusicXML `<harmony>`: root, kind (with the lead-sheet text), bass.
enum HarmonyMarkup {
  /// The MusicXML `kind` value and the degrees it needs for qualities MusicXML has no kind for.
  static func kind(of quality: ChordQuality) -> (kind: String, degrees: [(value: Int, alter: Int)])
  {
    switch quality {
    case .major: ("major", [])
    case .minor: ("minor", [])
    case .diminished: ("diminished", [])
    case .augmented: ("augmented", [])
    case .sus2: ("suspended-second", [])
    case .sus4: ("suspended-fourth", [])
    case .dominant7: ("dominant", [])
    case .major7: ("major-seventh", [])
    case .minor7: ("minor-seventh", [])
    case .halfDiminished7: ("half-diminished", [])
    case .diminished7: ("diminished-seventh", [])
    case .minorMajor7: ("major-minor", [])
    case .major6: ("major-sixth", [])
    case .minor6: ("minor-sixth", [])
    // Degree alterations count from the major scale (music21 and MuseScore read them so): b7 is -1.
    case .sus4dominant7: ("suspended-fourth", [(7, -1)])
    case .add9: ("major", [(9, 0)])
    case .dominant9: ("dominant-ninth", [])
    case .major9: ("major-ninth", [])
    case .minor9: ("minor-ninth", [])
    }
  }

  static func harmony(_ chord: Chord, offset: Int?) -> Markup {
    let (kind, degrees) = kind(of: chord.quality)
    var children = [Markup("root", children: steps(chord.root, prefix: "root"))]
    children.append(Markup("kind", [("text", chord.quality.chartSuffix)], text: kind))
    if let bass = chord.bass {
      children.append(Markup("bass", children: steps(bass, prefix: "bass")))
    }
    for degree in degrees {
      children.append(
        Markup(
          "degree",
          children: [
            Markup("degree-value", text: "\(degree.value)"),
            Markup("degree-alter", text: "\(degree.alter)"),
            Markup("degree-type", text: "add"),
          ]))
    }
    if let offset { children.append(Markup("offset", text: "\(offset)")) }
    return Markup("harmony", [("print-frame", "no")], children: children)
  }

  private static func steps(_ note: NoteClass, prefix: String) -> [Markup] {
    var out = [Markup("\(prefix)-step", text: note.letter.name)]
    if note.accidental != 0 { out.append(Markup("\(prefix)-alter", text: "\(note.accidental)")) }
    return out
  }
}

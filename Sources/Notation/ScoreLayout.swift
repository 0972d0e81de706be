import Theory

/// Which parts a MusicXML file holds.
public enum ScoreLayout: String, Sendable, Hashable, Codable, CaseIterable {
  /// One staff: the melody with the chord symbols above it, as on a lead sheet.
  case lead
  /// Every track as its own part (drums as a percussion part), chord symbols above the first.
  case full
}

/// What to put on a lead sheet or score besides the notes.
public struct NotationOptions: Sendable, Hashable {
  public var layout: ScoreLayout
  /// Section names and rehearsal marks, by tick.
  public var sections: [ScoreMarker]
  /// The title; default: the score's own title, else "Sketch".
  public var title: String?
  /// The melody track's index in the score; default: picked by ``MelodyPicker``.
  public var melodyTrack: Int?

  public init(
    layout: ScoreLayout = .lead, sections: [ScoreMarker] = [], title: String? = nil,
    melodyTrack: Int? = nil
  ) {
    self.layout = layout
    self.sections = sections
    self.title = title
    self.melodyTrack = melodyTrack
  }
}

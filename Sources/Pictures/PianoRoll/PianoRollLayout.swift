import Theory

/// Where things go in a piano roll: the time scale and one lane per track.
///
/// Time runs left to right at ``pixelsPerQuarter`` (from 6 to 32 pixels per quarter note, so a song fits
/// in about 1,400 pixels); each pitched lane spans its track's range, a semitone per row, and a drum
/// lane has a row per drum sound. Public so tests and scripts can locate a note's box.
public struct PianoRollLayout: Sendable {
  public struct Lane: Sendable, Hashable {
    public var track: Int
    public var name: String
    public var top: Double
    public var rowHeight: Double
    /// Pitches by row, top row first (highest pitch; for drums, each sound used).
    public var rows: [Int]
    public var isDrums: Bool
    public var height: Double { rowHeight * Double(rows.count) }
  }

  public static let labelWidth = 120.0
  public static let headerHeight = 64.0

  public let ticksPerQuarter: Int
  public let pixelsPerQuarter: Double
  public let endTick: Int
  public let lanes: [Lane]
  public let width: Double
  public let height: Double

  public init(score: Score, endTick: Int) {
    ticksPerQuarter = max(1, score.ticksPerQuarter)
    self.endTick = max(1, endTick)
    let quarters = Double(self.endTick) / Double(ticksPerQuarter)
    pixelsPerQuarter = min(32, max(6, 1400 / max(1, quarters)))
    var lanes: [Lane] = []
    var top = Self.headerHeight
    for (index, track) in score.tracks.enumerated() where !track.notes.isEmpty {
      let rows: [Int]
      let rowHeight: Double
      if track.isDrums {
        rows = Array(Set(track.notes.map(\.pitch.midi))).sorted(by: >)
        rowHeight = 7
      } else {
        let low = track.notes.map(\.pitch.midi).min()! - 1
        let high = track.notes.map(\.pitch.midi).max()! + 1
        rows = Array((low...high).reversed())
        rowHeight = max(3, min(7, 84 / Double(rows.count)))
      }
      let lane = Lane(
        track: index, name: track.name, top: top, rowHeight: rowHeight, rows: rows,
        isDrums: track.isDrums)
      lanes.append(lane)
      top += max(lane.height, 28) + 8
    }
    self.lanes = lanes
    width = Self.labelWidth + quarters * pixelsPerQuarter + 16
    height = top + 8
  }

  /// The x coordinate of a tick.
  public func x(_ tick: Int) -> Double {
    Self.labelWidth + Double(tick) / Double(ticksPerQuarter) * pixelsPerQuarter
  }

  /// The top of a pitch's row in a lane, or nil when the lane has no such row.
  public func y(pitch: Int, in lane: Lane) -> Double? {
    lane.rows.firstIndex(of: pitch).map { lane.top + Double($0) * lane.rowHeight }
  }
}

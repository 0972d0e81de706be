/// Places point labels so that they do not cover one another: each label tries the spots around its
/// point in turn (right above, right below, left above, left below, then further out) and takes the
/// first that overlaps no label placed before it and stays inside the plot. Names of references that
/// sit close together on a mood map stay readable instead of printing over each other.
struct LabelPlacement {
  struct Box {
    var left, top, right, bottom: Double
    func overlaps(_ other: Box) -> Bool {
      left < other.right && other.left < right && top < other.bottom && other.top < bottom
    }
  }

  /// Where a label's text goes: its baseline start (or end, when `anchorsAtEnd`) and its box.
  struct Spot {
    var x: Double
    var y: Double
    var anchorsAtEnd: Bool
    var box: Box
  }

  /// The plot area labels must stay in.
  var bounds: Box
  var fontSize: Double
  private(set) var placed: [Box] = []

  init(bounds: Box, fontSize: Double) {
    self.bounds = bounds
    self.fontSize = fontSize
  }

  /// A width estimate for sans-serif text: about 0.55 em a character (no font metrics in an SVG writer).
  func width(of text: String) -> Double { Double(text.count) * fontSize * 0.55 }

  /// The spot for `text` next to the point at (`cx`, `cy`), remembered so later labels avoid it.
  mutating func place(_ text: String, cx: Double, cy: Double) -> Spot {
    let w = width(of: text)
    let h = fontSize
    var candidates: [Spot] = []
    for ring in 0..<4 {
      let dy = Double(ring) * (h + 2)
      for (dx, baseline, atEnd) in [
        (6.0, cy - 5 - dy, false), (6.0, cy + h + 3 + dy, false),
        (-6.0, cy - 5 - dy, true), (-6.0, cy + h + 3 + dy, true),
      ] {
        let left = atEnd ? cx + dx - w : cx + dx
        let box = Box(left: left, top: baseline - h, right: left + w, bottom: baseline + 2)
        candidates.append(Spot(x: cx + dx, y: baseline, anchorsAtEnd: atEnd, box: box))
      }
    }
    let area = bounds
    let taken = placed
    func inside(_ b: Box) -> Bool {
      b.left >= area.left && b.right <= area.right && b.top >= area.top && b.bottom <= area.bottom
    }
    func free(_ b: Box) -> Bool { !taken.contains { $0.overlaps(b) } }
    let chosen =
      candidates.first { inside($0.box) && free($0.box) } ?? candidates.first { free($0.box) }
      ?? candidates[0]
    placed.append(chosen.box)
    return chosen
  }
}

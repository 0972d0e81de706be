import Affect
import Theory

/// The forms a sketch may take, per number of 4-bar phrases, and the draw of one per seed and style.
///
/// Songwriters do not use one template: POP909's 16-bar melody windows show dozens of forms
/// (Benchmarks/quality), so each length has several, weighted by how periodic the style is. Loop-based
/// styles (house, EDM, trap, hip-hop) favour returning material and may repeat a phrase note for note;
/// song styles favour development and contrast.
public enum FormTemplates {
  /// Styles built on a repeated loop.
  public static let loopStyles: Set<Style> = [.house, .edm, .trap, .hiphop]

  /// Forms of two phrases (8 bars): the period (question and answer), or statement and contrast.
  static let two: [(labels: [Form.Label], song: Double, loop: Double)] = [
    ([.a, .answer], 3, 2),
    ([.a, .b], 1.2, 0.5),
    ([.a, .a], 0, 2),
  ]
  /// Three phrases (12 bars).
  static let three: [(labels: [Form.Label], song: Double, loop: Double)] = [
    ([.a, .answer, .b], 1, 1),
    ([.a, .b, .answer], 1.5, 1),
    ([.a, .answer, .answer], 0.5, 1),
  ]
  /// Four phrases (16 bars), the common song and period shapes.
  static let four: [(labels: [Form.Label], song: Double, loop: Double)] = [
    ([.a, .answer, .b, .answer], 2, 1.5),
    ([.a, .b, .a, .bAnswer], 1.5, 1),
    ([.a, .b, .c, .bAnswer], 1.2, 0.3),
    ([.a, .answer, .b, .c], 1, 0.3),
    ([.a, .answer, .b, .bAnswer], 1.2, 1),
    ([.a, .b, .c, .answer], 1, 0.3),
    ([.a, .b, .answer, .c], 0.8, 0.2),
    ([.a, .a, .b, .b], 0, 1.5),
  ]

  /// The labels for `phrases` phrases (at most four; longer pieces repeat the cycle).
  public static func cycle(phrases: Int, style: Style, generator: inout SeededGenerator)
    -> [Form.Label]
  {
    let loop = loopStyles.contains(style)
    let table: [(labels: [Form.Label], song: Double, loop: Double)]
    switch phrases {
    case ...1: return [.a]
    case 2: table = two
    case 3: table = three
    default: table = four
    }
    let weights = table.map { loop ? $0.loop : $0.song }
    return table[generator.pick(weights: weights)].labels
  }
}

extension Form {
  /// A form drawn for the style from ``FormTemplates``: the same seed gives the same form.
  public init(bars: Int, style: Style, generator: inout SeededGenerator) {
    let phrases = (max(1, bars) + 3) / 4
    let cycle = FormTemplates.cycle(phrases: phrases, style: style, generator: &generator)
    self.init(
      bars: bars, cycle: cycle, literalRepeats: FormTemplates.loopStyles.contains(style))
  }
}

import Theory

/// The key a chord chart is read in, and why.
public struct ChartKey: Sendable, Hashable {
  public var key: Key
  public var reason: String
  /// Set when the chart's chord symbols fit another key better than the one given: one line to warn.
  public var warning: String?

  /// Decides the key for a chart.
  ///
  /// - A given key is used as is; if more than a third of the chart's chord symbols have a tone
  ///   outside its scale (the raised seventh allowed in minor), ``warning`` names the key the
  ///   symbols fit best, and the user's chords are kept regardless.
  /// - Otherwise chord symbols decide (``ChordKeyFinder``, numerals and gaps ignored).
  /// - A chart of numerals only is read on `defaultTonic` (`tonicSource` says where it came from) in the mode under which the chord model
  ///   finds the numerals likelier (`vi IV I V` reads major, `i VI III VII` minor).
  public static func resolve(
    _ chart: ChordChart, given: Key?, defaultTonic: NoteClass, tonicSource: String,
    model: CompositionModel
  ) -> ChartKey {
    let finder = ChordKeyFinder(model: model)
    let symbols = chart.givenSymbols
    if let given {
      var result = ChartKey(key: given, reason: "key \(given): given explicitly", warning: nil)
      if !symbols.isEmpty {
        var scale = Set(given.scalePitchClasses)
        if given.mode.hasMinorThird { scale.insert((given.tonic.pitchClass + 11) % 12) }
        let outside = symbols.filter { !$0.pitchClasses.allSatisfy(scale.contains) }.count
        if 3 * outside > symbols.count {
          let best = finder.infer(symbols).key
          result.warning =
            "the chords fit \(best) better than --key \(given) (\(outside) of \(symbols.count) leave its scale); keeping your chords as given"
        }
      }
      return result
    }
    if !symbols.isEmpty {
      let inference = finder.infer(symbols)
      return ChartKey(key: inference.key, reason: inference.reason, warning: nil)
    }
    let candidates = [Mode.major, .minor].map { mode -> KeyInference in
      let key = Key(defaultTonic, mode)
      return finder.evaluate(chart.chords(in: key).compactMap { $0 }, in: key)
    }
    let best = candidates[0].score >= candidates[1].score ? candidates[0] : candidates[1]
    return ChartKey(
      key: best.key,
      reason:
        "key \(best.key): the chart has numerals only, so the tonic comes from \(tonicSource) and the mode from the numerals (the chord model finds them likelier in \(best.key.mode))",
      warning: nil)
  }
}

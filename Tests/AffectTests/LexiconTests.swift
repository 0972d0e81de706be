import Foundation
import Testing

@testable import Affect

@Suite struct LexiconTests {
  /// The raw resource text, to check what the file itself promises (sorted, no duplicates).
  static let text: String = {
    let url = Bundle.module.url(
      forResource: "lexicon", withExtension: "tsv", subdirectory: "Resources")
    return url.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
  }()

  @Test func bundledLexiconLoadsWithAtLeast1500Entries() throws {
    #expect(Lexicon.bundled.loadError == nil)
    #expect(Lexicon.bundled.entries.count >= 1500)
  }

  @Test func fileIsSortedWithoutDuplicatesAndInRange() throws {
    let entries = try Lexicon.parse(tsv: LexiconTests.text, source: "lexicon.tsv")
    let terms = entries.map(\.term)
    #expect(terms == terms.sorted(), "lexicon.tsv must be sorted by term")
    #expect(Set(terms).count == terms.count, "lexicon.tsv has duplicate terms")
    // Stored in the parser's normal form, so what is in the file is what prompts can match.
    let notNormal = terms.filter { PromptTokenizer.normalise($0) != $0 }
    #expect(notNormal.isEmpty, "terms not in normal form: \(notNormal.prefix(5))")
    for e in entries {
      #expect(
        (-1...1).contains(e.valence) && (-1...1).contains(e.arousal), "\(e.term) out of range")
    }
  }

  @Test func coversAtLeastTwentyStylesIncludingCommonSpellings() throws {
    let styles = Set(
      Lexicon.bundled.entries.values.filter { $0.category == .style }.compactMap(\.style))
    #expect(styles.count >= 20)
    #expect(styles == Set(Style.allCases), "every Style should be nameable in a prompt")
    for (typed, style) in [
      ("lo fi", Style.lofi), ("hip hop", .hiphop), ("r&b", .rnb), ("dnb", .edm),
      ("bossa nova", .bossaNova),
    ] {
      #expect(Lexicon.bundled.entry(for: typed)?.style == style, "\(typed)")
    }
  }

  @Test func coversTheScenesUsersAskFor() {
    for term in [
      "wedding", "boss fight", "study", "rainy", "late night", "road trip", "funeral", "workout",
      "sunday morning",
      "coffee shop",
    ] {
      #expect(Lexicon.bundled.entry(for: term) != nil, "missing \(term)")
    }
  }

  @Test func inflectedFormsFindTheirBase() {
    let lexicon = Lexicon.bundled
    #expect(lexicon.lookup("dreaming")?.term == "dream")
    #expect(lexicon.lookup("dreamy")?.term == "dreamy")
    #expect(lexicon.lookup("happier")?.term == "happy")
    #expect(lexicon.lookup("late nights")?.term == "late night")
    #expect(lexicon.lookup("blorping") == nil)
  }

  @Test func malformedLinesAreNamed() {
    #expect(
      throws: AffectError.lexiconMalformed(
        source: "x.tsv", line: 2, reason: "valence '2' is not in [-1, 1]")
    ) {
      try Lexicon(tsv: "# header\nsad\t2\t0\temotion\n", source: "x.tsv")
    }
    #expect(throws: AffectError.self) {
      try Lexicon(tsv: "jazz\t0.1\t0.1\tstyle\n", source: "x.tsv")
    }
  }
}

import Foundation
import Testing

@testable import Affect

/// How much of what real listeners call music the parser understands: the most-used Last.fm tags
/// (HetRec 2011, ../shared/data; non-commercial, so read at test time only, never fed into the lexicon).
@Suite(.enabled(if: LastFMTags.available, "needs ../shared/data/lastfm_hetrec2011"))
struct LastFMTagCoverageTests {
  @Test func mostOfTheTopTwoHundredTagsAreUnderstood() throws {
    let tags = try LastFMTags.mostUsed(200)
    #expect(tags.count == 200)
    let parser = MoodParser()
    let understood = tags.filter { (try? parser.parse($0)) != nil }
    // Many top tags are nationalities or "seen live", which carry no mood; 60 % is the floor we keep.
    #expect(
      Double(understood.count) / Double(tags.count) >= 0.6, "understood \(understood.count) of 200")
  }

  @Test func moodTagsLandInTheirQuadrants() throws {
    let tags = Set(try LastFMTags.mostUsed(2000))
    let parser = MoodParser()
    let expected: [String: Mood.Quadrant] = [
      "happy": .q1, "upbeat": .q1, "party": .q1, "energetic": .q1, "sad": .q3, "melancholic": .q3,
      "aggressive": .q2, "chill": .q4, "mellow": .q4, "calm": .q4, "relaxing": .q4,
    ]
    for (tag, quadrant) in expected where tags.contains(tag) {
      #expect(try parser.parse(tag).quadrant == quadrant, "\(tag)")
    }
  }
}

enum LastFMTags {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("../shared/data/lastfm_hetrec2011")
    .standardized
  static var available: Bool {
    FileManager.default.fileExists(
      atPath: folder.appendingPathComponent("user_taggedartists.dat").path)
  }

  /// The `count` most-used tag names, most used first.
  static func mostUsed(_ count: Int) throws -> [String] { Array(try ranked.get().prefix(count)) }

  /// Read once: both tests need it, and 186,479 assignments take a moment to count.
  private static let ranked = Result { try rankAll() }

  /// Tag names by number of assignments, most used first.
  private static func rankAll() throws -> [String] {
    // tags.dat is Latin-1 (SOURCE.md).
    let tagText = try String(
      contentsOf: folder.appendingPathComponent("tags.dat"), encoding: .isoLatin1)
    var names: [Substring: String] = [:]
    for line in tagText.split(separator: "\n").dropFirst() {
      let f = line.split(separator: "\t", maxSplits: 1)
      if f.count == 2 { names[f[0]] = String(f[1]).trimmingCharacters(in: .whitespacesAndNewlines) }
    }
    let uses = try String(
      contentsOf: folder.appendingPathComponent("user_taggedartists.dat"), encoding: .utf8)
    var counts: [Substring: Int] = [:]
    for line in uses.split(separator: "\n").dropFirst() {
      let f = line.split(separator: "\t")
      if f.count >= 3 { counts[f[2], default: 0] += 1 }
    }
    return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.compactMap {
      names[$0.key]
    }
  }
}

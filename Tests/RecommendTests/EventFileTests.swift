import Catalog
import Foundation
import Testing

@testable import Recommend

@Suite struct EventFileTests {
  @Test func readsTabsCommasAndSpacesWithHeaderAndTimestamps() throws {
    let tsv = try EventFile.parse(
      "userID\tartistID\tweight\n2\t51\t13883\n2\t52\t11690\t1300000000\n", path: "t.tsv")
    #expect(
      tsv == [
        ListeningEvent(user: "2", item: "51", weight: 13883),
        ListeningEvent(user: "2", item: "52", weight: 11690, timestamp: 1_300_000_000),
      ])
    let csv = try EventFile.parse("# comment\nann,song a,3\n\nann,song b,1.5\r\n", path: "t.csv")
    #expect(csv.map(\.item) == ["song a", "song b"] && csv[1].weight == 1.5)
    #expect(try EventFile.parse("ann x 1\nbob y 2\n", path: "t.txt").count == 2)
  }

  @Test func malformedLinesNameTheirLineNumber() {
    #expect(
      throws: RecommendError.malformedLine(
        path: "f", line: 3, reason: "expected `user item weight [timestamp]`, found 2 fields")
    ) {
      try EventFile.parse("a\tx\t1\n\nb\ty\n", path: "f")
    }
    #expect(
      throws: RecommendError.malformedLine(
        path: "f", line: 2, reason: "weight \"lots\" is not a number; use a play count or rating")
    ) {
      try EventFile.parse("a\tx\t1\nb\ty\tlots\n", path: "f")
    }
    #expect(
      throws: RecommendError.malformedLine(
        path: "f", line: 1,
        reason: "weight -2 must be a positive number; remove the line or fix the count")
    ) {
      try EventFile.parse("a\tx\t-2\n", path: "f")
    }
    #expect(
      throws: RecommendError.malformedLine(
        path: "f", line: 1,
        reason: "weight 0 must be a positive number; remove the line or fix the count")
    ) {
      try EventFile.parse("a\tx\t0\n", path: "f")
    }
  }

  @Test func emptyAndMissingFilesAreClearErrors() throws {
    #expect(throws: RecommendError.emptyEvents("f")) {
      try EventFile.parse("# nothing\n\n", path: "f")
    }
    #expect(throws: RecommendError.emptyEvents("f")) {
      try EventFile.parse("user\titem\tweight\n", path: "f")
    }
    let error = #expect(throws: RecommendError.self) {
      try EventFile.read("/nonexistent/plays.tsv")
    }
    #expect(error?.description.contains("/nonexistent/plays.tsv does not exist") == true)
  }

  @Test func latin1TextIsDecoded() throws {
    var bytes = Array("caf".utf8) + [0xE9] + Array("\tm".utf8) + [0xFA] + Array("sica\t2\n".utf8)
    let path = try RecommendFixture.temporaryFile("")
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(try EventFile.read(path) == [ListeningEvent(user: "café", item: "música", weight: 2)])
    bytes.removeAll()
  }

  @Test func duplicatesAreSummedInTheMatrix() throws {
    let events = try EventFile.parse("a\tx\t2\na\tx\t3\na\ty\t1\n", path: "f")
    let data = InteractionData(events: events)
    #expect(data.matrix.nonZeroCount == 2)
    #expect(data.matrix.values[0] == 5)
  }

  @Test func writtenSplitsReadBackIdentically() throws {
    let events = RecommendFixture.events([("u1", "a", 3), ("u2", "b", 1.5)])
    let path = try RecommendFixture.temporaryFile("", name: "train.tsv")
    try EventFile.write(events, to: path)
    #expect(try EventFile.read(path) == events)
  }
}

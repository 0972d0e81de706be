import Foundation
import Testing

/// `moodsketch mood` as a user runs it: text for people, JSON for scripts, one line per prompt from stdin.
@Suite struct MoodCommandTests {
  @Test func showsValenceArousalQuadrantAndDrivers() throws {
    let result = try CLI.run(["mood", "very sad, slow rainy late-night lo-fi with blorp"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("valence   −"))
    #expect(result.stdout.contains("(sad)") || result.stdout.contains("(despairing)"))
    #expect(result.stdout.contains("Q3"))
    #expect(result.stdout.contains("lofi"))
    #expect(result.stdout.contains("late-night"))
    #expect(result.stdout.contains("modified by very"))
    #expect(result.stdout.contains("unknown   blorp"))
  }

  @Test func jsonHasTheSameFacts() throws {
    let result = try CLI.run(["mood", "happy upbeat summer pop", "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["quadrant"] as? String == "Q1")
    #expect((object["valence"] as? Double ?? 0) > 0.4)
    let styles = try #require(object["styles"] as? [[String: Any]])
    #expect(styles.first?["style"] as? String == "pop")
    let drivers = try #require(object["drivers"] as? [[String: Any]])
    #expect(drivers.map { $0["text"] as? String } == ["happy", "upbeat", "summer", "pop"])
  }

  @Test func planFlagExplainsTheMusicalChoices() throws {
    let result = try CLI.run(["mood", "sad slow rainy night", "--plan", "--seed", "4"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("minor mode"))
    #expect(result.stdout.contains("BPM"))
  }

  @Test func emptyAndUnknownPromptsFailWithOneLineAndUsageExit() throws {
    let empty = try CLI.run(["mood", "  "])
    #expect(empty.status == 64)
    #expect(empty.stderr.contains("empty"))
    #expect(empty.stderr.split(separator: "\n").count == 1)
    let unknown = try CLI.run(["mood", "blorp zzyzx"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("'blorp zzyzx'"))
    #expect(unknown.stdout.isEmpty)
  }

  @Test func stdinLinesGiveOneCompactJSONObjectEach() throws {
    let result = try CLI.run(
      ["mood", "-", "--json"], stdin: "happy\nblorp zzyzx\nsad rainy night\n")
    #expect(result.status == 64, "a bad line makes the exit code non-zero")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    let objects = try lines.map {
      try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(objects[0]["quadrant"] as? String == "Q1")
    #expect(objects[1]["line"] as? Int == 2)
    #expect((objects[1]["error"] as? String)?.contains("blorp zzyzx") == true)
    #expect(objects[2]["quadrant"] as? String == "Q3", "lines after a bad one are still processed")
  }

  @Test func stdinLinesForPeopleNameTheBadLineOnStandardError() throws {
    let result = try CLI.run(["mood", "-"], stdin: "happy\n\nsad\n")
    #expect(result.status == 64)
    #expect(result.stdout.components(separatedBy: "quadrant").count == 3, "two reports")
    #expect(result.stderr.contains("line 2"))
    #expect(result.stderr.contains("empty"))
  }

  @Test func stdinWithOnlyGoodLinesExitsZero() throws {
    let result = try CLI.run(["mood", "-", "--json"], stdin: "jazz\nboss fight")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.split(separator: "\n").count == 2)
  }
}

@Suite struct MoodJourneyCommandTests {
  @Test func journeyPromptShowsThePath() throws {
    let text = try CLI.run(["mood", "sad verse, hopeful chorus"])
    #expect(text.status == 0)
    #expect(text.stdout.contains("journey   sections: verse: sad → chorus: hopeful"))
    let json = try CLI.run(["mood", "calm -> intense", "--json"])
    #expect(json.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let journey = try #require(object["journey"] as? [String: Any])
    #expect(journey["shape"] as? String == "path")
    #expect((journey["stages"] as? [Any])?.count == 2)
    #expect(object["valence"] != nil)
    let plain = try CLI.run(["mood", "calm rainy morning", "--json"])
    #expect(!plain.stdout.contains("journey"))
  }

  @Test func unknownJourneyWordIsOneLineUsageError() throws {
    let r = try CLI.run(["mood", "from lonely to glorbish"])
    #expect(r.status == 64)
    #expect(
      r.stderr
        == "moodsketch: 'glorbish' in the journey stage 'glorbish' is not a mood word moodsketch knows; use words like 'sad', 'hopeful', 'calm', 'intense'\n"
    )
  }
}

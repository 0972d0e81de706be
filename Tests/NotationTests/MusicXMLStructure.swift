import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads a MusicXML text with Foundation's XML parser and checks the rules notation programs rely on.
struct MusicXMLStructure {
  let document: XMLDocument

  init(_ text: String) throws {
    document = try XMLDocument(data: Data(text.utf8), options: [])
  }

  func nodes(_ xpath: String) throws -> [XMLElement] {
    try document.nodes(forXPath: xpath).compactMap { $0 as? XMLElement }
  }

  static func int(_ element: XMLElement, _ child: String) -> Int? {
    element.elements(forName: child).first?.stringValue.flatMap { Int($0) }
  }

  /// For every measure and voice, how far the notes reach (chord notes add nothing; `<backup>` rewinds),
  /// against the length the time signature gives. Returns the measures where a voice does not fill the bar.
  func barsThatDoNotAddUp() throws -> [String] {
    var problems: [String] = []
    for part in try nodes("/score-partwise/part") {
      var divisions = 1
      var beats = 4
      var beatType = 4
      for measure in part.elements(forName: "measure") {
        if let attributes = measure.elements(forName: "attributes").first {
          divisions = Self.int(attributes, "divisions") ?? divisions
          if let time = attributes.elements(forName: "time").first {
            beats = Self.int(time, "beats") ?? beats
            beatType = Self.int(time, "beat-type") ?? beatType
          }
        }
        let barLength = beats * divisions * 4 / beatType
        var position = 0
        var reachedByVoice: [String: Int] = [:]
        for child in measure.children ?? [] {
          guard let element = child as? XMLElement else { continue }
          switch element.name {
          case "note":
            guard element.elements(forName: "chord").isEmpty else { continue }
            position += Self.int(element, "duration") ?? 0
            let voice = element.elements(forName: "voice").first?.stringValue ?? "1"
            reachedByVoice[voice] = position
          case "backup": position -= Self.int(element, "duration") ?? 0
          case "forward": position += Self.int(element, "duration") ?? 0
          default: break
          }
        }
        let number = measure.attribute(forName: "number")?.stringValue ?? "?"
        for (voice, reached) in reachedByVoice where reached != barLength {
          problems.append(
            "part \(part.attribute(forName: "id")?.stringValue ?? "?") bar \(number) voice \(voice): \(reached) of \(barLength)"
          )
        }
      }
    }
    return problems
  }

  /// Ties that do not pair up: a `tie start` must be followed, in the same part and voice, by a note of
  /// the same pitch with `tie stop`, and every `tie stop` must have had a start.
  func unpairedTies() throws -> [String] {
    var problems: [String] = []
    for part in try nodes("/score-partwise/part") {
      var open: Set<String> = []
      for note in try part.nodes(forXPath: "measure/note").compactMap({ $0 as? XMLElement }) {
        guard let pitch = note.elements(forName: "pitch").first else { continue }
        let name =
          (pitch.elements(forName: "step").first?.stringValue ?? "")
          + (pitch.elements(forName: "alter").first?.stringValue ?? "0")
          + (pitch.elements(forName: "octave").first?.stringValue ?? "")
          + "v" + (note.elements(forName: "voice").first?.stringValue ?? "1")
        let ties = note.elements(forName: "tie").compactMap {
          $0.attribute(forName: "type")?.stringValue
        }
        let tied =
          (try? note.nodes(forXPath: "notations/tied/@type"))?.compactMap(\.stringValue) ?? []
        if ties.sorted() != tied.sorted() {
          problems.append("\(name): <tie> \(ties) but <tied> \(tied)")
        }
        if ties.contains("stop") {
          if open.remove(name) == nil { problems.append("\(name): tie stop without a start") }
        } else if open.contains(name) {
          problems.append("\(name): tie start not followed by a stop")
          open.remove(name)
        }
        if ties.contains("start") { open.insert(name) }
      }
      problems += open.map { "\($0): tie start at the end" }
    }
    return problems
  }
}

import Foundation
import Theory

/// Shapes every JSON document moodsketch prints or writes the same way, whatever the command, so
/// scripts can rely on one vocabulary (documented in docs/schema/):
///
/// - `schemaVersion` at the top of every document (``schemaVersion``; raised when a field changes
///   meaning or disappears, not when one is added);
/// - a key is a string as musicians write it, `"key": "Ab major"`, with its parts beside it in
///   `"keyDetail": {"tonic": "Ab", "tonicPitchClass": 8, "mode": "major"}` — both for keys the
///   modules encode structurally (`{"tonic": {"letter": 5, "accidental": -1}, "mode": "major"}`) and
///   for keys they already give as text;
/// - a chord is its symbol, `"symbol": "Bbmaj7"`, with `"chordDetail": {"root": "Bb",
///   "rootPitchClass": 10, "quality": "major7", "suffix": "maj7", "pitchClasses": [10, 2, 5, 9],
///   "bass": null}` beside it.
///
/// The modules' own `Codable` forms are untouched (the catalog stores them), so this happens here,
/// at the edge, on the encoded tree.
enum JSONDocument {
  /// The version of the JSON vocabulary this moodsketch writes.
  static let schemaVersion = 1

  /// `value` encoded, reshaped as above, with `schemaVersion` added when it is an object.
  static func data<T: Encodable>(_ value: T, pretty: Bool = true) throws -> Data {
    let raw = try JSONOutput.encoder(pretty: false).encode(value)
    var tree = reshape(try JSONDecoder().decode(JSONValue.self, from: raw))
    if case .object(var fields) = tree {
      fields["schemaVersion"] = .int(Int64(schemaVersion))
      tree = .object(fields)
    }
    return try JSONOutput.encoder(pretty: pretty).encode(tree)
  }

  /// `value` encoded compactly and reshaped, without `schemaVersion`: one element of a streamed list.
  static func fragment<T: Encodable>(_ value: T) throws -> Data {
    let raw = try JSONOutput.encoder(pretty: false).encode(value)
    let tree = reshape(try JSONDecoder().decode(JSONValue.self, from: raw))
    return try JSONOutput.encoder(pretty: false).encode(tree)
  }

  static func reshape(_ value: JSONValue) -> JSONValue {
    switch value {
    case .array(let items): return .array(items.map(reshape))
    case .object(let fields):
      var result: [String: JSONValue] = [:]
      for (name, field) in fields { result[name] = reshape(field) }
      for (name, field) in fields where keyFields.contains(name) {
        guard let key = key(from: field) else { continue }
        result[name] = .string(key.description)
        if result[name + "Detail"] == nil { result[name + "Detail"] = detail(of: key) }
      }
      if let symbol = fields["symbol"]?.stringValue, result["chordDetail"] == nil,
        let chord = Chord(symbol: symbol)
      {
        result["chordDetail"] = detail(of: chord)
      }
      return .object(result)
    default: return value
    }
  }

  /// Field names that hold a key (not `sourceKey`, which is a catalog row's identity).
  static let keyFields: Set<String> = ["key"]

  /// A key in either form the modules encode: `Key`'s own Codable shape, or text.
  static func key(from value: JSONValue) -> Key? {
    switch value {
    case .string(let text): return Key(parsing: text)
    case .object(let fields):
      guard case .object(let tonic)? = fields["tonic"], let letter = tonic["letter"]?.intValue,
        let accidental = tonic["accidental"]?.intValue, let modeName = fields["mode"]?.stringValue,
        let mode = Mode(rawValue: modeName), let name = NoteClass.Letter(rawValue: letter)
      else { return nil }
      return Key(NoteClass(name, accidental: accidental), mode)
    default: return nil
    }
  }

  static func detail(of key: Key) -> JSONValue {
    .object([
      "tonic": .string(key.tonic.description),
      "tonicPitchClass": .int(Int64(key.tonic.pitchClass)),
      "mode": .string(key.mode.rawValue),
    ])
  }

  static func detail(of chord: Chord) -> JSONValue {
    .object([
      "root": .string(chord.root.description),
      "rootPitchClass": .int(Int64(chord.root.pitchClass)),
      "quality": .string(chord.quality.rawValue),
      "suffix": .string(chord.quality.chartSuffix),
      "pitchClasses": .array(chord.pitchClasses.map { .int(Int64($0)) }),
      "bass": chord.bass.map { .string($0.description) } ?? .null,
    ])
  }
}

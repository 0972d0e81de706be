import Foundation

/// Encodes values for `--json` output: sorted keys so output is stable and diffable.
enum JSONOutput {
  static func encoder(pretty: Bool = true) -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty
      ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
      : [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// Prints one value as a JSON document (see ``JSONDocument``) on standard output.
  static func print<T: Encodable>(_ value: T, pretty: Bool = true) throws {
    let data = try JSONDocument.data(value, pretty: pretty)
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
  }
}

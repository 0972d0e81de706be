import Foundation

/// Number formatting for text meant for people: a real minus sign and an explicit plus, fixed decimals.
public enum AffectFormat {
  /// `−0.45`, `+0.30`, `0.00`.
  public static func signed(_ x: Double, decimals: Int = 2) -> String {
    let magnitude = String(format: "%.\(decimals)f", abs(x))
    if Double(magnitude) == 0 { return magnitude }
    return (x < 0 ? "−" : "+") + magnitude
  }

  /// `0.85`
  public static func fixed(_ x: Double, decimals: Int = 2) -> String {
    String(format: "%.\(decimals)f", x)
  }

  /// `45 %`
  public static func percent(_ p: Double) -> String { "\(Int((p * 100).rounded())) %" }
}

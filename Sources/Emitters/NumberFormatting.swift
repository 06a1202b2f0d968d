/// Writes numbers the same way every time, in a form JSON and xs:double both accept.
enum NumberFormatting {
  /// The canonical text of a number.
  ///
  /// Integral values below 10^15 without a fraction (`13788`), others in Swift's shortest
  /// round-tripping form (`17.4`, `1e+16`). Infinity and NaN have no canonical form.
  static func canonical(_ value: Double, pointer: @autoclosure () -> String) throws(EmitterError)
    -> String
  {
    guard value.isFinite else {
      throw EmitterError(pointer: pointer(), message: "\(value) is not a finite number")
    }
    if value == value.rounded(), abs(value) < 1e15 {
      return value == 0 ? "0" : String(Int64(value))
    }
    return "\(value)"
  }
}

import CLibXML2

/// One message libxml2 reported, copied out of its structure.
public struct XMLDiagnostic: Sendable, Hashable {
  /// The 1-based line, or 0 when libxml2 gives none.
  public var line: Int
  /// The 1-based column, or 0 when libxml2 gives none.
  public var column: Int
  /// The message, trimmed.
  public var message: String
}

/// Collects libxml2's structured errors for one parse, one validation or one XPath context.
enum XMLDiagnostics {
  /// Receives errors through the `void *` context of libxml2's callbacks.
  final class Collector {
    var diagnostics: [XMLDiagnostic] = []

    func add(_ error: UnsafePointer<xmlError>) {
      let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
      var line = Int(error.pointee.line)
      // A validation error names its node; past line 65,535 the node knows its line better
      // than libxml2's guess (see `trueLine`).
      if line >= 65535, let node = error.pointee.node {
        line = trueLine(node.assumingMemoryBound(to: xmlNode.self))
      }
      diagnostics.append(
        XMLDiagnostic(
          line: line, column: Int(error.pointee.int2), message: XMLDiagnostics.trimmed(message)))
    }
  }

  /// The structured-error callback for the APIs that pass the collector itself as context.
  static let collect: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue().add(error)
  }

  /// The message without libxml2's trailing line break.
  static func trimmed(_ message: String) -> String {
    var scalars = Substring(message).unicodeScalars
    while let last = scalars.last, last == "\n" || last == " " || last == "\r" || last == "\t" {
      scalars.removeLast()
    }
    return String(scalars)
  }
}

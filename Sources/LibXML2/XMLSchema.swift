import CLibXML2

/// A compiled XSD, and validation of parsed documents against it.
///
/// A schema is only read once compiled; each validation makes its own libxml2 context and
/// collects its own errors, so one schema may validate on several threads at once.
public final class XMLSchema: @unchecked Sendable {
  /// Why an XSD does not compile.
  public struct CompileError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [XMLDiagnostic]
    public var description: String {
      "the XSD does not compile: "
        + (diagnostics.first.map { "line \($0.line): \($0.message)" } ?? "unknown error")
    }
  }

  private let schema: xmlSchemaPtr

  /// Compiles an XSD held in memory.
  ///
  /// The schema may not import or include other files.
  public init(_ bytes: [UInt8]) throws(CompileError) {
    LibXML2Setup.initialize()
    let collector = XMLDiagnostics.Collector()
    let parsed: xmlSchemaPtr? = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        guard let context = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count)) else {
          return nil
        }
        defer { xmlSchemaFreeParserCtxt(context) }
        xmlSchemaSetParserStructuredErrors(
          context, XMLDiagnostics.collect, Unmanaged.passUnretained(collector).toOpaque())
        return xmlSchemaParse(context)
      }
    }
    guard let parsed else { throw CompileError(diagnostics: collector.diagnostics) }
    schema = parsed
  }

  deinit { xmlSchemaFree(schema) }

  /// Every way `tree` breaks the schema, in the order libxml2 finds them; empty when valid.
  public func validate(_ tree: XMLTree) -> [XMLDiagnostic] {
    let collector = XMLDiagnostics.Collector()
    guard let context = xmlSchemaNewValidCtxt(schema) else {
      return [XMLDiagnostic(line: 0, column: 0, message: "libxml2 could not start a validator")]
    }
    defer { xmlSchemaFreeValidCtxt(context) }
    xmlSchemaSetValidStructuredErrors(
      context, XMLDiagnostics.collect, Unmanaged.passUnretained(collector).toOpaque())
    let result = xmlSchemaValidateDoc(context, tree.document)
    if result != 0 && collector.diagnostics.isEmpty {
      return [
        XMLDiagnostic(
          line: 0, column: 0,
          message: "libxml2 could not validate the document (internal error \(result))")
      ]
    }
    return collector.diagnostics
  }
}

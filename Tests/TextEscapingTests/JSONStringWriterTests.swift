import Testing

@testable import TextEscaping

struct JSONStringWriterTests {
  @Test(
    "strings written as JSON: runs copied, quotes, backslashes and controls escaped",
    arguments: [
      ("", #""""#),
      ("plain", #""plain""#),
      // Real values of the corpus: Japanese stays as it is.
      ("市民協働推進事業", #""市民協働推進事業""#),
      ("Ｅ　一般", #""Ｅ　一般""#),
      ("手段\n(前年度)", #""手段\n(前年度)""#),
      (#"say "yes""#, #""say \"yes\"""#),
      (#"C:\path"#, #""C:\\path""#),
      ("\r\t\u{08}\u{0C}", #""\r\t\b\f""#),
      ("\u{01}a\u{1F}", #""\u0001a\u001f""#),
      (#"""#, #""\"""#),
      ("end\\", #""end\\""#),
    ])
  func written(text: String, expected: String) {
    #expect(JSONStringWriter.quoted(text) == expected)
  }

  @Test("appending keeps what the output already holds")
  func appends() {
    var output = Array("[".utf8)
    JSONStringWriter.append("a\"b", to: &output)
    output.append(UInt8(ascii: ","))
    JSONStringWriter.append("評価", to: &output)
    #expect(String(decoding: output, as: UTF8.self) == #"["a\"b","評価""#)
  }
}

struct MarkupEscapingTests {
  @Test(
    "markup escaped: entities, quotes for attributes, carriage return, forbidden characters",
    arguments: [
      ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
      (#"「"」'"#, "「&quot;」&#39;"),
      ("line\r\nnext\tcell", "line&#13;\nnext\tcell"),
      ("bad\u{01}", "bad\u{FFFD}"),
    ])
  func escaped(text: String, expected: String) {
    #expect(MarkupEscaping.escaped(text) == expected)
  }

  @Test("a forbidden character is reported when it must not be replaced")
  func rejected() {
    var output: [UInt8] = []
    let found = MarkupEscaping.append("ok\u{0B}no", to: &output, quotes: false, forbidden: .reject)
    #expect(found == "\u{0B}")
    #expect(String(decoding: output, as: UTF8.self) == "ok")
  }
}

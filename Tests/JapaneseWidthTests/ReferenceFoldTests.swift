import Foundation
import Testing

@testable import JapaneseWidth

/// Compares the byte-level folder with a slow, obvious implementation over unicode scalars, on
/// the real corpus and on generated text rich in the characters the rules are about.
struct ReferenceFoldTests {
  static let corpusDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Corpus")

  static func scalar(_ value: UInt32) -> Unicode.Scalar {
    Unicode.Scalar(value) ?? "\u{FFFD}"
  }

  static func reference(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var out: [Unicode.Scalar] = []
    func isDigit(_ s: Unicode.Scalar?) -> Bool {
      guard let s else { return false }
      return ("0"..."9").contains(s) || (0xFF10...0xFF19).contains(s.value)
    }
    func isKatakana(_ s: Unicode.Scalar?) -> Bool {
      guard let s else { return false }
      return (0x30A1...0x30FA).contains(s.value) || s.value == 0x30FC
    }
    func isLetterOrDigit(_ s: Unicode.Scalar?) -> Bool {
      guard let s else { return false }
      return s.value >= 0x80 || ("a"..."z").contains(s)
        || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
    }
    var index = 0
    while index < scalars.count {
      let s = scalars[index]
      let next = index + 1 < scalars.count ? scalars[index + 1] : nil
      let v = s.value
      switch v {
      case 0xFF01...0xFF5E:
        if v == 0xFF0D && isKatakana(out.last) {
          out.append("\u{30FC}")
        } else {
          out.append(scalar(v - 0xFEE0))
        }
      case 0xFF61...0xFF9F:
        let base = scalar(HalfwidthKatakanaTable.fullwidth[Int(v - 0xFF61)])
        if let next, next.value == 0xFF9E, HalfwidthKatakanaTable.voiced(base.value) != 0 {
          out.append(scalar(HalfwidthKatakanaTable.voiced(base.value)))
          index += 1
        } else if let next, next.value == 0xFF9F, HalfwidthKatakanaTable.semiVoiced(base.value) != 0
        {
          out.append(scalar(HalfwidthKatakanaTable.semiVoiced(base.value)))
          index += 1
        } else {
          out.append(base)
        }
      case 0x3000: out.append(" ")
      case 0x301C: out.append("~")
      case 0x30FC where isDigit(out.last) && isDigit(next): out.append("-")
      case 0x2010...0x2015, 0x2212:
        let isBar = v == 0x2014 || v == 0x2015
        if isDigit(out.last) && isDigit(next) {
          out.append("-")
        } else if !isBar && isDigit(next) && !isLetterOrDigit(out.last) {
          out.append("-")
        } else if !isBar && isKatakana(out.last) {
          out.append("\u{30FC}")
        } else {
          out.append(s)
        }
      default: out.append(s)
      }
      index += 1
    }
    var result = String.UnicodeScalarView()
    result.append(contentsOf: out)
    return String(result)
  }

  static func corpusTexts() throws -> [String] {
    let files = try FileManager.default.contentsOfDirectory(
      at: corpusDirectory.appendingPathComponent("sheets"), includingPropertiesForKeys: nil)
    return try files.filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }.map {
      try String(contentsOf: $0, encoding: .utf8)
    }
  }

  static func generated(count: Int, seed: UInt64) -> String {
    let pieces = [
      "１", "2", "－", "−", "‐", "―", "ー", "コ", "ｶ", "ﾞ", "ﾟ", "ﾊ", "ｳ", "　", "〜", "～", "（", "A",
      "漢", "、", "a", " ", "①", "〇", "\n", "ｰ", "９", "—", "‒",
    ]
    var state = seed
    var text = ""
    for _ in 0..<count {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      text += pieces[Int(state >> 33) % pieces.count]
    }
    return text
  }

  @Test("the fast folder agrees with the reference on every corpus sheet")
  func corpus() throws {
    let texts = try Self.corpusTexts()
    #expect(texts.count == 10)
    for text in texts {
      #expect(JapaneseWidth.fold(text) == Self.reference(text))
    }
  }

  @Test("the fast folder agrees with the reference on generated text", arguments: 0..<20)
  func generatedText(seed: UInt64) {
    let text = Self.generated(count: 300, seed: seed)
    #expect(JapaneseWidth.fold(text) == Self.reference(text), "\(text)")
  }

  @Test("folding is idempotent and never lengthens the text")
  func idempotent() throws {
    for text in try Self.corpusTexts() + (0..<5).map({ Self.generated(count: 500, seed: $0) }) {
      let once = JapaneseWidth.fold(text)
      #expect(JapaneseWidth.fold(once) == once)
      #expect(once.utf8.count <= text.utf8.count)
    }
  }

  @Test(
    "a stream cut anywhere gives the same bytes as folding the whole", arguments: [1, 7, 64, 4096])
  func stream(chunkSize: Int) throws {
    let texts = try Self.corpusTexts() + [Self.generated(count: 2000, seed: 42)]
    for text in texts {
      let bytes = Array(text.utf8)
      var stream = WidthFoldingStream()
      var output: [UInt8] = []
      var start = 0
      while start < bytes.count {
        let end = min(start + chunkSize, bytes.count)
        output += stream.fold(bytes[start..<end])
        start = end
      }
      output += stream.finish()
      #expect(String(decoding: output, as: UTF8.self) == JapaneseWidth.fold(text))
    }
  }

  @Test("a 10 MB line folds, whole and streamed")
  func longLine() {
    let line = String(repeating: "ｶﾞｲﾄﾞ１２３－４５６　", count: 10_000_000 / 40)
    let folded = JapaneseWidth.fold(line)
    #expect(folded.hasPrefix("ガイド123-456 ガイド"))
    var stream = WidthFoldingStream()
    var output = stream.fold(Array(line.utf8))
    output += stream.finish()
    #expect(output.elementsEqual(folded.utf8))
  }
}

struct StreamSeamTests {
  @Test("megabytes without a safe place are still folded, in bounded memory")
  func forcedCut() {
    let digits = Array(String(repeating: "１２３－", count: 100).utf8)
    var stream = WidthFoldingStream(maximumCarry: 64)
    var output: [UInt8] = []
    for start in stride(from: 0, to: digits.count, by: 16) {
      output += stream.fold(digits[start..<min(start + 16, digits.count)])
    }
    output += stream.finish()
    #expect(String(validating: output, as: UTF8.self) != nil)
    #expect(!output.contains(0xEF))  // every full-width form was folded
  }
}

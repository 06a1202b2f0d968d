import Foundation
import SourceReaders
import TestSupport
import Testing

@Suite("SHA256Digest")
struct SHA256DigestTests {
  @Test(
    "FIPS 180-4 test vectors",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
    ])
  func vectors(text: String, hex: String) {
    #expect(SHA256Digest.hex(Array(text.utf8)) == hex)
  }

  @Test("a million a's: many blocks")
  func million() {
    #expect(
      SHA256Digest.hex([UInt8](repeating: 0x61, count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("agrees with the corpus manifest (made by sha256sum)")
  func manifest() throws {
    let manifest = String(
      decoding: try CorpusExamples.file("Corpus/sheets/SHA256SUMS"), as: UTF8.self)
    let lines = manifest.split(separator: "\n")
    #expect(lines.count == 10)
    for line in lines {
      let parts = line.split(separator: " ", omittingEmptySubsequences: true)
      let name = String(parts[1]).trimmingCharacters(in: CharacterSet(charactersIn: "*"))
      #expect(
        SHA256Digest.hex(try CorpusExamples.file("Corpus/sheets/\(name)")) == String(parts[0]))
    }
  }
}

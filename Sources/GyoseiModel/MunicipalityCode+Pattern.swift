extension MunicipalityCode {
  /// A regular expression (XSD and JSON Schema dialects alike) that matches exactly the codes
  /// with prefecture 01–47 and a correct check digit.
  ///
  /// Both published schemas carry this pattern, so that independent validators (xmllint,
  /// Python's jsonschema) reject a wrong check digit too. A test keeps them in step.
  public static var checkDigitPattern: String {
    let weights = [6, 5, 4, 3, 2]
    func rest(_ position: Int, _ residue: Int) -> String {
      if position == 5 { return String((11 - residue % 11) % 10) }
      let alternatives = (0...9).map { digit in
        String(digit) + rest(position + 1, (residue + weights[position] * digit) % 11)
      }
      return "(" + alternatives.joined(separator: "|") + ")"
    }
    var prefixesByResidue: [Int: [String]] = [:]
    for prefecture in 1...47 {
      let tens = prefecture / 10
      let ones = prefecture % 10
      let residue = (tens * weights[0] + ones * weights[1]) % 11
      prefixesByResidue[residue, default: []].append("\(tens)\(ones)")
    }
    return prefixesByResidue.keys.sorted().map { residue in
      let prefixes = prefixesByResidue[residue, default: []].joined(separator: "|")
      return "(" + prefixes + ")" + rest(2, residue)
    }.joined(separator: "|")
  }
}

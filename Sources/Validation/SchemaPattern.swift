/// A JSON Schema `pattern` compiled into a small automaton that runs over a string's UTF-8
/// bytes, in time linear in the string's length: the published schema's patterns (codes, ids,
/// dates, JSON Pointers, the municipality-code alternation) are checked tens of thousands of
/// times in a large document, where a regular-expression engine behind a string bridge cost a
/// third of the whole check.
///
/// The subset it compiles: literals, `.`, escapes of punctuation, `\d` and `\w`, bracket classes
/// of ASCII characters and ranges (negated ones match any other character, Japanese included),
/// groups `( )` and `(?: )`, alternation, `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`, and `^` and `$`
/// at the ends. `init` returns nil for anything else, and the caller keeps a full engine for it.
/// The search is JSON Schema's (ECMA-262): unanchored unless the pattern says `^` or `$`, and
/// `$` only at the very end — not before a final line break, as ICU and Python would allow, so
/// `"ueda\n"` is no more an id in JSON than in the XSD.
struct SchemaPattern {
  /// A set of characters: ASCII ones by a 128-bit mask, any other scalar when `acceptsOther`.
  private struct CharacterClass {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var acceptsOther = false

    /// The ASCII bytes of `members` (bytes from 0x80 on are not ASCII and are left out).
    init(_ members: some Sequence<UInt8>) {
      for byte in members where byte < 0x80 {
        if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
      }
    }

    /// Every character the class does not hold, Japanese included.
    var inverted: CharacterClass {
      var other = self
      (other.low, other.high, other.acceptsOther) = (~low, ~high, !acceptsOther)
      return other
    }

    mutating func formUnion(_ other: CharacterClass) {
      low |= other.low
      high |= other.high
      acceptsOther = acceptsOther || other.acceptsOther
    }

    func accepts(_ byte: UInt8) -> Bool {
      if byte >= 0x80 { return acceptsOther }
      return byte < 64 ? low & (1 << UInt64(byte)) != 0 : high & (1 << UInt64(byte - 64)) != 0
    }
  }

  /// One instruction of the automaton (plain values, so running it copies no references).
  private enum Instruction {
    /// Consumes one character of the class.
    case character(CharacterClass)
    case split(Int, Int)
    case jump(Int)
    case match
  }

  private indirect enum Node {
    case character(CharacterClass)
    case sequence([Node])
    case alternation([Node])
    case repetition(Node, minimum: Int, maximum: Int?)
  }

  private var program: [Instruction] = []
  private let anchoredStart: Bool
  private let anchoredEnd: Bool
  /// The automaton made deterministic, when it stays small (every pattern of the schema but the
  /// municipality-code alternation): one table lookup per character.
  private var table: DeterministicTable?

  /// - Parameter deterministic: make the table when it stays small (tests turn it off to check
  ///   the simulation on the same patterns).
  init?(_ pattern: String, deterministic: Bool = true) {
    var bytes = Array(pattern.utf8)
    var anchoredStart = false
    var anchoredEnd = false
    if bytes.first == UInt8(ascii: "^") {
      anchoredStart = true
      bytes.removeFirst()
    }
    if bytes.last == UInt8(ascii: "$"), !Self.isEscaped(bytes, at: bytes.count - 1) {
      anchoredEnd = true
      bytes.removeLast()
    }
    var parser = Parser(bytes: bytes)
    guard let node = parser.parseAlternation(), parser.position == bytes.count else { return nil }
    // `^a|b$` anchors each end branch alone; only a pattern without a top-level alternation
    // has its anchors stripped here.
    if case .alternation = node, anchoredStart || anchoredEnd { return nil }
    self.anchoredStart = anchoredStart
    self.anchoredEnd = anchoredEnd
    guard emit(node, depth: 0) else { return nil }
    program.append(.match)
    // A long alternation (the municipality codes) has more states than a table holds: no try.
    table = deterministic && program.count <= 4_096 ? DeterministicTable(self) : nil
  }

  private static func isEscaped(_ bytes: [UInt8], at index: Int) -> Bool {
    var backslashes = 0
    var cursor = index - 1
    while cursor >= 0, bytes[cursor] == UInt8(ascii: "\\") {
      backslashes += 1
      cursor -= 1
    }
    return backslashes % 2 == 1
  }

  /// Whether the pattern is found in `text`.
  func matches(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      if let table { return table.run(bytes, anchoredEnd: anchoredEnd) }
      return run(bytes)
    }
  }

  // MARK: - Compiling

  /// Appends the instructions of `node`; false when a repetition would make the program
  /// unreasonably large.
  private mutating func emit(_ node: Node, depth: Int) -> Bool {
    guard program.count < 1_000_000, depth < 200 else { return false }
    switch node {
    case .character(let characters):
      program.append(.character(characters))
    case .sequence(let parts):
      for part in parts where !emit(part, depth: depth + 1) { return false }
    case .alternation(let branches):
      var jumps: [Int] = []
      for (index, branch) in branches.enumerated() {
        if index + 1 < branches.count {
          let split = program.count
          program.append(.split(split + 1, 0))
          guard emit(branch, depth: depth + 1) else { return false }
          jumps.append(program.count)
          program.append(.jump(0))
          program[split] = .split(split + 1, program.count)
        } else {
          guard emit(branch, depth: depth + 1) else { return false }
        }
      }
      for jump in jumps { program[jump] = .jump(program.count) }
    case .repetition(let body, let minimum, let maximum):
      for _ in 0..<minimum where !emit(body, depth: depth + 1) { return false }
      if let maximum {
        var exits: [Int] = []
        for _ in minimum..<max(minimum, maximum) {
          exits.append(program.count)
          program.append(.split(program.count + 1, 0))
          guard emit(body, depth: depth + 1) else { return false }
        }
        for exit in exits { program[exit] = .split(exit + 1, program.count) }
      } else {
        let loop = program.count
        program.append(.split(loop + 1, 0))
        guard emit(body, depth: depth + 1) else { return false }
        program.append(.jump(loop))
        program[loop] = .split(loop + 1, program.count)
      }
    }
    return true
  }

  // MARK: - Running

  /// A simulation of the automaton over the bytes: every thread advances one character at a
  /// time, so no input makes it backtrack.
  private func run(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    var current = ThreadList(capacity: program.count)
    var next = ThreadList(capacity: program.count)
    var pending: [Int] = []
    pending.reserveCapacity(16)
    var position = 0
    add(0, to: &current, pending: &pending)
    while true {
      if current.reachedMatch && (!anchoredEnd || position == text.count) { return true }
      guard position < text.count else { return false }
      let byte = text[position]
      let width = byte < 0x80 ? 1 : Self.scalarWidth(byte)
      next.clear()
      for state in current.states {
        if case .character(let characters) = program[state], characters.accepts(byte) {
          add(state + 1, to: &next, pending: &pending)
        }
      }
      swap(&current, &next)
      position += width
      if !anchoredStart { add(0, to: &current, pending: &pending) }
      if current.states.isEmpty && anchoredStart { return false }
    }
  }

  fileprivate static func scalarWidth(_ leading: UInt8) -> Int {
    if leading >= 0xF0 { return 4 }
    if leading >= 0xE0 { return 3 }
    return 2
  }

  /// Adds a state and every state it reaches without consuming a character.
  private func add(_ start: Int, to list: inout ThreadList, pending: inout [Int]) {
    pending.append(start)
    while let state = pending.popLast() {
      guard list.insert(state) else { continue }
      switch program[state] {
      case .split(let first, let second):
        pending.append(second)
        pending.append(first)
      case .jump(let target): pending.append(target)
      case .match: list.reachedMatch = true
      case .character: break
      }
    }
  }

  /// The states alive at one position, each once (a sparse set: clearing is free).
  private struct ThreadList {
    var states: [Int] = []
    var seen: [Int]
    var generation = 1
    var reachedMatch = false

    init(capacity: Int) {
      seen = Array(repeating: 0, count: capacity)
    }

    mutating func insert(_ state: Int) -> Bool {
      if seen[state] == generation { return false }
      seen[state] = generation
      states.append(state)
      return true
    }

    mutating func clear() {
      states.removeAll(keepingCapacity: true)
      generation += 1
      reachedMatch = false
    }
  }

  // MARK: - The deterministic table

  /// The subset construction of the automaton over 129 symbols (the ASCII bytes, and one for
  /// any other character), made when the pattern is compiled and refused past 256 states.
  private struct DeterministicTable {
    static let symbols = 129
    static let limit = 256
    /// `next[state * symbols + symbol]`: the following state, or -1 when nothing can match.
    var next: [Int32] = []
    /// Whether a state has reached the end of the pattern.
    var accepting: [Bool] = []

    init?(_ pattern: SchemaPattern) {
      var pending: [Int] = []
      func closure(_ starts: [Int]) -> [Int] {
        var list = ThreadList(capacity: pattern.program.count)
        for start in starts { pattern.add(start, to: &list, pending: &pending) }
        return list.states.sorted()
      }
      var sets: [[Int]] = [closure([0])]
      var index: [[Int]: Int32] = [sets[0]: 0]
      // Most symbols of a state lead to the same states (none, or the same digits): each list
      // of targets is closed once.
      var stateOfTargets: [[Int]: Int32] = [:]
      var cursor = 0
      while cursor < sets.count {
        let set = sets[cursor]
        accepting.append(
          set.contains { if case .match = pattern.program[$0] { true } else { false } })
        for symbol in 0..<Self.symbols {
          var targets: [Int] = []
          for state in set {
            guard case .character(let characters) = pattern.program[state] else { continue }
            let accepted =
              symbol == 128 ? characters.acceptsOther : characters.accepts(UInt8(symbol))
            if accepted { targets.append(state + 1) }
          }
          if !pattern.anchoredStart { targets.append(0) }
          if let known = stateOfTargets[targets] {
            next.append(known)
            continue
          }
          let target = targets.isEmpty ? [] : closure(targets)
          let state: Int32
          if target.isEmpty {
            state = -1
          } else if let known = index[target] {
            state = known
          } else {
            guard sets.count < Self.limit else { return nil }
            state = Int32(sets.count)
            index[target] = state
            sets.append(target)
          }
          stateOfTargets[targets] = state
          next.append(state)
        }
        cursor += 1
      }
    }

    func run(_ text: UnsafeBufferPointer<UInt8>, anchoredEnd: Bool) -> Bool {
      var state = 0
      var position = 0
      while true {
        if accepting[state] && (!anchoredEnd || position == text.count) { return true }
        guard position < text.count else { return false }
        let byte = text[position]
        let symbol: Int
        if byte < 0x80 {
          symbol = Int(byte)
          position += 1
        } else {
          symbol = 128
          position += SchemaPattern.scalarWidth(byte)
        }
        let following = next[state &* Self.symbols &+ symbol]
        if following < 0 { return false }
        state = Int(following)
      }
    }
  }

  // MARK: - Parsing

  private struct Parser {
    let bytes: [UInt8]
    var position = 0

    mutating func parseAlternation() -> Node? {
      var branches: [Node] = []
      while true {
        guard let branch = parseSequence() else { return nil }
        branches.append(branch)
        guard position < bytes.count, bytes[position] == UInt8(ascii: "|") else { break }
        position += 1
      }
      return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func parseSequence() -> Node? {
      var parts: [Node] = []
      while position < bytes.count, bytes[position] != UInt8(ascii: "|"),
        bytes[position] != UInt8(ascii: ")")
      {
        guard let atom = parseAtom(), let repeated = parseQuantifier(atom) else { return nil }
        parts.append(repeated)
      }
      return .sequence(parts)
    }

    mutating func parseAtom() -> Node? {
      let byte = bytes[position]
      position += 1
      switch byte {
      case UInt8(ascii: "("):
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "?") {
          guard bytes[position + 1] == UInt8(ascii: ":") else { return nil }
          position += 2
        }
        guard let inner = parseAlternation(), position < bytes.count,
          bytes[position] == UInt8(ascii: ")")
        else { return nil }
        position += 1
        return inner
      case UInt8(ascii: "["): return parseClass()
      case UInt8(ascii: "."):
        return .character(CharacterClass([0x0A, 0x0D]).inverted)
      case UInt8(ascii: "\\"):
        guard let escaped = parseEscape() else { return nil }
        return .character(escaped.characters)
      case UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "*"), UInt8(ascii: "+"),
        UInt8(ascii: "?"), UInt8(ascii: "{"), UInt8(ascii: "]"), UInt8(ascii: "}"):
        return nil
      default:
        guard byte < 0x80 else { return nil }
        return .character(CharacterClass([byte]))
      }
    }

    /// What an escape stands for: one character (which may open a range in a class) or a
    /// class of them.
    enum Escape {
      case single(UInt8)
      case set(CharacterClass)

      var characters: CharacterClass {
        switch self {
        case .single(let byte): return CharacterClass([byte])
        case .set(let characters): return characters
        }
      }
    }

    /// The escape after the backslash; nil for escapes outside the subset.
    mutating func parseEscape() -> Escape? {
      guard position < bytes.count else { return nil }
      let byte = bytes[position]
      position += 1
      switch byte {
      case UInt8(ascii: "d"):
        return .set(CharacterClass(UInt8(ascii: "0")...UInt8(ascii: "9")))
      case UInt8(ascii: "w"):
        return .set(
          CharacterClass("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_".utf8))
      default:
        // Only punctuation stands for itself; letters and digits are classes or references.
        let isPunctuation =
          byte < 0x80 && !(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
          && !(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
          && !(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        return isPunctuation ? .single(byte) : nil
      }
    }

    mutating func parseClass() -> Node? {
      var members = CharacterClass([])
      var negated = false
      if position < bytes.count, bytes[position] == UInt8(ascii: "^") {
        negated = true
        position += 1
      }
      var first = true
      while position < bytes.count {
        var low = bytes[position]
        if low == UInt8(ascii: "]") && !first { break }
        first = false
        position += 1
        if low == UInt8(ascii: "\\") {
          switch parseEscape() {
          case .single(let byte)?: low = byte
          case .set(let characters)?:
            members.formUnion(characters)
            continue
          case nil: return nil
          }
        }
        guard low < 0x80 else { return nil }
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "-"),
          bytes[position + 1] != UInt8(ascii: "]")
        {
          let high = bytes[position + 1]
          guard high < 0x80, high != UInt8(ascii: "\\"), high >= low else { return nil }
          position += 2
          members.formUnion(CharacterClass(low...high))
        } else {
          members.formUnion(CharacterClass([low]))
        }
      }
      guard position < bytes.count else { return nil }
      position += 1
      return .character(negated ? members.inverted : members)
    }

    mutating func parseQuantifier(_ atom: Node) -> Node? {
      guard position < bytes.count else { return atom }
      switch bytes[position] {
      case UInt8(ascii: "?"):
        position += 1
        return .repetition(atom, minimum: 0, maximum: 1)
      case UInt8(ascii: "*"):
        position += 1
        return .repetition(atom, minimum: 0, maximum: nil)
      case UInt8(ascii: "+"):
        position += 1
        return .repetition(atom, minimum: 1, maximum: nil)
      case UInt8(ascii: "{"):
        position += 1
        guard let minimum = parseNumber() else { return nil }
        var maximum: Int? = minimum
        if position < bytes.count, bytes[position] == UInt8(ascii: ",") {
          position += 1
          maximum = parseNumber()
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "}"),
          maximum.map({ $0 >= minimum }) ?? true, minimum <= 1000, (maximum ?? 0) <= 1000
        else { return nil }
        position += 1
        return .repetition(atom, minimum: minimum, maximum: maximum)
      default:
        return atom
      }
    }

    mutating func parseNumber() -> Int? {
      var value = 0
      var digits = 0
      while position < bytes.count, bytes[position] >= UInt8(ascii: "0"),
        bytes[position] <= UInt8(ascii: "9"), digits < 5
      {
        value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
        position += 1
        digits += 1
      }
      return digits == 0 ? nil : value
    }
  }
}

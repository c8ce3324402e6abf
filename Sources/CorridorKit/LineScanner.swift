/// A forward-only scanner over the lines and whitespace-separated fields of an ASCII
/// text held in memory: the tokenizer of the DIMACS readers.
///
/// Lines end in `\n` or `\r\n`; fields are separated by spaces or tabs. Every error it
/// makes names the file, the line, the column where the offending field starts and the
/// field's name.
struct LineScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    private var lineStart = 0
    private var lineEnd = 0
    private var nextLine = 0
    private var cursor = 0
    /// Where the line's first field starts.
    private var firstField = 0
    /// The 1-based number of the current line; 0 before the first call to ``next()``.
    private(set) var lineNumber = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Moves to the next line; false at the end of the text.
    @inline(__always)
    mutating func next() -> Bool {
        guard nextLine < bytes.count else { return false }
        lineNumber += 1
        lineStart = nextLine
        var i = lineStart
        while i < bytes.count && bytes[i] != 10 { i += 1 }
        nextLine = i + 1
        if i > lineStart && bytes[i - 1] == 13 { i -= 1 }
        lineEnd = i
        cursor = lineStart
        skipSpaces()
        firstField = cursor
        return true
    }

    /// The line's DIMACS type letter (`p`, `a`, `v` …), nil for a blank or comment (`c`)
    /// line, and 0 when the first field is longer than one character.
    var lineType: UInt8? {
        guard cursor < lineEnd else { return nil }
        let first = bytes[cursor]
        if first == UInt8(ascii: "c") { return nil }
        let single = cursor + 1 == lineEnd || isSpace(bytes[cursor + 1])
        return single ? first : 0
    }

    /// Throws if a problem line was already seen on line `previous` (0: none yet).
    func checkNoEarlierProblemLine(_ previous: Int) throws {
        if previous != 0 {
            throw lineError("duplicate problem line (the first is on line \(previous))")
        }
    }

    /// The first field of the line, for messages.
    var firstWord: String {
        var end = cursor
        while end < lineEnd && !isSpace(bytes[end]) { end += 1 }
        return text(cursor, end)
    }

    /// Skips the current field and the spaces after it.
    @inline(__always)
    mutating func skipWord() {
        while cursor < lineEnd && !isSpace(bytes[cursor]) { cursor += 1 }
        skipSpaces()
    }

    /// Consumes a field that must be exactly `word`.
    mutating func expectWord(_ word: String, field: String) throws {
        let start = cursor
        skipWord()
        let found = text(start, trimmedEnd(start))
        guard found == word else {
            throw error(at: column(start), field: field,
                        found.isEmpty ? "missing \(field) \"\(word)\""
                            : "expected \"\(word)\" as \(field), found \"\(found)\"")
        }
    }

    /// Consumes an integer field in `min ... max`.
    @inline(__always)
    mutating func integer(field: String, min: Int64 = 0, max: Int64) throws -> Int64 {
        let start = cursor
        var i = cursor
        var negative = false
        if i < lineEnd && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var value: Int64 = 0
        var digits = 0
        while i < lineEnd {
            let d = bytes[i] &- 48
            if d > 9 { break }
            if value <= 922_337_203_685_477_579 { value = value &* 10 &+ Int64(d) }
            digits += 1
            i += 1
        }
        if digits == 0 || (i < lineEnd && !isSpace(bytes[i])) {
            return try fail(field: field, start: start, min: min)
        }
        if negative { value = -value }
        guard value >= min && value <= max else {
            if value < 0 && min >= 0 {
                throw error(at: column(start), field: field,
                            "\(field) \"\(text(start, i))\" is negative")
            }
            throw error(at: column(start), field: field,
                        "\(field) \(text(start, i)) is out of range \(min)…\(max)")
        }
        cursor = i
        skipSpaces()
        return value
    }

    /// Consumes a 1-based node id in `1 ... nodeCount` and returns it 0-based.
    @inline(__always)
    mutating func nodeID(field: String, nodeCount: Int) throws -> UInt32 {
        let start = cursor
        let id = try integer(field: field, min: Int64.min, max: Int64.max)
        guard id >= 1 && id <= Int64(nodeCount) else {
            throw error(at: column(start), field: field,
                        "\(field) \(text(start, trimmedEnd(start))) is out of range 1…\(nodeCount)")
        }
        return UInt32(id - 1)
    }

    /// Requires that nothing but spaces is left on the line.
    @inline(__always)
    func expectEnd() throws {
        guard cursor < lineEnd else { return }
        throw error(at: column(cursor), "unexpected text \"\(text(cursor, lineEnd))\" after the last field")
    }

    /// The column where the next field starts.
    var currentColumn: Int { column(cursor) }

    /// A diagnostic about the whole line, located at its first field.
    func lineError(_ message: String) -> Diagnostic {
        error(at: column(firstField), message)
    }

    /// A diagnostic at `column` of the current line.
    func error(at column: Int, field: String? = nil, _ message: String) -> Diagnostic {
        Diagnostic(file: file, line: lineNumber, column: column, field: field, message: message)
    }

    // MARK: Helpers

    private func fail(field: String, start: Int, min: Int64) throws -> Int64 {
        let end = trimmedEnd(start)
        if start == end {
            throw error(at: column(start), field: field, "missing \(field)")
        }
        let found = text(start, end)
        if found.hasPrefix("-") && min >= 0, Double(found) != nil {
            throw error(at: column(start), field: field, "\(field) \"\(found)\" is negative")
        }
        throw error(at: column(start), field: field, "\(field) \"\(found)\" is not an integer")
    }

    private func trimmedEnd(_ start: Int) -> Int {
        var end = start
        while end < lineEnd && !isSpace(bytes[end]) { end += 1 }
        return end
    }

    @inline(__always) private mutating func skipSpaces() {
        while cursor < lineEnd && isSpace(bytes[cursor]) { cursor += 1 }
    }

    @inline(__always) private func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 }

    private func column(_ offset: Int) -> Int {
        // Columns count characters: UTF-8 continuation bytes do not start one.
        var c = 1
        for i in lineStart ..< offset where bytes[i] & 0xC0 != 0x80 { c += 1 }
        return c
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< end]), as: UTF8.self)
    }
}

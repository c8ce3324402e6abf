/// An aligned plain-text table for the terminal, measured in display columns so that
/// Chinese, Japanese and Korean text — two columns a character in a terminal — lines up
/// with Latin text and digits.
///
///     var table = TextTable(columns: [.left("place"), .right("minutes")])
///     table.append(["长春", "0"])
///     table.append(["Jilin 吉林", "62"])
///     print(table.render())
///     // place       minutes
///     // ----------  -------
///     // 长春              0
///     // Jilin 吉林       62
///
/// Layout: a header row, a separator line of `-` under each column (as wide as the
/// column), then the rows; two spaces between columns; each column as wide as its widest
/// cell or title; left-aligned columns padded on the right, right-aligned ones (numbers)
/// on the left, titles aligned like their column; no trailing spaces; lines joined with
/// `"\n"` and no line break after the last (``Console/print(_:)`` adds it). A cell is
/// one line: a line break or tab in it is shown as a space. The output depends only on
/// the cells, so it is deterministic.
///
/// Widths follow ``displayWidth(of:)-(StringProtocol)``; a terminal or font that draws
/// a character differently (emoji sequences, ambiguous-width symbols) may misalign.
public struct TextTable: Sendable {
    /// Which side of its column a cell keeps to.
    public enum Alignment: Sendable, Hashable {
        /// Text: padded on the right.
        case left
        /// Numbers: padded on the left, so that units line up.
        case right
    }

    /// A column: its title and alignment.
    public struct Column: Sendable, Hashable {
        public var title: String
        public var alignment: Alignment

        public init(_ title: String, alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }

        /// A left-aligned column, for text.
        public static func left(_ title: String) -> Column { Column(title, alignment: .left) }

        /// A right-aligned column, for numbers.
        public static func right(_ title: String) -> Column { Column(title, alignment: .right) }
    }

    /// The columns, in order.
    public let columns: [Column]
    /// The rows appended so far, each with one cell per column.
    public private(set) var rows: [[String]] = []

    /// An empty table with `columns` (at least one).
    public init(columns: [Column]) {
        precondition(!columns.isEmpty, "a table needs a column")
        self.columns = columns
    }

    /// Appends a row; it must have one cell per column.
    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count,
                     "a row of \(row.count) cells in a table of \(columns.count) columns")
        rows.append(row)
    }

    /// The table as text: header, separator, rows; no line break at the end.
    ///
    /// - Complexity: O(*c*), *c* the characters in the table.
    public func render() -> String {
        let header = columns.map { Self.singleLine($0.title) }
        let body = rows.map { $0.map(Self.singleLine) }
        var widths = header.map { Self.displayWidth(of: $0) }
        for row in body {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], Self.displayWidth(of: cell)) }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (i, cell) in cells.enumerated() {
                if i > 0 { text += "  " }
                let padding = String(repeating: " ", count: widths[i] - Self.displayWidth(of: cell))
                text += columns[i].alignment == .left ? cell + padding : padding + cell
            }
            while text.last == " " { text.removeLast() }
            return text
        }
        var lines = [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += body.map(line)
        return lines.joined(separator: "\n")
    }

    /// `text` with line breaks and tabs as spaces (`"\r\n"` is one space).
    static func singleLine(_ text: String) -> String {
        guard text.contains(where: { $0.isNewline || $0 == "\t" }) else { return text }
        return String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    // MARK: Display width

    /// The columns `text` takes in a terminal: the sum of its scalars' widths.
    ///
    ///     TextTable.displayWidth(of: "长春")        // 4
    ///     TextTable.displayWidth(of: "Jilin 吉林")  // 10
    ///     TextTable.displayWidth(of: "e\u{301}")   // 1 (e and a combining acute)
    ///
    /// - Complexity: O(*n*), *n* the scalars in `text`.
    public static func displayWidth(of text: some StringProtocol) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += displayWidth(of: scalar) }
        return width
    }

    /// The columns one scalar takes in a terminal: 2 for East Asian Wide and Fullwidth
    /// characters, 0 for combining marks, format and control characters (and the
    /// conjoining Hangul vowels and final consonants, drawn inside the syllable's
    /// cell), 1 for everything else.
    ///
    /// The wide ranges are those of Unicode Standard Annex #11, *East Asian Width*
    /// (<https://www.unicode.org/reports/tr11/>), gathered into blocks as Markus Kuhn's
    /// `wcwidth` does: CJK radicals, symbols and punctuation U+2E80–303E, Hiragana,
    /// Katakana, Bopomofo, Hangul compatibility Jamo and enclosed CJK U+3041–33FF, CJK
    /// Unified Ideographs with extension A and Yi U+3400–A4CF, Hangul syllables
    /// U+AC00–D7A3, CJK compatibility ideographs U+F900–FAFF, vertical and compatibility
    /// forms, fullwidth forms U+FF00–FF60 and U+FFE0–FFE6, the supplementary ideographic
    /// planes U+20000–3FFFD (extension B and later), and the emoji that are wide by
    /// default. Ambiguous-width characters (`°`, `·`, `①`, Greek, Cyrillic) count as 1, as
    /// in a terminal outside a CJK locale. U+303F (ideographic half fill space) is
    /// narrow in UAX #11 and counts as 1.
    ///
    /// - Complexity: O(log *r*), *r* the number of wide ranges (about 60).
    public static func displayWidth(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .control: return 0
        case .format: return value == 0xAD ? 1 : 0  // a soft hyphen shows as a hyphen
        default: break
        }
        if (0x1160 ... 0x11FF).contains(value) || (0xD7B0 ... 0xD7FF).contains(value) { return 0 }
        // The last range starting at or before `value`, by binary search.
        var low = 0, high = wideRanges.count
        while low < high {
            let middle = (low + high) / 2
            if wideRanges[middle].lowerBound <= value { low = middle + 1 } else { high = middle }
        }
        return low > 0 && wideRanges[low - 1].contains(value) ? 2 : 1
    }

    /// The East Asian Wide and Fullwidth scalars (UAX #11), sorted and disjoint.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100 ... 0x115F,  // Hangul Jamo leading consonants
        0x231A ... 0x231B, 0x2329 ... 0x232A, 0x23E9 ... 0x23EC, 0x23F0 ... 0x23F0,
        0x23F3 ... 0x23F3, 0x25FD ... 0x25FE, 0x2614 ... 0x2615, 0x2648 ... 0x2653,
        0x267F ... 0x267F, 0x2693 ... 0x2693, 0x26A1 ... 0x26A1, 0x26AA ... 0x26AB,
        0x26BD ... 0x26BE, 0x26C4 ... 0x26C5, 0x26CE ... 0x26CE, 0x26D4 ... 0x26D4,
        0x26EA ... 0x26EA, 0x26F2 ... 0x26F3, 0x26F5 ... 0x26F5, 0x26FA ... 0x26FA,
        0x26FD ... 0x26FD, 0x2705 ... 0x2705, 0x270A ... 0x270B, 0x2728 ... 0x2728,
        0x274C ... 0x274C, 0x274E ... 0x274E, 0x2753 ... 0x2755, 0x2757 ... 0x2757,
        0x2795 ... 0x2797, 0x27B0 ... 0x27B0, 0x27BF ... 0x27BF, 0x2B1B ... 0x2B1C,
        0x2B50 ... 0x2B50, 0x2B55 ... 0x2B55,  // emoji wide by default
        0x2E80 ... 0x303E,  // CJK radicals, Kangxi, description characters, CJK symbols and punctuation
        0x3041 ... 0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, enclosed CJK
        0x3400 ... 0xA4CF,  // CJK extension A, Yijing, CJK Unified Ideographs, Yi
        0xA960 ... 0xA97F,  // Hangul Jamo extended A
        0xAC00 ... 0xD7A3,  // Hangul syllables
        0xF900 ... 0xFAFF,  // CJK compatibility ideographs
        0xFE10 ... 0xFE19,  // vertical forms
        0xFE30 ... 0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00 ... 0xFF60,  // fullwidth forms
        0xFFE0 ... 0xFFE6,  // fullwidth signs
        0x16FE0 ... 0x16FE4, 0x16FF0 ... 0x16FF1, 0x17000 ... 0x18CFF, 0x18D00 ... 0x18D08,  // Tangut, Khitan
        0x1AFF0 ... 0x1B2FF,  // Kana extended and supplement, Nüshu
        0x1F004 ... 0x1F004, 0x1F0CF ... 0x1F0CF, 0x1F18E ... 0x1F18E, 0x1F191 ... 0x1F19A,
        0x1F200 ... 0x1F202, 0x1F210 ... 0x1F23B, 0x1F240 ... 0x1F248, 0x1F250 ... 0x1F251,
        0x1F260 ... 0x1F265,  // enclosed ideographic supplement
        0x1F300 ... 0x1F64F,  // pictographs, emoticons
        0x1F680 ... 0x1F6FF,  // transport and map symbols
        0x1F7E0 ... 0x1F7EB, 0x1F90C ... 0x1F9FF, 0x1FA70 ... 0x1FAFF,  // more emoji
        0x20000 ... 0x2FFFD,  // CJK extension B and later
        0x30000 ... 0x3FFFD,  // CJK extension G and later
    ]
}

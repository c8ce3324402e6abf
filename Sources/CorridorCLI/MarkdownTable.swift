/// A GitHub-flavoured Markdown pipe table: a header row, an alignment row, the rows. Cells
/// are plain text: Markdown's marks in them are escaped (``escaped(_:)``: a project named
/// `烟筒山*至*长春段` is not set in italics), `|` too, and a line break becomes a space,
/// so any text is safe.
///
///     var t = MarkdownTable(["band", "people"], rightAligned: [1])
///     t.append(["≤60", "8,226,958"])
///     t.render()
///     // | band | people |
///     // |---|---:|
///     // | ≤60 | 8,226,958 |
struct MarkdownTable {
    let header: [String]
    let rightAligned: Set<Int>
    var rows: [[String]] = []

    init(_ header: [String], rightAligned: Set<Int> = []) {
        self.header = header
        self.rightAligned = rightAligned
    }

    mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a row of \(row.count) cells in a table of \(header.count) columns")
        rows.append(row)
    }

    static func cell(_ text: String) -> String {
        escaped(text).replacingOccurrences(of: "|", with: "\\|")
            .split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Plain text for Markdown prose or a cell: a backslash before each character that
    /// could start emphasis, code, a link or an HTML tag (`\ * _ ` [ ] < > ~`).
    static func escaped(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\*_`[]<>~".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    func render() -> String {
        var lines = ["| " + header.map(Self.cell).joined(separator: " | ") + " |"]
        lines.append("|" + header.indices.map { rightAligned.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|")
        for row in rows { lines.append("| " + row.map(Self.cell).joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n")
    }
}

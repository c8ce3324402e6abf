/// A GitHub-flavoured Markdown pipe table: a header row, an alignment row, the rows; a
/// `|` inside a cell is escaped and a line break becomes a space, so any text is safe.
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
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    func render() -> String {
        var lines = ["| " + header.map(Self.cell).joined(separator: " | ") + " |"]
        lines.append("|" + header.indices.map { rightAligned.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|")
        for row in rows { lines.append("| " + row.map(Self.cell).joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n")
    }
}

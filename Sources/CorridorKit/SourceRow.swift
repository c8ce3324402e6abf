/// Where a value of the network came from: its file, line, and the column where each of
/// its fields starts, so that checks made long after reading can still point at the field.
public struct SourceRow: Sendable, Hashable {
    /// The file, as the user named it.
    public var file: String
    /// The 1-based line the row starts on.
    public var line: Int
    /// Column name → the 1-based column (in characters) where the field starts.
    public var columns: [String: Int]

    public init(file: String, line: Int, columns: [String: Int] = [:]) {
        self.file = file
        self.line = line
        self.columns = columns
    }

    init(_ table: CSVTable, _ record: CSVRecord) {
        file = table.file
        line = record.line
        var columns: [String: Int] = [:]
        for (name, p) in zip(table.header, record.positions) where p.line == record.line {
            columns[name] = p.column
        }
        self.columns = columns
    }

    /// A diagnostic about `field` of this row.
    public func diagnostic(
        _ field: String, _ message: String, severity: Diagnostic.Severity = .error
    ) -> Diagnostic {
        Diagnostic(
            file: file, line: line, column: columns[field], field: field, severity: severity,
            message: message)
    }
}

/// Reads typed values out of a ``CSVTable`` whose columns are known in advance, collecting
/// one located ``Diagnostic`` for each problem instead of stopping at the first: the
/// header (unknown columns, with a did-you-mean; missing required ones) and every field
/// (missing, unparsable, not one of the allowed words).
struct TableReader {
    let table: CSVTable
    /// Column name → index in the table, for the columns the file has.
    private var index: [String: Int] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    /// How many of the ``diagnostics`` are errors: a row is left out when reading it adds one.
    private(set) var errorCount = 0

    /// Checks the header against the `required` and `optional` columns.
    init(_ table: CSVTable, required: [String], optional: [String]) {
        self.table = table
        let known = required + optional
        for (i, name) in table.header.enumerated() {
            if known.contains(name) {
                index[name] = i
            } else {
                diagnostics.append(Diagnostic(
                    file: table.file, line: table.headerLine, column: headerColumn(i), field: name,
                    message: "unknown column \"\(name)\"" + Suggestions.didYouMean(name, among: known)))
            }
        }
        // A missing column has no place in the line: it is reported at the header's line.
        for name in required where index[name] == nil {
            diagnostics.append(Diagnostic(
                file: table.file, line: table.headerLine, field: name,
                message: "missing column \"\(name)\""))
        }
        errorCount = diagnostics.count
    }

    /// Whether the file has the column.
    func has(_ column: String) -> Bool { index[column] != nil }

    /// The trimmed text of a field, nil when the column is absent or the field empty.
    func text(_ record: CSVRecord, _ column: String) -> String? {
        guard let i = index[column] else { return nil }
        let value = record.fields[i].trimmingBlanks()
        return value.isEmpty ? nil : value
    }

    /// The `;`-separated items of a field, trimmed, empty items dropped.
    func list(_ record: CSVRecord, _ column: String) -> [String] {
        (text(record, column) ?? "").split(separator: ";")
            .map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
    }

    /// The text of a field that must be given; a diagnostic when it is empty.
    mutating func required(_ record: CSVRecord, _ column: String) -> String? {
        guard let i = index[column] else { return nil }  // the header diagnostic covers it
        if let value = text(record, column) { return value }
        report(record, column, at: i, "missing \(column)")
        return nil
    }

    /// A name shown to people (in tables, diagrams, reports), which must be given: a
    /// diagnostic for one holding a line break, a control character or a bidirectional
    /// override (U+202E would print the rest of a table line backwards), and a warning
    /// for one longer than `longest` characters, which would widen every table it is in.
    mutating func name(_ record: CSVRecord, _ column: String, longest: Int = 60) -> String? {
        guard let value = required(record, column) else { return nil }
        if let bad = value.unicodeScalars.first(where: Self.isInvisibleControl) {
            let code = String(bad.value, radix: 16, uppercase: true)
            report(record, column,
                   "\(column) holds an invisible control character, U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code): "
                       + "names are shown in tables and diagrams")
            return nil
        }
        if value.count > longest {
            report(record, column,
                   "\(column) is \(value.count) characters long: tables and diagrams widen with it (at most \(longest) reads well)",
                   severity: .warning)
        }
        return value
    }

    /// Line breaks, tabs and other C0/C1 controls (Cc); the line and paragraph separators
    /// U+2028, U+2029 (Zl, Zp), which break a table's line as a newline does; and the
    /// invisible format characters (Cf): the bidirectional marks, embeddings, overrides
    /// and isolates (U+200E, U+202A…U+202E, U+2066…U+2069), zero-width spaces and joiners,
    /// a byte-order mark inside the text.
    static func isInvisibleControl(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator, .format: true
        default: false
        }
    }

    /// A decimal number, or nil (with a diagnostic if the text is not one).
    mutating func number(_ record: CSVRecord, _ column: String, required: Bool = false) -> Double? {
        guard let value = required ? self.required(record, column) : text(record, column) else {
            return nil
        }
        guard let x = Double(value), x.isFinite else {
            report(record, column, at: index[column]!, "\(column) \"\(value)\" is not a number")
            return nil
        }
        return x
    }

    /// A whole number, or nil (with a diagnostic if the text is not one).
    mutating func integer(_ record: CSVRecord, _ column: String, required: Bool = false) -> Int? {
        guard let value = required ? self.required(record, column) : text(record, column) else {
            return nil
        }
        guard let n = Int(value) else {
            report(record, column, at: index[column]!, "\(column) \"\(value)\" is not a whole number")
            return nil
        }
        return n
    }

    /// One of a set of words, parsed by `parse`; a diagnostic naming the allowed words.
    mutating func word<T>(
        _ record: CSVRecord, _ column: String, required: Bool = true, allowed: [String],
        _ parse: (String) -> T?
    ) -> T? {
        guard let value = required ? self.required(record, column) : text(record, column) else {
            return nil
        }
        if let parsed = parse(value) { return parsed }
        report(record, column, at: index[column]!,
               "unknown \(column) \"\(value)\"" + Suggestions.didYouMean(value, among: allowed)
                   + " (one of: \(allowed.joined(separator: ", ")))")
        return nil
    }

    /// Records a diagnostic at a field.
    mutating func report(
        _ record: CSVRecord, _ column: String, _ message: String,
        severity: Diagnostic.Severity = .error
    ) {
        if let i = index[column] {
            report(record, column, at: i, message, severity: severity)
        } else {
            diagnostics.append(Diagnostic(
                file: table.file, line: record.line, field: column, severity: severity, message: message))
            if severity == .error { errorCount += 1 }
        }
    }

    private mutating func report(
        _ record: CSVRecord, _ column: String, at i: Int, _ message: String,
        severity: Diagnostic.Severity = .error
    ) {
        let p = record.positions[i]
        diagnostics.append(Diagnostic(
            file: table.file, line: p.line, column: p.column, field: column, severity: severity,
            message: message))
        if severity == .error { errorCount += 1 }
    }

    /// The column (in characters) where header cell `i` starts.
    private func headerColumn(_ i: Int) -> Int { table.headerPositions[i].column }
}

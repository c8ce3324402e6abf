import Foundation

/// One record of a CSV file: its fields, where it starts, and where each field starts,
/// so that every problem in it can be reported as `file:line:column`.
public struct CSVRecord: Sendable, Hashable {
    /// The 1-based line on which the record starts (a quoted field may span lines).
    public var line: Int
    /// The fields, unquoted.
    public var fields: [String]
    /// The 1-based line and column (in characters) where each field starts.
    public var positions: [CSVPosition]
}

/// A place in a CSV file: 1-based line and column, counted in characters.
public struct CSVPosition: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A CSV file with a header row: the column names and the records under them.
public struct CSVTable: Sendable {
    /// The file, as the user named it.
    public var file: String
    /// The column names, trimmed, in file order.
    public var header: [String]
    /// The line of the header.
    public var headerLine: Int
    /// Where each header cell starts, parallel to ``header``.
    public var headerPositions: [CSVPosition]
    /// The data records, each with exactly `header.count` fields.
    public var records: [CSVRecord]
    /// The records left out because their number of fields is wrong, one error each: the
    /// rest of the file is still read, so a reader can report every problem at once.
    public var problems: [Diagnostic] = []
    /// Those records, their fields cut or padded with empty ones to the header's count: a
    /// reader may take their ids as named (a reference to a row with a problem of its own
    /// is not a second problem), never their values as data.
    public var leftOut: [CSVRecord] = []

    /// The index of the column called `name`, if there is one.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}

/// Reading CSV files as planners save them from Excel or LibreOffice (RFC 4180).
///
///     let table = try CSV.readTable(at: "Networks/jilin/places.csv")
///     table.header          // ["id", "name_zh", "name_en", …]
///     table.records[0].line // 2
///
/// What is accepted: comma-separated fields; fields in double quotes, which may hold
/// commas, line breaks (kept as `\n`) and doubled quotes (`""` for `"`); LF, CRLF or CR
/// line ends; a
/// UTF-8 byte-order mark, as Excel writes one; blank lines and rows of empty cells
/// (skipped); trailing empty
/// fields beyond the header (Excel's trailing commas, dropped). Everything else is a
/// ``Diagnostic`` naming the file, line and column: a file that is not UTF-8 (with how to
/// fix the usual cause, a GBK file from a Chinese Excel), an unterminated quoted field,
/// text after a closing quote, a duplicate or empty column name (thrown: the file cannot
/// be read), and a record with more or fewer fields than the header (left out and listed
/// in ``CSVTable/problems``, one error per record, while the rest is read).
///
/// The format is RFC 4180, <https://www.rfc-editor.org/rfc/rfc4180>.
///
/// - Complexity: O(file size).
public enum CSV {
    /// Reads a file with a header row.
    public static func readTable(at path: String) throws -> CSVTable {
        let bytes = try InputFile.bytes(at: path)
        return try parseTable(bytes, file: path)
    }

    /// Parses the bytes of a file with a header row; `file` names it in diagnostics.
    public static func parseTable(_ bytes: [UInt8], file: String) throws -> CSVTable {
        let records: [CSVRecord]
        do {
            records = try parseRecords(bytes, file: file)
        } catch let problem as Diagnostic {
            // A quoting error in a file whose first line has semicolons or tabs and no comma
            // is the delimiter's doing: say that, not the quote's.
            let first = bytes.prefix { $0 != 10 && $0 != 13 }
            if !first.contains(UInt8(ascii: ",")), let d = first.contains(UInt8(ascii: ";")) ? ";" : first.contains(9) ? "\t" : nil {
                throw otherDelimiter(d, file: file, line: 1)
            }
            throw problem
        }
        guard let head = records.first else {
            throw Diagnostic(file: file, message: "the file is empty: a header row is required")
        }
        var header: [String] = []
        var headerPositions: [CSVPosition] = []
        for (name, position) in zip(head.fields, head.positions) {
            let trimmed = name.trimmingBlanks()
            if trimmed.isEmpty {
                // Trailing empty header cells (Excel's trailing commas) are dropped.
                if head.fields[header.count...].allSatisfy({ $0.trimmingBlanks().isEmpty }) {
                    break
                }
                throw Diagnostic(file: file, line: position.line, column: position.column,
                                 message: "empty column name in the header")
            }
            if let first = header.firstIndex(of: trimmed) {
                throw Diagnostic(
                    file: file, line: position.line, column: position.column, field: trimmed,
                    message: "duplicate column \"\(trimmed)\" (also column \(first + 1))")
            }
            header.append(trimmed)
            headerPositions.append(position)
        }
        // One column whose name holds semicolons or tabs: another delimiter (an Excel set
        // to a comma decimal mark writes semicolons), which would make every column unknown.
        if header.count == 1, let separator = [";", "\t"].first(where: { header[0].contains($0) }) {
            throw otherDelimiter(separator, file: file, line: head.line)
        }
        var rows: [CSVRecord] = []
        var problems: [Diagnostic] = []
        var leftOut: [CSVRecord] = []
        rows.reserveCapacity(records.count - 1)
        for var record in records.dropFirst() {
            // A row of empty cells (",,,," — what Excel saves for a row cleared but not
            // deleted) is a blank line too, whatever its number of commas.
            if record.fields.allSatisfy({ $0.trimmingBlanks().isEmpty }) { continue }
            if record.fields.count > header.count {
                let extra = record.fields[header.count...]
                if let i = extra.firstIndex(where: { !$0.isEmpty }) {
                    let p = record.positions[i]
                    problems.append(Diagnostic(
                        file: file, line: p.line, column: p.column,
                        message: "\(record.fields.count) fields but the header has \(header.count) columns (a comma inside a field needs double quotes)"))
                    record.fields.removeLast(record.fields.count - header.count)
                    record.positions.removeLast(record.positions.count - header.count)
                    leftOut.append(record)
                    continue
                }
                record.fields.removeLast(record.fields.count - header.count)
                record.positions.removeLast(record.positions.count - header.count)
            } else if record.fields.count < header.count {
                let last = record.positions[record.positions.count - 1]
                problems.append(Diagnostic(
                    file: file, line: last.line, column: last.column,
                    message: "\(record.fields.count) field\(record.fields.count == 1 ? "" : "s") but the header has \(header.count) columns: \"\(header[record.fields.count])\" is missing"))
                record.fields += Array(repeating: "", count: header.count - record.fields.count)
                record.positions += Array(repeating: last, count: header.count - record.positions.count)
                leftOut.append(record)
                continue
            }
            rows.append(record)
        }
        return CSVTable(
            file: file, header: header, headerLine: head.line, headerPositions: headerPositions,
            records: rows, problems: problems, leftOut: leftOut)
    }

    /// Splits the bytes of a CSV file into records (blank lines skipped).
    public static func parseRecords(_ bytes: [UInt8], file: String) throws -> [CSVRecord] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // UTF-16 (Excel's "Unicode Text"): a UTF-16 byte-order mark, or NUL bytes, which
        // no text file of this kind holds (and which would otherwise pass as UTF-8).
        let utf16BOM = body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF])
        if utf16BOM || body.contains(0) {
            var line = 1, column = 1
            if !utf16BOM {
                for b in body.prefix(while: { $0 != 0 }) where b & 0xC0 != 0x80 {
                    if b == 10 { line += 1; column = 1 } else { column += 1 }
                }
            }
            throw Diagnostic(
                file: file, line: line, column: column,
                message: "the file is not UTF-8 but looks like UTF-16 (" + (utf16BOM ? "it starts with a UTF-16 byte-order mark" : "it holds NUL bytes")
                    + ", as Excel's 'Unicode Text' writes): save it with 'CSV UTF-8 (Comma delimited)', or convert it with `iconv -f UTF-16 -t UTF-8`")
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw notUTF8(Array(body), file: file)
        }
        var records: [CSVRecord] = []
        var fields: [String] = []
        var positions: [CSVPosition] = []
        // The field being read, as UTF-8: appending bytes is far cheaper than growing a
        // String scalar by scalar (a third of the time of loading a network).
        var field: [UInt8] = []
        field.reserveCapacity(256)
        var line = 1, column = 1
        var recordLine = 1
        var fieldStart = CSVPosition(line: 1, column: 1)
        var inQuotes = false, wasQuoted = false, afterQuote = false
        var quoteOpened = CSVPosition(line: 1, column: 1)
        var wasQuotedRecord = false

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            positions.append(fieldStart)
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
            afterQuote = false
        }
        func endRecord() {
            endField()
            // A blank line is one empty, unquoted field: skip it.
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuotedRecord) {
                records.append(CSVRecord(line: recordLine, fields: fields, positions: positions))
            }
            fields = []
            positions = []
            wasQuotedRecord = false
        }
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? scalars.next() {
            pending = nil
            if fields.isEmpty && field.isEmpty && !wasQuoted && !inQuotes && positions.isEmpty {
                recordLine = line
            }
            if inQuotes {
                if c == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        field.append(UInt8(ascii: "\""))
                        column += 2
                        continue
                    }
                    inQuotes = false
                    afterQuote = true
                    column += 1
                    pending = next
                    continue
                }
                if c == "\n" || c == "\r" {
                    // A line break inside quotes is kept as one "\n", whichever the file used.
                    if c == "\r" {
                        let next = scalars.next()
                        if next != "\n" { pending = next }
                    }
                    field.append(UInt8(ascii: "\n"))
                    line += 1
                    column = 1
                } else {
                    field.append(contentsOf: c.utf8)
                    column += 1
                }
                continue
            }
            switch c {
            case ",":
                endField()
                column += 1
                fieldStart = CSVPosition(line: line, column: column)
            case "\n", "\r":
                if c == "\r" {
                    let next = scalars.next()
                    if next != "\n" { pending = next }
                }
                endRecord()
                line += 1
                column = 1
                fieldStart = CSVPosition(line: line, column: column)
            case "\"" where field.isEmpty && !wasQuoted:
                inQuotes = true
                wasQuoted = true
                wasQuotedRecord = true
                quoteOpened = CSVPosition(line: line, column: column)
                column += 1
            default:
                if afterQuote {
                    // A quoted field that ran over a line break most likely was never
                    // closed where it began: say where that was.
                    let hint = quoteOpened.line < line
                        ? "; or the quote opened at line \(quoteOpened.line), column \(quoteOpened.column) is never closed on its line"
                        : ""
                    throw Diagnostic(
                        file: file, line: line, column: column,
                        message: "unexpected \"\(Character(c))\" after a closing quote (a quote inside a quoted field is written \"\"\(hint))")
                }
                if c == "\"" {
                    throw Diagnostic(
                        file: file, line: line, column: column,
                        message: "a quote inside an unquoted field: put the whole field in double quotes and double the quote (\"\")")
                }
                field.append(contentsOf: c.utf8)
                column += 1
            }
        }
        if inQuotes {
            throw Diagnostic(
                file: file, line: quoteOpened.line, column: quoteOpened.column,
                message: "quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty || wasQuoted {
            endRecord()
        }
        return records
    }

    /// The diagnostic for a file separated by semicolons or tabs, not commas.
    static func otherDelimiter(_ separator: String, file: String, line: Int) -> Diagnostic {
        Diagnostic(
            file: file, line: line, column: 1,
            message: "the header is one column holding \(separator == ";" ? "semicolons" : "tabs"): the file looks "
                + "\(separator == ";" ? "semicolon" : "tab")-separated; save it as CSV with commas ('CSV UTF-8 (Comma delimited)')")
    }

    /// The diagnostic for bytes that are not UTF-8, located at the first bad byte.
    static func notUTF8(_ bytes: [UInt8], file: String) -> Diagnostic {
        var line = 1, column = 1, i = 0
        var bad = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            let valid = length > 0 && i + length <= bytes.count
                && bytes[(i + 1) ..< (i + length)].allSatisfy { $0 & 0xC0 == 0x80 }
                && String(validating: bytes[i ..< i + length], as: UTF8.self) != nil
            if !valid {
                bad = i
                break
            }
            if b == 10 { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        // GBK/GB18030 (a Chinese Excel's "CSV") writes each Chinese character as a lead
        // byte 0x81–0xFE and a trail byte 0x40–0xFE.
        let lead = bytes[bad], trail = bad + 1 < bytes.count ? bytes[bad + 1] : 0
        let looksGBK = (0x81 ... 0xFE).contains(lead) && (0x40 ... 0xFE).contains(trail) && trail != 0x7F
        let hex = String(lead, radix: 16, uppercase: true)
        var message = "the file is not UTF-8 (byte 0x\(hex) cannot start a character)"
        if looksGBK {
            message += "; it looks like GBK/GB18030, which a Chinese Excel writes: save it with 'CSV UTF-8 (Comma delimited)', or convert it with `iconv -f GB18030 -t UTF-8`"
        } else {
            message += "; save it as UTF-8"
        }
        return Diagnostic(file: file, line: line, column: column, message: message)
    }
}

/// Writing CSV (RFC 4180) that ``CSV`` reads back unchanged, and Excel and LibreOffice
/// open.
///
///     CSVWriter.field("长春")              // 长春
///     CSVWriter.field("Siping, 四平")      // "Siping, 四平"
///     CSVWriter.field("say \"hi\"")        // "say ""hi"""
///     CSVWriter().document([["place", "minutes"], ["长春", "0"]])
///     // "place,minutes\n长春,0"
///
/// Quoting: a field is put in double quotes when it holds a comma, a double quote, a CR
/// or an LF (or starts with U+FEFF, which a reader would take for a byte-order mark),
/// and a quote inside it is doubled; other fields are written as they are. A record of one empty field is written `""`, since an empty line would be read as a
/// blank line and skipped. Leading and trailing spaces are kept (readers keep them too).
///
/// Line ends: records are joined with `"\n"`, not RFC 4180's CRLF: ``CSV`` and every
/// spreadsheet and Unix tool read LF, Excel included, and output then matches the
/// terminal's and diffs cleanly. A line break inside a field is written as it is, inside
/// the quotes. The document does not end with a line break: whoever writes it adds one,
/// as ``Console/print(_:)`` and `OutputTarget` do.
///
/// Encoding: the document is a `String`, written as UTF-8. By default there is no
/// byte-order mark. With ``byteOrderMark`` the document starts with U+FEFF (the bytes
/// EF BB BF in UTF-8): Excel on Windows needs it to open a CSV file as UTF-8, and
/// without it shows Chinese place names as mojibake (it guesses the system's ANSI code
/// page, GBK on a Chinese Windows). ``CSV`` skips the mark when reading.
///
/// Not done: neutralizing spreadsheet formulas. A field starting with `=`, `+`, `-` or
/// `@` is written as it is (prefixing a `'` would change the data); the network files
/// are the planners' own.
///
/// The format is RFC 4180, <https://www.rfc-editor.org/rfc/rfc4180>.
public struct CSVWriter: Sendable {
    /// Whether ``document(_:)`` starts with a UTF-8 byte-order mark, for Excel on Windows.
    public var byteOrderMark: Bool

    /// A writer; `byteOrderMark: true` for files meant for Excel on Windows.
    public init(byteOrderMark: Bool = false) {
        self.byteOrderMark = byteOrderMark
    }

    /// The records, each on its own line, joined with `"\n"` (no line break after the
    /// last), after a byte-order mark if ``byteOrderMark`` is set.
    ///
    ///     CSVWriter(byteOrderMark: true).document([["id"], ["a,b"]])
    ///     // "\u{FEFF}id\n\"a,b\""
    ///
    /// - Parameter records: the rows, header first if there is one; each has at least
    ///   one field (a record with no field cannot be written in CSV).
    /// - Complexity: O(*c*), *c* the characters in all fields.
    public func document(_ records: [[String]]) -> String {
        var text = byteOrderMark ? "\u{FEFF}" : ""
        for (i, fields) in records.enumerated() {
            if i > 0 { text += "\n" }
            text += Self.record(fields)
        }
        return text
    }

    /// One record: its fields, quoted where needed, joined with commas; no line end.
    ///
    ///     CSVWriter.record(["长春", "a,b", ""])  // 长春,"a,b",
    ///     CSVWriter.record([""])                 // ""
    public static func record(_ fields: [String]) -> String {
        precondition(!fields.isEmpty, "a CSV record has at least one field")
        if fields.count == 1 && fields[0].isEmpty { return "\"\"" }
        return fields.map(field).joined(separator: ",")
    }

    /// One field: in double quotes, with its quotes doubled, when it holds a comma, a
    /// quote, a CR or an LF, or starts with U+FEFF; otherwise as it is.
    ///
    ///     CSVWriter.field("a\"b")  // "a""b"
    public static func field(_ text: String) -> String {
        let special = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard special || text.unicodeScalars.first == "\u{FEFF}" else { return text }
        return "\"" + text.replacingQuotes() + "\""
    }
}

fileprivate extension String {
    /// Each `"` doubled.
    func replacingQuotes() -> String {
        var result = ""
        result.reserveCapacity(utf8.count + 2)
        for scalar in unicodeScalars {
            if scalar == "\"" { result.unicodeScalars.append(scalar) }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}

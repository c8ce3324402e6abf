import CorridorKit
import Foundation
import Testing

/// RFC 4180 as Excel and LibreOffice write it, and every way a file can be wrong.
@Suite struct CSVTests {
    func records(_ text: String) throws -> [[String]] {
        try CSV.parseRecords(Array(text.utf8), file: "t.csv").map(\.fields)
    }

    /// The error that stops the file, or else the first record left out.
    func tableError(_ bytes: [UInt8]) -> String? {
        do {
            return try CSV.parseTable(bytes, file: "t.csv").problems.first.map { "\($0)" }
        } catch { return "\(error)" }
    }

    func tableError(_ text: String) -> String? { tableError(Array(text.utf8)) }

    @Test func plainAndQuotedFields() throws {
        #expect(try records("a,b,c\n1,2,3\n") == [["a", "b", "c"], ["1", "2", "3"]])
        // Commas, line breaks and doubled quotes inside quotes.
        #expect(try records("id,note\nx,\"a, b\"\ny,\"line 1\nline 2\"\nz,\"say \"\"hi\"\"\"\n")
            == [["id", "note"], ["x", "a, b"], ["y", "line 1\nline 2"], ["z", "say \"hi\""]])
        // Empty fields, quoted and not; no newline at the end of the file.
        #expect(try records("a,,\"\",d") == [["a", "", "", "d"]])
    }

    @Test func lineEndingsBOMAndBlankLines() throws {
        #expect(try records("a,b\r\n1,2\r\n") == [["a", "b"], ["1", "2"]])
        #expect(try records("a,b\r1,2\r") == [["a", "b"], ["1", "2"]])
        #expect(try CSV.parseRecords([0xEF, 0xBB, 0xBF] + Array("名,id\n长春,changchun\n".utf8), file: "t.csv")
            .map(\.fields) == [["名", "id"], ["长春", "changchun"]])
        #expect(try records("a,b\n\n1,2\n\r\n\n3,4\n") == [["a", "b"], ["1", "2"], ["3", "4"]])
        // A CRLF inside quotes is one line break.
        #expect(try records("\"x\r\ny\",z\r\n") == [["x\ny", "z"]])
    }

    @Test func lineAndColumnOfEveryField() throws {
        let r = try CSV.parseRecords(Array("id,名称\n\n长春,\"a\nb\",c\n".utf8), file: "t.csv")
        #expect(r.map(\.line) == [1, 3])
        // Columns count characters: 长春 is two, then the comma, so the quote is at 4.
        #expect(r[1].positions == [CSVPosition(line: 3, column: 1), CSVPosition(line: 3, column: 4),
                                   CSVPosition(line: 4, column: 4)])  // b " , c
    }

    @Test func tableTrimsHeaderAndExcelTrailingCommas() throws {
        let t = try CSV.parseTable(Array(" id , name ,,\nchangchun,长春,,\njilin,吉林\n".utf8), file: "t.csv")
        #expect(t.header == ["id", "name"])
        #expect(t.headerLine == 1)
        #expect(t.records.map(\.fields) == [["changchun", "长春"], ["jilin", "吉林"]])
        #expect(t.column("name") == 1 && t.column("nope") == nil)
    }

    @Test func rowsOfEmptyCellsAreBlankLines() throws {
        // Excel keeps a cleared row as ",,": with fewer, as many, or more commas than the
        // header, and cells holding only spaces; a row with one filled cell is a row.
        let t = try CSV.parseTable(Array("id,name,kind\n,,\na,b,c\n,\n , ,\n,,,,\nd,e,f\n".utf8), file: "t.csv")
        #expect(t.records.map(\.fields) == [["a", "b", "c"], ["d", "e", "f"]])
        #expect(t.records.map(\.line) == [3, 7])
        #expect(tableError("id,name,kind\n,,\n,x\n") == "t.csv:3:2: error: 2 fields but the header has 3 columns: \"kind\" is missing")
    }

    // MARK: Bad input, each located.

    @Test func unterminatedQuote() {
        #expect(tableError("a,b\n1,\"open\n2,3\n") == "t.csv:2:3: error: quoted field is never closed")
    }

    @Test func textAfterClosingQuote() {
        #expect(tableError("a,b\n1,\"x\"y\n")
            == "t.csv:2:6: error: unexpected \"y\" after a closing quote (a quote inside a quoted field is written \"\")")
    }

    /// A quote left open on line 2 runs on to the next quoted field, on line 3 — column
    /// 1 opens `"open`; the error lands where the damage shows, and names where it began.
    @Test func anUnclosedQuoteIsTracedToItsLine() {
        #expect(tableError("a,b\n\"open,1\n2,\"x\"\n")
            == "t.csv:3:4: error: unexpected \"x\" after a closing quote (a quote inside a quoted field is written \"\"; "
            + "or the quote opened at line 2, column 1 is never closed on its line)")
    }

    @Test func quoteInsideUnquotedField() {
        #expect(tableError("a,b\n1,x\"y\n")
            == "t.csv:2:4: error: a quote inside an unquoted field: put the whole field in double quotes and double the quote (\"\")")
    }

    @Test func fieldCounts() throws {
        #expect(tableError("a,b,c\n1,2\n") == "t.csv:2:3: error: 2 fields but the header has 3 columns: \"c\" is missing")
        #expect(tableError("a,b\n1,2,3\n")
            == "t.csv:2:5: error: 3 fields but the header has 2 columns (a comma inside a field needs double quotes)")
        // Every such record is reported, and the good ones around them are read.
        let t = try CSV.parseTable(Array("a,b\n1,2,3\n4,5\n6\n7,8,9\n".utf8), file: "t.csv")
        #expect(t.records.map(\.fields) == [["4", "5"]])
        #expect(t.problems.map { "\($0)" } == [
            "t.csv:2:5: error: 3 fields but the header has 2 columns (a comma inside a field needs double quotes)",
            "t.csv:4:1: error: 1 field but the header has 2 columns: \"b\" is missing",
            "t.csv:5:5: error: 3 fields but the header has 2 columns (a comma inside a field needs double quotes)",
        ])
    }

    @Test func headerProblems() {
        #expect(tableError("") == "t.csv: error: the file is empty: a header row is required")
        #expect(tableError("\n\n") == "t.csv: error: the file is empty: a header row is required")
        #expect(tableError("id,name,id\n") == "t.csv:1:9: error: duplicate column \"id\" (also column 1)")
        #expect(tableError("id,,name\n") == "t.csv:1:4: error: empty column name in the header")
    }

    /// 长春 in GBK is D3 C0 B4 BA: a Chinese Excel's "CSV" file.
    @Test func gbkFileIsExplained() {
        let gbk: [UInt8] = Array("id,name\nchangchun,".utf8) + [0xB3, 0xA4, 0xB4, 0xBA] + [0x0A]
        let message = tableError(gbk)
        #expect(message?.hasPrefix("t.csv:2:11: error: the file is not UTF-8 (byte 0xB3 cannot start a character); it looks like GBK/GB18030") == true)
        #expect(message?.contains("iconv -f GB18030 -t UTF-8") == true)
        // Latin-1 is not mistaken for GBK.
        let latin1: [UInt8] = Array("a\nb".utf8) + [0xE9, 0x0A]
        #expect(tableError(latin1) == "t.csv:2:2: error: the file is not UTF-8 (byte 0xE9 cannot start a character); save it as UTF-8")
    }

    /// UTF-16 (Excel's "Unicode Text"), with its byte-order mark or without (then NUL
    /// bytes, every other one for ASCII text), and a semicolon- or tab-separated file.
    @Test func utf16AndOtherDelimitersAreExplained() {
        let little: [UInt8] = [0xFF, 0xFE] + Array("id,name\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(tableError(little) == "t.csv:1:1: error: the file is not UTF-8 but looks like UTF-16 (it starts with a UTF-16 "
            + "byte-order mark, as Excel's 'Unicode Text' writes): save it with 'CSV UTF-8 (Comma delimited)', or convert it with `iconv -f UTF-16 -t UTF-8`")
        // Big-endian without a mark: "i" is 00 69, so the first byte is a NUL, at 1:1.
        let big: [UInt8] = Array("id,name\n".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(tableError(big)?.hasPrefix("t.csv:1:1: error: the file is not UTF-8 but looks like UTF-16 (it holds NUL bytes") == true)
        // A NUL after a first line of UTF-8: located at it (line 2, column 3).
        #expect(tableError(Array("id\n长春".utf8) + [0, 0x0A])?.hasPrefix("t.csv:2:3: error: the file is not UTF-8 but looks like UTF-16") == true)
        #expect(tableError("id;name;kind\nchangchun;长春;prefecture\n")
            == "t.csv:1:1: error: the header is one column holding semicolons: the file looks semicolon-separated; save it as CSV with commas ('CSV UTF-8 (Comma delimited)')")
        #expect(tableError("id\tname\n")?.contains("the header is one column holding tabs: the file looks tab-separated") == true)
        // As Excel writes one, quoting a field that holds the delimiter: the quote would be
        // an error of its own in a comma file; the delimiter is named instead.
        #expect(tableError("id;corridors;source\ncc;\"长吉珲;白松长通\";x\"y\n")?.hasPrefix(
            "t.csv:1:1: error: the header is one column holding semicolons") == true)
    }

    @Test func readsAFileFromDisk() throws {
        let path = NSTemporaryDirectory() + "corridor-csv-\(UUID().uuidString).csv"
        try Data("\u{FEFF}id,name\r\nchangchun,长春\r\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let t = try CSV.readTable(at: path)
        #expect(t.file == path && t.header == ["id", "name"] && t.records[0].fields == ["changchun", "长春"])
        #expect(throws: Diagnostic(file: path + ".missing", message: "no such file")) {
            try CSV.readTable(at: path + ".missing")
        }
    }
}

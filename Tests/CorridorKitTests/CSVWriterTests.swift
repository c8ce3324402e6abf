import CorridorKit
import Testing
import TestSupport

/// RFC 4180 output, checked by reading it back with the project's own reader.
@Suite struct CSVWriterTests {
    /// The records `text` reads back as.
    func readBack(_ text: String) throws -> [[String]] {
        try CSV.parseRecords(Array(text.utf8), file: "out.csv").map(\.fields)
    }

    @Test func quotingOnlyWhereNeeded() {
        #expect(CSVWriter.field("长春") == "长春")
        #expect(CSVWriter.field("") == "")
        #expect(CSVWriter.field(" padded ") == " padded ")
        #expect(CSVWriter.field("=SUM(A1)") == "=SUM(A1)")
        #expect(CSVWriter.field("Siping, 四平") == "\"Siping, 四平\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("\"") == "\"\"\"\"")
        #expect(CSVWriter.field("line 1\nline 2") == "\"line 1\nline 2\"")
        #expect(CSVWriter.field("a\rb") == "\"a\rb\"")
        #expect(CSVWriter.field("a\r\nb") == "\"a\r\nb\"")
        #expect(CSVWriter.field("\u{FEFF}x") == "\"\u{FEFF}x\"")
    }

    @Test func records() {
        #expect(CSVWriter.record(["长春", "a,b", ""]) == "长春,\"a,b\",")
        #expect(CSVWriter.record([""]) == "\"\"")  // not a blank line
        #expect(CSVWriter.record(["", ""]) == ",")
    }

    @Test func documentJoinsWithLineFeeds() {
        #expect(CSVWriter().document([["place", "minutes"], ["长春", "0"]]) == "place,minutes\n长春,0")
        #expect(CSVWriter().document([]) == "")
        #expect(CSVWriter().document([["a"]]) == "a")
    }

    @Test func byteOrderMarkOnlyWhenAsked() throws {
        let plain = CSVWriter().document([["id"], ["长春"]])
        #expect(Array(plain.utf8.prefix(3)) == Array("id\n".utf8))
        let excel = CSVWriter(byteOrderMark: true).document([["id"], ["长春"]])
        #expect(Array(excel.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(try readBack(excel) == [["id"], ["长春"]])
        #expect(CSVWriter(byteOrderMark: true).document([]) == "\u{FEFF}")
    }

    /// Hostile fields survive a trip through the project's reader; a CR inside a field
    /// comes back as LF, because the reader keeps every line break in quotes as "\n".
    @Test func hostileRoundTrip() throws {
        let records: [[String]] = [
            ["id", "name", "note"],
            ["1", "长春, 吉林", "say \"hi\""],
            ["2", "\"", "\"\""],
            ["3", ",", ",,,"],
            ["4", "line 1\nline 2", "\n"],
            ["5", " padded ", ""],
            ["6", "=SUM(A1)", "-5"],
            ["7", "🚄 高铁", "tab\there"],
            [""],
            ["", ""],
            ["\u{FEFF}first field with a mark", "x"],
            ["\"quoted\" start", "end \"quoted\""],
        ]
        for writer in [CSVWriter(), CSVWriter(byteOrderMark: true)] {
            #expect(try readBack(writer.document(records)) == records)
            // With a final line break, as OutputTarget writes it.
            #expect(try readBack(writer.document(records) + "\n") == records)
        }
        #expect(try readBack(CSVWriter().document([["a\rb", "c\r\nd"]])) == [["a\nb", "c\nd"]])
    }

    /// Random fields from an alphabet of CSV's special characters, Chinese and spaces.
    @Test(arguments: seeds(20, base: 4180))
    func randomRoundTrip(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        let alphabet: [Character] = [",", "\"", "\n", "\r", " ", "a", "长", "春", "=", "-", "\u{FEFF}", "é"]
        var records: [[String]] = []
        for _ in 0 ..< rng.int(1 ... 30) {
            var record: [String] = []
            for _ in 0 ..< rng.int(1 ... 5) {
                record.append(String((0 ..< rng.int(0 ... 6)).map { _ in rng.pick(alphabet) }))
            }
            records.append(record)
        }
        // The reader keeps a line break in quotes as "\n", whichever the file used.
        let expected = records.map { $0.map { $0.replacingCRs() } }
        #expect(try readBack(CSVWriter().document(records)) == expected, "\(rng)")
    }
}

extension String {
    /// CRLF and CR as LF, as the reader returns them.
    fileprivate func replacingCRs() -> String {
        var result = String.UnicodeScalarView()
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\n" && previousCR {
                previousCR = false
                continue
            }
            previousCR = scalar == "\r"
            result.append(previousCR ? "\n" : scalar)
        }
        return String(result)
    }
}

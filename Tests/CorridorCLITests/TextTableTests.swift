import CorridorCLI
import Testing

/// Display widths (East Asian Wide = 2, combining = 0) and tables aligned by them; the
/// expected tables are written out by hand.
@Suite struct TextTableTests {
    func width(_ text: String) -> Int { TextTable.displayWidth(of: text) }

    @Test func chineseIsTwoColumnsACharacter() {
        #expect(width("长春") == 4)
        #expect(width("Jilin 吉林") == 10)
        #expect(width("") == 0)
        #expect(width("Changchun") == 9)
        #expect(TextTable.displayWidth(of: "长春吉林".prefix(2)) == 4)  // substrings too
    }

    @Test func wideRanges() {
        #expect(width("\u{3400}") == 2)  // CJK extension A
        #expect(width("\u{20000}") == 2)  // CJK extension B
        #expect(width("\u{9FA5}") == 2)  // CJK Unified Ideographs
        #expect(width("、。「」") == 8)  // CJK symbols and punctuation, U+3000–303E
        #expect(width("\u{3000}") == 2)  // the ideographic space
        #expect(width("\u{303F}") == 1)  // half fill space: narrow in UAX #11
        #expect(width("ＡＢ１") == 6)  // fullwidth forms U+FF00–FF60
        #expect(width("￥") == 2)  // U+FFE5, fullwidth signs U+FFE0–FFE6
        #expect(width("ｱｲ") == 2)  // halfwidth katakana stay narrow
        #expect(width("길림") == 4)  // Hangul syllables
        #expect(width("ひらがなカタカナ") == 16)
        #expect(width("\u{F900}") == 2)  // CJK compatibility ideograph
        #expect(width("🚄") == 2)
    }

    @Test func zeroAndNarrow() {
        #expect(width("e\u{301}") == 1)  // combining acute
        #expect(width("\u{1100}\u{1161}\u{11A8}") == 2)  // conjoining Jamo: one syllable cell
        #expect(width("a\u{200B}b") == 2)  // zero-width space
        #expect(width("\u{200D}") == 0)  // zero-width joiner
        #expect(width("\u{FE0F}") == 0)  // variation selector
        #expect(width("\u{AD}") == 1)  // soft hyphen
        #expect(width("°·①αЖ") == 5)  // ambiguous width counts as narrow
        #expect(width("\u{7}") == 0)  // control
    }

    @Test func mixedTableAlignsByDisplayWidth() {
        var table = TextTable(columns: [.left("place"), .left("name_en"), .right("minutes"), .right("km")])
        table.append(["长春", "Changchun", "0", "0.0"])
        table.append(["Jilin 吉林", "Jilin", "62", "104.5"])
        table.append(["延吉西", "Yanji West", "151", "412.0"])
        table.append(["ＫＭ", "", "7", "1.25"])
        #expect(table.render() == """
            place       name_en     minutes     km
            ----------  ----------  -------  -----
            长春        Changchun         0    0.0
            Jilin 吉林  Jilin            62  104.5
            延吉西      Yanji West      151  412.0
            ＫＭ                          7   1.25
            """)
    }

    @Test func docCommentExample() {
        var table = TextTable(columns: [.left("place"), .right("minutes")])
        table.append(["长春", "0"])
        table.append(["Jilin 吉林", "62"])
        #expect(table.render() == """
            place       minutes
            ----------  -------
            长春              0
            Jilin 吉林       62
            """)
    }

    @Test func noTrailingSpaces() {
        var table = TextTable(columns: [.left("name"), .left("note")])
        table.append(["a", ""])
        table.append(["长春", "x"])
        #expect(table.render() == "name  note\n----  ----\na\n长春  x")
    }

    @Test func headerWiderThanCellsAndRightAlignedTitles() {
        var table = TextTable(columns: [.right("arrivals"), .left("到")])
        table.append(["3", "四平"])
        #expect(table.render() == "arrivals  到\n--------  ----\n       3  四平")
    }

    @Test func emptyTableIsHeaderAndSeparator() {
        let table = TextTable(columns: [.left("place"), .right("minutes")])
        #expect(table.render() == "place  minutes\n-----  -------")
        #expect(table.rows.isEmpty)
    }

    @Test func lineBreaksInCellsAreSpaces() {
        var table = TextTable(columns: [.left("note"), .left("x")])
        table.append(["a\nb\r\nc\td", "长春"])
        #expect(table.render() == "note     x\n-------  ----\na b c d  长春")
    }

    @Test func deterministic() {
        var table = TextTable(columns: [.left("a"), .right("b")])
        for i in 0 ..< 50 { table.append(["长春\(i)", "\(i * i)"]) }
        #expect(table.render() == table.render())
        #expect(table.render().split(separator: "\n").count == 52)
    }
}

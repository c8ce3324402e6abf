import CorridorKit
import Testing

/// `trimmingBlanks()` against what `CharacterSet.whitespaces` means: tab and the Unicode
/// space separators (Zs) are blanks; line breaks and everything else are not.
@Suite struct StringBlanksTests {
    @Test func trimsSpacesTabsAndWideSpaces() {
        #expect("  长春 \t".trimmingBlanks() == "长春")
        #expect("\u{3000}吉林\u{3000}".trimmingBlanks() == "吉林")  // ideographic space (Zs)
        #expect("\u{00A0}a b\u{00A0}".trimmingBlanks() == "a b")     // no-break space (Zs)
        #expect("a b".trimmingBlanks() == "a b")
        #expect(" \t ".trimmingBlanks() == "" && "".trimmingBlanks() == "")
    }

    @Test func keepsLineBreaksAndOtherCharacters() {
        #expect("\na\n".trimmingBlanks() == "\na\n")
        #expect(" x\r".trimmingBlanks() == "x\r")
        #expect("\u{200B}x".trimmingBlanks() == "\u{200B}x")  // zero-width space is Cf, not Zs
        #expect("长春"[...].trimmingBlanks() == "长春")          // a Substring too
    }
}

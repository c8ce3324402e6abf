@testable import CorridorCLI
import Testing

/// Markdown tables and prose hold plain text: names never turn into emphasis, code,
/// links or table columns.
@Suite struct MarkdownTableTests {
    @Test func cellsArePlainText() {
        var t = MarkdownTable(["project", "km"], rightAligned: [1])
        t.append(["烟筒山*至*长春段", "12"])
        t.append(["a|b_c `d` [e](f) <g>\nh\\i~", "3"])
        #expect(t.render() == """
            | project | km |
            |---|---:|
            | 烟筒山\\*至\\*长春段 | 12 |
            | a\\|b\\_c \\`d\\` \\[e\\](f) \\<g\\> h\\\\i\\~ | 3 |
            """)
    }

    @Test func proseEscapesTheSameMarks() {
        #expect(MarkdownTable.escaped("长春·吉林") == "长春·吉林")
        #expect(MarkdownTable.escaped("*a*_b_") == "\\*a\\*\\_b\\_")
    }
}

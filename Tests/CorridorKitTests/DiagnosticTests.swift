import CorridorKit
import Testing

@Suite struct DiagnosticTests {
    @Test func rendersLikeACompiler() {
        #expect(Diagnostic(file: "links.csv", line: 12, column: 4, field: "to",
                           message: "unknown place \"长春x\"").description
            == "links.csv:12:4: error: unknown place \"长春x\"")
        #expect(Diagnostic(file: "a.gr", line: 3, severity: .warning, message: "m").description
            == "a.gr:3: warning: m")
        // A column without a line is meaningless and is left out.
        #expect(Diagnostic(file: "a.gr", column: 9, message: "m").description == "a.gr: error: m")
    }
}

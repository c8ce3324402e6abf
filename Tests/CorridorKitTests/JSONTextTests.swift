import CorridorKit
import Testing

@Suite struct JSONTextTests {
    @Test func compactAndIndented() {
        let value = JSONText.object([
            ("id", .string("长春\"x\"")), ("minutes", .number(66.6, decimals: 1)), ("n", .integer(3)),
            ("none", .null), ("ok", .bool(true)), ("list", .array([.integer(1), .optional(nil, decimals: 1)])),
            ("empty", .array([])), ("obj", .object([])),
        ])
        #expect(value.rendered() == #"{"id":"长春\"x\"","minutes":66.6,"n":3,"none":null,"ok":true,"list":[1,null],"empty":[],"obj":{}}"#)
        #expect(JSONText.object([("a", .array([.integer(1), .integer(2)]))]).rendered(indent: 2) == """
            {
              "a": [
                1,
                2
              ]
            }
            """)
    }

    @Test func numbersHaveNoExponentAndNoNegativeZero() {
        #expect(JSONText.number(1e-7, decimals: 3) == "0")
        #expect(JSONText.number(-0.0004, decimals: 3) == "0")
        #expect(JSONText.number(123456.5, decimals: 0) == "123457")
        #expect(JSONText.string("a\u{1}\n") == #""a\u0001\n""#)
    }
}

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
        // Too large for three decimals in 64 bits: written whole. 1.5e9² (two places of
        // the largest population a network may give, a gravity weight at γ = 0) = 2.25e18,
        // exact in a Double; -1e16 also exact.
        #expect(JSONText.number(2.25e18, decimals: 3) == "2250000000000000000")
        #expect(JSONText.number(-1e16, decimals: 1) == "-10000000000000000")
        #expect(JSONText.number(9_007_199_254_740_993, decimals: 0) == "9007199254740992")
        #expect(JSONText.string("a\u{1}\n") == #""a\u0001\n""#)
    }
}

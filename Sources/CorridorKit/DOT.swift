/// The text of Graphviz DOT files: quoted strings, numbers and statements, so that what
/// ``DOTWriter`` writes is valid for the DOT grammar whatever the names are, and the same
/// bytes every time.
///
///     DOT.quoted("长春 \"北\"\\C:")                   // "长春 \"北\"\\C:"
///     DOT.statement("\"a\" -- \"b\"", [("color", .text("#d62728")), ("penwidth", .number(2.5))])
///     // "a" -- "b" [color="#d62728", penwidth=2.5];
///
/// **Quoting.** Every node name, cluster name, label and colour is written as a DOT
/// quoted string (`"…"`), never as a bare identifier or an HTML-like `<…>` label, so a
/// name may hold anything: spaces, `:` (which would otherwise start a port), `->`, `--`,
/// braces, `;`, `<` and `>`, CJK, emoji. Inside the quotes `"` becomes `\"` and `\`
/// becomes `\\`; a line break (LF, CR or CRLF) becomes `\n`, which labels show as a
/// centred line break; other control characters (U+0000–U+001F, U+007F) become a space,
/// since Graphviz would copy them into SVG, where XML forbids them; `&` becomes `&amp;`,
/// since Graphviz reads HTML entities in every label (a name holding `&amp;` would show
/// `&`). Everything else is written as it is, in UTF-8 (Graphviz's default `charset`).
///
/// Why `\` is doubled: Graphviz's lexer turns `\"` into `"` and leaves every other
/// backslash alone, so a name ending in `\` would otherwise swallow its closing quote;
/// and labels are *escString*s, where `\N`, `\G`, `\l` … are substitutions and `\\` is
/// a backslash. Doubled, a backslash shows as one in every label. A node *name* keeps
/// the doubled form inside Graphviz (names are not escStrings); it is the same text at
/// every mention, so edges still find their nodes.
///
/// **Words and numbers.** Attribute values that are Graphviz keywords (`box`, `dashed`,
/// `true`, `LR`) and numbers are written bare; keywords are checked to be ASCII letters
/// and digits (a programmer error otherwise). Numbers have at most ``decimals`` decimals,
/// trailing zeros trimmed, never an exponent or `-0` (``JSONText/number(_:decimals:)``).
///
/// The grammar is Graphviz's, <https://graphviz.org/doc/info/lang.html>; escStrings are
/// described at <https://graphviz.org/docs/attr-types/escString/>.
public enum DOT {
    /// The decimals written for coordinates, sizes and widths (0.01 pt or in).
    public static let decimals = 2

    /// An attribute value.
    public enum Value: Sendable, Hashable {
        /// Written as a quoted string: labels, names, colours, positions, font lists.
        case text(String)
        /// A label whose lines are left-justified (each line ends with `\l`), written
        /// as a quoted string.
        case leftJustified(String)
        /// Written bare: a Graphviz keyword of ASCII letters and digits (`box`, `LR`).
        case word(String)
        /// Written bare, with at most ``DOT/decimals`` decimals.
        case number(Double)

        /// The value as it appears after `=`.
        public var rendered: String {
            switch self {
            case .text(let s):
                return DOT.quoted(s)
            case .leftJustified(let s):
                return DOT.quoted(s, lineBreak: "\\l", final: "\\l")
            case .word(let w):
                precondition(!w.isEmpty && w.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0" ... "9").contains($0)) },
                             "DOT keyword \"\(w)\" must be ASCII letters and digits")
                return w
            case .number(let x):
                return DOT.number(x)
            }
        }
    }

    /// `s` as a DOT quoted string (see the type's comment).
    ///
    ///     DOT.quoted("a\"b")        // "a\"b"
    ///     DOT.quoted("C:\\dir\\")   // "C:\\dir\\"
    ///     DOT.quoted("上\n下")       // "上\n下"
    ///
    /// - Parameters:
    ///   - lineBreak: what a line break becomes: `\n` (centred lines) or `\l`
    ///     (left-justified).
    ///   - final: appended before the closing quote (`\l` ends a left-justified label).
    /// - Complexity: O(n) in the length of `s`.
    public static func quoted(_ s: String, lineBreak: String = "\\n", final: String = "") -> String {
        var out = "\""
        var afterCR = false
        for scalar in s.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            // Graphviz reads HTML entities (&amp;, &lt;) in every label, so a name holding
            // "&amp;" would show as "&": the ampersand itself is written as its entity.
            case "&": out += "&amp;"
            case "\r": out += lineBreak
            case "\n": if !afterCR { out += lineBreak }  // CRLF is one line break
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + final + "\""
    }

    /// `x` with at most ``decimals`` decimals, trailing zeros trimmed: `2.5`, `10`, `-3.14`.
    public static func number(_ x: Double) -> String {
        JSONText.number(x, decimals: decimals)
    }

    /// `[name=value, …]`, or the empty string when there are no attributes.
    public static func attributes(_ list: [(String, Value)]) -> String {
        guard !list.isEmpty else { return "" }
        return "[" + list.map { "\($0.0)=\($0.1.rendered)" }.joined(separator: ", ") + "]"
    }

    /// One statement: `head [attributes];`, or `head;` without attributes.
    public static func statement(_ head: String, _ list: [(String, Value)]) -> String {
        list.isEmpty ? head + ";" : head + " " + attributes(list) + ";"
    }
}

/// JSON text written by hand, so that output is deterministic: keys in the order given,
/// numbers with a fixed number of decimals and no exponent, strings escaped per RFC 8259.
/// Used by every JSON and GeoJSON writer of the project.
///
///     JSONText.object([("id", .string("长春")), ("minutes", .number(66.6, decimals: 1))])
///         .rendered()   // {"id":"长春","minutes":66.6}
public indirect enum JSONText: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double, decimals: Int)
    case string(String)
    case array([JSONText])
    case object([(String, JSONText)])

    /// A number, or `null` when `x` is nil.
    public static func optional(_ x: Double?, decimals: Int) -> JSONText {
        x.map { .number($0, decimals: decimals) } ?? .null
    }

    /// The text: compact, or with `indent` spaces per level and one member per line.
    public func rendered(indent: Int = 0) -> String {
        var out = ""
        write(into: &out, indent: indent, level: 0)
        return out
    }

    func write(into out: inout String, indent: Int, level: Int) {
        let pad = { (l: Int) in indent == 0 ? "" : "\n" + String(repeating: " ", count: indent * l) }
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let n): out += String(n)
        case .number(let x, let d): out += Self.number(x, decimals: d)
        case .string(let s): out += Self.string(s)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                out += (i == 0 ? "" : ",") + pad(level + 1)
                item.write(into: &out, indent: indent, level: level + 1)
            }
            out += pad(level) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                out += (i == 0 ? "" : ",") + pad(level + 1) + Self.string(key) + (indent == 0 ? ":" : ": ")
                value.write(into: &out, indent: indent, level: level + 1)
            }
            out += pad(level) + "}"
        }
    }

    public static func == (a: JSONText, b: JSONText) -> Bool { a.rendered() == b.rendered() }

    /// `x` rounded to `decimals` (0–9) places, trailing zeros trimmed: `66.6`, `30`, `-8`,
    /// `0.901`; never `-0` or an exponent. A number too large for its decimals to mean
    /// anything (a Double holds 15–16 significant digits) is written whole, all its digits.
    ///
    ///     number(126.42791441, decimals: 6)   // "126.427914"
    ///     number(-0.0001, decimals: 3)        // "0"
    ///     number(2.25e18, decimals: 3)        // "2250000000000000000"
    public static func number(_ x: Double, decimals: Int) -> String {
        precondition(x.isFinite, "JSON has no NaN or infinity")
        precondition((0 ... 9).contains(decimals))
        var scale: Int64 = 1
        for _ in 0 ..< decimals { scale *= 10 }
        let scaled = (x * Double(scale)).rounded()
        guard abs(scaled) < 9e15 else { return String(format: "%.0f", x.rounded()) }
        let n = Int64(scaled)
        let magnitude = n.magnitude, unit = UInt64(scale)
        var text = (n < 0 ? "-" : "") + String(magnitude / unit)
        let fraction = magnitude % unit
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: decimals - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text
    }

    /// `s` as a JSON string (RFC 8259 §7): `"` and `\` escaped, control characters
    /// (U+0000–U+001F) as `\b`, `\f`, `\n`, `\r`, `\t` or `\u00XX`; everything else as it
    /// is.
    public static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// A problem found in an input file, located to the file, line, column and field, and
/// rendered the way compilers render theirs:
///
///     links.csv:12:4: error: unknown place "长春x" (did you mean "长春"?)
///     rome.gr:7:9: error: arc weight "-3" is negative
///
/// Diagnostics are values: a reader that finds one bad line throws it; a validator that
/// reports every problem returns a list of them.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    /// The file, as the user named it.
    public var file: String
    /// The 1-based line, if the problem has one.
    public var line: Int?
    /// The 1-based column (in characters) of the offending field, if known.
    public var column: Int?
    /// The name of the offending field (a CSV column, a DIMACS field), if any.
    public var field: String?
    public var severity: Severity
    /// What is wrong, in one sentence without a trailing period.
    public var message: String

    public init(
        file: String, line: Int? = nil, column: Int? = nil, field: String? = nil,
        severity: Severity = .error, message: String
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.severity = severity
        self.message = message
    }

    /// `file:line:column: severity: message`, leaving out what is unknown.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

extension Diagnostic {
    /// `diagnostics` in file order, then line and column, so a planner can work down each
    /// file; diagnostics at one place keep their order (a stable sort).
    public static func inFileOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let ka = (a.element.file, a.element.line ?? 0, a.element.column ?? 0)
            let kb = (b.element.file, b.element.line ?? 0, b.element.column ?? 0)
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }
}

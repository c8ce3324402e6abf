/// Where a command writes: results to `output`, messages to `errors`. The real tool
/// writes to stdout and stderr; tests pass buffers and read them back.
public final class Console {
    public private(set) var output = ""
    public private(set) var errors = ""
    private let echo: Bool

    /// Whether text goes through to the real streams (the tool), not into buffers (tests).
    public var echoes: Bool { echo }

    /// A console that collects text (for tests) or, with `echo`, also writes it through.
    public init(echo: Bool = false) { self.echo = echo }

    /// Writes `text` and a newline to the result stream.
    public func print(_ text: String) {
        if echo { Swift.print(text) } else { output += text + "\n" }
    }

    /// Writes `text` and a newline to the message stream.
    public func printError(_ text: String) {
        if echo { FileOutput.standardError.write(text + "\n") } else { errors += text + "\n" }
    }
}

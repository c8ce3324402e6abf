#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command writes: results to `output`, messages to `errors`. The real tool
/// writes to stdout and stderr; tests pass buffers and read them back.
public final class Console {
    public private(set) var output = ""
    public private(set) var errors = ""
    private let echo: Bool
    /// Why results could not all be written to standard output (a full disk: "No space
    /// left on device"), or nil; after a failure nothing more is written.
    public private(set) var outputFailure: String?

    /// Whether text goes through to the real streams (the tool), not into buffers (tests).
    public var echoes: Bool { echo }

    /// A console that collects text (for tests) or, with `echo`, also writes it through.
    public init(echo: Bool = false) { self.echo = echo }

    /// Writes `text` and a newline to the result stream.
    public func print(_ text: String) {
        guard echo else {
            output += text + "\n"
            return
        }
        guard outputFailure == nil else { return }
        // Straight to the file descriptor, unbuffered, so that a failure is seen here.
        let bytes = Array((text + "\n").utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                outputFailure = String(cString: strerror(errno))
                return
            }
            done += n
        }
    }

    /// Writes `text` and a newline to the message stream.
    public func printError(_ text: String) {
        if echo { FileOutput.standardError.write(text + "\n") } else { errors += text + "\n" }
    }
}

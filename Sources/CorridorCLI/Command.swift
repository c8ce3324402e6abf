import Foundation

/// A command of `corridor` that declares its command line and runs on what was parsed:
/// the parsing, `--help`, and the reporting of errors with their exit status are the
/// same for every command, here.
///
///     enum ReachCommand: Command {
///         static let arguments = Arguments(command: "corridor reach", …)
///         static func execute(_ p: ParsedArguments, console: Console) throws -> Int32 { … }
///     }
///     ReachCommand.run(["jilin", "--from", "长春"], console: console)
protocol Command {
    /// The command line: options, positionals, help.
    static var arguments: Arguments { get }
    /// Runs on a parsed command line; throws a ``UsageError`` (exit 64), an
    /// ``OutputError`` (exit 1) or anything else (exit 1).
    static func execute(_ p: ParsedArguments, console: Console) throws -> Int32
}

extension Command {
    /// Parses `argv` and runs: help on `--help` (0), a usage error (64) for a bad command
    /// line, else ``execute(_:console:)``'s status, its errors reported by
    /// ``CommonOptions/fail(_:_:console:)``.
    static func run(_ argv: [String], console: Console) -> Int32 {
        switch arguments.parse(argv, console: console) {
        case .exit(let code):
            return code
        case .run(let parsed):
            do {
                if let output = parsed.value("--output"), output.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw UsageError(command: arguments.command,
                                     message: "--output is empty: name a file or folder (or - for the terminal)")
                }
                return try execute(parsed, console: console)
            } catch {
                return CommonOptions.fail(error, arguments, console: console)
            }
        }
    }
}

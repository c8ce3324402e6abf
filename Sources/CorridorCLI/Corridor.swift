import CorridorKit
import Foundation

/// The `corridor` command: parses the arguments, dispatches to a command and returns
/// the exit status. Pure with respect to its ``Console``: tests run it in-process.
///
///     let console = Console()
///     let status = Corridor.run(["--version"], console: console)
///     // status == 0, console.output == "corridor 0.1.0\n"
public enum Corridor {
    /// The version printed by `--version`.
    public static let version = "0.1.0"

    /// The commands, with one line each for the overview. Commands land issue by issue
    /// (see the README's roadmap); an unknown one is a usage error with a suggestion.
    static let commands: [(name: String, summary: String)] = [
        ("report", "The main job: a Markdown report on a network for planners"),
        ("validate", "Check a network's files and report every problem"),
        ("info", "Count a network's places, links and projects"),
        ("route", "The best route between two places, its legs by mode, and alternatives"),
        ("reach", "Who is within 30, 60, 120 minutes (or any thresholds) of a place"),
        ("gaps", "The plans' goals a scenario does not meet, and the projects that close them"),
        ("impact", "What each planned project changes: ranking, build order, synergies"),
        ("dot", "A Graphviz diagram: map or corridor schematic, with a route, reach bands or an impact"),
        ("completions", "Print a bash or zsh completion script"),
        ("help", "Show help for corridor or for one command"),
        ("version", "Print the version"),
    ]

    /// Runs `corridor` with `arguments` (without the program name) on the real streams
    /// and returns the exit status.
    ///
    /// Results that could not all be written to standard output (a full disk, a closed
    /// file: `corridor reach … > /dev/full`) fail the run, exit 1, with a message.
    public static func main(_ arguments: [String]) -> Int32 {
        let console = Console(echo: true)
        let status = run(arguments, console: console)
        if let reason = console.outputFailure {
            console.printError("corridor: error: cannot write the results to standard output (\(reason))")
            return status == ExitCode.success ? ExitCode.failure : status
        }
        return status
    }

    /// Runs `corridor` with `arguments` and returns the exit status.
    public static func run(_ arguments: [String], console: Console) -> Int32 {
        guard let first = arguments.first else {
            console.printError(overview)
            return ExitCode.usage
        }
        switch first {
        case "--help", "-h", "help":
            if first == "help", arguments.count > 2 {
                console.printError("corridor help: error: unexpected argument \"\(arguments[2])\"")
                console.printError("usage: corridor help [COMMAND]")
                return ExitCode.usage
            }
            if arguments.count > 1 && first == "help" {
                if arguments[1] == "--help" || arguments[1] == "-h" { return help(for: "help", console: console) }
                return help(for: arguments[1], console: console)
            }
            // `corridor --help route` reads as help on route, as `corridor help route` does.
            if arguments.count == 2 && first != "help" { return help(for: arguments[1], console: console) }
            console.print(overview)
            return ExitCode.success
        case "--version", "version":
            if first == "version", let extra = arguments.dropFirst().first {
                if extra == "--help" || extra == "-h" { return help(for: "version", console: console) }
                console.printError(extra.hasPrefix("-") ? "corridor version: error: unknown option \(extra)"
                    : "corridor version: error: unexpected argument \"\(extra)\"")
                console.printError("usage: corridor version")
                return ExitCode.usage
            }
            console.print("corridor \(version)")
            return ExitCode.success
        case "report":
            return ReportCommand.run(Array(arguments.dropFirst()), console: console)
        case "completions":
            return CompletionsCommand.run(Array(arguments.dropFirst()), console: console)
        case "validate":
            return ValidateCommand.run(Array(arguments.dropFirst()), console: console)
        case "info":
            return InfoCommand.run(Array(arguments.dropFirst()), console: console)
        case "route":
            return RouteCommand.run(Array(arguments.dropFirst()), console: console)
        case "reach":
            return ReachCommand.run(Array(arguments.dropFirst()), console: console)
        case "gaps":
            return GapsCommand.run(Array(arguments.dropFirst()), console: console)
        case "impact":
            return ImpactCommand.run(Array(arguments.dropFirst()), console: console)
        case "dot":
            return DotCommand.run(Array(arguments.dropFirst()), console: console)
        default:
            let names = commands.map(\.name)
            if first.hasPrefix("-") {
                console.printError(
                    "corridor: error: unknown option \(first)"
                        + Suggestions.didYouMean(first, among: ["--help", "--version"]))
            } else {
                console.printError(
                    "corridor: error: unknown command \"\(first)\""
                        + Suggestions.didYouMean(first, among: names))
            }
            console.printError("Run 'corridor --help' for the commands.")
            return ExitCode.usage
        }
    }

    static func help(for command: String, console: Console) -> Int32 {
        guard let entry = commands.first(where: { $0.name == command }) else {
            console.printError(
                "corridor: error: no help for unknown command \"\(command)\""
                    + Suggestions.didYouMean(command, among: commands.map(\.name)))
            return ExitCode.usage
        }
        switch entry.name {
        case "validate": console.print(ValidateCommand.arguments.help)
        case "info": console.print(InfoCommand.arguments.help)
        case "report": console.print(ReportCommand.arguments.help)
        case "completions": console.print(CompletionsCommand.arguments.help)
        case "route": console.print(RouteCommand.arguments.help)
        case "reach": console.print(ReachCommand.arguments.help)
        case "gaps": console.print(GapsCommand.arguments.help)
        case "impact": console.print(ImpactCommand.arguments.help)
        case "dot": console.print(DotCommand.arguments.help)
        case "help":
            console.print("""
                usage: corridor help [COMMAND]

                Show the commands, or one command's usage, options and examples (the same as
                corridor COMMAND --help).

                example: corridor help reach
                """)
        default:
            console.print("usage: corridor \(entry.name)\n\n\(entry.summary).\n\nexample: corridor \(entry.name)")
        }
        return ExitCode.success
    }

    static var overview: String {
        let width = commands.map(\.name.count).max() ?? 0
        let lines = commands.map { "  " + $0.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.summary }
        return """
            corridor — a transport-network analyzer for regional planners

            usage: corridor COMMAND [options]

            commands:
            \(lines.joined(separator: "\n"))

            options:
              -h, --help     Show this help
              --version      Print the version

            Exit codes: 0 success, 1 findings or failure, 64 usage error, 65 bad input data.
            """
    }
}

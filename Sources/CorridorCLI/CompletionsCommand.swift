import CorridorKit

/// `corridor completions bash|zsh`: a shell completion script, made from the commands'
/// own declarations (``Arguments``), so it completes exactly what the parser accepts:
/// commands, each command's options, the values of `--format`, `--by`, `--modes`,
/// `--scenario`, file names after `-o`, and bundled network names.
///
///     corridor completions bash > ~/.local/share/bash-completion/completions/corridor
///     corridor completions zsh > "${fpath[1]}/_corridor"
///
/// The zsh script loads zsh's `bashcompinit` and uses the same function.
enum CompletionsCommand {
    static let arguments = Arguments(
        command: "corridor completions",
        positionals: [.required("SHELL", help: "bash or zsh")],
        description: "Prints a completion script for the shell. Install it as the examples show.",
        examples: [
            "corridor completions bash > ~/.local/share/bash-completion/completions/corridor",
            "corridor completions zsh > \"${fpath[1]}/_corridor\"",
        ])

    /// Every command with a declaration, in the order of `corridor --help`.
    static var declarations: [(name: String, arguments: Arguments)] {
        [
            ("report", ReportCommand.arguments), ("validate", ValidateCommand.arguments), ("info", InfoCommand.arguments),
            ("route", RouteCommand.arguments), ("reach", ReachCommand.arguments), ("gaps", GapsCommand.arguments),
            ("impact", ImpactCommand.arguments), ("dot", DotCommand.arguments),
        ]
    }

    static func run(_ argv: [String], console: Console) -> Int32 {
        let p: ParsedArguments
        switch arguments.parse(argv, console: console) {
        case .exit(let code): return code
        case .run(let parsed): p = parsed
        }
        switch p.positional("SHELL")! {
        case "bash": console.print(bash)
        case "zsh": console.print("#compdef corridor\nautoload -U +X bashcompinit && bashcompinit\n" + bash)
        case let other:
            return CommonOptions.fail(
                UsageError(command: arguments.command, message: "unknown shell \"\(other)\" (bash or zsh)"
                    + Suggestions.didYouMean(other, among: ["bash", "zsh"])),
                arguments, console: console)
        }
        return ExitCode.success
    }

    static var bash: String {
        let commands = Corridor.commands.map(\.name).joined(separator: " ")
        let cases = declarations.map { name, args in
            let options = args.options.flatMap { [$0.name] + ($0.short.map { [$0] } ?? []) } + ["--help"]
            return "    \(name)) opts=\"\(options.joined(separator: " "))\" ;;"
        }.joined(separator: "\n")
        let modes = Mode.allCases.map(\.rawValue).filter { $0 != "connector" && $0 != "border" }.joined(separator: " ")
        return """
            # corridor completion for bash (made by `corridor completions bash`)
            _corridor() {
              local cur prev opts
              cur="${COMP_WORDS[COMP_CWORD]}"
              prev="${COMP_WORDS[COMP_CWORD-1]}"
              COMPREPLY=()
              if [ "$COMP_CWORD" -eq 1 ]; then
                COMPREPLY=( $(compgen -W "\(commands) --help --version" -- "$cur") )
                return 0
              fi
              case "${COMP_WORDS[1]}" in
            \(cases)
                help) COMPREPLY=( $(compgen -W "\(commands)" -- "$cur") ); return 0 ;;
                completions) COMPREPLY=( $(compgen -W "bash zsh" -- "$cur") ); return 0 ;;
                *) opts="--help" ;;
              esac
              case "$prev" in
                --format) COMPREPLY=( $(compgen -W "table csv json geojson" -- "$cur") ); return 0 ;;
                --by) COMPREPLY=( $(compgen -W "time distance cost" -- "$cur") ); return 0 ;;
                --modes) COMPREPLY=( $(compgen -W "\(modes)" -- "$cur") ); return 0 ;;
                --scenario|--compare) COMPREPLY=( $(compgen -W "base all 2026" -- "$cur") ); return 0 ;;
                -o|--output) COMPREPLY=( $(compgen -f -- "$cur") ); return 0 ;;
              esac
              if [[ "$cur" == -* ]]; then
                COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
              else
                COMPREPLY=( $(compgen -W "jilin" -- "$cur") $(compgen -f -- "$cur") )
              fi
              return 0
            }
            complete -F _corridor corridor
            """
    }
}

import CorridorKit

/// `corridor completions bash|zsh`: a shell completion script, made from the commands'
/// own declarations (``Arguments``), so it completes exactly what the parser accepts:
/// commands, each command's options, the values of `--format`, `--by`, `--modes`,
/// `--scenario`, `--layout`…, comma lists after `--modes` and `--kinds`, file names
/// after `-o`, and bundled network names or paths for NETWORK. An option whose value is
/// free text (a place, a number) offers nothing rather than something wrong.
///
///     corridor completions bash > ~/.local/share/bash-completion/completions/corridor
///     corridor completions zsh > ~/.zfunc/_corridor   # with fpath=(~/.zfunc $fpath) before compinit
///
/// The zsh script is native (`_arguments`, with each option's help); it works both
/// autoloaded from `fpath` (completing on the first Tab) and sourced after `compinit`.
enum CompletionsCommand {
    static let arguments = Arguments(
        command: "corridor completions",
        positionals: [.required("SHELL", help: "bash or zsh")],
        description: """
            Prints a completion script for the shell. Install it as the examples show; for \
            zsh the folder must be on fpath before compinit runs (in ~/.zshrc: mkdir -p \
            ~/.zfunc once, then fpath=(~/.zfunc $fpath) above compinit).
            """,
        examples: [
            "corridor completions bash > ~/.local/share/bash-completion/completions/corridor",
            "corridor completions zsh > ~/.zfunc/_corridor",
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
        case "zsh": console.print(zsh)
        case let other:
            let hint = Suggestions.didYouMean(other, among: ["bash", "zsh"])
            return CommonOptions.fail(
                UsageError(command: arguments.command, message: "unknown shell \"\(other)\"" + (hint.isEmpty ? " (bash or zsh)" : hint)),
                arguments, console: console)
        }
        return ExitCode.success
    }

    static var bundled: String { (NetworkLocator.bundled.isEmpty ? ["jilin"] : NetworkLocator.bundled).joined(separator: " ") }

    // MARK: bash

    static var bash: String {
        let commands = Corridor.commands.map(\.name).joined(separator: " ")
        let cases = declarations.map { name, args in
            let options = args.options.flatMap { [$0.name] + ($0.short.map { [$0] } ?? []) } + ["--help"]
            var values: [String] = []
            for option in args.options where option.takesValue {
                let names = ([option.name] + (option.short.map { [$0] } ?? [])).joined(separator: "|")
                let action: String
                switch option.completion {
                case .none: action = "return 0"
                case .choices(let words): action = "COMPREPLY=( $(compgen -W \"\(words.joined(separator: " "))\" -- \"$cur\") ); return 0"
                case .list(let words): action = "_corridor_list \"\(words.joined(separator: " "))\"; return 0"
                case .files: action = "compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -f -- \"$cur\") ); return 0"
                }
                values.append("        \(names)) \(action) ;;")
            }
            let opts = "    \(name))\n      opts=\"\(options.joined(separator: " "))\""
            guard !values.isEmpty else { return opts + " ;;" }
            return opts + "\n      case \"$prev\" in\n" + values.joined(separator: "\n") + "\n      esac ;;"
        }.joined(separator: "\n")
        return """
            # corridor completion for bash (made by `corridor completions bash`)
            _corridor_list() {  # the last item of a comma-separated list, not one already in it
              local prefix="" last="$cur" w words=""
              if [[ "$cur" == *,* ]]; then prefix="${cur%,*},"; last="${cur##*,}"; fi
              for w in $1; do [[ ",$prefix" == *",$w,"* ]] || words+="$w "; done
              COMPREPLY=( $(compgen -P "$prefix" -W "$words" -- "$last") )
              compopt -o nospace 2>/dev/null
            }
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
                help) [ "$COMP_CWORD" -eq 2 ] && COMPREPLY=( $(compgen -W "\(commands)" -- "$cur") ); return 0 ;;
                completions) [ "$COMP_CWORD" -eq 2 ] && COMPREPLY=( $(compgen -W "bash zsh" -- "$cur") ); return 0 ;;
                *) return 0 ;;
              esac
              if [[ "$cur" == -* ]]; then
                COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
              else
                compopt -o filenames 2>/dev/null
                COMPREPLY=( $(compgen -W "\(bundled)" -- "$cur") $(compgen -f -- "$cur") )
              fi
              return 0
            }
            complete -F _corridor corridor
            """
    }

    // MARK: zsh

    /// Text safe inside a single-quoted zsh word and an `_arguments` description `[…]`
    /// or `_describe` entry: brackets out, colons and quotes escaped. An option's help
    /// is cut to its first clause without its asides in brackets (its main point: "base,
    /// all, a year, or project ids…"); a command's summary is kept whole.
    static func zshDescription(_ help: String, firstClause: Bool = true) -> String {
        var text = help
        if firstClause {
            var kept = "", depth = 0
            for c in text {
                if c == "(" { depth += 1; if kept.hasSuffix(" ") { kept.removeLast() } }
                if depth == 0 { kept.append(c) }
                if c == ")" { depth = max(0, depth - 1) }
            }
            text = String(kept.split(separator: ";").first ?? "")
        }
        for c in ["[", "]", "`", "$", "\\"] { text = text.replacingOccurrences(of: c, with: "") }
        return text.replacingOccurrences(of: ":", with: "\\:").replacingOccurrences(of: "'", with: "'\\''")
    }

    static func zshSpec(_ option: Arguments.Option) -> String {
        let description = zshDescription(option.help)
        var value = ""
        if option.takesValue {
            switch option.completion {
            case .none: value = ":\(option.placeholder): "
            case .choices(let words): value = ":\(option.placeholder):(\(words.joined(separator: " ")))"
            case .list(let words): value = ":\(option.placeholder):_sequence compadd - \(words.joined(separator: " "))"
            case .files: value = ":\(option.placeholder):_files"
            }
        }
        if let short = option.short {
            let exclusion = option.repeats ? "*" : "(\(short) \(option.name))"
            return "'\(exclusion)'{\(short),\(option.name)}'[\(description)]\(value)'"
        }
        return "'\(option.repeats ? "*" : "")\(option.name)[\(description)]\(value)'"
    }

    static var zsh: String {
        let commands = Corridor.commands.map { "    '\($0.name):\(zshDescription($0.summary, firstClause: false))'" }.joined(separator: "\n")
        let cases = declarations.map { name, args in
            var specs = args.options.map(zshSpec)
            specs.append("'(- *)'{-h,--help}'[show this help]'")
            for (i, positional) in args.positionals.enumerated() {
                let action = positional.name == "NETWORK" ? "_corridor_networks" : " "
                specs.append("'\(i + 1):\(positional.isOptional ? ":" : "")\(positional.name):\(action)'")
            }
            return "    \(name))\n      _arguments -S \\\n        " + specs.joined(separator: " \\\n        ") + " ;;"
        }.joined(separator: "\n")
        return """
            #compdef corridor
            # corridor completion for zsh (made by `corridor completions zsh`)
            _corridor_networks() {
              _alternative 'bundled:bundled network:(\(bundled))' 'files:network folder or DIMACS .gr file:_files'
            }
            _corridor() {
              local -a commands
              commands=(
            \(commands)
              )
              if (( CURRENT == 2 )); then
                _describe -t commands 'corridor command' commands
                return
              fi
              local command=$words[2]
              shift words
              (( CURRENT-- ))
              case $command in
            \(cases)
                help) (( CURRENT == 2 )) && _describe -t commands 'command' commands ;;
                completions) (( CURRENT == 2 )) && compadd bash zsh ;;
              esac
            }
            # Autoloaded from fpath, this file is _corridor's body: complete now. Sourced, register.
            if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
              _corridor "$@"
            else
              compdef _corridor corridor
            fi
            """
    }
}

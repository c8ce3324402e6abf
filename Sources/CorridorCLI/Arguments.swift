import CorridorKit

/// What a command accepts on its command line — options and positional arguments — and
/// the parser and help text that follow from it. A command declares one value and gets
/// parsing, usage errors with suggestions, and `--help` from it; nothing is hand-written
/// twice, so the help cannot drift from what the parser accepts.
///
///     let arguments = Arguments(
///         command: "corridor reach",
///         options: [
///             .value("--from", placeholder: "PLACE", repeats: true, help: "an origin"),
///             .value("--within", placeholder: "MINUTES", default: "30,60,120", help: "the bands"),
///             .flag("--reverse", help: "travel towards the origins"),
///         ],
///         positionals: [.required("NETWORK", help: "a network folder")])
///
///     let outcome = try arguments.parse(["jilin", "--from", "长春", "--from=吉林"])
///     // outcome == .parsed(p): p.values("--from") == ["长春", "吉林"],
///     // p.value("--within") == "30,60,120" (the default), p.flag("--reverse") == false,
///     // p.positional("NETWORK") == "jilin"
///
///     try arguments.parse(["jilin", "--withn", "60"])
///     // throws UsageError: corridor reach: error: unknown option --withn (did you mean "--within"?)
///
/// The grammar, deliberately small:
/// - `--name value` and `--name=value` for an option that takes a value; `-o value` for
///   its short name (no `-ovalue`, no bundled short flags like `-rv`).
/// - `--` ends the options: everything after it is positional, even `-x` or `--help`.
/// - `-h` or `--help` anywhere before `--` asks for help (``Outcome/help``), whatever
///   else is on the line, so a user who is lost can always get the help.
/// - A value is the next argument unless that looks like an option: it starts with `-`
///   and is neither `-` alone (the usual "standard input/output") nor a negative number
///   (`-5`, `-0.5`, `-5,10`), so `--within -5` reaches the command, which can reject it
///   with a message about minutes rather than a parser's complaint. A value that does
///   start with `-` is written `--name=-value`.
/// - `--name=` gives the empty value (the command decides whether that makes sense).
/// - Parsing never looks inside a value: `--within 30,60,120` is one value, and splitting
///   it is the command's business.
///
/// Declarations are checked with `precondition` (programmer errors): long names start
/// with `--`, short names are `-` and one character, no name is declared twice, `-h` and
/// `--help` are not declared (they are built in), flags have no default, and required
/// positionals come before optional ones.
///
/// - Complexity: ``parse(_:)`` is O(*a*·*o*) for *a* arguments and *o* declared options
///   (plus the edit distances of a suggestion, on the error path only).
public struct Arguments: Sendable {
    /// What a shell completion offers for an option's value.
    public enum ValueCompletion: Sendable, Hashable {
        /// Nothing: free text (a place, a number).
        case none
        /// One of these words.
        case choices([String])
        /// These words, several separated by commas (`--modes hsr,rail`).
        case list([String])
        /// A file or folder name.
        case files
    }

    /// One option: `--from PLACE`, `-o FILE`, `--reverse`.
    public struct Option: Sendable, Hashable {
        /// The long name, with its dashes: `--from`.
        public var name: String
        /// The short name, with its dash (`-o`), if any.
        public var short: String?
        /// Whether the option takes a value (`--from PLACE`) or is a flag (`--reverse`).
        public var takesValue: Bool
        /// Whether the option may be given more than once, each value collected.
        public var repeats: Bool
        /// Whether the command cannot run without it: the usage line shows it without
        /// brackets, the help says `(required)`, and leaving it out is a usage error.
        public var isRequired: Bool
        /// What the value is, in the help and in errors: `PLACE`. Empty for a flag.
        public var placeholder: String
        /// The value used when the option is not given, shown in the help as
        /// `(default: …)`; nil when there is none.
        public var defaultValue: String?
        /// One line of help, lowercase, without a final period.
        public var help: String
        /// What the completion scripts offer for the value.
        public var completion: ValueCompletion = .none

        /// An option; ``value(_:short:placeholder:repeats:default:help:)`` and
        /// ``flag(_:short:help:)`` read better at the declaration.
        public init(
            name: String, short: String? = nil, takesValue: Bool, repeats: Bool = false,
            isRequired: Bool = false, placeholder: String = "", defaultValue: String? = nil,
            help: String
        ) {
            self.name = name
            self.short = short
            self.takesValue = takesValue
            self.repeats = repeats
            self.isRequired = isRequired
            self.placeholder = placeholder
            self.defaultValue = defaultValue
            self.help = help
        }

        /// An option that takes a value: `.value("--from", placeholder: "PLACE", help: …)`.
        public static func value(
            _ name: String, short: String? = nil, placeholder: String, repeats: Bool = false,
            required: Bool = false, default defaultValue: String? = nil, completes: ValueCompletion? = nil,
            help: String
        ) -> Option {
            precondition(!(required && defaultValue != nil), "\(name): a required option has no default")
            var option = Option(name: name, short: short, takesValue: true, repeats: repeats, isRequired: required,
                                placeholder: placeholder, defaultValue: defaultValue, help: help)
            // A FILE or DIR completes as a path unless told otherwise.
            option.completion = completes ?? (["FILE", "DIR"].contains(placeholder) ? .files : .none)
            return option
        }

        /// A flag, on when given: `.flag("--reverse", help: …)`.
        public static func flag(_ name: String, short: String? = nil, help: String) -> Option {
            Option(name: name, short: short, takesValue: false, help: help)
        }
    }

    /// One positional argument: `NETWORK`.
    public struct Positional: Sendable, Hashable {
        /// The name, in capitals, as the usage line and errors show it.
        public var name: String
        /// Whether the argument may be left out.
        public var isOptional: Bool
        /// One line of help.
        public var help: String
        /// Whether it is another spelling of an option (`--compare A B`'s B), listed under
        /// the arguments but left out of the usage line.
        public var isAlternative = false

        public init(name: String, isOptional: Bool, help: String) {
            self.name = name
            self.isOptional = isOptional
            self.help = help
        }

        /// An optional positional that spells an option another way (`--route FROM TO`):
        /// in the help's arguments, not in the usage line.
        public static func alternative(_ name: String, help: String) -> Positional {
            var positional = Positional(name: name, isOptional: true, help: help)
            positional.isAlternative = true
            return positional
        }

        /// A positional argument that must be given.
        public static func required(_ name: String, help: String) -> Positional {
            Positional(name: name, isOptional: false, help: help)
        }

        /// A positional argument that may be left out.
        public static func optional(_ name: String, help: String) -> Positional {
            Positional(name: name, isOptional: true, help: help)
        }
    }

    /// What ``parse(_:)`` found: a request for help, or arguments to run with.
    public enum Outcome: Sendable, Equatable {
        /// `-h` or `--help` was given: print ``help`` and exit 0.
        case help
        /// The arguments, all checked against the declaration.
        case parsed(ParsedArguments)
    }

    /// What ``parse(_:console:)`` leaves to the command: run, or exit with a status.
    public enum Invocation: Sendable, Equatable {
        /// Run the command with these arguments.
        case run(ParsedArguments)
        /// Help or a usage error has been printed; return this status.
        case exit(Int32)
    }

    /// The command as the user types it and as errors name it: `corridor reach`.
    public var command: String
    /// The options, in the order the usage line and the help list them.
    public var options: [Option]
    /// The positional arguments, required ones first.
    public var positionals: [Positional]
    /// What the command does, shown under the usage line; lines longer than the help's
    /// width are wrapped, shorter ones are kept as written.
    public var description: String
    /// Example command lines, shown last, as written.
    public var examples: [String]

    /// The width the help text is wrapped to, in terminal columns.
    public static let helpWidth = 88

    public init(
        command: String, options: [Option] = [], positionals: [Positional] = [],
        description: String = "", examples: [String] = []
    ) {
        var seen: Set<String> = ["--help", "-h"]
        for option in options {
            precondition(option.name.hasPrefix("--") && option.name.count > 2,
                         "option \(option.name): a long name starts with --")
            precondition(seen.insert(option.name).inserted, "option \(option.name) declared twice (or is built in)")
            if let short = option.short {
                precondition(short.count == 2 && short.hasPrefix("-") && short != "--",
                             "option \(option.name): a short name is - and one character")
                precondition(seen.insert(short).inserted, "short name \(short) declared twice (or is built in)")
            }
            precondition(option.takesValue ? !option.placeholder.isEmpty : option.placeholder.isEmpty,
                         "option \(option.name): a value needs a placeholder, a flag has none")
            precondition(option.takesValue || (option.defaultValue == nil && !option.repeats),
                         "flag \(option.name): a flag has no default and does not repeat")
        }
        if let firstOptional = positionals.firstIndex(where: \.isOptional) {
            precondition(positionals[firstOptional...].allSatisfy(\.isOptional),
                         "required positionals come before optional ones")
        }
        precondition(Set(positionals.map(\.name)).count == positionals.count, "positional declared twice")
        self.command = command
        self.options = options
        self.positionals = positionals
        self.description = description
        self.examples = examples
    }

    // MARK: Parsing

    /// Parses `arguments` (without the program and command names).
    ///
    ///     try reach.parse(["--help"])                  // .help
    ///     try reach.parse(["jilin", "--from", "长春"])  // .parsed(…)
    ///     try reach.parse(["jilin", "--from"])
    ///     // throws: corridor reach: error: missing PLACE after --from
    ///
    /// - Returns: ``Outcome/help`` when `-h` or `--help` is among the options, otherwise
    ///   the parsed arguments.
    /// - Throws: ``UsageError`` for an unknown option (with a suggestion among the
    ///   declared long names), a missing value, a value given to a flag, a non-repeating
    ///   option given twice, an extra positional argument, a missing required one or a
    ///   missing required option.
    /// - Complexity: O(*a*·*o*), *a* arguments and *o* declared options.
    public func parse(_ arguments: [String]) throws(UsageError) -> Outcome {
        let optionEnd = arguments.firstIndex(of: "--") ?? arguments.endIndex
        if arguments[..<optionEnd].contains(where: { $0 == "--help" || $0 == "-h" }) {
            return .help
        }
        var values: [String: [String]] = [:]
        var given: [String] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            if argument == "--" {
                given += arguments[i...]
                break
            }
            guard Self.looksLikeOption(argument) else {
                given.append(argument)
                continue
            }
            // `--name=value`: split at the first `=` (long names only).
            var spelling = argument
            var inline: String? = nil
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                spelling = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            guard let option = options.first(where: { $0.name == spelling || $0.short == spelling }) else {
                throw error("unknown option \(spelling)"
                    + Suggestions.didYouMean(spelling, among: options.map(\.name) + ["--help"]))
            }
            let value: String
            if !option.takesValue {
                if inline != nil { throw error("\(spelling) takes no value") }
                value = ""
            } else if let inline {
                value = inline
            } else if i < arguments.count, !Self.looksLikeOption(arguments[i]) {
                value = arguments[i]
                i += 1
            } else if i < arguments.count {
                let next = arguments[i]
                throw error("missing \(option.placeholder) after \(spelling) ("
                    + (next == "--" ? "-- ends the options" : "\(next) is an option") + ")")
            } else {
                throw error("missing \(option.placeholder) after \(spelling)")
            }
            if let earlier = values[option.name]?.first, !option.repeats {
                throw error(option.takesValue
                    ? "\(option.name) given twice (\"\(earlier)\", then \"\(value)\")"
                    : "\(option.name) given twice")
            }
            values[option.name, default: []].append(value)
        }
        if given.count > positionals.count {
            throw error("unexpected argument \"\(given[positionals.count])\"")
        }
        if given.count < positionals.count, !positionals[given.count].isOptional {
            throw error("missing \(positionals[given.count].name)")
        }
        if let missing = options.first(where: { $0.isRequired && values[$0.name] == nil }) {
            throw error("missing \(missing.name) \(missing.placeholder)")
        }
        return .parsed(ParsedArguments(declaration: self, values: values, positionals: given))
    }

    /// Parses `arguments` for a command's `run`, printing the help (exit 0) or the usage
    /// error followed by the usage line (exit 64) itself, so every command reports them
    /// the same way.
    ///
    ///     let parsed: ParsedArguments
    ///     switch Self.arguments.parse(arguments, console: console) {
    ///     case .exit(let status): return status
    ///     case .run(let p): parsed = p
    ///     }
    ///
    /// On a usage error the message stream gets:
    ///
    ///     corridor reach: error: unknown option --withn (did you mean "--within"?)
    ///     usage: corridor reach NETWORK [--from PLACE ...] [--within MINUTES] [--reverse]
    ///     Run 'corridor reach --help' for more.
    public func parse(_ arguments: [String], console: Console) -> Invocation {
        do {
            switch try parse(arguments) {
            case .help:
                console.print(help)
                return .exit(ExitCode.success)
            case .parsed(let parsed):
                return .run(parsed)
            }
        } catch {
            console.printError("\(error)")
            console.printError(usage)
            console.printError("Run '\(command) --help' for more.")
            return .exit(ExitCode.usage)
        }
    }

    /// Whether `argument` is an option rather than a value: it starts with `-` and is
    /// neither `-` alone nor a negative number (`-` then a digit, or `-.` then a digit).
    static func looksLikeOption(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), argument != "-" else { return false }
        let rest = argument.utf8.dropFirst()
        let digits = UInt8(ascii: "0") ... UInt8(ascii: "9")
        if let first = rest.first, digits.contains(first) { return false }
        if rest.first == UInt8(ascii: "."), let second = rest.dropFirst().first, digits.contains(second) {
            return false
        }
        return true
    }

    func error(_ message: String) -> UsageError {
        UsageError(command: command, message: message)
    }

    // MARK: Help

    /// The usage line, wrapped at ``helpWidth`` with continuation lines indented under
    /// the first argument:
    ///
    ///     usage: corridor reach NETWORK [--from PLACE ...] [--within MINUTES] [--reverse]
    public var usage: String {
        var parts = positionals.filter { !$0.isAlternative }.map { $0.isOptional ? "[\($0.name)]" : $0.name }
        for option in options {
            let value = option.takesValue ? " \(option.placeholder)" : ""
            let part = "\(option.name)\(value)\(option.repeats ? " ..." : "")"
            parts.append(option.isRequired ? part : "[\(part)]")
        }
        let lead = "usage: \(command)"
        return Self.wrap(parts, first: lead + " ", indent: TextTable.displayWidth(of: lead) + 1)
    }

    /// The whole help: usage line, description, arguments, options (with `-h, --help`
    /// last), examples. Each entry's help is aligned in one column and wrapped at
    /// ``helpWidth``; a repeating option says `(repeatable)`, an option with a default
    /// says `(default: …)`.
    ///
    ///     usage: corridor reach NETWORK [--from PLACE ...] [--reverse] [--output FILE]
    ///
    ///     Places reachable from the origins.
    ///
    ///     arguments:
    ///       NETWORK            a network folder or the name of a bundled network
    ///
    ///     options:
    ///           --from PLACE   an origin (repeatable)
    ///           --reverse      travel towards the origins
    ///       -o, --output FILE  write the results to FILE (- for the terminal)
    ///       -h, --help         show this help
    ///
    ///     example: corridor reach jilin --from 长春
    public var help: String {
        // Long names line up when any option has a short name: `-o, --output` / `    --from`.
        let anyShort = options.contains { $0.short != nil }
        var optionEntries: [(label: String, help: String)] = options.map { option in
            let names = option.short.map { "\($0), " } ?? (anyShort ? "    " : "")
            var help = option.help
            let notes = [option.isRequired ? "required" : nil, option.repeats ? "repeatable" : nil].compactMap { $0 }
            if !notes.isEmpty { help += " (\(notes.joined(separator: ", ")))" }
            if let value = option.defaultValue { help += " (default: \(value))" }
            return (names + option.name + (option.takesValue ? " " + option.placeholder : ""), help)
        }
        optionEntries.append(("-h, --help", "show this help"))
        let argumentEntries: [(label: String, help: String)] = positionals.map { ($0.name, $0.help) }

        // One help column for both lists; a label too wide for it gets a line of its own.
        let maximumLabel = 24
        let labelWidth = (argumentEntries + optionEntries)
            .map { TextTable.displayWidth(of: $0.label) }
            .filter { $0 <= maximumLabel }
            .max() ?? 0
        let column = 2 + labelWidth + 2
        func entry(_ label: String, _ help: String) -> String {
            let words = help.split(separator: " ").map(String.init)
            let width = TextTable.displayWidth(of: label)
            if width > labelWidth {
                return "  " + label + "\n"
                    + Self.wrap(words, first: String(repeating: " ", count: column), indent: column)
            }
            let first = "  " + label + String(repeating: " ", count: column - 2 - width)
            return Self.wrap(words, first: first, indent: column)
        }

        var sections = [usage]
        if !description.isEmpty {
            sections.append(description.split(separator: "\n", omittingEmptySubsequences: false)
                .map { line in
                    guard TextTable.displayWidth(of: line) > Self.helpWidth else { return String(line) }
                    let indent = line.prefix { $0 == " " }.count
                    return Self.wrap(line.split(separator: " ").map(String.init),
                                     first: String(repeating: " ", count: indent), indent: indent)
                }
                .joined(separator: "\n"))
        }
        if !argumentEntries.isEmpty {
            sections.append((["arguments:"] + argumentEntries.map { entry($0.label, $0.help) })
                .joined(separator: "\n"))
        }
        sections.append((["options:"] + optionEntries.map { entry($0.label, $0.help) })
            .joined(separator: "\n"))
        if examples.count == 1 {
            sections.append("example: " + examples[0])
        } else if !examples.isEmpty {
            sections.append((["examples:"] + examples.map { "  " + $0 }).joined(separator: "\n"))
        }
        return sections.joined(separator: "\n\n")
    }

    /// `words` after `first`, separated by single spaces, broken into lines of at most
    /// ``helpWidth`` display columns, continuation lines indented by `indent` columns. A
    /// word wider than a line gets a line of its own; text is broken only at spaces (a
    /// long run of Chinese without spaces is not broken).
    static func wrap(_ words: [String], first: String, indent: Int) -> String {
        var lines: [String] = []
        var line = first
        var width = TextTable.displayWidth(of: first)
        var lineHasWord = false
        for word in words {
            let w = TextTable.displayWidth(of: word)
            if lineHasWord && width + 1 + w > helpWidth {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                width = indent
                lineHasWord = false
            }
            if lineHasWord {
                line += " "
                width += 1
            }
            line += word
            width += w
            lineHasWord = true
        }
        lines.append(line)
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")
    }
}

/// The arguments a command was given, checked against its ``Arguments`` declaration.
///
/// Asking for an option or positional that was not declared is a programmer error
/// (`precondition`), so a typo in a command's code fails its first test, not silently.
extension Arguments.Option {
    /// The same option with another placeholder and help: `-o DIR` where most commands
    /// take `-o FILE`.
    public func renamed(placeholder: String, help: String) -> Arguments.Option {
        var option = self
        option.placeholder = placeholder
        option.help = help
        return option
    }
}

public struct ParsedArguments: Sendable, Equatable {
    let declaration: [Arguments.Option]
    let names: [String]
    /// The values given, by long name; a flag has one empty value per occurrence.
    let given: [String: [String]]
    /// The positional arguments given, in order (optional ones left out at the end).
    public let positionals: [String]

    init(declaration: Arguments, values: [String: [String]], positionals: [String]) {
        self.declaration = declaration.options
        self.names = declaration.positionals.map(\.name)
        self.given = values
        self.positionals = positionals
    }

    func option(_ name: String) -> Arguments.Option {
        guard let option = declaration.first(where: { $0.name == name }) else {
            preconditionFailure("option \(name) is not declared")
        }
        return option
    }

    /// The values of an option in the order given (`--from A --from B` → `["A", "B"]`),
    /// or its default alone when it was not given (empty when there is none).
    public func values(_ name: String) -> [String] {
        let option = option(name)
        precondition(option.takesValue, "\(name) is a flag: use flag(_:)")
        return given[name] ?? option.defaultValue.map { [$0] } ?? []
    }

    /// The value of an option, or its default when it was not given, or nil. For a
    /// repeating option, the last value given.
    public func value(_ name: String) -> String? {
        values(name).last
    }

    /// The items of a list option, given repeated or comma-separated or both
    /// (`--from 长春 --from 吉林`, `--from 长春,吉林`, `--from 长春，吉林`, `--from 长春、吉林`):
    /// split at ASCII and full-width commas and at 、, trimmed, empty items dropped.
    public func list(_ name: String) -> [String] {
        values(name).flatMap { $0.listItems() }
    }

    /// Whether a flag was given.
    public func flag(_ name: String) -> Bool {
        let option = option(name)
        precondition(!option.takesValue, "\(name) takes a value: use value(_:)")
        return given[name] != nil
    }

    /// Whether an option was given on the command line (rather than defaulted).
    public func isGiven(_ name: String) -> Bool {
        _ = option(name)
        return given[name] != nil
    }

    /// The positional argument called `name`, or nil when an optional one was left out.
    public func positional(_ name: String) -> String? {
        guard let index = names.firstIndex(of: name) else {
            preconditionFailure("positional \(name) is not declared")
        }
        return index < positionals.count ? positionals[index] : nil
    }
}

/// A command line that does not fit the command's declaration: exit status 64
/// (``ExitCode/usage``), rendered as `corridor reach: error: message`.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The command, as errors name it: `corridor reach`.
    public var command: String
    /// What is wrong, without a final period: `missing NETWORK`.
    public var message: String

    public init(command: String, message: String) {
        self.command = command
        self.message = message
    }

    /// `corridor reach: error: missing NETWORK`.
    public var description: String { "\(command): error: \(message)" }
}

fileprivate extension String {
    /// The string without the spaces at its end.
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

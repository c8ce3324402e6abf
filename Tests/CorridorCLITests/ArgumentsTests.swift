import CorridorCLI
import Testing

/// The declarative parser: every way through `parse`, every usage error verbatim, and
/// the help text golden.
@Suite struct ArgumentsTests {
    /// A declaration like the coming `corridor reach`.
    let reach = Arguments(
        command: "corridor reach",
        options: [
            .value("--from", placeholder: "PLACE", repeats: true, help: "an origin, by name or id"),
            .value("--within", placeholder: "MINUTES", default: "30,60,120",
                   help: "the time bands in minutes, comma-separated"),
            .value("--by", placeholder: "METRIC", default: "time", help: "what to measure: time, distance or cost"),
            .flag("--reverse", help: "travel towards the origins instead of away from them"),
            OutputTarget.option,
        ],
        positionals: [
            .required("NETWORK",
                      help: "a network folder, the name of a bundled network (e.g. jilin), or a DIMACS .gr file"),
        ],
        description: "Places reachable from the origins within each time band.",
        examples: [
            "corridor reach jilin --from 长春",
            "corridor reach jilin --from 长春 --from 吉林 --within 45,90 -o reach.csv",
        ])

    /// The parsed arguments, or the test fails.
    func parsed(_ arguments: [String]) throws -> ParsedArguments {
        guard case .parsed(let p) = try reach.parse(arguments) else {
            Issue.record("expected parsed arguments for \(arguments)")
            throw UsageError(command: "test", message: "help")
        }
        return p
    }

    /// The rendered usage error, or nil when `arguments` parse.
    func error(_ arguments: [String], _ declaration: Arguments? = nil) -> String? {
        do {
            _ = try (declaration ?? reach).parse(arguments)
            return nil
        } catch {
            return "\(error)"
        }
    }

    // MARK: Values

    @Test func positionalsRepeatsDefaultsAndFlags() throws {
        let p = try parsed(["jilin", "--from", "长春", "--from=吉林"])
        #expect(p.positionals == ["jilin"])
        #expect(p.positional("NETWORK") == "jilin")
        #expect(p.values("--from") == ["长春", "吉林"])
        #expect(p.value("--from") == "吉林")  // the last
        #expect(p.value("--within") == "30,60,120")  // the default
        #expect(p.values("--within") == ["30,60,120"])
        #expect(!p.isGiven("--within"))
        #expect(p.isGiven("--from"))
        #expect(p.value("--output") == nil)  // no default
        #expect(p.values("--output") == [])
        #expect(!p.flag("--reverse"))
        #expect(!p.isGiven("--reverse"))
    }

    @Test func givenValuesOverrideDefaults() throws {
        let p = try parsed(["--within", "45,90", "--by=distance", "--reverse", "jilin"])
        #expect(p.value("--within") == "45,90")  // a comma list stays one value
        #expect(p.value("--by") == "distance")
        #expect(p.flag("--reverse"))
        #expect(p.isGiven("--reverse"))
        #expect(p.values("--from") == [])
        #expect(p.positional("NETWORK") == "jilin")
    }

    @Test func shortNamesAndTheDashValue() throws {
        #expect(try parsed(["jilin", "-o", "reach.csv"]).value("--output") == "reach.csv")
        #expect(try parsed(["jilin", "--output", "-"]).value("--output") == "-")  // "-" is a value
        #expect(try parsed(["jilin", "--output=a=b.csv"]).value("--output") == "a=b.csv")  // split at the first =
        #expect(try parsed(["jilin", "--from="]).values("--from") == [""])  // an explicit empty value
        #expect(try parsed(["-"]).positional("NETWORK") == "-")
    }

    @Test func negativeNumbersAreValues() throws {
        #expect(try parsed(["jilin", "--within", "-5"]).value("--within") == "-5")
        #expect(try parsed(["jilin", "--within", "-0.5"]).value("--within") == "-0.5")
        #expect(try parsed(["jilin", "--within", "-.5"]).value("--within") == "-.5")
        #expect(try parsed(["jilin", "--within", "-5,10"]).value("--within") == "-5,10")
        #expect(try parsed(["jilin", "--from=-x"]).value("--from") == "-x")
        #expect(try parsed(["-5"]).positional("NETWORK") == "-5")
    }

    @Test func doubleDashEndsTheOptions() throws {
        let p = try parsed(["--reverse", "--", "-weird name"])
        #expect(p.positional("NETWORK") == "-weird name")
        #expect(p.flag("--reverse"))
        // After `--`, --help is an argument, not a request for help.
        #expect(try parsed(["--", "--help"]).positional("NETWORK") == "--help")
        #expect(error(["jilin", "--", "--help"]) == "corridor reach: error: unexpected argument \"--help\"")
    }

    @Test func optionalPositionals() throws {
        let declaration = Arguments(
            command: "corridor demo",
            positionals: [.required("NETWORK", help: "n"), .optional("SCENARIO", help: "s")])
        guard case .parsed(let one) = try declaration.parse(["jilin"]),
              case .parsed(let two) = try declaration.parse(["jilin", "2030"])
        else { Issue.record("not parsed"); return }
        #expect(one.positional("SCENARIO") == nil)
        #expect(two.positional("SCENARIO") == "2030")
        #expect(two.positionals == ["jilin", "2030"])
        #expect(error(["jilin", "2030", "x"], declaration) == "corridor demo: error: unexpected argument \"x\"")
        #expect(error([], declaration) == "corridor demo: error: missing NETWORK")
    }

    // MARK: Help

    @Test func helpAnywhereBeforeDoubleDash() throws {
        #expect(try reach.parse(["--help"]) == .help)
        #expect(try reach.parse(["-h"]) == .help)
        #expect(try reach.parse(["jilin"]) != .help)
        // Even with mistakes around it: a lost user can always get help.
        #expect(try reach.parse(["--withn", "--from", "--help"]) == .help)
        #expect(try reach.parse(["a", "b", "-h"]) == .help)
    }

    // MARK: Errors

    @Test func unknownOptions() {
        #expect(error(["jilin", "--withn", "60"])
            == "corridor reach: error: unknown option --withn (did you mean \"--within\"?)")
        #expect(error(["jilin", "--withn=60"])
            == "corridor reach: error: unknown option --withn (did you mean \"--within\"?)")
        #expect(error(["jilin", "--hlep"]) == "corridor reach: error: unknown option --hlep (did you mean \"--help\"?)")
        #expect(error(["jilin", "-from", "长春"])
            == "corridor reach: error: unknown option -from (did you mean \"--from\"?)")
        #expect(error(["jilin", "--zzz"]) == "corridor reach: error: unknown option --zzz")
        #expect(error(["jilin", "-x"]) == "corridor reach: error: unknown option -x")
        #expect(error(["jilin", "-o=out.csv"]) == "corridor reach: error: unknown option -o=out.csv")
    }

    @Test func missingValues() {
        #expect(error(["jilin", "--from"]) == "corridor reach: error: missing PLACE after --from")
        #expect(error(["jilin", "-o"]) == "corridor reach: error: missing FILE after -o")
        #expect(error(["jilin", "--from", "--reverse"])
            == "corridor reach: error: missing PLACE after --from (--reverse is an option)")
        #expect(error(["jilin", "--within", "-x"])
            == "corridor reach: error: missing MINUTES after --within (-x is an option)")
        #expect(error(["--from", "--", "jilin"])
            == "corridor reach: error: missing PLACE after --from (-- ends the options)")
    }

    @Test func listsRepeatedOrCommaSeparated() throws {
        let p = try parsed(["jilin", "--from", "长春, 吉林", "--from", "四平，辽源、通化", "--from", ",,"])
        #expect(p.list("--from") == ["长春", "吉林", "四平", "辽源", "通化"])
        #expect(try parsed(["jilin"]).list("--from") == [])
    }

    @Test func requiredOptions() throws {
        let route = Arguments(
            command: "corridor route",
            options: [
                .value("--from", placeholder: "PLACE", required: true, help: "where it starts"),
                .value("--to", placeholder: "PLACE", required: true, help: "where it ends"),
                .value("--via", placeholder: "PLACE", repeats: true, help: "a stop"),
            ],
            positionals: [.required("NETWORK", help: "a network")])
        #expect(route.usage == "usage: corridor route NETWORK --from PLACE --to PLACE [--via PLACE ...]")
        #expect(route.help.contains("--from PLACE  where it starts (required)"))
        #expect(route.help.contains("--via PLACE   a stop (repeatable)"))
        // The first one missing, in declaration order; a missing positional comes first.
        #expect(error(["jilin"], route) == "corridor route: error: missing --from PLACE")
        #expect(error(["jilin", "--to", "b"], route) == "corridor route: error: missing --from PLACE")
        #expect(error(["jilin", "--from", "a"], route) == "corridor route: error: missing --to PLACE")
        #expect(error(["--from", "a", "--to", "b"], route) == "corridor route: error: missing NETWORK")
        #expect(error(["jilin", "--from", "a", "--to", "b"], route) == nil)
        // --help wins over a missing required option.
        #expect(try route.parse(["--help"]) == .help)
    }

    @Test func flagsTakeNoValue() {
        #expect(error(["jilin", "--reverse=yes"]) == "corridor reach: error: --reverse takes no value")
    }

    @Test func givenTwice() {
        #expect(error(["jilin", "--by", "time", "--by", "distance"])
            == "corridor reach: error: --by given twice (\"time\", then \"distance\")")
        #expect(error(["jilin", "-o", "a.csv", "--output=b.csv"])
            == "corridor reach: error: --output given twice (\"a.csv\", then \"b.csv\")")
        #expect(error(["jilin", "--reverse", "--reverse"]) == "corridor reach: error: --reverse given twice")
    }

    @Test func positionalCounts() {
        #expect(error([]) == "corridor reach: error: missing NETWORK")
        #expect(error(["--from", "长春"]) == "corridor reach: error: missing NETWORK")
        #expect(error(["jilin", "tiny"]) == "corridor reach: error: unexpected argument \"tiny\"")
        let none = Arguments(command: "corridor demo")
        #expect(error(["x"], none) == "corridor demo: error: unexpected argument \"x\"")
    }

    @Test func usageErrorValue() {
        let e = UsageError(command: "corridor route", message: "missing --to")
        #expect(e.description == "corridor route: error: missing --to")
        #expect(e == UsageError(command: "corridor route", message: "missing --to"))
    }

    // MARK: With a console

    @Test func consoleHelpExitsZero() {
        let console = Console()
        #expect(reach.parse(["--help"], console: console) == .exit(0))
        #expect(console.output == reach.help + "\n")
        #expect(console.errors.isEmpty)
    }

    @Test func consoleUsageErrorExits64() {
        let console = Console()
        #expect(reach.parse(["jilin", "--withn", "60"], console: console) == .exit(64))
        #expect(console.output.isEmpty)
        #expect(console.errors == """
            corridor reach: error: unknown option --withn (did you mean "--within"?)
            usage: corridor reach NETWORK [--from PLACE ...] [--within MINUTES] [--by METRIC]
                                  [--reverse] [--output FILE]
            Run 'corridor reach --help' for more.

            """)
    }

    @Test func consoleRun() throws {
        let console = Console()
        guard case .run(let p) = reach.parse(["jilin", "--reverse"], console: console) else {
            Issue.record("not run")
            return
        }
        #expect(p.flag("--reverse"))
        #expect(console.output.isEmpty && console.errors.isEmpty)
    }

    // MARK: Help text

    @Test func helpGolden() {
        #expect(reach.help == """
            usage: corridor reach NETWORK [--from PLACE ...] [--within MINUTES] [--by METRIC]
                                  [--reverse] [--output FILE]

            Places reachable from the origins within each time band.

            arguments:
              NETWORK               a network folder, the name of a bundled network (e.g. jilin), or
                                    a DIMACS .gr file

            options:
                  --from PLACE      an origin, by name or id (repeatable)
                  --within MINUTES  the time bands in minutes, comma-separated (default: 30,60,120)
                  --by METRIC       what to measure: time, distance or cost (default: time)
                  --reverse         travel towards the origins instead of away from them
              -o, --output FILE     write the results to FILE (- for the terminal)
              -h, --help            show this help

            examples:
              corridor reach jilin --from 长春
              corridor reach jilin --from 长春 --from 吉林 --within 45,90 -o reach.csv
            """)
    }

    /// A label too wide for the column gets a line of its own; a long description line
    /// is wrapped by display width (each 长春市 is 6 columns); one example reads
    /// `example:`; no line ends in a space.
    @Test func helpWrapsByDisplayWidth() {
        let demo = Arguments(
            command: "corridor demo",
            options: [.value("--a-very-long-option-name", placeholder: "VALUE", help: "something")],
            positionals: [.optional("FILE", help: "the input")],
            description: Array(repeating: "长春市", count: 20).joined(separator: " ") + "\n  kept as written",
            examples: ["corridor demo"])
        let twelve = Array(repeating: "长春市", count: 12).joined(separator: " ")
        let eight = Array(repeating: "长春市", count: 8).joined(separator: " ")
        #expect(demo.help == """
            usage: corridor demo [FILE] [--a-very-long-option-name VALUE]

            \(twelve)
            \(eight)
              kept as written

            arguments:
              FILE        the input

            options:
              --a-very-long-option-name VALUE
                          something
              -h, --help  show this help

            example: corridor demo
            """)
        #expect(TextTable.displayWidth(of: twelve) == 83)
        #expect(!demo.help.split(separator: "\n").contains { $0.hasSuffix(" ") })
    }

    /// The examples in the doc comments of `Arguments`, kept true.
    @Test func docCommentExamples() throws {
        let arguments = Arguments(
            command: "corridor reach",
            options: [
                .value("--from", placeholder: "PLACE", repeats: true, help: "an origin"),
                .flag("--reverse", help: "travel towards the origins"),
                OutputTarget.option,
            ],
            positionals: [.required("NETWORK", help: "a network folder or the name of a bundled network")],
            description: "Places reachable from the origins.",
            examples: ["corridor reach jilin --from 长春"])
        #expect(arguments.help == """
            usage: corridor reach NETWORK [--from PLACE ...] [--reverse] [--output FILE]

            Places reachable from the origins.

            arguments:
              NETWORK            a network folder or the name of a bundled network

            options:
                  --from PLACE   an origin (repeatable)
                  --reverse      travel towards the origins
              -o, --output FILE  write the results to FILE (- for the terminal)
              -h, --help         show this help

            example: corridor reach jilin --from 长春
            """)
    }

    @Test func usageOfACommandWithoutArguments() {
        let bare = Arguments(command: "corridor version")
        #expect(bare.usage == "usage: corridor version")
        #expect(bare.help == """
            usage: corridor version

            options:
              -h, --help  show this help
            """)
    }
}

import CorridorCore
import CorridorKit
import Foundation

/// The options every analysis command shares, declared once so that `--scenario`,
/// `--modes`, `--by`, `--format` and `-o` mean the same thing everywhere. Loading the
/// network they run on is in `CommonOptions+Loading.swift`, the places they name in
/// `CommonOptions+Places.swift`.
enum CommonOptions {
    static let scenario = Arguments.Option.value(
        "--scenario", placeholder: "SCENARIO", default: "base", completes: .choices(["base", "all", "2026"]),
        help: "base (the network the plans found), all (every project), a year (base + the projects opened by then, e.g. 2026; base for a year before the first opening, not a network of that year), or project ids or Chinese names separated by commas; a list may add projects to a year (2026,hsr-changliaotong)")
    static let modes = Arguments.Option.value(
        "--modes", placeholder: "MODES", default: "all",
        completes: .list(["all"] + Mode.allCases.map(\.rawValue).filter { $0 != "connector" && $0 != "border" }),
        help: "only these modes, comma-separated: hsr, rail, expressway, road, air, sea, river (connectors and border crossings always), or all")
    static let by = Arguments.Option.value(
        "--by", placeholder: "METRIC", default: "time", completes: .choices(["time", "distance", "cost"]),
        help: "time (minutes), distance (km) or cost (freight yuan per ton)")
    static func format(_ formats: [String], default value: String = "table") -> Arguments.Option {
        .value("--format", placeholder: "FORMAT", default: value, completes: .choices(formats),
               help: formats.joined(separator: ", "))
    }
    static let network = Arguments.Positional.required(
        "NETWORK", help: "a network folder, the name of a bundled network (jilin), or a DIMACS .gr file")
    /// NETWORK for the commands that need a planner's network (places, projects, goals).
    static let plannerNetwork = Arguments.Positional.required(
        "NETWORK", help: "a network folder or the name of a bundled network (jilin)")

    /// The scenario a `--scenario` value names.
    ///
    /// - Parameter option: the option it came from, named in errors (`--compare` gives
    ///   scenarios too).
    static func scenario(
        _ text: String, in net: NetworkGraph, option: String = "--scenario", command: String, console: Console? = nil
    ) throws(UsageError) -> Scenario {
        guard let name = ScenarioName(parsing: text) else {
            throw UsageError(command: command, message: "\(option) is empty (base, all, a year or project ids)")
        }
        do {
            let ids = try name.projectIDs(in: net.network)
            noteAbbreviations(name, in: net, option: option, command: command, console: console)
            return net.scenario(projects: ids)
        } catch let problem as Diagnostic {
            throw UsageError(command: command, message: "\(option): \(problem.message)")
        } catch {
            throw UsageError(command: command, message: "\(option): \(error)")
        }
    }

    /// Says on stderr which project each abbreviation in `name` was taken as.
    static func noteAbbreviations(
        _ name: ScenarioName, in net: NetworkGraph, option: String, command: String, console: Console?
    ) {
        guard let console else { return }
        for (typed, project) in name.abbreviations(in: net.network) {
            console.printError("\(command): note: \(option) \(typed) taken as \(project.id) (\(project.nameZh))")
        }
    }

    /// Reports an error a command threw and returns its exit status: a usage error (64)
    /// with the usage line; an output that cannot be written (1); anything else (1).
    static func fail(_ error: any Error, _ arguments: Arguments, console: Console) -> Int32 {
        switch error {
        case let usage as UsageError:
            console.printError("\(usage)")
            console.printError(arguments.usage)
            console.printError("Run '\(arguments.command) --help' for more.")
            return ExitCode.usage
        case let output as OutputError:
            console.printError("\(arguments.command): error: \(output)")
            return ExitCode.failure
        default:
            console.printError("\(arguments.command): error: \(error)")
            return ExitCode.failure
        }
    }

    /// The project ids a comma list names (ids or Chinese names), for `option`.
    static func projects(
        _ text: String, option: String, in net: NetworkGraph, command: String, console: Console? = nil
    ) throws(UsageError) -> [String] {
        // Project names hold 、 themselves: only commas (ASCII or full-width) separate them.
        let names = text.listItems(enumerationComma: false)
        guard !names.isEmpty else { throw UsageError(command: command, message: "\(option) is empty") }
        do {
            let ids = try ScenarioName.projects(names).projectIDs(in: net.network)
            noteAbbreviations(.projects(names), in: net, option: option, command: command, console: console)
            return ids
        } catch let problem as Diagnostic {
            throw UsageError(command: command, message: "\(option): \(problem.message)")
        } catch {
            throw UsageError(command: command, message: "\(option): \(error)")
        }
    }

    /// The modes a `--modes` value lists; nil for none given.
    static func modes(_ text: String?, command: String) throws(UsageError) -> Set<Mode>? {
        guard let text else { return nil }
        let words = text.listItems()
        // `all` is every mode, alone or in a list (completion offers it among the modes).
        if words.contains(where: { $0.lowercased() == "all" }) { return nil }
        var modes: Set<Mode> = []
        for word in words where !word.isEmpty {
            guard let mode = Mode(parsing: word) else {
                throw UsageError(
                    command: command,
                    message: "--modes: unknown mode \"\(word)\"" + Suggestions.didYouMean(word, among: Mode.allCases.map(\.rawValue)))
            }
            modes.insert(mode)
        }
        guard !modes.isEmpty else { throw UsageError(command: command, message: "--modes is empty") }
        return modes
    }

    /// The metric a `--by` value names.
    static func metric(_ text: String, command: String) throws(UsageError) -> NetworkGraph.Metric {
        guard let metric = NetworkGraph.Metric(parsing: text) else {
            throw UsageError(
                command: command,
                message: "--by: unknown measure \"\(text)\"" + Suggestions.didYouMean(text, among: ["time", "distance", "cost"]))
        }
        return metric
    }

    /// The `--format` of `p`; without one, the format `-o FILE`'s extension names
    /// (`.csv`, `.json`, `.geojson`), else a table. A `--format` that contradicts the
    /// extension (`--format csv -o r.json`) is refused: the file would lie about itself.
    static func format(_ p: ParsedArguments, among formats: [String], command: String) throws(UsageError) -> String {
        let ext = (p.value("--output").map { ($0 as NSString).pathExtension.lowercased() }) ?? ""
        if let given = p.value("--format"), p.isGiven("--format") {
            let format = try format(given, among: formats, command: command)
            if Self.dataExtensions.contains(ext) && ext != format {
                throw UsageError(
                    command: command,
                    message: "--format \(format) but --output names a .\(ext) file: name the file "
                        + (format == "table" ? ".txt" : ".\(format)") + ", or leave out --format")
            }
            return format
        }
        if formats.contains(ext) && ext != "table" { return ext }
        // A name that promises a format the command does not write (route -o r.geojson)
        // would hold a table under a misleading name: refused, not guessed.
        if Self.dataExtensions.contains(ext) {
            throw UsageError(
                command: command,
                message: "--output: a .\(ext) file, but this command writes \(formats.filter { $0 != "table" }.joined(separator: ", ")) "
                    + "or a table (name the file .txt, or give --format)")
        }
        return "table"
    }

    /// File extensions that name a data or image format: an `-o` file so named must be
    /// written in that format.
    static let dataExtensions: Set<String> = ["csv", "json", "geojson", "dot", "gv", "svg", "png", "pdf", "jpg", "jpeg", "gif", "xml", "html", "md"]

    /// `text` if it is one of `formats`.
    static func format(_ text: String, among formats: [String], command: String) throws(UsageError) -> String {
        guard formats.contains(text) else {
            throw UsageError(
                command: command,
                message: "--format: unknown format \"\(text)\" (one of \(formats.joined(separator: ", ")))"
                    + Suggestions.didYouMean(text, among: formats))
        }
        return text
    }

    /// The largest limit accepted: far beyond any journey, small enough that every unit
    /// conversion and every number written stays exact.
    static let maximumLimit = 1e9

    /// Positive numbers from a comma list (`30,60,120`), at most ``maximumLimit``, for
    /// `option`.
    static func thresholds(_ text: String, option: String, command: String) throws(UsageError) -> [Double] {
        // Empty items are kept here, to be reported (30,,60 is a slip, not two limits).
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" })
            .map { $0.trimmingBlanks() }
        guard !parts.allSatisfy(\.isEmpty) else {
            throw UsageError(command: command, message: "\(option) is empty: give one or more numbers, e.g. 30,60,120")
        }
        var values: [Double] = []
        for part in parts {
            guard !part.isEmpty else {
                throw UsageError(command: command, message: "\(option): an empty item between commas in \"\(text)\"")
            }
            guard let value = Double(part), value.isFinite else {
                throw UsageError(command: command, message: "\(option): \"\(part)\" is not a number")
            }
            guard value > 0 else {
                throw UsageError(command: command, message: "\(option): \(part) must be positive")
            }
            // Limits are shown with three decimals; a smaller one would print as 0.
            guard value >= 0.001 else {
                throw UsageError(command: command, message: "\(option): \(part) is below the smallest limit, 0.001")
            }
            guard value <= maximumLimit else {
                throw UsageError(
                    command: command,
                    message: "\(option): \(part) is too large (at most \(Int(maximumLimit)): a billion minutes, km or yuan)")
            }
            values.append(value)
        }
        return values
    }

    /// How a value in `metric` is written in tables: minutes and km with one decimal at
    /// most, yuan with two.
    static func shown(_ value: Double?, _ metric: NetworkGraph.Metric) -> String {
        guard let value else { return "—" }
        return JSONText.number(value, decimals: metric == .cost ? 2 : 1)
    }
}

/// An exit status carried as an error value.
struct ExitStatus: Error {
    let code: Int32
    init(_ code: Int32) { self.code = code }
}

import CorridorKit
import Foundation

/// `corridor report [NETWORK] [--hub 长春] [-o DIR]`: the main job. A Markdown report a
/// planner can hand to a colleague: the network at a glance, the hub's circles before and
/// after every project, the plans' goals and which remain unmet, the project ranking with
/// its score components, the recommended build order and the diagrams. With `-o DIR`, the
/// report and its tables and diagrams are written there, all or nothing.
enum ReportCommand: Command {
    static let arguments = Arguments(
        command: "corridor report",
        options: [
            .value("--hub", placeholder: "PLACE",
                   help: "the hub whose circles the report shows (default: the hub of the network's goals, 长春 in jilin)"),
            .value("--within", placeholder: "LIMITS", default: "30,60,120", help: "the circles, minutes"),
            OutputTarget.option.renamed(placeholder: "DIR", help: "write report.md, its tables (CSV, GeoJSON) and diagrams into DIR"),
        ],
        positionals: [.optional("NETWORK", help: "a network folder or the name of a bundled network (default: jilin)")],
        description: """
            The main job: a Markdown report on a network — the network at a glance, the \
            hub's circles with the population they cover in the base scenario and with \
            every project, the plans' goals and which remain unmet, the project ranking with \
            its score components and the recommended build order. Printed to the terminal, \
            or written to a folder with its CSV and GeoJSON tables and diagrams.
            """,
        examples: [
            "corridor report",
            "corridor report jilin --hub 吉林 -o report",
        ])

    static func execute(_ p: ParsedArguments, console: Console) throws -> Int32 {
        let command = arguments.command
        let thresholds = try CommonOptions.thresholds(p.value("--within") ?? "30,60,120", option: "--within", command: command)
            .sorted()
        // A report is a folder (report.md, its tables, its diagrams): `-o out.md` is a slip.
        if let out = p.value("--output"), CommonOptions.dataExtensions.contains((out as NSString).pathExtension.lowercased()) {
            throw UsageError(command: command, message: "--output names a .\((out as NSString).pathExtension) file, but a report "
                + "is a folder of files (report.md, its tables and diagrams): give a folder, -o DIR")
        }
        let argument = p.positional("NETWORK") ?? "jilin"
        let net: NetworkGraph
        switch CommonOptions.load(argument, output: p.value("--output"), command: command, console: console) {
        case .success(.network(let n)): net = n
        case .success(.dimacs): throw UsageError(command: command, message: "a report needs a planner's network, not a DIMACS graph")
        case .failure(let status): return status.code
        }
        let hub: Int
        if let text = p.value("--hub") {
            hub = try CommonOptions.place(text, option: "--hub", in: PlaceResolver(net.network.places), command: command)
        } else {
            hub = CommonOptions.defaultHubs(of: net).first ?? 0
        }
        let progress = Progress(console: console)
        let dir = p.value("--output").flatMap { $0 == "-" ? nil : $0 }
        if let dir { try ReportFolder.check(dir) }  // before the work, not after
        let report = ReportWriter(
            net: net, networkName: argument, hub: hub, thresholds: thresholds, progress: progress, toFolder: dir != nil)
        let files = report.files()
        progress.done()
        guard let dir else {
            console.print(files.first { $0.name == "report.md" }!.text)
            return ExitCode.success
        }
        try ReportFolder.write(files, to: dir)
        console.printError("corridor report: wrote \(files.map(\.name).joined(separator: ", ")) to \(dir)")
        return ExitCode.success
    }
}

/// Messages on standard error about a long run, only when it is a terminal.
final class Progress {
    let console: Console
    let enabled: Bool

    init(console: Console) {
        self.console = console
        enabled = console.echoes && isatty(2) != 0
    }

    func step(_ text: String) {
        if enabled { FileOutput.standardError.write("\r\u{1B}[2K" + text + "…") }
    }

    func done() {
        if enabled { FileOutput.standardError.write("\r\u{1B}[2K") }
    }
}

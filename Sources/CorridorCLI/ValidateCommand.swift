import CorridorKit

/// `corridor validate NETWORK [--strict]`: every problem of a network's files, one per
/// line as `file:line:column: error|warning: message`, then a count.
///
/// Exit status: 0 when there is no error (warnings allowed, unless `--strict`), 1 when
/// there are problems, 64 for a usage error, 65 when the network cannot be read.
enum ValidateCommand {
    static let arguments = Arguments(
        command: "corridor validate",
        options: [.flag("--strict", help: "warnings count as problems too (exit 1)")],
        positionals: [CommonOptions.network],
        description: """
            Checks a network's files and reports every problem, one per line as \
            file:line:column: error|warning: message, in file, line and column order. Exit \
            status 0 without errors (warnings allowed unless --strict), 1 with problems, 65 \
            when the network cannot be read.
            """,
        examples: ["corridor validate jilin", "corridor validate jilin --strict"])

    static func run(_ argv: [String], console: Console) -> Int32 {
        let p: ParsedArguments
        switch arguments.parse(argv, console: console) {
        case .exit(let code): return code
        case .run(let parsed): p = parsed
        }
        let strict = p.flag("--strict")
        let network = p.positional("NETWORK")!
        if NetworkLocator.isDIMACS(network) {
            do {
                let graph = try DIMACS.readGraph(at: network)
                console.print("\(network): no problems (\(graph.nodeCount) nodes, \(graph.arcCount) arcs)")
                return ExitCode.success
            } catch {
                console.print("\(error)")
                return ExitCode.dataError
            }
        }
        guard let folder = NetworkLocator.folder(for: network) else {
            console.printError(NetworkLocator.notFound(network, command: "corridor validate"))
            return ExitCode.dataError
        }
        let (loaded, loadProblems) = NetworkFiles.load(folder: folder)
        var problems = loadProblems
        if let loaded { problems += NetworkValidator.check(loaded) }
        let sorted = Diagnostic.inFileOrder(problems)
        for problem in sorted { console.print("\(problem)") }
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        console.print(problems.isEmpty ? "\(folder): no problems"
            : "\(folder): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if loaded == nil { return ExitCode.dataError }
        return errors > 0 || (strict && warnings > 0) ? ExitCode.failure : ExitCode.success
    }
}

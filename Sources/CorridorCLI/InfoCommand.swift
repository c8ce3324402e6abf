import CorridorKit
import Foundation

/// `corridor info NETWORK`: what a network holds — places by kind, links by mode and
/// status with their kilometres, projects by corridor and type.
enum InfoCommand {
    static let arguments = Arguments(
        command: "corridor info",
        positionals: [CommonOptions.network],
        description: "Counts a network's places by kind, links and kilometres by mode and status, and projects by type and corridor.",
        examples: ["corridor info jilin", "corridor info Fixtures/dimacs/rome99.gr"])

    static func run(_ argv: [String], console: Console) -> Int32 {
        let p: ParsedArguments
        switch arguments.parse(argv, console: console) {
        case .exit(let code): return code
        case .run(let parsed): p = parsed
        }
        let arguments = [p.positional("NETWORK")!]
        if NetworkLocator.isDIMACS(arguments[0]) {
            do {
                let graph = try DIMACS.readGraph(at: arguments[0])
                let weights = graph.metrics[0]
                let total = weights.reduce(0) { $0 + UInt64($1) }
                let ids = graph.nodeCount == 0 ? "none" : "named by their ids 1…\(graph.nodeCount)"
                let range = weights.isEmpty ? "none" : "min \(weights.min()!), max \(weights.max()!), sum \(total)"
                console.print("""
                    DIMACS graph \(arguments[0])

                    nodes (places, \(ids)): \(graph.nodeCount)
                    arcs (one-way links): \(graph.arcCount)
                    arc weights: \(range)
                    """)
                return ExitCode.success
            } catch {
                console.printError("\(error)")
                return ExitCode.dataError
            }
        }
        guard let folder = NetworkLocator.folder(for: arguments[0]) else {
            console.printError(NetworkLocator.notFound(arguments[0], command: "corridor info"))
            return ExitCode.dataError
        }
        let (loaded, problems) = NetworkFiles.load(folder: folder)
        guard let network = loaded else {
            for p in problems { console.printError("\(p)") }
            return ExitCode.dataError
        }
        // The counts are printed whatever the files' problems (they count what was read);
        // errors make the status 65, as for every command that reads a network.
        let errors = problems.filter { $0.severity == .error }.count
        if errors > 0 {
            console.printError("corridor info: error: \(errors) error\(errors == 1 ? "" : "s") in the files (rows with an error are not counted); run 'corridor validate \(arguments[0])'")
        }
        console.print(report(network))
        return errors > 0 ? ExitCode.dataError : ExitCode.success
    }

    /// The report, as text.
    static func report(_ network: Network) -> String {
        var lines = ["network \(network.folder)", ""]
        lines.append("places: \(network.places.count)")
        for kind in PlaceKind.allCases {
            let n = network.places.filter { $0.kind == kind }.count
            if n > 0 { lines.append("  \(kind.rawValue) \(kind.nameZh): \(n)") }
        }
        lines.append("")
        lines.append("links: \(network.links.count) (existing \(network.links.filter { $0.status == .existing }.count), planned \(network.links.filter { $0.status == .planned }.count))")
        for mode in Mode.allCases {
            let links = network.links.filter { $0.mode == mode }
            guard !links.isEmpty else { continue }
            let existing = links.filter { $0.status == .existing }
            // Express runs go over other links' track: their length is not network length.
            let km = { (l: [Link]) in Int(l.filter(\.runsOver.isEmpty).compactMap(\.lengthKm).reduce(0, +).rounded()) }
            let express = links.filter { !$0.runsOver.isEmpty }.count
            let runs = express == 0 ? "" : " (\(express) express runs over other links, their km not counted)"
            lines.append("  \(mode.rawValue) \(mode.nameZh): \(links.count) links\(runs); existing \(existing.count), \(km(existing)) km; planned \(links.count - existing.count), \(km(links.filter { $0.status != .existing })) km")
        }
        lines.append("")
        lines.append("projects: \(network.projects.count)")
        let types = ProjectType.allCases.compactMap { type -> String? in
            let n = network.projects.filter { $0.type == type }.count
            return n > 0 ? "\(type.rawValue) \(n)" : nil
        }
        if !types.isEmpty { lines.append("  by type: " + types.joined(separator: ", ")) }
        let corridors = Set(network.projects.flatMap(\.corridors)).sorted()
        if !corridors.isEmpty {
            lines.append("  by corridor (a project may serve several):")
            for corridor in corridors {
                lines.append("    \(corridor): \(network.projects.filter { $0.corridors.contains(corridor) }.count)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

import CorridorCore
import CorridorKit
import Foundation

/// Loading the network a command's NETWORK argument names, shared by every command, with
/// the guard that keeps `-o` out of the network's own files.
extension CommonOptions {
    /// What a network argument names: a planner's network, or a DIMACS graph whose places
    /// are its node ids (1-based, as in the file) and whose only measure is its arc cost.
    enum Loaded {
        case network(NetworkGraph)
        case dimacs(Graph, path: String)
    }

    /// Loads `argument`; on failure prints why and returns the exit status (65 for input
    /// that cannot be read or has errors).
    ///
    /// - Parameter output: the command's `--output`, refused (64) when it would write into
    ///   the network's own folder (`-o Networks/jilin/goals.csv` would replace the goals
    ///   with a table) or over the DIMACS file read.
    static func load(
        _ argument: String, output: String? = nil, command: String, console: Console
    ) -> Result<Loaded, ExitStatus> {
        func refuseOutput(into protected: String, isFolder: Bool) -> ExitStatus? {
            guard let output, !output.isEmpty, output != "-" else { return nil }
            let target = OutputTarget.resolved(output)
            let guarded = OutputTarget.resolved(protected)
            let inside = isFolder ? OutputTarget.folder(of: target) == guarded || target == guarded : target == guarded
            guard inside else { return nil }
            console.printError("\(command): error: --output \(output) would write into the network's own "
                + (isFolder ? "folder (\(protected)); write results elsewhere" : "file; write results elsewhere"))
            return ExitStatus(ExitCode.usage)
        }
        if NetworkLocator.isDIMACS(argument) {
            if let refused = refuseOutput(into: argument, isFolder: false) { return .failure(refused) }
            do {
                return .success(.dimacs(try DIMACS.readGraph(at: argument), path: argument))
            } catch {
                console.printError("\(error)")
                return .failure(ExitStatus(ExitCode.dataError))
            }
        }
        guard let folder = NetworkLocator.folder(for: argument) else {
            console.printError(NetworkLocator.notFound(argument, command: command))
            return .failure(ExitStatus(ExitCode.dataError))
        }
        if let refused = refuseOutput(into: folder, isFolder: true) { return .failure(refused) }
        let (network, problems) = NetworkFiles.load(folder: folder)
        // In file order, as validate prints them.
        let errors = Diagnostic.inFileOrder(problems.filter { $0.severity == .error })
        guard let network, errors.isEmpty else {
            for problem in errors.prefix(20) { console.printError("\(problem)") }
            if errors.count > 20 { console.printError("… and \(errors.count - 20) more") }
            console.printError("\(command): error: the network has errors; run 'corridor validate \(argument)' for all of them")
            return .failure(ExitStatus(ExitCode.dataError))
        }
        // What validate would say but does not stop a question (an implausible speed, a
        // link shorter than the straight line): said once, so results are not taken on trust.
        let found = problems.filter { $0.severity == .warning } + NetworkValidator.check(network)
        if !found.isEmpty {
            let errors = found.filter { $0.severity == .error }.count, warnings = found.count - errors
            let counts = [errors > 0 ? "\(errors) error\(errors == 1 ? "" : "s")" : nil,
                          warnings > 0 ? "\(warnings) warning\(warnings == 1 ? "" : "s")" : nil].compactMap { $0 }
            console.printError("\(command): note: the network has \(counts.joined(separator: " and ")) that "
                + (found.count == 1 ? "does" : "do") + " not stop this command "
                + "but may bend its answers; 'corridor validate \(argument)' lists them")
        }
        return .success(.network(NetworkGraph(network)))
    }
}

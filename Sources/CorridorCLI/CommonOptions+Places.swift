import CorridorCore
import CorridorKit

/// The places (and DIMACS nodes) an option names, as every command reads them: resolved
/// with suggestions, checked as a journey's stops, and the default hubs.
extension CommonOptions {
    /// The hubs a network's travel-time goals use (长春 in jilin), in order; else its most
    /// populous place.
    static func defaultHubs(of net: NetworkGraph) -> [Int] {
        var hubs: [Int] = []
        for goal in net.network.goals where goal.kind == .within {
            if let hub = goal.hub.flatMap(net.node).map({ net.placeOfNode[Int($0)] }), !hubs.contains(hub) {
                hubs.append(hub)
            }
        }
        let places = net.network.places
        return !hubs.isEmpty ? hubs
            : places.indices.max { (places[$0].population ?? 0, -$0) < (places[$1].population ?? 0, -$1) }.map { [$0] } ?? []
    }

    /// The place a name means, or a usage error (unknown, with suggestions; ambiguous,
    /// with the candidates).
    static func place(_ name: String, option: String, in resolver: PlaceResolver, command: String) throws(UsageError) -> Int {
        do {
            return try resolver.resolve(name, what: option)
        } catch let problem as Diagnostic {
            throw UsageError(command: command, message: "\(option): \(problem.message)")
        } catch {
            throw UsageError(command: command, message: "\(option): \(error)")
        }
    }

    /// A DIMACS node id (1-based, as in the file), as a node of `graph`.
    static func node(_ text: String, option: String, in graph: Graph, command: String) throws(UsageError) -> NodeID {
        guard graph.nodeCount > 0 else {
            throw UsageError(command: command, message: "\(option): the DIMACS graph has no nodes")
        }
        guard let id = Int(text.trimmingBlanks()), id >= 1, id <= graph.nodeCount else {
            throw UsageError(
                command: command,
                message: "\(option): \"\(text)\" is not a node of this DIMACS graph (ids 1…\(graph.nodeCount))")
        }
        return NodeID(id - 1)
    }

    /// Checks a journey's stops (from, the via places in order, to), each with the option
    /// that named it: two stops in a row naming one place make a leg of nothing, which is
    /// a slip in the command line, not a question.
    static func checkStops<T: Equatable>(
        _ stops: [(option: String, stop: T)], label: (T) -> String, command: String
    ) throws(UsageError) {
        for (a, b) in zip(stops, stops.dropFirst()) where a.stop == b.stop {
            let what = a.option == b.option ? "\(a.option) names \(label(a.stop)) twice in a row"
                : "\(a.option) and \(b.option) name the same place, \(label(a.stop))"
            throw UsageError(command: command, message: what)
        }
    }
}

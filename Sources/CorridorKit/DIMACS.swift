import CorridorCore
import Foundation

/// Reading the shortest-path files of the 9th DIMACS Implementation Challenge.
///
/// A graph file (`.gr`):
///
///     c comment lines, anywhere
///     p sp 4 5          problem line: n nodes, m arcs (exactly one, before any arc)
///     a 1 2 30          arc from node 1 to node 2 with integer weight 30
///
/// A coordinate file (`.co`):
///
///     p aux sp co 4     n coordinates
///     v 1 12345 67890   node 1 at integer coordinates (x, y)
///
/// Node ids in the files are 1-based; in the ``Graph`` they are 0-based (file id − 1).
/// Weights must be integers in `0 ... 4294967295`. Blank lines are tolerated. Any other
/// deviation is an error that names the file, line and column: a missing or duplicate
/// problem line, an arc count different from the header, a node id out of range, a
/// negative or non-integer weight, an unknown line type.
///
/// The format is specified at <http://www.diag.uniroma1.it/challenge9/format.shtml>.
///
/// - Complexity: O(file size); parsing is a single pass over the bytes.
public enum DIMACS {
    /// The metric name given to the weights of a `.gr` file.
    public static let metricName = "weight"

    /// Reads a `.gr` file into a single-metric graph.
    ///
    /// - Parameter path: the file; diagnostics name it as given.
    /// - Throws: ``Diagnostic`` for the first problem found.
    public static func readGraph(at path: String) throws -> Graph {
        let bytes = try InputFile.bytes(at: path)
        return try bytes.withUnsafeBufferPointer { try parseGraph($0, file: path) }
    }

    /// Parses the text of a `.gr` file; `file` names it in diagnostics.
    public static func parseGraph(_ text: String, file: String) throws -> Graph {
        var copy = text
        return try copy.withUTF8 { try parseGraph($0, file: file) }
    }

    /// Reads a `.co` file: one `(x, y)` per node of a graph with `nodeCount` nodes.
    ///
    /// - Throws: ``Diagnostic`` for the first problem found, including a node count
    ///   different from `nodeCount` or a node without coordinates.
    public static func readCoordinates(at path: String, nodeCount: Int) throws -> [(x: Int64, y: Int64)] {
        let bytes = try InputFile.bytes(at: path)
        return try bytes.withUnsafeBufferPointer {
            try parseCoordinates($0, file: path, nodeCount: nodeCount)
        }
    }

    /// Parses the text of a `.co` file; `file` names it in diagnostics.
    public static func parseCoordinates(_ text: String, file: String, nodeCount: Int) throws -> [(x: Int64, y: Int64)] {
        var copy = text
        return try copy.withUTF8 { try parseCoordinates($0, file: file, nodeCount: nodeCount) }
    }

    // MARK: Parsing

    static func parseGraph(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> Graph {
        var lines = LineScanner(bytes, file: file)
        var builder = GraphBuilder(nodeCount: 0, metricNames: [metricName])
        var declaredArcs = 0
        var problemLine = 0
        var nodeCount = 0
        while lines.next() {
            guard let type = lines.lineType else { continue }  // blank or comment
            switch type {
            case UInt8(ascii: "p"):
                try lines.checkNoEarlierProblemLine(problemLine)
                lines.skipWord()
                try lines.expectWord("sp", field: "format")
                let n = try lines.integer(field: "node count", max: Int64(UInt32.max) - 1)
                let m = try lines.integer(field: "arc count", max: Int64(UInt32.max) - 1)
                try lines.expectEnd()
                // Refuse a header the machine cannot hold rather than crash allocating it:
                // loading peaks near 16 bytes a node and 28 an arc (builder plus graph), and
                // an arc line takes at least 8 bytes ("a 1 2 3\n"), so a short file cannot
                // hold many arcs whatever its header claims.
                let arcsHeld = Swift.min(Int(m), bytes.count / 8)
                let needed = 16 * Double(n) + 28 * Double(arcsHeld)
                let memory = Double(ProcessInfo.processInfo.physicalMemory)
                if needed > memory {
                    throw lines.lineError("a graph of \(n) nodes and \(m) arcs needs about \(Int(needed / 1e9)) GB, more than this machine's \(Int(memory / 1e9)) GB")
                }
                problemLine = lines.lineNumber
                nodeCount = Int(n)
                declaredArcs = Int(m)
                var b = GraphBuilder(nodeCount: nodeCount, metricNames: [metricName])
                b.reserveCapacity(arcsHeld)
                builder = b
            case UInt8(ascii: "a"):
                guard problemLine != 0 else {
                    throw lines.lineError("arc before the problem line 'p sp N M'")
                }
                lines.skipWord()
                let u = try lines.nodeID(field: "tail node", nodeCount: nodeCount)
                let v = try lines.nodeID(field: "head node", nodeCount: nodeCount)
                let w = try lines.integer(field: "weight", max: Int64(UInt32.max))
                try lines.expectEnd()
                if builder.arcCount == declaredArcs {
                    throw lines.lineError("more arcs than the \(declaredArcs) declared on line \(problemLine)")
                }
                builder.addArc(from: u, to: v, weight: Weight(w))
            default:
                throw lines.lineError("unknown line type \"\(lines.firstWord)\" (expected c, p or a)")
            }
        }
        guard problemLine != 0 else {
            throw Diagnostic(file: file, message: "no problem line 'p sp N M'")
        }
        if builder.arcCount != declaredArcs {
            throw Diagnostic(
                file: file, line: problemLine, field: "arc count",
                message: "the problem line declares \(declaredArcs) arcs but the file has \(builder.arcCount)")
        }
        return builder.build().graph
    }

    static func parseCoordinates(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, nodeCount: Int
    ) throws -> [(x: Int64, y: Int64)] {
        var lines = LineScanner(bytes, file: file)
        var coordinates: [(x: Int64, y: Int64)] = []
        var seen: [Bool] = []
        var problemLine = 0
        var declared = 0
        while lines.next() {
            guard let type = lines.lineType else { continue }  // blank or comment
            switch type {
            case UInt8(ascii: "p"):
                try lines.checkNoEarlierProblemLine(problemLine)
                lines.skipWord()
                try lines.expectWord("aux", field: "format")
                try lines.expectWord("sp", field: "format")
                try lines.expectWord("co", field: "format")
                let n = try lines.integer(field: "node count", max: Int64(UInt32.max) - 1)
                try lines.expectEnd()
                if Int(n) != nodeCount {
                    throw lines.lineError("\(n) coordinates declared but the graph has \(nodeCount) nodes")
                }
                problemLine = lines.lineNumber
                declared = Int(n)
                coordinates = Array(repeating: (0, 0), count: declared)
                seen = Array(repeating: false, count: declared)
            case UInt8(ascii: "v"):
                guard problemLine != 0 else {
                    throw lines.lineError("coordinate before the problem line 'p aux sp co N'")
                }
                lines.skipWord()
                let nodeColumn = lines.currentColumn
                let v = try lines.nodeID(field: "node", nodeCount: declared)
                let x = try lines.integer(field: "x", min: Int64(Int32.min), max: Int64(Int32.max))
                let y = try lines.integer(field: "y", min: Int64(Int32.min), max: Int64(Int32.max))
                try lines.expectEnd()
                if seen[Int(v)] {
                    throw lines.error(at: nodeColumn, field: "node", "node \(v + 1) has coordinates already")
                }
                seen[Int(v)] = true
                coordinates[Int(v)] = (x, y)
            default:
                throw lines.lineError("unknown line type \"\(lines.firstWord)\" (expected c, p or v)")
            }
        }
        guard problemLine != 0 else {
            throw Diagnostic(file: file, message: "no problem line 'p aux sp co N'")
        }
        if let missing = seen.firstIndex(of: false) {
            throw Diagnostic(file: file, line: problemLine,
                             message: "node \(missing + 1) has no coordinates")
        }
        return coordinates
    }
}

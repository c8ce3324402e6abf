import CorridorCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Hand-made fixtures in a tiny text format, one arc per line, in input order:
///
///     let g = tinyGraph(nodes: 3, """
///         0 -> 1 : 60           # arc input 0
///         0 -> 1 : 45 mode 1    # a parallel arc, input 1
///         1 -> 2 : 30 flags 1
///         """)
///
/// `tail -> head : w₁ w₂ …` gives one weight per metric (all lines the same count);
/// optional `mode M` and `flags F` follow; `#` starts a comment. The metrics are named
/// `time`, `length`, `cost`, … in order (or `metricNames`).
public func tinyGraph(nodes: Int? = nil, _ text: String, metricNames: [String]? = nil) -> TestGraph {
    var arcs: [PlainArc] = []
    var nodeCount = nodes
    for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if tokens.isEmpty { continue }
        if tokens.count == 2, tokens[0] == "nodes", let n = Int(tokens[1]) {  // `nodes N`
            nodeCount = n
            continue
        }
        func fail(_ why: String) -> Never { fatalError("tinyGraph line \(number + 1) '\(rawLine)': \(why)") }
        guard tokens.count >= 5, tokens[1] == "->", tokens[3] == ":",
            let tail = NodeID(tokens[0]), let head = NodeID(tokens[2])
        else { fail("expected 'tail -> head : weights'") }
        var i = 4
        var weights: [Weight] = []
        while i < tokens.count, let w = Weight(tokens[i]) {
            weights.append(w)
            i += 1
        }
        var mode: UInt8 = 0, flags: UInt8 = 0
        while i + 1 < tokens.count {
            guard let value = UInt8(tokens[i + 1]) else { fail("bad value \(tokens[i + 1])") }
            switch tokens[i] {
            case "mode": mode = value
            case "flags": flags = value
            default: fail("unknown key \(tokens[i])")
            }
            i += 2
        }
        if i != tokens.count || weights.isEmpty { fail("trailing or missing tokens") }
        arcs.append(PlainArc(tail, head, weights, mode: mode, flags: flags))
    }
    let k = arcs.first?.weights.count ?? metricNames?.count ?? 1
    precondition(arcs.allSatisfy { $0.weights.count == k }, "tinyGraph: lines disagree on the number of weights")
    let names = metricNames ?? (0 ..< k).map { ["time", "length", "cost", "toll"][$0] }
    guard let nodeCount else { fatalError("tinyGraph: no node count (pass nodes: or a `nodes N` line)") }
    return TestGraph(nodeCount: nodeCount, metricNames: names, arcs: arcs)
}

/// Loads `Fixtures/core/<name>` (tinyGraph format, with a `nodes N` line) from the
/// package root.
public func coreFixture(_ name: String) -> TestGraph {
    let path = FixturePath.of("core/\(name)")
    guard let text = readTextFile(path) else { fatalError("cannot read fixture \(path)") }
    return tinyGraph(text)
}

/// The whole of a small text file, with the C library only (TestSupport has no
/// Foundation dependency, like the core).
func readTextFile(_ path: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = fread(&buffer, 1, buffer.count, file)
        if n <= 0 { break }
        bytes += buffer[0 ..< n]
    }
    return String(decoding: bytes, as: UTF8.self)
}

extension TestGraph {
    /// The arc id of input line `i` (0-based, counting only arc lines).
    public func arc(_ input: Int) -> ArcID { arcOfInput[input] }

    /// The arc ids of the given input lines, in that order.
    public func arcs(_ inputs: Int...) -> [ArcID] { inputs.map { arcOfInput[$0] } }
}

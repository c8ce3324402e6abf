import CorridorCore
import Foundation

/// One line of benchmark output: what ran, on what, how fast, and a checksum of every
/// result so that a faster wrong answer cannot pass unnoticed.
struct BenchRecord {
    var impl = "corridor"
    let op: String
    let n: Int
    let m: Int
    let loadMS: Double
    let fileBytes: Int
    let graphBytes: Int
    var queries = 0
    var repeatCount = 0
    var times: [Double] = []
    var checksum: UInt64 = 0
    var settledMean: Double? = nil
    /// Further fields, already JSON-encoded.
    var extra: [String: String] = [:]

    init(op: String, graph: Graph, loadMS: Double, fileBytes: Int) {
        self.op = op
        n = graph.nodeCount
        m = graph.arcCount
        self.loadMS = loadMS
        self.fileBytes = fileBytes
        graphBytes = graph.memoryFootprint
    }

    /// Times `run` for every query in every round; the checksum is taken after the first
    /// round and must be the same in every later one (stale workspace state would show).
    mutating func measure<Q>(
        queries: [Q], repeat rounds: Int, _ run: (Q) -> Void, checksum resultSum: (Q) -> UInt64,
        settled: () -> Int = { 0 }
    ) {
        self.queries = queries.count
        repeatCount = rounds
        let clock = ContinuousClock()
        var settledTotal = 0
        for round in 0 ..< rounds {
            var sum: UInt64 = 0
            for q in queries {
                let start = clock.now
                run(q)
                times.append(milliseconds(clock.now - start))
                sum &+= resultSum(q)
                if round == 0 { settledTotal += settled() }
            }
            if round == 0 {
                checksum = sum
            } else if sum != checksum {
                FileHandle.standardError.write(
                    "corridor-bench: checksum changed between rounds (\(checksum) then \(sum))\n".data(using: .utf8)!)
                exit(1)
            }
        }
        if !queries.isEmpty { settledMean = Double(settledTotal) / Double(queries.count) }
    }

    func emit() {
        let sorted = times.sorted()
        let median = sorted.isEmpty ? 0
            : sorted.count % 2 == 1 ? sorted[sorted.count / 2]
            : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        var fields: [(String, String)] = [
            ("impl", "\"\(impl)\""), ("op", "\"\(op)\""), ("n", "\(n)"), ("m", "\(m)"),
            ("queries", "\(queries)"), ("repeat", "\(repeatCount)"),
            ("median_ms", json(median)), ("min_ms", json(sorted.first ?? 0)),
            ("checksum", "\(checksum)"), ("load_ms", json(loadMS)),
            ("load_mb_per_s", json(loadMS > 0 ? Double(fileBytes) / 1e6 / (loadMS / 1000) : 0)),
            ("graph_mb", json(Double(graphBytes) / 1e6)),
        ]
        if let settledMean { fields.append(("settled_mean", json(settledMean))) }
        let (rss, peak) = residentMemory()
        fields.append(("rss_mb", json(rss)))
        fields.append(("peak_rss_mb", json(peak)))
        #if DEBUG
        fields.append(("build", "\"debug\""))
        #else
        fields.append(("build", "\"release\""))
        #endif
        for key in extra.keys.sorted() { fields.append((key, extra[key]!)) }
        print("{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}")
    }
}

/// Current and peak resident set size in MB, from /proc/self/status (0 where absent).
func residentMemory() -> (current: Double, peak: Double) {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
        return (0, 0)
    }
    func kilobytes(_ key: String) -> Double {
        for line in status.split(separator: "\n") where line.hasPrefix(key) {
            let digits = line.split(separator: " ").compactMap { Double($0) }
            if let kb = digits.first { return kb / 1000 }
        }
        return 0
    }
    return (kilobytes("VmRSS:"), kilobytes("VmHWM:"))
}

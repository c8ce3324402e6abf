/// The command line of `corridor-bench`, parsed.
struct BenchOptions {
    var op = ""
    var graphPath = ""
    var sources: [Int] = []
    var pairs: [(Int, Int)] = []
    var limit: Int = 0
    var repeatCount = 3
    var algos = ["dijkstra"]
    var landmarks = 4
    var impl = "corridor"
    var coordinatesPath: String? = nil
    var networkPath = ""
    /// reach: origin place ids or names, and the band limits (minutes).
    var origins: [String] = []
    var within: [Double] = [30, 60, 120]

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        guard let op = rest.popFirst(), !op.hasPrefix("-") else {
            throw BenchUsageError(message: "missing op")
        }
        guard ["load", "sssp", "bound", "p2p", "network", "reach", "impact"].contains(op) else {
            throw BenchUsageError(message: "unknown op \"\(op)\"")
        }
        self.op = op
        var sawLimit = false
        while let flag = rest.popFirst() {
            func value() throws -> String {
                guard let v = rest.popFirst() else { throw BenchUsageError(message: "\(flag) needs a value") }
                return v
            }
            switch flag {
            case "--gr": graphPath = try value()
            case "--net": networkPath = try value()
            case "--sources": sources = try Self.ids(try value(), flag: flag)
            case "--pairs":
                pairs = try value().split(separator: ",").map { pair in
                    let ends = pair.split(separator: "-")
                    guard ends.count == 2, let a = Int(ends[0]), let b = Int(ends[1]) else {
                        throw BenchUsageError(message: "--pairs: \"\(pair)\" is not FROM-TO")
                    }
                    return (a, b)
                }
            case "--limit":
                guard let l = Int(try value()), l >= 0 else {
                    throw BenchUsageError(message: "--limit needs a non-negative integer")
                }
                limit = l
                sawLimit = true
            case "--repeat":
                guard let r = Int(try value()), r >= 1 else {
                    throw BenchUsageError(message: "--repeat needs a positive integer")
                }
                repeatCount = r
            case "--algo":
                let a = try value()
                guard ["dijkstra", "bidir", "astar", "all"].contains(a) else {
                    throw BenchUsageError(message: "unknown --algo \"\(a)\" (expected dijkstra, bidir, astar or all)")
                }
                algos = a == "all" ? ["dijkstra", "bidir", "astar"] : [a]
            case "--landmarks":
                guard let k = Int(try value()), (1 ... 64).contains(k) else {
                    throw BenchUsageError(message: "--landmarks needs an integer in 1…64")
                }
                landmarks = k
            case "--co": coordinatesPath = try value()
            case "--from": origins.append(try value())
            case "--within":
                let parts = try value().split(separator: ",").map { Double($0) }
                guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) > 0 }) else {
                    throw BenchUsageError(message: "--within needs positive numbers, e.g. 30,60,120")
                }
                within = parts.map { $0! }
            case "--impl":
                impl = try value()
                guard ["corridor", "naive"].contains(impl) else {
                    throw BenchUsageError(message: "--impl must be corridor or naive")
                }
            default:
                throw BenchUsageError(message: "unknown option \(flag)")
            }
        }
        if op == "network" || op == "reach" || op == "impact" {
            if networkPath.isEmpty { throw BenchUsageError(message: "\(op) needs --net FOLDER") }
            if op == "reach" && origins.isEmpty { throw BenchUsageError(message: "reach needs --from PLACE") }
            return
        }
        if graphPath.isEmpty { throw BenchUsageError(message: "missing --gr FILE.gr") }
        switch op {
        case "sssp", "bound":
            if sources.isEmpty { throw BenchUsageError(message: "\(op) needs --sources") }
            if op == "bound" && !sawLimit { throw BenchUsageError(message: "bound needs --limit") }
        case "p2p":
            if pairs.isEmpty { throw BenchUsageError(message: "p2p needs --pairs") }
        default: break
        }
    }

    static func ids(_ text: String, flag: String) throws -> [Int] {
        try text.split(separator: ",").map {
            guard let id = Int($0) else { throw BenchUsageError(message: "\(flag): \"\($0)\" is not a node id") }
            return id
        }
    }

    /// Node ids must exist in the graph (1-based).
    func checkNodes(_ nodeCount: Int) throws {
        for id in sources + pairs.flatMap({ [$0.0, $0.1] }) where id < 1 || id > nodeCount {
            throw BenchUsageError(message: "node \(id) is out of range 1…\(nodeCount)")
        }
    }
}

struct BenchUsageError: Error {
    var message: String
}

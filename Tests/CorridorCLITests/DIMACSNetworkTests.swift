import CorridorCLI
import Foundation
import Testing
import TestSupport

/// A DIMACS `.gr` file is a network too. Figures for rome99 cross-checked with Python over
/// the file's `a` lines: weights min 1, max 12711, sum 4,721,692.
@Suite struct DIMACSNetworkTests {
    @Test func infoOnRome() {
        let path = FixturePath.of("dimacs/rome99.gr")
        let console = Console()
        #expect(Corridor.run(["info", path], console: console) == 0)
        #expect(console.output == """
            DIMACS graph \(path)

            nodes (places, named by their ids 1…3353): 3353
            arcs (one-way links): 8870
            arc weights: min 1, max 12711, sum 4721692

            """)
    }

    /// A graph of no nodes reads (the format allows it); nothing about it is a range 1…0.
    @Test func anEmptyGraph() throws {
        let path = NSTemporaryDirectory() + "corridor-empty-\(UUID().uuidString).gr"
        try Data("c nothing\np sp 0 0\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let console = Console()
        #expect(Corridor.run(["info", path], console: console) == 0)
        #expect(console.output == "DIMACS graph \(path)\n\nnodes (places, none): 0\narcs (one-way links): 0\narc weights: none\n")
        let route = Console()
        #expect(Corridor.run(["route", path, "--from", "1", "--to", "2"], console: route) == 64)
        #expect(route.errors.hasPrefix("corridor route: error: --from: the DIMACS graph has no nodes\n"))
    }

    @Test func validateGoodAndBadFiles() throws {
        let path = FixturePath.of("dimacs/rome99.gr")
        let good = Console()
        #expect(Corridor.run(["validate", path], console: good) == 0)
        #expect(good.output == "\(path): no problems (3353 nodes, 8870 arcs)\n")
        // A triangle has two loopless paths from 1 to 3 (1→2→3 at 2, 1→3 at 5): asked for
        // three alternatives, it gives one and says why.
        let triangle = NSTemporaryDirectory() + "corridor-\(UUID().uuidString).gr"
        try Data("p sp 3 3\na 1 2 1\na 2 3 1\na 1 3 5\n".utf8).write(to: URL(fileURLWithPath: triangle))
        defer { try? FileManager.default.removeItem(atPath: triangle) }
        let routes = Console()
        #expect(Corridor.run(["route", triangle, "--from", "1", "--to", "3", "--alternatives", "3"], console: routes) == 0)
        #expect(routes.output == "route 1: cost 2, 2 arcs\n  1 → 2 → 3\nroute 2: cost 5, 1 arc\n  1 → 3\n")
        #expect(routes.errors == "corridor route: note: 3 alternatives asked, 1 found: there are no more loopless paths\n")
        // Who reaches node 3 within 2: 3 itself (0), 2 (1) and 1 (2, by 1→2→3); JSON says the direction.
        let reverse = Console()
        #expect(Corridor.run(["reach", triangle, "--from", "3", "--within", "2", "--reverse", "--format", "json"], console: reverse) == 0)
        #expect(reverse.output.contains("\"direction\": \"to\""))
        #expect(reverse.output.contains("\"node\": 1,\n      \"value\": 2,\n"))
        let bad = NSTemporaryDirectory() + "corridor-\(UUID().uuidString).gr"
        try Data("p sp 2 1\na 1 3 4\n".utf8).write(to: URL(fileURLWithPath: bad))
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let console = Console()
        #expect(Corridor.run(["validate", bad], console: console) == 65)
        #expect(console.output == "\(bad):2:5: error: head node 3 is out of range 1…2\n")
        let info = Console()
        #expect(Corridor.run(["info", bad], console: info) == 65)
        #expect(info.errors == "\(bad):2:5: error: head node 3 is out of range 1…2\n")
    }
}

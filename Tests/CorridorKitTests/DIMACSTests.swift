import CorridorCore
import CorridorKit
import Foundation
import Testing
import TestSupport

/// The DIMACS readers: good files give the graph the file describes; every malformed
/// case gives one diagnostic naming the file, line and column.
@Suite struct DIMACSTests {
    /// Parses `text` as a .gr file named "t.gr" and returns the diagnostic it throws.
    func graphError(_ text: String) -> Diagnostic? {
        do {
            _ = try DIMACS.parseGraph(text, file: "t.gr")
            return nil
        } catch let d as Diagnostic {
            return d
        } catch {
            return nil
        }
    }

    @Test func readsASmallGraphWithParallelArcsAndComments() throws {
        let text = """
            c a tiny graph
            p sp 3 4
            a 1 2 7
            c a comment between arcs
            a 1 2 3
            a 2 3 0

            a 3 3 5
            """
        let g = try DIMACS.parseGraph(text, file: "t.gr")
        #expect(g.nodeCount == 3)
        #expect(g.arcCount == 4)
        #expect(g.metricNames == ["weight"])
        // Node 1 (id 0) has the two parallel arcs, in file order.
        #expect(Array(g.outArcs(of: 0)).map { g.head[$0] } == [1, 1])
        #expect(Array(g.outArcs(of: 0)).map { g.metrics[0][$0] } == [7, 3])
        #expect(Array(g.outArcs(of: 2)).map { g.head[$0] } == [2])  // the self-loop
        let s = DijkstraSearch(g)
        s.run(from: [0], weights: g.weights(0))
        // 1 → 2 by the cheaper parallel arc (3), 2 → 3 free.
        #expect(s.distance(to: 1) == 3)
        #expect(s.distance(to: 2) == 3)
    }

    @Test func acceptsCRLFAndTabs() throws {
        let g = try DIMACS.parseGraph("p sp 2 1\r\na\t1\t2\t9\r\n", file: "t.gr")
        #expect(g.arcCount == 1)
        #expect(g.metrics[0][0] == 9)
    }

    @Test func readsRome99() throws {
        let g = try DIMACS.readGraph(at: FixturePath.of("dimacs/rome99.gr"))
        #expect(g.nodeCount == 3353)
        #expect(g.arcCount == 8870)
        // Checksums computed independently with scipy, igraph and networkit
        // (Fixtures/dimacs/README.md): the sum of all finite distances from 1, 17, 42.
        let s = DijkstraSearch(g)
        var total: UInt64 = 0
        for source: NodeID in [0, 16, 41] {
            s.run(from: [source], weights: g.weights(0))
            for v in s.settledNodes { total += s.distance(to: v) }
        }
        #expect(total == 324_952_025)
        var within = 0
        for source: NodeID in [0, 16, 41] {
            s.run(from: [source], weights: g.weights(0), limit: 5000)
            within += s.settledCount
        }
        #expect(within == 114)
    }

    // MARK: One test per malformed case, each asserting the location.

    @Test func missingProblemLine() {
        let d = graphError("c nothing here\n")
        #expect(d?.description == "t.gr: error: no problem line 'p sp N M'")
    }

    @Test func arcBeforeProblemLine() {
        let d = graphError("c x\na 1 2 3\np sp 2 1\n")
        #expect(d?.description == "t.gr:2:1: error: arc before the problem line 'p sp N M'")
    }

    @Test func duplicateProblemLine() {
        let d = graphError("p sp 2 1\np sp 2 1\na 1 2 3\n")
        #expect(d?.description == "t.gr:2:1: error: duplicate problem line (the first is on line 1)")
    }

    @Test func wrongProblemFormat() {
        let d = graphError("p max 2 1\n")
        #expect(d?.description == "t.gr:1:3: error: expected \"sp\" as format, found \"max\"")
        #expect(d?.field == "format")
    }

    @Test func fewerArcsThanDeclared() {
        let d = graphError("c\np sp 3 3\na 1 2 3\na 2 3 4\n")
        #expect(d?.description == "t.gr:2: error: the problem line declares 3 arcs but the file has 2")
    }

    @Test func moreArcsThanDeclared() {
        let d = graphError("p sp 3 1\na 1 2 3\na 2 3 4\n")
        #expect(d?.description == "t.gr:3:1: error: more arcs than the 1 declared on line 1")
    }

    @Test func nodeOutOfRange() {
        #expect(graphError("p sp 3 1\na 1 4 3\n")?.description
            == "t.gr:2:5: error: head node 4 is out of range 1…3")
        #expect(graphError("p sp 3 1\na 0 2 3\n")?.description
            == "t.gr:2:3: error: tail node 0 is out of range 1…3")
    }

    @Test func negativeWeight() {
        let d = graphError("p sp 3 1\na 1 2 -3\n")
        #expect(d?.description == "t.gr:2:7: error: weight \"-3\" is negative")
        #expect(d?.field == "weight")
    }

    @Test func nonIntegerWeight() {
        #expect(graphError("p sp 3 1\na 1 2 3.5\n")?.description
            == "t.gr:2:7: error: weight \"3.5\" is not an integer")
        #expect(graphError("p sp 3 1\na 1 2 x\n")?.description
            == "t.gr:2:7: error: weight \"x\" is not an integer")
    }

    @Test func weightTooLarge() {
        #expect(graphError("p sp 3 1\na 1 2 4294967296\n")?.description
            == "t.gr:2:7: error: weight 4294967296 is out of range 0…4294967295")
    }

    @Test func missingField() {
        #expect(graphError("p sp 3 1\na 1 2\n")?.description == "t.gr:2:6: error: missing weight")
    }

    /// Columns point at the field, wherever it starts; numbers are quoted as written.
    @Test func columnsAndNumbersAsWritten() {
        #expect(graphError("p sp 3 1\n\tq 1 2\n")?.description
            == "t.gr:2:2: error: unknown line type \"q\" (expected c, p or a)")
        #expect(graphError("p sp 3 1\na 99999999999999999999 1 5\n")?.description
            == "t.gr:2:3: error: tail node 99999999999999999999 is out of range 1…3")
        #expect(graphError("  p sp 2 1\n  p sp 2 1\n")?.description
            == "t.gr:2:3: error: duplicate problem line (the first is on line 1)")
    }

    @Test func trailingText() {
        #expect(graphError("p sp 3 1\na 1 2 3 4\n")?.description
            == "t.gr:2:9: error: unexpected text \"4\" after the last field")
    }

    @Test func unknownLineType() {
        #expect(graphError("p sp 3 1\nx 1 2 3\n")?.description
            == "t.gr:2:1: error: unknown line type \"x\" (expected c, p or a)")
        #expect(graphError("p sp 3 1\narc 1 2 3\n")?.description
            == "t.gr:2:1: error: unknown line type \"arc\" (expected c, p or a)")
    }

    /// A header claiming more than the machine can hold is an error, not a crash; a
    /// header claiming many arcs in a short file only costs what the file holds.
    @Test func implausibleHeaders() {
        // (On a machine with more memory than that the header is legitimate: not asked.)
        if ProcessInfo.processInfo.physicalMemory < 60_000_000_000 {
            let d = graphError("p sp 4294967294 4294967294\n")
            #expect(d?.line == 1)
        #expect(d?.message.hasPrefix("a graph of 4294967294 nodes and 4294967294 arcs needs about 68 GB") == true)
        }
        #expect(graphError("p sp 2 4000000000\na 1 2 3\n")?.description
            == "t.gr:1: error: the problem line declares 4000000000 arcs but the file has 1")
    }

    @Test func missingAndUnreadableFiles() {
        #expect(throws: Diagnostic(file: "/nonexistent/x.gr", message: "no such file")) {
            try DIMACS.readGraph(at: "/nonexistent/x.gr")
        }
        #expect(throws: Diagnostic(file: "/tmp", message: "is a folder, not a file")) {
            try DIMACS.readGraph(at: "/tmp")
        }
    }

    // MARK: Coordinates

    @Test func readsCoordinates() throws {
        let c = try DIMACS.parseCoordinates(
            "c\np aux sp co 2\nv 2 -5 7\nv 1 100 200\n", file: "t.co", nodeCount: 2)
        #expect(c.map(\.x) == [100, -5])
        #expect(c.map(\.y) == [200, 7])
    }

    @Test func coordinateErrors() {
        func error(_ text: String, nodes: Int = 2) -> String? {
            do {
                _ = try DIMACS.parseCoordinates(text, file: "t.co", nodeCount: nodes)
                return nil
            } catch { return "\(error)" }
        }
        #expect(error("p aux sp co 3\n") == "t.co:1:1: error: 3 coordinates declared but the graph has 2 nodes")
        #expect(error("p aux sp co 2\nv 1 0 0\n") == "t.co:1: error: node 2 has no coordinates")
        #expect(error("p aux sp co 2\nv 1 0 0\nv 1 0 0\n") == "t.co:3:3: error: node 1 has coordinates already")
        #expect(error("p aux sp co 1\nv   1 0 0\nv   1 0 0\n", nodes: 1) == "t.co:3:5: error: node 1 has coordinates already")
        #expect(error("p aux sp co 2\nv 3 0 0\n") == "t.co:2:3: error: node 3 is out of range 1…2")
        #expect(error("v 1 0 0\n") == "t.co:1:1: error: coordinate before the problem line 'p aux sp co N'")
        #expect(error("p aux sp co 2\nv 1 0.5 0\n") == "t.co:2:5: error: x \"0.5\" is not an integer")
    }
}

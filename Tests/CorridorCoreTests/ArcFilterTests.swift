import CorridorCore
import Testing
import TestSupport

@Suite struct ArcFilterTests {
    /// Word boundaries: 0, 1, 63, 64, 65 … arcs. Bits past arcCount must stay zero, which
    /// `count` and `complement` expose.
    @Test(arguments: [0, 1, 2, 63, 64, 65, 127, 128, 129, 200])
    func allNoneAndComplementAtWordBoundaries(arcCount: Int) {
        let all = ArcFilter(arcCount: arcCount)
        let none = ArcFilter(arcCount: arcCount, containsAll: false)
        #expect(all.arcCount == arcCount && none.arcCount == arcCount)
        #expect(all.count == arcCount)
        #expect(none.count == 0)
        #expect(all.complement().count == 0)
        #expect(none.complement().count == arcCount)
        #expect(none.complement() == all)
        #expect(all.complement() == none)
        for a in 0 ..< arcCount {
            #expect(all.contains(ArcID(a)) && !none.contains(ArcID(a)))
        }
        if arcCount > 0 {
            var one = none
            one.insert(ArcID(arcCount - 1))  // the last bit: the edge of the tail mask
            #expect(one.count == 1 && one.contains(ArcID(arcCount - 1)))
            #expect(one.complement().count == arcCount - 1)
            #expect(!one.complement().contains(ArcID(arcCount - 1)))
        }
    }

    /// Random insert/remove/intersection/union/complement against a `Set` model.
    @Test func setAlgebraMatchesASetModel() {
        for seed in seeds(200, base: 2) {
            var rng = SeededRandom(seed: seed)
            let m = rng.int(0 ... 300)
            func random() -> (ArcFilter, Set<Int>) {
                var f = ArcFilter(arcCount: m, containsAll: rng.chance(0.5))
                var s = f.count == m ? Set(0 ..< m) : []
                if m > 0 {
                    for _ in 0 ..< rng.int(0 ... 2 * m) {
                        let a = rng.int(0 ..< m)
                        if rng.chance(0.5) { f.insert(ArcID(a)); s.insert(a) } else { f.remove(ArcID(a)); s.remove(a) }
                    }
                }
                return (f, s)
            }
            let (f, s) = random(), (g, t) = random()
            func agrees(_ filter: ArcFilter, _ set: Set<Int>) -> Bool {
                filter.count == set.count && (0 ..< m).allSatisfy { filter.contains(ArcID($0)) == set.contains($0) }
            }
            #expect(agrees(f, s), "\(rng)")
            #expect(agrees(f.intersection(g), s.intersection(t)), "\(rng)")
            #expect(agrees(f.union(g), s.union(t)), "\(rng)")
            #expect(agrees(f.complement(), Set(0 ..< m).subtracting(s)), "\(rng)")
            #expect(f.complement().complement() == f, "\(rng)")
            // De Morgan.
            #expect(f.union(g).complement() == f.complement().intersection(g.complement()), "\(rng)")
            // Equal sets built differently are equal and hash alike.
            var rebuilt = ArcFilter(arcCount: m, containsAll: false)
            for a in s.sorted() { rebuilt.insert(ArcID(a)) }
            #expect(rebuilt == f && rebuilt.hashValue == f.hashValue, "\(rng)")
        }
    }

    @Test func insertAndRemoveAreIdempotent() {
        var f = ArcFilter(arcCount: 70, containsAll: false)
        f.insert(64)
        f.insert(64)
        #expect(f.count == 1)
        f.remove(64)
        f.remove(64)
        #expect(f.count == 0 && f == ArcFilter(arcCount: 70, containsAll: false))
        #expect(ArcFilter(arcCount: 70) != ArcFilter(arcCount: 71))
    }

    @Test func modeAndPredicateFilters() {
        // arc ids 0 … 4 (input already in tail order): modes 0, 1, 2, 1, 3; flags 0, 1, 0, 1, 0.
        let g = tinyGraph(nodes: 3, """
            0 -> 1 : 1 mode 0
            0 -> 2 : 1 mode 1 flags 1
            1 -> 2 : 1 mode 2
            2 -> 0 : 1 mode 1 flags 1
            2 -> 1 : 1 mode 3
            """)
        let rail = ArcFilter(graph: g.graph, modes: [1, 2])
        #expect((0 ..< 5).filter { rail.contains(ArcID($0)) } == [1, 2, 3])
        #expect(ArcFilter(graph: g.graph, modes: []).count == 0)
        #expect(ArcFilter(graph: g.graph, modes: [0, 1, 2, 3, 200]) == ArcFilter(arcCount: 5))
        let built = ArcFilter(graph: g.graph) { g.graph.flags[Int($0)] & 1 == 0 }
        #expect((0 ..< 5).filter { built.contains(ArcID($0)) } == [0, 2, 4])
        #expect((0 ..< 5).filter { rail.intersection(built).contains(ArcID($0)) } == [2])
        #expect((0 ..< 5).filter { rail.union(built).contains(ArcID($0)) } == [0, 1, 2, 3, 4])
    }
}

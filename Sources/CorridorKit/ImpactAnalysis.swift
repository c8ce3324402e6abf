import CorridorCore
import Dispatch
import Foundation

/// Before and after for planned projects: every project's ``ProjectImpact`` against a
/// reference scenario, a ranking with its score components, a greedy build order and the
/// pairs of projects that complement or substitute each other.
///
///     let analysis = ImpactAnalysis(net, hubs: [changchun])
///     let ranking = analysis.ranking(of: net.projectIDs)          // best first
///     let order = analysis.sequence(of: net.projectIDs)           // greedy build order
///
/// **Accessibility.** Between every two places with a population (i ≠ j), the gravity
/// weight w_ij = pop_i · pop_j / d_ij^γ, d_ij the great-circle distance in km (at least
/// ``minimumDistanceKm``), γ = 2 by default: a trip between two big, near cities matters
/// more than one between two small, far towns (the classic gravity model of spatial
/// interaction). The floor keeps places that are one urban area from carrying the
/// measure: 松原 and 前郭 are 2.6 km apart, and at 1 km they took half of all the weight
/// of the bundled network, halving every project's minutes per trip. A
/// project's accessibility benefit is Σ w_ij (t_ij before − t_ij after) / Σ w_ij: the
/// minutes it saves on an average trip so weighted. Times are door to door by the fastest
/// route, in both directions; an unreachable pair counts as ``unreachableMinutes``.
///
/// **Score.** Three components, each divided by the largest value among the projects
/// ranked, so each is 0…1 and the best project on it scores 1: accessibility; gaps
/// closed, in goal units (per unmet goal of `goals.csv`, the share of its failing places
/// the project brings to target: 1 for a goal closed outright, 2/3 for fast rail to two
/// of three cities); and people entering the hubs' bands (summed over hubs and bands). The score is their sum, 0…3. Every component
/// is shown beside it; equal weights are a choice, stated so a planner can weigh them
/// differently from the columns.
///
/// **Work.** Evaluating a scenario runs one search from every populated place (for the
/// pair times and the links used), one bounded search per hub, one per goal; scenarios
/// are evaluated in parallel, each worker with its own search workspace. Scenarios are
/// arc filters and weight overrides over one graph, never rebuilt graphs.
public final class ImpactAnalysis: Sendable {
    public let net: NetworkGraph
    /// Hubs whose bands are counted (indices into the network's places).
    public let hubs: [Int]
    /// The bands, minutes.
    public let thresholds: [Double]
    /// The gravity model's distance exponent.
    public let gamma: Double
    /// The time an unreachable pair counts as, minutes (a day).
    public static let unreachableMinutes = 1440.0

    /// The least distance a gravity weight divides by, km: places nearer than this (two
    /// seats in one urban area) weigh as if this far apart. Ten km is about a city's own
    /// radius; the trips between such places are not what a corridor's links change.
    public static let minimumDistanceKm = 10.0

    /// Places with a population (indices), and their pairwise gravity weights.
    let people: [Int]
    let weight: [[Double]]
    let totalWeight: Double

    public init(_ net: NetworkGraph, hubs: [Int], thresholds: [Double] = [30, 60, 120], gamma: Double = 2) {
        precondition(gamma >= 0, "gamma must not be negative")
        self.net = net
        self.hubs = hubs
        self.thresholds = Array(Set(thresholds)).sorted()
        self.gamma = gamma
        let places = net.network.places
        let people = places.indices.filter { (places[$0].population ?? 0) > 0 }
        self.people = people
        var weight = [[Double]](repeating: [Double](repeating: 0, count: people.count), count: people.count)
        var total = 0.0
        for (a, i) in people.enumerated() {
            for (b, j) in people.enumerated() where a != b {
                let d = Swift.max(Self.minimumDistanceKm, NetworkValidator.greatCircleKm(places[i], places[j]))
                let w = Double(places[i].population!) * Double(places[j].population!) / pow(d, gamma)
                weight[a][b] = w
                total += w
            }
        }
        self.weight = weight
        totalWeight = total
    }

    // MARK: Evaluations

    /// What a scenario looks like to the analysis.
    struct Evaluation: Sendable {
        /// Minutes between populated places ([a][b] for people[a] → people[b]).
        var times: [[Double]]
        /// Per hub, the band index of each settlement within the largest band.
        var bands: [[Int: Int]]
        /// Goals met.
        var met: Set<String>
        /// Per goal, the places that meet its target.
        var passing: [String: Set<String>]
        /// Links on some populated pair's fastest route.
        var used: Set<Int>
    }

    func evaluate(_ built: [String], search: DijkstraSearch) -> Evaluation {
        let scenario = net.scenario(projects: built)
        let time = scenario.weights(.time)
        var times = [[Double]](repeating: [], count: people.count)
        var used = Set<Int>()
        var seen = [Bool](repeating: false, count: net.graph.nodeCount)
        for (a, i) in people.enumerated() {
            search.run(from: [NodeID(i)], weights: time, filter: scenario.filter)
            times[a] = people.map { j in
                let d = search.distance(to: NodeID(j))
                return d == .unreachable ? Self.unreachableMinutes : NetworkGraph.Metric.time.shown(d)
            }
            // The links of the fastest routes to every populated place: walk each route
            // back until a node already walked from this source.
            for k in seen.indices { seen[k] = false }
            for j in people where search.isSettled(NodeID(j)) {
                var v = NodeID(j)
                while !seen[Int(v)], let arc = search.parentArc(of: v) {
                    seen[Int(v)] = true
                    used.insert(net.linkOfArc[Int(arc)])
                    v = net.graph.tail(of: arc)
                }
            }
        }
        let bands = hubs.map { hub -> [Int: Int] in
            let r = net.reach(from: [hub], within: thresholds, scenario: scenario, search: search)
            var out: [Int: Int] = [:]
            for p in r.places where net.network.places[p.place].kind.isSettlement { out[p.place] = p.band }
            return out
        }
        var met: Set<String> = []
        var passing: [String: Set<String>] = [:]
        for goal in net.network.goals {
            let status = net.check(goal, in: scenario, search: search)
            if status.met { met.insert(goal.id) }
            passing[goal.id] = Set(goal.places).subtracting(status.failing)
        }
        return Evaluation(times: times, bands: bands, met: met, passing: passing, used: used)
    }

    /// The impact of going from `before` to `after` by adding `projects`.
    ///
    /// - Parameter reference: the evaluation whose failing places a goal's share is
    ///   counted against (`before` if nil). A build order passes its start, so the steps
    ///   that close one goal between them share one unit: 白山至临江 then 抚长 close the
    ///   临江/长白 gap at ½ each, not ½ and then 1 (1 of the 1 place still short).
    func impact(
        _ projects: [String], from before: Evaluation, to after: Evaluation, topPairs: Int, reference: Evaluation? = nil
    ) -> ProjectImpact {
        var saved = 0.0
        var pairs: [PairGain] = []
        for a in people.indices {
            for b in people.indices where a != b {
                let t0 = before.times[a][b], t1 = after.times[a][b]
                saved += weight[a][b] * (t0 - t1)
                if t1 < t0 - 1e-9 {
                    pairs.append(PairGain(from: people[a], to: people[b], before: t0, after: t1, weight: weight[a][b]))
                }
            }
        }
        pairs.sort { ($0.saved, $0.weight, -$0.from, -$0.to) > ($1.saved, $1.weight, -$1.from, -$1.to) }
        let places = net.network.places
        var gains: [BandGain] = []
        for (h, hub) in hubs.enumerated() {
            for (band, threshold) in thresholds.enumerated() {
                let entered = after.bands[h].filter { $0.value <= band && (before.bands[h][$0.key] ?? .max) > band }
                    .map(\.key).sorted()
                guard !entered.isEmpty else { continue }
                gains.append(BandGain(
                    hub: hub, threshold: threshold, places: entered,
                    population: entered.reduce(0) { $0 + (places[$1].population ?? 0) }))
            }
        }
        let goals = net.network.goals.map(\.id)
        let progress = net.network.goals.filter { !before.met.contains($0.id) }.compactMap { goal -> GoalProgress? in
            let was = before.passing[goal.id] ?? [], now = after.passing[goal.id] ?? []
            let reached = goal.places.filter { now.contains($0) && !was.contains($0) }
            guard !reached.isEmpty else { return nil }
            let failing = Set(goal.places).subtracting((reference ?? before).passing[goal.id] ?? [])
            return GoalProgress(goal: goal.id, places: reached, failingBefore: failing.count)
        }
        return ProjectImpact(
            projects: projects,
            gapsClosed: goals.filter { after.met.contains($0) && !before.met.contains($0) },
            goalProgress: progress,
            gapsOpened: goals.filter { before.met.contains($0) && !after.met.contains($0) },
            bandGains: gains,
            accessibility: totalWeight > 0 ? saved / totalWeight : 0,
            topPairs: Array(pairs.prefix(topPairs)),
            newLinks: after.used.subtracting(before.used).sorted())
    }

    /// Evaluates every scenario of `sets` (each built on `built`) in parallel.
    func evaluate(_ sets: [[String]], on built: [String]) -> [Evaluation] {
        let slots = Slots<Evaluation>(count: sets.count)
        DispatchQueue.concurrentPerform(iterations: sets.count) { i in
            slots[i] = evaluate(built + sets[i], search: DijkstraSearch(net.graph))
        }
        return slots.values
    }

    // MARK: Questions

    /// The impact of each of `projects`, alone, added to `built` (base by default).
    ///
    /// - Complexity: p + 1 scenario evaluations for p projects, in parallel.
    public func impacts(of projects: [String], over built: [String] = [], topPairs: Int = 5) -> [ProjectImpact] {
        let evaluations = evaluate([[]] + projects.map { [$0] }, on: built)
        return projects.indices.map { impact([projects[$0]], from: evaluations[0], to: evaluations[$0 + 1], topPairs: topPairs) }
    }

    /// `impacts` ranked by score, best first (ties in the order given).
    public func ranking(of projects: [String], over built: [String] = []) -> [RankedProject] {
        let all = impacts(of: projects, over: built)
        let scale = Scale(all)
        return all.enumerated().map { (i: $0.offset, r: scale.rank($0.element)) }
            .sorted { $0.r.score != $1.r.score ? $0.r.score > $1.r.score : $0.i < $1.i }
            .map(\.r)
    }

    /// A greedy build order of `projects` on top of `built`: at each step the project
    /// whose *marginal* impact, given what is built so far, scores highest, with that
    /// marginal impact. Scores are scaled as in the standalone ranking, so the steps are
    /// comparable; a component no project has alone (a goal only a whole line closes) is
    /// scaled to the step's best instead.
    ///
    /// When every remaining project scores nothing, the greedy step has no signal and
    /// takes the first; so that a project without any effect is not recommended before
    /// those that do something, each step without an effect of its own that comes before
    /// the last step with one is kept there only if it has an effect given all the others
    /// up to that step (it is a section that a later one completes); otherwise it moves
    /// to the end, among the projects that add nothing.
    ///
    /// - Complexity: p(p + 1)/2 + p scenario evaluations, and two per step so tested.
    public func sequence(of projects: [String], over built: [String] = []) -> [RankedProject] {
        let scale = Scale(impacts(of: projects, over: built))
        var done = built
        var remaining = projects
        var order: [RankedProject] = []
        var start: Evaluation? = nil
        while !remaining.isEmpty {
            let evaluations = evaluate([[]] + remaining.map { [$0] }, on: done)
            // Goal shares are counted against the places short at the start of the order.
            if start == nil { start = evaluations[0] }
            let marginal = remaining.indices.map {
                impact([remaining[$0]], from: evaluations[0], to: evaluations[$0 + 1], topPairs: 3, reference: start)
            }
            // A component no project has alone (every goal needs two sections of a line)
            // is scaled by the best marginal value of this step instead of counting for nothing.
            let stepScale = scale.filling(from: marginal)
            let steps = marginal.map(stepScale.rank)
            var best = 0
            for i in steps.indices where steps[i].score > steps[best].score + 1e-12 { best = i }
            order.append(steps[best])
            done.append(remaining[best])
            remaining.remove(at: best)
        }
        return pruned(order, over: built)
    }

    /// `order` with the steps that have no effect, even given every other step up to the
    /// last with one, moved to the end (see ``sequence(of:over:)``).
    func pruned(_ order: [RankedProject], over built: [String]) -> [RankedProject] {
        func hasEffect(_ i: ProjectImpact) -> Bool {
            i.accessibility > 1e-9 || i.gapUnits > 0 || i.populationGained > 0 || !i.gapsClosed.isEmpty
        }
        guard var last = order.lastIndex(where: { hasEffect($0.impact) }) else { return order }
        var order = order
        var idle: [RankedProject] = []
        for i in stride(from: last - 1, through: 0, by: -1) where !hasEffect(order[i].impact) {
            let id = order[i].impact.projects[0]
            let others = order[...last].map { $0.impact.projects[0] }.filter { $0 != id }
            let evaluations = evaluate([[], [id]], on: built + others)
            guard !hasEffect(impact([id], from: evaluations[0], to: evaluations[1], topPairs: 0)) else { continue }
            idle.insert(order.remove(at: i), at: 0)
            last -= 1
        }
        order.insert(contentsOf: idle, at: last + 1)
        return order
    }

    /// Pairs of `projects` whose joint accessibility benefit differs from the sum of their
    /// separate benefits by more than `tolerance` (a fraction of the larger of the two
    /// sides, at least 0.001 min), or that close a gap only together; the strongest
    /// first.
    ///
    /// - Complexity: p(p − 1)/2 + p + 1 scenario evaluations.
    public func synergies(of projects: [String], over built: [String] = [], tolerance: Double = 0.05) -> [Synergy] {
        let pairs = projects.indices.flatMap { i in projects.indices.filter { $0 > i }.map { (i, $0) } }
        let singles = evaluate([[]] + projects.map { [$0] }, on: built)
        let joints = evaluate(pairs.map { [projects[$0.0], projects[$0.1]] }, on: built)
        let alone = projects.indices.map { impact([projects[$0]], from: singles[0], to: singles[$0 + 1], topPairs: 0) }
        var found: [Synergy] = []
        for (k, (i, j)) in pairs.enumerated() {
            let both = impact([projects[i], projects[j]], from: singles[0], to: joints[k], topPairs: 0)
            let sum = alone[i].accessibility + alone[j].accessibility
            let onlyTogether = both.gapsClosed.filter { !alone[i].gapsClosed.contains($0) && !alone[j].gapsClosed.contains($0) }
            let margin = Swift.max(0.001, tolerance * Swift.max(abs(both.accessibility), abs(sum)))
            let kind: Synergy.Kind
            if both.accessibility > sum + margin || !onlyTogether.isEmpty {
                kind = .complements
            } else if both.accessibility < sum - margin {
                kind = .substitutes
            } else {
                continue
            }
            found.append(Synergy(
                projects: (projects[i], projects[j]), first: alone[i].accessibility, second: alone[j].accessibility,
                joint: both.accessibility, gapsOnlyTogether: onlyTogether, kind: kind))
        }
        return found.sorted { abs($0.excess) > abs($1.excess) }
    }

    /// The divisors that scale the score components to the best project's.
    struct Scale {
        let accessibility: Double, gaps: Double, population: Double

        init(_ impacts: [ProjectImpact]) {
            accessibility = impacts.map(\.accessibility).max() ?? 0
            gaps = impacts.map(\.gapUnits).max() ?? 0
            population = Double(impacts.map(\.populationGained).max() ?? 0)
        }

        private init(accessibility: Double, gaps: Double, population: Double) {
            (self.accessibility, self.gaps, self.population) = (accessibility, gaps, population)
        }

        /// This scale, with each zero component taken from `impacts` instead.
        func filling(from impacts: [ProjectImpact]) -> Scale {
            let other = Scale(impacts)
            return Scale(
                accessibility: accessibility > 0 ? accessibility : other.accessibility,
                gaps: gaps > 0 ? gaps : other.gaps,
                population: population > 0 ? population : other.population)
        }

        func rank(_ i: ProjectImpact) -> RankedProject {
            RankedProject(
                impact: i,
                accessibilityScore: accessibility > 0 ? Swift.max(0, i.accessibility) / accessibility : 0,
                gapScore: gaps > 0 ? i.gapUnits / gaps : 0,
                populationScore: population > 0 ? Double(i.populationGained) / population : 0)
        }
    }
}

/// Results written by parallel workers, one slot each.
final class Slots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(i: Int) -> T {
        get { lock.withLock { storage[i]! } }
        set { lock.withLock { storage[i] = newValue } }
    }

    var values: [T] { lock.withLock { storage.map { $0! } } }
}

/// What building one project (or a set) changes against a reference scenario: the gaps it
/// closes, the people it brings within each hub's bands, the travel time it saves between
/// places weighted by their populations, the pairs that gain most and the links that
/// start to carry shortest paths. ``ImpactAnalysis`` computes it.
public struct ProjectImpact: Sendable {
    /// The projects added to the reference scenario (one, for a ranking).
    public let projects: [String]
    /// Goals met with the projects and not without (goal ids, in the goals' order).
    public let gapsClosed: [String]
    /// Per goal not met before, the places the projects bring to its target (even when
    /// others still fall short: 沈白 brings fast rail to 通化 and 白山, not to 辽源).
    public let goalProgress: [GoalProgress]
    /// Goals met without the projects and not with them (an upgrade can slow nothing, so
    /// this stays empty unless the network's data say otherwise).
    public let gapsOpened: [String]
    /// Per hub and band, the settlements newly within it and their population.
    public let bandGains: [BandGain]
    /// Minutes saved per trip between the network's populated places, weighted by the
    /// gravity model (see ``ImpactAnalysis``).
    public let accessibility: Double
    /// The pairs of populated places whose travel time falls most.
    public let topPairs: [PairGain]
    /// Links (indices) on some populated pair's fastest route with the projects and on
    /// none without them.
    public let newLinks: [Int]

    /// The gaps closed in goal units: per goal, the share of its failing places brought to
    /// target, summed (a goal closed outright counts 1).
    public var gapUnits: Double { goalProgress.reduce(0) { $0 + $1.share } }

    /// The people entering a band, summed over hubs and bands (someone entering a hub's
    /// 60-minute band and thereby its 120-minute band too counts twice: the score rewards
    /// reaching the inner circles).
    public var populationGained: Int { bandGains.reduce(0) { $0 + $1.population } }

    /// Whether the effect is measurable: ``measurableRule``. Below it (a fraction of a
    /// second on the average trip, and nothing else) an effect is rounding, not a result,
    /// though single trips may still gain (``topPairs``).
    public var isMeasurable: Bool { accessibility >= 1.0 / 60 || gapUnits > 0 || populationGained > 0 }

    /// ``isMeasurable`` in words, for reports.
    public static let measurableRule =
        "at least a second saved on the average trip, a goal place brought to target, or someone entering a circle"
}

/// Progress on one goal: the places brought to its target.
public struct GoalProgress: Sendable, Hashable {
    /// The goal's id.
    public let goal: String
    /// Place ids that meet the target with the projects and did not without, goal order.
    public let places: [String]
    /// How many places failed the goal without the projects.
    public let failingBefore: Int

    /// The share of the gap closed: places brought to target over places failing before.
    public var share: Double { failingBefore == 0 ? 0 : Double(places.count) / Double(failingBefore) }
}

/// Settlements newly within one band of one hub.
public struct BandGain: Sendable, Hashable {
    /// The hub (index into the network's places).
    public let hub: Int
    /// The band's limit, minutes.
    public let threshold: Double
    /// The settlements that enter it (indices), in place order.
    public let places: [Int]
    /// Their population.
    public let population: Int

    public init(hub: Int, threshold: Double, places: [Int], population: Int) {
        self.hub = hub
        self.threshold = threshold
        self.places = places
        self.population = population
    }
}

/// One pair of populated places, before and after.
public struct PairGain: Sendable, Hashable {
    public let from: Int
    public let to: Int
    /// Minutes, before and after (``ImpactAnalysis/unreachableMinutes`` if unreachable).
    public let before: Double
    public let after: Double
    /// Its gravity weight, pop_i · pop_j / d_ij^γ.
    public let weight: Double

    public var saved: Double { before - after }
}

/// A project's rank: its impact, the three score components (each scaled to the best
/// project's, 0…1) and their sum.
public struct RankedProject: Sendable {
    public let impact: ProjectImpact
    /// ``ProjectImpact/accessibility`` over the largest among the projects ranked.
    public let accessibilityScore: Double
    /// ``ProjectImpact/gapUnits`` over the most any project closes.
    public let gapScore: Double
    /// ``ProjectImpact/populationGained`` over the largest.
    public let populationScore: Double

    /// The score: the sum of the three components, 0…3.
    public var score: Double { accessibilityScore + gapScore + populationScore }
}

/// Two projects together against their separate effects.
public struct Synergy: Sendable {
    public enum Kind: String, Sendable {
        /// Together they do more than the sum of each alone (two halves of a line).
        case complements
        /// Together they do less than the sum (two parallel lines).
        case substitutes
    }
    public let projects: (String, String)
    /// Accessibility (minutes per trip) of each alone and of both.
    public let first: Double
    public let second: Double
    public let joint: Double
    /// Gaps closed only by both together.
    public let gapsOnlyTogether: [String]
    public let kind: Kind

    /// Joint minus the sum of the parts: positive for complements.
    public var excess: Double { joint - first - second }
}

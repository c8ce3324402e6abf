import CorridorCore

/// What moving one ton of freight costs, by mode: a line-haul rate per ton-kilometre and a
/// handling charge per ton at each transshipment, every figure with its source.
///
///     let costs = FreightCost.defaults
///     costs[.rail]?.perTonKm.value                           // 0.1551 (yuan per t-km)
///     costs.yuanPerTon(.rail, lengthKm: 111)                 // 17.2161
///     FreightCost.fen(17.2161)                               // 1722
///     costs.yuanPerTon(.hsr, lengthKm: 111)                  // nil: no freight on HSR
///
/// **What an arc costs.** A link of a line-haul mode (rail, expressway, road, air, sea,
/// river) costs its rate × its length. A connector is a transshipment: it costs the
/// largest handling charge among the `connector` row and the line-haul modes of the links
/// at either of its ends (so city ↔ station pays rail handling, city ↔ port pays sea
/// handling). A border crossing costs the `border` handling. Connectors and border
/// crossings that have a length also pay their rate × length (0 by default). A line-haul
/// mode's own handling is charged only at the connectors that reach it: transfers between
/// links that meet at one place are free, as a network models transshipments as connectors.
/// Loading at the shipper and unloading at the receiver are common to every route and
/// left out.
///
/// **No freight.** High-speed rail carries no bulk freight in China, so `hsr` has no cost
/// at all (``yuanPerTon(_:lengthKm:endModes:)`` is nil) and no override can give it one;
/// nor has a connector with an end that only high-speed rail serves (a passenger station).
/// A cost search therefore never routes freight over them (``Scenario/freightFilter``).
///
/// The defaults (``defaults``) are national averages for bulk freight, in the years their
/// sources give; a network's `costs.csv` overrides them (docs/network-format.md).
public struct FreightCost: Sendable, Hashable {
    /// One figure and where it comes from.
    public struct Figure: Sendable, Hashable {
        /// Yuan per ton-kilometre or yuan per ton.
        public var value: Double
        /// The source, or `estimate: <rule>`.
        public var source: String
        /// The `costs.csv` row it was read from; nil for a default.
        public var origin: SourceRow?

        public init(_ value: Double, source: String, origin: SourceRow? = nil) {
            precondition(value >= 0 && value.isFinite, "a cost is a finite, non-negative number")
            self.value = value
            self.source = source
            self.origin = origin
        }
    }

    /// One mode's figures.
    public struct ModeCost: Sendable, Hashable {
        /// Yuan per ton-kilometre of line haul.
        public var perTonKm: Figure
        /// Yuan per ton for one transshipment into or out of the mode (charged on
        /// connectors), or for one border crossing.
        public var handling: Figure

        public init(perTonKm: Figure, handling: Figure) {
            self.perTonKm = perTonKm
            self.handling = handling
        }
    }

    /// The modes that carry freight: every mode but `hsr`, in ``Mode`` order.
    public static let freightModes: [Mode] = Mode.allCases.filter { $0 != .hsr }

    /// The modes that haul freight over a distance (their handling is charged at the
    /// connectors that reach them).
    public static let lineHaulModes: Set<Mode> = [.rail, .expressway, .road, .air, .sea, .river]

    /// The figures of every freight mode.
    public private(set) var costs: [Mode: ModeCost]

    /// The costs given for every mode of ``freightModes``, and none for `hsr`.
    public init(_ costs: [Mode: ModeCost]) {
        precondition(costs[.hsr] == nil, "high-speed rail carries no freight")
        precondition(Self.freightModes.allSatisfy { costs[$0] != nil }, "a cost for every freight mode")
        self.costs = costs
    }

    /// The figures of `mode`; nil for `hsr`.
    public subscript(mode: Mode) -> ModeCost? { costs[mode] }

    /// These costs with `mode`'s figures replaced.
    public func replacing(_ mode: Mode, with cost: ModeCost) -> FreightCost {
        precondition(mode != .hsr, "high-speed rail carries no freight")
        var copy = self
        copy.costs[mode] = cost
        return copy
    }

    /// What one ton pays to travel one link of `mode`, in yuan; nil when the link carries
    /// no freight.
    ///
    /// - Parameters:
    ///   - mode: the link's mode.
    ///   - lengthKm: its length (nil counts 0: connectors and border crossings).
    ///   - endModes: for a connector, the modes of the other links (not connectors) at
    ///     each of its two ends; ignored for other modes.
    /// - Returns: rate × length, plus the handling of a connector or border crossing; nil
    ///   for `hsr` and for a connector with an end served by high-speed rail alone.
    public func yuanPerTon(_ mode: Mode, lengthKm: Double?, endModes: [Set<Mode>] = []) -> Double? {
        guard let cost = costs[mode] else { return nil }
        let haul = cost.perTonKm.value * (lengthKm ?? 0)
        switch mode {
        case .connector:
            if endModes.contains(where: Self.isPassengerOnly) { return nil }
            var handling = cost.handling.value
            for modes in endModes {
                for m in modes.intersection(Self.lineHaulModes) {
                    handling = Swift.max(handling, costs[m]!.handling.value)
                }
            }
            return haul + handling
        case .border:
            return haul + cost.handling.value
        default:
            return haul
        }
    }

    /// Whether a place whose links (other than connectors) have `modes` is served by
    /// high-speed rail alone: a passenger station, where freight is not handled.
    public static func isPassengerOnly(_ modes: Set<Mode>) -> Bool {
        modes.contains(.hsr) && modes.isDisjoint(with: lineHaulModes.union([.border]))
    }

    /// One line per freight mode, in ``Mode`` order, with its figures and their sources:
    /// the assumptions a report on cost routes prints.
    ///
    ///     FreightCost.defaults.assumptions[0]
    ///     // "rail: 0.1551 yuan/t-km (NDRC: …); handling 19.2 yuan/t (estimate: …)"
    public var assumptions: [String] {
        func number(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : "\(x)" }
        return Self.freightModes.map { mode in
            let c = costs[mode]!
            return "\(mode.rawValue): \(number(c.perTonKm.value)) yuan/t-km (\(c.perTonKm.source)); "
                + "handling \(number(c.handling.value)) yuan/t (\(c.handling.source))"
        }
    }

    /// Yuan as whole fen (0.01 yuan), rounded, and at most `NetworkGraph.noCost − 1` so
    /// that no cost is ever read as "no freight".
    public static func fen(_ yuan: Double) -> Weight {
        precondition(yuan >= 0, "a cost is non-negative")
        let fen = (yuan * 100).rounded()
        return fen >= Double(NetworkGraph.noCost - 1) ? NetworkGraph.noCost - 1 : Weight(fen)
    }
}

extension FreightCost {
    /// The national defaults, with their sources (docs/network-format.md has the table).
    ///
    /// Line haul: rail is the national-railway average tariff of 2015; road and
    /// expressway the Ministry of Transport's 2015 cost range for full truckloads; sea,
    /// river and air are estimates derived from the figures named in their sources.
    /// Handling: one bulk ship ↔ quay operation from the Ministry's port tariff; the same
    /// figure stands in for rail, air, connectors and border crossings, where no
    /// published charge was found.
    public static let defaults = FreightCost([
        .rail: ModeCost(
            perTonKm: Figure(0.1551, source: Source.railTariff),
            handling: Figure(19.20, source: Source.handlingAsPort("no rail 装卸费 figure found"))),
        .expressway: ModeCost(
            perTonKm: Figure(0.33, source: Source.roadCost),
            handling: Figure(0, source: Source.noTransshipment)),
        .road: ModeCost(
            perTonKm: Figure(0.33, source: Source.roadCost),
            handling: Figure(0, source: Source.noTransshipment)),
        .air: ModeCost(
            perTonKm: Figure(1.3, source: Source.airYield),
            handling: Figure(19.20, source: Source.handlingAsPort("no airport cargo-terminal charge found; probably low"))),
        .sea: ModeCost(
            perTonKm: Figure(0.018, source: Source.seaRate),
            handling: Figure(19.20, source: Source.portTariff)),
        .river: ModeCost(
            perTonKm: Figure(0.085, source: Source.riverRate),
            handling: Figure(19.20, source: Source.portTariff)),
        .connector: ModeCost(
            perTonKm: Figure(0, source: Source.noLength),
            handling: Figure(19.20, source: Source.handlingAsPort("a transshipment whose terminal mode has no figure of its own"))),
        .border: ModeCost(
            perTonKm: Figure(0, source: Source.crossing),
            handling: Figure(19.20, source: Source.handlingAsPort("one transshipment; no customs or gauge-change (换装) charge found"))),
    ])

    /// The source strings of the defaults.
    enum Source {
        static let railTariff = "NDRC: national-railway average freight rate raised from 14.51 to 15.51 fen/t-km "
            + "from 2015-02-01, all commodities, before station charges and loading (Xinhua 2015-01-30, "
            + "http://en.chinagate.cn/2015-01/30/content_34698975.htm)"
        static let roadCost = "estimate: midpoint of 0.233–0.424 yuan/t-km, the average reasonable cost of "
            + "general full-truckload road freight by haul length (交通运输部公路科学研究院 at the first "
            + "national road freight price index release, 2015-06-27; http://www.133sy.com/news/show-24382.html), rounded"
        static let seaRate = "estimate: 44.7 yuan/t, Yingkou–Shenzhen corn, 40–50k DWT, 2019 average to August "
            + "(Shanghai Shipping Exchange via MOT, "
            + "http://www.mot.gov.cn/yunjiazhishu/yanhaisanhuoyjzs/201909/t20190904_3246428.html) "
            + "÷ about 2,535 km of sea route (Bohai Strait, Chengshan Jiao, Taiwan Strait) = 0.0176, rounded"
        static let riverRate = "estimate: 0.55 × the rail rate 0.1551, from the rule of thumb that water "
            + "costs 50–60% of rail (unsourced, https://gudianfeng.com/new/670359253946475520), rounded"
        static let airYield = "estimate: US$0.19 per revenue t-km (Air China Cargo yield, first half of 2017; "
            + "http://aircargoworld.com/allposts/rebounding-global-economy-pushes-up-yields-at-air-china-cargo/, "
            + "2017-09-04) × about 6.75 yuan/US$ = 1.28, rounded; mostly international long haul"
        static let portTariff = "MOT port tariff (foreign-trade part, 1997, rev. 2001): bulk cereals, vessel "
            + "hold ↔ vessel side by port devices, one operation, 19.20 yuan/t "
            + "(http://seateronagency.com/en/htm/biaoge.htm); no published 港口作业包干费 found"
        static func handlingAsPort(_ why: String) -> String {
            "estimate: one handling operation as in the MOT port tariff, 19.20 yuan/t; " + why
        }
        static let noTransshipment = "no transshipment: a truck loads at the shipper and unloads at the receiver"
        static let noLength = "a transshipment: its cost is its handling (the access drive's km are not priced)"
        static let crossing = "a border crossing: its cost is its handling at the crossing (the road or rail beyond it is priced as such)"
    }
}

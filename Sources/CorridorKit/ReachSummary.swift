/// What a ``Reach`` covers, band by band: places and population in all, and per
/// prefecture. Bands are cumulative (the 60-minute band holds the 30-minute one).
///
/// Population is counted once per person: a place's `population` is its own unit's (a
/// prefecture seat's urban districts, each county its own), so sums never double-count
/// (docs/network-format.md). Places without a population (stations, towns, foreign places)
/// count as places only.
public struct ReachSummary: Sendable {
    /// One band's totals.
    public struct Band: Sendable, Hashable {
        /// The band's limit, in the metric's unit.
        public let threshold: Double
        /// Places within the band (every kind).
        public let places: Int
        /// Settlements (``PlaceKind/isSettlement``) within the band.
        public let settlements: Int
        /// Their population.
        public let population: Int
        /// Settlements and population within the band per prefecture (index of the
        /// prefecture's seat in the network's places), in place order; places outside any
        /// prefecture are left out.
        public let byPrefecture: [(prefecture: Int, settlements: Int, population: Int)]

        public static func == (a: Band, b: Band) -> Bool {
            a.threshold == b.threshold && a.places == b.places && a.population == b.population
                && a.byPrefecture.map(\.prefecture) == b.byPrefecture.map(\.prefecture)
                && a.byPrefecture.map(\.settlements) == b.byPrefecture.map(\.settlements)
                && a.byPrefecture.map(\.population) == b.byPrefecture.map(\.population)
        }

        public func hash(into h: inout Hasher) { h.combine(threshold); h.combine(population) }
    }

    public let bands: [Band]

    /// Sums `reach` over the places of `network`.
    ///
    /// - Complexity: O(r·b + p) for r places reached, b bands and p places.
    public init(_ reach: Reach, in network: Network) {
        let prefecture = network.prefectureOfPlace()
        bands = reach.thresholds.indices.map { band in
            let within = reach.places.filter { $0.band <= band }
            var byPrefecture: [Int: (settlements: Int, population: Int)] = [:]
            var population = 0, settlements = 0
            for r in within {
                let place = network.places[r.place]
                let people = place.population ?? 0
                population += people
                if place.kind.isSettlement { settlements += 1 }
                guard let p = prefecture[r.place], place.kind.isSettlement || people > 0 else { continue }
                byPrefecture[p, default: (0, 0)].settlements += place.kind.isSettlement ? 1 : 0
                byPrefecture[p, default: (0, 0)].population += people
            }
            return Band(
                threshold: reach.thresholds[band], places: within.count, settlements: settlements,
                population: population,
                byPrefecture: byPrefecture.keys.sorted().map { ($0, byPrefecture[$0]!.settlements, byPrefecture[$0]!.population) })
        }
    }
}

extension Network {
    /// For each place, the index of its prefecture's seat: the place itself if it is a
    /// prefecture seat, else the first prefecture up its chain of parents; nil for none.
    public func prefectureOfPlace() -> [Int?] {
        let index = Dictionary(places.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return places.indices.map { i in
            var current: Int? = i
            for _ in 0 ..< 8 {  // parent chains are short; a cycle must not hang
                guard let c = current else { return nil }
                if places[c].kind == .prefecture { return c }
                current = places[c].parent.flatMap { index[$0] }
            }
            return nil
        }
    }
}

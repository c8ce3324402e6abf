/// The plans define their circles by radius as well as by time (半小时生活圈 ≈ 40 km,
/// 1小时通勤圈 ≈ 100 km, 2小时通达圈 ≈ 500 km). A radius check lists, band by band, the
/// settlements where the two definitions disagree: inside the radius but outside the time
/// band (the network is slower than the plan's circle assumes), and inside the time band
/// but beyond the radius.
///
///     let check = RadiusCheck(reach, radii: [40, 100, 500], in: network)
///     check.mismatches.first   // e.g. 永吉: 38 km from 长春 but 91 min (not within 30)
///
/// Distance is the great circle to the nearest origin; only settlements
/// (``PlaceKind/isSettlement``) at home are checked: a town across the border is in no
/// plan's circle, whatever its distance.
public struct RadiusCheck: Sendable {
    /// One disagreement.
    public struct Mismatch: Sendable, Hashable {
        public enum Kind: String, Sendable {
            /// Within the radius, not within the band's threshold.
            case insideRadiusOutsideBand = "inside radius, outside band"
            /// Within the band's threshold, beyond the radius.
            case insideBandOutsideRadius = "inside band, outside radius"
        }
        /// Index into the thresholds (and the radii).
        public let band: Int
        /// Index into the network's places.
        public let place: Int
        /// Great-circle km to the nearest origin.
        public let km: Double
        /// Its value in the reach (nil: not reached within the largest threshold).
        public let value: Double?
        public let kind: Kind
    }

    /// The radii, km, one per threshold.
    public let radii: [Double]
    /// Band by band, in place order within each band.
    public let mismatches: [Mismatch]

    /// Checks `reach` against `radii` (one per threshold, in the same order).
    public init(_ reach: Reach, radii: [Double], in network: Network) {
        precondition(radii.count == reach.thresholds.count, "one radius per threshold")
        self.radii = radii
        let byPlace = Dictionary(uniqueKeysWithValues: reach.places.map { ($0.place, $0) })
        let origins = reach.origins.map { network.places[$0] }
        var found: [Mismatch] = []
        for band in radii.indices {
            for (i, place) in network.places.enumerated() where place.kind.isSettlement && place.kind != .foreign {
                let km = origins.map { NetworkValidator.greatCircleKm($0, place) }.min() ?? .infinity
                let reached = byPlace[i]
                let inBand = reached.map { $0.band <= band } ?? false
                let inRadius = km <= radii[band]
                guard inBand != inRadius else { continue }
                found.append(Mismatch(
                    band: band, place: i, km: km, value: reached?.value,
                    kind: inRadius ? .insideRadiusOutsideBand : .insideBandOutsideRadius))
            }
        }
        mismatches = found
    }
}

import Foundation

/// The checks on a loaded ``Network`` that need more than one row: geometry, speeds and
/// connectivity. (Row and reference checks happen while loading: ``NetworkFiles``.)
///
/// - A link shorter than the great-circle distance between its ends is an error (the
///   length or a coordinate is wrong); one more than 3× longer is a warning (a detour
///   that long is possible, rarely right).
/// - A link whose average speed is outside its mode's ``Mode/plausibleSpeed`` is a warning,
///   and so is an upgrade (`changes.csv`) that gives an existing link such a speed.
/// - A place that no link reaches is a warning: no link ends at it, and no two-way link
///   starts at it. The places of `links.csv` rows the loader left out for an error count
///   as reached, so that a bad row is reported once (`Network.placesOfLinksLeftOut`).
///
/// Connectors and border crossings carry a transfer time between places that may share a
/// location, so the speed check does not apply to them; their length, where given, is
/// checked against the straight line like any link's (a search by distance counts it).
/// A link's time back (`minutes_back`) is checked for speed as its time out is.
public enum NetworkValidator {
    /// The problems found, in file and line order.
    public static func check(_ network: Network) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let placeByID = Dictionary(network.places.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var reached = network.placesOfLinksLeftOut ?? []
        for link in network.links {
            reached.insert(link.to)
            if !link.oneWay { reached.insert(link.from) }
            guard let a = placeByID[link.from], let b = placeByID[link.to], let km = link.lengthKm
            else { continue }
            let straight = greatCircleKm(a, b)
            // Coordinates are rounded (≈ 10 m): allow 1% and 0.5 km before calling it short.
            if km < straight * 0.99 - 0.5 {
                problems.append(link.origin.diagnostic(
                    "length_km",
                    "length \(format(km)) km is shorter than the straight line between \(a.nameZh) and \(b.nameZh) (\(format(straight)) km)"))
            } else if straight > 1, km > 3 * straight {
                problems.append(link.origin.diagnostic(
                    "length_km",
                    "length \(format(km)) km is more than 3× the straight line between \(a.nameZh) and \(b.nameZh) (\(format(straight)) km)",
                    severity: .warning))
            }
            guard link.mode != .connector && link.mode != .border,
                  let range = link.mode.plausibleSpeed(overKm: km, crossesBorder: [a, b].contains { $0.kind.isAcrossBorder })
            else { continue }
            if let speed = averageSpeed(km, minutes: link.minutes, speedKmh: link.speedKmh), !range.contains(speed.kmh) {
                problems.append(link.origin.diagnostic(
                    speed.field, "average speed \(format(speed.kmh)) km/h is implausible for \(describe(link.mode, range))",
                    severity: .warning))
            }
            if let back = link.minutesBack, back > 0, !range.contains(km / back * 60) {
                problems.append(link.origin.diagnostic(
                    "minutes_back",
                    "average speed \(format(km / back * 60)) km/h on the way back is implausible for \(describe(link.mode, range))",
                    severity: .warning))
            }
        }
        let linkByID = Dictionary(network.links.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // An express run's sections, in order, lead from its start to its end (GeoJSON draws
        // it along them; otherwise straight). Unknown ids the loader has reported.
        for link in network.links where !link.runsOver.isEmpty {
            guard link.runsOver.allSatisfy({ linkByID[$0] != nil }), link.passes({ linkByID[$0] }) == nil else { continue }
            problems.append(link.origin.diagnostic(
                "runs_over",
                "runs_over does not lead from \(link.from) to \(link.to) in the order given (each link must start where the one before it ends)",
                severity: .warning))
        }
        for change in network.changes {
            // A change to a link that is unknown or planned has been reported by the loader.
            guard let link = linkByID[change.link], link.status == .existing, let km = link.lengthKm,
                  let range = link.mode.plausibleSpeed(overKm: km),
                  let speed = averageSpeed(km, minutes: change.minutes, speedKmh: change.speedKmh),
                  !range.contains(speed.kmh)
            else { continue }
            problems.append(change.origin.diagnostic(
                speed.field, "average speed \(format(speed.kmh)) km/h after the upgrade is implausible for \(describe(link.mode, range))",
                severity: .warning))
        }
        // Without the ends of every row (links.csv lacks `from` or `to`) nothing can be said.
        if network.placesOfLinksLeftOut != nil {
            for place in network.places where !reached.contains(place.id) {
                problems.append(place.origin.diagnostic(
                    "id", "no link reaches \(place.nameZh) (\(place.id))", severity: .warning))
            }
        }
        return problems.sorted { ($0.file, $0.line ?? 0, $0.column ?? 0) < ($1.file, $1.line ?? 0, $1.column ?? 0) }
    }

    /// The great-circle distance between two places, in km (haversine, mean Earth radius
    /// 6371.0088 km).
    public static func greatCircleKm(_ a: Place, _ b: Place) -> Double {
        let r = 6371.0088
        let (φ1, φ2) = (a.latitude * .pi / 180, b.latitude * .pi / 180)
        let dφ = φ2 - φ1, dλ = (b.longitude - a.longitude) * .pi / 180
        let h = sin(dφ / 2) * sin(dφ / 2) + cos(φ1) * cos(φ2) * sin(dλ / 2) * sin(dλ / 2)
        return 2 * r * asin(min(1, h.squareRoot()))
    }

    /// The average speed of `km` in the given minutes, or at the given speed, and the field
    /// that states it (`minutes` first); nil when neither is given.
    static func averageSpeed(_ km: Double, minutes: Double?, speedKmh: Double?) -> (field: String, kmh: Double)? {
        if let minutes, minutes > 0 { return ("minutes", km * 60 / minutes) }
        if let speedKmh { return ("speed_kmh", speedKmh) }
        return nil
    }

    /// `hsr (100–360 km/h)`.
    static func describe(_ mode: Mode, _ range: ClosedRange<Double>) -> String {
        "\(mode.rawValue) (\(format(range.lowerBound))–\(format(range.upperBound)) km/h)"
    }

    /// `x` to one decimal, without a trailing `.0`: `98.4`, `2220` (also when `x` is
    /// 2219.9999999999995, as a time computed from a speed can make it).
    static func format(_ x: Double) -> String {
        let text = String(format: "%.1f", x)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

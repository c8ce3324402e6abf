import Foundation

/// The checks on a loaded ``Network`` that need more than one row: geometry, speeds and
/// connectivity. (Row and reference checks happen while loading: ``NetworkFiles``.)
///
/// - A link shorter than the great-circle distance between its ends is an error (the
///   length or a coordinate is wrong); one more than 3× longer is a warning (a detour
///   that long is possible, rarely right).
/// - A link whose average speed is outside its mode's ``Mode/plausibleSpeed`` is a warning.
/// - A place that no link touches is a warning: nothing can reach it.
///
/// Connectors and border crossings carry a transfer time between places that may share a
/// location, so neither check of length or speed applies to them.
public enum NetworkValidator {
    /// The problems found, in file and line order.
    public static func check(_ network: Network) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let placeByID = Dictionary(network.places.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var touched = Set<String>()
        for link in network.links {
            touched.insert(link.from)
            touched.insert(link.to)
            guard link.mode != .connector && link.mode != .border,
                  let a = placeByID[link.from], let b = placeByID[link.to], let km = link.lengthKm
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
            if let minutes = link.travelMinutes, minutes > 0, let range = link.mode.plausibleSpeed {
                let speed = km / (minutes / 60)
                if !range.contains(speed) {
                    let field = link.minutes != nil ? "minutes" : "speed_kmh"
                    problems.append(link.origin.diagnostic(
                        field,
                        "average speed \(format(speed)) km/h is implausible for \(link.mode.rawValue) (\(format(range.lowerBound))–\(format(range.upperBound)) km/h)",
                        severity: .warning))
                }
            }
        }
        for place in network.places where !touched.contains(place.id) {
            problems.append(place.origin.diagnostic(
                "id", "no link reaches \(place.nameZh) (\(place.id))", severity: .warning))
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

    static func format(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x)
    }
}

import Foundation

/// Where the geo layout puts places: an equirectangular projection of their WGS-84
/// coordinates, in points (1/72 in), north up.
///
///     let projection = GeoProjection(fitting: jilin.places, extent: 1000)  // the bundled network
///     projection.point(changchun)   // (x: 215.56, y: 660.46)
///
/// **The projection.** With φ₀ the latitude halfway between the southernmost and the
/// northernmost place, and (λmin, φmin) the western and southern edges of the places'
/// box, a place at (λ, φ) is drawn at
///
///     x = (λ − λmin) · cos φ₀ · k,   y = (φ − φmin) · k
///
/// so the box's south-west corner is (0, 0) and one degree of latitude is k points. The
/// cos φ₀ keeps shapes true near φ₀ (at 44° N a degree of longitude is 0.72 of a degree
/// of latitude); elsewhere east–west distances are off by cos φ₀ / cos φ: within 7% over
/// the bundled network's land, 38.9–46.1° N (大连 to 乌兰浩特; ``DOTWriter`` puts ports
/// reached by sea alone on the edge, ``pointOnEdge(_:)``), less than the straight lines between
/// places (the network knows link ends, not alignments) already simplify. k is chosen so
/// that the longer side of the box is `extent` points.
///
/// Graphviz's y axis points up, as latitude does, so the coordinates are written as
/// they are (`pos="x,y!"`).
public struct GeoProjection: Sendable, Hashable {
    /// The box's western edge λmin and southern edge φmin, degrees.
    public let west: Double
    public let south: Double
    /// cos φ₀, φ₀ the latitude halfway between the box's south and north edges.
    public let cosCentre: Double
    /// Points per degree of latitude (k).
    public let scale: Double
    /// The drawing's width and height, points.
    public let width: Double
    public let height: Double

    /// The projection that fits `places` into `extent` points along the longer side of
    /// their box. A single place (or places at one point) is drawn at (0, 0).
    ///
    /// - Complexity: O(p) for p places.
    public init(fitting places: [Place], extent: Double) {
        precondition(extent > 0, "the extent must be positive")
        let lats = places.map(\.latitude), lons = places.map(\.longitude)
        south = lats.min() ?? 0
        west = lons.min() ?? 0
        let north = lats.max() ?? 0, east = lons.max() ?? 0
        cosCentre = cos((south + north) / 2 * .pi / 180)
        let spanX = (east - west) * cosCentre, spanY = north - south
        let longer = Swift.max(spanX, spanY)
        scale = longer > 0 ? extent / longer : 1
        width = spanX * scale
        height = spanY * scale
    }

    /// Where `place` is drawn, points.
    public func point(_ place: Place) -> (x: Double, y: Double) {
        ((place.longitude - west) * cosCentre * scale, (place.latitude - south) * scale)
    }

    /// Where `place` is drawn when it lies outside the drawing: on the drawing's edge,
    /// where the line from the drawing's centre toward it leaves the box (inside, where
    /// ``point(_:)`` puts it). A far-off port then marks its direction without shrinking
    /// the map to a corner.
    public func pointOnEdge(_ place: Place) -> (x: Double, y: Double) {
        let p = point(place), c = (x: width / 2, y: height / 2)
        let dx = p.x - c.x, dy = p.y - c.y
        var t = 1.0
        if abs(dx) > width / 2 { t = Swift.min(t, (width / 2) / abs(dx)) }
        if abs(dy) > height / 2 { t = Swift.min(t, (height / 2) / abs(dy)) }
        return (c.x + dx * t, c.y + dy * t)
    }
}

/// The axis of the schematic layout: which way the diagram reads, and how far along it
/// each place is.
///
///     let axis = SchematicAxis(tiny.places)  // .westToEast (长吉珲 too; 白松长通 .northToSouth)
///     axis.km(jilin)                         // 98.7 (km east of 长春站, the westernmost)
///
/// **Direction.** West to east when the places' box is at least as wide as it is tall
/// (east–west kilometres at its middle latitude against north–south kilometres), else
/// north to south: a corridor reads along its length, 长吉珲 from 长春 east to 珲春,
/// 白松长通 from 白城 south to 通化 and the Liaoning ports. The diagram is drawn left to
/// right (Graphviz `rankdir=LR`) or top to bottom (`TB`) accordingly, so west stays left
/// and north stays up.
///
/// **Distance along the axis.** A place's kilometres east of the westernmost place
/// (longitude difference × cos φ₀ × 111.195 km, φ₀ the box's middle latitude), or south
/// of the northernmost (latitude difference × 111.195 km), on the validator's sphere
/// (radius 6371.0088 km). ``DOTWriter`` ranks places by ``bin(of:)``: places within one
/// band of ``binKm`` along the axis share a rank, and empty bands are left out, so the
/// order along the corridor is kept but long empty stretches are not drawn to scale.
public struct SchematicAxis: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable {
        case westToEast, northToSouth
    }

    /// Kilometres per degree of latitude on the sphere of radius 6371.0088 km.
    public static let kmPerDegree = 6371.0088 * .pi / 180

    /// The width of a rank along the axis, km: a city, its stations and its airport
    /// (within 20–30 km of each other) mostly share one.
    public static let binKm = 25.0

    public let direction: Direction
    /// The western edge (west to east) or the northern edge (north to south), degrees.
    public let start: Double
    /// cos φ₀ (west to east only).
    public let cosCentre: Double

    /// The axis of `places` (at least one).
    public init(_ places: [Place]) {
        precondition(!places.isEmpty, "an axis needs places")
        let lats = places.map(\.latitude), lons = places.map(\.longitude)
        let south = lats.min()!, north = lats.max()!, west = lons.min()!, east = lons.max()!
        cosCentre = cos((south + north) / 2 * .pi / 180)
        if (east - west) * cosCentre >= north - south {
            direction = .westToEast
            start = west
        } else {
            direction = .northToSouth
            start = north
        }
    }

    /// How far along the axis `place` is, km.
    public func km(_ place: Place) -> Double {
        switch direction {
        case .westToEast: (place.longitude - start) * cosCentre * Self.kmPerDegree
        case .northToSouth: (start - place.latitude) * Self.kmPerDegree
        }
    }

    /// The band of ``binKm`` that `place` falls in along the axis: 0 for the first.
    public func bin(of place: Place) -> Int {
        Int((km(place) / Self.binKm).rounded(.down))
    }

    /// Graphviz's `rankdir` for the direction.
    public var rankDirection: String { direction == .westToEast ? "LR" : "TB" }
}

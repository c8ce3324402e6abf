import Foundation

/// GeoJSON (RFC 7946) of a ``Reach`` or a ``ReachComparison``, for QGIS, GDAL and web maps:
/// one `FeatureCollection` in WGS-84 with `[lon, lat]` positions.
///
///     let reach = net.reach(from: [changchun], within: [30, 60], scenario: base)
///     try GeoJSON.reach(reach, in: net, radii: [40, 100]).write(toFile: "reach.geojson", …)
///     // {"type":"FeatureCollection","features":[
///     // {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[125.3235,44.176828],…]]},
///     //   "properties":{"kind":"radius","origin":"changchun","radius_km":40}},
///     // {"type":"Feature","geometry":{"type":"Point","coordinates":[125.3235,43.8171]},
///     //   "properties":{"id":"changchun","name_zh":"长春",…,"value":0,"unit":"min","band":30,…}},
///     // {"type":"Feature","geometry":{"type":"LineString","coordinates":[[125.3235,43.8171],
///     //   [126.427914,43.835749]]},"properties":{"id":"cc-jl-g12",…,"reached":"part","fraction":0.901}},
///     // …]}
///
/// **Features**, in this order (a renderer that draws in file order puts the circles
/// at the bottom):
/// 1. with `radii`, a circle per origin (in ``Reach/origins`` order) per radius (in the
///    order given): a `Polygon` whose exterior ring is the geodesic circle of that many
///    kilometres around the origin, 72 vertices 5° of bearing apart plus the closing
///    repeat of the first, counter-clockwise (RFC 7946 §3.1.6). Vertices come from the
///    spherical destination-point formula on a sphere of radius ``earthRadiusKm`` (the
///    IUGG mean radius, the same sphere as the validator's great circles). Properties:
///    `kind` `"radius"`, `origin` (place id), `radius_km`.
/// 2. the places, a `Point` each, in ``Reach/places`` order (nearest first). Properties:
///    `id`, `name_zh`, `name_en`, `kind`, `value` (in the metric's unit), `unit`
///    (`"min"`, `"km"`, `"yuan/t"`), `band` (the threshold, e.g. `60`, not its index),
///    `origin` (the nearest origin's place id), `modes` (`"road+hsr"`, `""` for an
///    origin or a route over connectors only), `transfers`, `population` (or `null`).
/// 3. the links reached, in link order (but for those with no extent to draw: a connector
///    between places at one coordinate, or a piece too short to show at 6 decimals, which
///    GIS validity checks reject as a line of equal points): a `LineString` for a whole link or one piece of
///    it, a `MultiLineString` for two pieces (a link entered from both ends whose budget
///    runs out in between). Properties: `id`, `mode`, `from`, `to` (place ids), `status`
///    (`"existing"`, `"planned"`), `reached` (`"whole"` or `"part"`), `fraction` (the
///    sum of the pieces' lengths, 0–1).
///
/// **Comparisons** (``comparison(_:in:radii:)``) draw the circles around the `after`
/// origins and every link reached in either scenario, in link order, drawn as reached
/// after (before, for a link reached before only), with `fraction_before`,
/// `fraction_after` (0 where not reached) and `change`: `"gained"`, `"lost"`, `"more"`,
/// `"less"` or `"same"` (the share reached). Their places are every place reached in either
/// scenario, in ``ReachComparison/places`` order (place order), with `value` and `band`
/// replaced by `value_before`, `value_after`, `delta` (after − before; negative is
/// better), `band_before`, `band_after` (`null` where not reached) and `change`:
/// `"gained"` (reached only after), `"lost"` (only before), `"faster"` or `"slower"`
/// (a smaller or larger value after, whatever the metric: "faster" is also shorter or
/// cheaper) or `"same"`. `origin`, `modes` and `transfers` describe the route after
/// (`null` for a place lost).
///
/// **Link geometry is schematic.** The network knows a link's ends, not its alignment, so a
/// link is drawn as the straight segment in lon/lat between its end places, and a piece
/// from fraction a to b of the link (travel assumed uniform along it, ``ReachedLink``) is
/// the part of that segment between the points interpolated linearly in lon/lat at a and
/// b. An express run (``Link/runsOver``: 长春–延吉西 non-stop) is drawn through the places
/// of the links it runs over instead, each section's share of the line its share of their
/// summed length, so the express and the stopping trains draw one track (``line(of:in:)``). At this network's scale (segments of at most a few hundred km, near 44° N) the
/// straight lon/lat segment and the great circle differ by much less than the
/// schematic drawing itself.
///
/// **Deterministic text.** Keys in the order above; no whitespace inside a feature, one
/// feature per line, a final newline. Coordinates are rounded to 6 decimals (≈0.1 m),
/// values, bands, deltas, fractions and radii to 3, and trailing zeros are trimmed (`30`,
/// `66.6`, `-8`; never `-0` or an exponent). Strings are escaped per RFC 8259 (`"`, `\`,
/// control characters as `\n`, `\t`, … or `\u001f`); other characters, non-ASCII
/// included, are written as they are, in UTF-8. There is no `crs` member (RFC 7946 §4)
/// and no `name` (GDAL would take it for the layer name); no feature `id` member (the
/// place or link id is the `id` property) and no `bbox`.
///
/// **Antimeridian and poles.** RFC 7946 §3.1.9 asks that geometries crossing the
/// antimeridian be cut there. Nothing here does: the region (Jilin and its neighbours,
/// about 120–135° E, 38–48° N) is far from 180° and from both poles. A circle that would
/// cross the antimeridian or enclose a pole cannot be drawn uncut: callers check
/// ``circleFits(around:radiusKm:)`` first (the CLI refuses such radii, naming the largest
/// that fits), and drawing one anyway is a precondition failure.
public enum GeoJSON {
    /// The radius of the sphere circles are drawn on, in km (IUGG mean Earth radius R₁).
    public static let earthRadiusKm = 6371.0088

    /// The vertices of a radius circle (the closing repeat not counted).
    public static let circleVertexCount = 72

    /// The GeoJSON of `reach`, with `radii` (km) circles around its origins.
    ///
    ///     GeoJSON.reach(reach, in: net)                 // places and links
    ///     GeoJSON.reach(reach, in: net, radii: [100])   // and a 100 km circle per origin
    ///
    /// - Parameters:
    ///   - reach: a reach computed over `net`.
    ///   - net: the graph whose places and links `reach` indexes.
    ///   - radii: circle radii in km, each positive; nil or empty for none.
    /// - Returns: the FeatureCollection's text, ending in a newline.
    /// - Complexity: O(o·r + p + l) for o origins, r radii, p places and l links
    ///   reached (72 vertices per circle).
    public static func reach(_ reach: Reach, in net: NetworkGraph, radii: [Double]? = nil) -> String {
        var features = circles(around: reach.origins, radii: radii ?? [], in: net)
        let unit = reach.metric.unit
        for p in reach.places {
            var properties = placeNames(p.place, in: net)
            properties.append(("value", number(p.value, decimals: valueDecimals)))
            properties.append(("unit", string(unit)))
            properties.append(("band", number(reach.thresholds[p.band], decimals: valueDecimals)))
            properties += route(p, in: net)
            properties.append(("population", integer(net.network.places[p.place].population)))
            features.append(feature(point(net.network.places[p.place]), properties))
        }
        features += links(reach.links, in: net)
        return collection(features)
    }

    /// The GeoJSON of comparison `c`: circles around the `after` origins, every place
    /// and every link reached before or after with both values and the change (see the
    /// type's comment).
    ///
    ///     GeoJSON.comparison(ReachComparison(before: base, after: all), in: net)
    ///     // … "value_before":58,"value_after":50,"delta":-8,"band_before":60,
    ///     //   "band_after":60,"change":"faster" …
    ///
    /// - Parameters:
    ///   - c: a comparison of two reaches over `net`.
    ///   - net: the graph whose places and links `c` indexes.
    ///   - radii: circle radii in km, each positive; nil or empty for none.
    /// - Returns: the FeatureCollection's text, ending in a newline.
    /// - Complexity: O(o·r + p + l) for o origins, r radii, p places reached in either
    ///   scenario and l links reached in either.
    public static func comparison(_ c: ReachComparison, in net: NetworkGraph, radii: [Double]? = nil) -> String {
        var features = circles(around: c.after.origins, radii: radii ?? [], in: net)
        let thresholds = c.after.thresholds
        for p in c.places {
            var properties = placeNames(p.place, in: net)
            properties.append(("unit", string(c.after.metric.unit)))
            properties.append(("value_before", p.before.map { number($0.value, decimals: valueDecimals) } ?? "null"))
            properties.append(("value_after", p.after.map { number($0.value, decimals: valueDecimals) } ?? "null"))
            properties.append(("delta", p.delta.map { number($0, decimals: valueDecimals) } ?? "null"))
            properties.append(("band_before", p.before.map { number(thresholds[$0.band], decimals: valueDecimals) } ?? "null"))
            properties.append(("band_after", p.after.map { number(thresholds[$0.band], decimals: valueDecimals) } ?? "null"))
            properties.append(("change", string(change(p))))
            if let after = p.after {
                properties += route(after, in: net)
            } else {
                properties += [("origin", "null"), ("modes", "null"), ("transfers", "null")]
            }
            properties.append(("population", integer(net.network.places[p.place].population)))
            features.append(feature(point(net.network.places[p.place]), properties))
        }
        features += comparedLinks(before: c.before.links, after: c.after.links, in: net)
        return collection(features)
    }

    /// `"gained"`, `"lost"`, `"faster"`, `"slower"` or `"same"`.
    static func change(_ p: PlaceChange) -> String {
        switch (p.before, p.after) {
        case let (before?, after?):
            after.value < before.value ? "faster" : after.value > before.value ? "slower" : "same"
        case (nil, _?): "gained"
        case (_?, nil): "lost"
        case (nil, nil): preconditionFailure("a compared place is reached in one scenario at least")
        }
    }

    // MARK: Features

    /// A position: `[lon, lat]`.
    public typealias Position = (lon: Double, lat: Double)

    static let coordinateDecimals = 6
    static let valueDecimals = 3

    /// `{"type":"FeatureCollection","features":[` one feature per line `]}`.
    static func collection(_ features: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n")
            + (features.isEmpty ? "" : "\n") + "]}\n"
    }

    /// One feature: geometry, then properties in the order given.
    static func feature(_ geometry: String, _ properties: [(String, String)]) -> String {
        let members = properties.map { string($0.0) + ":" + $0.1 }.joined(separator: ",")
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{" + members + "}}"
    }

    /// The properties that name place `index`: id, names, kind.
    static func placeNames(_ index: Int, in net: NetworkGraph) -> [(String, String)] {
        let place = net.network.places[index]
        return [("id", string(place.id)), ("name_zh", string(place.nameZh)), ("name_en", string(place.nameEn)),
                ("kind", string(place.kind.rawValue))]
    }

    /// The properties of a place's route: nearest origin, modes, transfers.
    static func route(_ p: ReachedPlace, in net: NetworkGraph) -> [(String, String)] {
        [("origin", string(net.network.places[p.origin].id)),
         ("modes", string(p.modes.map(\.rawValue).joined(separator: "+"))),
         ("transfers", integer(p.transfers))]
    }

    /// The radius circles: per origin, per radius.
    static func circles(around origins: [Int], radii: [Double], in net: NetworkGraph) -> [String] {
        var features: [String] = []
        for origin in origins {
            let place = net.network.places[origin]
            for r in radii {
                let ring = circle(around: (place.longitude, place.latitude), radiusKm: r)
                let text = "[" + (ring + [ring[0]]).map(position).joined(separator: ",") + "]"
                features.append(feature(
                    "{\"type\":\"Polygon\",\"coordinates\":[" + text + "]}",
                    [("kind", string("radius")), ("origin", string(place.id)),
                     ("radius_km", number(r, decimals: valueDecimals))]))
            }
        }
        return features
    }

    /// The link features, in the order of `links` (link order in a ``Reach``).
    static func links(_ links: [ReachedLink], in net: NetworkGraph) -> [String] {
        links.compactMap { reached in geometry(reached, in: net).map { feature($0, linkProperties(reached, in: net)) } }
    }

    /// The link features of a comparison: every link reached before or after, in link
    /// order, drawn as reached after (or before, for one reached before only), with both
    /// fractions and the change: `gained`, `lost`, `more` (a larger share reached),
    /// `less` or `same`.
    static func comparedLinks(before: [ReachedLink], after: [ReachedLink], in net: NetworkGraph) -> [String] {
        let beforeByLink = Dictionary(before.map { ($0.link, $0) }, uniquingKeysWith: { a, _ in a })
        let afterByLink = Dictionary(after.map { ($0.link, $0) }, uniquingKeysWith: { a, _ in a })
        return Set(beforeByLink.keys).union(afterByLink.keys).sorted().map { index in
            let was = beforeByLink[index], now = afterByLink[index]
            let drawn = now ?? was!
            let (f0, f1) = (was?.fraction ?? 0, now?.fraction ?? 0)
            let change = was == nil ? "gained" : now == nil ? "lost"
                : f1 > f0 + 1e-9 ? "more" : f1 < f0 - 1e-9 ? "less" : "same"
            var properties = linkProperties(drawn, in: net)
            properties += [("fraction_before", number(f0, decimals: valueDecimals)),
                           ("fraction_after", number(f1, decimals: valueDecimals)),
                           ("change", string(change))]
            return geometry(drawn, in: net).map { feature($0, properties) }
        }.compactMap { $0 }
    }

    /// A reached link's properties: id, mode, ends, status, how much of it is reached.
    static func linkProperties(_ reached: ReachedLink, in net: NetworkGraph) -> [(String, String)] {
        let link = net.network.links[reached.link]
        return [
            ("id", string(link.id)), ("mode", string(link.mode.rawValue)),
            ("from", string(link.from)), ("to", string(link.to)),
            ("status", string(link.status.rawValue)),
            ("reached", string(reached.isWhole ? "whole" : "part")),
            ("fraction", number(reached.fraction, decimals: valueDecimals)),
        ]
    }

    /// A reached link's geometry: its reached pieces along its line (a LineString, or a
    /// MultiLineString when reached from both ends); nil when it has no extent at 6
    /// decimals (a connector between places at one coordinate: a line of two equal
    /// points, which GIS validity checks reject), so it is left out.
    static func geometry(_ reached: ReachedLink, in net: NetworkGraph) -> String? {
        let line = self.line(of: reached.link, in: net)
        let pieces = reached.pieces.compactMap { piece -> String? in
            let points = slice(line, piece.lowerBound, piece.upperBound).map(position)
            guard Set(points).count > 1 else { return nil }
            return "[" + points.joined(separator: ",") + "]"
        }
        guard !pieces.isEmpty else { return nil }
        return pieces.count == 1
            ? "{\"type\":\"LineString\",\"coordinates\":" + pieces[0] + "}"
            : "{\"type\":\"MultiLineString\",\"coordinates\":[" + pieces.joined(separator: ",") + "]}"
    }

    /// The line a link is drawn along, from its `from` end to its `to` end, each vertex
    /// with the share of the link's length before it (0 … 1): straight between its ends,
    /// or, for an express run (``Link/runsOver``), through the places of the links it
    /// runs over, in proportion to their lengths — so the express and the stopping
    /// service draw one track.
    static func line(of index: Int, in net: NetworkGraph) -> [(position: Position, at: Double)] {
        let links = net.network.links, places = net.network.places
        let link = links[index]
        // A reached link is in the graph, so both its ends are known places.
        let position = { (id: String) -> Position in
            let p = places[net.placeOfNode[Int(net.node(id)!)]]
            return (p.longitude, p.latitude)
        }
        let straight = [(position(link.from), 0.0), (position(link.to), 1.0)]
        guard !link.runsOver.isEmpty else { return straight }
        // The sections in order from the `from` end; a chain that does not lead there (the
        // validator warns), or a section without a length or a known place, leaves the
        // straight line.
        guard let passed = link.passes({ net.linkIndex[$0].map { links[$0] } }),
              passed.allSatisfy({ ($0.section.lengthKm ?? 0) > 0 && net.node($0.place) != nil })
        else { return straight }
        var total = 0.0, vertices: [(String, Double)] = [(link.from, 0)]
        for (place, section) in passed {
            total += section.lengthKm!
            vertices.append((place, total))
        }
        return vertices.map { (position($0.0), $0.1 / total) }
    }

    /// The part of `line` between shares `low` and `high` of its length: its cut points
    /// and the vertices between them.
    static func slice(_ line: [(position: Position, at: Double)], _ low: Double, _ high: Double) -> [Position] {
        func point(_ f: Double) -> Position {
            for (a, b) in zip(line, line.dropFirst()) where f <= b.at || b.at >= 1 {
                let t = b.at > a.at ? Swift.min(1, Swift.max(0, (f - a.at) / (b.at - a.at))) : 0
                return (a.position.lon + (b.position.lon - a.position.lon) * t,
                        a.position.lat + (b.position.lat - a.position.lat) * t)
            }
            return line[line.count - 1].position
        }
        return [point(low)] + line.filter { $0.at > low && $0.at < high }.map(\.position) + [point(high)]
    }

    // MARK: Geometry

    /// `{"type":"Point","coordinates":[lon,lat]}`.
    static func point(_ place: Place) -> String {
        "{\"type\":\"Point\",\"coordinates\":" + position((place.longitude, place.latitude)) + "}"
    }

    /// The 72 vertices of the geodesic circle of `radiusKm` around `centre`, counter-
    /// clockwise from due north (bearings 0°, −5°, −10°, …), by the spherical
    /// destination-point formula:
    /// φ₂ = asin(sin φ₁ cos δ + cos φ₁ sin δ cos θ),
    /// λ₂ = λ₁ + atan2(sin θ sin δ cos φ₁, cos δ − sin φ₁ sin φ₂), δ = radius ÷ R.
    static func circle(around centre: Position, radiusKm: Double) -> [Position] {
        precondition(circleFits(around: centre, radiusKm: radiusKm),
                     "a \(radiusKm) km circle around \(centre) would cross the antimeridian or enclose a pole")
        return circleVertices(around: centre, radiusKm: radiusKm)
    }

    /// Whether the circle of `radiusKm` around `centre` can be drawn uncut: a positive,
    /// finite radius whose circle neither encloses a pole nor crosses the antimeridian.
    public static func circleFits(around centre: Position, radiusKm: Double) -> Bool {
        guard radiusKm > 0 && radiusKm.isFinite else { return false }
        let δ = radiusKm / earthRadiusKm, φ1 = centre.lat * .pi / 180
        guard δ < .pi / 2 - abs(φ1) else { return false }
        return circleVertices(around: centre, radiusKm: radiusKm).allSatisfy { (-180 ... 180).contains($0.lon) }
    }

    /// The largest whole number of km whose circle around `centre` fits
    /// (``circleFits(around:radiusKm:)``), 0 if none does.
    ///
    /// - Complexity: about 25 circle tests (bisection over 0 … 20,016 km, half the
    ///   Earth's circumference).
    public static func largestFittingRadiusKm(around centre: Position) -> Int {
        var low = 0, high = 20_016  // low fits (or is 0), high does not
        while high - low > 1 {
            let middle = (low + high) / 2
            if circleFits(around: centre, radiusKm: Double(middle)) { low = middle } else { high = middle }
        }
        return low
    }

    static func circleVertices(around centre: Position, radiusKm: Double) -> [Position] {
        let degree = Double.pi / 180
        let δ = radiusKm / earthRadiusKm
        let φ1 = centre.lat * degree, λ1 = centre.lon * degree
        return (0 ..< circleVertexCount).map { i in
            let θ = -Double(i) * (360 / Double(circleVertexCount)) * degree
            let φ2 = asin(sin(φ1) * cos(δ) + cos(φ1) * sin(δ) * cos(θ))
            let λ2 = λ1 + atan2(sin(θ) * sin(δ) * cos(φ1), cos(δ) - sin(φ1) * sin(φ2))
            return (lon: λ2 / degree, lat: φ2 / degree)
        }
    }

    // MARK: JSON text

    /// `[lon,lat]`, 6 decimals.
    static func position(_ p: Position) -> String {
        "[" + number(p.lon, decimals: coordinateDecimals) + "," + number(p.lat, decimals: coordinateDecimals) + "]"
    }

    /// `x` with at most `decimals` places (``JSONText/number(_:decimals:)``).
    static func number(_ x: Double, decimals: Int) -> String { JSONText.number(x, decimals: decimals) }

    /// `s` as a JSON string (``JSONText/string(_:)``).
    static func string(_ s: String) -> String { JSONText.string(s) }

    /// A whole number, or `null`.
    static func integer(_ n: Int?) -> String { n.map(String.init) ?? "null" }

}

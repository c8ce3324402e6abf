import Foundation
import CorridorCore
@testable import CorridorKit
import Testing
import TestSupport

/// GeoJSON export of reach results: golden text worked out by hand on the tiny network,
/// hostile names, the radius circles' geometry, and GDAL reading the bundled network's
/// export.
///
/// The tiny network (Fixtures/networks/tiny; times in NetworkGraphTests):
///
///     changchun ──G12 expressway 66.6 min (3996 s)──────────────── jilin
///        │ 20 min connector                      15 min connector │
///     changchun-st ── intercity HSR 38 min (30 after hsr-speedup) ── jilin-st
///     changchun ── planned road (new-road) 90 min (5400 s) ──────── jilin
@Suite struct GeoJSONTests {
    static func tiny() throws -> NetworkGraph {
        let (network, problems) = NetworkFiles.load(folder: FixturePath.of("networks/tiny"))
        #expect(problems.isEmpty, "\(problems)")
        return NetworkGraph(try #require(network))
    }

    static func index(_ net: NetworkGraph, _ id: String) -> Int {
        net.network.places.firstIndex { $0.id == id }!
    }

    /// `text` is the golden file `Fixtures/geojson/<name>` byte for byte; on a difference,
    /// the first differing line of each.
    static func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let golden = try String(contentsOfFile: FixturePath.of("geojson/" + name), encoding: .utf8)
        guard text != golden else { return }
        let got = text.split(separator: "\n", omittingEmptySubsequences: false)
        let want = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0 ..< Swift.min(got.count, want.count)).first { got[$0] != want[$0] }
            ?? Swift.min(got.count, want.count)
        Issue.record("""
            \(name) differs at line \(line + 1):
              want \(line < want.count ? String(want[line]) : "<end>")
              got  \(line < got.count ? String(got[line]) : "<end>")
            """, sourceLocation: sourceLocation)
    }

    /// Parsed back by Foundation: the features' geometries and properties.
    static func features(_ text: String) throws -> [[String: Any]] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        // A spec-conform collection: only these two members (no crs, RFC 7946 §4).
        #expect(Set(root.keys) == ["type", "features"])
        #expect(root["type"] as? String == "FeatureCollection")
        let features = try #require(root["features"] as? [[String: Any]])
        for f in features {
            #expect(Set(f.keys) == ["type", "geometry", "properties"] && f["type"] as? String == "Feature")
        }
        return features
    }

    // MARK: Express runs and circles that cannot be drawn

    /// An express run is drawn along the track it runs over. In the bundled network
    /// hsr-changchun-yanjixi (384 km, 125 min, non-stop) runs over seven sections of 33,
    /// 10, 68, 64, 92, 65 and 52 km (links.csv). From 长春 within 120 min it is boarded at
    /// 长春站 after the 25-min connector: 95 of 125 min, 0.76 of it, 291.84 km, which falls
    /// 24.84 km into 敦化站–安图西站 (267 … 332 km): 24.84/65 = 0.382154 of the way between
    /// their coordinates in places.csv.
    @Test func expressRunsFollowTheirSections() throws {
        let (loaded, problems) = NetworkFiles.load(folder: FixturePath.repositoryRoot + "/Networks/jilin")
        let net = NetworkGraph(try #require(loaded, "\(problems)"))
        let reach = net.reach(from: [Self.index(net, "changchun")], within: [30, 60, 120], scenario: net.scenario(projects: []))
        let features = try Self.features(GeoJSON.reach(reach, in: net))
        let express = try #require(features.first { ($0["properties"] as! [String: Any])["id"] as? String == "hsr-changchun-yanjixi" })
        #expect((express["properties"] as! [String: Any])["fraction"] as? Double == 0.76)
        let coordinates = try #require((express["geometry"] as! [String: Any])["coordinates"] as? [[Double]])
        let stations: [[Double]] = [
            [125.317664, 43.909413], [125.693847, 43.990654], [125.80544, 44.020187], [126.571489, 43.856443],
            [127.295218, 43.727103], [128.240122, 43.377467],
        ]  // 长春站, 龙嘉站, 九台南站, 吉林站, 蛟河西站, 敦化站 (places.csv)
        #expect(Array(coordinates.dropLast()) == stations)
        let t = 24.84 / 65, antu = [128.888029, 43.110895]
        let cut = try #require(coordinates.last)
        #expect(abs(cut[0] - (128.240122 + t * (antu[0] - 128.240122))) < 2e-6)
        #expect(abs(cut[1] - (43.377467 + t * (antu[1] - 43.377467))) < 2e-6)
    }

    /// Circles the writer cannot draw uncut: a 1200 km circle at 80° N holds the pole
    /// (1200 / 6371.0088 rad = 10.79° > 10°), 1000 km (8.99°) does not; a 200 km circle
    /// (1.80° of arc) at 179° E on the equator crosses 180°, at 170° E it does not.
    @Test func circlesThatCannotBeDrawn() {
        #expect(!GeoJSON.circleFits(around: (lon: 0, lat: 80), radiusKm: 1200))
        #expect(GeoJSON.circleFits(around: (lon: 0, lat: 80), radiusKm: 1000))
        #expect(!GeoJSON.circleFits(around: (lon: 179, lat: 0), radiusKm: 200))
        #expect(GeoJSON.circleFits(around: (lon: 170, lat: 0), radiusKm: 200))
        #expect(!GeoJSON.circleFits(around: (lon: 0, lat: 0), radiusKm: 0))
        #expect(!GeoJSON.circleFits(around: (lon: 0, lat: 0), radiusKm: .infinity))
        // At 179° E on the equator the antimeridian is 1° = 111.195 km away.
        #expect(GeoJSON.largestFittingRadiusKm(around: (lon: 179, lat: 0)) == 111)
    }

    // MARK: Golden files

    /// From changchun within 30 and 60 min, base scenario (limit 3600 s). By hand:
    /// changchun 0 (band 30), changchun-st 20 (band 30), jilin-st 20 + 38 = 58 (band 60,
    /// by HSR); jilin is 66.6 min away by G12 and 58 + 15 = 73 by HSR: not reached.
    /// Links: G12 from changchun for 3600 of its 3996 s = 100/111 = 0.9009 of the way,
    /// cut at lon 125.3235 + 1.2259 × 100/111 = 126.427914, lat 43.8171 + 0.0207 ×
    /// 100/111 = 43.835749; jl-st entered at jilin-st (3480 s) with 120 of its 900 s
    /// left, so the last 2/15 from jilin: 0.866667 … 1, starting at lon 126.5494 +
    /// 0.0069 × 13/15 = 126.55538, lat 43.8378 + 0.0171 × 13/15 = 43.85262; the
    /// connector cc-st and the HSR whole.
    @Test func goldenReach() throws {
        let net = try Self.tiny()
        let reach = net.reach(
            from: [Self.index(net, "changchun")], within: [30, 60], scenario: net.scenario(projects: []))
        try Self.expectGolden(GeoJSON.reach(reach, in: net), "tiny-reach-changchun.geojson")
    }

    /// Base against every project (new road, HSR 30 min) within 30, 60 and 66 min
    /// (limit 3960 s). By hand, after: changchun-st 20, jilin-st 20 + 30 = 50, jilin
    /// 50 + 15 = 65 (within 66, inclusive: gained; before it was 66.6). Links after:
    /// G12 from changchun 3960/3996 and from jilin (3900 s) 60/3996 overlap: whole;
    /// jl-st from jilin-st (3000 s) whole; the new road from changchun 3960/5400 = 11/15
    /// (to lon 125.3235 + 1.2259 × 11/15 = 126.222493, lat 43.8171 + 0.0207 × 11/15 =
    /// 43.83228) and from jilin 60/5400 = 1/90 (from 89/90: lon 126.535779, lat 43.83757):
    /// two pieces, a MultiLineString, fraction 11/15 + 1/90 = 0.744. Before: G12 from
    /// changchun only (jilin is 66.6 min away), 3960/3996 = 0.991 (more after); jl-st from
    /// jilin-st at 58 min, 480/900 = 0.533 (more); the connector cc-st and the HSR whole
    /// both times (same); the new road not in the base (gained).
    @Test func goldenComparison() throws {
        let net = try Self.tiny()
        let cc = Self.index(net, "changchun")
        let before = net.reach(from: [cc], within: [30, 60, 66], scenario: net.scenario(projects: []))
        let after = net.reach(from: [cc], within: [30, 60, 66], scenario: net.scenario(projects: net.projectIDs))
        let text = GeoJSON.comparison(ReachComparison(before: before, after: after), in: net)
        try Self.expectGolden(text, "tiny-comparison-changchun.geojson")
    }

    /// The same comparison the other way round (every project first, then the base):
    /// jilin is lost, jilin-st 8 minutes slower; a lost place has no route. Links: those
    /// of either side, in link order, drawn as reached after (the base): G12 only from
    /// changchun, 0.991 (less than whole); the connectors cc-st (same) and jl-st (0.533 of
    /// it, less); the HSR (same); the planned road, lost, drawn as reached with it.
    @Test func reversedComparisonLosesAndSlows() throws {
        let net = try Self.tiny()
        let cc = Self.index(net, "changchun")
        let base = net.reach(from: [cc], within: [30, 60, 66], scenario: net.scenario(projects: []))
        let all = net.reach(from: [cc], within: [30, 60, 66], scenario: net.scenario(projects: net.projectIDs))
        let features = try Self.features(GeoJSON.comparison(ReachComparison(before: all, after: base), in: net))
        let properties = features.map { $0["properties"] as! [String: Any] }
        let byID = Dictionary(uniqueKeysWithValues: properties.map { ($0["id"] as! String, $0) })
        #expect(properties.compactMap { $0["change"] as? String }
                == ["same", "lost", "same", "slower", "less", "same", "less", "same", "lost"])
        #expect(byID["jilin"]?["value_before"] as? Double == 65 && byID["jilin"]?["value_after"] is NSNull)
        #expect(byID["jilin"]?["origin"] is NSNull && byID["jilin"]?["delta"] is NSNull)
        #expect(byID["jilin-st"]?["delta"] as? Double == 8 && byID["jilin-st"]?["band_after"] as? Double == 60)
        #expect(byID["cc-jl-g12"]?["reached"] as? String == "part" && byID["cc-jl-g12"]?["fraction_before"] as? Double == 1)
        #expect(byID["cc-jl-new"]?["fraction_after"] as? Double == 0 && byID["cc-jl-new"]?["fraction"] as? Double == 0.744)
    }

    /// The golden files are what Foundation parses, feature by feature.
    @Test func goldenReachParses() throws {
        let text = try String(contentsOfFile: FixturePath.of("geojson/tiny-reach-changchun.geojson"), encoding: .utf8)
        let features = try Self.features(text)
        #expect(features.map { ($0["geometry"] as! [String: Any])["type"] as! String }
                == ["Point", "Point", "Point", "LineString", "LineString", "LineString", "LineString"])
        let origin = features[0]["properties"] as! [String: Any]
        #expect(origin["value"] as? Int == 0 && origin["band"] as? Int == 30 && origin["name_zh"] as? String == "长春")
    }

    // MARK: Text

    @Test func numbersAreRoundedAndTrimmed() {
        #expect(GeoJSON.number(126.42791441, decimals: 6) == "126.427914")
        #expect(GeoJSON.number(125.3235, decimals: 6) == "125.3235")
        #expect(GeoJSON.number(66.6, decimals: 3) == "66.6")
        #expect(GeoJSON.number(30, decimals: 3) == "30")
        #expect(GeoJSON.number(-8, decimals: 3) == "-8")
        #expect(GeoJSON.number(-0.0, decimals: 3) == "0")
        #expect(GeoJSON.number(-0.0004, decimals: 3) == "0")
        #expect(GeoJSON.number(-0.0006, decimals: 3) == "-0.001")
        #expect(GeoJSON.number(0.0625, decimals: 3) == "0.063")  // exact in binary: half away from 0
        #expect(GeoJSON.number(0.9996, decimals: 3) == "1")
        #expect(GeoJSON.number(1e-7, decimals: 6) == "0")
        #expect(GeoJSON.number(42_949_672.95, decimals: 3) == "42949672.95")
    }

    @Test func stringsAreEscapedPerRFC8259() {
        #expect(GeoJSON.string("a\"b\\c/d") == #""a\"b\\c/d""#)
        #expect(GeoJSON.string("\n\r\t\u{08}\u{0C}\u{00}\u{1F}") == #""\n\r\t\b\f\u0000\u001f""#)
        #expect(GeoJSON.string("长春站 🚄 \u{7F}\u{2028}") == "\"长春站 🚄 \u{7F}\u{2028}\"")
    }

    /// Names with quotes, backslashes, line breaks, control characters, CJK and emoji:
    /// the text is valid JSON and reads back as the names.
    @Test func hostileNamesRoundTrip() throws {
        let (loaded, _) = NetworkFiles.load(folder: FixturePath.of("networks/tiny"))
        var network = try #require(loaded)
        let zh = "长春\"引号\"\\反斜杠\n换行\t制表\u{01}\u{1F}🚄「」"
        let en = "Chang\"chun\" C:\\dir\\ \r\nnext line \u{7F}\u{2028} end\\"
        let i = network.places.firstIndex { $0.id == "changchun" }!
        network.places[i].nameZh = zh
        network.places[i].nameEn = en
        let net = NetworkGraph(network)
        let reach = net.reach(from: [i], within: [30, 60], scenario: net.scenario(projects: []))
        let text = GeoJSON.reach(reach, in: net, radii: [10])
        // Non-ASCII stays UTF-8; control characters become escapes; no raw line breaks
        // inside a feature.
        #expect(text.contains("长春\\\"引号\\\"\\\\反斜杠\\n换行\\t制表\\u0001\\u001f🚄「」"))
        #expect(text.split(separator: "\n").count == 2 + 1 + reach.places.count + reach.links.count)
        let features = try Self.features(text)
        let place = try #require(features.first { ($0["properties"] as? [String: Any])?["id"] as? String == "changchun" })
        let properties = try #require(place["properties"] as? [String: Any])
        #expect(properties["name_zh"] as? String == zh)
        #expect(properties["name_en"] as? String == en)
        #expect(properties["population"] as? Int == 9_066_906)
        #expect(properties["value"] as? Double == 0)
    }

    // MARK: Radius circles

    /// Great-circle distance in km on the same sphere (haversine).
    static func distanceKm(_ a: (lon: Double, lat: Double), _ b: (lon: Double, lat: Double)) -> Double {
        let r = Double.pi / 180
        let dφ = (b.lat - a.lat) * r, dλ = (b.lon - a.lon) * r
        let h = sin(dφ / 2) * sin(dφ / 2) + cos(a.lat * r) * cos(b.lat * r) * sin(dλ / 2) * sin(dλ / 2)
        return 2 * 6371.0088 * asin(min(1, h.squareRoot()))
    }

    @Test func radiusCirclesAreClosedCounterClockwiseRingsAtTheRadius() throws {
        let net = try Self.tiny()
        let cc = Self.index(net, "changchun")
        let centre = (lon: 125.3235, lat: 43.8171)  // places.csv
        let radii = [40.0, 100, 500]
        let reach = net.reach(from: [cc], within: [30, 60], scenario: net.scenario(projects: []))
        let features = try Self.features(GeoJSON.reach(reach, in: net, radii: radii))
        #expect(features.count == radii.count + reach.places.count + reach.links.count)
        for (feature, radius) in zip(features, radii) {
            let properties = try #require(feature["properties"] as? [String: Any])
            #expect(properties["kind"] as? String == "radius")
            #expect(properties["origin"] as? String == "changchun")
            #expect(properties["radius_km"] as? Double == radius)
            let geometry = try #require(feature["geometry"] as? [String: Any])
            #expect(geometry["type"] as? String == "Polygon")
            let rings = try #require(geometry["coordinates"] as? [[[Double]]])
            #expect(rings.count == 1)  // an exterior ring, no holes
            let ring = rings[0]
            #expect(ring.count == 73)
            #expect(ring.allSatisfy { $0.count == 2 })
            #expect(ring.first == ring.last)
            #expect(Set(ring.dropLast().map { "\($0)" }).count == 72)  // no repeated vertex
            // Counter-clockwise: positive shoelace area in the (lon, lat) plane.
            var twiceArea = 0.0
            for k in 0 ..< ring.count - 1 {
                twiceArea += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1]
            }
            #expect(twiceArea > 0, "radius \(radius): the ring runs clockwise")
            // Every vertex at the radius (±0.5%), the first due north.
            for v in ring {
                let d = Self.distanceKm(centre, (v[0], v[1]))
                #expect(abs(d - radius) <= radius * 0.005, "radius \(radius): vertex \(v) is \(d) km away")
            }
            #expect(ring[0][0] == centre.lon && ring[0][1] > centre.lat)
        }
        #expect((features[3]["geometry"] as? [String: Any])?["type"] as? String == "Point")
    }

    // MARK: GDAL

    /// The bundled network's reach from 长春 (30, 60, 120 min, base; circles of 40, 100
    /// and 500 km), read by GDAL's `ogrinfo`: no warning, every feature, the fields, and
    /// facts known without the export (长春 is the origin: 0 min, band 30; 吉林 is more
    /// than an hour door to door, by the 111 km expressway at 90 km/h or by the 40 min
    /// HSR plus two station connectors of 15 min and more, and well under two: band 120).
    ///
    /// Without `ogrinfo` the test is skipped, unless `CI` is set: CI installs gdal-bin
    /// (`.ci/run`), so there its absence is a failure.
    @Test(.enabled(if: GDAL.ogrinfo != nil || GDAL.isCI, "ogrinfo (gdal-bin) is not on PATH"))
    func gdalReadsTheBundledNetworksReach() throws {
        let ogrinfo = try #require(GDAL.ogrinfo, "CI is set but ogrinfo is not on PATH: .ci/run must install gdal-bin")
        let (loaded, problems) = NetworkFiles.load(folder: FixturePath.repositoryRoot + "/Networks/jilin")
        let net = NetworkGraph(try #require(loaded, "\(problems)"))
        let changchun = Self.index(net, "changchun")
        let reach = net.reach(from: [changchun], within: [30, 60, 120], scenario: net.scenario(projects: []))
        let radii = [40.0, 100, 500]

        let folder = NSTemporaryDirectory() + "corridor-geojson-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/reach.geojson"
        try Data(GeoJSON.reach(reach, in: net, radii: radii).utf8).write(to: URL(fileURLWithPath: file))
        // Links with no extent (a connector between places at one coordinate) are not drawn.
        let drawn = reach.links.filter { r in
            let link = net.network.links[r.link]
            let a = net.network.places[Self.index(net, link.from)], b = net.network.places[Self.index(net, link.to)]
            return (a.latitude, a.longitude) != (b.latitude, b.longitude)
        }
        #expect(drawn.count < reach.links.count)  // cx-longjia-jct-cgq: the interchange is placed at the airport
        let featureCount = radii.count + reach.places.count + drawn.count

        // The summary: driver, one layer of mixed geometry, the count, the fields.
        let summary = try GDAL.run(ogrinfo, ["-ro", "-al", "-so", file], in: folder)
        #expect(summary.status == 0)
        #expect(summary.stderr.isEmpty, "ogrinfo warned: \(summary.stderr)")
        let lines = summary.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("      using driver `GeoJSON' successful."))
        #expect(lines.contains("Layer name: reach"))
        #expect(lines.contains("Geometry: Unknown (any)"))  // points, lines and polygons
        #expect(lines.contains("Feature Count: \(featureCount)"))
        #expect(lines.contains { $0.hasPrefix("Layer SRS WKT:") })
        #expect(lines.contains("    ID[\"EPSG\",4326]]"))
        for field in ["id: String", "name_zh: String", "kind: String", "value: Real", "unit: String",
                      "band: Integer", "origin: String", "modes: String", "transfers: Integer",
                      "population: Integer", "radius_km: Integer", "mode: String", "reached: String",
                      "fraction: Real"] {
            #expect(lines.contains { $0.hasPrefix(field + " (") }, "no field \(field)")
        }

        // Every feature.
        let full = try GDAL.run(ogrinfo, ["-ro", "-al", file], in: folder)
        #expect(full.status == 0)
        #expect(full.stderr.isEmpty, "ogrinfo warned: \(full.stderr)")
        let features = GDAL.features(full.stdout)
        #expect(features.count == featureCount)
        let kinds = features.map { $0.geometry.prefix { $0 != " " } }
        #expect(kinds.filter { $0 == "POLYGON" }.count == 3)
        #expect(kinds.filter { $0 == "POINT" }.count == reach.places.count)
        #expect(kinds.filter { $0 == "LINESTRING" || $0 == "MULTILINESTRING" }.count == drawn.count)
        #expect(features.prefix(3).map { $0.fields["radius_km"] ?? "" } == ["40", "100", "500"])
        #expect(features.prefix(3).allSatisfy { $0.fields["origin"] == "changchun" && $0.fields["kind"] == "radius" })

        let origin = try #require(features.first { $0.fields["name_zh"] == "长春" })
        #expect(origin.fields["value"] == "0")
        #expect(origin.fields["band"] == "30")
        #expect(origin.fields["origin"] == "changchun")
        #expect(origin.fields["unit"] == "min")
        #expect(origin.fields["transfers"] == "0")
        let place = net.network.places[changchun]
        #expect(origin.geometry == "POINT (\(GeoJSON.number(place.longitude, decimals: 6)) \(GeoJSON.number(place.latitude, decimals: 6)))")
        let jilin = try #require(features.first { $0.fields["id"] == "jilin" })
        #expect(jilin.fields["band"] == "120")
        #expect(jilin.fields["origin"] == "changchun")

        // Every place: a value within 120 in the smallest band that holds it.
        for f in features where f.geometry.hasPrefix("POINT") {
            let value = try #require(f.fields["value"].flatMap(Double.init))
            let band = try #require(f.fields["band"].flatMap(Double.init))
            #expect(band == [30.0, 60, 120].first { value <= $0 }, "\(f.fields["id"] ?? "?"): \(value) in band \(band)")
        }
        // Every link: whole (fraction 1) or part of it.
        for f in features where f.geometry.hasPrefix("LINESTRING") || f.geometry.hasPrefix("MULTILINESTRING") {
            let fraction = try #require(f.fields["fraction"].flatMap(Double.init))
            #expect(fraction > 0 && fraction <= 1)
            #expect(f.fields["reached"] == "part" || (f.fields["reached"] == "whole" && fraction == 1))
        }
    }
}

/// GDAL's command-line tools, when installed.
enum GDAL {
    /// `ogrinfo` on PATH, if any.
    static let ogrinfo: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/ogrinfo" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }()

    /// Whether `CI` is set (to anything but the empty string).
    static var isCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    /// Runs `tool` and returns its status and output (through files in `folder`, so a
    /// full pipe never blocks it).
    static func run(_ tool: String, _ arguments: [String], in folder: String) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        let id = UUID().uuidString
        let out = URL(fileURLWithPath: folder + "/\(id).out"), err = URL(fileURLWithPath: folder + "/\(id).err")
        for url in [out, err] {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus,
                String(decoding: try Data(contentsOf: out), as: UTF8.self),
                String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// One feature as `ogrinfo -al` prints it.
    struct Feature {
        /// Field name → value as printed (`(null)` for null); unset fields are absent.
        var fields: [String: String] = [:]
        /// The WKT line: `POINT (125.3 43.8)`.
        var geometry = ""
    }

    /// The features of `ogrinfo -al` output: a block per `OGRFeature(layer):n` line, with
    /// `  name (Type) = value` lines and a WKT line.
    static func features(_ output: String) -> [Feature] {
        var features: [Feature] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("OGRFeature(") {
                features.append(Feature())
                continue
            }
            guard !features.isEmpty, line.hasPrefix("  ") else { continue }
            let text = line.dropFirst(2)
            if ["POINT (", "LINESTRING (", "MULTILINESTRING (", "POLYGON ("].contains(where: { text.hasPrefix($0) }) {
                features[features.count - 1].geometry = String(text)
            } else if let open = text.range(of: " ("), let equals = text.range(of: ") = ") {
                features[features.count - 1].fields[String(text[..<open.lowerBound])] = String(text[equals.upperBound...])
            }
        }
        return features
    }
}

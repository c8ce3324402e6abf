import Foundation
import CorridorCore
@testable import CorridorKit
import Testing
import TestSupport

/// Graphviz DOT export: golden text worked out by hand on the tiny network
/// (Fixtures/dot/README.md), the quoting of hostile names checked by a lexer of
/// Graphviz's own rules and by Graphviz itself, what is drawn and how, and every mode
/// of the bundled network rendered by `dot` and `neato -n2` without a warning.
///
/// The tiny network (Fixtures/networks/tiny):
///
///     changchun ──G12 expressway 66.6 min ─────────────────────── jilin
///        │ 20 min connector                      15 min connector │
///     changchun-st ── intercity HSR 38 min (30 after hsr-speedup) ── jilin-st
///     changchun ── planned road (new-road) 90 min ───────────────── jilin
@Suite struct DOTWriterTests {
    static func tiny() throws -> NetworkGraph {
        let (network, problems) = NetworkFiles.load(folder: FixturePath.of("networks/tiny"))
        #expect(problems.isEmpty, "\(problems)")
        return NetworkGraph(try #require(network))
    }

    static let jilin: NetworkGraph = {
        let (network, _) = NetworkFiles.load(folder: FixturePath.repositoryRoot + "/Networks/jilin")
        return NetworkGraph(network!)
    }()

    static func index(_ net: NetworkGraph, _ id: String) -> Int {
        net.network.places.firstIndex { $0.id == id }!
    }

    /// `text` is the golden file `Fixtures/dot/<name>` byte for byte; on a difference,
    /// the first differing line of each.
    static func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let golden = try String(contentsOfFile: FixturePath.of("dot/" + name), encoding: .utf8)
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

    // MARK: Golden files

    /// The map of the base scenario: four places at their projected positions, five
    /// links (the planned road dashed, labelled 长吉新路), a legend of the four modes,
    /// the planned line and the two kinds.
    @Test func goldenGeo() throws {
        let net = try Self.tiny()
        try Self.expectGolden(DOTWriter().document(net, scenario: net.scenario(projects: [])), "tiny-geo.dot")
    }

    /// Every project built (the road solid and labelled), names in both languages, a
    /// cluster per prefecture, ranks from west to east.
    @Test func goldenSchematic() throws {
        let net = try Self.tiny()
        let writer = DOTWriter(layout: .schematic, labels: .both, clusters: true, title: "tiny")
        try Self.expectGolden(writer.document(net, scenario: net.scenario(projects: net.projectIDs)), "tiny-schematic.dot")
    }

    /// With every project built the fastest changchun → jilin is the HSR, 20 + 30 + 15 =
    /// 65 min against 66.6 by G12. Only prefecture seats: the stations are drawn as their
    /// cities, the connectors vanish, the HSR runs between the cities and is the route.
    @Test func goldenRoute() throws {
        let net = try Self.tiny()
        let all = net.scenario(projects: net.projectIDs)
        let route = try #require(net.routes(from: Self.index(net, "changchun"), to: Self.index(net, "jilin"), scenario: all).first)
        #expect(route.minutes == 65 && route.links.map { net.network.links[$0].id } == ["cc-st", "cc-jl-hsr", "jl-st"])
        let writer = DOTWriter(labels: .en, kinds: [.prefecture], overlay: .route(route))
        try Self.expectGolden(writer.document(net, scenario: all), "tiny-route.dot")
    }

    /// The 长吉珲 corridor (G12 and the HSR, their connectors; not the untagged planned
    /// road), from changchun within 30 and 60 min: changchun 0 and changchun-st 20 in the
    /// 30 band, jilin-st 58 in the 60 band, jilin (66.6) beyond.
    @Test func goldenReach() throws {
        let net = try Self.tiny()
        let base = net.scenario(projects: [])
        let reach = net.reach(from: [Self.index(net, "changchun")], within: [30, 60], scenario: base)
        let writer = DOTWriter(corridor: "长吉珲", overlay: .reach(reach), title: "长吉珲 · 长春 30/60 分钟可达")
        try Self.expectGolden(writer.document(net, scenario: base), "tiny-reach.dot")
    }

    /// The HSR speed-up (an upgrade: 38 → 30 min) saves changchun and jilin 1.6 min on
    /// their one trip each (66.6 by G12 before, 65 by HSR after): the 1–5 class. The
    /// upgraded HSR is thick and labelled; the unbuilt road left out.
    @Test func goldenImpact() throws {
        let net = try Self.tiny()
        let saved = ImpactAnalysis(net, hubs: []).minutesSavedByPlace(by: ["hsr-speedup"])
        #expect(saved.map(\.place) == [Self.index(net, "changchun"), Self.index(net, "jilin")])
        #expect(saved.allSatisfy { abs($0.minutes - 1.6) < 1e-9 })
        let writer = DOTWriter(
            layout: .schematic, labels: .en, unbuiltProjects: false,
            overlay: .impact(project: "hsr-speedup", minutesSaved: Dictionary(uniqueKeysWithValues: saved.map { ($0.place, $0.minutes) })))
        try Self.expectGolden(writer.document(net, scenario: net.scenario(projects: [])), "tiny-impact.dot")
    }

    /// The same input gives the same bytes, on the bundled network in every layout.
    @Test func outputIsDeterministic() {
        let net = Self.jilin
        let base = net.scenario(projects: [])
        for writer in [DOTWriter(), DOTWriter(layout: .schematic, labels: .both, clusters: true)] {
            #expect(writer.document(net, scenario: base) == writer.document(net, scenario: base))
        }
    }

    // MARK: Quoting

    @Test func quotedStrings() {
        #expect(DOT.quoted("长春") == "\"长春\"")
        #expect(DOT.quoted("a\"b") == #""a\"b""#)
        #expect(DOT.quoted("C:\\dir\\") == #""C:\\dir\\""#)   // a final backslash cannot eat the quote
        #expect(DOT.quoted("\\N \\G \\l") == #""\\N \\G \\l""#)  // no escString substitution
        #expect(DOT.quoted("a\nb\r\nc\rd") == #""a\nb\nc\nd""#)  // LF, CRLF, CR: one break each
        #expect(DOT.quoted("a\tb\u{01}c\u{7F}d") == "\"a b c d\"")
        #expect(DOT.quoted("x -> {y}; <b>z</b>: [w]") == "\"x -> {y}; <b>z</b>: [w]\"")
        #expect(DOT.quoted("") == "\"\"")
        #expect(DOT.Value.leftJustified("上\n下").rendered == #""上\l下\l""#)
        #expect(DOT.Value.number(-0.001).rendered == "0" && DOT.Value.number(2.5).rendered == "2.5")
    }

    /// The tokens of a line of DOT as Graphviz's lexer reads them: quoted strings (with
    /// `\"` an escaped quote and every other character, `\` included, as it is) and the
    /// rest, one character at a time apart from blanks. Nil for an unterminated string.
    static func tokens(_ line: Substring) -> [String]? {
        var out: [String] = []
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c == "\"" {
                var j = line.index(after: i)
                var text = "\""
                while true {
                    guard j < line.endIndex else { return nil }
                    if line[j] == "\\", line.index(after: j) < line.endIndex, line[line.index(after: j)] == "\"" {
                        text += "\\\""
                        j = line.index(j, offsetBy: 2)
                    } else if line[j] == "\\", line.index(after: j) < line.endIndex, line[line.index(after: j)] == "\\" {
                        text += "\\\\"
                        j = line.index(j, offsetBy: 2)
                    } else if line[j] == "\"" {
                        break
                    } else {
                        text.append(line[j])
                        j = line.index(after: j)
                    }
                }
                out.append(text + "\"")
                i = line.index(after: j)
            } else if c == " " {
                i = line.index(after: i)
            } else {
                var j = i
                while j < line.endIndex, !" \"[],;=".contains(line[j]) { j = line.index(after: j) }
                if j == i { j = line.index(after: i) }
                out.append(String(line[i ..< j]))
                i = j
            }
        }
        return out
    }

    /// What a quoted escString shows: `\\` → `\`, `\"` → `"`, `\n` and `\l` → a line break.
    static func shown(_ quoted: String) -> String {
        var out = ""
        var escape = false
        for c in quoted.dropFirst().dropLast() {
            if escape {
                switch c {
                case "n", "l": out.append("\n")
                default: out.append(c)
                }
                escape = false
            } else if c == "\\" {
                escape = true
            } else {
                out.append(c)
            }
        }
        // Graphviz then reads HTML entities: the writer's `&amp;` is a `&` again.
        return out.replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Names full of DOT syntax: quotes, backslashes (one at the end), `:` (a port),
    /// `->` and `--`, braces and brackets, `;`, line breaks, an HTML-like `<…>` label,
    /// a comment opener, escString sequences, control characters and a very long name.
    static let hostileNames: [(zh: String, en: String)] = [
        ("长\"春\"", "C:\\dir\\"),
        ("a -> b -- c", "{ rank=same; x }"),
        ("<b>粗</b> & <i>斜</i>", "<TABLE><TR><TD>x</TD></TR></TABLE>"),
        ("第一行\n第二行\r\n第三行", "\\N \\G \\E \\T \\H \\L \\l \\n"),
        ("]; \"evil\" [label=\"x", "// not a comment /* nor this */ # nor this"),
        ("tab\there\u{01}\u{7F}", "名" + String(repeating: "很长的名字", count: 80)),
        ("吉林<b>&amp;</b>&lt;", "A &amp; B &#38; C"),
    ]

    /// The tiny network with hostile place and project names, and hostile ids (which the
    /// loader would reject, but the writer must still quote); one id starts with `~`, the
    /// writer's own prefix, so its nodes must start `~~`.
    static func hostile() throws -> NetworkGraph {
        var network = try #require(NetworkFiles.load(folder: FixturePath.of("networks/tiny")).network)
        let ids = ["cc \"x\" \\", "jl:port -> y", "~legend-1-a", "st{b}\n"]
        let old = network.places.map(\.id)
        for i in network.places.indices {
            network.places[i].id = ids[i]
            network.places[i].nameZh = hostileNames[i].zh
            network.places[i].nameEn = hostileNames[i].en
            if let parent = network.places[i].parent { network.places[i].parent = ids[old.firstIndex(of: parent)!] }
        }
        for i in network.links.indices {
            network.links[i].from = ids[old.firstIndex(of: network.links[i].from)!]
            network.links[i].to = ids[old.firstIndex(of: network.links[i].to)!]
        }
        network.projects[0].nameZh = hostileNames[4].zh
        network.projects[0].nameEn = hostileNames[5].en
        return NetworkGraph(network)
    }

    /// Every writer mode on the hostile network.
    static func hostileDocuments() throws -> [(String, String)] {
        let net = try hostile()
        let base = net.scenario(projects: [])
        let origin = 0
        let reach = net.reach(from: [origin], within: [30, 60], scenario: base)
        let route = net.routes(from: 0, to: 1, scenario: base)[0]
        var out: [(String, String)] = []
        for labels in DOTWriter.Labels.allCases {
            out.append(("geo \(labels)", DOTWriter(labels: labels, title: hostileNames[3].zh).document(net, scenario: base)))
            out.append(("schematic \(labels)", DOTWriter(layout: .schematic, labels: labels, clusters: true, title: hostileNames[4].zh)
                .document(net, scenario: base)))
        }
        out.append(("reach", DOTWriter(overlay: .reach(reach)).document(net, scenario: base)))
        out.append(("route", DOTWriter(layout: .schematic, overlay: .route(route)).document(net, scenario: base)))
        out.append(("impact", DOTWriter(overlay: .impact(project: "new-road", minutesSaved: [0: 2])).document(net, scenario: base)))
        return out
    }

    /// Without Graphviz: every line lexes as a statement of the grammar (no string left
    /// open, nothing outside quotes but the grammar's own words and punctuation), and every
    /// label shows the name it was made from.
    @Test func hostileNamesStayInsideTheirQuotes() throws {
        let net = try Self.hostile()
        for (mode, text) in try Self.hostileDocuments() {
            var labels: [String] = []
            for line in text.split(separator: "\n") where !line.hasPrefix("//") {
                let tokens = try #require(Self.tokens(line), "\(mode): a string is left open in \(line)")
                for (k, token) in tokens.enumerated() where !token.hasPrefix("\"") {
                    let grammar = ["graph", "node", "edge", "subgraph", "{", "}", "[", "]", ",", ";", "=", "--", "rank"]
                    let isValue = k > 0 && tokens[k - 1] == "="
                    #expect(grammar.contains(token) || isValue || tokens.dropFirst(k + 1).first == "=",
                            "\(mode): \(token) outside quotes in \(line)")
                    if isValue {
                        #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }, "\(mode): bare value \(token)")
                    }
                }
                for (k, token) in tokens.enumerated() where ["label", "xlabel"].contains(token) && tokens[k + 1] == "=" {
                    labels.append(Self.shown(tokens[k + 2]))
                }
            }
            // The names, with control characters as spaces and every line break one.
            for place in net.network.places {
                let wanted = Self.expectedShown(mode.hasSuffix("en") ? place.nameEn : place.nameZh)
                #expect(labels.contains { $0 == wanted || $0.hasPrefix(wanted + "\n") }, "\(mode): no label \(wanted.debugDescription)")
            }
        }
    }

    /// What a label shows for `name`: line breaks (LF, CR, CRLF) one each, other control
    /// characters spaces.
    static func expectedShown(_ name: String) -> String {
        var out = ""
        var afterCR = false
        for scalar in name.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\r": out += "\n"
            case "\n": if !afterCR { out += "\n" }
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Random names drawn from DOT's syntax and escapes, 500 seeds: each quoted name is
    /// one closed string to Graphviz's lexer, and shows as the name.
    @Test func randomNamesQuoteAndShowRoundTrip() throws {
        let alphabet: [String] = ["\"", "\\", "\n", "\r", "\r\n", "\t", "\u{01}", "\u{7F}", ":", "-", ">", "{", "}",
                                  "[", "]", ";", "=", "<", "&", "/", "*", "#", " ", "N", "l", "a", "长", "🚄"]
        for seed in 1 ... 500 {
            var rng = SeededRandom(seed: UInt64(seed))
            let name = (0 ..< rng.int(0 ... 12)).map { _ in alphabet[rng.int(0 ..< alphabet.count)] }.joined()
            let quoted = DOT.quoted(name)
            let tokens = try #require(Self.tokens(Substring(quoted)), "\(rng): \(name.debugDescription)")
            #expect(tokens == [quoted], "\(rng): \(name.debugDescription) lexes as \(tokens)")
            #expect(Self.shown(quoted) == Self.expectedShown(name), "\(rng): \(name.debugDescription)")
        }
    }

    @Test func writerNodesAvoidPlaceIDs() {
        #expect(DOTWriter.reservedPrefix(avoiding: ["changchun"]) == "~")
        #expect(DOTWriter.reservedPrefix(avoiding: ["~x", "a"]) == "~~")
        #expect(DOTWriter.reservedPrefix(avoiding: ["~x", "~~y"]) == "~~~")
    }

    // MARK: What is drawn

    /// The express run 长春站–吉林站 (non-stop, 40 min, over three links of 14 + 7 + 26
    /// min) is not a line of the map; a route that takes it highlights the three links it
    /// runs over.
    @Test func expressRunsAreDrawnAsTheirTrack() throws {
        let net = Self.jilin
        let base = net.scenario(projects: [])
        let text = DOTWriter(legend: false).document(net, scenario: base)
        #expect(!text.contains("\"changchun-st\" -- \"jilin-st\""))
        #expect(text.contains("\"changchun-st\" -- \"longjia-st\" [color=\"#d62728\", penwidth=3];"))
        let route = try #require(net.routes(from: Self.index(net, "changchun-st"), to: Self.index(net, "jilin-st"), scenario: base).first)
        let express = try #require(net.linkIndex["hsr-changchun-jilin"])
        #expect(route.links.contains(express))
        let drawn = DOTWriter(legend: false, overlay: .route(route)).document(net, scenario: base)
        for pair in [("changchun-st", "longjia-st"), ("longjia-st", "jiutainan-st"), ("jiutainan-st", "jilin-st")] {
            #expect(drawn.contains("\"\(pair.0)\" -- \"\(pair.1)\" [color=\"#d62728\", penwidth=6];"), "\(pair)")
        }
    }

    /// Scenarios decide what is solid: in the base scenario every planned link is dashed,
    /// and each project's name labels one of its lines (every project with a line is
    /// named, once); with every project built none is dashed; hidden, none is drawn.
    @Test func scenarioDecidesDashes() {
        let net = Self.jilin
        let planned = net.network.links.filter { $0.status == .planned && $0.runsOver.isEmpty }.count
        let edges = { (text: String) in text.split(separator: "\n").filter { $0.contains(" -- ") && !$0.contains("~") } }
        let base = edges(DOTWriter(legend: false).document(net, scenario: net.scenario(projects: [])))
        #expect(base.filter { $0.contains("style=dashed") }.count == planned)
        let labels = base.filter { $0.contains("style=dashed") }.compactMap { line in
            line.components(separatedBy: ", label=\"").dropFirst().first?.components(separatedBy: "\"").first
        }
        let withLines = Set(net.network.links.filter { $0.status == .planned && $0.runsOver.isEmpty }.compactMap(\.project))
        let names = Set(net.network.projects.filter { withLines.contains($0.id) }.map(\.nameZh))
        #expect(labels.count == Set(labels).count && Set(labels) == names)
        let all = edges(DOTWriter(legend: false).document(net, scenario: net.scenario(projects: net.projectIDs)))
        #expect(all.count == base.count && !all.contains { $0.contains("style=dashed") })
        let hidden = edges(DOTWriter(unbuiltProjects: false, legend: false).document(net, scenario: net.scenario(projects: [])))
        #expect(hidden.count == base.count - planned)
    }

    /// A corridor is its tagged links, the places they touch and the connectors between
    /// them: every line drawn is tagged or a connector, every place an end of one.
    @Test func corridorSelection() throws {
        let net = Self.jilin
        let selection = DOTWriter(corridor: "长吉珲").select(net, scenario: net.scenario(projects: []))
        let links = net.network.links
        #expect(!selection.edges.isEmpty)
        for edge in selection.edges {
            for l in edge.links { #expect(links[l].corridors.contains("长吉珲") || links[l].mode == .connector) }
        }
        let ends = Set(selection.edges.flatMap { [$0.from, $0.to] })
        #expect(Set(selection.places) == ends)
        #expect(selection.places.contains(Self.index(net, "hunchun")) && !selection.places.contains(Self.index(net, "baicheng")))
    }

    /// Only prefecture seats and counties: every station, airport, port and junction is
    /// drawn as its settlement (or left out), no line joins a place to itself, and no two
    /// lines share ends, mode, status and project.
    @Test func kindsCollapseIntoParents() {
        let net = Self.jilin
        let places = net.network.places
        let selection = DOTWriter(kinds: [.prefecture, .county]).select(net, scenario: net.scenario(projects: []))
        #expect(selection.places.allSatisfy { [.prefecture, .county].contains(places[$0].kind) })
        #expect(selection.drawnAs[Self.index(net, "changchun-st")] == Self.index(net, "changchun"))
        #expect(selection.drawnAs[Self.index(net, "cgq")] == Self.index(net, "changchun"))
        #expect(selection.edges.allSatisfy { $0.from != $0.to })
        let keys = selection.edges.map { "\(Swift.min($0.from, $0.to)) \(Swift.max($0.from, $0.to)) \($0.mode) \($0.built) \($0.project ?? "")" }
        #expect(Set(keys).count == keys.count)
        // The HSR now runs between the cities its stations serve: 长春站 and 龙嘉站 are
        // 长春's, 九台南站 九台's, 吉林站 吉林's (the non-stop run over them is not drawn).
        let hsr = Set(selection.edges.filter { $0.mode == .hsr }.map { Set([$0.from, $0.to]) })
        let (changchun, jiutai, jilin) = (Self.index(net, "changchun"), Self.index(net, "jiutai"), Self.index(net, "jilin"))
        #expect(hsr.contains([changchun, jiutai]) && hsr.contains([jiutai, jilin]) && !hsr.contains([changchun, jilin]))
    }

    /// 长吉珲 runs west to east, 白松长通 north to south; in the schematic every line is
    /// written from its end nearer the start of the axis.
    @Test func schematicLinesPointAlongTheAxis() throws {
        let net = Self.jilin
        let base = net.scenario(projects: [])
        for (corridor, direction) in [("长吉珲", SchematicAxis.Direction.westToEast), ("白松长通", .northToSouth)] {
            let writer = DOTWriter(layout: .schematic, corridor: corridor, legend: false)
            let selection = writer.select(net, scenario: base)
            let axis = SchematicAxis(selection.places.map { net.network.places[$0] })
            #expect(axis.direction == direction)
            let text = writer.document(net, scenario: base)
            #expect(text.contains("rankdir=\(direction == .westToEast ? "LR" : "TB")"))
            for line in text.split(separator: "\n") where line.contains(" -- ") && !line.contains("~") {
                let ids = line.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
                let km = { (id: String) in axis.km(net.network.places[Self.index(net, id)]) }
                #expect(km(ids[0]) <= km(ids[1]), "\(line)")
            }
        }
    }

    /// The projection: the longer side is `extent` points, north is up, east is right,
    /// and near the centre latitude a kilometre is as long east–west as north–south.
    @Test func geoProjection() {
        let places = Self.jilin.network.places
        let p = GeoProjection(fitting: places, extent: 1000)
        #expect(abs(Swift.max(p.width, p.height) - 1000) < 1e-9)
        let points = places.map(p.point)
        #expect(abs(points.map(\.x).min()!) < 1e-9 && abs(points.map(\.y).min()!) < 1e-9)
        #expect(abs(points.map(\.x).max()! - p.width) < 1e-9 && abs(points.map(\.y).max()! - p.height) < 1e-9)
        let changchun = places[Self.index(Self.jilin, "changchun")], jilin = places[Self.index(Self.jilin, "jilin")]
        #expect(p.point(jilin).x > p.point(changchun).x)
        // 长春–吉林, 100 km nearly due east at 43.87° N: drawn longer than it is by the
        // ratio of the cosines of the centre latitude φ₀ and its own (the projection is
        // true at φ₀ only), within 1%.
        let a = p.point(changchun), b = p.point(jilin)
        let drawnKm = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot() / p.scale * SchematicAxis.kmPerDegree
        let km = NetworkValidator.greatCircleKm(changchun, jilin)
        let stretch = p.cosCentre / cos((changchun.latitude + jilin.latitude) / 2 * .pi / 180)
        #expect(stretch > 1.04 && abs(drawnKm / km / stretch - 1) < 0.01, "\(drawnKm) vs \(km) × \(stretch)")
    }

    /// Per-place savings are the project's accessibility benefit broken down: weighted
    /// by each place's total gravity weight they average to it (沈白 HSR, bundled network).
    @Test func minutesSavedByPlaceAverageToTheBenefit() throws {
        let net = Self.jilin
        let analysis = ImpactAnalysis(net, hubs: [])
        let saved = analysis.minutesSavedByPlace(by: ["hsr-shenbai"])
        let impact = try #require(analysis.impacts(of: ["hsr-shenbai"]).first)
        let row = Dictionary(uniqueKeysWithValues: analysis.people.enumerated().map { ($0.element, $0.offset) })
        var sum = 0.0, total = 0.0
        for (place, minutes) in saved {
            let w = analysis.weight[row[place]!].reduce(0, +)
            sum += w * minutes
            total += w
        }
        #expect(abs(sum / total - impact.accessibility) < 1e-9)
        #expect(saved.allSatisfy { $0.minutes >= -1e-9 })  // a new line slows no one
        #expect(saved.first { $0.place == Self.index(net, "baishan") }!.minutes > 5)
    }

    // MARK: Graphviz

    /// The modes rendered: every layout, label language, overlay, the corridor and kind
    /// filters, clusters, scenarios, with and without legend.
    static let modes: [String] = [
        "geo", "geo-en-kinds-hidden", "geo-both-corridor-route", "geo-reach", "geo-impact", "geo-en-all",
        "schematic-corridor", "schematic-both-clusters", "schematic-en-clusters-all", "schematic-route",
        "schematic-reach-corridor", "schematic-impact-corridor",
    ]

    static func document(_ mode: String) -> String {
        let net = jilin
        let base = net.scenario(projects: []), all = net.scenario(projects: net.projectIDs)
        let cc = index(net, "changchun")
        switch mode {
        case "geo": return DOTWriter().document(net, scenario: base)
        case "geo-en-kinds-hidden":
            return DOTWriter(labels: .en, kinds: [.prefecture, .county], unbuiltProjects: false, legend: false).document(net, scenario: base)
        case "geo-both-corridor-route":
            let route = net.routes(from: cc, to: index(net, "hunchun"), scenario: base)[0]
            return DOTWriter(labels: .both, corridor: "长吉珲", overlay: .route(route), title: "长春 → 珲春").document(net, scenario: base)
        case "geo-reach":
            return DOTWriter(overlay: .reach(net.reach(from: [cc], within: [30, 60, 120], scenario: base))).document(net, scenario: base)
        case "geo-impact":
            let saved = ImpactAnalysis(net, hubs: []).minutesSavedByPlace(by: ["hsr-shenbai"])
            return DOTWriter(kinds: [.prefecture, .county, .border, .foreign],
                             overlay: .impact(project: "hsr-shenbai", minutesSaved: Dictionary(uniqueKeysWithValues: saved.map { ($0.place, $0.minutes) })))
                .document(net, scenario: base)
        case "geo-en-all": return DOTWriter(labels: .en).document(net, scenario: all)
        case "schematic-corridor": return DOTWriter(layout: .schematic, corridor: "长吉珲").document(net, scenario: base)
        case "schematic-both-clusters":
            return DOTWriter(layout: .schematic, labels: .both, corridor: "白松长通", clusters: true).document(net, scenario: base)
        case "schematic-en-clusters-all":
            return DOTWriter(layout: .schematic, labels: .en, clusters: true).document(net, scenario: all)
        case "schematic-route":
            let route = net.routes(from: cc, to: index(net, "baishan"), scenario: all)[0]
            return DOTWriter(layout: .schematic, kinds: [.prefecture, .county, .station], overlay: .route(route)).document(net, scenario: all)
        case "schematic-reach-corridor":
            let reach = net.reach(from: [cc], within: [30, 60, 120], scenario: base)
            return DOTWriter(layout: .schematic, corridor: "长春都市圈", clusters: true, overlay: .reach(reach)).document(net, scenario: base)
        case "schematic-impact-corridor":
            let saved = ImpactAnalysis(net, hubs: []).minutesSavedByPlace(by: ["hsr-changliaotong"])
            return DOTWriter(layout: .schematic, corridor: "白松长通",
                             overlay: .impact(project: "hsr-changliaotong", minutesSaved: Dictionary(uniqueKeysWithValues: saved.map { ($0.place, $0.minutes) })))
                .document(net, scenario: base)
        default: preconditionFailure("no mode \(mode)")
        }
    }

    /// Each mode of the bundled network, rendered to SVG by `dot` and by `neato -n2`: exit
    /// 0, nothing on standard error, Chinese names in the drawing, the CJK font named.
    /// Skipped without Graphviz, unless `CI` is set (`.ci/run` installs it).
    @Test(.enabled(if: Graphviz.isInstalled || Graphviz.isCI, "Graphviz (dot) is not on PATH"), arguments: modes)
    func graphvizRendersTheBundledNetwork(_ mode: String) throws {
        #expect(Graphviz.isInstalled, "CI is set but dot is not on PATH: .ci/run must install graphviz")
        guard Graphviz.isInstalled else { return }
        let text = Self.document(mode)
        for command in [["dot", "-Tsvg"], ["neato", "-n2", "-Tsvg"]] {
            let r = try Graphviz.render(text, with: command)
            #expect(r.status == 0, "\(mode): \(command.joined(separator: " ")) exited \(r.status): \(r.stderr)")
            #expect(r.stderr.isEmpty, "\(mode): \(command.joined(separator: " ")) warned: \(r.stderr)")
            #expect(r.stdout.contains("font-family=\"Noto Sans CJK SC,"))
            let texts = Graphviz.texts(ofSVG: r.stdout)
            let name = mode.contains("en") ? "Changchun" : "长春"
            #expect(texts.contains { $0.contains(name) }, "\(mode): \(name) is not drawn")
        }
    }

    /// The hostile names, every mode, rendered by both commands: no error, no warning, and
    /// the drawing shows the names as they are.
    @Test(.enabled(if: Graphviz.isInstalled || Graphviz.isCI, "Graphviz (dot) is not on PATH"))
    func graphvizDrawsHostileNamesAsTheyAre() throws {
        #expect(Graphviz.isInstalled, "CI is set but dot is not on PATH: .ci/run must install graphviz")
        guard Graphviz.isInstalled else { return }
        for (mode, text) in try Self.hostileDocuments() {
            for command in [["dot", "-Tsvg"], ["neato", "-n2", "-Tsvg"]] {
                let r = try Graphviz.render(text, with: command)
                #expect(r.status == 0 && r.stderr.isEmpty, "\(mode), \(command[0]): \(r.status) \(r.stderr)")
                let texts = Graphviz.texts(ofSVG: r.stdout)
                // Graphviz draws each line of a label as one text; it may turn runs of
                // spaces into no-break spaces.
                let drawn = Set(texts.map { $0.replacingOccurrences(of: "\u{A0}", with: " ") })
                let lines = mode.hasSuffix("en") ? ["C:\\dir\\", "{ rank=same; x }", "<TABLE><TR><TD>x</TD></TR></TABLE>", "\\N \\G \\E \\T \\H \\L \\l \\n"]
                    : ["长\"春\"", "a -> b -- c", "<b>粗</b> & <i>斜</i>", "第一行", "第二行", "第三行"]
                for line in lines {
                    #expect(drawn.contains(line), "\(mode), \(command[0]): \(line.debugDescription) not drawn")
                }
            }
        }
    }

    /// With Graphviz, the CJK font the diagrams name is the one fontconfig finds (CI
    /// installs fonts-noto-cjk), so Chinese renders as Chinese, not as boxes.
    @Test(.enabled(if: Graphviz.path(of: "fc-match") != nil && (Graphviz.isInstalled || Graphviz.isCI), "fontconfig is not on PATH"))
    func theCJKFontIsInstalled() throws {
        let r = try Graphviz.run(["fc-match", "-f", "%{family}", "Noto Sans CJK SC"])
        let found = r.stdout.contains("Noto Sans CJK SC") || r.stdout.contains("Source Han Sans SC")
        if Graphviz.isCI {
            #expect(found, "fc-match finds \(r.stdout) for Noto Sans CJK SC: .ci/run must install fonts-noto-cjk")
        } else if !found {
            print("note: no Noto Sans CJK SC here (fc-match: \(r.stdout)); Chinese labels fall back to \(DOTStyle.fontName)")
        }
    }
}

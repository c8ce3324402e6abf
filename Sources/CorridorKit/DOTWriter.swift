/// Graphviz DOT diagrams of a network for planning reports: a map (the geo layout) or a
/// schematic along a corridor, styled by mode and kind, with a legend and optionally a
/// route, reach bands or a project's impact on top.
///
///     var writer = DOTWriter(layout: .geo, labels: .zh)
///     writer.overlay = .reach(net.reach(from: [changchun], within: [30, 60, 120], scenario: base))
///     let text = writer.document(net, scenario: base)
///
///     DOTWriter().document(tiny, scenario: base)   // Fixtures/dot/tiny-geo.dot:
///     // // corridor dot: geo layout (positions in points) — render with dot or neato, e.g.
///     // //   dot -Tsvg FILE.dot -o FILE.svg
///     // graph "corridor" {
///     //   graph [layout=neato, inputscale=72, outputorder=edgesfirst, …];
///     //   …
///     //   "changchun" [label="", xlabel="长春", shape=doublecircle, …, pos="3.96,0!"];
///     //   …
///     //   "changchun" -- "jilin" [color="#1b7837", penwidth=2.5];
///     //   …
///     //   "changchun" -- "jilin" [color="#d8a31a", penwidth=1.2, style=dashed, label="长吉新路"];
///     //   "~legend-1-a" [label="", shape=point, width=0.01, style=invis, pos="1040,100.63!"];
///     //   …
///     // }
///
/// **What is drawn.** Places in the network's order (with ``clusters``, grouped by
/// prefecture, the clusters in their seats' order), then lines in the order of their
/// first link, then the legend, then (schematic) the rank anchors; the same input gives
/// the same bytes.
/// - *Links.* The scenario's links: existing ones and the planned links of the projects
///   it builds, solid. Planned links of projects it does not build are drawn dashed
///   (``unbuiltProjects``; left out when false), so a base-scenario map shows the network
///   and the plans at once. On a plain map every planned link is labelled with its
///   project's name; an overlay labels only what it is about (below). A
///   link that runs over others (``Link/runsOver``: an express run, or conventional
///   trains on an HSR line's track) is not drawn: its track is, by the links it runs
///   over. Links whose ends are not places of the network are left out.
/// - *Corridor* (``corridor``): the links whose `corridors` tags contain it, the places
///   they touch, and the connectors between two of those places (so a corridor's
///   stations hang on its cities).
/// - *Kinds* (``kinds``): only places of these kinds. A place of another kind is drawn as
///   the nearest place up its chain of parents that is of a kept kind (a station as its
///   city: with `prefecture,county` the HSR runs between cities), or not at all if there
///   is none; a link whose ends end up at one place (a connector) is then left out, and
///   links that end up with the same ends, mode, status and project are drawn once.
/// - *Overlays* (``overlay``) add their own links and places to a corridor: a route's
///   links, or the project's links of an impact, are drawn even outside it.
///
/// **Layouts.** ``Layout/geo``: every place pinned where ``GeoProjection`` puts it
/// (`pos="x,y!"`, points), the graph set to `layout=neato` with `inputscale=72`, so `dot`,
/// `neato` and `neato -n2` all draw the same map; names beside small fixed symbols
/// (`xlabel`); project labels at the middle of their lines; the legend to the right of
/// the map. ``Layout/schematic``: the graph set to `layout=dot`, drawn along the
/// ``SchematicAxis`` (left to right for an east–west corridor, top to bottom for a
/// north–south one). Every line is written from its end nearer the start of the axis
/// (ties by place order), so `dot`'s ranks follow the corridor: a place is ranked after
/// every place before it along the axis that it links to. So that places with no such
/// link still stand where they are along the axis, an invisible anchor node per occupied
/// band of ``SchematicAxis/binKm`` km, chained in order, has an invisible edge of weight
/// 0 to each place of its band: no place is ranked before its band. Names are inside
/// the shapes, project labels are `xlabel`s, and the legend is a cluster of its own.
/// (No `rank=same` groups and no `newrank` for places: with prefecture clusters
/// (``clusters``) Graphviz 2.43 drops the clusters or aborts on either.)
///
/// **Overlays.** ``Overlay/route``: the route's links thick (mode width +
/// ``DOTStyle/highlightWidth``) and its places outlined in black; everything else faded.
/// An express run on the route highlights the links it runs over. ``Overlay/reach``: each
/// place filled with its band's colour (``DOTStyle/bandColors(count:)``), origins
/// outlined thick, places beyond every band white. ``Overlay/impact``: each populated
/// place filled by the minutes the project saves it (``DOTStyle/impactColor(minutes:)``,
/// from ``ImpactAnalysis/minutesSavedByPlace(by:over:)``); the project's links (its
/// planned links, drawn as built, and the links its upgrade changes) thick and labelled.
/// Project names label only the route's planned links and the impact's project; reach
/// bands have none, so names of projects the question is not about do not crowd it.
///
/// **Names in the file.** Node names are the place ids, quoted and escaped by ``DOT``
/// (so the file reads like the network); the writer's own nodes (legend, rank anchors)
/// and clusters start with a prefix no place id starts with (`~`, or `~~` … if some id
/// does), so they never collide with a place. Labels are place and project names in
/// Chinese, English or both (``labels``).
///
/// - Complexity: O(p + l + j) for p places, l links and j projects, plus the text.
public struct DOTWriter: Sendable {
    /// Where places go.
    public enum Layout: String, CaseIterable, Sendable {
        /// A map: positions projected from the coordinates (``GeoProjection``).
        case geo
        /// Ranks along the corridor's axis, laid out by Graphviz's `dot`.
        case schematic
    }

    /// The language of names.
    public enum Labels: String, CaseIterable, Sendable {
        case zh, en
        /// Chinese, then English on a second line.
        case both
    }

    /// What is drawn on top of the network.
    public enum Overlay: Sendable {
        case none
        /// A route: highlighted, the rest faded.
        case route(Route)
        /// Places coloured by band; at most ``DOTStyle/maximumBands`` thresholds (a
        /// precondition: bands beyond the palette could not be told apart).
        case reach(Reach)
        /// A project (id): its links bold, places coloured by the minutes it saves them
        /// (index into the network's places → minutes; places not listed stay white).
        case impact(project: String, minutesSaved: [Int: Double])
    }

    public var layout: Layout
    public var labels: Labels
    /// Only this corridor's links (a `corridors` tag) and the places they touch; nil for
    /// the whole network.
    public var corridor: String?
    /// Only places of these kinds (others drawn as their parents); nil for every kind.
    public var kinds: Set<PlaceKind>?

    /// The kinds a readable map of a whole region draws by default (`corridor dot`
    /// without `--kinds`): settlements down to counties, ports (so the sea routes show),
    /// border crossings and places abroad; a city's stations and airport are drawn as the
    /// city and a town as its county, so their names do not pile up around it.
    public static let mapKinds: Set<PlaceKind> = [.prefecture, .county, .port, .border, .foreign]

    /// With ``kinds``, whether a place with no kept kind up its chain of parents is drawn
    /// as itself rather than left out (the map's default kinds set it: a station whose
    /// network gives it no city would otherwise take its lines with it, unsaid).
    public var keepsOrphans = false
    /// Whether planned links of projects the scenario does not build are drawn (dashed).
    public var unbuiltProjects: Bool
    /// Whether places are boxed by prefecture: schematic layout only (`neato`, which
    /// draws the geo layout, draws no clusters; there the setting is ignored).
    public var clusters: Bool
    /// Whether the legend is drawn.
    public var legend: Bool
    public var overlay: Overlay
    /// The diagram's title, drawn above it; none when nil.
    public var title: String?
    /// The geo layout's size: the longer side of the places' box, points.
    public var extent: Double

    public init(
        layout: Layout = .geo, labels: Labels = .zh, corridor: String? = nil, kinds: Set<PlaceKind>? = nil,
        unbuiltProjects: Bool = true, clusters: Bool = false, legend: Bool = true, overlay: Overlay = .none,
        title: String? = nil, extent: Double = 1000
    ) {
        self.layout = layout
        self.labels = labels
        self.corridor = corridor
        self.kinds = kinds
        self.unbuiltProjects = unbuiltProjects
        self.clusters = clusters
        self.legend = legend
        self.overlay = overlay
        self.title = title
        self.extent = extent
    }

    // MARK: Selection

    /// One line of the diagram: one link, or several that end up with the same ends.
    struct Edge {
        /// The drawn places at its ends (indices into the network's places).
        var from: Int, to: Int
        var mode: Mode
        /// Existing, or built in the scenario (solid); else dashed.
        var built: Bool
        /// The project of a planned link.
        var project: String?
        var oneWay: Bool
        /// The links drawn as this line (indices), ascending.
        var links: [Int]
    }

    /// What the diagram shows: its places and lines.
    struct Selection {
        /// Drawn places (indices into the network's places), ascending.
        var places: [Int]
        var edges: [Edge]
        /// Per network place, the drawn place it is drawn as (itself, a parent, or nil).
        var drawnAs: [Int?]
        /// Projects with a line (not a connector) among the links chosen that no drawn line
        /// shows: every one folds into a single place (防川–珲春 with towns drawn as their
        /// county) or ends at a place not drawn. In project order.
        var foldedProjects: [String] = []
    }

    /// The links an overlay draws in any case: a route's (express runs replaced by the
    /// links they run over), or the impact project's planned and changed links.
    func overlayLinks(_ net: NetworkGraph) -> Set<Int> {
        let links = net.network.links
        switch overlay {
        case .none, .reach:
            return []
        case .route(let route):
            var out: Set<Int> = []
            var pending = route.links
            while let link = pending.popLast() {
                guard out.insert(link).inserted else { continue }
                pending += links[link].runsOver.compactMap { net.linkIndex[$0] }
            }
            return Set(out.filter { links[$0].runsOver.isEmpty })
        case .impact(let project, _):
            let changed = Set(net.network.changes.filter { $0.project == project }.map(\.link))
            return Set(links.indices.filter { links[$0].project == project || changed.contains(links[$0].id) })
        }
    }

    /// The projects built: the scenario's, and the impact's project.
    func builtProjects(_ scenario: Scenario) -> Set<String> {
        if case .impact(let project, _) = overlay { return scenario.projects.union([project]) }
        return scenario.projects
    }

    func select(_ net: NetworkGraph, scenario: Scenario) -> Selection {
        let network = net.network
        let places = network.places, links = network.links
        let index = { (id: String) in net.node(id).map { net.placeOfNode[Int($0)] } }
        let built = builtProjects(scenario)
        let forced = overlayLinks(net)
        let isBuilt = { (l: Link) in l.status == .existing || l.project.map(built.contains) == true }

        var candidates: [Int] = []
        for (i, link) in links.enumerated() where index(link.from) != nil && index(link.to) != nil {
            guard link.runsOver.isEmpty else { continue }
            guard isBuilt(link) || unbuiltProjects || forced.contains(i) else { continue }
            candidates.append(i)
        }
        var chosen: [Int]
        var touched: [Int]
        if let corridor {
            let tagged = candidates.filter { links[$0].corridors.contains(corridor) || forced.contains($0) }
            let ends = Set(tagged.flatMap { [index(links[$0].from)!, index(links[$0].to)!] })
            let connectors = candidates.filter {
                links[$0].mode == .connector && ends.contains(index(links[$0].from)!) && ends.contains(index(links[$0].to)!)
            }
            chosen = Array(Set(tagged).union(connectors)).sorted()
            touched = ends.sorted()
        } else {
            chosen = candidates
            touched = Array(places.indices)
        }

        // Kinds: each place drawn as itself or its nearest kept ancestor.
        var drawnAs = [Int?](repeating: nil, count: places.count)
        for p in touched {
            var current: Int? = p
            for _ in 0 ..< 8 {  // parent chains are short; a cycle must not hang
                guard let c = current else { break }
                if kinds?.contains(places[c].kind) ?? true {
                    drawnAs[p] = c
                    break
                }
                current = places[c].parent.flatMap(index)
            }
        }
        if keepsOrphans { for p in touched where drawnAs[p] == nil { drawnAs[p] = p } }
        // A drawn parent of a touched place is drawn as itself.
        for p in touched { if let d = drawnAs[p] { drawnAs[d] = d } }

        struct Key: Hashable {
            let a: Int, b: Int, mode: Mode, built: Bool, project: String?, oneWay: Bool
        }
        var edges: [Edge] = []
        var edgeOfKey: [Key: Int] = [:]
        for i in chosen {
            let link = links[i]
            guard let a = drawnAs[index(link.from)!], let b = drawnAs[index(link.to)!], a != b else { continue }
            let solid = isBuilt(link)
            let key = Key(a: link.oneWay ? a : Swift.min(a, b), b: link.oneWay ? b : Swift.max(a, b),
                          mode: link.mode, built: solid, project: link.project, oneWay: link.oneWay)
            if let e = edgeOfKey[key] {
                edges[e].links.append(i)
            } else {
                edgeOfKey[key] = edges.count
                edges.append(Edge(from: a, to: b, mode: link.mode, built: solid, project: link.project,
                                  oneWay: link.oneWay, links: [i]))
            }
        }
        let drawn = Set(drawnAs.compactMap { $0 })
        let shown = Set(edges.compactMap(\.project))
        let chosenProjects = Set(chosen.filter { links[$0].mode != .connector }.compactMap { links[$0].project })
        let folded = net.network.projects.map(\.id).filter { chosenProjects.contains($0) && !shown.contains($0) }
        return Selection(places: drawn.sorted(), edges: edges, drawnAs: drawnAs, foldedProjects: folded)
    }

    // MARK: Writing

    /// The DOT text of the diagram of `net` in `scenario` (which decides the planned links
    /// that are built), ending with a line break.
    public func document(_ net: NetworkGraph, scenario: Scenario) -> String {
        diagram(net, scenario: scenario).text
    }

    /// ``document(_:scenario:)`` and the projects the diagram cannot show with these kinds
    /// (``Selection/foldedProjects``), from one selection: a command says which, so that
    /// none goes missing unremarked.
    public func diagram(_ net: NetworkGraph, scenario: Scenario) -> (text: String, foldedProjects: [String]) {
        let network = net.network
        let selection = select(net, scenario: scenario)
        let prefix = Self.reservedPrefix(avoiding: network.places.map(\.id))
        let style = OverlayStyle(self, net, selection)
        let projects = Dictionary(network.projects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        var lines: [String] = []
        let renderer = layout == .geo
            ? "geo layout (positions in points)" : "schematic layout (ranks along the corridor)"
        lines.append("// corridor dot: \(renderer) — render with dot or neato, e.g.")
        lines.append("//   dot -Tsvg FILE.dot -o FILE.svg")
        lines.append("graph \(DOT.quoted("corridor")) {")

        var graph: [(String, DOT.Value)]
        let placesDrawn = selection.places.map { network.places[$0] }
        // The map frames the places on land links; places reached by sea alone (ports
        // across the sea: 釜山, 新潟, 宁波) stand on its edge, toward where they are.
        let offMap = layout == .geo ? Self.offMap(selection, net) : []
        let projection = GeoProjection(
            fitting: selection.places.filter { !offMap.contains($0) }.map { network.places[$0] }, extent: extent)
        let axis = placesDrawn.isEmpty ? nil : SchematicAxis(placesDrawn)
        switch layout {
        case .geo:
            graph = [("layout", .word("neato")), ("inputscale", .number(72))]
        case .schematic:
            graph = [("layout", .word("dot")), ("rankdir", .word(axis?.rankDirection ?? "LR")),
                     ("nodesep", .number(0.15)), ("ranksep", .number(0.3))]
        }
        graph += [("outputorder", .word("edgesfirst")), ("pad", .number(0.2)),
                  ("fontname", .text(DOTStyle.fontName)), ("fontsize", .number(14))]
        if let title { graph += [("label", .text(title)), ("labelloc", .word("t"))] }
        lines.append("  " + DOT.statement("graph", graph))
        lines.append("  " + DOT.statement("node", [
            ("fontname", .text(DOTStyle.fontName)), ("style", .word("filled")),
            ("color", .text(DOTStyle.outline)), ("fillcolor", .text(DOTStyle.fill)),
            ("fontcolor", .text(DOTStyle.outline)),
        ]))
        lines.append("  " + DOT.statement("edge", [
            ("fontname", .text(DOTStyle.fontName)), ("fontsize", .number(7)),
            ("fontcolor", .text(DOTStyle.projectLabel)),
        ]))

        // Places, in clusters by prefecture when asked.
        let offMapAt = Self.offMapPositions(offMap.sorted(), network.places, projection)
        let node = { (p: Int) in
            DOT.statement(DOT.quoted(network.places[p].id),
                          self.nodeAttributes(p, net, projection, style, offMapAt: offMapAt[p]))
        }
        if clusters && layout == .schematic {
            let prefecture = network.prefectureOfPlace()
            var members: [Int: [Int]] = [:]
            for p in selection.places { if let seat = prefecture[p] { members[seat, default: []].append(p) } }
            for seat in members.keys.sorted() {
                lines.append("  subgraph \(DOT.quoted("cluster:" + network.places[seat].id)) {")
                lines.append("    " + DOT.statement("graph", [
                    ("label", .text(name(network.places[seat]))), ("style", .word("rounded")),
                    ("color", .text(DOTStyle.dimColor)), ("fontsize", .number(10)),
                ]))
                for p in members[seat]! { lines.append("    " + node(p)) }
                lines.append("  }")
            }
            for p in selection.places where prefecture[p] == nil { lines.append("  " + node(p)) }
        } else {
            for p in selection.places { lines.append("  " + node(p)) }
        }

        // Links; in the schematic, each pointing forward along the axis. A project's name
        // labels one of its lines, the one nearest the middle of them all.
        let labelled = labelledEdges(selection, projection, style, network)
        for (e, edge) in selection.edges.enumerated() {
            var (tail, head, reversed) = (edge.from, edge.to, false)
            if layout == .schematic, let axis {
                let (a, b) = (axis.km(network.places[tail]), axis.km(network.places[head]))
                if (a, tail) > (b, head) { (tail, head, reversed) = (head, tail, true) }
            }
            let statement = DOT.quoted(network.places[tail].id) + " -- " + DOT.quoted(network.places[head].id)
            lines.append("  " + DOT.statement(
                statement, edgeAttributes(edge, reversed: reversed, projects, style, labelled: labelled.contains(e))))
        }

        if legend {
            // Places off the map's right edge, with their names, stand between map and legend.
            let rightMargin = offMapAt.values.contains { $0.x > projection.width } ? 110.0 : 0
            lines += legendLines(
                net, selection, style, prefix: prefix, projection: projection, axis: axis, rightMargin: rightMargin)
        }

        // The schematic's minimum ranks: an invisible anchor per occupied band along the
        // axis, chained in order, and from each anchor an invisible edge of weight 0 to
        // every place of its band, so no place is ranked before its band.
        if layout == .schematic, let axis {
            var bins: [Int: [Int]] = [:]
            for p in selection.places { bins[axis.bin(of: network.places[p]), default: []].append(p) }
            let anchors = bins.keys.sorted().enumerated().map { (DOT.quoted(prefix + "rank-\($0.offset + 1)"), $0.element) }
            let invisible: [(String, DOT.Value)] = [("style", .word("invis"))]
            for (anchor, _) in anchors {
                lines.append("  " + DOT.statement(anchor, [
                    ("label", .text("")), ("shape", .word("point")), ("width", .number(0.01)), ("style", .word("invis")),
                ]))
            }
            for (a, b) in zip(anchors, anchors.dropFirst()) {
                lines.append("  " + DOT.statement("\(a.0) -- \(b.0)", invisible))
            }
            for (anchor, bin) in anchors {
                for p in bins[bin]! {
                    lines.append("  " + DOT.statement("\(anchor) -- \(DOT.quoted(network.places[p].id))",
                                                      invisible + [("weight", .number(0))]))
                }
            }
        }
        lines.append("}")
        return (lines.joined(separator: "\n") + "\n", selection.foldedProjects)
    }

    /// A prefix that no id in `ids` starts with: `~`, else `~~`, ….
    static func reservedPrefix(avoiding ids: [String]) -> String {
        var prefix = "~"
        while ids.contains(where: { $0.hasPrefix(prefix) }) { prefix += "~" }
        return prefix
    }

    /// A place's name in the chosen language(s).
    func name(_ place: Place) -> String { name(zh: place.nameZh, en: place.nameEn) }

    func name(zh: String, en: String, separator: String = "\n") -> String {
        switch labels {
        case .zh: zh
        case .en: en
        case .both: zh + separator + en
        }
    }

    /// A project's name (its id if the network does not list it).
    func projectName(_ id: String, _ projects: [String: Project]) -> String {
        guard let p = projects[id] else { return id }
        return name(zh: p.nameZh, en: p.nameEn)
    }

    /// The drawn places the geo map puts off its edge: those whose every link in the
    /// network is a sea route (drawn or not: with `--hide-planned` a port of planned
    /// routes alone still stands apart), when they lie outside the box of the others and
    /// the others span a box at all (two places or more, apart).
    static func offMap(_ selection: Selection, _ net: NetworkGraph) -> Set<Int> {
        let places = net.network.places
        var land: Set<String> = [], sea: Set<String> = []
        for link in net.network.links {
            if link.mode == .sea { sea.formUnion([link.from, link.to]) } else { land.formUnion([link.from, link.to]) }
        }
        let candidates = Set(selection.places.filter { sea.contains(places[$0].id) && !land.contains(places[$0].id) })
        let framed = selection.places.filter { !candidates.contains($0) }.map { places[$0] }
        guard let south = framed.map(\.latitude).min(), let north = framed.map(\.latitude).max(),
              let west = framed.map(\.longitude).min(), let east = framed.map(\.longitude).max(),
              north > south || east > west
        else { return [] }
        return candidates.filter { p in
            !((south ... north).contains(places[p].latitude) && (west ... east).contains(places[p].longitude))
        }
    }

    /// Where the places off the map stand: on the box's edge toward where they are
    /// (``GeoProjection/pointOnEdge(_:)``), moved ``offMapMargin`` further out so they
    /// clear the places on the edge, and, where two would stand within ``offMapSpacing``
    /// of each other, the later (place order) moved out again until clear.
    static func offMapPositions(_ offMap: [Int], _ places: [Place], _ projection: GeoProjection) -> [Int: (x: Double, y: Double)] {
        let c = (x: projection.width / 2, y: projection.height / 2)
        var at: [Int: (x: Double, y: Double)] = [:]
        var taken: [(x: Double, y: Double)] = []
        for p in offMap {
            let e = projection.pointOnEdge(places[p])
            // The outward direction: the normal of the edge it stands on.
            let onSide = abs(e.x) < 0.01 || abs(e.x - projection.width) < 0.01
            let n = onSide ? (x: e.x < c.x ? -1.0 : 1.0, y: 0.0) : (x: 0.0, y: e.y < c.y ? -1.0 : 1.0)
            var out = offMapMargin
            var point = (x: e.x + n.x * out, y: e.y + n.y * out)
            while taken.contains(where: { (($0.x - point.x) * ($0.x - point.x) + ($0.y - point.y) * ($0.y - point.y)).squareRoot() < offMapSpacing }) && out < 400 {
                out += offMapSpacing / 2
                point = (x: e.x + n.x * out, y: e.y + n.y * out)
            }
            taken.append(point)
            at[p] = point
        }
        return at
    }

    /// How far outside the map's box the places off it stand, points.
    static let offMapMargin = 24.0
    /// The least distance between two places off the map, points.
    static let offMapSpacing = 36.0

    func nodeAttributes(
        _ p: Int, _ net: NetworkGraph, _ projection: GeoProjection, _ style: OverlayStyle,
        offMapAt: (x: Double, y: Double)? = nil
    ) -> [(String, DOT.Value)] {
        let offMap = offMapAt != nil
        let place = net.network.places[p]
        let kind = place.kind
        var list: [(String, DOT.Value)]
        let symbol = layout == .geo || kind == .junction
        if symbol {
            let size = DOTStyle.symbolSize(of: kind)
            let label = offMap ? name(zh: place.nameZh + "（图外）", en: place.nameEn + " (off the map)") : name(place)
            list = [("label", .text("")), ("xlabel", .text(label)), ("shape", .word(DOTStyle.shape(of: kind))),
                    ("fixedsize", .word("true")), ("width", .number(size.width)), ("height", .number(size.height))]
        } else {
            list = [("label", .text(name(place))), ("shape", .word(DOTStyle.shape(of: kind)))]
        }
        list.append(("fontsize", .number(DOTStyle.fontSize(of: kind))))
        if kind == .junction { list.append(("fillcolor", .text(DOTStyle.outline))) }
        list += style.place(p, labelInside: !symbol)
        if layout == .geo {
            let (x, y) = offMapAt ?? projection.point(place)
            list.append(("pos", .text("\(DOT.number(x)),\(DOT.number(y))!")))
        }
        return list
    }

    /// The project a line is labelled with, if the overlay labels it.
    func labelProject(_ edge: Edge, _ style: OverlayStyle) -> String? {
        guard let project = edge.project ?? style.changedBy(edge), style.labels(edge) else { return nil }
        return project
    }

    /// The lines that carry their project's name: per project, the one whose middle is
    /// nearest the middle of all its lines (as the map projects them; ties to the first),
    /// so a long project is named once, not at every section.
    func labelledEdges(
        _ selection: Selection, _ projection: GeoProjection, _ style: OverlayStyle, _ network: Network
    ) -> Set<Int> {
        var byProject: [String: [Int]] = [:]
        for (e, edge) in selection.edges.enumerated() {
            if let project = labelProject(edge, style) { byProject[project, default: []].append(e) }
        }
        var chosen: Set<Int> = []
        for edges in byProject.values {
            let middles = edges.map { e -> (x: Double, y: Double) in
                let a = projection.point(network.places[selection.edges[e].from])
                let b = projection.point(network.places[selection.edges[e].to])
                return ((a.x + b.x) / 2, (a.y + b.y) / 2)
            }
            let cx = middles.map(\.x).reduce(0, +) / Double(middles.count)
            let cy = middles.map(\.y).reduce(0, +) / Double(middles.count)
            let distance = middles.map { ($0.x - cx) * ($0.x - cx) + ($0.y - cy) * ($0.y - cy) }
            let best = distance.indices.min { (distance[$0], edges[$0]) < (distance[$1], edges[$1]) }!
            chosen.insert(edges[best])
        }
        return chosen
    }

    /// A line's attributes; `reversed` when it is written from its `to` end (a one-way
    /// line then points back); `labelled` when it carries its project's name.
    func edgeAttributes(
        _ edge: Edge, reversed: Bool, _ projects: [String: Project], _ style: OverlayStyle, labelled: Bool = true
    ) -> [(String, DOT.Value)] {
        var list: [(String, DOT.Value)] = [
            ("color", .text(DOTStyle.color(of: edge.mode))), ("penwidth", .number(DOTStyle.penWidth(of: edge.mode))),
        ]
        if !edge.built { list.append(("style", .word("dashed"))) }
        if labelled, let project = labelProject(edge, style) {
            // A `label`: dot makes room for it (a node of its own between ranks), so a
            // place's symbol never covers it, as one did an `xlabel` placed after the
            // layout. (Graphviz 2.43 mishandled edge labels on flat edges; the schematic
            // has none: every line points forward along the axis.)
            list.append(("label", .text(projectName(project, projects))))
        }
        if edge.oneWay { list.append(("dir", .word(reversed ? "back" : "forward"))) }
        return style.edge(edge, list)
    }
}

// MARK: - Overlay styles

extension DOTWriter {
    /// What the overlay changes on each place and line.
    struct OverlayStyle {
        /// Drawn places on the route; lines with a link on the route or of the project.
        var highlightedPlaces: Set<Int> = []
        var highlightedLinks: Set<Int> = []
        /// Per drawn place, its fill.
        var fills: [Int: String] = [:]
        var origins: Set<Int> = []
        var isRoute = false
        /// The impact's project, which labels the links it upgrades.
        var upgradedBy: String?
        let overlay: Overlay

        init(_ writer: DOTWriter, _ net: NetworkGraph, _ selection: Selection) {
            overlay = writer.overlay
            switch writer.overlay {
            case .none:
                break
            case .route(let route):
                isRoute = true
                highlightedLinks = writer.overlayLinks(net)
                highlightedPlaces = Set(route.places.compactMap { selection.drawnAs[$0] })
            case .reach(let reach):
                let colors = DOTStyle.bandColors(count: reach.thresholds.count)
                for r in reach.places where selection.drawnAs[r.place] == r.place { fills[r.place] = colors[r.band] }
                origins = Set(reach.origins.compactMap { selection.drawnAs[$0] })
            case .impact(let project, let minutes):
                highlightedLinks = writer.overlayLinks(net)
                upgradedBy = project
                for (p, m) in minutes where selection.drawnAs[p] == p {
                    if let color = DOTStyle.impactColor(minutes: m) { fills[p] = color }
                }
            }
        }

        /// Whether a line may carry its project's name: a planned line not built (drawn
        /// dashed) always may, so a planner can tell which dashed line is which project
        /// on any map; a built project's line on a plain map (the scenario's projects),
        /// and under an overlay the lines it is about (the route's, the impact
        /// project's). One line per project carries it (``labelledEdges``).
        func labels(_ edge: Edge) -> Bool {
            if !edge.built { return true }
            switch overlay {
            case .none: return true
            case .route, .impact: return edge.links.contains(where: highlightedLinks.contains)
            case .reach: return false
            }
        }

        /// The project that labels an existing line the impact's project upgrades.
        func changedBy(_ edge: Edge) -> String? {
            guard let upgradedBy, edge.links.contains(where: highlightedLinks.contains) else { return nil }
            return upgradedBy
        }

        func place(_ p: Int, labelInside: Bool) -> [(String, DOT.Value)] {
            var list: [(String, DOT.Value)] = []
            if let fill = fills[p] {
                list.append(("fillcolor", .text(fill)))
                if labelInside { list.append(("fontcolor", .text(DOTStyle.textColor(onFill: fill)))) }
            }
            if origins.contains(p) { list.append(("penwidth", .number(2.5))) }
            if isRoute {
                if highlightedPlaces.contains(p) {
                    list += [("color", .text("#000000")), ("penwidth", .number(2))]
                } else {
                    list += [("color", .text(DOTStyle.dimColor)), ("fontcolor", .text(DOTStyle.dimColor))]
                }
            }
            return list
        }

        func edge(_ edge: Edge, _ base: [(String, DOT.Value)]) -> [(String, DOT.Value)] {
            var list = base
            let highlighted = edge.links.contains(where: highlightedLinks.contains)
            if highlighted {
                let i = list.firstIndex { $0.0 == "penwidth" }!
                list[i].1 = .number(DOTStyle.penWidth(of: edge.mode) + DOTStyle.highlightWidth)
            } else if isRoute {
                list[0].1 = .text(DOTStyle.color(of: edge.mode) + DOTStyle.dimAlpha)
                if list.contains(where: { $0.0 == "label" }) { list.append(("fontcolor", .text(DOTStyle.dimColor))) }
            }
            return list
        }
    }
}

// MARK: - Legend

extension DOTWriter {
    /// One row of the legend: a sample and its text.
    enum Sample {
        /// A line in a colour and width, dashed or not.
        case line(color: String, width: Double, dashed: Bool, oneWay: Bool = false)
        /// A place's symbol.
        case shape(PlaceKind)
        /// A filled circle.
        case swatch(String)
    }

    /// The legend's rows: the modes drawn, planned links, the overlay's key, the kinds
    /// drawn.
    func legendRows(_ net: NetworkGraph, _ selection: Selection) -> [(Sample, String)] {
        var rows: [(Sample, String)] = []
        let modes = Set(selection.edges.map(\.mode))
        for mode in Mode.allCases where modes.contains(mode) {
            // A border crossing is a kind of place too (口岸): the line says it is the link.
            let (zh, en) = mode == .border ? ("口岸通道", "border crossing link") : (mode.nameZh, mode.nameEn)
            rows.append((.line(color: DOTStyle.color(of: mode), width: DOTStyle.penWidth(of: mode), dashed: false),
                         name(zh: zh, en: en, separator: " ")))
        }
        if selection.edges.contains(where: \.oneWay) {
            rows.append((.line(color: DOTStyle.outline, width: 1.2, dashed: false, oneWay: true),
                         name(zh: "单向", en: "one way", separator: " ")))
        }
        if selection.edges.contains(where: { !$0.built }) {
            rows.append((.line(color: DOTStyle.outline, width: 1.2, dashed: true),
                         name(zh: "规划项目（未建）", en: "planned project, not built", separator: " ")))
        }
        let thick = Sample.line(color: DOTStyle.outline, width: 1 + DOTStyle.highlightWidth, dashed: false)
        switch overlay {
        case .none:
            break
        case .route:
            rows.append((thick, name(zh: "路线", en: "the route", separator: " ")))
        case .reach(let reach):
            let colors = DOTStyle.bandColors(count: reach.thresholds.count)
            let (zh, en) = Self.unit(reach.metric)
            for (limit, color) in zip(reach.thresholds, colors) {
                let value: String = JSONText.number(limit, decimals: 1)
                rows.append((.swatch(color), name(zh: "≤\(value) \(zh)", en: "≤ \(value) \(en)", separator: " ")))
            }
            let last: String = JSONText.number(reach.thresholds.last ?? 0, decimals: 1)
            rows.append((.swatch(DOTStyle.fill), name(zh: "超过 \(last) \(zh)", en: "beyond \(last) \(en)", separator: " ")))
        case .impact:
            rows.append((thick, name(zh: "项目线路", en: "the project's links", separator: " ")))
            rows.append((.swatch(DOTStyle.fill), name(zh: "节省时间：无", en: "minutes saved: none", separator: " ")))
            let breaks = DOTStyle.impactBreaks.map { (b: Double) -> String in JSONText.number(b, decimals: 1) }
            for (i, color) in DOTStyle.impactPalette.enumerated() {
                let range = i == 0 ? "≤ \(breaks[0])" : i < breaks.count ? "\(breaks[i - 1])–\(breaks[i])" : "> \(breaks[i - 1])"
                rows.append((.swatch(color), name(zh: "节省 \(range) 分钟", en: "saves \(range) min", separator: " ")))
            }
        }
        let kinds = Set(selection.places.map { net.network.places[$0].kind })
        for kind in PlaceKind.allCases where kinds.contains(kind) {
            rows.append((.shape(kind), name(zh: kind.nameZh, en: DOTStyle.nameEn(of: kind), separator: " ")))
        }
        return rows
    }

    /// The unit of a metric's values in Chinese and English.
    static func unit(_ metric: NetworkGraph.Metric) -> (String, String) {
        switch metric {
        case .time: ("分钟", "min")
        case .length: ("公里", "km")
        case .cost: ("元/吨", "yuan/t")
        }
    }

    /// The font size of the legend's text, points.
    static let legendFontSize = 9.0

    /// About how wide `text` is in points at `size`: a wide (CJK) character a full em,
    /// any other 0.6 em. Used only to make the legend's text boxes wide enough.
    static func estimatedWidth(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? size : 0.6 * size) }
    }

    /// The legend: per row, a node `a` and a node `b` with the sample between or on them
    /// (a line from `a` to `b`, or `b`'s symbol) and a text node, its text left-justified
    /// in a box as wide as the widest text, so the texts line up.
    ///
    /// Geo layout: rows 16 pt apart from the map's top edge down, 40 pt right of the map.
    /// Schematic layout: a cluster; each row's nodes joined (invisibly, but for a line
    /// sample) in order. Left to right, the rows' `a` nodes share a rank, chained so that
    /// `dot` stacks the rows in order; top to bottom, rows go three to a rank, side by
    /// side, and the ranks are chained.
    func legendLines(
        _ net: NetworkGraph, _ selection: Selection, _ style: OverlayStyle, prefix: String,
        projection: GeoProjection, axis: SchematicAxis?, rightMargin: Double = 0
    ) -> [String] {
        let rows = legendRows(net, selection)
        guard !rows.isEmpty else { return [] }
        let size = Self.legendFontSize
        let textWidth = (rows.map { Self.estimatedWidth($0.1, size: size) }.max() ?? 0) + 8
        let indent = layout == .geo ? "  " : "    "
        var lines: [String] = []
        if layout == .schematic {
            lines.append("  subgraph \(DOT.quoted("cluster" + prefix + "legend")) {")
            lines.append("    " + DOT.statement("graph", [
                ("label", .text(name(zh: "图例", en: "legend", separator: " "))), ("style", .word("rounded")),
                ("color", .text(DOTStyle.dimColor)), ("fontsize", .number(10)),
            ]))
        }
        let x0 = projection.width + 40 + rightMargin
        let names = rows.indices.map { i in
            (a: "\(prefix)legend-\(i + 1)-a", b: "\(prefix)legend-\(i + 1)-b", text: "\(prefix)legend-\(i + 1)-text")
        }
        for (i, (sample, text)) in rows.enumerated() {
            let y = projection.height - 16 * Double(i)
            let pos = { (x: Double) -> [(String, DOT.Value)] in
                self.layout == .geo ? [("pos", .text("\(DOT.number(x)),\(DOT.number(y))!"))] : []
            }
            let hidden: [(String, DOT.Value)] = [
                ("label", .text("")), ("shape", .word("point")), ("width", .number(0.01)), ("style", .word("invis")),
            ]
            // Rows side by side in one rank (a north–south schematic) would put a line
            // sample's ends only the node separation apart, a stub that hides a dash: the
            // ends are wide invisible points there, and the line runs centre to centre.
            let sideBySide = layout == .schematic && axis?.direction == .northToSouth
            let wide: [(String, DOT.Value)] = [
                ("label", .text("")), ("shape", .word("point")), ("width", .number(0.3)), ("style", .word("invis")),
            ]
            let isLine: Bool = if case .line = sample { true } else { false }
            lines.append(indent + DOT.statement(DOT.quoted(names[i].a), (sideBySide && isLine ? wide : hidden) + pos(x0)))
            var b: [(String, DOT.Value)]
            switch sample {
            case .line:
                b = sideBySide ? wide : hidden
            case .shape(let kind):
                let s = DOTStyle.symbolSize(of: kind)
                b = [("label", .text("")), ("shape", .word(DOTStyle.shape(of: kind))), ("fixedsize", .word("true")),
                     ("width", .number(s.width)), ("height", .number(s.height))]
                if kind == .junction { b.append(("fillcolor", .text(DOTStyle.outline))) }
            case .swatch(let color):
                b = [("label", .text("")), ("shape", .word("circle")), ("fixedsize", .word("true")),
                     ("width", .number(0.14)), ("height", .number(0.14)), ("fillcolor", .text(color))]
            }
            lines.append(indent + DOT.statement(DOT.quoted(names[i].b), b + pos(x0 + 28)))
            lines.append(indent + DOT.statement(DOT.quoted(names[i].text), [
                ("label", .leftJustified(text)), ("shape", .word("plaintext")), ("fixedsize", .word("shape")),
                ("width", .number(textWidth / 72)), ("height", .number(0.2)), ("fontsize", .number(size)),
                ("style", .word("solid")),
            ] + pos(x0 + 36 + textWidth / 2)))
            if case .line(let color, let width, let dashed, let oneWay) = sample {
                var edge: [(String, DOT.Value)] = [("color", .text(color)), ("penwidth", .number(width))]
                if dashed { edge.append(("style", .word("dashed"))) }
                if oneWay { edge.append(("dir", .word("forward"))) }
                if sideBySide { edge += [("tailclip", .word("false")), ("headclip", .word("false"))] }
                lines.append(indent + DOT.statement("\(DOT.quoted(names[i].a)) -- \(DOT.quoted(names[i].b))", edge))
            } else if layout == .schematic {
                lines.append(indent + DOT.statement("\(DOT.quoted(names[i].a)) -- \(DOT.quoted(names[i].b))",
                                                    [("style", .word("invis"))]))
            }
        }
        if layout == .schematic {
            let invisible: [(String, DOT.Value)] = [("style", .word("invis"))]
            let join = { (a: String, b: String) in "    " + DOT.statement("\(DOT.quoted(a)) -- \(DOT.quoted(b))", invisible) }
            for n in names { lines.append(join(n.b, n.text)) }
            if axis?.direction == .northToSouth {
                // Lines of three rows, side by side in one rank; the lines one under another.
                let perLine = 3
                let groups = stride(from: 0, to: names.count, by: perLine).map { Array(names[$0 ..< Swift.min($0 + perLine, names.count)]) }
                for group in groups {
                    for (m, n) in zip(group, group.dropFirst()) { lines.append(join(m.text, n.a)) }
                    lines.append("    { rank=same; " + group.map { "\(DOT.quoted($0.a)); \(DOT.quoted($0.b)); \(DOT.quoted($0.text)); " }.joined() + "}")
                }
                for (g, h) in zip(groups, groups.dropFirst()) { lines.append(join(g[0].a, h[0].a)) }
            } else {
                // One rank of `a` nodes, chained; dot draws a left-to-right diagram's flat
                // chain from the bottom up, so the chain runs from the last row to the first.
                for (m, n) in zip(names, names.dropFirst()) { lines.append(join(n.a, m.a)) }
                lines.append("    { rank=same; " + names.map { DOT.quoted($0.a) + "; " }.joined() + "}")
            }
            lines.append("  }")
        }
        return lines
    }
}

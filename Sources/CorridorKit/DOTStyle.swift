/// How ``DOTWriter`` draws: the font, a colour and pen width per ``Mode``, a shape and
/// size per ``PlaceKind``, and the colours of the overlays. One table, so the diagrams,
/// their legends and the README describe the same thing.
///
///     DOTStyle.color(of: .hsr)          // "#d62728"
///     DOTStyle.penWidth(of: .hsr)       // 3
///     DOTStyle.shape(of: .station)      // "box"
///     DOTStyle.bandColors(count: 3)     // ["#1a9850", "#d9ef8b", "#fdae61"]
///
/// **Modes.** Colours follow the usual map conventions and stay apart for readers with
/// red–green colour blindness by also differing in width: HSR red and widest, expressway
/// green, conventional rail brown, trunk road ochre and thin, air purple and thinnest of
/// the lines, sea and river blues, connectors light grey and hairline, border crossings
/// magenta. Planned links (of projects not built in the scenario) are dashed in their
/// mode's colour.
///
/// **Kinds.** Settlements are round (a prefecture seat a double circle, a county seat a
/// circle, a town an ellipse, a foreign place an octagon); stations are squares
/// (`box`), airports `house`, ports `cds` (a ship's bow), border crossings hexagons,
/// junctions points. In the geo layout
/// shapes are small symbols of fixed size with the name beside them (`xlabel`); in the
/// schematic layout the name is inside the shape, which grows to fit it.
///
/// **Overlays.** Bands of a reach: a green-to-orange ramp, nearest band darkest green
/// (six colours of the 11-class RdYlGn scheme of ColorBrewer 2.0, Cynthia Brewer, from
/// its greens to orange, its pale middle yellow left out); places beyond every band stay
/// white. Minutes saved by a project: white for
/// none, then a blue ramp over ``impactBreaks`` (ColorBrewer's Blues). A route: its
/// links and places in full colour and thick, everything else faded to ``dimAlpha``.
///
/// **Font.** Graphviz passes `fontname` to Pango (PNG, PDF) and copies it into SVG's
/// `font-family`; both read a comma-separated list as fallbacks, so Chinese renders
/// with the first CJK font installed: Noto Sans CJK SC (Linux; Debian's
/// `fonts-noto-cjk`), Source Han Sans SC (its Adobe twin), WenQuanYi Micro Hei (older
/// Linux), Microsoft YaHei (Windows), PingFang SC (macOS), then any sans-serif.
public enum DOTStyle {
    /// The font list of every label.
    public static let fontName =
        "Noto Sans CJK SC,Source Han Sans SC,WenQuanYi Micro Hei,Microsoft YaHei,PingFang SC,sans-serif"

    // MARK: Modes

    /// The line colour of a link of `mode`, `#RRGGBB`.
    public static func color(of mode: Mode) -> String {
        switch mode {
        case .hsr: "#d62728"
        case .rail: "#8c510a"
        case .expressway: "#1b7837"
        case .road: "#d8a31a"
        case .air: "#7b52ab"
        case .sea: "#1f78b4"
        case .river: "#6baed6"
        case .connector: "#9e9e9e"
        case .border: "#c51b7d"
        }
    }

    /// The pen width of a link of `mode`, in points.
    public static func penWidth(of mode: Mode) -> Double {
        switch mode {
        case .hsr: 3
        case .rail: 2
        case .expressway: 2.5
        case .road: 1.2
        case .air: 1
        case .sea, .river: 1.5
        case .connector: 0.8
        case .border: 1.5
        }
    }

    /// What a highlighted link (on the route, or built by the project of an impact) adds
    /// to its mode's pen width, in points.
    public static let highlightWidth = 3.0

    /// The alpha (`#RRGGBBAA`'s last byte) of what a route overlay fades: 0x50 of 0xff.
    public static let dimAlpha = "50"

    /// The outline and text colour of faded places.
    public static let dimColor = "#bdbdbd"

    // MARK: Kinds

    /// The Graphviz shape of a place of `kind`.
    public static func shape(of kind: PlaceKind) -> String {
        switch kind {
        case .prefecture: "doublecircle"
        case .county: "circle"
        case .town: "ellipse"
        case .station: "box"
        case .airport: "house"
        case .port: "cds"
        case .border: "hexagon"
        case .junction: "point"
        case .foreign: "octagon"
        }
    }

    /// The size of a place's symbol in the geo layout, in inches (width, height).
    public static func symbolSize(of kind: PlaceKind) -> (width: Double, height: Double) {
        switch kind {
        case .prefecture: (0.2, 0.2)
        case .county: (0.14, 0.14)
        case .town: (0.12, 0.08)
        case .station: (0.09, 0.09)
        case .airport: (0.14, 0.12)
        case .port: (0.16, 0.1)
        case .border: (0.12, 0.12)
        case .junction: (0.05, 0.05)
        case .foreign: (0.14, 0.14)
        }
    }

    /// The font size of a place's name, in points: prefecture seats largest.
    public static func fontSize(of kind: PlaceKind) -> Double {
        switch kind {
        case .prefecture: 11
        case .county, .foreign: 9
        default: 8
        }
    }

    /// The outline colour of places.
    public static let outline = "#333333"

    /// The fill of places no overlay colours.
    public static let fill = "#ffffff"

    /// The colour of project labels on links.
    public static let projectLabel = "#444444"

    /// The English name of a kind in legends.
    public static func nameEn(of kind: PlaceKind) -> String {
        switch kind {
        case .prefecture: "prefecture seat"
        case .county: "county seat"
        case .town: "town"
        case .station: "station"
        case .airport: "airport"
        case .port: "port"
        case .border: "border crossing"
        case .junction: "junction"
        case .foreign: "foreign place"
        }
    }

    // MARK: Overlays

    /// The reach bands' palette: RdYlGn (11 classes) from its green `#1a9850` to its
    /// orange `#fdae61`, without the pale `#ffffbf`.
    public static let bandPalette = ["#1a9850", "#66bd63", "#a6d96a", "#d9ef8b", "#fee08b", "#fdae61"]

    /// The most bands a diagram colours (one colour each).
    public static var maximumBands: Int { bandPalette.count }

    /// The fills of `count` bands (1…``maximumBands``), nearest first, spread evenly over
    /// ``bandPalette``: 3 bands take its first, fourth and sixth colours.
    public static func bandColors(count: Int) -> [String] {
        precondition((1 ... maximumBands).contains(count), "1…\(maximumBands) bands")
        guard count > 1 else { return [bandPalette[0]] }
        let last = Double(bandPalette.count - 1)
        return (0 ..< count).map { bandPalette[Int((Double($0) * last / Double(count - 1)).rounded())] }
    }

    /// The class limits of minutes saved, ascending: a place saving more than 0 and at most
    /// the first limit is in the first class, …, more than the last in the last class.
    public static let impactBreaks: [Double] = [1, 5, 15, 30]

    /// The fills of the impact classes: one per interval of ``impactBreaks`` and one above
    /// the last: ColorBrewer's Blues in six classes without its lightest (#eff3ff, which
    /// beside "none", white, could not be told apart on paper).
    public static let impactPalette = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]

    /// The fill of a place saving `minutes`; nil for none (under 0.05 min, 0.0 when shown
    /// with one decimal), which stays white.
    public static func impactColor(minutes: Double) -> String? {
        guard minutes >= 0.05 else { return nil }
        return impactPalette[impactBreaks.firstIndex { minutes <= $0 } ?? impactBreaks.count]
    }

    /// The text colour on a fill: white on the darkest fills, else the outline colour.
    public static func textColor(onFill fill: String) -> String {
        ["#1a9850", "#3182bd", "#08519c"].contains(fill) ? "#ffffff" : outline
    }
}

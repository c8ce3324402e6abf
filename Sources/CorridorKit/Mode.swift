import Foundation

/// How a link is travelled: the planner's modes, each with the arc mode code the graph
/// core stores, its names, and the speeds that are plausible for it.
///
///     Mode(parsing: "高铁")          // .hsr
///     Mode.expressway.code           // 2
///     Mode.hsr.plausibleSpeed        // 100 ... 360 (km/h)
///
/// Connectors (access, egress and transfers inside a place: city ↔ station, city ↔
/// airport, city ↔ port) and border crossings carry a time, not a speed: their plausible
/// speed is nil.
public enum Mode: String, CaseIterable, Sendable, Hashable, Comparable {
    /// High-speed, intercity and fast rail (高速铁路, 城际铁路, 快速铁路).
    case hsr
    /// Conventional rail (普速铁路).
    case rail
    /// Expressways (高速公路).
    case expressway
    /// National and provincial trunk roads (国道, 省道).
    case road
    /// Scheduled air routes (航线).
    case air
    /// Sea routes (海运).
    case sea
    /// River routes (内河航运).
    case river
    /// Access, egress and transfer inside a place.
    case connector
    /// Crossing a border post (口岸).
    case border

    /// The code stored per arc in the graph (`Graph.mode`).
    public var code: UInt8 { UInt8(Mode.allCases.firstIndex(of: self)!) }

    /// The mode with graph code `code`, if any.
    public init?(code: UInt8) {
        guard Int(code) < Mode.allCases.count else { return nil }
        self = Mode.allCases[Int(code)]
    }

    /// The Chinese name used in tables and diagrams.
    public var nameZh: String {
        switch self {
        case .hsr: "高铁"
        case .rail: "普铁"
        case .expressway: "高速公路"
        case .road: "国省道"
        case .air: "航空"
        case .sea: "海运"
        case .river: "内河"
        case .connector: "换乘"
        case .border: "口岸"
        }
    }

    /// The English name used in tables and diagrams.
    public var nameEn: String {
        switch self {
        case .hsr: "high-speed rail"
        case .rail: "rail"
        case .expressway: "expressway"
        case .road: "trunk road"
        case .air: "air"
        case .sea: "sea"
        case .river: "river"
        case .connector: "connector"
        case .border: "border crossing"
        }
    }

    /// Average speeds (km/h, stops included) a link of this mode can plausibly have; the
    /// validator warns outside them. Nil for modes that carry a time, not a speed.
    ///
    /// The bounds are deliberately wide: HSR from slow mixed lines (≈100) to 350 km/h
    /// lines; conventional rail 30–160; expressways 50–120 (the legal maximum in China is
    /// 120); trunk roads 20–100; air 150–900 including taxiing on short hops; sea 10–60;
    /// river 5–40.
    public var plausibleSpeed: ClosedRange<Double>? {
        switch self {
        case .hsr: 100 ... 360
        case .rail: 30 ... 160
        case .expressway: 50 ... 120
        case .road: 20 ... 100
        case .air: 150 ... 900
        case .sea: 10 ... 60
        case .river: 5 ... 40
        case .connector, .border: nil
        }
    }

    /// The kind of track or way a mode runs on: HSR and conventional trains share rails
    /// (a conventional train may run over an HSR link's track: ``Link/runsOver``);
    /// expressways and trunk roads are both roads; every other mode is its own.
    public var track: String {
        switch self {
        case .hsr, .rail: "rail"
        case .expressway, .road: "road"
        default: rawValue
        }
    }

    /// Links shorter than this (km) are mostly starting and stopping: a 10 km hop between
    /// two stations of one city takes an HSR train 7–10 minutes in the 2016 timetable
    /// (长春–长春西 10 min), 60–90 km/h. On them only the upper bound of
    /// ``plausibleSpeed`` is checked.
    public static let shortLinkKm = 25.0

    /// The plausible speeds for a link of `km` kilometres: ``plausibleSpeed``, with no
    /// lower bound under ``shortLinkKm``, nor on a link that crosses a border (to or from
    /// a border crossing or a foreign place), whose time may include exit and entry
    /// formalities.
    public func plausibleSpeed(overKm km: Double, crossesBorder: Bool = false) -> ClosedRange<Double>? {
        guard let range = plausibleSpeed else { return nil }
        return km < Self.shortLinkKm || crossesBorder ? 0 ... range.upperBound : range
    }

    /// Parses a mode written by a planner: the id (`hsr`), the English or Chinese name, or
    /// a common synonym, case-insensitively; nil if none matches.
    public init?(parsing text: String) {
        let key = text.trimmingBlanks().lowercased()
        if let mode = Mode(rawValue: key) {
            self = mode
            return
        }
        let synonyms: [String: Mode] = [
            "high-speed rail": .hsr, "高铁": .hsr, "高速铁路": .hsr, "城际铁路": .hsr, "快速铁路": .hsr,
            "普铁": .rail, "铁路": .rail, "普速铁路": .rail, "railway": .rail,
            "高速公路": .expressway, "高速": .expressway,
            // Not "highway": in Chinese English it is 公路 and 高速公路 both, so it would guess.
            "国道": .road, "省道": .road, "国省道": .road, "trunk road": .road,
            "航空": .air, "航线": .air, "flight": .air,
            "海运": .sea, "航运": .sea, "ship": .sea,
            "内河": .river,
            "换乘": .connector, "接驳": .connector, "transfer": .connector, "access": .connector,
            "口岸": .border, "border crossing": .border,
        ]
        guard let mode = synonyms[key] else { return nil }
        self = mode
    }

    public static func < (a: Mode, b: Mode) -> Bool { a.code < b.code }
}

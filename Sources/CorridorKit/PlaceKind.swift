import Foundation

/// What a place is. Cities and counties are where people live (and are counted);
/// stations, airports and ports are where modes meet them, joined by connectors.
public enum PlaceKind: String, CaseIterable, Sendable, Hashable {
    /// Whether a link to this kind of place crosses (or reaches) a border: a border
    /// crossing or a foreign place.
    public var isAcrossBorder: Bool { self == .border || self == .foreign }

    /// A prefecture-level city seat (地级市/自治州 驻地), 梅河口 included.
    case prefecture
    /// A county-level unit's seat (县, 县级市, 区).
    case county
    /// A town (镇) the plans name.
    case town
    /// A railway station.
    case station
    /// An airport.
    case airport
    /// A sea or river port.
    case port
    /// A border crossing (口岸).
    case border
    /// A road or rail junction with no population of its own.
    case junction
    /// A place outside China (Zarubino, Rajin, …).
    case foreign

    /// The Chinese name used in tables.
    public var nameZh: String {
        switch self {
        case .prefecture: "地级市"
        case .county: "县级"
        case .town: "镇"
        case .station: "车站"
        case .airport: "机场"
        case .port: "港口"
        case .border: "口岸"
        case .junction: "枢纽"
        case .foreign: "境外"
        }
    }

    /// Whether people are counted here (population applies).
    public var isSettlement: Bool {
        switch self {
        case .prefecture, .county, .town, .foreign: true
        case .station, .airport, .port, .border, .junction: false
        }
    }

    /// Parses a kind by id or Chinese name, case-insensitively.
    public init?(parsing text: String) {
        let key = text.trimmingBlanks().lowercased()
        if let kind = PlaceKind(rawValue: key) {
            self = kind
            return
        }
        guard let kind = PlaceKind.allCases.first(where: { $0.nameZh == key }) else { return nil }
        self = kind
    }
}

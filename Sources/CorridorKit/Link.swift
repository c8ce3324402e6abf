/// Whether a link exists in the base network or is built by a project.
public enum LinkStatus: String, CaseIterable, Sendable, Hashable {
    case existing, planned
}

/// Whom a link carries. A freight-only line (珲马铁路) is no way for a traveller: trips
/// (time and distance) leave it out, freight (cost) uses it. A passenger-only line
/// carries no freight, as high-speed rail never does.
public enum LinkService: String, CaseIterable, Sendable, Hashable {
    case both, freight, passenger
}

/// A link between two places by one mode, both ways unless one-way.
public struct Link: Sendable, Hashable {
    public var id: String
    public var from: String
    public var to: String
    public var mode: Mode
    public var lengthKm: Double?
    public var minutes: Double?
    /// For a link both ways: the time from `to` back to `from`, when it differs from
    /// `minutes` (a connector's arrival side, with no security or check-in); nil for the
    /// same time both ways.
    public var minutesBack: Double? = nil
    public var speedKmh: Double?
    public var oneWay: Bool
    public var status: LinkStatus
    public var project: String?
    public var corridors: [String]
    /// For an express run (a train that skips stops), or slower trains on a faster
    /// line's track: the links whose track it runs over, e.g. 长春–吉林 non-stop over
    /// 长春–龙嘉, 龙嘉–九台南 and 九台南–吉林. It is a link of its own for routing; totals of
    /// network length leave it out.
    public var runsOver: [String] = []
    /// Whom it carries: both by default.
    public var service: LinkService = .both
    public var source: String
    /// The row it was read from.
    public var origin: SourceRow

    /// The travel time in minutes: as given, or length ÷ speed.
    public var travelMinutes: Double? {
        if let minutes { return minutes }
        if let lengthKm, let speedKmh, speedKmh > 0 { return lengthKm / speedKmh * 60 }
        return nil
    }

    /// For a link that runs over others: the places it passes, from `from` to `to`, each
    /// after the link it is reached by (`section`), when ``runsOver`` names them in order
    /// (each starts where the one before ends, a one-way one only forwards); nil when it
    /// does not, or names a link `link(_:)` does not know.
    ///
    /// - Complexity: O(k) for k links run over.
    public func passes(_ link: (String) -> Link?) -> [(place: String, section: Link)]? {
        var at = from, out: [(place: String, section: Link)] = []
        for id in runsOver {
            guard let s = link(id) else { return nil }
            if s.from == at { at = s.to } else if s.to == at && !s.oneWay { at = s.from } else { return nil }
            out.append((at, s))
        }
        return at == to ? out : nil
    }

    /// The travel time from `to` back to `from`, minutes: ``minutesBack``, else the same
    /// as ``travelMinutes``.
    public var travelMinutesBack: Double? { minutesBack ?? travelMinutes }
}

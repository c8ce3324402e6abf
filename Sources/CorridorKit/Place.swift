/// A place: a city, county, town, station, airport, port, border crossing, junction or
/// foreign place, as a row of `places.csv` states it (docs/network-format.md).
public struct Place: Sendable, Hashable {
    public var id: String
    public var nameZh: String
    public var nameEn: String
    public var kind: PlaceKind
    /// WGS-84 latitude and longitude in decimal degrees.
    public var latitude: Double
    public var longitude: Double
    public var coordinateSource: String
    /// The id of the administrative parent, if given.
    public var parent: String?
    /// Resident population (2020 census), for settlements.
    public var population: Int?
    public var populationSource: String?
    /// The row it was read from.
    public var origin: SourceRow
}

import CorridorKit
import Testing

@Suite struct ModeTests {
    @Test func codesAreDenseAndRoundTrip() {
        #expect(Mode.allCases.map(\.code) == Array(0 ..< 9))
        for mode in Mode.allCases { #expect(Mode(code: mode.code) == mode) }
        #expect(Mode(code: 9) == nil)
    }

    @Test func parsesIdsNamesAndSynonyms() {
        #expect(Mode(parsing: "hsr") == .hsr)
        #expect(Mode(parsing: " HSR ") == .hsr)
        #expect(Mode(parsing: "高铁") == .hsr)
        #expect(Mode(parsing: "城际铁路") == .hsr)
        #expect(Mode(parsing: "高速公路") == .expressway)
        #expect(Mode(parsing: "国道") == .road)
        #expect(Mode(parsing: "口岸") == .border)
        #expect(Mode(parsing: "Expressway") == .expressway)
        #expect(Mode(parsing: "bus") == nil)
        #expect(Mode(parsing: "") == nil)
    }

    @Test func plausibleSpeeds() {
        // A 120 km/h expressway is plausible, 130 is not (China's legal maximum is 120).
        #expect(Mode.expressway.plausibleSpeed?.contains(120) == true)
        #expect(Mode.expressway.plausibleSpeed?.contains(130) == false)
        #expect(Mode.hsr.plausibleSpeed?.contains(350) == true)
        #expect(Mode.connector.plausibleSpeed == nil && Mode.border.plausibleSpeed == nil)
        // 长春–长春西, 12 km in 10 min (2016): 72 km/h is real on a short hop, not on a line.
        #expect(Mode.hsr.plausibleSpeed(overKm: 12)?.contains(72) == true)
        #expect(Mode.hsr.plausibleSpeed(overKm: 111)?.contains(72) == false)
        #expect(Mode.hsr.plausibleSpeed(overKm: 12)?.contains(400) == false)
        #expect(Mode.hsr.plausibleSpeed(overKm: 25)?.contains(72) == false)
        // A cross-border rail link with an hour of formalities: slow, but plausible.
        #expect(Mode.rail.plausibleSpeed(overKm: 38, crossesBorder: true)?.contains(23) == true)
        #expect(Mode.rail.plausibleSpeed(overKm: 38, crossesBorder: true)?.contains(200) == false)
        #expect(PlaceKind.foreign.isAcrossBorder && PlaceKind.border.isAcrossBorder && !PlaceKind.town.isAcrossBorder)
    }

    @Test func placeKinds() {
        #expect(PlaceKind(parsing: "prefecture") == .prefecture)
        #expect(PlaceKind(parsing: "机场") == .airport)
        #expect(PlaceKind(parsing: "Station") == .station)
        #expect(PlaceKind(parsing: "city") == nil)
        #expect(PlaceKind.allCases.filter(\.isSettlement) == [.prefecture, .county, .town, .foreign])
    }
}

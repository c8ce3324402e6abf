import CorridorKit
import Foundation
import Testing
import TestSupport

/// Geometry, speed and connectivity checks. Straight-line distances were computed
/// independently with a Python haversine (R = 6371.0088 km): 长春–吉林 98.37 km.
@Suite struct NetworkValidatorTests {
    func problems(links: String, extraPlaces: String = "") -> [String] {
        let folder = NSTemporaryDirectory() + "corridor-val-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let places = """
            id,name_zh,name_en,kind,lat,lon,coord_source
            changchun,长春,Changchun,prefecture,43.8171,125.3235,t
            jilin,吉林,Jilin,prefecture,43.8378,126.5494,t

            """ + extraPlaces
        try! Data(places.utf8).write(to: URL(fileURLWithPath: folder + "/places.csv"))
        try! Data(("id,from,to,mode,length_km,minutes,status,source\n" + links).utf8)
            .write(to: URL(fileURLWithPath: folder + "/links.csv"))
        let (network, loadProblems) = NetworkFiles.load(folder: folder)
        #expect(loadProblems.isEmpty, "\(loadProblems)")
        return NetworkValidator.check(network!).map { "\($0)".replacingOccurrences(of: folder + "/", with: "") }
    }

    @Test func tinyFixtureIsClean() throws {
        let (network, _) = NetworkFiles.load(folder: FixturePath.of("networks/tiny"))
        #expect(NetworkValidator.check(try #require(network)).isEmpty)
    }

    @Test func greatCircle() throws {
        let (network, _) = NetworkFiles.load(folder: FixturePath.of("networks/tiny"))
        let p = try #require(network).places
        #expect(abs(NetworkValidator.greatCircleKm(p[0], p[1]) - 98.3669) < 0.001)
        #expect(abs(NetworkValidator.greatCircleKm(p[2], p[3]) - 99.3659) < 0.001)
        #expect(NetworkValidator.greatCircleKm(p[0], p[0]) == 0)
    }

    @Test func lengthAgainstTheStraightLine() {
        #expect(problems(links: "a,changchun,jilin,expressway,50,30,existing,t\n") == [
            "links.csv:2:30: error: length 50 km is shorter than the straight line between 长春 and 吉林 (98.4 km)",
        ])
        #expect(problems(links: "a,changchun,jilin,rail,400,300,existing,t\n") == [
            "links.csv:2:24: warning: length 400 km is more than 3× the straight line between 长春 and 吉林 (98.4 km)",
        ])
        // 98 km is within rounding of 98.37 (1% and 0.5 km allowed): no problem.
        #expect(problems(links: "a,changchun,jilin,rail,98,90,existing,t\n").isEmpty)
    }

    @Test func implausibleSpeed() {
        // 111 km in 10 minutes = 666 km/h by HSR.
        #expect(problems(links: "a,changchun,jilin,hsr,111,10,existing,t\n") == [
            "links.csv:2:27: warning: average speed 666 km/h is implausible for hsr (100–360 km/h)",
        ])
        // Connectors carry a time, not a speed: never checked.
        #expect(problems(links: "a,changchun,jilin,connector,,1,existing,t\n").isEmpty)
    }

    @Test func placesNothingReaches() {
        #expect(problems(links: "a,changchun,jilin,rail,111,90,existing,t\n",
                         extraPlaces: "yanji,延吉,Yanji,prefecture,42.9,129.5,t\n") == [
            "places.csv:4:1: warning: no link reaches 延吉 (yanji)",
        ])
    }

    /// Writes the files into a new folder, loads it (expecting no loader problem) and
    /// checks it.
    func problems(_ files: [String: String]) -> [String] {
        let folder = NSTemporaryDirectory() + "corridor-val-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in files {
            try! Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        let (network, loadProblems) = NetworkFiles.load(folder: folder)
        #expect(loadProblems.isEmpty, "\(loadProblems)")
        return NetworkValidator.check(network!).map { "\($0)".replacingOccurrences(of: folder + "/", with: "") }
    }

    static let places = """
        id,name_zh,name_en,kind,lat,lon,coord_source
        changchun,长春,Changchun,prefecture,43.8171,125.3235,t
        jilin,吉林,Jilin,prefecture,43.8378,126.5494,t

        """

    /// A one-way link reaches its `to` only: a place with nothing but one-way links out of
    /// it is reached by none.
    @Test func oneWayLinksReachTheirEndOnly() {
        #expect(problems([
            "places.csv": Self.places,
            "links.csv": "id,from,to,mode,length_km,minutes,oneway,status,source\n"
                + "a,changchun,jilin,air,120,40,yes,existing,t\n",
        ]) == ["places.csv:2:1: warning: no link reaches 长春 (changchun)"])
    }

    /// An upgrade's new time is held to the same plausible speeds, at its own field.
    @Test func upgradeSpeed() {
        let files = { (change: String) in [
            "places.csv": Self.places,
            "links.csv": "id,from,to,mode,length_km,minutes,status,source\na,changchun,jilin,hsr,111,38,existing,t\n",
            "projects.csv": "id,name_zh,name_en,reference,type,source\nup,提速,Speed-up,x,upgrade,t\n",
            "changes.csv": "project,link,minutes,speed_kmh,source\n" + change,
        ] }
        // 111 km in 15 minutes = 444 km/h; at 400 km/h as given.
        #expect(problems(files("up,a,15,,t\n")) == [
            "changes.csv:2:6: warning: average speed 444 km/h after the upgrade is implausible for hsr (100–360 km/h)",
        ])
        #expect(problems(files("up,a,,400,t\n")) == [
            "changes.csv:2:7: warning: average speed 400 km/h after the upgrade is implausible for hsr (100–360 km/h)",
        ])
        #expect(problems(files("up,a,30,,t\n")).isEmpty)  // 222 km/h
    }

    /// A speed given as `speed_kmh` is reported at that field, as given.
    @Test func implausibleSpeedGivenAsSpeed() {
        #expect(problems([
            "places.csv": Self.places,
            "links.csv": "id,from,to,mode,length_km,speed_kmh,status,source\na,changchun,jilin,expressway,111,130,existing,t\n",
        ]) == ["links.csv:2:34: warning: average speed 130 km/h is implausible for expressway (50–120 km/h)"])
    }
}

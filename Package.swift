// swift-tools-version: 6.0
// Corridor: a transport-network analyzer for regional planners.
// No package dependencies: the toolchain only (stdlib, Foundation, Dispatch, Swift Testing).
import PackageDescription

/// Hot loops in the core are checked by the tests in debug builds; release builds of
/// every target are plain `-O` (bounds checks stay on outside the `unsafe` buffer loops).
let package = Package(
    name: "Corridor",
    products: [
        .library(name: "CorridorCore", targets: ["CorridorCore"]),
        .library(name: "CorridorKit", targets: ["CorridorKit"]),
        .library(name: "CorridorCLI", targets: ["CorridorCLI"]),
        .executable(name: "corridor", targets: ["corridor"]),
        .executable(name: "corridor-bench", targets: ["corridor-bench"]),
    ],
    targets: [
        // The optimized graph core: standard library only (no Foundation).
        .target(name: "CorridorCore"),
        // The domain: places, links, network files, DIMACS import, analyses, exporters.
        .target(name: "CorridorKit", dependencies: ["CorridorCore"]),
        // All command logic, as a library so it is testable in-process.
        .target(name: "CorridorCLI", dependencies: ["CorridorKit"]),
        .executableTarget(name: "corridor", dependencies: ["CorridorCLI"]),
        .executableTarget(name: "corridor-bench", dependencies: ["CorridorKit"]),

        // Shared test helpers: seeded RNG, random graphs, oracles, certificate checks.
        .target(name: "TestSupport", dependencies: ["CorridorCore"], path: "Tests/TestSupport"),
        .testTarget(name: "CorridorCoreTests", dependencies: ["CorridorCore", "TestSupport"]),
        .testTarget(name: "CorridorKitTests", dependencies: ["CorridorKit", "TestSupport"]),
        .testTarget(name: "CorridorCLITests", dependencies: ["CorridorCLI", "TestSupport"]),
    ]
)

/// A small, fast, reproducible random number generator: SplitMix64 (Steele, Lea, Flood,
/// "Fast splittable pseudorandom number generators", OOPSLA 2014).
///
/// Every randomized test draws from one of these and prints ``seed`` in its failure
/// messages (`"\(rng)"` reads `seed 42`), so a failure is replayed by running the same
/// seed again.
///
///     var rng = SeededRandom(seed: 42)
///     let n = rng.int(5 ... 60)
///     #expect(result == expected, "\(rng)")
public struct SeededRandom: RandomNumberGenerator, CustomStringConvertible, Sendable {
    /// The seed this generator started from.
    public let seed: UInt64
    private var state: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `seed N`: what failure messages print.
    public var description: String { "seed \(seed)" }

    /// A uniform integer in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// A uniform integer in `range`.
    public mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &self) }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0 ..< 1, using: &self) < p }

    /// A uniform fraction in `0 ... 1`.
    public mutating func fraction() -> Double { Double.random(in: 0 ... 1, using: &self) }

    /// A uniform element of a non-empty collection.
    public mutating func pick<C: Collection>(_ c: C) -> C.Element {
        precondition(!c.isEmpty, "pick from an empty collection")
        return c[c.index(c.startIndex, offsetBy: int(0 ..< c.count))]
    }
}

/// The seeds a randomized test iterates over: `count` consecutive seeds starting at a
/// per-test `base`, so that different tests never share a stream by accident.
public func seeds(_ count: Int, base: UInt64) -> [UInt64] {
    (0 ..< UInt64(count)).map { base &* 1_000_003 &+ $0 }
}

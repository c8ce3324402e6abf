import CorridorCore
import CorridorKit
import Testing

@Suite struct LocalityOrderTests {
    /// Morton keys interleave x (even bits) and y (odd bits): worked by hand.
    @Test func mortonKeysByHand() {
        #expect(LocalityOrder.mortonKey(0, 0) == 0)
        #expect(LocalityOrder.mortonKey(1, 0) == 1)      // x bit 0 → bit 0
        #expect(LocalityOrder.mortonKey(0, 1) == 2)      // y bit 0 → bit 1
        #expect(LocalityOrder.mortonKey(2, 1) == 6)      // x bit 1 → bit 2, y bit 0 → bit 1
        #expect(LocalityOrder.mortonKey(3, 3) == 15)
        #expect(LocalityOrder.mortonKey(0xFFFF_FFFF, 0) == 0x5555_5555_5555_5555)
    }

    /// Four corners of a square: (0,0) first, then (10,0), (0,10), (10,10). With 10 =
    /// 0b1010, key(10,0) = 0b1000100 = 68, key(0,10) = 136, key(10,10) = 204.
    @Test func cornersOfASquare() {
        let order = LocalityOrder.zOrder([(10, 10), (0, 0), (10, 0), (0, 10)])
        #expect(order == [3, 0, 1, 2])
        // Negative coordinates are shifted, not misordered; equal points keep their order.
        #expect(LocalityOrder.zOrder([(-5, -5), (-5, -5), (-6, -5)]) == [1, 2, 0])
        #expect(LocalityOrder.zOrder([]).isEmpty)
    }
}

import CorridorKit
import Testing

@Suite struct SuggestionsTests {
    @Test func editDistanceByHand() {
        // kitten → sitting: k→s, e→i, +g = 3 (the textbook example).
        #expect(Suggestions.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(Suggestions.editDistance(Array(""), Array("abc")) == 3)
        #expect(Suggestions.editDistance(Array("长春"), Array("长春西")) == 1)
        #expect(Suggestions.editDistance(Array("route"), Array("rotue")) == 1)  // one swap
        #expect(Suggestions.editDistance(Array("raech"), Array("reach")) == 1)
        #expect(Suggestions.editDistance(Array("ab"), Array("ba")) == 1)
        // OSA, not full Damerau: "ca" → "abc" is 3 (a swapped pair is not edited again).
        #expect(Suggestions.editDistance(Array("ca"), Array("abc")) == 3)
        #expect(Suggestions.editDistance(Array("reach"), Array("raech")) == 1)
    }

    @Test func closestFirstWithinBudget() {
        let names = ["route", "reach", "report", "info"]
        #expect(Suggestions.closest(to: "reprot", among: names) == ["report"])  // 1 swap, budget 2
        #expect(Suggestions.closest(to: "xyz", among: names).isEmpty)
        #expect(Suggestions.closest(to: "raech", among: names) == ["reach"])  // 1 swap, budget 1
        #expect(Suggestions.closest(to: "re", among: names) == ["reach", "report"])  // prefixes
        #expect(Suggestions.closest(to: "长春x", among: ["长春", "吉林", "长春西"]) == ["长春", "长春西"])
    }

    @Test func didYouMeanPhrase() {
        #expect(Suggestions.didYouMean("长春x", among: ["长春"]) == " (did you mean \"长春\"?)")
        #expect(Suggestions.didYouMean("长春x", among: ["长春", "长春西"])
            == " (did you mean \"长春\" or \"长春西\"?)")
        #expect(Suggestions.didYouMean("qqq", among: ["长春"]) == "")
    }
}

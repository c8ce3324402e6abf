extension ImpactAnalysis {
    /// Per populated place, the minutes that building `projects` on top of `built` saves
    /// on that place's average trip: the place's own share of
    /// ``ProjectImpact/accessibility``.
    ///
    ///     let analysis = ImpactAnalysis(net, hubs: [])
    ///     analysis.minutesSavedByPlace(by: ["hsr-shenbai"])
    ///     // [(place: 白山, minutes: 31.2), (place: 通化, minutes: 12.8), …] (place order)
    ///
    /// For a place i with a population, Σⱼ w_ij (t_ij before − t_ij after) / Σⱼ w_ij over
    /// the other populated places j, with the gravity weights w_ij and door-to-door
    /// times t_ij *from* i of ``ImpactAnalysis`` (an unreachable pair counts as
    /// ``unreachableMinutes``). Weighting by the place's own total Σⱼ w_ij, these per-place
    /// values average to the project's accessibility benefit, so the map of them is that
    /// figure broken down by where people start. Places without a population have no
    /// value and are left out.
    ///
    /// - Returns: every populated place (index into the network's places) with its
    ///   minutes saved, in place order; 0 where nothing changes.
    /// - Complexity: two scenario evaluations (one search per populated place each).
    public func minutesSavedByPlace(by projects: [String], over built: [String] = []) -> [(place: Int, minutes: Double)] {
        let evaluations = evaluate([[], projects], on: built)
        let before = evaluations[0].times, after = evaluations[1].times
        return people.indices.map { a in
            var saved = 0.0, total = 0.0
            for b in people.indices where b != a {
                saved += weight[a][b] * (before[a][b] - after[a][b])
                total += weight[a][b]
            }
            return (people[a], total > 0 ? saved / total : 0)
        }
    }
}

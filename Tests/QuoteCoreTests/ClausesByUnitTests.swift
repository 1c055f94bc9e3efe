@testable import QuoteCore
import Testing

/// `ClausesByUnit` answers as the table of arrays it replaced (`[unit: [Range<Int>]]`, asked
/// whether any clause of a unit overlaps a range).
@Suite struct ClausesByUnitTests {
    @Test func answersLikeATableOfArrays() {
        var clauses = ClausesByUnit(units: 5)
        var reference: [Int: [Range<Int>]] = [:]
        // Clauses of several units, interleaved, some units with none.
        let added: [(unit: Int, clause: Range<Int>)] = [(1, 10..<20), (3, 40..<50), (1, 30..<35), (4, 0..<5),
                                                         (1, 50..<60), (3, 70..<71)]
        for (unit, clause) in added {
            clauses.append(clause, unit: unit)
            reference[unit, default: []].append(clause)
        }
        let probes: [Range<Int>] = [0..<1, 4..<6, 5..<10, 9..<11, 19..<30, 20..<30, 34..<36, 45..<46, 59..<70,
                                    60..<70, 70..<71, 71..<80, 0..<100]
        for unit in 0..<5 {
            for probe in probes {
                let expected = reference[unit, default: []].contains { $0.overlaps(probe) }
                #expect(clauses.anyOverlaps(probe, unit: unit) == expected, "unit \(unit), \(probe)")
            }
        }
    }
}

@testable import QuoteCore
import Testing

/// `QuoteClaims` answers as the `Set<Int>` it replaced for quotation indexes of the document.
@Suite struct QuoteClaimsTests {
    @Test func answersLikeASetAcrossWordEdges() {
        var claims = QuoteClaims(count: 130)
        var reference = Set<Int>()
        for index in [0, 1, 62, 63, 64, 65, 127, 128, 129] {
            claims.insert(index)
            reference.insert(index)
        }
        for index in -2...131 {
            #expect(claims.contains(index) == reference.contains(index), "index \(index)")
        }
    }

    @Test func indexesOutsideTheDocumentAreNeverClaimed() {
        var claims = QuoteClaims(count: 3)
        claims.insert(-1)
        claims.insert(64)
        claims.insert(Int.max)
        #expect(claims == QuoteClaims(count: 3))
        #expect(!claims.contains(Int.min))
        #expect(!QuoteClaims(count: 0).contains(0))
    }
}

import QuoteCore
import XCTest

/// Sentence splitting with the abbreviation repair pass.
final class SegmentationTests: XCTestCase {
    private func sentences(_ text: String) -> [String] {
        let buffer = TextBuffer(text)
        let layout = Layout(text: buffer, lexicon: .bundled)
        let splitter = SentenceSplitter(lexicon: .bundled)
        return layout.paragraphs.flatMap { splitter.sentences(in: $0, shadow: layout.shadow) }.map { buffer.text($0) }
    }

    func testAbbreviationsDoNotSplit() {
        let text = "U.S. Ambassador to Iraq Ryan Crocker met Sen. Dana Whitcombe and Dr. Amira Haddad at 9 a.m. Monday. Gov. Luis Ortega and Lt. Gen. Sam Price of Acme Inc. came too."
        XCTAssertEqual(sentences(text).count, 2, "\(sentences(text))")
    }

    func testAbbreviationBeforeNumberDoesNotSplit() {
        XCTAssertEqual(sentences("The boxes will be reprogrammed on Feb. 28, she said. Riders on the No. 14 bus agreed.").count, 2)
    }

    /// A party-and-state tag ("R-Calif.") is read by the part after its last hyphen: it ends a
    /// sentence exactly when the bare abbreviation would, in ASCII and beyond it; an unknown
    /// part ends it.
    func testTheAbbreviationAfterAHyphenDecides() {
        let bare = sentences("Ann Poe, Calif. Washington voted no.").count
        XCTAssertEqual(bare, 1)
        XCTAssertEqual(sentences("Ann Poe, R-Calif. Washington voted no.").count, bare)
        XCTAssertEqual(sentences("Ann Poe, Ré-Calif. Washington voted no.").count, bare)
        XCTAssertEqual(sentences("Ann Poe, R-Calif-Mo. Washington voted no.").count, bare)
        XCTAssertEqual(sentences("Ann Poe, R-Xyzq. Washington voted no.").count, 2)
    }

    func testAbbreviationBeforeSentenceStarterSplits() {
        XCTAssertEqual(sentences("The troops came home to the U.S. The war was over.").count, 2)
    }

    func testQuestionMarkBeforeLowercaseAttributionDoesNotSplit() {
        XCTAssertEqual(sentences("\"Is this possible?\" she asked. Nobody answered.").count, 2)
    }

    func testHardWrappedLinesAndCRLFAreJoined() {
        let text = "The council met on Tuesday and voted\r\nto delay the plan. Members left early.\r\n\r\nA new paragraph."
        let buffer = TextBuffer(text)
        let layout = Layout(text: buffer, lexicon: .bundled)
        XCTAssertEqual(layout.paragraphs.count, 2)
        XCTAssertEqual(sentences(text).count, 3)
        XCTAssertEqual(layout.shadow.count, buffer.units.count, "the shadow keeps every offset")
    }

    func testClutterLinesAndDuplicatedCaptionsAreRemoved() {
        let caption = "The mayor, left, greets residents at the opening of the new library on Main Street."
        let text = "Play Live Radio\n\n\(caption)\n\(caption)\n\nThe library opened.\n\nAdvertisement\n\nIt has 40,000 books."
        let buffer = TextBuffer(text)
        let layout = Layout(text: buffer, lexicon: .bundled)
        XCTAssertEqual(layout.paragraphs.map { buffer.text($0) }, [caption, "The library opened.", "It has 40,000 books."])
        XCTAssertEqual(layout.clutter.count, 3)
    }

    /// A line that starts with a clutter entry ending in a colon is clutter ("Photo: ..."); a
    /// line with a colon elsewhere is text.
    func testLinesOpenedByAClutterLabelAreRemoved() {
        let text = "Photo: Getty Images\n\nThe mayor spoke: we will build.\n\nWATCH: the full speech\n\nNotes: none so far\n\nIt has 40,000 books."
        let buffer = TextBuffer(text)
        let layout = Layout(text: buffer, lexicon: .bundled)
        XCTAssertEqual(layout.paragraphs.map { buffer.text($0) },
                       ["The mayor spoke: we will build.", "Notes: none so far", "It has 40,000 books."])
        XCTAssertEqual(layout.clutter.map { buffer.text($0) }, ["Photo: Getty Images", "WATCH: the full speech"])
    }
}

/// The layout's shadow shares the text's code units until it needs a change of its own.
final class LayoutShadowTests: XCTestCase {
    private func sharesStorage(_ layout: Layout, _ text: TextBuffer) -> Bool {
        layout.shadow.withUnsafeBufferPointer { shadow in
            text.units.withUnsafeBufferPointer { units in shadow.baseAddress == units.baseAddress }
        }
    }

    func testACleanTextIsNotCopied() {
        let text = TextBuffer("\"We will win,\" Maria Lopez said.\n\nThe count starts at noon. “Soon,” she added.\n")
        let layout = Layout(text: text, lexicon: .bundled)
        XCTAssertEqual(layout.shadow, text.units)
        XCTAssertTrue(sharesStorage(layout, text))
    }

    /// Each kind of change copies, and leaves the text's own units as they were.
    func testChangesGoToACopyOnly() {
        for original in ["A tab\there.", "A soft\nwrap in one paragraph.\n\nAnd another.", "CRLF\r\n\r\nparagraphs.",
                         "No-break\u{A0}space.", "Advertisement\n\nThe story goes on here, as it always does."] {
            let text = TextBuffer(original)
            let before = text.units
            let layout = Layout(text: text, lexicon: .bundled)
            XCTAssertNotEqual(layout.shadow, text.units, original.debugDescription)
            XCTAssertEqual(text.units, before, original.debugDescription)
            XCTAssertEqual(String(decoding: text.units, as: UTF16.self), original)
            XCTAssertFalse(sharesStorage(layout, text), original.debugDescription)
        }
    }

    /// The bench's yardstick counts ICU's sentence boundaries (one after each sentence, the last
    /// at the end), and nothing in an empty text.
    func testICUSentenceCountIsICUsBoundaries() {
        func count(_ text: String) -> Int { Array(text.utf16).withUnsafeBufferPointer { SentenceSplitter.icuSentenceCount($0) } }
        XCTAssertEqual(count("The vote is on Monday. It will pass. Will it?"), 3)
        XCTAssertEqual(count("One sentence without an end"), 1)
        XCTAssertEqual(count(""), 0)
    }
}

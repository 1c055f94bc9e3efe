import QuoteCore
import QuoteSchema
@testable import QuoteStore
import XCTest

/// The extraction hash's hasher: every stored property of a record changes the hash, values
/// cannot run into each other, and the hash is the same in every process.
final class FieldHasherTests: XCTestCase {
    /// A record with every optional property present.
    private static let full = QuoteRecord(
        document: "harbour/1", id: "q-1a2b", type: .mixed,
        quote: QuoteContent(text: "the pier comes first", start: 40, end: 60,
                            parts: [OffsetRange(start: 40, end: 50), OffsetRange(start: 52, end: 60)]),
        speaker: Speaker(name: "Ines Carvalho", kind: .person, role: "mayor",
                         mention: TextSpan(text: "Carvalho", start: 70, end: 78), resolution: "surname"),
        via: Speaker(name: "Harbour Gazette", kind: .organization, role: "newspaper",
                     mention: TextSpan(text: "The Harbour Gazette", start: 0, end: 19), resolution: "name"),
        cue: Cue(text: "told reporters", lemma: "tell", start: 79, end: 93),
        confidence: 0.85, rule: "reported-speech", diagnostics: ["unclosed-quote"], schemaVersion: "1.0")

    private func hash(_ record: QuoteRecord) -> UInt64 {
        var hasher = FieldHasher()
        hasher.add(record)
        return hasher.value
    }

    /// One change of each stored property, by its path in the record.
    private static let changes: [String: (inout QuoteRecord) -> Void] = [
        "document": { $0.document += "x" },
        "id": { $0.id += "x" },
        "type": { $0.type = .direct },
        "quote.text": { $0.quote.text += "x" },
        "quote.start": { $0.quote.start += 1 },
        "quote.end": { $0.quote.end += 1 },
        "quote.parts": { $0.quote.parts?[1].end += 1 },
        "speaker.name": { $0.speaker?.name += "x" },
        "speaker.kind": { $0.speaker?.kind = .unknown },
        "speaker.role": { $0.speaker?.role = nil },
        "speaker.mention": { $0.speaker?.mention?.start += 1 },
        "speaker.resolution": { $0.speaker?.resolution = "name" },
        "via.name": { $0.via?.name += "x" },
        "via.kind": { $0.via?.kind = .person },
        "via.role": { $0.via?.role = "paper" },
        "via.mention": { $0.via?.mention?.text += "x" },
        "via.resolution": { $0.via?.resolution = nil },
        "cue.text": { $0.cue?.text += "x" },
        "cue.lemma": { $0.cue?.lemma = "say" },
        "cue.start": { $0.cue?.start += 1 },
        "cue.end": { $0.cue?.end += 1 },
        "confidence": { $0.confidence = $0.confidence.nextUp },
        "rule": { $0.rule += "x" },
        "diagnostics": { $0.diagnostics = [] },
        "schemaVersion": { $0.schemaVersion = nil },
    ]

    /// The paths of a value's stored properties, descending into records, speakers, quotations
    /// and cues (not into a mention or a part, which `changes` covers as one property).
    private static func paths(of value: Any, prefix: String = "") -> [String] {
        Mirror(reflecting: value).children.flatMap { child -> [String] in
            let path = prefix + (child.label ?? "?")
            var inner = child.value
            // Unwrap an optional that is present.
            if let some = Mirror(reflecting: inner).children.first, Mirror(reflecting: inner).displayStyle == .optional {
                inner = some.value
            }
            if inner is QuoteContent || inner is Speaker || inner is Cue {
                return paths(of: inner, prefix: path + ".")
            }
            return [path]
        }
    }

    func testEveryStoredPropertyIsHashed() {
        let paths = Self.paths(of: Self.full)
        XCTAssertEqual(Set(paths), Set(Self.changes.keys),
                       "a property of QuoteRecord is not in FieldHasher.add(_:) or in this test's changes")
        let base = hash(Self.full)
        for (path, change) in Self.changes {
            var changed = Self.full
            change(&changed)
            XCTAssertNotEqual(changed, Self.full, path)
            XCTAssertNotEqual(hash(changed), base, "\(path) does not change the hash")
        }
        // An optional present or absent.
        for path in ["speaker", "via", "cue"] {
            var changed = Self.full
            switch path {
            case "speaker": changed.speaker = nil
            case "via": changed.via = nil
            default: changed.cue = nil
            }
            XCTAssertNotEqual(hash(changed), base, path)
        }
    }

    /// Lengths and presence marks keep neighbouring values apart: moving bytes from one string
    /// to the next, or a value from one optional to another, is another hash.
    func testValuesDoNotRunIntoEachOther() {
        func hash(_ build: (inout FieldHasher) -> Void) -> UInt64 {
            var hasher = FieldHasher()
            build(&hasher)
            return hasher.value
        }
        XCTAssertNotEqual(hash { $0.add("ab"); $0.add("c") }, hash { $0.add("a"); $0.add("bc") })
        // Two optional strings in a row (a role and a resolution): which one is there counts.
        let a: String? = "a", none: String? = nil, empty: String? = ""
        XCTAssertNotEqual(hash { $0.add(none); $0.add(a) }, hash { $0.add(a); $0.add(none) })
        XCTAssertNotEqual(hash { $0.add(empty) }, hash { $0.add(none) })
        // Strings of every length up to three words, and one byte changed anywhere in them.
        let text = Array("The ferry runs at dawn, said Ines Carvalho".utf8)
        var seen: Set<UInt64> = []
        for length in 0...24 {
            let string = String(decoding: text[0..<length], as: UTF8.self)
            XCTAssertTrue(seen.insert(hash { $0.add(string) }).inserted, "length \(length)")
            for index in 0..<length {
                var bytes = Array(text[0..<length])
                bytes[index] ^= 0x01
                XCTAssertNotEqual(hash { $0.add(String(decoding: bytes, as: UTF8.self)) }, hash { $0.add(string) },
                                  "byte \(index) of \(length)")
            }
        }
    }

    /// The stores written by every process and machine compare their hashes: the hash of a
    /// fixed record is a constant (it changes only with `FieldHasher`, and then
    /// `StoreDocument.extractionHashPrefix` must change too).
    func testTheHashIsTheSameInEveryProcess() {
        XCTAssertEqual(String(hash(Self.full), radix: 16), "8f9277559d0e6cd0")
    }
}

extension Array where Element == QuoteRecord {
    /// Hands each record to `body` by move, first to last, and leaves the array empty.
    ///
    /// Reading a record out of an array (`for record in records`, `records[i]`, through a buffer
    /// pointer or into a `borrowing` parameter) copies it: every one of its ~16 strings retained,
    /// and released again when the copy ends. Moved out, each record is its reader's own. For an
    /// array that is uniquely its caller's (a `consuming` result's records): a shared one is
    /// copied whole first. If `body` throws, the records not yet handed over stay where they were
    /// and the slots of those handed over hold empty records.
    @inline(__always)
    package mutating func takeEach(_ body: (consuming QuoteRecord) throws -> Void) rethrows {
        try withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for index in 0..<buffer.count {
                let record = (base + index).move()
                // The slot must hold a record again when the closure returns (or throws): one
                // whose fields hold nothing to free.
                (base + index).initialize(to: QuoteRecord.empty)
                try body(record)
            }
        }
        removeAll()
    }
}

extension QuoteRecord {
    /// A record of empty texts and no speaker, cue or arrays (its strings are the empty
    /// string, which has no storage to count): what `takeEach` leaves in the slots it emptied.
    package static let empty = QuoteRecord(
        document: "", id: "", type: .direct, quote: QuoteContent(text: "", start: 0, end: 0, parts: nil),
        speaker: nil, via: nil, cue: nil, confidence: 0, rule: "", diagnostics: nil, schemaVersion: nil)
}

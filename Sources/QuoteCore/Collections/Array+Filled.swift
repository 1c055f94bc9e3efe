extension Array {
    /// `Array(repeating: value, count: count)`, allocated through code specialised for the
    /// element type: the standard initialiser allocates through generic code that looks up the
    /// element type's array storage at run time (~500 instructions a call), and the tables below
    /// are made for every document.
    @inline(__always)
    static func filled(with value: Element, count: Int) -> [Element] {
        var array: [Element] = []
        array.append(contentsOf: Repeating(value: value, count: count))
        return array
    }

    /// The array emptied and filled with `count` copies of `value` (as `filled(with:count:)`),
    /// in its own storage when that has room: a thread's tables, reused from one document to the
    /// next (`ExtractionScratch`).
    @inline(__always)
    mutating func refill(with value: Element, count: Int) {
        removeAllKeepingCapacity()
        append(contentsOf: Repeating(value: value, count: count))
    }

    /// `removeAll(keepingCapacity: true)`, which goes through `replaceSubrange` (~100
    /// instructions even with nothing to remove): skipped for an empty array, and a few elements
    /// taken off one by one.
    @inline(__always)
    mutating func removeAllKeepingCapacity() {
        if count <= 4 {
            while !isEmpty { removeLast() }
        } else {
            removeAll(keepingCapacity: true)
        }
    }
}

/// `count` copies of `value`, which `Array.append(contentsOf:)` writes in one
/// `initialize(repeating:count:)` (`Sequence`'s `_copyContents`): through `repeatElement`'s
/// iterator it wrote them one at a time (~20 instructions a slot of the tables made for every
/// document, 1.1M on the dev set).
private struct Repeating<Element>: Sequence, IteratorProtocol {
    let value: Element
    var count: Int

    var underestimatedCount: Int { count }

    mutating func next() -> Element? {
        guard count > 0 else { return nil }
        count -= 1
        return value
    }

    func _copyContents(initializing buffer: UnsafeMutableBufferPointer<Element>) -> (Repeating, Int) {
        var rest = self
        let written = Swift.min(buffer.count, count)
        if written > 0 { buffer.baseAddress!.initialize(repeating: value, count: written) }
        rest.count -= written
        return (rest, written)
    }
}

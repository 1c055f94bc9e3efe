extension Array {
    /// `Array(repeating: value, count: count)`, allocated through code specialised for the
    /// element type: the standard initialiser allocates through generic code that looks up the
    /// element type's array storage at run time (~500 instructions a call), and the tables below
    /// are made for every document.
    @inline(__always)
    static func filled(with value: Element, count: Int) -> [Element] {
        var array: [Element] = []
        array.append(contentsOf: repeatElement(value, count: count))
        return array
    }
}

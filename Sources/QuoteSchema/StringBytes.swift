extension String {
    /// Calls `body` with the string's UTF-8 bytes, read in place.
    ///
    /// `withUTF8` is mutating, so a caller holding a `let` copied the string into a variable
    /// first (a retain and a release per call); the UTF-8 view's contiguous storage, which
    /// native and small strings have, needs no copy. A string without one (bridged from another
    /// representation) is copied and made contiguous. Inlinable: called across modules
    /// unspecialized, it cost the dev set 6.6% more instructions.
    @inlinable @inline(__always)
    package func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}

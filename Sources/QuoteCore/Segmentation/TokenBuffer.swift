/// Tokens being gathered for a unit, in storage kept from one unit to the next.
///
/// The tokenizer appended each token to an array (`Array.append`, a call of ~49 instructions
/// a token with its uniqueness and capacity checks) that was then handed to the unit, and each
/// sentence's array was reserved and grown on its own. Here a token is written in place, and
/// `removeFirst(_:)` moves the unit's tokens out into an array of exactly their number (moved,
/// not copied: no retain, no release).
struct TokenBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<Token>
    private var capacity: Int
    /// Number of tokens held.
    private(set) var count = 0
    /// What the tokens held give their unit (`UnitFeatures`), gathered by the tokenizer as it
    /// makes them (`note(_:)`): the engine read every token of every unit again for this.
    private var features = UnitFeatures()
    /// The texts of tokens made into this buffer that need an owner (`TokenText`: words of more
    /// than 15 bytes), kept until `takeTexts()` hands them on. Usually none.
    private var texts: [String] = []

    /// A buffer with room for `capacity` tokens (more are made room for as they come).
    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Makes room for one more token. Called before the token is made: with the possible call to
    /// `grow()` between making a token and storing it, the optimizer kept a retain of its text
    /// before the call and a release after the store (a pair per token).
    @inline(__always)
    mutating func reserveOne() {
        if count == capacity { grow() }
    }

    /// Appends `token` in the room `reserveOne()` made.
    @inline(__always)
    mutating func append(_ token: consuming Token) {
        assert(count < capacity, "append without reserveOne()")
        (base + count).initialize(to: consume token)
        count += 1
    }

    /// Adds what tokens appended give their unit (the tokenizer notes each call's tokens at once).
    @inline(__always)
    mutating func note(_ found: UnitFeatures) {
        features.formUnion(found)
    }

    /// The first `prefix` tokens moved out, as `removeFirst(_:)`, with their features: those
    /// gathered when they are all the tokens held (a whole sentence, nearly always), else read
    /// from the tokens (a window of a long sentence).
    mutating func takeUnit(_ prefix: Int) -> (tokens: [Token], features: UnitFeatures) {
        if prefix == count {
            let gathered = features
            return (removeFirst(prefix), gathered)
        }
        let tokens = removeFirst(prefix)
        features = UnitFeatures.of(UnsafeBufferPointer(start: base, count: count))
        return (tokens, UnitFeatures.of(tokens))
    }

    /// Twice the room, the tokens moved over.
    @inline(never)
    private mutating func grow() {
        let larger = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    /// Keeps `text` alive for a token that holds its bits (moved in: a copy was a retain here
    /// and a release at the caller, for every long word).
    @inline(never)
    mutating func keep(_ text: consuming String) {
        texts.append(text)
    }

    /// The texts that the tokens made into this buffer hold and that need an owner, handed on
    /// to the caller, who keeps them alive as long as those tokens are read.
    mutating func takeTexts() -> [String] {
        defer { texts = [] }
        return texts
    }

    /// The token at `index` (below `count`).
    subscript(index: Int) -> Token {
        precondition(index >= 0 && index < count, "token \(index) of \(count)")
        return base[index]
    }

    /// The first `prefix` tokens, moved out; the rest move to the front.
    mutating func removeFirst(_ prefix: Int) -> [Token] {
        precondition(prefix >= 0 && prefix <= count, "\(prefix) tokens of \(count)")
        // The array is made by `reserveCapacity`, which this module specializes for `Token`:
        // `Array(unsafeUninitializedCapacity:)` allocates in the standard library, where finding
        // the storage class's metadata for `Token` is a generic look-up (~600 instructions a
        // unit, 4M more on 20,000 short ones). The tokens are then moved in, not copied.
        var taken: [Token] = []
        taken.reserveCapacity(prefix)
        taken.append(contentsOf: Moving(base: base, end: prefix))
        if prefix < count { base.moveInitialize(from: base + prefix, count: count - prefix) }
        count -= prefix
        if count == 0 { features = [] }
        return taken
    }

    /// The tokens `base[0..<end]`, each moved out (left uninitialized) as it is read.
    private struct Moving: Sequence, IteratorProtocol {
        let base: UnsafeMutablePointer<Token>
        let end: Int
        var index = 0

        var underestimatedCount: Int { end - index }

        @inline(__always)
        mutating func next() -> Token? {
            guard index < end else { return nil }
            index += 1
            return (base + index - 1).move()
        }

        /// The tokens moved into `buffer` in one block: `Array.append(contentsOf:)` fills its
        /// room through this requirement of `Sequence` (a memory move), where the standard
        /// implementation took them one by one through `next()` (~17 instructions a token).
        func _copyContents(initializing buffer: UnsafeMutableBufferPointer<Token>) -> (Moving, Int) {
            var rest = self
            let moved = Swift.min(buffer.count, end - index)
            if moved > 0 { buffer.baseAddress!.moveInitialize(from: base + index, count: moved) }
            rest.index += moved
            return (rest, moved)
        }
    }
}

import GRDB

/// The full-text index's changes of one write transaction, gathered as its parts are written
/// and made at its end, in rowid order.
///
/// FTS5 keeps a transaction's new entries in memory and writes them out when the transaction
/// commits, but also whenever a statement opens a statement journal after it joined the
/// transaction (its savepoint and release methods write the pending entries, then merge
/// segments): a multi-row `DELETE`, an `INSERT ... SELECT`. Replacing documents ran two such
/// statements a part, after the part's full-text deletes, and the speaker merges ran more: on the
/// dev text x5 replaced, 38 savepoints and releases took 1,291M of the writer thread's 3,002M
/// instructions. Made last, after every other statement of the transaction, the changes are
/// written out once, at the commit.
///
/// An entry of a row inserted earlier in the same transaction is never in the index to delete:
/// removing that row drops its pending addition instead (a row number freed by a delete is given
/// again to the next insert, so one number can be removed, added and removed again).
struct SearchChanges {
    /// Entries of rows stored before the transaction, with the text they were made from (an
    /// external-content index finds an entry's terms only through that text).
    private var removed: [(number: Int64, text: String)] = []
    /// Entries of rows inserted in the transaction, in insertion order; nil text for one whose
    /// row was deleted again. SQLite numbers a new row one past the largest in its table, so the
    /// numbers never fall (checked: `addedInOrder`); a number comes again only after its row was
    /// deleted.
    private var added: [(number: Int64, text: String?)] = []
    private var addedInOrder = true

    /// True when there is nothing to write.
    var isEmpty: Bool { removed.isEmpty && added.isEmpty }

    /// The entry of quotation `number`, made from `text`, leaves the index.
    mutating func remove(_ number: Int64, text: String) {
        if let index = pendingAddition(number) {
            added[index].text = nil
        } else {
            removed.append((number, text))
        }
    }

    /// Quotation `number` gets an entry made from `text`.
    mutating func add(_ number: Int64, text: String) {
        if let last = added.last, last.number > number { addedInOrder = false }
        added.append((number, text))
    }

    /// The index in `added` of the live addition of `number`, if any.
    private func pendingAddition(_ number: Int64) -> Int? {
        guard addedInOrder else { return added.lastIndex { $0.number == number && $0.text != nil } }
        var low = 0, high = added.count
        while low < high {
            let middle = (low + high) / 2
            if added[middle].number < number { low = middle + 1 } else { high = middle }
        }
        while low < added.count, added[low].number == number {
            if added[low].text != nil { return low }
            low += 1
        }
        return nil
    }

    /// Writes the changes in rowid order, a removal before an addition of the same number: FTS5
    /// writes its pending entries out whenever a smaller rowid comes (or an addition is followed
    /// by a removal of the same one), so one pass in that order makes one segment. One entry a
    /// statement: an insert of several rows opens a statement journal, and with it FTS5's
    /// savepoint (tried with eight: the writer's instructions went from 1.25G to 3.02G).
    func write(in db: Database) throws {
        guard !isEmpty else { return }
        let delete = BoundStatement(try db.cachedStatement(sql: """
            INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', ?, ?)
            """))
        let insert = BoundStatement(try db.cachedStatement(sql: "INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)"))
        // Each part's removals come in order; parts' removals seldom need sorting.
        let removals = removed.isSorted { $0.number < $1.number } ? removed : removed.sorted { $0.number < $1.number }
        let additions = addedInOrder ? added : added.sorted { $0.number < $1.number }
        func write(_ statement: BoundStatement, _ number: Int64, _ text: String) throws {
            try statement.execute(in: db) { row in
                row.integer(number)
                row.text(text)
            }
        }
        var next = 0
        for addition in additions {
            guard let text = addition.text else { continue }
            while next < removals.count, removals[next].number <= addition.number {
                try write(delete, removals[next].number, removals[next].text)
                next += 1
            }
            try write(insert, addition.number, text)
        }
        for removal in removals[next...] { try write(delete, removal.number, removal.text) }
    }
}

private extension Array {
    /// True when no element is ordered before the one ahead of it.
    func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        indices.dropFirst().allSatisfy { !areInIncreasingOrder(self[$0], self[$0 - 1]) }
    }
}

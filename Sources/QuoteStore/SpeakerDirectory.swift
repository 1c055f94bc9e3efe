import GRDB
import QuoteCore
import QuoteSchema

/// Speaker identity across articles.
///
/// A speaker's key is the ICU name key of their name without leading titles ("Ambassador Ryan
/// Crocker" and "RYAN CROCKER" -> `ryancrocker`). Full names merge on equal keys; a surname alone
/// joins the one full-named speaker with that surname, or stays a speaker of its own when there
/// are none or several: two people who share a surname are never merged by it.
enum SpeakerDirectory {
    /// The words of a name between spaces, split on its UTF-8 bytes: `split(separator: " ")` walks
    /// `Character`s, about 8,000 instructions a name on the writer thread. (A space followed by a
    /// combining mark is one `Character` that is not " "; here it splits like any space.)
    static func words(_ name: String) -> [String] {
        name.utf8.split(separator: 0x20).map { String(Substring($0)) }
    }

    /// The name without leading titles, its key, its last word's key and its word count.
    static func identity(_ name: String, kind: SpeakerKind = .person) -> (name: String, key: String, lastKey: String, words: Int) {
        var words = Self.words(name)
        // The bundled lexicon's tables read in place (a copy of `Lexicon` retains every table).
        let titles = Lexicon.bundled.titles, titleWords = Lexicon.bundled.titleWords, particles = Lexicon.bundled.particles
        guard kind == .person else {
            // "State Department" keeps "State": titles belong to people.
            return (name, NameKey.key(name), NameKey.key(words.last ?? name), words.count)
        }
        while words.count > 1, titles[words[0]] != nil || titleWords.contains(words[0].lowercased()) {
            words.removeFirst()
        }
        let clean = words.joined(separator: " ")
        // The surname with its particles: "al Dabagh", "van der Berg". A name that is all surname
        // ("Al Dabagh") counts as a surname alone.
        var surnameStart = words.count - 1
        while surnameStart > 0, particles[words[surnameStart - 1].lowercased()] != nil
                || particles[words[surnameStart - 1]] != nil {
            surnameStart -= 1
        }
        let surnameKey = NameKey.key(words[max(0, surnameStart)...].joined(separator: " "))
        if surnameStart == 0 { return (clean, surnameKey, surnameKey, 1) }
        // Middle initials do not make another person: "Donald J. Trump" is "Donald Trump".
        let keyWords = words.count > 2
            ? words.enumerated().filter { index, word in
                index == 0 || index == words.count - 1 || word.filter(\.isLetter).count > 1 }.map(\.element)
            : words
        return (clean, NameKey.key(keyWords.joined(separator: " ")), surnameKey, keyWords.count)
    }

    /// The id of the speaker a record names, created when new; its alias and `role` (the
    /// speaker's role if the directory lists it, see `SpeakerRoleFilter`) are counted in `cache`
    /// and written by `writeCounts(in:cache:)` at the end of the batch.
    ///
    /// Handed the speaker's name and kind, not the speaker: its caller, which reads it from a
    /// record in place, copied the whole `Speaker?` for the call (twice, through its type's
    /// metadata).
    static func speakerID(name: String, kind: SpeakerKind, role: String?, in db: Database, cache: Cache) throws -> Int64 {
        let speakerID: Int64
        if let known = cache.id(of: Cache.Name(text: name, kind: kind)) {
            speakerID = known
        } else {
            speakerID = try lookUp(name: name, kind: kind, in: db, cache: cache)
        }
        cache.countAlias(name, of: speakerID)
        if let role { cache.countRole(role, of: speakerID) }
        return speakerID
    }

    /// Adds the batch's alias and role counts to the store, in the order they were first seen,
    /// one statement per distinct (speaker, alias) and (speaker, role) instead of one per record.
    static func writeCounts(in db: Database, cache: Cache) throws {
        let alias = BoundStatement(try db.cachedStatement(sql: """
            INSERT INTO aliases (speaker_id, alias, alias_key, count) VALUES (?, ?, ?, ?)
            ON CONFLICT(speaker_id, alias) DO UPDATE SET count = count + excluded.count
            """))
        for (key, count) in cache.aliasCounts.ordered {
            try alias.execute(in: db) { row in
                row.integer(key.speaker)
                row.text(key.text)
                row.text(cache.key(key.text))
                row.integer(Int64(count))
            }
        }
        let role = BoundStatement(try db.cachedStatement(sql: """
            INSERT INTO speaker_roles (speaker_id, role, count) VALUES (?, ?, ?)
            ON CONFLICT(speaker_id, role) DO UPDATE SET count = count + excluded.count
            """))
        for (key, count) in cache.roleCounts.ordered {
            try role.execute(in: db) { row in
                row.integer(key.speaker)
                row.text(key.text)
                row.integer(Int64(count))
            }
        }
        cache.aliasCounts.removeAll()
        cache.roleCounts.removeAll()
    }

    /// Finds (or creates) the speaker for a name the cache does not hold.
    private static func lookUp(name speakerName: String, kind speakerKind: SpeakerKind, in db: Database, cache: Cache) throws -> Int64 {
        cache.noteLookUp()
        let identity = cache.identity(speakerName, kind: speakerKind)
        let kind = speakerKind.rawValue
        let byKey = BoundStatement(try db.cachedStatement(sql: "SELECT id FROM speakers WHERE key = ? AND kind = ?"))
        func find(_ key: String, _ kind: String) throws -> Int64? {
            try byKey.integer(in: db) { row in
                row.text(key)
                row.text(kind)
            }
        }
        let name = Cache.Name(text: speakerName, kind: speakerKind)
        var id: Int64?
        // What a new speaker could change about this answer (see `Cache.Dependence`).
        var dependence = Cache.Dependence.none
        if identity.words >= 2 || speakerKind != .person {
            id = try find(identity.key, kind)
            // "Republican Donald Trump": a known full name at the end of a longer one is that
            // person. The name is split into words only when its full key found nobody.
            if id == nil, speakerKind == .person {
                var words = Self.words(identity.name)
                if words.count > 2 { dependence = .anyPerson }
                while id == nil, words.count > 2 {
                    words.removeFirst()
                    id = try find(cache.key(words.joined(separator: " ")), "person")
                }
            }
        } else {
            let full = try BoundStatement(db.cachedStatement(
                sql: "SELECT id FROM speakers WHERE last_key = ? AND words >= 2 AND kind = 'person' LIMIT 2"))
                .integers(in: db) { $0.text(identity.key) }
            if speakerKind == .person { dependence = .surname(identity.key) }
            if full.count == 1 {
                id = full[0]
            } else {
                id = try find(identity.key, kind)
            }
        }
        if let id {
            cache.remember(name, id: id, dependence: dependence)
            return id
        }
        let newID = try BoundStatement(db.cachedStatement(sql: "INSERT INTO speakers (name, key, last_key, words, kind) VALUES (?, ?, ?, ?, ?)"))
            .insert(in: db) { row in
                row.text(identity.name)
                row.text(identity.key)
                row.text(identity.lastKey)
                row.integer(Int64(identity.words))
                row.text(kind)
            }
        // A new speaker can change what other names resolve to (a surname that now has one
        // full-named person): those answers are forgotten.
        cache.speakerAdded(identity, kind: speakerKind)
        cache.remember(name, id: newID, dependence: dependence)
        return newID
    }

    /// What one writer has already worked out about names: keys and identities (pure functions of
    /// the name, kept for the store's life), speaker ids (valid until a speaker is added that
    /// changes them, and dropped with the transaction that found them) and the batch's alias and
    /// role counts.
    ///
    /// Used only inside the store's write transactions, which never run concurrently.
    final class Cache: @unchecked Sendable {
        /// A name as a record gives it, with its kind.
        struct Name: Hashable {
            var text: String
            var kind: SpeakerKind
        }

        /// What a speaker added later could change about a name's answer in `lookUp`.
        ///
        /// A full name or an organisation is found by its own key, which is unique per kind, or
        /// becomes a speaker of its own: no later speaker changes that (`none`). A person's name of
        /// three or more words that was not found may be found at the end of a longer one
        /// ("Republican Donald Trump"), which any new person could change (`anyPerson`). A surname
        /// alone depends on how many full-named persons have it as their last key (`surname`).
        enum Dependence {
            case none
            case anyPerson
            case surname(String)
        }

        /// A text counted for a speaker (an alias or a role).
        struct Counted: Hashable {
            var speaker: Int64
            var text: String
        }

        /// Counts in the order their keys were first seen.
        struct OrderedCounts {
            private(set) var ordered: [(key: Counted, count: Int)] = []
            private var positions: [Counted: Int] = [:]

            mutating func add(_ key: Counted) {
                if let position = positions[key] {
                    ordered[position].count += 1
                } else {
                    positions[key] = ordered.count
                    ordered.append((key, 1))
                }
            }

            mutating func removeAll() {
                ordered.removeAll(keepingCapacity: true)
                positions.removeAll(keepingCapacity: true)
            }
        }

        private var ids: [Name: Int64] = [:]
        /// Names of `ids` whose answer depends on every new person (`Dependence.anyPerson`).
        private var longNames: [Name] = []
        /// Names of `ids` that are surnames alone, by their key (`Dependence.surname`).
        private var surnames: [String: [Name]] = [:]
        private var keys: [String: String] = [:]
        private var identities: [Name: (name: String, key: String, lastKey: String, words: Int)] = [:]
        /// Surname keys (`lastKey`) of the persons added in this transaction: where a merge of a
        /// surname-only speaker can have become possible (see `mergeSurnames(in:cache:)`).
        private var mergeCandidates: Set<String> = []
        fileprivate(set) var aliasCounts = OrderedCounts()
        fileprivate(set) var roleCounts = OrderedCounts()

        /// Names remembered at most, so that indexing millions of documents keeps a bounded cache.
        static let capacity = 200_000

        /// The writer connection's `PRAGMA data_version` in the last transaction, when that
        /// transaction committed; nil after a rollback (or before any transaction).
        private var committedDataVersion: Int64?
        /// The value read at the start of the open transaction.
        private var openDataVersion: Int64?
        /// Speakers looked up in the store (`lookUp`), for tests.
        private(set) var lookUps = 0

        /// Starts a transaction whose connection reads `dataVersion` (`PRAGMA data_version`).
        /// The counts start empty. The speaker ids found so far are kept when the last
        /// transaction committed and no other connection has committed since (the value is that
        /// of the last transaction: it changes only with another connection's commits): they hold
        /// as they did inside that transaction, and a run of batches looks each name up once, not
        /// once a batch (the dev text x20 in 7 batches: 220M of the writer's 4,866M instructions
        /// were look-ups). Otherwise (a rollback, another writer, no value) they are forgotten.
        func beginTransaction(dataVersion: Int64?) {
            let unchanged = dataVersion != nil && dataVersion == committedDataVersion && ids.count <= Self.capacity
            committedDataVersion = nil
            openDataVersion = dataVersion
            if !unchanged {
                ids.removeAll(keepingCapacity: true)
                longNames.removeAll(keepingCapacity: true)
                surnames.removeAll(keepingCapacity: true)
            }
            mergeCandidates.removeAll(keepingCapacity: true)
            aliasCounts.removeAll()
            roleCounts.removeAll()
            if keys.count > Self.capacity { keys.removeAll() }
            if identities.count > Self.capacity { identities.removeAll() }
        }

        /// The open transaction has committed: its speaker ids may serve the next one.
        func transactionCommitted() {
            committedDataVersion = openDataVersion
        }

        /// Counts a look-up of a name in the store (`lookUps`).
        func noteLookUp() { lookUps += 1 }

        /// The speaker id found for `name` (in this transaction or an earlier one, see
        /// `beginTransaction(dataVersion:)`), if it still holds.
        func id(of name: Name) -> Int64? { ids[name] }

        /// Keeps the id found for `name`, with what could change it.
        func remember(_ name: Name, id: Int64, dependence: Dependence) {
            ids[name] = id
            switch dependence {
            case .none: break
            case .anyPerson: longNames.append(name)
            case .surname(let key): surnames[key, default: []].append(name)
            }
        }

        /// Forgets the ids a new speaker with `identity` could change: for a person, the long
        /// names, and the surnames alone equal to its last key when it has a full name; notes a
        /// person's surname key as a merge candidate.
        func speakerAdded(_ identity: (name: String, key: String, lastKey: String, words: Int), kind: SpeakerKind) {
            guard kind == .person else { return }
            mergeCandidates.insert(identity.lastKey)
            for name in longNames { ids[name] = nil }
            longNames.removeAll(keepingCapacity: true)
            if identity.words >= 2, let names = surnames.removeValue(forKey: identity.lastKey) {
                for name in names { ids[name] = nil }
            }
        }

        /// The surname keys whose merges `mergeSurnames(in:cache:)` checks, sorted, and forgets them.
        func takeMergeCandidates() -> [String] {
            defer { mergeCandidates.removeAll(keepingCapacity: true) }
            return mergeCandidates.sorted()
        }

        func countAlias(_ alias: String, of speaker: Int64) { aliasCounts.add(Counted(speaker: speaker, text: alias)) }
        func countRole(_ role: String, of speaker: Int64) { roleCounts.add(Counted(speaker: speaker, text: role)) }

        /// `NameKey.key(name)`, computed once per name.
        func key(_ name: String) -> String {
            if let key = keys[name] { return key }
            let key = NameKey.key(name)
            keys[name] = key
            return key
        }

        /// `SpeakerDirectory.identity(name, kind:)`, computed once per name and kind.
        func identity(_ name: String, kind: SpeakerKind) -> (name: String, key: String, lastKey: String, words: Int) {
            let cacheKey = Name(text: name, kind: kind)
            if let identity = identities[cacheKey] { return identity }
            let identity = SpeakerDirectory.identity(name, kind: kind)
            identities[cacheKey] = identity
            return identity
        }
    }

    /// Surname-only speakers merged into the one full-named person with that surname, whatever
    /// the order the articles came in ("Obama" indexed before "Barack Obama"). Surnames shared by
    /// several full-named people stay apart. Returns how many speakers were merged.
    ///
    /// Only the surnames of persons added in this transaction are looked at
    /// (`Cache.takeMergeCandidates()`): after every batch no surname-only person has exactly one
    /// full-named person with that surname (the batch's merge took each such pair), and only a
    /// new person can change that. A new surname-only speaker can be the surname of one full
    /// name, and a new full-named person can be the one full name of an earlier surname;
    /// merging removes surname-only speakers, which no full-name count includes. Looking at
    /// every surname-only speaker of the store in every batch made a long index quadratic: on
    /// 4,000 generated articles (7,161 speakers in the end) it was 38% of the writer's work.
    @discardableResult
    static func mergeSurnames(in db: Database, cache: Cache) throws -> Int {
        let candidates = cache.takeMergeCandidates()
        guard !candidates.isEmpty else { return 0 }
        func statement(_ sql: String) throws -> BoundStatement { BoundStatement(try db.cachedStatement(sql: sql)) }
        let surnameOnly = try statement("SELECT id FROM speakers WHERE key = ? AND kind = 'person' AND words = 1")
        let fullNamed = try statement("SELECT id FROM speakers WHERE last_key = ? AND words >= 2 AND kind = 'person' LIMIT 2")
        var pairs: [(surname: Int64, full: Int64)] = []
        for key in candidates {
            guard let surname = try surnameOnly.integer(in: db, { $0.text(key) }) else { continue }
            let full = try fullNamed.integers(in: db) { $0.text(key) }
            if full.count == 1 { pairs.append((surname, full[0])) }
        }
        pairs.sort { $0.surname < $1.surname }
        let moveQuotes = try statement("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?")
        let moveAliases = try statement("""
            INSERT INTO aliases (speaker_id, alias, alias_key, count)
            SELECT ?, alias, alias_key, count FROM aliases WHERE speaker_id = ? AND true
            ON CONFLICT(speaker_id, alias) DO UPDATE SET count = aliases.count + excluded.count
            """)
        let moveRoles = try statement("""
            INSERT INTO speaker_roles (speaker_id, role, count)
            SELECT ?, role, count FROM speaker_roles WHERE speaker_id = ? AND true
            ON CONFLICT(speaker_id, role) DO UPDATE SET count = speaker_roles.count + excluded.count
            """)
        let deleteAliases = try statement("DELETE FROM aliases WHERE speaker_id = ?")
        let deleteRoles = try statement("DELETE FROM speaker_roles WHERE speaker_id = ?")
        let deleteSpeaker = try statement("DELETE FROM speakers WHERE id = ?")
        for (surname, full) in pairs {
            for move in [moveQuotes, moveAliases, moveRoles] {
                try move.execute(in: db) { row in
                    row.integer(full)
                    row.integer(surname)
                }
            }
            for delete in [deleteAliases, deleteRoles, deleteSpeaker] {
                try delete.execute(in: db) { $0.integer(surname) }
            }
        }
        return pairs.count
    }

    /// Speakers a query name matches: by full key, by an alias, or by surname (all who have it).
    static func matches(_ query: String, in db: Database) throws -> [Int64] {
        let identity = identity(query)
        return try Int64.fetchAll(db, sql: """
            SELECT id FROM speakers WHERE key = ?1 OR last_key = ?1
            UNION SELECT speaker_id FROM aliases WHERE alias_key = ?1
            """, arguments: [identity.key])
    }
}

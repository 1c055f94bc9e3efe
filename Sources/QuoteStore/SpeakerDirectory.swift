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
    /// The name without leading titles, its key, its last word's key and its word count.
    static func identity(_ name: String, kind: SpeakerKind = .person) -> (name: String, key: String, lastKey: String, words: Int) {
        var words = name.split(separator: " ").map(String.init)
        let lexicon = Lexicon.bundled
        guard kind == .person else {
            // "State Department" keeps "State": titles belong to people.
            return (name, NameKey.key(name), NameKey.key(words.last ?? name), words.count)
        }
        while words.count > 1, lexicon.titles[words[0]] != nil || lexicon.titleWords.contains(words[0].lowercased()) {
            words.removeFirst()
        }
        let clean = words.joined(separator: " ")
        // The surname with its particles: "al Dabagh", "van der Berg". A name that is all surname
        // ("Al Dabagh") counts as a surname alone.
        var surnameStart = words.count - 1
        while surnameStart > 0, lexicon.particles[words[surnameStart - 1].lowercased()] != nil
                || lexicon.particles[words[surnameStart - 1]] != nil {
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

    /// The id of the speaker a record names, created when new; aliases and roles are counted.
    static func speakerID(for speaker: Speaker, in db: Database, cache: Cache) throws -> Int64 {
        let speakerID: Int64
        if let known = cache.ids[Cache.Name(text: speaker.name, kind: speaker.kind)] {
            speakerID = known
        } else {
            speakerID = try lookUp(speaker, in: db, cache: cache)
        }
        try db.cachedStatement(sql: """
            INSERT INTO aliases (speaker_id, alias, alias_key, count) VALUES (?, ?, ?, 1)
            ON CONFLICT(speaker_id, alias) DO UPDATE SET count = count + 1
            """).execute(arguments: [speakerID, speaker.name, cache.key(speaker.name)])
        if let role = speaker.role, !role.isEmpty, SpeakerRoleFilter.isRole(role) {
            try db.cachedStatement(sql: """
                INSERT INTO speaker_roles (speaker_id, role, count) VALUES (?, ?, 1)
                ON CONFLICT(speaker_id, role) DO UPDATE SET count = count + 1
                """).execute(arguments: [speakerID, role])
        }
        return speakerID
    }

    /// Finds (or creates) the speaker for a name the cache does not hold.
    private static func lookUp(_ speaker: Speaker, in db: Database, cache: Cache) throws -> Int64 {
        let identity = cache.identity(speaker.name, kind: speaker.kind)
        let kind = speaker.kind.rawValue
        let byKey = try db.cachedStatement(sql: "SELECT id FROM speakers WHERE key = ? AND kind = ?")
        var id: Int64?
        if identity.words >= 2 || speaker.kind != .person {
            id = try Int64.fetchOne(byKey, arguments: [identity.key, kind])
            // "Republican Donald Trump": a known full name at the end of a longer one is that person.
            var words = identity.name.split(separator: " ").map(String.init)
            while id == nil, speaker.kind == .person, words.count > 2 {
                words.removeFirst()
                id = try Int64.fetchOne(byKey, arguments: [cache.key(words.joined(separator: " ")), "person"])
            }
        } else {
            let full = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM speakers WHERE last_key = ? AND words >= 2 AND kind = 'person'"),
                                          arguments: [identity.key])
            if full.count == 1 {
                id = full[0]
            } else {
                id = try Int64.fetchOne(byKey, arguments: [identity.key, kind])
            }
        }
        if let id {
            cache.ids[Cache.Name(text: speaker.name, kind: speaker.kind)] = id
            return id
        }
        try db.cachedStatement(sql: "INSERT INTO speakers (name, key, last_key, words, kind) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [identity.name, identity.key, identity.lastKey, identity.words, kind])
        // A new speaker can change what other names resolve to (a surname that now has one
        // full-named person): earlier answers are forgotten.
        cache.ids.removeAll(keepingCapacity: true)
        cache.ids[Cache.Name(text: speaker.name, kind: speaker.kind)] = db.lastInsertedRowID
        return db.lastInsertedRowID
    }

    /// What one writer has already worked out about names: keys and identities (pure functions of
    /// the name, kept for the store's life) and speaker ids (valid until a speaker is added, and
    /// dropped with the transaction that found them).
    ///
    /// Used only inside the store's write transactions, which never run concurrently.
    final class Cache: @unchecked Sendable {
        /// A name as a record gives it, with its kind.
        struct Name: Hashable {
            var text: String
            var kind: SpeakerKind
        }

        var ids: [Name: Int64] = [:]
        private var keys: [String: String] = [:]
        private var identities: [Name: (name: String, key: String, lastKey: String, words: Int)] = [:]

        /// Names remembered at most, so that indexing millions of documents keeps a bounded cache.
        static let capacity = 200_000

        /// Forgets the speaker ids, which a rolled-back or another transaction may have changed.
        func beginTransaction() {
            ids.removeAll(keepingCapacity: true)
            if keys.count > Self.capacity { keys.removeAll() }
            if identities.count > Self.capacity { identities.removeAll() }
        }

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
    @discardableResult
    static func mergeSurnames(in db: Database) throws -> Int {
        let pairs = try Row.fetchAll(db, sql: """
            SELECT s.id AS surname, (SELECT f.id FROM speakers f WHERE f.last_key = s.key AND f.words >= 2
                                     AND f.kind = 'person') AS full
            FROM speakers s
            WHERE s.words = 1 AND s.kind = 'person'
              AND (SELECT COUNT(*) FROM speakers f WHERE f.last_key = s.key AND f.words >= 2 AND f.kind = 'person') = 1
            """)
        for pair in pairs {
            let surname: Int64 = pair["surname"]
            let full: Int64 = pair["full"]
            try db.execute(sql: "UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", arguments: [full, surname])
            try db.execute(sql: """
                INSERT INTO aliases (speaker_id, alias, alias_key, count)
                SELECT ?, alias, alias_key, count FROM aliases WHERE speaker_id = ? AND true
                ON CONFLICT(speaker_id, alias) DO UPDATE SET count = aliases.count + excluded.count
                """, arguments: [full, surname])
            try db.execute(sql: """
                INSERT INTO speaker_roles (speaker_id, role, count)
                SELECT ?, role, count FROM speaker_roles WHERE speaker_id = ? AND true
                ON CONFLICT(speaker_id, role) DO UPDATE SET count = speaker_roles.count + excluded.count
                """, arguments: [full, surname])
            try db.execute(sql: "DELETE FROM aliases WHERE speaker_id = ?", arguments: [surname])
            try db.execute(sql: "DELETE FROM speaker_roles WHERE speaker_id = ?", arguments: [surname])
            try db.execute(sql: "DELETE FROM speakers WHERE id = ?", arguments: [surname])
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

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
            let key = NameKey.key(name)
            return (name, key, NameKey.key(words.last ?? name), words.count)
        }
        // A headline fragment before a function word is no part of the name: "Attacks On Donald Trump".
        if let cut = words.indices.dropLast().last(where: { index in
            index > 0 && SpeakerDirectory.capitalizedFunctionWords.contains(words[index]) }) {
            words.removeSubrange(...cut)
        } else if words.count > 1, SpeakerDirectory.capitalizedFunctionWords.contains(words[0]) {
            words.removeFirst()  // "Plus Democrats"
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

    /// Function words that title case capitalises in headlines; inside a person's name they mark a
    /// fragment of a headline, not a name ("Attacks On Donald Trump").
    static let capitalizedFunctionWords: Set<String> = ["On", "Of", "For", "To", "With", "And", "In", "At", "By", "From",
                                                         "About", "Against", "Plus", "The", "Over", "After", "As"]

    /// The id of the speaker a record names, created when new; aliases and roles are counted.
    static func speakerID(for speaker: Speaker, in db: Database) throws -> Int64 {
        let identity = identity(speaker.name, kind: speaker.kind)
        let kind = speaker.kind.rawValue
        var id: Int64?
        if identity.words >= 2 || speaker.kind != .person {
            id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM speakers WHERE key = ? AND kind = ?"), arguments: [identity.key, kind])
            // "Republican Donald Trump": a known full name at the end of a longer one is that person.
            var words = identity.name.split(separator: " ").map(String.init)
            while id == nil, speaker.kind == .person, words.count > 2 {
                words.removeFirst()
                id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM speakers WHERE key = ? AND kind = 'person'"), arguments: [NameKey.key(words.joined(separator: " "))])
            }
        } else {
            let full = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM speakers WHERE last_key = ? AND words >= 2 AND kind = 'person'"), arguments: [identity.key])
            if full.count == 1 {
                id = full[0]
            } else {
                id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM speakers WHERE key = ? AND kind = ?"), arguments: [identity.key, kind])
            }
        }
        if id == nil {
            try db.cachedStatement(sql: "INSERT INTO speakers (name, key, last_key, words, kind) VALUES (?, ?, ?, ?, ?)")
                           .execute(arguments: [identity.name, identity.key, identity.lastKey, identity.words, kind])
            id = db.lastInsertedRowID
        }
        let speakerID = id!
        try db.cachedStatement(sql: """
            INSERT INTO aliases (speaker_id, alias, alias_key, count) VALUES (?, ?, ?, 1)
            ON CONFLICT(speaker_id, alias) DO UPDATE SET count = count + 1
            """).execute(arguments: [speakerID, alias(speaker, identity.name), NameKey.key(alias(speaker, identity.name))])
        if let role = speaker.role, !role.isEmpty {
            try db.cachedStatement(sql: """
                INSERT INTO speaker_roles (speaker_id, role, count) VALUES (?, ?, 1)
                ON CONFLICT(speaker_id, role) DO UPDATE SET count = count + 1
                """).execute(arguments: [speakerID, role])
        }
        return speakerID
    }

    /// The surface form kept as an alias: the name as written, less a headline fragment cut off.
    private static func alias(_ speaker: Speaker, _ clean: String) -> String {
        speaker.name.hasSuffix(clean) && speaker.name.split(separator: " ").contains(where: { capitalizedFunctionWords.contains(String($0)) })
            ? clean : speaker.name
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

import QuoteCore
import QuoteSchema

/// The values of a record, as the store's extraction hash reads them.
extension FieldHasher {
    /// Whether `value` is there, then what `body` adds of it.
    @inline(__always)
    mutating func add<Value>(_ value: Value?, _ body: (inout FieldHasher, Value) -> Void) {
        add(value != nil)
        if let value { body(&self, value) }
    }

    /// Every stored property of `record`, nested ones included, in declaration order.
    /// `FieldHasherTests` lists the properties: a new one must be added here as well.
    mutating func add(_ record: QuoteRecord) {
        add(record.document)
        add(record.id)
        add(record.type.rawValue)
        add(record.quote.text)
        add(record.quote.start)
        add(record.quote.end)
        add(record.quote.parts) { hasher, parts in
            hasher.add(parts.count)
            for part in parts {
                hasher.add(part.start)
                hasher.add(part.end)
            }
        }
        add(record.speaker)
        add(record.via)
        add(record.cue) { hasher, cue in
            hasher.add(cue.text)
            hasher.add(cue.lemma)
            hasher.add(cue.start)
            hasher.add(cue.end)
        }
        add(record.confidence)
        add(record.rule)
        add(record.diagnostics) { hasher, diagnostics in
            hasher.add(diagnostics.count)
            for diagnostic in diagnostics { hasher.add(diagnostic) }
        }
        add(record.schemaVersion)
    }

    /// Whether `speaker` is there, then its properties.
    mutating func add(_ speaker: Speaker?) {
        add(speaker) { hasher, speaker in
            hasher.add(speaker.name)
            hasher.add(speaker.kind.rawValue)
            hasher.add(speaker.role)
            hasher.add(speaker.mention) { hasher, mention in
                hasher.add(mention.text)
                hasher.add(mention.start)
                hasher.add(mention.end)
            }
            hasher.add(speaker.resolution)
        }
    }
}

extension FieldHasher {
    /// A JSON value: its kind, then its contents; an object's members by sorted key.
    mutating func add(_ value: JSONValue) {
        switch value {
        case .string(let string):
            add(1)
            add(string)
        case .number(let number):
            add(2)
            add(number)
        case .bool(let flag):
            add(3)
            add(flag)
        case .null:
            add(4)
        case .array(let values):
            add(5)
            add(values.count)
            for value in values { add(value) }
        case .object(let members):
            add(6)
            add(members.count)
            for key in members.keys.sorted() {
                add(key)
                add(members[key]!)
            }
        }
    }
}

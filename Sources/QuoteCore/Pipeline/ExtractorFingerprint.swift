import CQuoteBuild

/// What an extractor's output depends on besides the document, hashed: the code of the process
/// and its libraries, the word lists, the offset unit and the rules in order (by their ids).
///
/// Two extractions of the same document (id, text, metadata) under the same fingerprint give the
/// same records, byte for byte: the pipeline is deterministic (the same output at any number of
/// jobs, in any process). The store keeps a document's input hash under this fingerprint and
/// does not extract the document again when it comes back the same (`StoreIndexer`). The code
/// is known by the GNU build ids of every object loaded (the linker's hash of each object's
/// contents): any rebuild of `quotes`, or a new ICU, Swift runtime or C library, changes it.
/// Where the loader cannot list build ids (not Linux, or an object built without one) there is
/// no fingerprint, and documents are always extracted.
enum ExtractorFingerprint {
    /// The hash of the build ids of the objects loaded when first asked, or nil.
    static let loadedCode: UInt64? = {
        var hash: UInt64 = 0
        return qbuild_loaded_code_hash(&hash) == 0 ? hash : nil
    }()
}

extension Extractor {
    /// This extractor's fingerprint (`ExtractorFingerprint`) as hex, or nil when the code
    /// loaded in the process cannot be identified.
    package var fingerprint: String? {
        guard let code = ExtractorFingerprint.loadedCode else { return nil }
        var hasher = FieldHasher()
        hasher.add(word: code)
        hasher.add(word: lexicon.sourceHash)
        hasher.add(offsetUnit.rawValue)
        // The rules by the ids they write (their code is in the build ids): `String(reflecting:)`
        // of their types took ~1.2M instructions a rule.
        hasher.add(engine.rules.count)
        for rule in engine.rules {
            hasher.add(rule.ids.count)
            for id in rule.ids { hasher.add(id) }
        }
        return hasher.hex
    }
}

import ArgumentParser
import Foundation
import QuoteCore
import QuoteSchema
import QuoteStore

/// Options every store command shares.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The store file.", valueName: "path"))
    var db: String = "quotes.sqlite"

    /// The store at `db` for a command that reads it: a missing file is an error, not a new
    /// empty store left behind (`quotes index` creates stores).
    func existing() throws -> QuoteStore {
        guard FileManager.default.fileExists(atPath: db) else {
            throw ValidationError("no store at '\(db)': create one with 'quotes index --db \(db) ARTICLES...'")
        }
        return try QuoteStore(path: db)
    }
}

/// Output layouts of the store commands.
enum StoreFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl
}

/// `quotes speakers`: who is quoted, most first.
struct SpeakersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "speakers", abstract: "List speakers with their quotation counts.")

    @OptionGroup var store: StoreOptions

    @Option(help: "table, json or jsonl.")
    var format: StoreFormat = .table

    // Unconditional (here and for every count): "--limit -1" is taken as the value and refused
    // by `validate()` quoting it; ArgumentParser read "-1" as an option and said "Missing value".
    @Option(parsing: .unconditional, help: "Show at most this many speakers.")
    var limit: Int?

    func validate() throws {
        try OptionChecks.atLeast(0, limit, option: "--limit")
    }

    func run() throws {
        let speakers = try store.existing().speakers(limit: limit)
        switch format {
        case .table:
            for speaker in speakers {
                let aliases = speaker.aliases.filter { $0 != speaker.name }.prefix(4).joined(separator: "; ")
                print(String(format: "%6d  %4d docs  ", speaker.quotes, speaker.documents) + speaker.name
                      + (aliases.isEmpty ? "" : "  (\(aliases))"))
            }
        case .json:
            print(String(decoding: try StoreOutput.encoder(pretty: true).encode(speakers), as: UTF8.self))
        case .jsonl:
            let encoder = StoreOutput.encoder(pretty: false)
            for speaker in speakers { print(String(decoding: try encoder.encode(speaker), as: UTF8.self)) }
        }
    }
}

/// `quotes query`: quotations by speaker, text and date.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "query", abstract: "Find stored quotations by speaker, words and date.")

    @OptionGroup var store: StoreOptions

    @Option(help: "A speaker's name or surname, any case or transliteration.")
    var speaker: String?

    @Option(help: "Full-text search in quotation text.")
    var text: String?

    @Option(help: "Words the quotations must contain (with --speaker).")
    var search: String?

    @Option(help: "Only documents published on or after this date (yyyy-mm-dd).")
    var since: String?

    @Option(help: "Only documents published on or before this date (yyyy-mm-dd).")
    var until: String?

    @Option(help: "table, json or jsonl.")
    var format: StoreFormat = .table

    @Option(parsing: .unconditional, help: "At most this many quotations.")
    var limit: Int?

    func validate() throws {
        try OptionChecks.atLeast(0, limit, option: "--limit")
    }

    func run() throws {
        let result = try store.existing().query(QuoteQuery(speaker: speaker, text: text, search: search,
                                                                       since: since, until: until, limit: limit))
        if result.isAmbiguous, let speaker {
            // The most quoted ten: a common surname in a large archive matches thousands.
            var names = result.speakers.prefix(10).map { "\($0.name) (\($0.quotes))" }.joined(separator: ", ")
            if result.speakers.count > 10 { names += " and \(result.speakers.count - 10) more (quotes speakers lists them all)" }
            StandardError.write("ambiguous: \(result.speakers.count) speakers match '\(speaker)': \(names)")
        }
        if result.quotes.isEmpty {
            StandardError.write("no quotations")
            return
        }
        switch format {
        case .table:
            for stored in result.quotes {
                let record = stored.record
                var quote = record.quote.text.replacingOccurrences(of: "\n", with: " ")
                if quote.count > 90 { quote = String(quote.prefix(87)) + "..." }
                print("\(record.speaker?.name ?? "-")  \(stored.published ?? "----------")  \(record.type.rawValue)  \"\(quote)\"  [\(record.document)]")
            }
        case .json:
            print(String(decoding: try StoreOutput.encoder(pretty: true).encode(result), as: UTF8.self))
        case .jsonl:
            let encoder = StoreOutput.encoder(pretty: false)
            for stored in result.quotes { print(String(decoding: try encoder.encode(stored), as: UTF8.self)) }
        }
    }
}

/// `quotes show`: one stored quotation with its context.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one stored quotation with the text around it.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "A quotation id as `quotes query --format jsonl` prints it.")
    var id: String

    func run() throws {
        guard let found = try store.existing().show(id: id) else {
            throw ValidationError("no quotation with id '\(id)' in \(store.db)")
        }
        print(String(decoding: try StoreOutput.encoder(pretty: true).encode(found.quote), as: UTF8.self))
        print("\ncontext:\n" + found.context)
    }
}

/// `quotes check`: is the store file intact?
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the store: SQLite's integrity check, full-text entries and documents of every quotation.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let health = try store.existing().health()
        print(health)
        if !health.isIntact { throw ExitCode(1) }
    }
}

/// JSON encoders for the store commands' output.
enum StoreOutput {
    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

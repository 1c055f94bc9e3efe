import ArgumentParser
import Foundation

/// The `quotes` command-line tool.
@main
struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Extract quotations and their speakers from news articles.",
        subcommands: [ExtractCommand.self, EvalCommand.self, IndexCommand.self, SpeakersCommand.self, QueryCommand.self, ShowCommand.self,
                      CheckCommand.self, BenchCommand.self],
        defaultSubcommand: nil
    )

    static func main() {
        PeakMemory.reportAtExitIfRequested()
        main(nil)
    }
}
